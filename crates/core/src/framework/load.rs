//! The second stage of reading a framework: from a JSON value tree (the raw file, whatever its
//! syntax) to a validated [`Framework`]. Every problem is recorded with its path and reading
//! carries on, so one pass reports all that is wrong.

use std::collections::{BTreeMap, BTreeSet};

use crate::json::Value;

use super::{
    Attribution, CaseStudy, Challenge, Framework, Item, ItemKind, Level, Pointer, Profile, ProfileChart, ProfileText, Role, Scale, ScaleKind, Section,
    SupportKind, SupportType,
};
use crate::answer::{Choice, TOP_LEVEL};
use crate::ids::{self, FrameworkId, ItemId, SectionId, SupportTypeId};
use crate::problem::{Problem, quote};
use crate::reader::{Fields, Reader};

/// The value of `format` that marks a framework file.
pub const FORMAT: &str = "readiness-framework";

/// The largest weight an item may give a support type.
pub const MAX_WEIGHT: u64 = 3;

pub(super) fn load(value: &Value) -> Result<Framework, Vec<Problem>> {
    let mut reader = Reader::default();
    let framework = read(&mut reader, value);
    match framework {
        Some(framework) if reader.problems.is_empty() => Ok(framework),
        _ => {
            if reader.problems.is_empty() {
                reader.problem("", "this is not a framework file");
            }
            Err(reader.problems)
        }
    }
}

/// Reads an id field and checks its form.
fn id_field(reader: &mut Reader, fields: &mut Fields<'_>, key: &'static str) -> Option<String> {
    let id = reader.text(fields, key)?;
    if !ids::is_kebab(&id) {
        reader.problem(
            fields.path_of(key),
            format!("{} is not a valid id: use lower-case letters and digits joined by single hyphens, at most 64 characters", quote(&id)),
        );
        return None;
    }
    Some(id)
}

/// The ids one list declares: those of valid entries with their positions, and every id that
/// appeared at all. A reference to an entry that is declared but broken is not reported again,
/// so one mistake gives one problem rather than one per reference.
#[derive(Default)]
struct Ids {
    valid: BTreeMap<String, usize>,
    declared: BTreeSet<String>,
}

impl Ids {
    /// Records an id as declared, reporting a repeat; returns whether it is new.
    fn declare(&mut self, reader: &mut Reader, path: &str, what: &str, id: &str) -> bool {
        if self.declared.insert(id.to_owned()) {
            true
        } else {
            reader.problem(path, format!("{what} id {} is used more than once", quote(id)));
            false
        }
    }

    /// Records the position of a valid entry.
    fn valid(&mut self, id: &str, position: usize) {
        self.valid.insert(id.to_owned(), position);
    }

    /// The position an id refers to; an id never declared is reported as unknown.
    fn resolve(&self, reader: &mut Reader, path: &str, what: &str, id: &str) -> Option<usize> {
        if let Some(&position) = self.valid.get(id) {
            return Some(position);
        }
        if !self.declared.contains(id) {
            reader.problem(path, format!("unknown {what} {}", quote(id)));
        }
        None
    }

    /// Whether some entry was declared but is broken.
    fn any_broken(&self) -> bool {
        self.declared.len() > self.valid.len()
    }
}

