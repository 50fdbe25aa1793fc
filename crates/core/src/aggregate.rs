//! A room's answers taken together, for workshops: how many gave each answer to each item, the
//! median answer, how far the room disagrees, each participant's headline figures, and one
//! merged assessment that is scored like any other. Documented in `docs/aggregate.md`.
//!
//! Every figure is exact (a [`Ratio`]); nothing here formats numbers.
//!
//! # The order of the answers
//!
//! A rating item's answers are its levels, 0 to 4. A challenge question's are Yes, Partly and
//! No, in that order: the order the scale shows them, with Partly between the other two. The
//! spread does not depend on which end comes first; the median is a position on that order
//! (Yes 0, Partly 1, No 2). "Not sure" has no place on either order: it is counted and
//! reported, and left out of the median and the spread.
//!
//! # The median
//!
//! The middle answer of those with a place on the order; for an even number of answers, the
//! mean of the two middle ones, so it may fall halfway between two answers (2.5).
//!
//! # The spread: Leik's ordinal dispersion
//!
//! For k ordered answers with cumulative proportions F₁ … F_k (F_k = 1), Leik (1966, "A measure
//! of ordinal consensus", Pacific Sociological Review 9(2)) defines
//!
//! ```text
//! D = 2 · Σ_{i=1}^{k−1} d_i / (k − 1),    d_i = F_i when F_i ≤ ½, else 1 − F_i
//! ```
//!
//! D is 0 when everyone gave the same answer and 1 when the room split evenly between the two
//! extremes; everyone spread evenly over the five levels gives 0.6. With N answers and
//! cumulative counts C_i this is 2 · Σ min(C_i, N − C_i) / (N · (k − 1)), which is how it is
//! computed, exactly.
//!
//! # The merged assessment
//!
//! One answer per item, for the room as a whole, scored with [`score::score`] like any other:
//!
//! - when more people answered "Not sure" than gave an answer with a place on the order, the
//!   room is not sure: the merged answer is "Not sure";
//! - otherwise the median, and a median halfway between two answers goes to the one that asks
//!   more of the room, so that the room never looks further on than half of it says: the lower
//!   level for a rating item, and for a challenge question the answer nearer the one that
//!   signals an opportunity (Yes for most questions, No for a few);
//! - flagged as a priority when at least half the room flagged it;
//! - no notes, no vision answers, no title.
//!
//! # Duplicates
//!
//! Two assessments are the same when they have the same title and the same answers: values,
//! notes, priority flags, vision answers and retired answers. When they were last changed does
//! not matter, so exporting the same answers twice gives two files that are the same.
//! [`fingerprint`] gives a number that is equal for assessments that are the same;
//! [`is_duplicate`] says for certain.

use crate::answer::{Answer, Assessment, Choice, FrameworkRef, Rating, TOP_LEVEL, Value};
use crate::framework::{Framework, Item, ItemKind, Profile};
use crate::ids::ItemId;
use crate::ratio::Ratio;
use crate::score::{self, Results};

/// How many answers a rating item's order has: the levels 0 to [`TOP_LEVEL`].
pub const LEVELS: usize = TOP_LEVEL as usize + 1;

/// A challenge question's answers with a place on its order, in that order.
pub const CHOICES: [Choice; 3] = [Choice::Yes, Choice::Partly, Choice::No];

/// A room's answers to one item: how many gave each answer. Built from assessments with
/// [`Tally::add`] or [`tally`], or typed by a facilitator counting hands.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    /// How many gave each answer, in order: [`LEVELS`] counts (levels 0 to 4) for a rating item,
    /// three (Yes, Partly, No, as [`CHOICES`]) for a challenge question.
    pub counts: Vec<u32>,
    /// How many answered "Not sure".
    pub not_sure: u32,
    /// How many flagged the item as a priority (with or without an answer).
    pub priority: u32,
}

impl Tally {
    /// An empty tally for a rating item.
    pub fn rating() -> Tally {
        Tally { counts: vec![0; LEVELS], ..Tally::default() }
    }

    /// An empty tally for a challenge question.
    pub fn choice() -> Tally {
        Tally { counts: vec![0; CHOICES.len()], ..Tally::default() }
    }

