//! Scoring as the framework specification's section 4 says: section percents with the
//! half-answered rule, practice maturity, innovation readiness, completeness and the
//! provisional label, the profile, strengths, gaps and opportunities. Support-type matching is
//! in [`crate::matching`]. Scoring takes a validated framework and cannot fail: answers that do
//! not fit their item (which the codecs never produce) count as unanswered.

use crate::answer::{Assessment, Choice, Rating, TOP_LEVEL};
use crate::framework::{Framework, ItemKind, Profile, Role};
use crate::matching::{self, SupportMatch};
use crate::ratio::Ratio;

/// Below this completeness, in percent, results are provisional.
pub const PROVISIONAL_BELOW: u64 = 80;

/// How one section was answered and, for rated sections, its percent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionScore {
    /// Position of the section in the framework.
    pub section: usize,
    /// Items in the section.
    pub n_items: usize,
    /// Items with an answer of any kind (free text must not be blank).
    pub n_answered: usize,
    /// Rated items answered with a level (not "Not sure").
    pub n_scored: usize,
    /// Items answered "Not sure".
    pub n_not_sure: usize,
    /// Sum of the levels of the scored items.
    pub sum: u32,
    /// 100 × sum / (4 × scored), for rated sections with at least half their items scored.
    pub percent: Option<Ratio>,
}

/// Everything the results page, the exports and the command line report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Results {
    /// One score per section, in framework order.
    pub sections: Vec<SectionScore>,
    /// The weighted mean of the domain percents, when every domain has one.
    pub maturity: Option<Ratio>,
    /// The readiness section's percent.
    pub readiness: Option<Ratio>,
    /// Scored items (all but free text) with an answer, "Not sure" included.
    pub n_answered: usize,
    /// Scored items in the framework.
    pub n_scorable: usize,
    /// 100 × answered / scorable.
    pub completeness: Ratio,
    /// Completeness below 80 %: results are to be labelled provisional wherever they appear.
    pub provisional: bool,
    /// Where maturity and readiness place the authority, when both are defined.
    pub profile: Option<Profile>,
    /// Rated items at the top level, and the next level down when fewer than three are at the top.
    pub strengths: Vec<usize>,
    /// Rated items at level 0 or 1: priorities first, then the lower level, then framework order.
    pub gaps: Vec<usize>,
    /// Challenge questions answered with their opportunity answer or "Partly": priorities
    /// first, then full opportunities, then framework order.
    pub opportunities: Vec<usize>,
    /// Items answered "Not sure": evidence gaps.
    pub evidence_gaps: Vec<usize>,
    /// Every support type, best match first, ties broken as the specification says.
    pub supports: Vec<SupportMatch>,
}

impl Results {
    /// The score of a section.
    pub fn section(&self, section: usize) -> &SectionScore {
        &self.sections[section]
    }

    /// The support types suggested, best first.
    pub fn suggested(&self) -> impl Iterator<Item = &SupportMatch> {
        self.supports.iter().filter(|support| support.suggested)
    }
}

/// How far through the questions an assessment is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// Scored items with an answer.
    pub n_answered: usize,
    /// Scored items (all but the free-text ones).
    pub n_scorable: usize,
}

/// How many scored items are answered, without scoring: what the task list and the banners
/// show. [`score`] counts the same way.
pub fn progress(framework: &Framework, assessment: &Assessment) -> Progress {
    let n_scorable = framework.scored_items().count();
    let n_answered = framework.scored_items().filter(|(_, item)| is_answered(framework, assessment, item)).count();
    Progress { n_answered, n_scorable }
}

/// Scores an assessment against a framework.
pub fn score(framework: &Framework, assessment: &Assessment) -> Results {
    let sections: Vec<SectionScore> = framework.sections.iter().enumerate().map(|(position, _)| score_section(framework, assessment, position)).collect();

    let mut weighted = Ratio::whole(0);
    let mut total_weight: u64 = 0;
    let mut all_domains = true;
    for (position, section) in framework.domains() {
        let Role::Domain { weight } = section.role else { continue };
        match sections[position].percent {
            Some(percent) => {
                weighted = weighted.plus(percent.times(u64::from(weight)));
                total_weight += u64::from(weight);
            }
            None => all_domains = false,
        }
    }
    let maturity = (all_domains && total_weight > 0).then(|| weighted.over(total_weight));
    let readiness = sections[framework.readiness_section()].percent;

    let Progress { n_answered, n_scorable } = progress(framework, assessment);
    let completeness = Ratio::new(100 * n_answered as u64, n_scorable as u64);
    let provisional = completeness < Ratio::whole(PROVISIONAL_BELOW);

    let cut = Ratio::whole(u64::from(framework.profile_chart.cut));
    let profile = match (maturity, readiness) {
        (Some(maturity), Some(readiness)) => Profile::ALL.into_iter().find(|profile| profile.sides() == (maturity >= cut, readiness >= cut)),
        _ => None,
    };

    Results {
        maturity,
        readiness,
        n_answered,
        n_scorable,
        completeness,
        provisional,
        profile,
        strengths: strengths(framework, assessment),
        gaps: gaps(framework, assessment),
        opportunities: opportunities(framework, assessment),
        evidence_gaps: evidence_gaps(framework, assessment),
        supports: matching::match_supports(framework, assessment),
        sections,
    }
}

