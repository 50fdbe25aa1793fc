//! The two decoders that read what people and browsers hand us, `codec::export::decode` and
//! `codec::stored::decode`: any bytes give an assessment or problems, never a panic; what is
//! encoded decodes to itself, retired answers included; and the golden storage envelope
//! content/examples/stored/golden-stored-v1.json, as version 1 of the app saved it, still reads.
//!
//! Text-level fuzzing of `export::decode` and its round trip without retired answers are in
//! properties.rs; what each bad field is reported as is in export_codec.rs.

mod common;

use std::sync::LazyLock;

use proptest::prelude::*;
use proptest::sample::Index;
use readiness_core::codec::stored::{self, Stored};
use readiness_core::codec::{export, stored::encode as store};
use readiness_core::framework::ItemKind;
use readiness_core::{Answer, Assessment, Choice, Framework, FrameworkRef, ItemId, Rating, Value};
use serde_json::{Value as Json, json};

static FRAMEWORK: LazyLock<Framework> = LazyLock::new(Framework::bundled);

fn any_text(max: usize) -> impl Strategy<Value = String> {
    proptest::string::string_regex(&format!("(?s).{{0,{max}}}")).expect("a valid pattern")
}

fn note() -> impl Strategy<Value = String> {
    prop_oneof![3 => Just(String::new()), 1 => any_text(30)]
}

fn level() -> impl Strategy<Value = Value> {
    prop_oneof![(0u8..=4).prop_map(|level| Value::Rating(Rating::Level(level))), Just(Value::Rating(Rating::NotSure))]
}

/// An answer of the kind `kind` takes, or none.
fn answer(kind: ItemKind) -> BoxedStrategy<Option<Answer>> {
    let value = match kind {
        ItemKind::Rating => proptest::option::of(level()).boxed(),
        ItemKind::Choice => proptest::option::of(proptest::sample::select(Choice::ALL.to_vec()).prop_map(Value::Choice)).boxed(),
        ItemKind::Text => return proptest::option::of(any_text(40).prop_map(|text| Answer { value: Some(Value::Text(text)), ..Answer::default() })).boxed(),
    };
    (value, note(), any::<bool>()).prop_map(|(value, note, priority)| Some(Answer { value, note, priority })).boxed()
}

/// An answer to an item the framework no longer has. Its kind is read from its value, so a
/// challenge's "Not sure" (written `"not-sure"`, as a rating's is) comes back as a rating's:
/// the generator gives "Not sure" as a rating only.
fn retired_answer() -> impl Strategy<Value = Answer> {
    let value = prop_oneof![
        Just(None),
        level().prop_map(Some),
        proptest::sample::select(vec![Choice::Yes, Choice::Partly, Choice::No]).prop_map(|choice| Some(Value::Choice(choice))),
        any_text(40).prop_map(|text| Some(Value::Text(text))),
    ];
    (value, note(), any::<bool>()).prop_map(|(value, note, priority)| Answer { value, note, priority })
}

fn timestamp() -> impl Strategy<Value = String> {
    (2000u32..2100, 1u32..=12, 1u32..=28, 0u32..24, 0u32..60, 0u32..60).prop_map(|(y, mo, d, h, mi, s)| format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}Z"))
}

/// A random assessment over the bundled framework, with retired answers.
fn assessment() -> impl Strategy<Value = Assessment> {
    let answers: Vec<BoxedStrategy<Option<Answer>>> = FRAMEWORK.items.iter().map(|item| answer(item.kind)).collect();
    let retired = proptest::collection::btree_map("[a-z]{1,8}(-[a-z0-9]{1,5}){0,2}", retired_answer(), 0..4);
    (answers, retired, any_text(40), proptest::option::of(timestamp())).prop_map(|(answers, retired, title, updated)| Assessment {
        framework: FrameworkRef { id: FRAMEWORK.id.clone(), version: FRAMEWORK.version.clone() },
        title,
        updated,
        answers: FRAMEWORK
            .items
            .iter()
            .zip(answers)
            .filter_map(|(item, answer)| answer.filter(|answer| !answer.is_empty()).map(|answer| (item.id.clone(), answer)))
            .collect(),
        retired: retired.into_iter().filter(|(_, answer)| !answer.is_empty()).map(|(id, answer)| (ItemId::new(id), answer)).collect(),
    })
}