fn read(reader: &mut Reader, value: &Value) -> Option<Framework> {
    let mut top = reader.table("", value)?;
    match reader.text(&mut top, "format") {
        Some(format) if format == FORMAT => {}
        Some(format) => reader.problem("format", format!("expected \"{FORMAT}\", found {}", quote(&format))),
        None => {}
    }
    let id = id_field(reader, &mut top, "id");
    let version = reader.nonempty_text(&mut top, "version");
    if let Some(version) = &version
        && (version.len() > 32 || !version.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '+')))
    {
        reader.problem("version", format!("{} is not a valid version: use digits, letters, '.', '-' or '+', at most 32 characters", quote(version)));
    }
    let title = reader.nonempty_text(&mut top, "title");
    let description = reader.opt_text(&mut top, "description").unwrap_or_default();
    let minutes = reader.opt_whole(&mut top, "minutes", 1..=600).unwrap_or(20);
    let suggest_threshold = reader.opt_whole(&mut top, "suggest_threshold", 1..=100).unwrap_or(25);
    let max_suggestions = reader.opt_whole(&mut top, "max_suggestions", 1..=100).unwrap_or(6);
    let attribution = top.take("attribution").map(|value| read_attribution(reader, value));
    if attribution.is_none() {
        reader.problem("attribution", "missing: say where the content comes from and under which licence");
    }

    let (scales, scale_ids) = read_scales(reader, &mut top);
    let (support_kinds, kind_ids) = read_support_kinds(reader, &mut top);
    let (support_types, support_ids) = read_support_types(reader, &mut top, &kind_ids);
    let (mut sections, section_ids) = read_sections(reader, &mut top, &scales, &scale_ids);
    let (items, item_ids) = read_items(reader, &mut top, &mut sections, &section_ids, &support_ids, &scales);
    if !section_ids.any_broken() {
        check_sections(reader, &sections);
    }
    let profile_chart = read_profile_chart(reader, &mut top);
    let profiles = read_profiles(reader, &mut top);
    let case_studies = read_case_studies(reader, &mut top, &item_ids);
    reader.finish(top);

    Some(Framework {
        id: FrameworkId::new(id?),
        version: version?,
        title: title?,
        description,
        minutes: u32::try_from(minutes).ok()?,
        suggest_threshold: u32::try_from(suggest_threshold).ok()?,
        max_suggestions: usize::try_from(max_suggestions).ok()?,
        attribution: attribution??,
        item_order: super::id_order(&items, |item| item.id.as_str()),
        section_order: super::id_order(&sections, |section| section.id.as_str()),
        scales,
        sections,
        items,
        support_kinds,
        support_types,
        profile_chart,
        profiles: profiles?,
        case_studies,
    })
}

fn read_attribution(reader: &mut Reader, value: &Value) -> Option<Attribution> {
    let mut fields = reader.table("attribution", value)?;
    let licence = reader.nonempty_text(&mut fields, "licence");
    let licence_url = reader.opt_text(&mut fields, "licence_url");
    let source = reader.nonempty_text(&mut fields, "source");
    let notes = reader.opt_text(&mut fields, "notes");
    reader.finish(fields);
    Some(Attribution { licence: licence?, licence_url, source: source?, notes })
}

fn read_scales(reader: &mut Reader, top: &mut Fields<'_>) -> (Vec<Scale>, Ids) {
    let mut scales = Vec::new();
    let mut ids = Ids::default();
    for (path, value) in reader.list(top, "scales") {
        let Some(mut fields) = reader.table(&path, value) else { continue };
        let id = id_field(reader, &mut fields, "id");
        let new = id.as_ref().is_some_and(|id| ids.declare(reader, &path, "scale", id));
        let question = reader.opt_text(&mut fields, "question");
        let kind_id = reader.text(&mut fields, "kind");
        let kind = match kind_id.as_deref() {
            Some("rating") => read_rating(reader, &mut fields),
            Some("choice") => read_choice(reader, &mut fields),
            Some("text") => Some(ScaleKind::Text),
            Some(other) => {
                reader.problem(fields.path_of("kind"), format!("unknown scale kind {}: expected \"rating\", \"choice\" or \"text\"", quote(other)));
                None
            }
            None => None,
        };
        reader.finish(fields);
        if let (Some(id), Some(kind), true) = (id, kind, new) {
            ids.valid(&id, scales.len());
            scales.push(Scale { id, question: question.unwrap_or_else(|| "Your answer".to_owned()), kind });
        }
    }
    (scales, ids)
}

