//! The export format, version 1: what decoding rejects and the problem (path: message) it
//! gives for each, and the golden file content/examples/golden-export-v1.json, which must
//! always decode and re-encode to the same bytes. Golden files are kept forever.

mod common;

use readiness_core::codec::export::{self, MAX_BYTES, MAX_NOTE, MAX_TEXT, MAX_TITLE};
use readiness_core::{Action, Answer, Choice, Framework, Rating, Session, Value};
use serde_json::{Value as Json, json};

/// A small valid export, as JSON to be spoiled.
fn valid() -> Json {
    json!({
        "format": "readiness-assessment",
        "version": 1,
        "framework": {"id": "rethinking-childrens-social-work", "version": "1.0"},
        "title": "Baseline",
        "updated": "2026-11-22T10:00:00Z",
        "answers": {
            "shared-practice-theory": {"value": 2, "note": "In two localities", "priority": true},
            "case-recording": {"value": "yes"},
            "how-we-help": {"text": "One worker per family"}
        }
    })
}

/// `valid()` with one change.
fn spoiled(change: impl FnOnce(&mut Json)) -> String {
    let mut value = valid();
    change(&mut value);
    value.to_string()
}

/// Decodes `text` against the bundled framework and returns its problems as "path: message".
fn problems(text: &str) -> Vec<String> {
    match export::decode(text, &Framework::bundled()) {
        Ok(assessment) => panic!("expected problems, decoded {assessment:?}"),
        Err(problems) => problems.iter().map(ToString::to_string).collect(),
    }
}

/// Checks that `text` is rejected with exactly the problem `expected`.
fn check(text: &str, expected: &str) {
    assert_eq!(problems(text), [expected], "for {text}");
}

fn answer_field(item: &str, field: &str, value: Json) -> impl FnOnce(&mut Json) {
    let (item, field) = (item.to_owned(), field.to_owned());
    move |export| {
        export["answers"][item.as_str()] = json!({});
        export["answers"][item.as_str()][field.as_str()] = value;
    }
}

#[test]
fn the_small_export_is_valid() {
    let framework = Framework::bundled();
    let assessment = export::decode(&valid().to_string(), &framework).expect("valid");
    assert_eq!(assessment.title, "Baseline");
    assert_eq!(assessment.updated.as_deref(), Some("2026-11-22T10:00:00Z"));
    assert_eq!(assessment.answers.len(), 3);
    let answer = assessment.answer("shared-practice-theory").expect("answered");
    assert_eq!(answer, &Answer { value: Some(Value::Rating(Rating::Level(2))), note: "In two localities".into(), priority: true });
    assert_eq!(assessment.value("case-recording"), Some(&Value::Choice(Choice::Yes)));
    assert_eq!(assessment.value("how-we-help"), Some(&Value::Text("One worker per family".into())));
}

// ---------------------------------------------------------------------------------------
// Not an export at all

#[test]
fn not_json() {
    check("hello", "not valid JSON at line 1, column 1: expected value");
    check("{\"format\": \"readiness-assessment\",}", "not valid JSON at line 1, column 35: trailing comma");
    check("[1, 2, 3]", "expected a table of fields, found a list");
    check("\"readiness-assessment\"", "expected a table of fields, found text");
}

#[test]
fn truncated_json() {
    let golden = common::repo_file("content/examples/golden-export-v1.json");
    check(&golden[..300], "not valid JSON at line 11, column 28: the text ends too soon: it may have been cut off");
    check("", "not valid JSON at line 1, column 0: the text ends too soon: it may have been cut off");
}

#[test]
fn oversize_file() {
    let padding = " ".repeat(MAX_BYTES + 1 - valid().to_string().len());
    let text = format!("{}{padding}", valid());
    assert_eq!(text.len(), MAX_BYTES + 1);
    check(&text, "this file is 1048577 bytes; an assessment file is at most 1048576 bytes");
    let just_fits = format!("{}{}", valid(), &padding[1..]);
    assert!(export::decode(&just_fits, &Framework::bundled()).is_ok(), "1 MiB exactly is allowed");
}

#[test]
fn a_byte_order_mark_is_allowed() {
    assert!(export::decode(&format!("\u{feff}{}", valid()), &Framework::bundled()).is_ok());
}

