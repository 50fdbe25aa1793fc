//! View-models: everything a screen shows, worked out here so that components only render.
//! Chart geometry is plain numbers in an SVG coordinate space; components turn it into
//! elements and never compute a score.

use crate::answer::{Assessment, Rating};
use crate::framework::{Framework, ItemKind, Role};
use crate::matching::{self, SupportMatch};
use crate::ratio::Ratio;
use crate::score::{self, Results};

/// A task's status on the task list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Nothing recorded yet.
    NotStarted,
    /// Something recorded, not every item answered.
    InProgress,
    /// Every item answered.
    Completed,
}

impl Status {
    /// The words the task list shows.
    pub fn label(self) -> &'static str {
        match self {
            Status::NotStarted => "Not started",
            Status::InProgress => "In progress",
            Status::Completed => "Completed",
        }
    }
}

/// One row of the task list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Task {
    /// Position of the section.
    pub section: usize,
    /// Its status.
    pub status: Status,
    /// Items answered.
    pub n_answered: usize,
    /// Items in the section.
    pub n_items: usize,
}

/// The task list: one row per section.
pub fn tasks(framework: &Framework, assessment: &Assessment) -> Vec<Task> {
    framework
        .sections
        .iter()
        .enumerate()
        .map(|(position, section)| {
            let n_answered = section.items.iter().filter(|&&item| score::is_answered(framework, assessment, &framework.items[item])).count();
            let touched = section.items.iter().any(|&item| assessment.answer(framework.items[item].id.as_str()).is_some_and(|answer| !answer.is_empty()));
            let status = if n_answered == section.items.len() {
                Status::Completed
            } else if n_answered > 0 || touched {
                Status::InProgress
            } else {
                Status::NotStarted
            };
            Task { section: position, status, n_answered, n_items: section.items.len() }
        })
        .collect()
}

/// A percent for people: whole numbers plain, others to one decimal place ("50%", "38.6%").
pub fn percent_text(percent: f64) -> String {
    format!("{}%", decimal(percent, 1))
}

/// A number with at most `places` decimal places (0 to 3), trailing zeros dropped. Formats
/// through integers: float formatting would add tens of kilobytes to the browser build.
pub fn decimal(value: f64, places: u32) -> String {
    let scale = 10_i64.pow(places.min(3));
    let scaled = (value * scale as f64).round() as i64;
    let sign = if scaled < 0 { "-" } else { "" };
    let (whole, mut fraction) = (scaled.abs() / scale, scaled.abs() % scale);
    if fraction == 0 {
        return format!("{sign}{whole}");
    }
    let mut width = places.min(3) as usize;
    while fraction % 10 == 0 {
        fraction /= 10;
        width -= 1;
    }
    format!("{sign}{whole}.{fraction:0width$}")
}

/// A percent that may be undefined.
pub fn maybe_percent_text(percent: Option<Ratio>) -> String {
    percent.map(|percent| percent_text(percent.to_f64())).unwrap_or_else(|| NOT_ENOUGH.to_owned())
}

/// What an undefined percent shows.
pub const NOT_ENOUGH: &str = "Not enough answers";

/// An item's answer in words for check-your-answers and reports: "Developing", "Yes", the
/// text itself, or "Not answered".
pub fn answer_text(framework: &Framework, assessment: &Assessment, item: usize) -> String {
    let item = &framework.items[item];
    let scale = framework.scale_of(item);
    let Some(answer) = assessment.answer(item.id.as_str()) else { return NOT_ANSWERED.to_owned() };
    match item.kind {
        ItemKind::Rating => match answer.rating() {
            Some(Rating::Level(level)) => format!("{} ({level})", scale.level_name(level).unwrap_or("?")),
            Some(Rating::NotSure) => scale.not_sure_name().unwrap_or("Not sure").to_owned(),
            None => NOT_ANSWERED.to_owned(),
        },
        ItemKind::Choice => answer.choice().and_then(|choice| scale.choice_name(choice)).unwrap_or(NOT_ANSWERED).to_owned(),
        ItemKind::Text => answer.text().filter(|text| !text.trim().is_empty()).unwrap_or(NOT_ANSWERED).to_owned(),
    }
}

