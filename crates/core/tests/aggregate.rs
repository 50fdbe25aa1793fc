//! A room's answers taken together: tallies, medians, Leik's spread, the merged assessment,
//! the items the room disagrees about, duplicates. Expected values are worked out by hand (or,
//! for the generated room, by an independent count of the exported files).

mod common;

use common::{answers, repo_file};
use readiness_core::aggregate::{self, CHOICES, ItemAggregate, ItemSummary, LEVELS, Tally, summarise};
use readiness_core::codec::export;
use readiness_core::framework::ItemKind;
use readiness_core::{Answer, Assessment, Choice, Framework, Profile, Rating, Ratio, Value};

fn rating(counts: [u32; LEVELS], not_sure: u32) -> Tally {
    Tally { counts: counts.to_vec(), not_sure, priority: 0 }
}

fn choice(counts: [u32; 3], not_sure: u32) -> Tally {
    Tally { counts: counts.to_vec(), not_sure, priority: 0 }
}

fn half(twice: u64) -> Ratio {
    Ratio::new(twice, 2)
}

// ---------------------------------------------------------------------------------------
// Summaries

#[test]
fn a_unanimous_room_has_no_spread() {
    let summary = summarise(&rating([0, 0, 7, 0, 0], 0));
    assert_eq!(
        summary,
        ItemSummary { n: 7, n_not_sure: 0, n_priority: 0, counts: vec![0, 0, 7, 0, 0], median: Some(Ratio::whole(2)), spread: Some(Ratio::whole(0)) }
    );
    assert_eq!(summarise(&rating([1, 0, 0, 0, 0], 0)).spread, Some(Ratio::whole(0)), "one person agrees with themself");
    assert_eq!(summarise(&choice([0, 0, 4], 0)).spread, Some(Ratio::whole(0)));
}

#[test]
fn a_room_split_evenly_between_the_extremes_has_a_spread_of_one() {
    let summary = summarise(&rating([3, 0, 0, 0, 3], 0));
    assert_eq!(summary.spread, Some(Ratio::whole(1)));
    assert_eq!(summary.median, Some(Ratio::whole(2)), "the mean of the two middle answers, 0 and 4");
    let summary = summarise(&choice([5, 0, 5], 0));
    assert_eq!((summary.median, summary.spread), (Some(Ratio::whole(1)), Some(Ratio::whole(1))));
    // An uneven split between the extremes is less than 1: F = 1/4 at each step, so
    // D = 2 × 4 × 1/4 / 4 = 1/2.
    assert_eq!(summarise(&rating([1, 0, 0, 0, 3], 0)).spread, Some(half(1)));
}

#[test]
fn leik_values_worked_by_hand_and_published() {
    // Everyone spread evenly over five levels: F = 1/5, 2/5, 3/5, 4/5; d = 1/5, 2/5, 2/5, 1/5;
    // D = 2 × 6/5 / 4 = 3/5.
    assert_eq!(aggregate::leik(&[2, 2, 2, 2, 2]), Some(Ratio::new(3, 5)));
    // Two neighbouring levels split evenly: F = 0, 1/2, 1, 1; d = 0, 1/2, 0, 0; D = 1/4.
    assert_eq!(aggregate::leik(&[0, 4, 4, 0, 0]), Some(Ratio::new(1, 4)));
    // Counts 1, 2, 0, 1, 0 (n = 4): F = 1/4, 3/4, 3/4, 1; d = 1/4, 1/4, 1/4, 0; D = 3/8.
    assert_eq!(aggregate::leik(&[1, 2, 0, 1, 0]), Some(Ratio::new(3, 8)));
    // The example of the R package agrmt's `Leik` (seven categories), which it gives as 0.287:
    // F = .03 .07 .28 .41 .94 .99; d sums to .86; D = 2 × .86 / 6 = 43/150.
    let published = aggregate::leik(&[30, 40, 210, 130, 530, 50, 10]).expect("defined");
    assert_eq!(published, Ratio::new(43, 150));
    assert_eq!((published.to_f64() * 1000.0).round(), 287.0);
    // Challenge questions have three answers: Yes 1, Partly 2, No 1 gives F = 1/4, 3/4;
    // D = 2 × (1/4 + 1/4) / 2 = 1/2.
    assert_eq!(summarise(&choice([1, 2, 1], 0)).spread, Some(half(1)));
    assert_eq!(aggregate::leik(&[0, 0, 0]), None);
    assert_eq!(aggregate::leik(&[5]), None, "one category has no order");
}

