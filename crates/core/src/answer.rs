//! Answers and the assessment that holds them. These are domain types: what the export file
//! looks like is the business of `codec::export` alone.

use crate::sorted_map::SortedMap;

use crate::ids::{FrameworkId, ItemId};

/// The highest level of a rating scale; levels run from 0 to this.
pub const TOP_LEVEL: u8 = 4;

/// An answer on a rating scale (maturity or agreement).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Rating {
    /// A level from 0 to [`TOP_LEVEL`].
    Level(u8),
    /// "Not sure": scores nothing, counts as answered, and is an evidence gap.
    NotSure,
}

/// An answer to a challenge question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Choice {
    /// Yes.
    Yes,
    /// Partly.
    Partly,
    /// No.
    No,
    /// Not sure.
    NotSure,
}

impl Choice {
    /// Every choice, in the order the scale shows them.
    pub const ALL: [Choice; 4] = [Choice::Yes, Choice::Partly, Choice::No, Choice::NotSure];

    /// The choice's id in files and URLs.
    pub fn id(self) -> &'static str {
        match self {
            Choice::Yes => "yes",
            Choice::Partly => "partly",
            Choice::No => "no",
            Choice::NotSure => "not-sure",
        }
    }

    /// The choice with this id.
    pub fn from_id(id: &str) -> Option<Choice> {
        Choice::ALL.into_iter().find(|choice| choice.id() == id)
    }

    /// Position in [`Choice::ALL`].
    pub fn position(self) -> usize {
        self as usize
    }
}

/// What an item was answered with; which kind fits an item is the framework's to say.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Value {
    /// A rating-scale answer.
    Rating(Rating),
    /// A challenge answer.
    Choice(Choice),
    /// A free-text answer to a vision question.
    Text(String),
}

/// Everything recorded against one item. An item with no value may still carry a note.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Answer {
    /// The answer itself, if given.
    pub value: Option<Value>,
    /// Evidence, or what we would change. Empty when there is none.
    pub note: String,
    /// "This is a priority for us": multiplies the item's need by 1.5.
    pub priority: bool,
}

impl Answer {
    /// Whether nothing at all is recorded, so the entry can be dropped.
    pub fn is_empty(&self) -> bool {
        let blank_text = matches!(&self.value, Some(Value::Text(text)) if text.trim().is_empty());
        (self.value.is_none() || blank_text) && self.note.trim().is_empty() && !self.priority
    }

    /// The rating, if the answer is one.
    pub fn rating(&self) -> Option<Rating> {
        match self.value {
            Some(Value::Rating(rating)) => Some(rating),
            _ => None,
        }
    }

    /// The challenge choice, if the answer is one.
    pub fn choice(&self) -> Option<Choice> {
        match self.value {
            Some(Value::Choice(choice)) => Some(choice),
            _ => None,
        }
    }

    /// The vision text, if the answer is one.
    pub fn text(&self) -> Option<&str> {
        match &self.value {
            Some(Value::Text(text)) => Some(text),
            _ => None,
        }
    }
}

/// The framework a set of answers was given against.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct FrameworkRef {
    /// The framework's id.
    pub id: FrameworkId,
    /// The framework's version.
    pub version: String,
}

/// One authority's answers, with a title such as "Baseline 2026".
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Assessment {
    /// The framework the answers were given against.
    pub framework: FrameworkRef,
    /// A name for this assessment; may be empty.
    pub title: String,
    /// When the answers last changed, as an RFC 3339 UTC timestamp, if known.
    pub updated: Option<String>,
    /// The answers, by item id. Keyed by id, not position, so that answers outlive a change
    /// in the framework's order.
    pub answers: SortedMap<ItemId, Answer>,
    /// Answers to items that an earlier version of the framework had and this one does not.
    /// They are never scored, but they are kept, shown as "retired items" and written back to
    /// every export, so that a new framework version never loses what someone wrote.
    pub retired: SortedMap<ItemId, Answer>,
}