    /// An empty tally for `item`; `None` for a free-text item, which is not counted.
    pub fn for_item(item: &Item) -> Option<Tally> {
        match item.kind {
            ItemKind::Rating => Some(Tally::rating()),
            ItemKind::Choice => Some(Tally::choice()),
            ItemKind::Text => None,
        }
    }

    /// Counts one person's answer. An answer of the wrong kind for the tally (a level in a
    /// challenge question's tally) is not counted; its priority flag is.
    pub fn add(&mut self, answer: &Answer) {
        let rating = self.counts.len() == LEVELS;
        let choice = self.counts.len() == CHOICES.len();
        match answer.value {
            Some(Value::Rating(Rating::Level(level))) if rating && level <= TOP_LEVEL => self.counts[usize::from(level)] += 1,
            Some(Value::Rating(Rating::NotSure)) if rating => self.not_sure += 1,
            Some(Value::Choice(Choice::NotSure)) if choice => self.not_sure += 1,
            Some(Value::Choice(given)) if choice => {
                if let Some(position) = CHOICES.iter().position(|&choice| choice == given) {
                    self.counts[position] += 1;
                }
            }
            _ => {}
        }
        if answer.priority {
            self.priority += 1;
        }
    }
}

/// What a room said about one item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemSummary {
    /// Answers with a place on the order (a level, or Yes, Partly or No).
    pub n: u32,
    /// Answers of "Not sure".
    pub n_not_sure: u32,
    /// Priority flags.
    pub n_priority: u32,
    /// How many gave each answer, as in [`Tally::counts`].
    pub counts: Vec<u32>,
    /// The median position on the order (a level, or Yes 0, Partly 1, No 2); halfway between
    /// two answers when the two middle answers differ. `None` when `n` is 0.
    pub median: Option<Ratio>,
    /// Leik's ordinal dispersion, 0 (everyone agrees) to 1 (split evenly between the extremes).
    /// `None` when `n` is 0.
    pub spread: Option<Ratio>,
}

/// Sums up a tally: counts, median and spread.
pub fn summarise(tally: &Tally) -> ItemSummary {
    let n: u32 = tally.counts.iter().sum();
    ItemSummary {
        n,
        n_not_sure: tally.not_sure,
        n_priority: tally.priority,
        counts: tally.counts.clone(),
        median: median(&tally.counts),
        spread: leik(&tally.counts),
    }
}

/// The median position of answers counted per position; `None` when there are none.
fn median(counts: &[u32]) -> Option<Ratio> {
    let n: u64 = counts.iter().map(|&count| u64::from(count)).sum();
    if n == 0 {
        return None;
    }
    // The position of the answer at `index` (from 0) when the answers are put in order.
    let at = |index: u64| {
        let mut seen = 0;
        for (position, &count) in counts.iter().enumerate() {
            seen += u64::from(count);
            if seen > index {
                return position as u64;
            }
        }
        counts.len() as u64 - 1
    };
    Some(if n % 2 == 1 { Ratio::whole(at(n / 2)) } else { Ratio::new(at(n / 2 - 1) + at(n / 2), 2) })
}

/// Leik's ordinal dispersion of answers counted per position on an order of `counts.len()`
/// answers (see the module's documentation); `None` with no answers or fewer than two positions.
pub fn leik(counts: &[u32]) -> Option<Ratio> {
    let n: u64 = counts.iter().map(|&count| u64::from(count)).sum();
    if n == 0 || counts.len() < 2 {
        return None;
    }
    let mut cumulative = 0;
    let mut sum = 0;
    for &count in &counts[..counts.len() - 1] {
        cumulative += u64::from(count);
        sum += cumulative.min(n - cumulative);
    }
    Some(Ratio::new(2 * sum, n * (counts.len() as u64 - 1)))
}

/// The room's answers to `item` from `assessments`; `None` for a free-text item.
pub fn tally(item: &Item, assessments: &[Assessment]) -> Option<Tally> {
    let mut tally = Tally::for_item(item)?;
    for answer in assessments.iter().filter_map(|assessment| assessment.answer(item.id.as_str())) {
        tally.add(answer);
    }
    Some(tally)
}

