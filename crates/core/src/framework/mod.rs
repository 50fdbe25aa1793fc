//! The validated framework: sections, scales, items, support types, weights, profile texts and
//! case studies. Built only by [`Framework::from_json`] (or `from_toml`), which checks the whole
//! file, so code holding a `Framework` can rely on every reference in it resolving.

pub mod compact;
mod load;

pub use load::{FORMAT, MAX_WEIGHT};

use crate::answer::Choice;
use crate::ids::{FrameworkId, ItemId, SectionId, SupportTypeId};
use crate::problem::Problem;

/// The default framework as compact JSON, converted at build time from `content/framework.toml`.
pub const BUNDLED_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/framework.json"));

/// A validated framework.
#[derive(Debug, Clone, PartialEq)]
pub struct Framework {
    /// Stable id, such as `rethinking-childrens-social-work`.
    pub id: FrameworkId,
    /// Version, such as `1.0`.
    pub version: String,
    /// The assessment's name.
    pub title: String,
    /// One sentence on what it is.
    pub description: String,
    /// About how long it takes, in minutes.
    pub minutes: u32,
    /// The match, in percent, at or above which a support type is suggested.
    pub suggest_threshold: u32,
    /// At most this many support types are suggested.
    pub max_suggestions: usize,
    /// The licence and source of the content.
    pub attribution: Attribution,
    /// The answer scales.
    pub scales: Vec<Scale>,
    /// The sections, in the order they are asked.
    pub sections: Vec<Section>,
    /// Every item, grouped by section in asking order.
    pub items: Vec<Item>,
    /// The kinds support types are grouped in.
    pub support_kinds: Vec<SupportKind>,
    /// The support types, in the order that breaks ties.
    pub support_types: Vec<SupportType>,
    /// The axes and cut of the profile chart.
    pub profile_chart: ProfileChart,
    /// The text for each profile, indexed by [`Profile::position`].
    pub profiles: Vec<ProfileText>,
    /// Authorities that have done what an item asks.
    pub case_studies: Vec<CaseStudy>,
    /// Positions in `items`, ordered by item id, for lookups by id (a binary search).
    item_order: Vec<usize>,
    /// Positions in `sections`, ordered by section id.
    section_order: Vec<usize>,
}

/// The licence and source of the framework's content.
#[derive(Debug, Clone, PartialEq)]
pub struct Attribution {
    /// The licence statement to show.
    pub licence: String,
    /// Where the licence can be read.
    pub licence_url: Option<String>,
    /// The source document.
    pub source: String,
    /// Anything else to credit.
    pub notes: Option<String>,
}

/// An answer scale.
#[derive(Debug, Clone, PartialEq)]
pub struct Scale {
    /// Its id, such as `maturity`.
    pub id: String,
    /// The question put to each item on this scale.
    pub question: String,
    /// What kind of answers it takes.
    pub kind: ScaleKind,
}

/// The kinds of answer scale.
#[derive(Debug, Clone, PartialEq)]
pub enum ScaleKind {
    /// Levels 0 to 4, each with a name and a description, plus "Not sure".
    Rating {
        /// The five levels, in order of value.
        levels: Vec<Level>,
        /// The name of the "Not sure" answer.
        not_sure: String,
        /// What "Not sure" means.
        not_sure_description: String,
    },
    /// Yes, Partly, No, Not sure.
    Choice {
        /// The name shown for each choice, indexed by [`Choice::position`].
        names: Vec<String>,
    },
    /// Free text.
    Text,
}

/// One level of a rating scale.
#[derive(Debug, Clone, PartialEq)]
pub struct Level {
    /// 0 to 4.
    pub value: u8,
    /// Such as "Developing".
    pub name: String,
    /// What the level means, shown beside it.
    pub description: String,
}

