//! Comparing two assessments over time, with the committed examples: the worked example
//! (every key ingredient 2, every challenge "No", readiness 3) against stronger practice with
//! weaker readiness, against foundations still to lay, and a half-done earlier assessment whose
//! figures cannot all be compared.

mod common;

use readiness_core::codec::export;
use readiness_core::compare::{self, Comparison, Direction, FigureChange, ItemCounts, Period, SupportStatus, Trend};
use readiness_core::{Answer, Assessment, Framework, Rating, Ratio, Value};

fn example(framework: &Framework, name: &str) -> Assessment {
    export::decode(&common::repo_file(&format!("content/examples/{name}.json")), framework).unwrap_or_else(|problems| panic!("{name}: {problems:?}"))
}

fn between(before: &str, after: &str) -> Comparison {
    let framework = Framework::bundled();
    compare::compare(&framework, &example(&framework, before), &example(&framework, after))
}

/// (before, after, change) in words.
fn words(figure: &FigureChange) -> (&str, &str, &str) {
    (&figure.before_text, &figure.after_text, &figure.change_text)
}

fn section<'c>(comparison: &'c Comparison, id: &str) -> &'c FigureChange {
    comparison.sections.iter().find(|figure| figure.key == id).unwrap_or_else(|| panic!("no section {id}"))
}

fn direction(comparison: &Comparison, id: &str) -> Direction {
    comparison.items.iter().find(|item| item.id == id).unwrap_or_else(|| panic!("no item {id}")).direction
}

fn names(list: &[compare::SuggestedSupport]) -> Vec<(&str, &str, Option<&str>)> {
    list.iter().map(|support| (support.name.as_str(), support.percent_text.as_str(), support.status.tag())).collect()
}

#[test]
fn stronger_practice_and_weaker_readiness() {
    let comparison = between("worked-example", "strong-practice");
    assert_eq!(words(&comparison.maturity), ("50%", "83.7%", "Up 33.7 points"));
    assert_eq!(words(&comparison.readiness), ("75%", "30%", "Down 45 points"));
    assert_eq!(words(&comparison.completeness), ("100%", "100%", "No change"));
    assert_eq!(comparison.maturity.label, "Practice maturity");
    assert_eq!((comparison.maturity.trend, comparison.readiness.trend, comparison.completeness.trend), (Trend::Up, Trend::Down, Trend::Same));
    assert_eq!(comparison.readiness.points, Some(-45.0));
    assert_eq!(comparison.maturity.before, Some(Ratio::whole(50)));
    assert_eq!(comparison.headline().map(|figure| figure.key.as_str()), ["maturity", "readiness", "completeness"]);

    let sections: Vec<(&str, &str, &str, &str)> = comparison
        .sections
        .iter()
        .map(|figure| (figure.label.as_str(), figure.before_text.as_str(), figure.after_text.as_str(), figure.change_text.as_str()))
        .collect();
    assert_eq!(
        sections,
        [
            ("Tools and practice", "50%", "87.5%", "Up 37.5 points"),
            ("Environment, culture and values", "50%", "79.2%", "Up 29.2 points"),
            ("Workforce and structure", "50%", "84.4%", "Up 34.4 points"),
            ("Readiness for whole-system innovation", "75%", "30%", "Down 45 points"),
        ]
    );
    assert_eq!(section(&comparison, "tools-practice").points, Some(37.5));

    assert_eq!(comparison.profile.before.as_deref(), Some("Lead and spread"));
    assert_eq!(comparison.profile.after.as_deref(), Some("Strong practice, build the case"));
    assert!(comparison.profile.changed);
    assert_eq!(comparison.profile.change_text, "Changed");
    assert!(!comparison.before_provisional && !comparison.after_provisional);
}

