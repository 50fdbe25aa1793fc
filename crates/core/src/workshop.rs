//! A facilitated workshop: the room goes through the scored items one at a time and the
//! facilitator records, for each, either the level the room agreed or a count of hands per
//! level. The presenter window owns this state; the projector window follows it (the app sends
//! it over a BroadcastChannel and keeps it in storage in the compact text form below). Notes
//! never travel here: the projector shows an item's note only when the facilitator reveals it,
//! and then it is sent as part of that instruction alone.

use std::collections::BTreeMap;

use crate::answer::{Assessment, Choice, FrameworkRef};
use crate::framework::{Framework, ItemKind};
use crate::ids::ItemId;

/// What was recorded for one item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Record {
    /// The room agreed on one option (a level 0–4, or a challenge answer by position).
    Agreed(usize),
    /// Hands per option, in the scale's order, "Not sure" last.
    Hands(Vec<u32>),
}

/// The workshop as both windows see it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Workshop {
    /// Which scored item is up (its position among the scored items); one past the last shows
    /// the room's result.
    pub position: usize,
    /// Whether the room's answer to the current item is shown on the projector.
    pub revealed: bool,
    /// Whether the current item's note is shown on the projector.
    pub show_note: bool,
    /// The address the projector's QR code opens.
    pub join_url: String,
    /// What was recorded, by item.
    pub records: BTreeMap<ItemId, Record>,
}

/// Something the facilitator did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// The next item.
    Next,
    /// The previous item.
    Previous,
    /// Go to an item by its position among the scored items.
    To(usize),
    /// Record the agreed option for the current item (keys 0 to 4).
    Agree(usize),
    /// Record hands per option for the current item.
    Hands(Vec<u32>),
    /// Clear the current item's record.
    Clear,
    /// Show or hide the room's answer on the projector.
    Reveal(bool),
    /// Show or hide the current item's note on the projector.
    ShowNote(bool),
    /// Set the address for the QR code.
    JoinUrl(String),
}

/// The number of options an item offers in a tally: its levels or choices, then "Not sure".
pub fn options(framework: &Framework, item: usize) -> usize {
    match framework.items[item].kind {
        ItemKind::Rating => usize::from(crate::answer::TOP_LEVEL) + 2,
        ItemKind::Choice => Choice::ALL.len(),
        ItemKind::Text => 0,
    }
}

/// The scored items' positions in the framework, in order: the workshop's running order.
pub fn running_order(framework: &Framework) -> Vec<usize> {
    framework.scored_items().map(|(position, _)| position).collect()
}

impl Workshop {
    /// The framework position of the current item, if one is up.
    pub fn current(&self, framework: &Framework) -> Option<usize> {
        running_order(framework).get(self.position).copied()
    }

    /// Applies a step; returns whether anything changed.
    pub fn apply(&mut self, framework: &Framework, step: Step) -> bool {
        let order = running_order(framework);
        let before = self.clone();
        match step {
            Step::Next => self.go(self.position.saturating_add(1).min(order.len())),
            Step::Previous => self.go(self.position.saturating_sub(1)),
            Step::To(position) => self.go(position.min(order.len())),
            Step::Agree(option) => {
                if let Some(&item) = order.get(self.position)
                    && option < options(framework, item)
                {
                    self.records.insert(framework.items[item].id.clone(), Record::Agreed(option));
                }
            }
            Step::Hands(counts) => {
                if let Some(&item) = order.get(self.position)
                    && counts.len() == options(framework, item)
                    && counts.iter().all(|&count| count <= MAX_HANDS)
                {
                    let id = framework.items[item].id.clone();
                    if counts.iter().all(|&count| count == 0) {
                        self.records.remove(&id);
                    } else {
                        self.records.insert(id, Record::Hands(counts));
                    }
                }
            }
            Step::Clear => {
                if let Some(&item) = order.get(self.position) {
                    self.records.remove(&framework.items[item].id);
                }
            }
            Step::Reveal(on) => self.revealed = on,
            Step::ShowNote(on) => self.show_note = on,
            Step::JoinUrl(url) => self.join_url = url.trim().chars().take(MAX_URL).collect(),
        }
        *self != before
    }

    fn go(&mut self, position: usize) {
        if position != self.position {
            self.position = position;
            self.revealed = false;
            self.show_note = false;
        }
    }

    /// The hands per option recorded for an item: an agreed option counts as one hand.
    pub fn counts(&self, framework: &Framework, item: usize) -> Vec<u32> {
        let mut counts = vec![0; options(framework, item)];
        match self.records.get(&framework.items[item].id) {
            Some(Record::Agreed(option)) => {
                if let Some(count) = counts.get_mut(*option) {
                    *count = 1;
                }
            }
            Some(Record::Hands(hands)) => {
                for (count, hand) in counts.iter_mut().zip(hands) {
                    *count = *hand;
                }
            }
            None => {}
        }
        counts
    }

