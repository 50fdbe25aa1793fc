//! Comparing two assessments over time: the headline figures and section percents before and
//! after with the change in percentage points, the profile, every rated and challenge item's
//! answer, the suggested support types, and the geometry of a paired bar chart.
//!
//! Everything is worked out from [`view::results_view`] of each assessment, so the figures are
//! exactly those of the two results pages; changes are decided on exact percents and turned
//! into numbers only for display.

use std::cmp::Ordering;

use crate::answer::{Assessment, Rating};
use crate::framework::{Framework, ItemKind, Role};
use crate::ratio::Ratio;
use crate::score;
use crate::view::{self, ResultsView, decimal, maybe_percent_text};

/// Which way a figure moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trend {
    /// Higher after than before.
    Up,
    /// Lower after than before.
    Down,
    /// Exactly the same.
    Same,
    /// Not defined before, after or both.
    CannotCompare,
}

/// What a change shows when either figure is undefined.
pub const CANNOT_COMPARE: &str = "Cannot compare: not enough answers";

/// What a change shows when the figures are equal.
pub const NO_CHANGE: &str = "No change";

/// One figure before and after.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureChange {
    /// A stable key: "maturity", "readiness", "completeness" or a section id.
    pub key: String,
    /// What the figure is: "Practice maturity", a section's title.
    pub label: String,
    /// The exact percent before, if defined.
    pub before: Option<Ratio>,
    /// The exact percent after, if defined.
    pub after: Option<Ratio>,
    /// The percent before in words ("50%", or "Not enough answers").
    pub before_text: String,
    /// The percent after in words.
    pub after_text: String,
    /// Which way it moved, decided on the exact percents.
    pub trend: Trend,
    /// After minus before, in percentage points, when both are defined.
    pub points: Option<f64>,
    /// The change in words: "Up 12.5 points", "Down 5 points", "No change" or
    /// "Cannot compare: not enough answers".
    pub change_text: String,
}

/// The profile before and after.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileChange {
    /// The profile's name before, if there was one.
    pub before: Option<String>,
    /// The profile's name after, if there is one.
    pub after: Option<String>,
    /// The name before, or "Not enough answers".
    pub before_text: String,
    /// The name after, or "Not enough answers".
    pub after_text: String,
    /// Whether there is a profile both times and they differ.
    pub changed: bool,
    /// The change in words: "Changed", "No change" or "Cannot compare: not enough answers".
    pub change_text: String,
}

/// How one item's answer moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// A higher level on the rating scale.
    Better,
    /// A lower level on the rating scale.
    Worse,
    /// The same answer, or no answer both times.
    Same,
    /// A different challenge answer, or a move to or from "Not sure".
    Changed,
    /// Answered now, not before.
    NewlyAnswered,
    /// Answered before, not now.
    NoLongerAnswered,
}

impl Direction {
    /// The direction in words.
    pub fn label(self) -> &'static str {
        match self {
            Direction::Better => "Better",
            Direction::Worse => "Worse",
            Direction::Same => NO_CHANGE,
            Direction::Changed => "Changed",
            Direction::NewlyAnswered => "Newly answered",
            Direction::NoLongerAnswered => "No longer answered",
        }
    }
}

/// One rating or challenge item before and after.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemChange {
    /// Position of the item in the framework.
    pub item: usize,
    /// Its id.
    pub id: String,
    /// Its label.
    pub label: String,
    /// Its section's title.
    pub section: String,
    /// The answer before, in words ("Developing (2)", "No", "Not answered").
    pub before: String,
    /// The answer after, in words.
    pub after: String,
    /// How it moved.
    pub direction: Direction,
}

/// How many items moved each way.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ItemCounts {
    /// Rated higher.
    pub better: usize,
    /// Rated lower.
    pub worse: usize,
    /// The same answer, or no answer both times.
    pub same: usize,
    /// A different challenge answer, or a move to or from "Not sure".
    pub changed: usize,
    /// Answered now, not before.
    pub newly_answered: usize,
    /// Answered before, not now.
    pub no_longer_answered: usize,
}