/// What an unanswered item shows.
pub const NOT_ANSWERED: &str = "Not answered";

/// One bar of the domain bar chart, in a 0 0 [`BAR_WIDTH`] height coordinate space.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// The domain's title.
    pub label: String,
    /// The percent, if defined.
    pub percent: Option<f64>,
    /// The percent in words.
    pub value_text: String,
    /// Top of the bar.
    pub y: f64,
    /// Length of the bar.
    pub length: f64,
}

/// Geometry of the bar chart.
#[derive(Debug, Clone, PartialEq)]
pub struct BarChart {
    /// The bars, one per domain.
    pub bars: Vec<Bar>,
    /// Left edge of the plotting area.
    pub left: f64,
    /// Width of the plotting area (100 %).
    pub width: f64,
    /// Height of every bar.
    pub bar_height: f64,
    /// Total height of the chart.
    pub height: f64,
    /// Gridlines: (x, label).
    pub ticks: Vec<(f64, String)>,
    /// Where the cut line is drawn, if any.
    pub cut_x: f64,
}

/// The full width of the bar chart's coordinate space.
pub const BAR_WIDTH: f64 = 640.0;

fn bar_chart(framework: &Framework, results: &Results) -> BarChart {
    let left = 16.0;
    let width = BAR_WIDTH - left - 72.0;
    let bar_height = 28.0;
    let row = 72.0;
    let top = 28.0;
    let bars: Vec<Bar> = framework
        .domains()
        .enumerate()
        .map(|(row_index, (position, section))| {
            let percent = results.section(position).percent.map(Ratio::to_f64);
            Bar {
                label: section.title.clone(),
                percent,
                value_text: percent.map(percent_text).unwrap_or_else(|| NOT_ENOUGH.to_owned()),
                y: top + row_index as f64 * row,
                length: percent.unwrap_or(0.0) / 100.0 * width,
            }
        })
        .collect();
    let height = top + bars.len() as f64 * row + 16.0;
    let ticks = (0..=4).map(|step| (left + f64::from(step) * width / 4.0, format!("{}%", step * 25))).collect();
    BarChart { bars, left, width, bar_height, height, ticks, cut_x: left + f64::from(framework.profile_chart.cut) / 100.0 * width }
}

/// One quadrant of the profile chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Quadrant {
    /// The profile's name.
    pub name: String,
    /// Its id.
    pub id: &'static str,
    /// Top-left corner and size.
    pub x: f64,
    /// Top.
    pub y: f64,
    /// Width.
    pub width: f64,
    /// Height.
    pub height: f64,
    /// Whether the authority is in it.
    pub current: bool,
}

/// Geometry of the 2 × 2 profile chart, in a 0 0 [`PROFILE_SIZE`] [`PROFILE_SIZE`] space.
#[derive(Debug, Clone, PartialEq)]
pub struct ProfileChart {
    /// Left edge of the plotting square.
    pub left: f64,
    /// Top edge of the plotting square.
    pub top: f64,
    /// Side of the plotting square.
    pub side: f64,
    /// The four quadrants.
    pub quadrants: Vec<Quadrant>,
    /// Where the cut lines are: x of the vertical, y of the horizontal.
    pub cut: (f64, f64),
    /// The authority's point, when maturity and readiness are both defined.
    pub point: Option<(f64, f64)>,
    /// The point in words.
    pub point_text: String,
    /// The horizontal axis label.
    pub x_label: String,
    /// The vertical axis label.
    pub y_label: String,
    /// The cut, for axis ticks.
    pub cut_text: String,
}

impl ProfileChart {
    /// Where a maturity and a readiness percent fall on the chart.
    pub fn position(&self, maturity: Ratio, readiness: Ratio) -> (f64, f64) {
        (self.left + maturity.to_f64() / 100.0 * self.side, self.top + (1.0 - readiness.to_f64() / 100.0) * self.side)
    }
}