    /// The room's answers as one assessment, merged by the same rules as participants'
    /// answers ([`crate::aggregate::merged_answer`]): the agreed option, or the median of the
    /// hands ("Not sure" when more hands were not sure than sure), so it scores like any other.
    pub fn room(&self, framework: &Framework) -> Assessment {
        let mut assessment = Assessment {
            framework: FrameworkRef { id: framework.id.clone(), version: framework.version.clone() },
            title: "The room's answers".to_owned(),
            ..Assessment::default()
        };
        for item in running_order(framework) {
            let counts = self.counts(framework, item);
            let summary = crate::aggregate::summarise(&tally(&counts));
            if let Some(answer) = crate::aggregate::merged_answer(&framework.items[item], &summary, counts.iter().sum()) {
                assessment.answers.insert(framework.items[item].id.clone(), answer);
            }
        }
        assessment
    }
}

impl Workshop {
    /// Each scored item's recorded hands, summed up: distribution, median and spread.
    pub fn summaries(&self, framework: &Framework) -> Vec<crate::aggregate::ItemAggregate> {
        running_order(framework)
            .into_iter()
            .map(|item| crate::aggregate::ItemAggregate { item, summary: crate::aggregate::summarise(&tally(&self.counts(framework, item))) })
            .collect()
    }
}

/// Hands per option (not sure last) as the aggregate's tally.
pub fn tally(counts: &[u32]) -> crate::aggregate::Tally {
    let (not_sure, counts) = counts.split_last().map_or((0, &[][..]), |(last, rest)| (*last, rest));
    crate::aggregate::Tally { counts: counts.to_vec(), not_sure, priority: 0 }
}

/// A median in words: "Developing (2)", or "between Emerging and Developing (1.5)" for a
/// median between two answers; "no answers" when there is none.
pub fn median_text(framework: &Framework, item: usize, median: Option<crate::ratio::Ratio>) -> String {
    let Some(median) = median else { return "no answers".to_owned() };
    let scale = framework.scale_of(&framework.items[item]);
    let name = |position: u64| -> String {
        match framework.items[item].kind {
            ItemKind::Rating => format!("{} ({position})", scale.level_name(position as u8).unwrap_or("?")),
            _ => Choice::ALL.get(position as usize).and_then(|choice| scale.choice_name(*choice)).unwrap_or("?").to_owned(),
        }
    };
    let (numerator, denominator) = (median.numerator(), median.denominator());
    if denominator == 1 {
        return name(numerator);
    }
    let (low, high) = (numerator / denominator, numerator / denominator + 1);
    match framework.items[item].kind {
        ItemKind::Rating => format!(
            "between {} and {} ({})",
            scale.level_name(low as u8).unwrap_or("?"),
            scale.level_name(high as u8).unwrap_or("?"),
            crate::view::decimal(median.to_f64(), 1)
        ),
        _ => format!("between {} and {}", name(low), name(high)),
    }
}

/// The spread in figures and words: 0 is full agreement, 1 a room split between the extremes.
pub fn spread_text(spread: Option<crate::ratio::Ratio>) -> String {
    let Some(spread) = spread else { return "no answers".to_owned() };
    let value = spread.to_f64();
    let words = if spread.numerator() == 0 {
        "full agreement"
    } else if value < 0.25 {
        "close to agreement"
    } else if value < 0.5 {
        "some disagreement"
    } else if value < 0.75 {
        "wide disagreement"
    } else {
        "split"
    };
    format!("{} ({words})", crate::view::decimal(value, 2))
}

/// The most hands one option can have.
pub const MAX_HANDS: u32 = 9999;
/// The longest join address.
pub const MAX_URL: usize = 500;

/// Writes the workshop in its compact text form (for storage and the channel): one line each
/// for the position, the flags and the join address, then one line per record,
/// `id=a2` (agreed) or `id=h1,0,3,2,0,1` (hands).
pub fn encode(workshop: &Workshop) -> String {
    let mut text = format!(
        "workshop 1\n{}\n{}{}\n{}\n",
        workshop.position,
        u8::from(workshop.revealed),
        u8::from(workshop.show_note),
        workshop.join_url.replace('\n', " ")
    );
    for (id, record) in &workshop.records {
        match record {
            Record::Agreed(option) => text.push_str(&format!("{id}=a{option}\n")),
            Record::Hands(hands) => text.push_str(&format!("{id}=h{}\n", hands.iter().map(ToString::to_string).collect::<Vec<_>>().join(","))),
        }
    }
    text
}