impl ItemCounts {
    /// Each count with its words, in the order they are shown: ("Better", 3), ….
    pub fn lines(&self) -> [(&'static str, usize); 6] {
        [
            (Direction::Better.label(), self.better),
            (Direction::Worse.label(), self.worse),
            (Direction::Same.label(), self.same),
            (Direction::Changed.label(), self.changed),
            (Direction::NewlyAnswered.label(), self.newly_answered),
            (Direction::NoLongerAnswered.label(), self.no_longer_answered),
        ]
    }
}

/// Where a suggested support type stands in the other assessment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SupportStatus {
    /// Suggested both times.
    Still,
    /// Suggested after, not before.
    New,
    /// Suggested before, not after.
    NoLongerSuggested,
}

impl SupportStatus {
    /// The tag shown beside the support type, if any: "New" or "No longer suggested".
    pub fn tag(self) -> Option<&'static str> {
        match self {
            SupportStatus::Still => None,
            SupportStatus::New => Some("New"),
            SupportStatus::NoLongerSuggested => Some("No longer suggested"),
        }
    }
}

/// A suggested support type in one of the two lists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SuggestedSupport {
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its match in this list's assessment, in words ("38.6%").
    pub percent_text: String,
    /// Its match in the other assessment, in words.
    pub other_percent_text: String,
    /// Whether it is suggested in the other assessment too.
    pub status: SupportStatus,
}

/// Before or after.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    /// The earlier assessment.
    Before,
    /// The later assessment.
    After,
}

impl Period {
    /// The word printed beside each bar.
    pub fn label(self) -> &'static str {
        match self {
            Period::Before => "Before",
            Period::After => "After",
        }
    }
}

/// One bar of the paired bar chart.
#[derive(Debug, Clone, PartialEq)]
pub struct PairedBar {
    /// Before or after.
    pub period: Period,
    /// The percent, if defined.
    pub percent: Option<f64>,
    /// The percent in words.
    pub value_text: String,
    /// Top of the bar.
    pub y: f64,
    /// Length of the bar (zero when undefined).
    pub length: f64,
}

/// One section's pair of bars.
#[derive(Debug, Clone, PartialEq)]
pub struct PairedRow {
    /// The section's id.
    pub key: String,
    /// The section's title.
    pub label: String,
    /// The baseline of the title, above the bars.
    pub label_y: f64,
    /// The bar before.
    pub before: PairedBar,
    /// The bar after.
    pub after: PairedBar,
    /// The change in words.
    pub change_text: String,
}

/// Geometry of the paired bar chart, in a 0 0 [`COMPARE_WIDTH`] height coordinate space.
#[derive(Debug, Clone, PartialEq)]
pub struct PairedBarChart {
    /// One row per domain and readiness, in framework order.
    pub rows: Vec<PairedRow>,
    /// Left edge of the plotting area; the words "Before" and "After" end just left of it.
    pub left: f64,
    /// Width of the plotting area (100 %).
    pub width: f64,
    /// Height of every bar.
    pub bar_height: f64,
    /// Total height of the chart.
    pub height: f64,
    /// Gridlines: (x, label).
    pub ticks: Vec<(f64, String)>,
    /// Where the cut line is drawn.
    pub cut_x: f64,
    /// The cut in words, such as "50%".
    pub cut_text: String,
    /// Every row in words, for the chart's description.
    pub description: String,
}

/// The full width of the paired bar chart's coordinate space.
pub const COMPARE_WIDTH: f64 = 640.0;