#[test]
fn every_rating_and_challenge_item_in_framework_order() {
    let framework = Framework::bundled();
    let comparison = between("worked-example", "strong-practice");
    let expected: Vec<&str> = framework.scored_items().map(|(_, item)| item.id.as_str()).collect();
    let ids: Vec<&str> = comparison.items.iter().map(|item| item.id.as_str()).collect();
    assert_eq!(ids, expected);
    assert_eq!(ids.len(), 37, "twenty key ingredients, six challenges, eleven readiness statements; no vision questions");

    let first = &comparison.items[0];
    assert_eq!((first.label.as_str(), first.section.as_str()), ("Shared theory of practice", "Tools and practice"));
    assert_eq!((first.before.as_str(), first.after.as_str(), first.direction), ("Developing (2)", "Embedded (4)", Direction::Better));

    assert_eq!(direction(&comparison, "frontline-authority"), Direction::Same, "Developing both times");
    assert_eq!(direction(&comparison, "barriers-named"), Direction::Worse, "Mostly to Not yet");
    assert_eq!(direction(&comparison, "engaging-children"), Direction::Changed, "a challenge answer moves from No to Yes");
    assert_eq!(direction(&comparison, "obstructive-processes"), Direction::Same, "No both times");
    let not_sure = comparison.items.iter().find(|item| item.id == "delivery-model-openness").expect("the item is compared");
    assert_eq!((not_sure.before.as_str(), not_sure.after.as_str(), not_sure.direction), ("Mostly (3)", "Not sure", Direction::Changed));

    assert_eq!(comparison.counts, ItemCounts { better: 19, worse: 10, same: 4, changed: 4, newly_answered: 0, no_longer_answered: 0 });
    assert_eq!(comparison.counts.lines()[0], ("Better", 19));
    assert_eq!(comparison.counts.lines()[2], ("No change", 4));
}

#[test]
fn suggestions_that_are_new_and_that_dropped_off() {
    let comparison = between("worked-example", "strong-practice");
    assert_eq!(
        names(&comparison.supports_before),
        [
            ("Delivery model assessment", "40.5%", Some("No longer suggested")),
            ("Funding for training", "38.6%", Some("No longer suggested")),
            ("Structural evaluation", "36.7%", Some("No longer suggested")),
            ("Corporate flexibilities", "34.3%", Some("No longer suggested")),
            ("Funding for management capacity", "33.3%", Some("No longer suggested")),
            ("Learning sets", "31%", Some("No longer suggested")),
        ]
    );
    assert_eq!(
        names(&comparison.supports_after),
        [("Partnership brokerage", "25.8%", Some("New")), ("Dialogue with regulators", "25%", Some("New")), ("Assurance for leaders", "25%", Some("New"))]
    );
    assert_eq!(comparison.supports_before[1].other_percent_text, "4.4%", "training funding's match afterwards");
    assert_eq!(comparison.new_supports, ["Partnership brokerage", "Dialogue with regulators", "Assurance for leaders"]);
    assert_eq!(comparison.dropped_supports.len(), 6);

    // Laying the foundations first: three suggestions stay, three drop off, three are new.
    let comparison = between("lay-the-foundations", "worked-example");
    let kept: Vec<&str> =
        comparison.supports_after.iter().filter(|support| support.status == SupportStatus::Still).map(|support| support.name.as_str()).collect();
    assert_eq!(kept, ["Delivery model assessment", "Funding for training", "Structural evaluation"]);
    assert_eq!(comparison.new_supports, ["Corporate flexibilities", "Funding for management capacity", "Learning sets"]);
    assert_eq!(comparison.dropped_supports, ["Dialogue with regulators", "Statutory exemptions", "Funding for case tracking"]);
    assert_eq!(comparison.supports_before[0].percent_text, "67.9%");
}

#[test]
fn foundations_laid() {
    let comparison = between("lay-the-foundations", "worked-example");
    assert_eq!(words(&comparison.maturity), ("19.8%", "50%", "Up 30.2 points"));
    assert_eq!(words(&comparison.readiness), ("15%", "75%", "Up 60 points"));
    assert_eq!(words(section(&comparison, "workforce-structure")), ("17.9%", "50%", "Up 32.1 points"));
    assert_eq!((comparison.profile.before_text.as_str(), comparison.profile.after_text.as_str()), ("Lay the foundations", "Lead and spread"));
    assert_eq!(comparison.counts, ItemCounts { better: 26, worse: 0, same: 4, changed: 7, newly_answered: 0, no_longer_answered: 0 });
    assert_eq!(direction(&comparison, "practice-career-paths"), Direction::Changed, "Not sure to Developing");
    assert_eq!(direction(&comparison, "evaluation-plan"), Direction::Changed, "Not sure to Mostly");
}