#[test]
fn medians_with_odd_and_even_numbers_of_answers() {
    let median = |counts: [u32; LEVELS]| summarise(&rating(counts, 0)).median;
    assert_eq!(median([1, 1, 1, 0, 0]), Some(Ratio::whole(1)), "0 1 2");
    assert_eq!(median([0, 0, 1, 1, 1]), Some(Ratio::whole(3)), "2 3 4");
    assert_eq!(median([3, 0, 0, 0, 2]), Some(Ratio::whole(0)), "0 0 0 4 4");
    assert_eq!(median([0, 1, 1, 0, 0]), Some(half(3)), "1 2");
    assert_eq!(median([2, 0, 0, 1, 1]), Some(half(3)), "0 0 3 4: between 0 and 3");
    assert_eq!(median([0, 0, 2, 2, 0]), Some(half(5)), "2 2 3 3");
    assert_eq!(median([0, 0, 0, 0, 1]), Some(Ratio::whole(4)));
    assert_eq!(summarise(&choice([1, 0, 1], 0)).median, Some(Ratio::whole(1)), "Yes and No: Partly");
    assert_eq!(summarise(&choice([1, 1, 0], 0)).median, Some(half(1)), "Yes and Partly");
}

#[test]
fn not_sure_is_counted_but_left_out_of_median_and_spread() {
    let summary = summarise(&rating([0, 0, 1, 0, 1], 5));
    assert_eq!((summary.n, summary.n_not_sure), (2, 5));
    assert_eq!(summary.median, Some(Ratio::whole(3)));
    assert_eq!(summary.spread, Some(half(1)), "F = 0, 0, 1/2, 1/2: D = 2 × 1 / 4");
    let only_not_sure = summarise(&choice([0, 0, 0], 3));
    assert_eq!((only_not_sure.n, only_not_sure.n_not_sure, only_not_sure.median, only_not_sure.spread), (0, 3, None, None));
    let nobody = summarise(&Tally::rating());
    assert_eq!((nobody.n, nobody.median, nobody.spread), (0, None, None));
}

#[test]
fn tallies_count_only_answers_of_their_kind() {
    let mut tally = Tally::rating();
    for value in [Value::Rating(Rating::Level(3)), Value::Rating(Rating::NotSure), Value::Choice(Choice::Yes), Value::Text("words".into())] {
        tally.add(&Answer { value: Some(value), ..Answer::default() });
    }
    tally.add(&Answer { value: None, note: "a note".into(), priority: true });
    assert_eq!(tally, Tally { counts: vec![0, 0, 0, 1, 0], not_sure: 1, priority: 1 });
    let mut tally = Tally::choice();
    for value in [Value::Choice(Choice::No), Value::Choice(Choice::NotSure), Value::Choice(Choice::Partly), Value::Rating(Rating::Level(1))] {
        tally.add(&Answer { value: Some(value), ..Answer::default() });
    }
    assert_eq!(tally, Tally { counts: vec![0, 1, 1], not_sure: 1, priority: 0 });
    assert_eq!(CHOICES, [Choice::Yes, Choice::Partly, Choice::No]);
}

// ---------------------------------------------------------------------------------------
// The merged assessment

fn example(name: &str, framework: &Framework) -> Assessment {
    export::decode(&repo_file(&format!("content/examples/{name}.json")), framework).unwrap_or_else(|problems| panic!("{name}: {problems:?}"))
}