/// One participant's headline figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Participant {
    /// The assessment's title, or "Participant N" (N counting from 1) when it has none.
    pub label: String,
    /// Practice maturity, when defined.
    pub maturity: Option<Ratio>,
    /// Innovation readiness, when defined.
    pub readiness: Option<Ratio>,
    /// The profile, when both are defined.
    pub profile: Option<Profile>,
    /// Completeness, in percent.
    pub completeness: Ratio,
    /// The position of the first earlier participant that is the same (see [`is_duplicate`]).
    pub same_as: Option<usize>,
}

/// One item's summary, for the room.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemAggregate {
    /// Position of the item in the framework.
    pub item: usize,
    /// What the room said.
    pub summary: ItemSummary,
}

/// A room's assessments taken together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Aggregate {
    /// One per assessment, in the order given.
    pub participants: Vec<Participant>,
    /// Every rating item and challenge question, in framework order.
    pub items: Vec<ItemAggregate>,
    /// One answer per item for the room (see the module's documentation).
    pub merged: Assessment,
    /// The merged assessment's results.
    pub merged_results: Results,
}

/// Takes a room's assessments together. Every assessment given is counted, duplicates too:
/// [`Participant::same_as`] names them, and leaving them out is the caller's choice.
pub fn aggregate(framework: &Framework, assessments: &[Assessment]) -> Aggregate {
    let participants = assessments
        .iter()
        .enumerate()
        .map(|(position, assessment)| {
            let results = score::score(framework, assessment);
            let title = assessment.title.trim();
            Participant {
                label: if title.is_empty() { format!("Participant {}", position + 1) } else { title.to_owned() },
                maturity: results.maturity,
                readiness: results.readiness,
                profile: results.profile,
                completeness: results.completeness,
                same_as: assessments[..position].iter().position(|earlier| is_duplicate(earlier, assessment)),
            }
        })
        .collect();
    let items: Vec<ItemAggregate> = framework
        .items
        .iter()
        .enumerate()
        .filter_map(|(position, item)| Some(ItemAggregate { item: position, summary: summarise(&tally(item, assessments)?) }))
        .collect();
    let merged = merged_assessment(framework, &items, u32::try_from(assessments.len()).unwrap_or(u32::MAX));
    let merged_results = score::score(framework, &merged);
    Aggregate { participants, items, merged, merged_results }
}

/// The merged assessment for a room of `room` people from its item summaries (see the module's
/// documentation for the rules). Works as well for tallies a facilitator typed in.
pub fn merged_assessment(framework: &Framework, items: &[ItemAggregate], room: u32) -> Assessment {
    let mut merged = Assessment { framework: FrameworkRef { id: framework.id.clone(), version: framework.version.clone() }, ..Assessment::default() };
    for aggregate in items {
        let item = &framework.items[aggregate.item];
        if let Some(answer) = merged_answer(item, &aggregate.summary, room) {
            merged.answers.insert(item.id.clone(), answer);
        }
    }
    merged
}

/// The room's answer to `item`, for a room of `room` people; `None` when it has none.
pub fn merged_answer(item: &Item, summary: &ItemSummary, room: u32) -> Option<Answer> {
    let value = if summary.n_not_sure > summary.n {
        match item.kind {
            ItemKind::Rating => Some(Value::Rating(Rating::NotSure)),
            ItemKind::Choice => Some(Value::Choice(Choice::NotSure)),
            ItemKind::Text => None,
        }
    } else {
        summary.median.and_then(|median| {
            let lower = median.numerator() / median.denominator();
            let upper = lower + u64::from(median.denominator() > 1);
            match item.kind {
                ItemKind::Rating => u8::try_from(lower).ok().map(|level| Value::Rating(Rating::Level(level))),
                ItemKind::Choice => {
                    let opportunity = item.challenge.as_ref().map_or(0, |challenge| challenge.opportunity_when.position() as u64);
                    let position = if opportunity > lower { upper } else { lower };
                    CHOICES.get(usize::try_from(position).ok()?).map(|&choice| Value::Choice(choice))
                }
                ItemKind::Text => None,
            }
        })
    };
    let answer = Answer { value, note: String::new(), priority: room > 0 && 2 * u64::from(summary.n_priority) >= u64::from(room) };
    (!answer.is_empty()).then_some(answer)
}