/// The size of the profile chart's coordinate space.
pub const PROFILE_SIZE: f64 = 480.0;

fn profile_chart(framework: &Framework, results: &Results) -> ProfileChart {
    let (left, top, side) = (64.0, 16.0, PROFILE_SIZE - 64.0 - 24.0);
    let cut = f64::from(framework.profile_chart.cut) / 100.0;
    let cut_x = left + cut * side;
    let cut_y = top + (1.0 - cut) * side;
    let quadrants = crate::framework::Profile::ALL
        .iter()
        .map(|&profile| {
            let (high_maturity, high_readiness) = profile.sides();
            let (x, width) = if high_maturity { (cut_x, left + side - cut_x) } else { (left, cut_x - left) };
            let (y, height) = if high_readiness { (top, cut_y - top) } else { (cut_y, top + side - cut_y) };
            Quadrant { name: framework.profile_text(profile).name.clone(), id: profile.id(), x, y, width, height, current: results.profile == Some(profile) }
        })
        .collect();
    let point = match (results.maturity, results.readiness) {
        (Some(maturity), Some(readiness)) => Some((left + maturity.to_f64() / 100.0 * side, top + (1.0 - readiness.to_f64() / 100.0) * side)),
        _ => None,
    };
    let point_text = match (results.maturity, results.readiness, results.profile) {
        (Some(maturity), Some(readiness), Some(profile)) => format!(
            "{} {}, {} {}: {}",
            framework.profile_chart.x_label,
            percent_text(maturity.to_f64()),
            framework.profile_chart.y_label,
            percent_text(readiness.to_f64()),
            framework.profile_text(profile).name
        ),
        _ => "Not enough answers to place you on the chart".to_owned(),
    };
    ProfileChart {
        left,
        top,
        side,
        quadrants,
        cut: (cut_x, cut_y),
        point,
        point_text,
        x_label: framework.profile_chart.x_label.clone(),
        y_label: framework.profile_chart.y_label.clone(),
        cut_text: format!("{}%", framework.profile_chart.cut),
    }
}

/// One axis of the radar chart.
#[derive(Debug, Clone, PartialEq)]
pub struct RadarAxis {
    /// The section's title.
    pub label: String,
    /// The percent in words.
    pub value_text: String,
    /// The end of the axis at 100 %.
    pub end: (f64, f64),
    /// Where the label goes.
    pub label_at: (f64, f64),
    /// The text anchor for the label: "start", "middle" or "end".
    pub anchor: &'static str,
    /// The point for this axis's percent (at the centre when undefined).
    pub point: (f64, f64),
    /// Whether the percent is defined.
    pub defined: bool,
}

/// Geometry of the radar of the domains and readiness, in a 0 0 [`RADAR_SIZE`] space.
#[derive(Debug, Clone, PartialEq)]
pub struct Radar {
    /// Centre.
    pub centre: (f64, f64),
    /// Radius at 100 %.
    pub radius: f64,
    /// One axis per rated section.
    pub axes: Vec<RadarAxis>,
    /// The rings at 25, 50, 75 and 100 %, as SVG polygon point lists.
    pub rings: Vec<String>,
    /// The authority's shape, as an SVG polygon point list.
    pub shape: String,
}

/// The size of the radar chart's coordinate space.
pub const RADAR_SIZE: f64 = 480.0;