/// Reads the compact text form against `framework`; anything that does not fit is left out.
pub fn decode(text: &str, framework: &Framework) -> Option<Workshop> {
    let mut lines = text.lines();
    if lines.next()? != "workshop 1" {
        return None;
    }
    let position = lines.next()?.parse::<usize>().ok()?.min(running_order(framework).len());
    let flags = lines.next()?.as_bytes();
    let join_url = lines.next().unwrap_or_default().chars().take(MAX_URL).collect();
    let mut workshop =
        Workshop { position, revealed: flags.first() == Some(&b'1'), show_note: flags.get(1) == Some(&b'1'), join_url, records: BTreeMap::new() };
    for line in lines {
        let Some((id, record)) = line.split_once('=') else { continue };
        let Some(item) = framework.item_position(id) else { continue };
        let n_options = options(framework, item);
        let record = match record.split_at_checked(1) {
            Some(("a", option)) => option.parse::<usize>().ok().filter(|option| *option < n_options).map(Record::Agreed),
            Some(("h", hands)) => {
                let hands: Option<Vec<u32>> = hands.split(',').map(|count| count.parse::<u32>().ok().filter(|count| *count <= MAX_HANDS)).collect();
                hands.filter(|hands| hands.len() == n_options).map(Record::Hands)
            }
            _ => None,
        };
        if let Some(record) = record {
            workshop.records.insert(framework.items[item].id.clone(), record);
        }
    }
    Some(workshop)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::{Rating, Value};

    #[test]
    fn steps_move_record_and_reset_the_reveal() {
        let framework = Framework::bundled();
        let mut workshop = Workshop::default();
        assert!(!workshop.apply(&framework, Step::Previous), "nothing before the first item");
        assert!(workshop.apply(&framework, Step::Agree(2)));
        assert!(workshop.apply(&framework, Step::Reveal(true)));
        assert!(workshop.apply(&framework, Step::Next));
        assert!(!workshop.revealed, "a new item starts hidden");
        assert!(workshop.apply(&framework, Step::Hands(vec![0, 1, 3, 2, 0, 1])));
        assert!(!workshop.apply(&framework, Step::Hands(vec![1, 2])), "a tally must fit the scale");
        assert!(!workshop.apply(&framework, Step::Agree(9)));
        let order = running_order(&framework);
        for _ in 0..100 {
            workshop.apply(&framework, Step::Next);
        }
        assert_eq!(workshop.position, order.len(), "one past the last item shows the result");
        assert_eq!(workshop.current(&framework), None);

        let first = &framework.items[order[0]].id;
        let second = &framework.items[order[1]].id;
        let room = workshop.room(&framework);
        assert_eq!(room.answers[first].value, Some(Value::Rating(Rating::Level(2))));
        // Hands 0,1,3,2,0 and one not sure: six with a level, whose median is level 2.
        assert_eq!(room.answers[second].value, Some(Value::Rating(Rating::Level(2))));
        assert_eq!(decode(&encode(&workshop), &framework), Some(workshop));
    }

    #[test]
    fn medians_and_spreads_in_words() {
        use crate::ratio::Ratio;
        let framework = Framework::bundled();
        let first = running_order(&framework)[0];
        assert_eq!(median_text(&framework, first, Some(Ratio::whole(2))), "Developing (2)");
        assert_eq!(median_text(&framework, first, Some(Ratio::new(3, 2))), "between Emerging and Developing (1.5)");
        assert_eq!(median_text(&framework, first, None), "no answers");
        assert_eq!(spread_text(Some(Ratio::whole(0))), "0 (full agreement)");
        assert_eq!(spread_text(Some(Ratio::new(1, 3))), "0.33 (some disagreement)");
        assert_eq!(spread_text(Some(Ratio::whole(1))), "1 (split)");
    }

    #[test]
    fn damaged_text_decodes_to_what_fits() {
        let framework = Framework::bundled();
        assert_eq!(decode("", &framework), None);
        assert_eq!(decode("workshop 2\n0\n00\n\n", &framework), None);
        let workshop = decode(
            "workshop 1\n3\n10\nhttps://example.org\nno-such=a1\nlearning-culture=a9\nshared-practice-theory=h1,2\nreflective-supervision=a4\n",
            &framework,
        )
        .expect("the frame is fine");
        assert_eq!(workshop.position, 3);
        assert!(workshop.revealed && !workshop.show_note);
        assert_eq!(workshop.records.len(), 1);
        assert_eq!(workshop.records["reflective-supervision"], Record::Agreed(4));
    }
}