#[test]
fn three_examples_merged() {
    let framework = Framework::bundled();
    let room: Vec<Assessment> = ["lay-the-foundations", "strong-practice", "ready-to-redesign"].iter().map(|name| example(name, &framework)).collect();
    let together = aggregate::aggregate(&framework, &room);

    // The middle of three answers, worked out item by item. Three items have a "Not sure":
    // practice-career-paths (not sure, 3, 2) has the median 2.5 and takes the lower level, 2;
    // evaluation-plan (not sure, 1, 3) takes 2; delivery-model-openness (0, not sure, 3) has
    // 1.5 and takes 1; case-conferences (not sure, No, Yes) has Partly, between Yes and No.
    // Each priority flag is one person's of three, fewer than half: none is kept.
    let expected = answers(
        &framework,
        "tools-practice: 2 1 1 2 3 1
         environment-culture: 3 2 1 2 2 1
         workforce-structure: 1 2 1 1 2 1 2 2
         challenges: yes partly partly yes partly no
         innovation-readiness: 1 1 2 1 0 2 1 2 1 2 1",
    );
    assert_eq!(together.merged.answers, expected.answers);
    assert_eq!(together.merged.title, "");
    assert!(together.merged.retired.is_empty());

    // Domains: 10 of 24, 11 of 24, 12 of 32; readiness 14 of 44.
    let results = &together.merged_results;
    assert_eq!(results.section(0).percent, Some(Ratio::new(1000, 24)));
    assert_eq!(results.section(1).percent, Some(Ratio::new(1100, 24)));
    assert_eq!(results.section(2).percent, Some(Ratio::new(1200, 32)));
    assert_eq!(results.maturity, Some(Ratio::new(125, 3)));
    assert_eq!(results.readiness, Some(Ratio::new(350, 11)));
    assert_eq!(results.completeness, Ratio::whole(100));
    assert_eq!(results.profile, Some(Profile::LayTheFoundations));

    // Each participant's figures are their own results (content/examples/<name>.results.json).
    let labels: Vec<&str> = together.participants.iter().map(|participant| participant.label.as_str()).collect();
    assert_eq!(labels, ["Baseline 2026: where we start", "Strong practice, no plan yet", "Redesign readiness, spring review"]);
    let maturity: Vec<f64> = together.participants.iter().map(|participant| participant.maturity.expect("defined").to_f64()).collect();
    assert_eq!(maturity, [19.841269841269842, 83.68055555555556, 40.625]);
    let readiness: Vec<f64> = together.participants.iter().map(|participant| participant.readiness.expect("defined").to_f64()).collect();
    assert_eq!(readiness, [15.0, 30.0, 75.0]);
    let profiles: Vec<Option<Profile>> = together.participants.iter().map(|participant| participant.profile).collect();
    assert_eq!(profiles, [Some(Profile::LayTheFoundations), Some(Profile::StrongPracticeBuildTheCase), Some(Profile::ReadyToRedesign)]);
    assert!(together.participants.iter().all(|participant| participant.completeness == Ratio::whole(100) && participant.same_as.is_none()));

    // Every rating item and challenge question, in framework order; no vision question.
    assert_eq!(together.items.len(), 37);
    assert!(together.items.windows(2).all(|pair| pair[0].item < pair[1].item));
    assert!(together.items.iter().all(|item| framework.items[item.item].kind != ItemKind::Text));
    let summary = |id: &str| &together.items.iter().find(|item| framework.items[item.item].id.as_str() == id).expect("an item").summary;
    let paths = summary("practice-career-paths");
    assert_eq!((paths.n, paths.n_not_sure, paths.median), (2, 1, Some(half(5))));
    assert_eq!(paths.counts, [0, 0, 1, 1, 0]);
    assert_eq!(summary("shared-practice-theory").n_priority, 1);
    // evidence-based-direct-work: 0, 4, 1: F = 1/3, 2/3, 2/3, 2/3 → d = 1/3 each: D = 2 × 4/3 / 4.
    assert_eq!(summary("evidence-based-direct-work").spread, Some(Ratio::new(2, 3)));
    // flexible-admin-support: 2, 3, 3: F = 0, 0, 1/3, 1 → d = 0, 0, 1/3, 0: D = 1/6.
    assert_eq!(summary("flexible-admin-support").spread, Some(Ratio::new(1, 6)));
}