fn read_rating(reader: &mut Reader, fields: &mut Fields<'_>) -> Option<ScaleKind> {
    let not_sure = reader.opt_text(fields, "not_sure").unwrap_or_else(|| "Not sure".to_owned());
    let not_sure_description = reader.opt_text(fields, "not_sure_description").unwrap_or_default();
    let levels_path = fields.path_of("levels");
    let mut levels = Vec::new();
    let mut complete = true;
    let Some(levels_value) = fields.take("levels") else {
        reader.problem(levels_path, format!("missing: a rating scale has {} levels, 0 to {TOP_LEVEL}", TOP_LEVEL + 1));
        return None;
    };
    let elements = reader.elements(&levels_path, levels_value);
    for (position, (path, value)) in elements.iter().enumerate() {
        let Some(mut level) = reader.table(path, value) else {
            complete = false;
            continue;
        };
        let level_value = reader.opt_whole(&mut level, "value", 0..=u64::from(TOP_LEVEL));
        match level_value {
            Some(found) if found as usize != position => {
                reader.problem(level.path_of("value"), format!("levels must run 0 to {TOP_LEVEL} in order: expected {position}, found {found}"))
            }
            _ => {}
        }
        let name = reader.nonempty_text(&mut level, "name");
        let description = reader.opt_text(&mut level, "description").unwrap_or_default();
        reader.finish(level);
        match name {
            Some(name) if position <= usize::from(TOP_LEVEL) => levels.push(Level { value: position as u8, name, description }),
            _ => complete = false,
        }
    }
    if elements.len() != usize::from(TOP_LEVEL) + 1 && matches!(levels_value, Value::Array(_)) {
        reader.problem(levels_path, format!("a rating scale has exactly {} levels, 0 to {TOP_LEVEL}; found {}", TOP_LEVEL + 1, elements.len()));
        complete = false;
    }
    let mut names: Vec<&str> = levels.iter().map(|level| level.name.as_str()).chain([not_sure.as_str()]).collect();
    crate::sort::sort_by(&mut names, |a, b| a.cmp(b));
    if let Some(pair) = names.windows(2).find(|pair| pair[0] == pair[1]) {
        reader.problem(fields.path_of("levels"), format!("two answers are both named {}: each must have its own name", quote(pair[0])));
    }
    complete.then_some(ScaleKind::Rating { levels, not_sure, not_sure_description })
}

fn read_choice(reader: &mut Reader, fields: &mut Fields<'_>) -> Option<ScaleKind> {
    let mut names: Vec<Option<String>> = vec![None; Choice::ALL.len()];
    let choices_path = fields.path_of("choices");
    for (path, value) in reader.list(fields, "choices") {
        let Some(mut choice) = reader.table(&path, value) else { continue };
        let id = reader.text(&mut choice, "id");
        let name = reader.nonempty_text(&mut choice, "name");
        let id_path = choice.path_of("id");
        reader.finish(choice);
        let Some(id) = id else { continue };
        match Choice::from_id(&id) {
            None => reader.problem(id_path, format!("unknown choice {}: a choice scale has exactly yes, partly, no and not-sure", quote(&id))),
            Some(known) if names[known.position()].is_some() => reader.problem(id_path, format!("choice {} is listed twice", quote(&id))),
            Some(known) => names[known.position()] = name.or(Some(String::new())),
        }
    }
    let missing: Vec<&str> = Choice::ALL.iter().filter(|choice| names[choice.position()].is_none()).map(|choice| choice.id()).collect();
    if !missing.is_empty() {
        reader.problem(choices_path, format!("missing choices: {}", missing.join(", ")));
        return None;
    }
    Some(ScaleKind::Choice { names: names.into_iter().flatten().collect() })
}

fn read_support_kinds(reader: &mut Reader, top: &mut Fields<'_>) -> (Vec<SupportKind>, Ids) {
    let mut kinds = Vec::new();
    let mut ids = Ids::default();
    for (path, value) in reader.list(top, "support_kinds") {
        let Some(mut fields) = reader.table(&path, value) else { continue };
        let id = id_field(reader, &mut fields, "id");
        let new = id.as_ref().is_some_and(|id| ids.declare(reader, &path, "support kind", id));
        let name = reader.nonempty_text(&mut fields, "name");
        let description = reader.opt_text(&mut fields, "description").unwrap_or_default();
        reader.finish(fields);
        if let (Some(id), Some(name), true) = (id, name, new) {
            ids.valid(&id, kinds.len());
            kinds.push(SupportKind { id, name, description });
        }
    }
    (kinds, ids)
}

fn read_support_types(reader: &mut Reader, top: &mut Fields<'_>, kinds: &Ids) -> (Vec<SupportType>, Ids) {
    let mut supports = Vec::new();
    let mut ids = Ids::default();
    let present = top.take("support_types").is_some();
    let elements = reader.list(top, "support_types");
    if present && elements.is_empty() {
        reader.problem("support_types", "a framework needs at least one support type");
    }
    for (path, value) in elements {
        let Some(mut fields) = reader.table(&path, value) else { continue };
        let id = id_field(reader, &mut fields, "id");
        let new = id.as_ref().is_some_and(|id| ids.declare(reader, &path, "support type", id));
        let kind_id = reader.text(&mut fields, "kind");
        let kind = kind_id.as_deref().and_then(|kind_id| kinds.resolve(reader, &fields.path_of("kind"), "support kind", kind_id));
        let name = reader.nonempty_text(&mut fields, "name");
        let description = reader.nonempty_text(&mut fields, "description");
        reader.finish(fields);
        if let (Some(id), Some(kind), Some(name), Some(description), true) = (id, kind, name, description, new) {
            ids.valid(&id, supports.len());
            supports.push(SupportType { id: SupportTypeId::new(id), kind, name, description });
        }
    }
    (supports, ids)
}