/// What a section contributes to the results.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A key-ingredient domain: its percent feeds practice maturity with this weight.
    Domain {
        /// The domain's weight in practice maturity.
        weight: u32,
    },
    /// Challenge questions: they signal opportunities.
    Challenges,
    /// Innovation readiness: its percent is the readiness score.
    Readiness,
    /// Free-text vision questions, not scored.
    Vision,
}

impl Role {
    /// The role's id in framework files.
    pub fn id(self) -> &'static str {
        match self {
            Role::Domain { .. } => "domain",
            Role::Challenges => "challenges",
            Role::Readiness => "readiness",
            Role::Vision => "vision",
        }
    }
}

/// A section of the assessment, asked on one page.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// Its id.
    pub id: SectionId,
    /// What it contributes.
    pub role: Role,
    /// Position of its scale in [`Framework::scales`].
    pub scale: usize,
    /// Its title.
    pub title: String,
    /// One line for the task list.
    pub summary: String,
    /// The paragraph that opens its page.
    pub intro: String,
    /// Positions of its items in [`Framework::items`], in asking order.
    pub items: Vec<usize>,
}

/// How an item is answered, which follows from its section's scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemKind {
    /// On a rating scale.
    Rating,
    /// A challenge question.
    Choice,
    /// Free text.
    Text,
}

/// One statement or question.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// Its id.
    pub id: ItemId,
    /// Position of its section in [`Framework::sections`].
    pub section: usize,
    /// How it is answered.
    pub kind: ItemKind,
    /// A short name, used in lists and reasons.
    pub label: String,
    /// The full statement or question.
    pub statement: String,
    /// Where the statement comes from, if the framework says.
    pub source: Option<String>,
    /// The support types this item points to.
    pub points_to: Vec<Pointer>,
    /// For challenge questions: which answer signals an opportunity, and each answer in words.
    pub challenge: Option<Challenge>,
}

/// What a challenge question adds to an item.
#[derive(Debug, Clone, PartialEq)]
pub struct Challenge {
    /// The answer that signals an opportunity to innovate.
    pub opportunity_when: Choice,
    /// Each answer put in words, indexed by [`Choice::position`], for reasons.
    pub says: Vec<String>,
}

/// An item's pointer to a support type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pointer {
    /// Position of the support type in [`Framework::support_types`].
    pub support: usize,
    /// 1 to 3.
    pub weight: u32,
}

/// A kind of support: expertise, connections, permissions or funding.
#[derive(Debug, Clone, PartialEq)]
pub struct SupportKind {
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// What it covers.
    pub description: String,
}

/// A type of support an authority may need.
#[derive(Debug, Clone, PartialEq)]
pub struct SupportType {
    /// Its id.
    pub id: SupportTypeId,
    /// Position of its kind in [`Framework::support_kinds`].
    pub kind: usize,
    /// A short name.
    pub name: String,
    /// What it is, in the source's words.
    pub description: String,
}

/// The axes and the cut of the profile chart.
#[derive(Debug, Clone, PartialEq)]
pub struct ProfileChart {
    /// Where both axes are cut, in percent.
    pub cut: u32,
    /// The horizontal axis (practice maturity).
    pub x_label: String,
    /// The vertical axis (innovation readiness).
    pub y_label: String,
}

/// Where maturity and readiness place an authority.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Profile {
    /// Maturity and readiness both at or above the cut.
    LeadAndSpread,
    /// Readiness at or above the cut, maturity below.
    ReadyToRedesign,
    /// Maturity at or above the cut, readiness below.
    StrongPracticeBuildTheCase,
    /// Both below the cut.
    LayTheFoundations,
}

impl Profile {
    /// Every profile, in the order of [`Framework::profiles`].
    pub const ALL: [Profile; 4] = [Profile::LeadAndSpread, Profile::ReadyToRedesign, Profile::StrongPracticeBuildTheCase, Profile::LayTheFoundations];