/// The level of a rated item, if it was answered with one.
pub fn level(assessment: &Assessment, item: &crate::framework::Item) -> Option<u8> {
    if item.kind != ItemKind::Rating {
        return None;
    }
    match assessment.answer(item.id.as_str())?.rating()? {
        Rating::Level(level) if level <= TOP_LEVEL => Some(level),
        _ => None,
    }
}

/// Whether an item has an answer of the kind it takes.
pub fn is_answered(_framework: &Framework, assessment: &Assessment, item: &crate::framework::Item) -> bool {
    let Some(answer) = assessment.answer(item.id.as_str()) else { return false };
    match item.kind {
        ItemKind::Rating => matches!(answer.rating(), Some(Rating::NotSure) | Some(Rating::Level(0..=TOP_LEVEL))),
        ItemKind::Choice => answer.choice().is_some(),
        ItemKind::Text => answer.text().is_some_and(|text| !text.trim().is_empty()),
    }
}

fn score_section(framework: &Framework, assessment: &Assessment, position: usize) -> SectionScore {
    let section = &framework.sections[position];
    let mut score = SectionScore { section: position, n_items: section.items.len(), n_answered: 0, n_scored: 0, n_not_sure: 0, sum: 0, percent: None };
    for &item_position in &section.items {
        let item = &framework.items[item_position];
        if is_answered(framework, assessment, item) {
            score.n_answered += 1;
        }
        if let Some(level) = level(assessment, item) {
            score.n_scored += 1;
            score.sum += u32::from(level);
        }
        let not_sure = match item.kind {
            ItemKind::Rating => assessment.answer(item.id.as_str()).and_then(|answer| answer.rating()) == Some(Rating::NotSure),
            ItemKind::Choice => assessment.answer(item.id.as_str()).and_then(|answer| answer.choice()) == Some(Choice::NotSure),
            ItemKind::Text => false,
        };
        if not_sure {
            score.n_not_sure += 1;
        }
    }
    let rated = matches!(section.role, Role::Domain { .. } | Role::Readiness);
    // The half-answered rule: a percent from fewer than half the items would mislead.
    if rated && score.n_scored > 0 && 2 * score.n_scored >= score.n_items {
        score.percent = Some(Ratio::new(100 * u64::from(score.sum), u64::from(TOP_LEVEL) * score.n_scored as u64));
    }
    score
}

/// Rated items answered with a level, with their levels, in framework order.
fn rated_levels<'a>(framework: &'a Framework, assessment: &'a Assessment) -> impl Iterator<Item = (usize, u8)> + 'a {
    framework.items.iter().enumerate().filter_map(move |(position, item)| level(assessment, item).map(|level| (position, level)))
}

fn strengths(framework: &Framework, assessment: &Assessment) -> Vec<usize> {
    let mut strengths: Vec<usize> = rated_levels(framework, assessment).filter(|&(_, level)| level == TOP_LEVEL).map(|(position, _)| position).collect();
    if strengths.len() < 3 {
        strengths.extend(rated_levels(framework, assessment).filter(|&(_, level)| level == TOP_LEVEL - 1).map(|(position, _)| position));
    }
    strengths
}

fn is_priority(assessment: &Assessment, framework: &Framework, position: usize) -> bool {
    assessment.answer(framework.items[position].id.as_str()).is_some_and(|answer| answer.priority)
}

fn gaps(framework: &Framework, assessment: &Assessment) -> Vec<usize> {
    let mut gaps: Vec<(usize, u8)> = rated_levels(framework, assessment).filter(|&(_, level)| level <= 1).collect();
    crate::sort::sort_by(&mut gaps, |&(a, a_level), &(b, b_level)| {
        let key = |position, level| (!is_priority(assessment, framework, position), level, position);
        key(a, a_level).cmp(&key(b, b_level))
    });
    gaps.into_iter().map(|(position, _)| position).collect()
}

fn opportunities(framework: &Framework, assessment: &Assessment) -> Vec<usize> {
    let mut found: Vec<(usize, bool)> = framework
        .items
        .iter()
        .enumerate()
        .filter_map(|(position, item)| {
            let challenge = item.challenge.as_ref()?;
            let choice = assessment.answer(item.id.as_str())?.choice()?;
            if choice == challenge.opportunity_when {
                Some((position, true))
            } else if choice == Choice::Partly {
                Some((position, false))
            } else {
                None
            }
        })
        .collect();
    crate::sort::sort_by(&mut found, |&(a, a_full), &(b, b_full)| {
        let key = |position, full: bool| (!is_priority(assessment, framework, position), !full, position);
        key(a, a_full).cmp(&key(b, b_full))
    });
    found.into_iter().map(|(position, _)| position).collect()
}

fn evidence_gaps(framework: &Framework, assessment: &Assessment) -> Vec<usize> {
    framework
        .items
        .iter()
        .enumerate()
        .filter(|(_, item)| {
            let answer = assessment.answer(item.id.as_str());
            match item.kind {
                ItemKind::Rating => answer.and_then(|answer| answer.rating()) == Some(Rating::NotSure),
                ItemKind::Choice => answer.and_then(|answer| answer.choice()) == Some(Choice::NotSure),
                ItemKind::Text => false,
            }
        })
        .map(|(position, _)| position)
        .collect()
}