fn read_sections(reader: &mut Reader, top: &mut Fields<'_>, scales: &[Scale], scale_ids: &Ids) -> (Vec<Section>, Ids) {
    let mut sections = Vec::new();
    let mut ids = Ids::default();
    for (path, value) in reader.list(top, "sections") {
        let Some(mut fields) = reader.table(&path, value) else { continue };
        let id = id_field(reader, &mut fields, "id");
        let new = id.as_ref().is_some_and(|id| ids.declare(reader, &path, "section", id));
        let role_id = reader.text(&mut fields, "role");
        let weight = reader.opt_whole(&mut fields, "weight", 1..=100);
        let scale_id = reader.text(&mut fields, "scale");
        let title = reader.nonempty_text(&mut fields, "title");
        let summary = reader.opt_text(&mut fields, "summary").unwrap_or_default();
        let intro = reader.opt_text(&mut fields, "intro").unwrap_or_default();
        let role = match role_id.as_deref() {
            Some("domain") => Some(Role::Domain { weight: weight.unwrap_or(1) as u32 }),
            Some("challenges") => Some(Role::Challenges),
            Some("readiness") => Some(Role::Readiness),
            Some("vision") => Some(Role::Vision),
            Some(other) => {
                reader.problem(
                    fields.path_of("role"),
                    format!("unknown role {}: expected \"domain\", \"challenges\", \"readiness\" or \"vision\"", quote(other)),
                );
                None
            }
            None => None,
        };
        if weight.is_some() && role.is_some_and(|role| !matches!(role, Role::Domain { .. })) {
            reader.problem(fields.path_of("weight"), "only domain sections take a weight");
        }
        let scale = scale_id.as_deref().and_then(|scale_id| scale_ids.resolve(reader, &fields.path_of("scale"), "scale", scale_id));
        let mut fits = true;
        if let (Some(role), Some(scale)) = (role, scale) {
            fits = matches!(
                (role, &scales[scale].kind),
                (Role::Domain { .. } | Role::Readiness, ScaleKind::Rating { .. })
                    | (Role::Challenges, ScaleKind::Choice { .. })
                    | (Role::Vision, ScaleKind::Text)
            );
            if !fits {
                let wanted = match role {
                    Role::Domain { .. } | Role::Readiness => "rating",
                    Role::Challenges => "choice",
                    Role::Vision => "text",
                };
                reader.problem(fields.path_of("scale"), format!("a {} section needs a {wanted} scale, and {} is not one", role.id(), quote(&scales[scale].id)));
            }
        }
        reader.finish(fields);
        if let (Some(id), Some(role), Some(scale), Some(title), true, true) = (id, role, scale, title, new, fits) {
            ids.valid(&id, sections.len());
            sections.push(Section { id: SectionId::new(id), role, scale, title, summary, intro, items: Vec::new() });
        }
    }
    (sections, ids)
}

fn read_items(reader: &mut Reader, top: &mut Fields<'_>, sections: &mut [Section], section_ids: &Ids, support_ids: &Ids, scales: &[Scale]) -> (Vec<Item>, Ids) {
    let mut items = Vec::new();
    let mut ids = Ids::default();
    for (path, value) in reader.list(top, "items") {
        let Some(mut fields) = reader.table(&path, value) else { continue };
        let id = id_field(reader, &mut fields, "id");
        let new = id.as_ref().is_some_and(|id| ids.declare(reader, &path, "item", id));
        let section_id = reader.text(&mut fields, "section");
        let section = section_id.as_deref().and_then(|section_id| section_ids.resolve(reader, &fields.path_of("section"), "section", section_id));
        let kind = section.map(|section| match scales[sections[section].scale].kind {
            ScaleKind::Rating { .. } => ItemKind::Rating,
            ScaleKind::Choice { .. } => ItemKind::Choice,
            ScaleKind::Text => ItemKind::Text,
        });
        let label = reader.nonempty_text(&mut fields, "label");
        let statement = reader.nonempty_text(&mut fields, "statement");
        let source = reader.opt_text(&mut fields, "source");
        let points_to = read_pointers(reader, &mut fields, support_ids, kind);
        let challenge = read_challenge(reader, &mut fields, kind);
        reader.finish(fields);
        if let (Some(id), Some(section), Some(kind), Some(label), Some(statement), true) = (id, section, kind, label, statement, new) {
            sections[section].items.push(items.len());
            items.push(Item { id: ItemId::new(id), section, kind, label, statement, source, points_to, challenge });
        }
    }
    // Asking order is section order, then file order within a section.
    let mut order: Vec<usize> = (0..items.len()).collect();
    crate::sort::sort_by(&mut order, |&a, &b| items[a].section.cmp(&items[b].section));
    let mut new_position = vec![0; items.len()];
    for (new, &old) in order.iter().enumerate() {
        new_position[old] = new;
    }
    for section in sections.iter_mut() {
        for position in &mut section.items {
            *position = new_position[*position];
        }
    }
    let mut slots: Vec<Option<Item>> = items.into_iter().map(Some).collect();
    let items: Vec<Item> = order.iter().filter_map(|&old| slots[old].take()).collect();
    for (position, item) in items.iter().enumerate() {
        ids.valid(item.id.as_str(), position);
    }
    (items, ids)
}