/// An assessment answering one item, for the rounding rules.
fn room_answering(framework: &Framework, id: &str, values: &[Value], flagged: usize) -> Vec<Assessment> {
    values
        .iter()
        .enumerate()
        .map(|(position, value)| {
            let mut assessment = common::empty(framework);
            assessment.title = format!("Person {position}");
            assessment.answers.insert(
                framework.item(id).expect("an item").id.clone(),
                Answer { value: Some(value.clone()), note: String::new(), priority: position < flagged },
            );
            assessment
        })
        .collect()
}

fn merged_value(framework: &Framework, id: &str, values: &[Value], flagged: usize) -> Option<Answer> {
    aggregate::aggregate(framework, &room_answering(framework, id, values, flagged)).merged.answers.get(id).cloned()
}

#[test]
fn halfway_medians_go_to_the_answer_that_asks_more_of_the_room() {
    let framework = Framework::bundled();
    let level = |level| Value::Rating(Rating::Level(level));
    let value = |answer: Option<Answer>| answer.and_then(|answer| answer.value);
    // Rating items: the lower level.
    assert_eq!(value(merged_value(&framework, "shared-practice-theory", &[level(1), level(2)], 0)), Some(level(1)));
    assert_eq!(value(merged_value(&framework, "shared-practice-theory", &[level(0), level(0), level(4), level(4)], 0)), Some(level(2)), "a whole median");
    assert_eq!(value(merged_value(&framework, "shared-practice-theory", &[level(3), level(4)], 0)), Some(level(3)));
    // case-recording signals an opportunity on Yes: a tie goes towards Yes.
    let choice = Value::Choice;
    assert_eq!(framework.item("case-recording").and_then(|item| item.challenge.as_ref()).map(|challenge| challenge.opportunity_when), Some(Choice::Yes));
    assert_eq!(value(merged_value(&framework, "case-recording", &[choice(Choice::Yes), choice(Choice::Partly)], 0)), Some(choice(Choice::Yes)));
    assert_eq!(value(merged_value(&framework, "case-recording", &[choice(Choice::Partly), choice(Choice::No)], 0)), Some(choice(Choice::Partly)));
    // who-does-what signals an opportunity on No: a tie goes towards No.
    assert_eq!(framework.item("who-does-what").and_then(|item| item.challenge.as_ref()).map(|challenge| challenge.opportunity_when), Some(Choice::No));
    assert_eq!(value(merged_value(&framework, "who-does-what", &[choice(Choice::Yes), choice(Choice::Partly)], 0)), Some(choice(Choice::Partly)));
    assert_eq!(value(merged_value(&framework, "who-does-what", &[choice(Choice::Partly), choice(Choice::No)], 0)), Some(choice(Choice::No)));
    assert_eq!(value(merged_value(&framework, "who-does-what", &[choice(Choice::Yes), choice(Choice::No)], 0)), Some(choice(Choice::Partly)));
}

#[test]
fn the_merged_answer_is_not_sure_when_most_are_not_sure() {
    let framework = Framework::bundled();
    let level = |level| Value::Rating(Rating::Level(level));
    let not_sure = Value::Rating(Rating::NotSure);
    let value = |values: &[Value]| merged_value(&framework, "new-approach", values, 0).and_then(|answer| answer.value);
    assert_eq!(value(&[not_sure.clone(), not_sure.clone(), level(4)]), Some(not_sure.clone()), "two of three are not sure");
    assert_eq!(value(&[not_sure.clone(), level(4)]), Some(level(4)), "as many levels as not sure: the median of the levels");
    assert_eq!(value(std::slice::from_ref(&not_sure)), Some(not_sure.clone()));
    let challenge = merged_value(&framework, "case-recording", &[Value::Choice(Choice::NotSure)], 0).and_then(|answer| answer.value);
    assert_eq!(challenge, Some(Value::Choice(Choice::NotSure)));
    // The merged results count it as answered and as an evidence gap.
    let room = room_answering(&framework, "new-approach", &[not_sure.clone(), not_sure], 0);
    let together = aggregate::aggregate(&framework, &room);
    assert_eq!(together.merged_results.n_answered, 1);
    assert_eq!(together.merged_results.evidence_gaps, [framework.item_position("new-approach").expect("an item")]);
}