#[test]
fn a_half_done_earlier_assessment_cannot_be_compared_everywhere() {
    let comparison = between("provisional-half-done", "worked-example");
    assert!(comparison.before_provisional && !comparison.after_provisional);
    assert_eq!(comparison.before_completeness_text, "20 of 37 questions answered (54.1%)");
    assert_eq!(words(&comparison.maturity), ("Not enough answers", "50%", "Cannot compare: not enough answers"));
    assert_eq!((comparison.maturity.trend, comparison.maturity.points), (Trend::CannotCompare, None));
    assert_eq!(words(&comparison.readiness), ("54.2%", "75%", "Up 20.8 points"));
    assert_eq!(words(&comparison.completeness), ("54.1%", "100%", "Up 45.9 points"));
    assert_eq!(words(section(&comparison, "tools-practice")), ("50%", "50%", "No change"));
    assert_eq!(words(section(&comparison, "environment-culture")), ("58.3%", "50%", "Down 8.3 points"));
    assert_eq!(words(section(&comparison, "workforce-structure")), ("Not enough answers", "50%", "Cannot compare: not enough answers"));

    assert_eq!(comparison.profile.before, None);
    assert_eq!(comparison.profile.before_text, "Not enough answers");
    assert!(!comparison.profile.changed, "no profile before: nothing to compare it with");
    assert_eq!(comparison.profile.change_text, "Cannot compare: not enough answers");

    assert_eq!(comparison.counts, ItemCounts { better: 6, worse: 3, same: 8, changed: 3, newly_answered: 17, no_longer_answered: 0 });
    let learning = comparison.items.iter().find(|item| item.id == "learning-culture").expect("the item is compared");
    assert_eq!((learning.before.as_str(), learning.after.as_str(), learning.direction), ("Not answered", "Developing (2)", Direction::NewlyAnswered));
    assert_eq!(direction(&comparison, "theory-shared-language"), Direction::Changed, "Not sure to Developing");
    assert_eq!(direction(&comparison, "checking-auditing"), Direction::Changed, "a challenge answered Not sure, then No");

    assert_eq!(comparison.dropped_supports, ["Funding for case tracking"]);
    assert_eq!(comparison.supports_before[0].status, SupportStatus::Still, "management capacity funding is suggested both times");
}

#[test]
fn turned_round_every_change_is_reversed() {
    let forward = between("worked-example", "strong-practice");
    let back = between("strong-practice", "worked-example");
    assert_eq!(back.maturity.change_text, "Down 33.7 points");
    assert_eq!(back.readiness.change_text, "Up 45 points");
    assert_eq!((back.counts.better, back.counts.worse, back.counts.same, back.counts.changed), (10, 19, 4, 4));
    assert_eq!(back.new_supports, forward.dropped_supports);
    assert_eq!(back.dropped_supports, forward.new_supports);

    let half = between("worked-example", "provisional-half-done");
    assert_eq!((half.counts.newly_answered, half.counts.no_longer_answered), (0, 17));
    assert_eq!(direction(&half, "learning-culture"), Direction::NoLongerAnswered);
}

#[test]
fn nothing_answered_before() {
    let framework = Framework::bundled();
    let after = example(&framework, "worked-example");
    let comparison = compare::compare(&framework, &common::empty(&framework), &after);
    assert_eq!(words(&comparison.completeness), ("0%", "100%", "Up 100 points"));
    assert_eq!(comparison.readiness.change_text, "Cannot compare: not enough answers");
    assert!(comparison.sections.iter().all(|figure| figure.trend == Trend::CannotCompare));
    assert_eq!(comparison.counts.newly_answered, 37);
    assert!(comparison.supports_before.is_empty());
    assert_eq!(comparison.new_supports.len(), 6);
    assert!(comparison.chart.rows.iter().all(|row| row.before.percent.is_none() && row.before.length == 0.0 && row.before.value_text == "Not enough answers"));

    // Against itself, everything is the same.
    let comparison = compare::compare(&framework, &after, &after);
    assert!(comparison.items.iter().all(|item| item.direction == Direction::Same));
    assert!(comparison.headline().iter().all(|figure| figure.change_text == "No change"));
    assert_eq!(comparison.profile.change_text, "No change");
    assert!(comparison.new_supports.is_empty() && comparison.dropped_supports.is_empty());
}