fn read_pointers(reader: &mut Reader, fields: &mut Fields<'_>, support_ids: &Ids, kind: Option<ItemKind>) -> Vec<Pointer> {
    let points_path = fields.path_of("points_to");
    let elements = reader.opt_list(fields, "points_to");
    if kind == Some(ItemKind::Text) && !elements.is_empty() {
        reader.problem(points_path, "free-text items are not scored, so they cannot point to support types");
        return Vec::new();
    }
    let mut pointers: Vec<Pointer> = Vec::new();
    for (path, value) in elements {
        let Some(mut pointer) = reader.table(&path, value) else { continue };
        let support_id = reader.text(&mut pointer, "support");
        let support = support_id.as_deref().and_then(|support_id| support_ids.resolve(reader, &pointer.path_of("support"), "support type", support_id));
        let weight = match pointer.take("weight") {
            None => {
                reader.problem(pointer.path_of("weight"), format!("missing: give a weight from 1 to {MAX_WEIGHT}"));
                None
            }
            Some(value) => reader.as_whole(&pointer.path_of("weight"), value, 1..=MAX_WEIGHT),
        };
        if let Some(support) = support
            && pointers.iter().any(|earlier| earlier.support == support)
        {
            reader.problem(pointer.path_of("support"), format!("this item already points to {}", quote(support_id.as_deref().unwrap_or_default())));
        }
        reader.finish(pointer);
        if let (Some(support), Some(weight)) = (support, weight) {
            pointers.push(Pointer { support, weight: weight as u32 });
        }
    }
    pointers
}

fn read_challenge(reader: &mut Reader, fields: &mut Fields<'_>, kind: Option<ItemKind>) -> Option<Challenge> {
    let opportunity_path = fields.path_of("opportunity_when");
    let opportunity = reader.opt_text(fields, "opportunity_when");
    let says_path = fields.path_of("says");
    let says_value = fields.take("says");
    if kind != Some(ItemKind::Choice) {
        if kind.is_some() && opportunity.is_some() {
            reader.problem(opportunity_path, "only challenge questions take opportunity_when");
        }
        if kind.is_some() && says_value.is_some() {
            reader.problem(says_path, "only challenge questions take says");
        }
        return None;
    }
    let opportunity_when = match opportunity.as_deref() {
        None => {
            reader.problem(&opportunity_path, "missing: say which answer, \"yes\" or \"no\", signals an opportunity");
            None
        }
        Some("yes") => Some(Choice::Yes),
        Some("no") => Some(Choice::No),
        Some(other) => {
            reader.problem(&opportunity_path, format!("expected \"yes\" or \"no\", found {}", quote(other)));
            None
        }
    };
    let mut says = vec![String::new(); Choice::ALL.len()];
    if let Some(value) = says_value
        && let Some(mut table) = reader.table(&says_path, value)
    {
        for choice in Choice::ALL {
            if let Some(text) = reader.opt_text(&mut table, choice.id()) {
                says[choice.position()] = text;
            }
        }
        reader.finish(table);
    }
    Some(Challenge { opportunity_when: opportunity_when?, says })
}