#[test]
fn the_room_flags_a_priority_when_at_least_half_flag_it() {
    let framework = Framework::bundled();
    let values = vec![Value::Rating(Rating::Level(2)); 4];
    let priority = |flagged| merged_value(&framework, "learning-culture", &values, flagged).is_some_and(|answer| answer.priority);
    assert!(!priority(0));
    assert!(!priority(1));
    assert!(priority(2), "two of four");
    assert!(priority(4));
    let values = vec![Value::Rating(Rating::Level(2)); 3];
    assert!(!merged_value(&framework, "learning-culture", &values, 1).is_some_and(|answer| answer.priority), "one of three");
    assert!(merged_value(&framework, "learning-culture", &values, 2).is_some_and(|answer| answer.priority), "two of three");
}

#[test]
fn an_empty_room() {
    let framework = Framework::bundled();
    let together = aggregate::aggregate(&framework, &[]);
    assert!(together.participants.is_empty());
    assert_eq!(together.items.len(), 37);
    assert!(together.items.iter().all(|item| item.summary.n == 0 && item.summary.median.is_none() && item.summary.spread.is_none()));
    assert!(together.merged.answers.is_empty());
    assert_eq!(together.merged_results.maturity, None);
    assert!(aggregate::most_disagreement(&together, 5).is_empty());
}

#[test]
fn a_facilitator_can_merge_hands_counted_in_the_room() {
    let framework = Framework::bundled();
    let position = |id: &str| framework.item_position(id).expect("an item");
    let items = vec![
        ItemAggregate { item: position("shared-practice-theory"), summary: summarise(&Tally { counts: vec![1, 2, 5, 3, 1], not_sure: 0, priority: 7 }) },
        ItemAggregate { item: position("case-recording"), summary: summarise(&choice([2, 3, 7], 1)) },
    ];
    let merged = aggregate::merged_assessment(&framework, &items, 12);
    let expected = answers(&framework, "shared-practice-theory: 2!\ncase-recording: no");
    assert_eq!(merged.answers, expected.answers);
}

// ---------------------------------------------------------------------------------------
// Where the room disagrees

#[test]
fn most_disagreement_orders_by_spread_then_answers_then_framework_order() {
    let framework = Framework::bundled();
    let position = |id: &str| framework.item_position(id).expect("an item");
    let mut together = aggregate::aggregate(&framework, &[]);
    let mut set = |id: &str, tally: Tally| {
        let at = together.items.iter().position(|item| item.item == position(id)).expect("an item");
        together.items[at].summary = summarise(&tally);
    };
    set("shared-practice-theory", rating([1, 0, 0, 0, 1], 0)); // 1, n 2
    set("reflective-supervision", rating([2, 0, 0, 0, 2], 0)); // 1, n 4
    set("learning-culture", rating([0, 4, 4, 0, 0], 0)); // 1/4, n 8
    set("case-recording", choice([1, 2, 1], 0)); // 1/2, n 4
    set("new-approach", rating([0, 1, 0, 1, 0], 0)); // 1/2, n 2
    set("barriers-named", rating([0, 0, 3, 0, 0], 9)); // 0: not named
    let named = |n| aggregate::most_disagreement(&together, n).into_iter().map(|item| framework.items[item].id.as_str()).collect::<Vec<_>>();
    assert_eq!(named(10), ["reflective-supervision", "shared-practice-theory", "case-recording", "new-approach", "learning-culture"]);
    assert_eq!(named(2), ["reflective-supervision", "shared-practice-theory"]);
    assert!(named(0).is_empty());
}

// ---------------------------------------------------------------------------------------
// Duplicates