impl Assessment {
    /// The answer recorded for `item`, if any.
    pub fn answer(&self, item: &str) -> Option<&Answer> {
        self.answers.get(item)
    }

    /// The value recorded for `item`, if any.
    pub fn value(&self, item: &str) -> Option<&Value> {
        self.answers.get(item).and_then(|answer| answer.value.as_ref())
    }
}

/// Whether `text` is an RFC 3339 timestamp in UTC or with an offset, such as
/// `2026-11-22T10:00:00Z` or `2026-11-22T10:00:00.123+01:00`.
pub fn is_timestamp(text: &str) -> bool {
    let bytes = text.as_bytes();
    let digits = |range: std::ops::Range<usize>| bytes.get(range).is_some_and(|part| part.iter().all(u8::is_ascii_digit));
    let number = |range: std::ops::Range<usize>| std::str::from_utf8(&bytes[range]).ok().and_then(|part| part.parse::<u32>().ok()).unwrap_or(99);
    if bytes.len() < 20 || !digits(0..4) || bytes[4] != b'-' || !digits(5..7) || bytes[7] != b'-' || !digits(8..10) {
        return false;
    }
    if !matches!(bytes[10], b'T' | b't') || !digits(11..13) || bytes[13] != b':' || !digits(14..16) || bytes[16] != b':' || !digits(17..19) {
        return false;
    }
    let (year, month, day) = (number(0..4), number(5..7), number(8..10));
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days_in_month = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    if !(1..=12).contains(&month) || !(1..=days_in_month).contains(&day) || number(11..13) > 23 || number(14..16) > 59 || number(17..19) > 60 {
        return false;
    }
    let mut rest = &bytes[19..];
    if let Some(fraction) = rest.strip_prefix(b".") {
        let n_digits = fraction.iter().take_while(|b| b.is_ascii_digit()).count();
        if n_digits == 0 {
            return false;
        }
        rest = &fraction[n_digits..];
    }
    match rest {
        [b'Z' | b'z'] => true,
        [b'+' | b'-', h1, h2, b':', m1, m2] => {
            let two = |a: u8, b: u8| (a.is_ascii_digit() && b.is_ascii_digit()).then(|| (a - b'0') * 10 + (b - b'0'));
            matches!((two(*h1, *h2), two(*m1, *m2)), (Some(hours), Some(minutes)) if hours <= 23 && minutes <= 59)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps() {
        for good in ["2026-11-22T10:00:00Z", "2026-11-22T10:00:00.123Z", "2026-01-02T03:04:05+01:00", "2028-02-29T00:00:00Z"] {
            assert!(is_timestamp(good), "{good}");
        }
        for bad in [
            "",
            "2026-11-22",
            "2026-13-22T10:00:00Z",
            "2026-02-29T10:00:00Z",
            "2026-04-31T10:00:00Z",
            "2026-11-22T10:00:00+99:99",
            "2026-11-22 10:00:00Z",
            "2026-11-22T10:00:00",
            "2026-11-22T10:00:00.Z",
            "2026-11-22T25:00:00Z",
        ] {
            assert!(!is_timestamp(bad), "{bad}");
        }
    }

    #[test]
    fn an_answer_with_only_blank_text_is_empty() {
        assert!(Answer::default().is_empty());
        assert!(Answer { value: Some(Value::Text("  ".into())), ..Answer::default() }.is_empty());
        assert!(!Answer { priority: true, ..Answer::default() }.is_empty());
        assert!(!Answer { value: Some(Value::Rating(Rating::NotSure)), ..Answer::default() }.is_empty());
    }

    #[test]
    fn choice_ids_round_trip() {
        for choice in Choice::ALL {
            assert_eq!(Choice::from_id(choice.id()), Some(choice));
        }
        assert_eq!(Choice::from_id("maybe"), None);
    }
}