/// Bytes with some of them changed, read as UTF-8 the forgiving way, as a browser reads a file.
fn damaged(bytes: &[u8], changes: &[(Index, u8)]) -> String {
    let mut bytes = bytes.to_vec();
    for (at, byte) in changes {
        if !bytes.is_empty() {
            let at = at.index(bytes.len());
            bytes[at] = *byte;
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// An export decoded, or problems that each say something.
fn check_export(text: &str) -> Result<(), TestCaseError> {
    match export::decode(text, &FRAMEWORK) {
        Ok(mut assessment) => {
            let again = export::decode(&export::encode(&FRAMEWORK, &assessment), &FRAMEWORK);
            assessment.framework.version = FRAMEWORK.version.clone();
            prop_assert_eq!(again.as_ref(), Ok(&assessment));
        }
        Err(problems) => prop_assert!(!problems.is_empty() && problems.iter().all(|problem| !problem.message.is_empty()), "{:?}", problems),
    }
    Ok(())
}

/// A stored envelope decoded (and what it holds saved again decodes the same), or problems.
fn check_stored(text: &str) -> Result<(), TestCaseError> {
    match stored::decode(text, &FRAMEWORK) {
        Ok(mut stored) => {
            let again = stored::decode(&store(&FRAMEWORK, &stored.assessment, &stored.saved_at, stored.revision), &FRAMEWORK);
            stored.assessment.framework.version = FRAMEWORK.version.clone();
            prop_assert_eq!(again.as_ref(), Ok(&stored));
        }
        Err(problems) => prop_assert!(!problems.is_empty() && problems.iter().all(|problem| !problem.message.is_empty()), "{:?}", problems),
    }
    Ok(())
}

/// A JSON value for a field of an envelope: mostly the right kind, sometimes anything.
fn field(right: impl Strategy<Value = Json> + 'static) -> impl Strategy<Value = Option<Json>> {
    let wrong = prop_oneof![
        Just(Json::Null),
        any::<bool>().prop_map(Json::from),
        any::<i64>().prop_map(Json::from),
        any_text(8).prop_map(Json::from),
        Just(json!([])),
        Just(json!({}))
    ];
    proptest::option::of(prop_oneof![4 => right.boxed(), 1 => wrong.boxed()])
}

/// Envelope-shaped JSON: each field present or not, of the right kind or not.
fn envelope() -> impl Strategy<Value = Json> {
    let version = field(prop_oneof![(0u64..4).prop_map(Json::from), Just(json!(1.0)), Just(json!("1"))]);
    let saved_at = field(prop_oneof![timestamp().prop_map(Json::from), Just(json!("")), Just(json!("yesterday"))]);
    let revision = field(prop_oneof![any::<u64>().prop_map(Json::from), Just(json!(-1)), Just(json!(2.5))]);
    let data = field(assessment().prop_map(|assessment| serde_json::from_str::<Json>(&export::encode(&FRAMEWORK, &assessment)).expect("an export is JSON")));
    let extra = proptest::option::of(any_text(6));
    (version, saved_at, revision, data, extra).prop_map(|(version, saved_at, revision, data, extra)| {
        let mut fields = serde_json::Map::new();
        for (key, value) in [("version", version), ("saved_at", saved_at), ("revision", revision), ("data", data)] {
            if let Some(value) = value {
                fields.insert(key.to_owned(), value);
            }
        }
        if let Some(extra) = extra {
            fields.insert(extra, json!(1));
        }
        Json::Object(fields)
    })
}

proptest! {
    #[test]
    fn any_bytes_give_an_export_or_problems(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        check_export(&String::from_utf8_lossy(&bytes))?;
    }

    #[test]
    fn any_text_or_bytes_give_a_stored_assessment_or_problems(text in prop_oneof![any::<String>(), any_text(300)], bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        check_stored(&text)?;
        check_stored(&String::from_utf8_lossy(&bytes))?;
    }

    #[test]
    fn damaged_bytes_give_an_assessment_or_problems(
        assessment in assessment(),
        saved_at in timestamp(),
        revision in any::<u64>(),
        changes in proptest::collection::vec((any::<Index>(), any::<u8>()), 1..4),
    ) {
        check_export(&damaged(export::encode(&FRAMEWORK, &assessment).as_bytes(), &changes))?;
        check_stored(&damaged(store(&FRAMEWORK, &assessment, &saved_at, revision).as_bytes(), &changes))?;
    }

    #[test]
    fn any_envelope_gives_a_stored_assessment_or_problems(envelope in envelope()) {
        check_stored(&envelope.to_string())?;
    }

    #[test]
    fn exports_round_trip_with_retired_answers(assessment in assessment()) {
        let text = export::encode(&FRAMEWORK, &assessment);
        prop_assert_eq!(export::decode(&text, &FRAMEWORK), Ok(assessment), "{}", text);
    }

    #[test]
    fn stored_assessments_round_trip(assessment in assessment(), saved_at in timestamp(), revision in any::<u64>()) {
        let text = store(&FRAMEWORK, &assessment, &saved_at, revision);
        prop_assert_eq!(stored::decode(&text, &FRAMEWORK), Ok(Stored { assessment, saved_at, revision }), "{}", text);
    }
}

// ---------------------------------------------------------------------------------------
// The golden storage envelope, version 1
//
// Golden files for released versions are kept forever and never edited: browsers hold data
// saved by every version of the app, and each must go on reading. A new storage version gets
// a golden file of its own beside this one.

/// Reads a version 1 envelope as the app reads one at start-up.
fn read_stored_v1(text: &str) -> Stored {
    stored::decode(text, &FRAMEWORK).unwrap_or_else(|problems| panic!("the version 1 envelope does not read: {problems:?}"))
}

fn golden_v1() -> String {
    common::repo_file("content/examples/stored/golden-stored-v1.json")
}

#[test]
fn golden_stored_v1_reads_as_the_golden_export() {
    let text = golden_v1();
    let envelope: Json = serde_json::from_str(&text).expect("JSON");
    let golden_export: Json = serde_json::from_str(&common::repo_file("content/examples/golden-export-v1.json")).expect("JSON");
    assert_eq!((&envelope["version"], &envelope["data"]), (&json!(1), &golden_export), "the envelope holds the golden export");

    let stored = read_stored_v1(&text);
    assert_eq!((stored.saved_at.as_str(), stored.revision), ("2026-11-22T09:15:31Z", 12));
    let expected = export::decode(&common::repo_file("content/examples/golden-export-v1.json"), &FRAMEWORK).expect("the golden export decodes");
    assert_eq!(stored.assessment, expected);
    // And independently of the export decoder:
    let assessment = &stored.assessment;
    assert_eq!(assessment.title, "Northshire baseline – autumn 2026 (\"golden\" file)");
    assert_eq!(assessment.updated.as_deref(), Some("2026-11-22T10:15:30.250+01:00"));
    assert_eq!(assessment.answers.len(), 22);
    assert!(assessment.retired.is_empty());
    assert_eq!(
        assessment.answer("shared-practice-theory"),
        Some(&Answer {
            value: Some(Value::Rating(Rating::Level(2))),
            note: "Systemic practice in two of five localities.\nThe rest use their own models.".into(),
            priority: true
        })
    );
    assert_eq!(assessment.value("checking-auditing"), Some(&Value::Choice(Choice::NotSure)));
    assert_eq!(assessment.value("what-enables"), Some(&Value::Text("Small units with a clinician.\n\nAn admin “trouble-shooter” in every unit.".into())));
}

#[test]
fn problems_inside_a_stored_envelope_name_their_place_in_it() {
    let text = golden_v1().replacen("\"value\":2,", "\"value\":7,", 1);
    let problems: Vec<String> = stored::decode(&text, &FRAMEWORK).expect_err("a level of 7").iter().map(ToString::to_string).collect();
    assert_eq!(problems, ["data.answers.shared-practice-theory.value: 7 is out of range: expected a whole number from 0 to 4"]);
    let without_data = golden_v1().split(",\"data\":").next().expect("a data field").to_owned() + "}";
    let problems: Vec<String> = stored::decode(&without_data, &FRAMEWORK).expect_err("no data").iter().map(ToString::to_string).collect();
    assert_eq!(problems, ["data: missing"]);
}