/// A change to an assessment, named.
type Change = (&'static str, fn(&mut Assessment));

#[test]
fn the_same_title_and_answers_are_a_duplicate_whenever_they_were_saved() {
    let framework = Framework::bundled();
    let first = example("ready-to-redesign", &framework);
    let mut again = first.clone();
    again.updated = Some("2027-01-01T00:00:00Z".into());
    again.framework.version = "0.9".into();
    assert!(aggregate::is_duplicate(&first, &again));
    assert_eq!(aggregate::fingerprint(&first), aggregate::fingerprint(&again));
    // An answer that records nothing is no answer.
    let lay = example("lay-the-foundations", &framework);
    assert!(lay.answer("what-enables").is_none());
    let mut with_empty = lay.clone();
    with_empty.answers.insert(framework.item("what-enables").expect("an item").id.clone(), Answer { note: " ".into(), ..Answer::default() });
    with_empty.retired.insert(readiness_core::ItemId::new("old-question"), Answer::default());
    assert!(aggregate::is_duplicate(&lay, &with_empty));
    assert_eq!(aggregate::fingerprint(&lay), aggregate::fingerprint(&with_empty));

    let changed: [Change; 5] = [
        ("title", |assessment| assessment.title.push('!')),
        ("a level", |assessment| {
            assessment.answers.get_mut("shared-practice-theory").expect("answered").value = Some(Value::Rating(Rating::Level(3)));
        }),
        ("a note", |assessment| assessment.answers.get_mut("shared-practice-theory").expect("answered").note = "we checked".into()),
        ("a priority", |assessment| assessment.answers.get_mut("case-recording").expect("answered").priority = true),
        ("a retired answer", |assessment| {
            assessment
                .retired
                .insert(readiness_core::ItemId::new("old-question"), Answer { value: Some(Value::Rating(Rating::Level(1))), ..Answer::default() });
        }),
    ];
    for (what, change) in changed {
        let mut other = first.clone();
        change(&mut other);
        assert!(!aggregate::is_duplicate(&first, &other), "{what}");
        assert_ne!(aggregate::fingerprint(&first), aggregate::fingerprint(&other), "{what}");
    }

    let mut untitled = lay.clone();
    untitled.title = "  ".into();
    let mut changed = first.clone();
    changed.answers.get_mut("case-recording").expect("answered").value = Some(Value::Choice(Choice::No));
    let together = aggregate::aggregate(&framework, &[first, lay, changed, untitled, again, with_empty]);
    let same: Vec<Option<usize>> = together.participants.iter().map(|participant| participant.same_as).collect();
    assert_eq!(same, [None, None, None, None, Some(0), Some(1)], "the third changed an answer; the fourth has another title");
    assert_eq!(together.participants[3].label, "Participant 4");
    // Duplicates are counted: it is the caller's choice to leave them out.
    assert_eq!(together.items[0].summary.n, 6);
}

// ---------------------------------------------------------------------------------------
// A generated room, checked against an independent count of the exported files

/// A small linear congruential generator (Knuth's MMIX constants), so the room is the same
/// on every run.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n
    }
}