    /// The profile's id.
    pub fn id(self) -> &'static str {
        match self {
            Profile::LeadAndSpread => "lead-and-spread",
            Profile::ReadyToRedesign => "ready-to-redesign",
            Profile::StrongPracticeBuildTheCase => "strong-practice-build-the-case",
            Profile::LayTheFoundations => "lay-the-foundations",
        }
    }

    /// Position in [`Profile::ALL`].
    pub fn position(self) -> usize {
        self as usize
    }

    /// Whether this profile is on the high side of the cut for (maturity, readiness).
    pub fn sides(self) -> (bool, bool) {
        match self {
            Profile::LeadAndSpread => (true, true),
            Profile::ReadyToRedesign => (false, true),
            Profile::StrongPracticeBuildTheCase => (true, false),
            Profile::LayTheFoundations => (false, false),
        }
    }
}

/// What a profile means and what to do next.
#[derive(Debug, Clone, PartialEq)]
pub struct ProfileText {
    /// Which profile.
    pub profile: Profile,
    /// Its name, such as "Lead and spread".
    pub name: String,
    /// What it means.
    pub summary: String,
    /// What to do next.
    pub next_steps: String,
}

/// An authority that has done what some items ask.
#[derive(Debug, Clone, PartialEq)]
pub struct CaseStudy {
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// What it shows, in two sentences.
    pub summary: String,
    /// Positions of the items it speaks to.
    pub items: Vec<usize>,
}

/// The positions of `list`, ordered by the elements' ids, for lookups by id. A sorted list of
/// positions costs the browser builds less code than a map. Each position goes in where a
/// binary search puts it: no sorting code, and quick enough for the hundreds of items a
/// framework has at most.
fn id_order<T>(list: &[T], id: impl Fn(&T) -> &str) -> Vec<usize> {
    let mut order = Vec::with_capacity(list.len());
    for (position, element) in list.iter().enumerate() {
        let at = order.partition_point(|&before: &usize| id(&list[before]) <= id(element));
        order.insert(at, position);
    }
    order
}

/// The position in `list` of the element with this id, by a binary search of `order`.
fn find_by_id<T>(list: &[T], order: &[usize], id: impl Fn(&T) -> &str, wanted: &str) -> Option<usize> {
    order.binary_search_by(|&position| id(&list[position]).cmp(wanted)).ok().map(|found| order[found])
}

impl Framework {
    /// The default framework, compiled in.
    pub fn bundled() -> Framework {
        // The bundled file is checked by a test; failing here means the build is broken, not
        // that a user gave bad input.
        Framework::from_json(BUNDLED_JSON).unwrap_or_else(|problems| {
            let list: Vec<String> = problems.iter().map(ToString::to_string).collect();
            panic!("the bundled framework is invalid: {}", list.join("; "))
        })
    }

    /// Reads and validates a framework written as JSON, reporting every problem with its path.
    pub fn from_json(text: &str) -> Result<Framework, Vec<Problem>> {
        let value = crate::codec::parse_json(text)?;
        load::load(&value)
    }

    /// Reads and validates a framework written as TOML, reporting every problem with its path.
    #[cfg(feature = "toml")]
    pub fn from_toml(text: &str) -> Result<Framework, Vec<Problem>> {
        let value: toml::Value = toml::from_str(text).map_err(|error| {
            let place = error.span().map(|span| {
                let before = &text[..span.start.min(text.len())];
                let line = before.matches('\n').count() + 1;
                let column = before.rsplit('\n').next().map_or(0, |last| last.chars().count()) + 1;
                format!(" at line {line}, column {column}")
            });
            vec![Problem::new("", format!("not valid TOML{}: {}", place.unwrap_or_default(), error.message().trim()))]
        })?;
        load::load(&from_toml_value(value))
    }

    /// Validates a framework already parsed into a JSON value tree.
    pub fn from_value(value: &crate::json::Value) -> Result<Framework, Vec<Problem>> {
        load::load(value)
    }