/// Everything the comparison shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// Practice maturity.
    pub maturity: FigureChange,
    /// Innovation readiness.
    pub readiness: FigureChange,
    /// Completeness.
    pub completeness: FigureChange,
    /// The domains and readiness, in framework order.
    pub sections: Vec<FigureChange>,
    /// The profile.
    pub profile: ProfileChange,
    /// Whether the earlier results are provisional.
    pub before_provisional: bool,
    /// Whether the later results are provisional.
    pub after_provisional: bool,
    /// "29 of 37 questions answered (78.4%)", before.
    pub before_completeness_text: String,
    /// The same, after.
    pub after_completeness_text: String,
    /// Every rating and challenge item, in framework order.
    pub items: Vec<ItemChange>,
    /// How many items moved each way.
    pub counts: ItemCounts,
    /// The support types suggested before, best first.
    pub supports_before: Vec<SuggestedSupport>,
    /// The support types suggested after, best first.
    pub supports_after: Vec<SuggestedSupport>,
    /// Names of the support types suggested after and not before, best first.
    pub new_supports: Vec<String>,
    /// Names of the support types suggested before and not after, in their earlier order.
    pub dropped_supports: Vec<String>,
    /// The paired bar chart of the domains and readiness.
    pub chart: PairedBarChart,
}

impl Comparison {
    /// The headline figures in the order they are shown: maturity, readiness, completeness.
    pub fn headline(&self) -> [&FigureChange; 3] {
        [&self.maturity, &self.readiness, &self.completeness]
    }
}

/// Compares two assessments of the same framework: `before` is the earlier.
pub fn compare(framework: &Framework, before: &Assessment, after: &Assessment) -> Comparison {
    let earlier = view::results_view(framework, before);
    let later = view::results_view(framework, after);
    let (old, new) = (&earlier.results, &later.results);

    let sections: Vec<FigureChange> = framework
        .sections
        .iter()
        .enumerate()
        .filter(|(_, section)| matches!(section.role, Role::Domain { .. } | Role::Readiness))
        .map(|(position, section)| figure(section.id.as_str(), &section.title, old.section(position).percent, new.section(position).percent))
        .collect();

    let items: Vec<ItemChange> = framework
        .scored_items()
        .map(|(position, item)| ItemChange {
            item: position,
            id: item.id.to_string(),
            label: item.label.clone(),
            section: framework.sections[item.section].title.clone(),
            before: view::answer_text(framework, before, position),
            after: view::answer_text(framework, after, position),
            direction: direction(framework, before, after, position),
        })
        .collect();
    let mut counts = ItemCounts::default();
    for change in &items {
        let count = match change.direction {
            Direction::Better => &mut counts.better,
            Direction::Worse => &mut counts.worse,
            Direction::Same => &mut counts.same,
            Direction::Changed => &mut counts.changed,
            Direction::NewlyAnswered => &mut counts.newly_answered,
            Direction::NoLongerAnswered => &mut counts.no_longer_answered,
        };
        *count += 1;
    }

    let supports_before = suggested(&earlier, &later, SupportStatus::NoLongerSuggested);
    let supports_after = suggested(&later, &earlier, SupportStatus::New);
    let names = |list: &[SuggestedSupport], status| list.iter().filter(|support| support.status == status).map(|support| support.name.clone()).collect();

    let profile_name = |results: &score::Results| results.profile.map(|profile| framework.profile_text(profile).name.clone());
    let (profile_before, profile_after) = (profile_name(old), profile_name(new));
    let profile_text = |name: &Option<String>| name.clone().unwrap_or_else(|| view::NOT_ENOUGH.to_owned());
    let (changed, profile_change_text) = match (&profile_before, &profile_after) {
        (Some(was), Some(is)) if was == is => (false, NO_CHANGE.to_owned()),
        (Some(_), Some(_)) => (true, "Changed".to_owned()),
        _ => (false, CANNOT_COMPARE.to_owned()),
    };

    Comparison {
        maturity: figure("maturity", "Practice maturity", old.maturity, new.maturity),
        readiness: figure("readiness", "Innovation readiness", old.readiness, new.readiness),
        completeness: figure("completeness", "Completeness", Some(old.completeness), Some(new.completeness)),
        chart: paired_bars(framework, &sections),
        sections,
        profile: ProfileChange {
            before_text: profile_text(&profile_before),
            after_text: profile_text(&profile_after),
            before: profile_before,
            after: profile_after,
            changed,
            change_text: profile_change_text,
        },
        before_provisional: old.provisional,
        after_provisional: new.provisional,
        before_completeness_text: earlier.completeness_text.clone(),
        after_completeness_text: later.completeness_text.clone(),
        items,
        counts,
        new_supports: names(&supports_after, SupportStatus::New),
        dropped_supports: names(&supports_before, SupportStatus::NoLongerSuggested),
        supports_before,
        supports_after,
    }
}