#[test]
fn thirty_generated_assessments_agree_with_an_independent_count() {
    let framework = Framework::bundled();
    let mut random = Lcg(2026);
    let room: Vec<Assessment> = (0..30)
        .map(|person| {
            let mut assessment = common::empty(&framework);
            assessment.title = format!("Table {}", person % 7);
            for item in &framework.items {
                // Each item leans towards one part of the scale so that medians and spreads vary.
                let roll = random.below(10);
                let value = match item.kind {
                    ItemKind::Rating if roll == 0 => None,
                    ItemKind::Rating if roll == 1 => Some(Value::Rating(Rating::NotSure)),
                    ItemKind::Rating => Some(Value::Rating(Rating::Level(((random.below(3) + item.id.as_str().len() as u64) % 5) as u8))),
                    ItemKind::Choice if roll == 0 => Some(Value::Choice(Choice::NotSure)),
                    ItemKind::Choice => Some(Value::Choice(CHOICES[random.below(3) as usize])),
                    ItemKind::Text => None,
                };
                let answer = Answer { value, note: String::new(), priority: random.below(4) == 0 };
                if !answer.is_empty() {
                    assessment.answers.insert(item.id.clone(), answer);
                }
            }
            assessment
        })
        .collect();
    let together = aggregate::aggregate(&framework, &room);

    // The independent count: every assessment written as an export file and read back as
    // plain JSON, each value counted under its item id.
    let mut counted: std::collections::BTreeMap<(String, String), u32> = std::collections::BTreeMap::new();
    let mut flagged: std::collections::BTreeMap<String, u32> = std::collections::BTreeMap::new();
    let mut values: std::collections::BTreeMap<String, Vec<u64>> = std::collections::BTreeMap::new();
    for assessment in &room {
        let file: serde_json::Value = serde_json::from_str(&export::encode(&framework, assessment)).expect("JSON");
        for (id, entry) in file["answers"].as_object().expect("answers") {
            let value = match &entry["value"] {
                serde_json::Value::Number(level) => level.to_string(),
                serde_json::Value::String(text) => text.clone(),
                _ => "none".to_owned(),
            };
            *counted.entry((id.clone(), value.clone())).or_default() += 1;
            if entry["priority"] == true {
                *flagged.entry(id.clone()).or_default() += 1;
            }
            let position = match value.as_str() {
                "yes" => Some(0),
                "partly" => Some(1),
                "no" => Some(2),
                "not-sure" | "none" => None,
                level => level.parse().ok(),
            };
            if let Some(position) = position {
                values.entry(id.clone()).or_default().push(position);
            }
        }
    }
    let count = |id: &str, value: &str| counted.get(&(id.to_owned(), value.to_owned())).copied().unwrap_or(0);

    for aggregate in &together.items {
        let item = &framework.items[aggregate.item];
        let id = item.id.as_str();
        let summary = &aggregate.summary;
        let names: Vec<String> = match item.kind {
            ItemKind::Rating => (0..LEVELS).map(|level| level.to_string()).collect(),
            _ => CHOICES.iter().map(|choice| choice.id().to_owned()).collect(),
        };
        let expected: Vec<u32> = names.iter().map(|name| count(id, name)).collect();
        assert_eq!(summary.counts, expected, "{id}");
        assert_eq!(summary.n_not_sure, count(id, "not-sure"), "{id}");
        assert_eq!(summary.n_priority, flagged.get(id).copied().unwrap_or(0), "{id}");
        assert_eq!(summary.n, expected.iter().sum::<u32>(), "{id}");

        // The median of the sorted answers, and Leik's D from its definition in floats.
        let mut sorted = values.get(id).cloned().unwrap_or_default();
        sorted.sort_unstable();
        let n = sorted.len();
        assert_eq!(summary.n as usize, n, "{id}");
        if n == 0 {
            assert_eq!((summary.median, summary.spread), (None, None), "{id}");
            continue;
        }
        let median = (sorted[(n - 1) / 2] + sorted[n / 2]) as f64 / 2.0;
        assert_eq!(summary.median.expect("defined").to_f64(), median, "{id}");
        let k = names.len();
        let mut cumulative = 0.0;
        let mut d = 0.0;
        for category in 0..k - 1 {
            cumulative += sorted.iter().filter(|&&value| value == category as u64).count() as f64 / n as f64;
            d += if cumulative <= 0.5 { cumulative } else { 1.0 - cumulative };
        }
        let leik = 2.0 * d / (k - 1) as f64;
        assert!((summary.spread.expect("defined").to_f64() - leik).abs() < 1e-12, "{id}: {leik}");

        // The merged level is the lower middle answer when fewer are not sure than not.
        let merged = together.merged.answers.get(id).and_then(|answer| answer.value.clone());
        if item.kind == ItemKind::Rating && summary.n_not_sure <= summary.n {
            assert_eq!(merged, Some(Value::Rating(Rating::Level(sorted[(n - 1) / 2] as u8))), "{id}");
        }
        let priority = together.merged.answers.get(id).is_some_and(|answer| answer.priority);
        assert_eq!(priority, 2 * summary.n_priority >= 30, "{id}");
    }
    // Every item of the generated room has some spread, so every one is named, in order.
    let order = aggregate::most_disagreement(&together, usize::MAX);
    assert_eq!(order.len(), together.items.iter().filter(|item| item.summary.spread.is_some_and(|spread| spread > Ratio::whole(0))).count());
    let spreads: Vec<Ratio> =
        order.iter().map(|&item| together.items.iter().find(|each| each.item == item).and_then(|each| each.summary.spread).expect("a spread")).collect();
    assert!(spreads.windows(2).all(|pair| pair[0] >= pair[1]), "{spreads:?}");
    // Tables 0 to 6 repeat as titles but the answers differ: no duplicates.
    assert!(together.participants.iter().all(|participant| participant.same_as.is_none()));
}