// ---------------------------------------------------------------------------------------
// Format, version and framework

#[test]
fn wrong_format() {
    check(
        &spoiled(|e| e["format"] = json!("readiness-export")),
        "format: expected \"readiness-assessment\", found 'readiness-export': this is not a readiness assessment",
    );
    check(&spoiled(|e| e["format"] = json!(1)), "format: expected \"readiness-assessment\", found a number: this is not a readiness assessment");
    check(&spoiled(|e| e["format"] = json!("readiness-framework")), "format: this is a framework file, not an assessment");
    check(&spoiled(|e| _ = e.as_object_mut().map(|o| o.remove("format"))), "format: missing: an assessment file says \"format\": \"readiness-assessment\"");
    check(&common::repo_file("content/framework.toml"), "not valid JSON at line 1, column 1: expected value");
}

#[test]
fn versions() {
    check(
        &spoiled(|e| e["version"] = json!(2)),
        "version: this file uses export format version 2, newer than this tool reads (1): use a newer version of the tool",
    );
    check(&spoiled(|e| e["version"] = json!(0)), "version: expected export format version 1, found 0");
    check(&spoiled(|e| e["version"] = json!("1")), "version: expected export format version 1, found \"1\"");
    check(&spoiled(|e| e["version"] = json!(1.5)), "version: expected export format version 1, found 1.5");
    check(&spoiled(|e| _ = e.as_object_mut().map(|o| o.remove("version"))), "version: missing: say which version of the export format this is");
}

#[test]
fn another_framework() {
    check(
        &spoiled(|e| e["framework"]["id"] = json!("someone-elses")),
        "framework.id: these answers are for the framework 'someone-elses', not 'rethinking-childrens-social-work'",
    );
    check(&spoiled(|e| _ = e.as_object_mut().map(|o| o.remove("framework"))), "framework: missing: say which framework the answers were given against");
    check(&spoiled(|e| e["framework"] = json!("rethinking-childrens-social-work")), "framework: expected a table of fields, found text");
    // Another version of the same framework is read: ids are stable across versions.
    let framework = Framework::bundled();
    let older = spoiled(|e| e["framework"]["version"] = json!("0.9"));
    let assessment = export::decode(&older, &framework).expect("an older version of the framework");
    assert_eq!(assessment.framework.version, "0.9");
    // Written again, the file names the framework version it was checked against.
    assert!(export::encode(&framework, &assessment).contains("\"version\": \"1.0\""));
}

// ---------------------------------------------------------------------------------------
// Answers

#[test]
fn unknown_items() {
    check(
        &spoiled(answer_field("made-up-item", "value", json!(2))),
        "answers.made-up-item: unknown item 'made-up-item': framework rethinking-childrens-social-work 1.0 has no such item",
    );
    check(
        &spoiled(answer_field("Shared Practice", "value", json!(2))),
        "answers[\"Shared Practice\"]: unknown item 'Shared Practice': framework rethinking-childrens-social-work 1.0 has no such item",
    );
}

#[test]
fn values_out_of_range() {
    let at = "answers.shared-practice-theory.value";
    check(&spoiled(answer_field("shared-practice-theory", "value", json!(7))), &format!("{at}: 7 is out of range: expected a whole number from 0 to 4"));
    check(&spoiled(answer_field("shared-practice-theory", "value", json!(-1))), &format!("{at}: expected a whole number from 0 to 4, found -1"));
    check(&spoiled(answer_field("shared-practice-theory", "value", json!(2.5))), &format!("{at}: expected a whole number from 0 to 4, found 2.5"));
    check(
        &spoiled(answer_field("whole-system-ambition", "value", json!(5))),
        "answers.whole-system-ambition.value: 5 is out of range: expected a whole number from 0 to 4",
    );
}

#[test]
fn a_whole_number_written_with_a_point_is_read() {
    let text = spoiled(answer_field("shared-practice-theory", "value", json!(3.0)));
    let assessment = export::decode(&text, &Framework::bundled()).expect("3.0 is 3");
    assert_eq!(assessment.value("shared-practice-theory"), Some(&Value::Rating(Rating::Level(3))));
}