fn check_sections(reader: &mut Reader, sections: &[Section]) {
    for (position, section) in sections.iter().enumerate() {
        if section.items.is_empty() {
            reader.problem(format!("sections[{position}]"), format!("section {} has no items", quote(section.id.as_str())));
        }
    }
    if !sections.is_empty() {
        if !sections.iter().any(|section| matches!(section.role, Role::Domain { .. })) {
            reader.problem("sections", "a framework needs at least one domain section: practice maturity is their mean");
        }
        let n_readiness = sections.iter().filter(|section| section.role == Role::Readiness).count();
        if n_readiness != 1 {
            reader.problem("sections", format!("a framework needs exactly one readiness section, found {n_readiness}"));
        }
    }
}

fn read_profile_chart(reader: &mut Reader, top: &mut Fields<'_>) -> ProfileChart {
    let mut chart = ProfileChart { cut: 50, x_label: "Practice maturity".to_owned(), y_label: "Innovation readiness".to_owned() };
    if let Some(value) = top.take("profile_chart")
        && let Some(mut fields) = reader.table("profile_chart", value)
    {
        if let Some(cut) = reader.opt_whole(&mut fields, "cut", 1..=99) {
            chart.cut = cut as u32;
        }
        if let Some(label) = reader.opt_text(&mut fields, "x_label") {
            chart.x_label = label;
        }
        if let Some(label) = reader.opt_text(&mut fields, "y_label") {
            chart.y_label = label;
        }
        reader.finish(fields);
    }
    chart
}

fn read_profiles(reader: &mut Reader, top: &mut Fields<'_>) -> Option<Vec<ProfileText>> {
    let mut texts: Vec<Option<ProfileText>> = vec![None; Profile::ALL.len()];
    if top.take("profiles").is_none() {
        let known: Vec<&str> = Profile::ALL.iter().map(|profile| profile.id()).collect();
        reader.problem("profiles", format!("missing: describe each profile: {}", known.join(", ")));
        return None;
    }
    for (path, value) in reader.list(top, "profiles") {
        let Some(mut fields) = reader.table(&path, value) else { continue };
        let id = reader.text(&mut fields, "id");
        let name = reader.nonempty_text(&mut fields, "name");
        let summary = reader.nonempty_text(&mut fields, "summary");
        let next_steps = reader.nonempty_text(&mut fields, "next_steps");
        let id_path = fields.path_of("id");
        reader.finish(fields);
        let Some(id) = id else { continue };
        let Some(profile) = Profile::ALL.into_iter().find(|profile| profile.id() == id) else {
            let known: Vec<&str> = Profile::ALL.iter().map(|profile| profile.id()).collect();
            reader.problem(id_path, format!("unknown profile {}: expected one of {}", quote(&id), known.join(", ")));
            continue;
        };
        if texts[profile.position()].is_some() {
            reader.problem(id_path, format!("profile {} is described twice", quote(&id)));
            continue;
        }
        if let (Some(name), Some(summary), Some(next_steps)) = (name, summary, next_steps) {
            texts[profile.position()] = Some(ProfileText { profile, name, summary, next_steps });
        }
    }
    let missing: Vec<&str> = Profile::ALL.iter().filter(|profile| texts[profile.position()].is_none()).map(|profile| profile.id()).collect();
    if !missing.is_empty() {
        reader.problem("profiles", format!("missing a complete text for: {}", missing.join(", ")));
        return None;
    }
    Some(texts.into_iter().flatten().collect())
}

fn read_case_studies(reader: &mut Reader, top: &mut Fields<'_>, item_ids: &Ids) -> Vec<CaseStudy> {
    let mut studies = Vec::new();
    let mut ids = Ids::default();
    for (path, value) in reader.opt_list(top, "case_studies") {
        let Some(mut fields) = reader.table(&path, value) else { continue };
        let id = id_field(reader, &mut fields, "id");
        let new = id.as_ref().is_some_and(|id| ids.declare(reader, &path, "case study", id));
        let name = reader.nonempty_text(&mut fields, "name");
        let summary = reader.nonempty_text(&mut fields, "summary");
        let mut items = Vec::new();
        for (item_path, item_value) in reader.list(&mut fields, "items") {
            let Some(item_id) = reader.as_text(&item_path, item_value) else { continue };
            if let Some(position) = item_ids.resolve(reader, &item_path, "item", &item_id) {
                items.push(position);
            }
        }
        reader.finish(fields);
        if let (Some(id), Some(name), Some(summary), true) = (id, name, summary, new) {
            studies.push(CaseStudy { id, name, summary, items });
        }
    }
    studies
}