#[test]
fn small_moves_and_not_sure_both_times() {
    let framework = Framework::bundled();
    let before = common::answers(
        &framework,
        "tools-practice: 2 2 2 2 2 2\nenvironment-culture: 2 2 2 2 2 ?\nworkforce-structure: 2*\ninnovation-readiness: 3*\nchallenges: no*",
    );
    let mut after = common::answers(
        &framework,
        "tools-practice: 2 2 2 2 2 3\nenvironment-culture: 2 2 2 2 2 ?\nworkforce-structure: 2*\ninnovation-readiness: 3*\nchallenges: no*",
    );
    // A priority flag alone is not an answer.
    after.answers.insert("case-recording".into(), Answer { value: None, note: "To review".into(), priority: true });
    let comparison = compare::compare(&framework, &before, &after);
    assert_eq!(section(&comparison, "tools-practice").change_text, "Up 4.2 points", "one level of six items: 100/24 points");
    assert_eq!(comparison.maturity.change_text, "Up 1.4 points", "a third of that");
    assert_eq!(direction(&comparison, "frontline-authority"), Direction::Same, "Not sure both times");
    assert_eq!(direction(&comparison, "case-recording"), Direction::NoLongerAnswered);
    let mut reversed = after.clone();
    reversed.answers.insert("shared-practice-theory".into(), Answer { value: Some(Value::Rating(Rating::Level(1))), ..Answer::default() });
    let comparison = compare::compare(&framework, &after, &reversed);
    assert_eq!(section(&comparison, "tools-practice").change_text, "Down 4.2 points");
    assert_eq!(direction(&comparison, "shared-practice-theory"), Direction::Worse);
}

#[test]
fn paired_bars_share_one_scale() {
    let comparison = between("worked-example", "strong-practice");
    let chart = &comparison.chart;
    assert_eq!((chart.left, chart.width, chart.bar_height, chart.height), (72.0, 512.0, 24.0, 408.0));
    assert_eq!(chart.left + chart.width + 56.0, compare::COMPARE_WIDTH);
    assert_eq!((chart.cut_x, chart.cut_text.as_str()), (328.0, "50%"), "the cut, halfway along");
    assert_eq!(chart.ticks.first().map(|(x, label)| (*x, label.as_str())), Some((72.0, "0%")));
    assert_eq!(chart.ticks.last().map(|(x, label)| (*x, label.as_str())), Some((584.0, "100%")));
    assert_eq!(chart.rows.len(), 4);

    let tools = &chart.rows[0];
    assert_eq!((tools.label.as_str(), tools.label_y), ("Tools and practice", 20.0));
    assert_eq!((tools.before.period, tools.before.period.label(), tools.before.y, tools.before.length), (Period::Before, "Before", 28.0, 256.0));
    assert_eq!((tools.after.period, tools.after.period.label(), tools.after.y, tools.after.length), (Period::After, "After", 56.0, 448.0));
    assert_eq!((tools.before.value_text.as_str(), tools.after.value_text.as_str()), ("50%", "87.5%"));
    assert_eq!(tools.change_text, "Up 37.5 points");

    let readiness = &chart.rows[3];
    assert_eq!((readiness.before.y, readiness.before.length, readiness.after.length), (316.0, 384.0, 153.6));
    assert!(readiness.after.y + chart.bar_height < chart.height - 20.0, "the last bar ends above the tick labels");
    assert!(chart.description.starts_with("Tools and practice: before 50%, after 87.5%, up 37.5 points; "));
    assert!(chart.description.ends_with("Readiness for whole-system innovation: before 75%, after 30%, down 45 points"));
}