#[test]
fn values_of_the_wrong_kind_for_the_item() {
    check(
        &spoiled(answer_field("shared-practice-theory", "value", json!("yes"))),
        "answers.shared-practice-theory.value: expected a level from 0 to 4 or \"not-sure\", found 'yes'",
    );
    check(
        &spoiled(answer_field("shared-practice-theory", "value", json!(null))),
        "answers.shared-practice-theory.value: expected a level from 0 to 4 or \"not-sure\", found null",
    );
    check(
        &spoiled(answer_field("case-recording", "value", json!(2))),
        "answers.case-recording.value: expected \"yes\", \"partly\", \"no\" or \"not-sure\", found a number",
    );
    check(
        &spoiled(answer_field("case-recording", "value", json!("Yes"))),
        "answers.case-recording.value: expected \"yes\", \"partly\", \"no\" or \"not-sure\", found 'Yes'",
    );
    check(
        &spoiled(answer_field("how-we-help", "value", json!("yes"))),
        "answers.how-we-help.value: 'how-we-help' is a free-text question: give its answer as \"text\"",
    );
    check(&spoiled(answer_field("how-we-help", "text", json!(3))), "answers.how-we-help.text: expected text, found a number");
    check(&spoiled(|e| e["answers"]["shared-practice-theory"] = json!(2)), "answers.shared-practice-theory: expected a table of fields, found a number");
    check(&spoiled(|e| e["answers"] = json!([])), "answers: expected a table of fields, found a list");
    check(
        &spoiled(|e| _ = e.as_object_mut().map(|o| o.remove("answers"))),
        "answers: missing: an assessment file has an \"answers\" table, even if it is empty",
    );
}

#[test]
fn notes_and_priorities() {
    check(
        &spoiled(answer_field("how-we-help", "priority", json!(true))),
        "answers.how-we-help.priority: 'how-we-help' is a free-text question: give its answer as \"text\"",
    );
    check(
        &spoiled(answer_field("how-we-help", "note", json!("x"))),
        "answers.how-we-help.note: 'how-we-help' is a free-text question: give its answer as \"text\"",
    );
    check(&spoiled(answer_field("case-recording", "priority", json!("yes"))), "answers.case-recording.priority: expected true or false, found text");
    check(&spoiled(answer_field("case-recording", "note", json!(["a", "b"]))), "answers.case-recording.note: expected text, found a list");
}

#[test]
fn unknown_fields() {
    check(&spoiled(|e| e["colour"] = json!("blue")), "colour: unknown field (expected one of: answers, format, framework, retired, title, updated, version)");
    check(
        &spoiled(|e| e["answers"]["shared-practice-theory"]["colour"] = json!("blue")),
        "answers.shared-practice-theory.colour: unknown field (expected one of: note, priority, value)",
    );
    check(&spoiled(|e| e["framework"]["name"] = json!("x")), "framework.name: unknown field (expected one of: id, version)");
}

/// The hint after "unknown field" lists the fields the table *has* (the ones taken), not the
/// ones it may have: a misspelt "notes" beside a value is told to be "value", and an answer
/// with only a misspelt field gets no hint at all.
#[test]
fn unknown_field_hints_name_every_allowed_field() {
    check(
        &spoiled(|e| e["answers"]["case-recording"] = json!({"value": "yes", "notes": "x"})),
        "answers.case-recording.notes: unknown field (expected one of: note, priority, value)",
    );
    check(
        &spoiled(|e| _ = e.as_object_mut().map(|o| o.remove("updated")).and(e.as_object_mut().map(|o| o.insert("colour".into(), json!(1))))),
        "colour: unknown field (expected one of: answers, format, framework, retired, title, updated, version)",
    );
}

#[test]
fn bad_timestamps() {
    for bad in ["22/11/2026", "2026-11-22", "2026-11-22T10:00:00", "2026-11-22 10:00:00Z", "2026-13-01T10:00:00Z", "2026-11-22T24:00:00Z"] {
        check(&spoiled(|e| e["updated"] = json!(bad)), &format!("updated: '{bad}' is not a date and time such as 2026-11-22T10:00:00Z"));
    }
    check(&spoiled(|e| e["updated"] = json!(20261122)), "updated: expected text, found a number");
    let no_time = spoiled(|e| _ = e.as_object_mut().map(|o| o.remove("updated")));
    assert_eq!(export::decode(&no_time, &Framework::bundled()).expect("updated is optional").updated, None);
}