fn figure(key: &str, label: &str, before: Option<Ratio>, after: Option<Ratio>) -> FigureChange {
    let (trend, points) = match (before, after) {
        (Some(before), Some(after)) => {
            let (trend, points) = difference(before, after);
            (trend, Some(points))
        }
        _ => (Trend::CannotCompare, None),
    };
    FigureChange {
        key: key.to_owned(),
        label: label.to_owned(),
        before,
        after,
        before_text: maybe_percent_text(before),
        after_text: maybe_percent_text(after),
        trend,
        points,
        change_text: change_text(trend, points.unwrap_or(0.0)),
    }
}

/// Which way `before` moved to `after`, decided exactly, and after minus before as a number.
fn difference(before: Ratio, after: Ratio) -> (Trend, f64) {
    let denominator = u128::from(before.denominator()) * u128::from(after.denominator());
    let high = u128::from(after.numerator()) * u128::from(before.denominator());
    let low = u128::from(before.numerator()) * u128::from(after.denominator());
    let size = |numerator: u128| numerator as f64 / denominator as f64;
    match high.cmp(&low) {
        Ordering::Greater => (Trend::Up, size(high - low)),
        Ordering::Less => (Trend::Down, -size(low - high)),
        Ordering::Equal => (Trend::Same, 0.0),
    }
}

/// "Up 12.5 points", "Down 1 point", "Up less than 0.1 points", "No change".
fn change_text(trend: Trend, points: f64) -> String {
    let way = match trend {
        Trend::Up => "Up",
        Trend::Down => "Down",
        Trend::Same => return NO_CHANGE.to_owned(),
        Trend::CannotCompare => return CANNOT_COMPARE.to_owned(),
    };
    match decimal(points.abs(), 1).as_str() {
        "0" => format!("{way} less than 0.1 points"),
        "1" => format!("{way} 1 point"),
        size => format!("{way} {size} points"),
    }
}

fn direction(framework: &Framework, before: &Assessment, after: &Assessment, position: usize) -> Direction {
    let item = &framework.items[position];
    let was_answered = score::is_answered(framework, before, item);
    let is_answered = score::is_answered(framework, after, item);
    let (was, is) = match (was_answered, is_answered) {
        (false, false) => return Direction::Same,
        (false, true) => return Direction::NewlyAnswered,
        (true, false) => return Direction::NoLongerAnswered,
        (true, true) => (before.answer(item.id.as_str()), after.answer(item.id.as_str())),
    };
    match item.kind {
        ItemKind::Rating => match (was.and_then(|answer| answer.rating()), is.and_then(|answer| answer.rating())) {
            (Some(Rating::Level(was)), Some(Rating::Level(is))) => match is.cmp(&was) {
                Ordering::Greater => Direction::Better,
                Ordering::Less => Direction::Worse,
                Ordering::Equal => Direction::Same,
            },
            (was, is) if was == is => Direction::Same,
            _ => Direction::Changed,
        },
        _ => {
            if was.and_then(|answer| answer.choice()) == is.and_then(|answer| answer.choice()) {
                Direction::Same
            } else {
                Direction::Changed
            }
        }
    }
}

