//! Saved answers outlive a new framework version: answers to items the framework still has are
//! checked and carried over; answers to items it no longer has are kept as retired, notes and
//! all, and written back to every export. Against the same version, an unknown item is an error.

use readiness_core::codec::export;
use readiness_core::{Framework, Rating, Value};

fn file(version: &str, extra: &str) -> String {
    format!(
        r#"{{"format":"readiness-assessment","version":1,"framework":{{"id":"rethinking-childrens-social-work","version":"{version}"}},"title":"Baseline",
        "answers":{{"learning-culture":{{"value":3,"note":"monthly sessions"}},"old-question":{{"value":1,"note":"we wrote this in 2025","priority":true}}{extra}}}}}"#
    )
}

#[test]
fn answers_from_an_earlier_version_keep_their_retired_items() {
    let framework = Framework::bundled();
    let assessment =
        export::decode(&file("0.9", r#","old-choice":{"value":"partly"},"old-vision":{"text":"our words"}"#), &framework).expect("an earlier version migrates");
    assert_eq!(assessment.framework.version, "0.9", "the file's version is reported, for the app to say so");
    assert_eq!(assessment.answers["learning-culture"].value, Some(Value::Rating(Rating::Level(3))));
    assert_eq!(assessment.answers["learning-culture"].note, "monthly sessions");
    assert_eq!(assessment.retired.len(), 3);
    assert_eq!(assessment.retired["old-question"].note, "we wrote this in 2025");
    assert!(assessment.retired["old-question"].priority);
    assert_eq!(assessment.retired["old-question"].value, Some(Value::Rating(Rating::Level(1))));
    assert_eq!(assessment.retired["old-vision"].value, Some(Value::Text("our words".into())));

    // Written back out and read again against the current version, nothing is lost.
    let mut current = assessment.clone();
    current.framework.version = framework.version.clone();
    let text = export::encode(&framework, &current);
    assert!(text.contains("\"retired\""));
    assert_eq!(export::decode(&text, &framework).expect("reads back"), current);
}

#[test]
fn against_the_same_version_an_unknown_item_is_an_error_and_bad_retired_values_are_too() {
    let framework = Framework::bundled();
    let problems = export::decode(&file(&framework.version, ""), &framework).unwrap_err();
    assert_eq!(problems.len(), 1);
    assert!(problems[0].to_string().starts_with("answers.old-question: unknown item 'old-question'"), "{}", problems[0]);
    let problems = export::decode(&file("0.9", r#","old-two":{"value":9}"#), &framework).unwrap_err();
    assert!(problems[0].to_string().starts_with("answers.old-two.value"), "{}", problems[0]);
    let problems = export::decode(&file("0.9", r#","Bad Id":{"value":1}"#), &framework).unwrap_err();
    assert!(problems[0].to_string().contains("is not an item id"), "{}", problems[0]);
}