#[test]
fn lengths() {
    let long = |n: usize| "é".repeat(n);
    check(&spoiled(|e| e["title"] = json!(long(MAX_TITLE + 1))), "title: is 201 characters; a title is at most 200");
    check(
        &spoiled(answer_field("case-recording", "note", json!(long(MAX_NOTE + 1)))),
        "answers.case-recording.note: is 5001 characters; a note is at most 5000",
    );
    check(
        &spoiled(answer_field("how-we-help", "text", json!(long(MAX_TEXT + 1)))),
        "answers.how-we-help.text: is 10001 characters; an answer is at most 10000",
    );
    // At the limits, counted in characters, not bytes.
    let at_limits = spoiled(|e| {
        e["title"] = json!(long(MAX_TITLE));
        e["answers"]["case-recording"]["note"] = json!(long(MAX_NOTE));
        e["answers"]["how-we-help"]["text"] = json!(long(MAX_TEXT));
    });
    assert!(export::decode(&at_limits, &Framework::bundled()).is_ok());
}

#[test]
fn every_problem_in_one_pass_and_never_part_of_an_assessment() {
    let text = spoiled(|e| {
        e["updated"] = json!("yesterday");
        e["answers"]["shared-practice-theory"]["value"] = json!(7);
        e["answers"]["made-up-item"] = json!({"value": 1});
        e["answers"]["case-recording"]["priority"] = json!(1);
        e["colour"] = json!("blue");
    });
    assert_eq!(
        problems(&text),
        [
            "updated: 'yesterday' is not a date and time such as 2026-11-22T10:00:00Z",
            // Answers are read in id order, whatever order the file has them in.
            "answers.case-recording.priority: expected true or false, found a number",
            "answers.made-up-item: unknown item 'made-up-item': framework rethinking-childrens-social-work 1.0 has no such item",
            "answers.shared-practice-theory.value: 7 is out of range: expected a whole number from 0 to 4",
            "colour: unknown field (expected one of: answers, format, framework, retired, title, updated, version)",
        ]
    );
}

#[test]
fn empty_answers_are_dropped() {
    let text = spoiled(|e| {
        e["answers"]["learning-culture"] = json!({});
        e["answers"]["permissive-culture"] = json!({"note": "   "});
        e["answers"]["what-we-ask"] = json!({"text": ""});
    });
    let assessment = export::decode(&text, &Framework::bundled()).expect("valid");
    assert_eq!(assessment.answers.len(), 3, "{:?}", assessment.answers.keys().collect::<Vec<_>>());
}

// ---------------------------------------------------------------------------------------
// Golden files and round trips

#[test]
fn golden_export_v1_decodes_and_re_encodes_byte_for_byte() {
    let framework = Framework::bundled();
    let text = common::repo_file("content/examples/golden-export-v1.json");
    let assessment = export::decode(&text, &framework).expect("the golden export decodes");
    assert_eq!(assessment.title, "Northshire baseline – autumn 2026 (\"golden\" file)");
    assert_eq!(assessment.updated.as_deref(), Some("2026-11-22T10:15:30.250+01:00"));
    assert_eq!((assessment.framework.id.as_str(), assessment.framework.version.as_str()), ("rethinking-childrens-social-work", "1.0"));
    assert_eq!(assessment.answers.len(), 22);
    let spt = assessment.answer("shared-practice-theory").expect("answered");
    assert_eq!(spt.value, Some(Value::Rating(Rating::Level(2))));
    assert_eq!(spt.note, "Systemic practice in two of five localities.\nThe rest use their own models.");
    assert!(spt.priority);
    assert_eq!(assessment.value("evidence-based-direct-work"), Some(&Value::Rating(Rating::NotSure)));
    let note_only = assessment.answer("flexible-admin-support").expect("a note with no answer is kept");
    assert_eq!((note_only.value.as_ref(), note_only.priority), (None, false));
    assert_eq!(assessment.answer("minimal-bureaucracy").map(|answer| (answer.rating(), answer.priority)), Some((Some(Rating::NotSure), true)));
    assert_eq!(assessment.value("case-recording"), Some(&Value::Choice(Choice::Partly)));
    assert_eq!(assessment.value("checking-auditing"), Some(&Value::Choice(Choice::NotSure)));
    assert_eq!(assessment.value("what-enables"), Some(&Value::Text("Small units with a clinician.\n\nAn admin “trouble-shooter” in every unit.".into())));
    assert_eq!(assessment.value("what-we-ask"), None);
    assert_eq!(export::encode(&framework, &assessment), text);
}