    /// Position of the item with this id.
    pub fn item_position(&self, id: &str) -> Option<usize> {
        find_by_id(&self.items, &self.item_order, |item| item.id.as_str(), id)
    }

    /// The item with this id.
    pub fn item(&self, id: &str) -> Option<&Item> {
        self.item_position(id).map(|position| &self.items[position])
    }

    /// Position of the section with this id.
    pub fn section_position(&self, id: &str) -> Option<usize> {
        find_by_id(&self.sections, &self.section_order, |section| section.id.as_str(), id)
    }

    /// The section with this id.
    pub fn section(&self, id: &str) -> Option<&Section> {
        self.section_position(id).map(|position| &self.sections[position])
    }

    /// The scale an item is answered on.
    pub fn scale_of(&self, item: &Item) -> &Scale {
        &self.scales[self.sections[item.section].scale]
    }

    /// The text of a profile.
    pub fn profile_text(&self, profile: Profile) -> &ProfileText {
        &self.profiles[profile.position()]
    }

    /// Items that are scored or signal opportunities: every item but free text.
    pub fn scored_items(&self) -> impl Iterator<Item = (usize, &Item)> {
        self.items.iter().enumerate().filter(|(_, item)| item.kind != ItemKind::Text)
    }

    /// The sections whose percents make up practice maturity.
    pub fn domains(&self) -> impl Iterator<Item = (usize, &Section)> {
        self.sections.iter().enumerate().filter(|(_, section)| matches!(section.role, Role::Domain { .. }))
    }

    /// The innovation-readiness section (validation ensures there is exactly one).
    pub fn readiness_section(&self) -> usize {
        self.sections.iter().position(|section| section.role == Role::Readiness).unwrap_or_default()
    }

    /// The case studies that speak to an item.
    pub fn case_studies_for(&self, item: usize) -> impl Iterator<Item = &CaseStudy> {
        self.case_studies.iter().filter(move |study| study.items.contains(&item))
    }
}

impl Scale {
    /// The name of a level, for rating scales.
    pub fn level_name(&self, value: u8) -> Option<&str> {
        match &self.kind {
            ScaleKind::Rating { levels, .. } => levels.get(usize::from(value)).map(|level| level.name.as_str()),
            _ => None,
        }
    }

    /// The name shown for a challenge choice.
    pub fn choice_name(&self, choice: Choice) -> Option<&str> {
        match &self.kind {
            ScaleKind::Choice { names } => names.get(choice.position()).map(String::as_str),
            _ => None,
        }
    }

    /// The name of "Not sure", for rating scales.
    pub fn not_sure_name(&self) -> Option<&str> {
        match &self.kind {
            ScaleKind::Rating { not_sure, .. } => Some(not_sure),
            _ => None,
        }
    }
}

/// A TOML value as the JSON tree the loader reads (dates and times become their text; a float
/// keeps its text, and only whole numbers are read).
#[cfg(feature = "toml")]
fn from_toml_value(value: toml::Value) -> crate::json::Value {
    use crate::json::Value;
    match value {
        toml::Value::String(text) => Value::String(text),
        toml::Value::Integer(n) => number(&n.to_string()),
        toml::Value::Float(f) => number(&f.to_string()),
        toml::Value::Boolean(flag) => Value::Bool(flag),
        toml::Value::Datetime(at) => Value::String(at.to_string()),
        toml::Value::Array(list) => Value::Array(list.into_iter().map(from_toml_value).collect()),
        toml::Value::Table(table) => Value::Object(table.into_iter().map(|(key, value)| (key, from_toml_value(value))).collect()),
    }
}

/// A number written as `text` (Rust's own formatting of an integer or a float), as a JSON value;
/// a float JSON cannot write (infinity, NaN) becomes its text.
#[cfg(feature = "toml")]
fn number(text: &str) -> crate::json::Value {
    crate::json::parse(text).unwrap_or_else(|_| crate::json::Value::String(text.to_owned()))
}