/// The items the room disagrees about most, at most `n` of them, as positions in the framework:
/// the largest spread first, then the item more people answered, then framework order. Only
/// items with a spread above 0 are named.
pub fn most_disagreement(aggregate: &Aggregate, n: usize) -> Vec<usize> {
    rank_by_spread(&aggregate.items, n)
}

/// The ranking behind [`most_disagreement`], for any per-item summaries (a workshop's tallies as
/// well as participants' answers).
pub fn rank_by_spread(items: &[ItemAggregate], n: usize) -> Vec<usize> {
    let zero = Ratio::whole(0);
    let mut found: Vec<&ItemAggregate> = items.iter().filter(|item| item.summary.spread.is_some_and(|spread| spread > zero)).collect();
    crate::sort::sort_by(&mut found, |a, b| b.summary.spread.cmp(&a.summary.spread).then(b.summary.n.cmp(&a.summary.n)).then(a.item.cmp(&b.item)));
    found.into_iter().take(n).map(|item| item.item).collect()
}

/// Answers that record something, in id order.
fn recorded(answers: &crate::SortedMap<ItemId, Answer>) -> impl Iterator<Item = (&ItemId, &Answer)> {
    answers.iter().filter(|(_, answer)| !answer.is_empty())
}

/// Whether two assessments are the same: the same title and the same answers (values, notes,
/// priority flags, vision answers and retired answers); when they were last changed and which
/// framework version they name do not matter.
pub fn is_duplicate(a: &Assessment, b: &Assessment) -> bool {
    a.title == b.title && recorded(&a.answers).eq(recorded(&b.answers)) && recorded(&a.retired).eq(recorded(&b.retired))
}

/// A 64-bit fingerprint of what [`is_duplicate`] compares: assessments that are the same have
/// the same fingerprint, and different ones almost surely differ. It is FNV-1a over the title
/// and each recorded answer in id order (retired answers after the others), every piece of
/// text preceded by its length in bytes, so it is the same on every platform and build.
pub fn fingerprint(assessment: &Assessment) -> u64 {
    let mut hash = Fnv::default();
    hash.text(&assessment.title);
    for (group, answers) in [(b'A', &assessment.answers), (b'R', &assessment.retired)] {
        hash.bytes(&[group]);
        for (id, answer) in recorded(answers) {
            hash.text(id.as_str());
            match &answer.value {
                None => hash.bytes(b"-"),
                Some(Value::Rating(Rating::Level(level))) => hash.bytes(&[b'L', *level]),
                Some(Value::Rating(Rating::NotSure)) => hash.bytes(b"L?"),
                Some(Value::Choice(choice)) => hash.bytes(&[b'C', choice.position() as u8]),
                Some(Value::Text(text)) => {
                    hash.bytes(b"T");
                    hash.text(text);
                }
            }
            hash.text(&answer.note);
            hash.bytes(&[u8::from(answer.priority)]);
        }
    }
    hash.0
}

/// 64-bit FNV-1a.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    fn bytes(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = (self.0 ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    fn text(&mut self, text: &str) {
        self.bytes(&(text.len() as u64).to_le_bytes());
        self.bytes(text.as_bytes());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv_1a_matches_its_published_test_vectors() {
        let hash = |text: &[u8]| {
            let mut fnv = Fnv::default();
            fnv.bytes(text);
            fnv.0
        };
        assert_eq!(hash(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(hash(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(hash(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn medians_count_from_the_bottom() {
        assert_eq!(median(&[0, 0, 0, 0, 0]), None);
        assert_eq!(median(&[1, 0, 0, 0, 0]), Some(Ratio::whole(0)));
        assert_eq!(median(&[0, 0, 0, 0, 2]), Some(Ratio::whole(4)));
        assert_eq!(median(&[1, 0, 0, 0, 1]), Some(Ratio::whole(2)));
        assert_eq!(median(&[0, 1, 1, 0]), Some(Ratio::new(3, 2)));
    }
}