/// The support types suggested in `this`, marked by whether `other` suggests them too.
fn suggested(this: &ResultsView, other: &ResultsView, missing: SupportStatus) -> Vec<SuggestedSupport> {
    this.supports
        .iter()
        .filter(|support| support.suggested)
        .map(|support| {
            let there = other.supports.iter().find(|line| line.id == support.id);
            SuggestedSupport {
                id: support.id.clone(),
                name: support.name.clone(),
                percent_text: support.percent_text.clone(),
                other_percent_text: there.map(|line| line.percent_text.clone()).unwrap_or_default(),
                status: if there.is_some_and(|line| line.suggested) { SupportStatus::Still } else { missing },
            }
        })
        .collect()
}

fn paired_bars(framework: &Framework, sections: &[FigureChange]) -> PairedBarChart {
    let left = 72.0;
    let width = COMPARE_WIDTH - left - 56.0;
    let bar_height = 24.0;
    let gap = 4.0;
    let row = 96.0;
    let top = 28.0;
    let bar = |period, percent: Option<Ratio>, y| {
        let percent = percent.map(Ratio::to_f64);
        PairedBar { period, percent, value_text: maybe_percent_text_f64(percent), y, length: percent.unwrap_or(0.0) / 100.0 * width }
    };
    let rows: Vec<PairedRow> = sections
        .iter()
        .enumerate()
        .map(|(index, figure)| {
            let y = top + index as f64 * row;
            PairedRow {
                key: figure.key.clone(),
                label: figure.label.clone(),
                label_y: y - 8.0,
                before: bar(Period::Before, figure.before, y),
                after: bar(Period::After, figure.after, y + bar_height + gap),
                change_text: figure.change_text.clone(),
            }
        })
        .collect();
    let description = rows
        .iter()
        .map(|row| {
            let [before, after, change] = [&row.before.value_text, &row.after.value_text, &row.change_text].map(|text| lower_first(text));
            format!("{}: before {before}, after {after}, {change}", row.label)
        })
        .collect::<Vec<_>>()
        .join("; ");
    let height = top + rows.len() as f64 * row - (row - 2.0 * bar_height - gap) + 40.0;
    let ticks = (0..=4).map(|step| (left + f64::from(step) * width / 4.0, format!("{}%", step * 25))).collect();
    let cut_x = left + f64::from(framework.profile_chart.cut) / 100.0 * width;
    let cut_text = format!("{}%", framework.profile_chart.cut);
    PairedBarChart { rows, left, width, bar_height, height, ticks, cut_x, cut_text, description }
}

fn maybe_percent_text_f64(percent: Option<f64>) -> String {
    percent.map(view::percent_text).unwrap_or_else(|| view::NOT_ENOUGH.to_owned())
}

/// "Up 5 points" becomes "up 5 points", for use inside a sentence. ASCII only: every text it
/// is given starts with an English word or a digit, and Unicode case tables would add to the
/// browser build.
fn lower_first(text: &str) -> String {
    let mut text = text.to_owned();
    if let Some(first) = text.get_mut(..1) {
        first.make_ascii_lowercase();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_in_words() {
        assert_eq!(change_text(Trend::Up, 12.5), "Up 12.5 points");
        assert_eq!(change_text(Trend::Down, -5.0), "Down 5 points");
        assert_eq!(change_text(Trend::Down, -1.0), "Down 1 point");
        assert_eq!(change_text(Trend::Up, 0.04), "Up less than 0.1 points");
        assert_eq!(change_text(Trend::Same, 0.0), "No change");
        assert_eq!(change_text(Trend::CannotCompare, 0.0), "Cannot compare: not enough answers");
    }

    #[test]
    fn differences_are_decided_exactly() {
        assert_eq!(difference(Ratio::new(100, 3), Ratio::new(200, 6)), (Trend::Same, 0.0));
        assert_eq!(difference(Ratio::whole(50), Ratio::new(175, 2)), (Trend::Up, 37.5));
        assert_eq!(difference(Ratio::whole(75), Ratio::whole(30)), (Trend::Down, -45.0));
        assert_eq!(lower_first("Up 5 points"), "up 5 points");
    }
}