fn radar(framework: &Framework, results: &Results) -> Radar {
    let centre = (RADAR_SIZE / 2.0, RADAR_SIZE / 2.0);
    let radius = 140.0;
    let rated: Vec<usize> = framework
        .sections
        .iter()
        .enumerate()
        .filter(|(_, section)| matches!(section.role, Role::Domain { .. } | Role::Readiness))
        .map(|(position, _)| position)
        .collect();
    let n = rated.len().max(1) as f64;
    let at = |index: usize, fraction: f64| {
        let (sin, cos) = sin_cos(-std::f64::consts::FRAC_PI_2 + index as f64 * std::f64::consts::TAU / n);
        (round2(centre.0 + radius * fraction * cos), round2(centre.1 + radius * fraction * sin))
    };
    let axes: Vec<RadarAxis> = rated
        .iter()
        .enumerate()
        .map(|(index, &position)| {
            let percent = results.section(position).percent.map(Ratio::to_f64);
            let (lx, ly) = at(index, 1.15);
            let anchor = if (lx - centre.0).abs() < 1.0 {
                "middle"
            } else if lx > centre.0 {
                "start"
            } else {
                "end"
            };
            RadarAxis {
                label: framework.sections[position].title.clone(),
                value_text: percent.map(percent_text).unwrap_or_else(|| NOT_ENOUGH.to_owned()),
                end: at(index, 1.0),
                label_at: (lx, ly),
                anchor,
                point: at(index, percent.unwrap_or(0.0) / 100.0),
                defined: percent.is_some(),
            }
        })
        .collect();
    let polygon = |points: &mut dyn Iterator<Item = (f64, f64)>| points.map(|(x, y)| format!("{x},{y}")).collect::<Vec<_>>().join(" ");
    let rings = [0.25, 0.5, 0.75, 1.0].iter().map(|&fraction| polygon(&mut (0..rated.len()).map(|index| at(index, fraction)))).collect();
    let shape = polygon(&mut axes.iter().map(|axis| axis.point));
    Radar { centre, radius, axes, rings, shape }
}

/// Sine and cosine by Taylor series, accurate to far better than a pixel. The standard ones would
/// bring libm's argument reduction into the browser build for the sake of a few chart points.
fn sin_cos(angle: f64) -> (f64, f64) {
    use std::f64::consts::{PI, TAU};
    let mut x = angle % TAU;
    if x > PI {
        x -= TAU;
    } else if x < -PI {
        x += TAU;
    }
    let series = |mut term: f64, start: u32| {
        let mut sum = term;
        let mut k = start;
        for _ in 0..14 {
            term *= -x * x / f64::from((k + 1) * (k + 2));
            sum += term;
            k += 2;
        }
        sum
    };
    (series(x, 1), series(1.0, 0))
}

fn round2(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}

/// An item named in a results list.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemLine {
    /// Position of the item.
    pub item: usize,
    /// Its label.
    pub label: String,
    /// Its section's title.
    pub section: String,
    /// Its answer in words.
    pub answer: String,
    /// Flagged as a priority.
    pub priority: bool,
    /// Its note, if any.
    pub note: String,
    /// Case studies that speak to it: (name, summary).
    pub case_studies: Vec<(String, String)>,
}

/// A support type in the results.
#[derive(Debug, Clone, PartialEq)]
pub struct SupportLine {
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its kind's name.
    pub kind: String,
    /// What it is.
    pub description: String,
    /// The match as an unrounded percent.
    pub percent: f64,
    /// The match in words.
    pub percent_text: String,
    /// Whether it is suggested.
    pub suggested: bool,
    /// The answers behind it, in words.
    pub reasons: Vec<String>,
}

/// Everything on the results page.
#[derive(Debug, Clone, PartialEq)]
pub struct ResultsView {
    /// The raw results.
    pub results: Results,
    /// Practice maturity in words.
    pub maturity_text: String,
    /// Innovation readiness in words.
    pub readiness_text: String,
    /// Completeness in words: "37 of 37 items answered (100%)".
    pub completeness_text: String,
    /// The profile's name, summary and next steps.
    pub profile: Option<(String, String, String)>,
    /// The domain bar chart.
    pub bars: BarChart,
    /// The profile chart.
    pub profile_chart: ProfileChart,
    /// The radar.
    pub radar: Radar,
    /// Strengths.
    pub strengths: Vec<ItemLine>,
    /// Gaps, each with the case studies that speak to it.
    pub gaps: Vec<ItemLine>,
    /// Opportunities from the challenge questions.
    pub opportunities: Vec<ItemLine>,
    /// Items answered "Not sure".
    pub evidence_gaps: Vec<ItemLine>,
    /// Every support type, best first.
    pub supports: Vec<SupportLine>,
    /// The vision questions and answers.
    pub vision: Vec<(String, Option<String>)>,
}