#[test]
fn every_example_answer_set_re_encodes_byte_for_byte() {
    let framework = Framework::bundled();
    let mut n_files = 0;
    for entry in std::fs::read_dir(common::repo_path("content/examples")).expect("content/examples") {
        let path = entry.expect("a directory entry").path();
        let name = path.file_name().and_then(|name| name.to_str()).unwrap_or_default().to_owned();
        if !name.ends_with(".json") || name.ends_with(".results.json") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("readable");
        let assessment = export::decode(&text, &framework).unwrap_or_else(|problems| panic!("{name}: {problems:?}"));
        assert_eq!(export::encode(&framework, &assessment), text, "{name}");
        n_files += 1;
    }
    assert!(n_files >= 6, "the worked example, the golden export and the named sets: found {n_files}");
}

#[test]
fn what_the_session_records_is_what_encode_writes() {
    let framework = Framework::bundled();
    let mut session = Session::new(&framework);
    let at = || "2026-11-22T10:00:00Z".to_owned();
    session.apply(&framework, Action::Title { title: "From the session".into(), at: at() });
    session.apply(&framework, Action::Rate { item: "learning-culture".into(), rating: Rating::NotSure, at: at() });
    session.apply(&framework, Action::Choose { item: "who-does-what".into(), choice: Choice::No, at: at() });
    session.apply(&framework, Action::Priority { item: "who-does-what".into(), on: true, at: at() });
    session.apply(&framework, Action::Note { item: "who-does-what".into(), note: "Two teams assess".into(), at: at() });
    session.apply(&framework, Action::Write { item: "what-we-ask".into(), text: "Relationships".into(), at: at() });
    let text = export::encode(&framework, &session.assessment);
    let expected = r#"{
  "format": "readiness-assessment",
  "version": 1,
  "framework": {
    "id": "rethinking-childrens-social-work",
    "version": "1.0"
  },
  "title": "From the session",
  "updated": "2026-11-22T10:00:00Z",
  "answers": {
    "learning-culture": {
      "value": "not-sure"
    },
    "who-does-what": {
      "value": "no",
      "note": "Two teams assess",
      "priority": true
    },
    "what-we-ask": {
      "text": "Relationships"
    }
  }
}
"#;
    assert_eq!(text, expected);
    assert_eq!(export::decode(&text, &framework).expect("decodes"), session.assessment);
}

/// The session keeps a note longer than the limit (so that the person can shorten it; "Save and
/// continue" reports it), and `encode` writes it; but `decode` rejects it, so such an export,
/// and the browser's saved copy, which uses the same format, cannot be read back.
#[test]
fn whatever_the_session_holds_can_be_read_back() {
    let framework = Framework::bundled();
    let mut session = Session::new(&framework);
    let at = || "2026-11-22T10:00:00Z".to_owned();
    assert!(session.apply(&framework, Action::Note { item: "case-recording".into(), note: "x".repeat(MAX_NOTE + 1), at: at() }));
    assert!(session.apply(&framework, Action::Write { item: "how-we-help".into(), text: "y".repeat(MAX_TEXT + 1), at: at() }));
    let text = export::encode(&framework, &session.assessment);
    match export::decode(&text, &framework) {
        Ok(decoded) => assert!(decoded == session.assessment, "the export reads back as something else"),
        Err(problems) => panic!("the export does not read back: {problems:?}"),
    }
    let stored = readiness_core::codec::stored::encode(&framework, &session.assessment, "2026-11-22T10:00:00Z", 1);
    if let Err(problems) = readiness_core::codec::stored::decode(&stored, &framework) {
        panic!("the saved copy does not read back: {problems:?}");
    }
}
