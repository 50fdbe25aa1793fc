//! Matching answers to support types, as the framework specification's section 5 says.
//!
//! Needs are kept in eighths so that every sum is a whole number: a need is a multiple of a
//! quarter, and the priority flag multiplies it by 1.5, so eighths hold both exactly. A support
//! type's match is `Σ need × weight / Σ 1.5 × weight`; comparing two matches cross-multiplies,
//! so ties are ties of exact values.

use std::cmp::Ordering;

use crate::answer::{Assessment, Choice, Rating, TOP_LEVEL};
use crate::framework::{Framework, Item, ItemKind};
use crate::ratio::Ratio;

/// A need of 1, in eighths.
pub const FULL_NEED: u64 = 8;
/// The largest need, 1.5 (a full need flagged as a priority), in eighths.
pub const MAX_NEED: u64 = 12;
/// How many contributing answers a suggestion gives as its reasons.
pub const MAX_REASONS: usize = 3;

/// One support type's match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SupportMatch {
    /// Position of the support type in the framework.
    pub support: usize,
    /// Σ need × weight over the items pointing to it, in eighths.
    pub need: u64,
    /// Σ 1.5 × weight over the same items, in eighths: the largest `need` could be.
    pub max: u64,
    /// Whether it is suggested: at or above the threshold, and among the first few.
    pub suggested: bool,
    /// The answers that contributed, largest first; at most [`MAX_REASONS`].
    pub reasons: Vec<Contribution>,
}

/// What one answer added to a support type's match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Contribution {
    /// Position of the item.
    pub item: usize,
    /// need × weight, in eighths.
    pub amount: u64,
}

impl SupportMatch {
    /// The match as an exact percent.
    pub fn percent(&self) -> Ratio {
        Ratio::new(100 * self.need, self.max)
    }

    /// Orders best first: larger match, then larger absolute need, then framework order.
    pub fn rank(&self, other: &SupportMatch) -> Ordering {
        let mine = u128::from(self.need) * u128::from(other.max);
        let theirs = u128::from(other.need) * u128::from(self.max);
        theirs.cmp(&mine).then(other.need.cmp(&self.need)).then(self.support.cmp(&other.support))
    }
}

/// An item's need, in eighths: how far the answer says support would help.
pub fn need(assessment: &Assessment, item: &Item) -> u64 {
    let Some(answer) = assessment.answer(item.id.as_str()) else { return 0 };
    let base = match item.kind {
        ItemKind::Rating => match answer.rating() {
            Some(Rating::Level(level)) if level <= TOP_LEVEL => u64::from(TOP_LEVEL - level) * FULL_NEED / u64::from(TOP_LEVEL),
            Some(Rating::NotSure) => FULL_NEED / 2,
            _ => 0,
        },
        ItemKind::Choice => match (answer.choice(), &item.challenge) {
            (Some(choice), Some(challenge)) if choice == challenge.opportunity_when => FULL_NEED,
            (Some(Choice::Partly), _) => FULL_NEED / 2,
            (Some(Choice::NotSure), _) => FULL_NEED / 4,
            _ => 0,
        },
        ItemKind::Text => 0,
    };
    if answer.priority { base * 3 / 2 } else { base }
}

/// Every support type's match, best first, with the suggested ones marked.
pub fn match_supports(framework: &Framework, assessment: &Assessment) -> Vec<SupportMatch> {
    let mut matches: Vec<SupportMatch> =
        (0..framework.support_types.len()).map(|support| SupportMatch { support, need: 0, max: 0, suggested: false, reasons: Vec::new() }).collect();
    for (position, item) in framework.items.iter().enumerate() {
        if item.points_to.is_empty() {
            continue;
        }
        let item_need = need(assessment, item);
        for pointer in &item.points_to {
            let entry = &mut matches[pointer.support];
            let weight = u64::from(pointer.weight);
            entry.need += item_need * weight;
            entry.max += MAX_NEED * weight;
            if item_need > 0 {
                entry.reasons.push(Contribution { item: position, amount: item_need * weight });
            }
        }
    }
    for entry in &mut matches {
        crate::sort::sort_by(&mut entry.reasons, |a, b| b.amount.cmp(&a.amount).then(a.item.cmp(&b.item)));
        entry.reasons.truncate(MAX_REASONS);
    }
    crate::sort::sort_by(&mut matches, SupportMatch::rank);
    let threshold = u128::from(framework.suggest_threshold);
    let mut n_suggested = 0;
    for entry in &mut matches {
        let reaches = entry.max > 0 && entry.need > 0 && 100 * u128::from(entry.need) >= threshold * u128::from(entry.max);
        if reaches && n_suggested < framework.max_suggestions {
            entry.suggested = true;
            n_suggested += 1;
        }
    }
    matches
}

/// An answer in words, for the reasons behind a suggestion: "Case recording: Yes: there is a
/// better way", "Reflective supervision: Emerging (a priority)".
pub fn describe_answer(framework: &Framework, assessment: &Assessment, item: &Item) -> String {
    let scale = framework.scale_of(item);
    let answer = assessment.answer(item.id.as_str());
    let mut words = match (item.kind, answer) {
        (ItemKind::Rating, Some(answer)) => match answer.rating() {
            Some(Rating::Level(level)) => format!("{}: {}", item.label, scale.level_name(level).unwrap_or("?")),
            Some(Rating::NotSure) => format!("{}: {} (an evidence gap)", item.label, scale.not_sure_name().unwrap_or("Not sure")),
            None => format!("{}: not answered", item.label),
        },
        (ItemKind::Choice, Some(answer)) => match answer.choice() {
            Some(choice) => {
                let name = scale.choice_name(choice).unwrap_or(choice.id());
                let says = item.challenge.as_ref().map(|challenge| challenge.says[choice.position()].as_str()).unwrap_or_default();
                if says.is_empty() { format!("{}: {name}", item.label) } else { format!("{}: {name}: {says}", item.label) }
            }
            None => format!("{}: not answered", item.label),
        },
        _ => format!("{}: not answered", item.label),
    };
    if answer.is_some_and(|answer| answer.priority) {
        words.push_str(" (a priority)");
    }
    words
}