/// How many gaps get their case studies shown beside them.
pub const TOP_GAPS_WITH_CASE_STUDIES: usize = 5;

/// Builds the results page's view-model.
pub fn results_view(framework: &Framework, assessment: &Assessment) -> ResultsView {
    let results = score::score(framework, assessment);
    let line = |position: usize, with_studies: bool| {
        let item = &framework.items[position];
        let answer = assessment.answer(item.id.as_str());
        ItemLine {
            item: position,
            label: item.label.clone(),
            section: framework.sections[item.section].title.clone(),
            answer: answer_text(framework, assessment, position),
            priority: answer.is_some_and(|answer| answer.priority),
            note: answer.map(|answer| answer.note.clone()).unwrap_or_default(),
            case_studies: if with_studies {
                framework.case_studies_for(position).map(|study| (study.name.clone(), study.summary.clone())).collect()
            } else {
                Vec::new()
            },
        }
    };
    let supports = results.supports.iter().map(|support| support_line(framework, assessment, support)).collect();
    ResultsView {
        maturity_text: maybe_percent_text(results.maturity),
        readiness_text: maybe_percent_text(results.readiness),
        completeness_text: format!("{} of {} questions answered ({})", results.n_answered, results.n_scorable, percent_text(results.completeness.to_f64())),
        profile: results.profile.map(|profile| {
            let text = framework.profile_text(profile);
            (text.name.clone(), text.summary.clone(), text.next_steps.clone())
        }),
        bars: bar_chart(framework, &results),
        profile_chart: profile_chart(framework, &results),
        radar: radar(framework, &results),
        strengths: results.strengths.iter().map(|&position| line(position, false)).collect(),
        gaps: results.gaps.iter().enumerate().map(|(rank, &position)| line(position, rank < TOP_GAPS_WITH_CASE_STUDIES)).collect(),
        opportunities: results.opportunities.iter().map(|&position| line(position, false)).collect(),
        evidence_gaps: results.evidence_gaps.iter().map(|&position| line(position, false)).collect(),
        supports,
        vision: framework
            .items
            .iter()
            .filter(|item| item.kind == ItemKind::Text)
            .map(|item| {
                (
                    item.statement.clone(),
                    assessment.answer(item.id.as_str()).and_then(|answer| answer.text()).filter(|text| !text.trim().is_empty()).map(str::to_owned),
                )
            })
            .collect(),
        results,
    }
}

fn support_line(framework: &Framework, assessment: &Assessment, support: &SupportMatch) -> SupportLine {
    let support_type = &framework.support_types[support.support];
    let percent = support.percent().to_f64();
    SupportLine {
        id: support_type.id.to_string(),
        name: support_type.name.clone(),
        kind: framework.support_kinds[support_type.kind].name.clone(),
        description: support_type.description.clone(),
        percent,
        percent_text: percent_text(percent),
        suggested: support.suggested,
        reasons: support.reasons.iter().map(|reason| matching::describe_answer(framework, assessment, &framework.items[reason.item])).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn series_trigonometry_matches_the_standard_library() {
        for step in -20..=20 {
            let angle = f64::from(step) * 0.37;
            let (sin, cos) = sin_cos(angle);
            assert!((sin - angle.sin()).abs() < 1e-9 && (cos - angle.cos()).abs() < 1e-9, "{angle}");
        }
    }

    #[test]
    fn decimals_without_float_formatting() {
        assert_eq!(decimal(12.345, 2), "12.35");
        assert_eq!(decimal(12.0, 2), "12");
        assert_eq!(decimal(12.5, 2), "12.5");
        assert_eq!(decimal(-3.04, 2), "-3.04");
        assert_eq!(decimal(0.001, 2), "0");
    }

    #[test]
    fn percents_read_naturally() {
        assert_eq!(percent_text(50.0), "50%");
        assert_eq!(percent_text(38.596_491_228_070_18), "38.6%");
        assert_eq!(percent_text(99.96), "100%");
        assert_eq!(percent_text(0.0), "0%");
    }
}
