//! The CSV export: one row per item in framework order, then the retired answers; answers in
//! words; RFC 4180 quoting with CRLF line ends after a byte order mark; cells that a spreadsheet
//! could run as formulas made harmless; and notes that survive a round trip through a reader.

mod common;

use std::sync::LazyLock;

use proptest::prelude::*;
use readiness_core::codec::{csv, export};
use readiness_core::{Answer, Assessment, Choice, Framework, ItemId, Rating, Value};

static FRAMEWORK: LazyLock<Framework> = LazyLock::new(Framework::bundled);

/// Reads CSV as RFC 4180 says, after a byte order mark, and insists on CRLF between records.
fn parse(text: &str) -> Vec<Vec<String>> {
    let text = text.strip_prefix('\u{feff}').expect("the file starts with a byte order mark");
    let mut records = Vec::new();
    let (mut record, mut cell) = (Vec::new(), String::new());
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') => {
                assert!(cell.is_empty(), "a quote inside an unquoted cell: {cell:?}");
                quoted = true;
            }
            (false, ',') => record.push(std::mem::take(&mut cell)),
            (false, '\r') => {
                assert_eq!(chars.next(), Some('\n'), "a record ends with CRLF");
                record.push(std::mem::take(&mut cell));
                records.push(std::mem::take(&mut record));
            }
            (false, '\n') => panic!("a bare line feed outside quotes"),
            (false, c) => cell.push(c),
        }
    }
    assert!(!quoted, "the text ends inside quotes");
    assert!(cell.is_empty() && record.is_empty(), "the last record ends with CRLF");
    records
}

fn golden() -> Assessment {
    export::decode(&common::repo_file("content/examples/golden-export-v1.json"), &FRAMEWORK).expect("the golden export decodes")
}

/// The row for `id`.
fn row_of<'a>(rows: &'a [Vec<String>], id: &str) -> &'a [String] {
    rows.iter().find(|row| row[1] == id).unwrap_or_else(|| panic!("no row for {id}"))
}

fn with_note(id: &str, value: Option<Value>, note: &str) -> Assessment {
    let mut assessment = common::empty(&FRAMEWORK);
    assessment.answers.insert(ItemId::new(id), Answer { value, note: note.to_owned(), priority: false });
    assessment
}

#[test]
fn every_item_in_framework_order_under_a_header() {
    let rows = parse(&csv::encode(&FRAMEWORK, &golden()));
    assert_eq!(rows[0], csv::HEADER);
    assert_eq!(rows.len(), 1 + FRAMEWORK.items.len());
    for (row, item) in rows[1..].iter().zip(&FRAMEWORK.items) {
        assert_eq!(row.len(), 7, "{row:?}");
        assert_eq!(
            (row[0].as_str(), row[1].as_str(), row[2].as_str()),
            (FRAMEWORK.sections[item.section].title.as_str(), item.id.as_str(), item.label.as_str())
        );
    }
    // An empty assessment still lists every item, with empty answers.
    let rows = parse(&csv::encode(&FRAMEWORK, &common::empty(&FRAMEWORK)));
    assert_eq!(rows.len(), 1 + FRAMEWORK.items.len());
    assert!(rows[1..].iter().all(|row| row[3..].iter().all(String::is_empty)), "{rows:?}");
}

#[test]
fn answers_in_words() {
    let rows = parse(&csv::encode(&FRAMEWORK, &golden()));
    let cells = |id: &str| row_of(&rows, id)[3..].to_vec();
    let strings = |cells: &[&str]| cells.iter().map(|cell| (*cell).to_owned()).collect::<Vec<_>>();
    assert_eq!(
        cells("shared-practice-theory"),
        strings(&["Developing", "2", "Yes", "Systemic practice in two of five localities.\nThe rest use their own models."])
    );
    assert_eq!(cells("reflective-supervision"), strings(&["Not in place", "0", "Yes", ""]));
    assert_eq!(cells("evidence-based-direct-work"), strings(&["Not sure", "", "", ""]));
    assert_eq!(cells("flexible-admin-support"), strings(&["", "", "", "Ask the business support manager before we answer this."]));
    assert_eq!(cells("case-recording"), strings(&["Partly", "", "", ""]));
    assert_eq!(cells("obstructive-processes"), strings(&["Yes", "", "Yes", "Single assessment timescales."]));
    assert_eq!(cells("checking-auditing"), strings(&["Not sure", "", "", ""]));
    assert_eq!(cells("partners-engaged"), strings(&["Partly", "2", "Yes", ""]), "the agreement scale's level 2");
    assert_eq!(cells("evaluation-plan"), strings(&["Fully", "4", "", ""]));
    assert_eq!(cells("what-enables"), strings(&["Small units with a clinician.\n\nAn admin “trouble-shooter” in every unit.", "", "", ""]));
    assert_eq!(cells("what-we-ask"), strings(&["", "", "", ""]));
}

#[test]
fn a_byte_order_mark_crlf_line_ends_and_rfc_4180_quoting() {
    let text = csv::encode(&FRAMEWORK, &with_note("case-recording", Some(Value::Choice(Choice::No)), "one, \"two\"\r\nthree\nfour\rfive"));
    assert!(text.starts_with("\u{feff}Section,Item id,Item,Answer,Level,Priority,Note\r\n"), "{text}");
    assert!(text.ends_with("\r\n"));
    assert!(
        text.contains("\r\nChallenge questions,case-recording,Case recording,No,,,\"one, \"\"two\"\"\r\nthree\nfour\rfive\"\r\n"),
        "the note is quoted with its quotes doubled and its line breaks kept: {text}"
    );
    // Framework text with a comma is quoted too.
    assert!(text.contains("\r\n\"Environment, culture and values\",shared-values-vision,Shared values and vision,,,,\r\n"), "{text}");
}

#[test]
fn cells_that_could_be_formulas_are_neutralised() {
    for trigger in ['=', '+', '-', '@', '\t', '\r'] {
        let payload = format!("{trigger}HYPERLINK(\"http://example.com\",\"x\")");
        let mut assessment = with_note("case-recording", Some(Value::Choice(Choice::Yes)), &payload);
        assessment.answers.insert(ItemId::new("how-we-help"), Answer { value: Some(Value::Text(payload.clone())), ..Answer::default() });
        assessment.retired.insert(ItemId::new("old-item"), Answer { value: None, note: payload.clone(), priority: true });
        let rows = parse(&csv::encode(&FRAMEWORK, &assessment));
        let guarded = format!("'{payload}");
        assert_eq!(row_of(&rows, "case-recording")[6], guarded, "a note starting with {trigger:?}");
        assert_eq!(row_of(&rows, "how-we-help")[3], guarded, "a vision answer starting with {trigger:?}");
        assert_eq!(row_of(&rows, "old-item")[6], guarded, "a retired note starting with {trigger:?}");
        for row in &rows {
            for cell in row {
                assert!(!cell.starts_with(['=', '+', '-', '@', '\t', '\r']), "{cell:?} in {row:?}");
            }
        }
    }
    // Only the first character matters.
    let rows = parse(&csv::encode(&FRAMEWORK, &with_note("case-recording", None, "a=1, b-2")));
    assert_eq!(row_of(&rows, "case-recording")[6], "a=1, b-2");
}

#[test]
fn retired_answers_follow_in_their_own_section() {
    let mut assessment = golden();
    let retired = [
        ("an-old-rating", Answer { value: Some(Value::Rating(Rating::Level(2))), note: "kept, with a comma".into(), priority: true }),
        ("an-old-unsure-rating", Answer { value: Some(Value::Rating(Rating::NotSure)), ..Answer::default() }),
        ("an-old-question", Answer { value: Some(Value::Choice(Choice::Partly)), ..Answer::default() }),
        ("an-old-vision", Answer { value: Some(Value::Text("What we hoped".into())), ..Answer::default() }),
        ("an-old-note", Answer { note: "only a note".into(), ..Answer::default() }),
    ];
    for (id, answer) in retired.clone() {
        assessment.retired.insert(ItemId::new(id), answer);
    }
    let rows = parse(&csv::encode(&FRAMEWORK, &assessment));
    assert_eq!(rows.len(), 1 + FRAMEWORK.items.len() + retired.len());
    let tail: Vec<Vec<&str>> = rows[1 + FRAMEWORK.items.len()..].iter().map(|row| row.iter().map(String::as_str).collect()).collect();
    // In id order, as the assessment keeps them; the framework has no label for them.
    assert_eq!(
        tail,
        [
            ["Retired items", "an-old-note", "", "", "", "", "only a note"],
            ["Retired items", "an-old-question", "", "Partly", "", "", ""],
            ["Retired items", "an-old-rating", "", "Level 2", "2", "Yes", "kept, with a comma"],
            ["Retired items", "an-old-unsure-rating", "", "Not sure", "", "", ""],
            ["Retired items", "an-old-vision", "", "What we hoped", "", "", ""],
        ]
    );
}

/// A small framework, whole: what a spreadsheet sees, byte for byte.
#[test]
fn the_whole_file_for_a_small_framework() {
    let framework = Framework::from_toml(&common::repo_file("content/test-frameworks/valid-minimal.toml")).expect("the minimal framework");
    let assessment = common::answers(&framework, "practice: 3 ?!\nchallenge-a: partly\nvision-a: Fewer handoffs, \"one worker\"");
    let expected = "\u{feff}Section,Item id,Item,Answer,Level,Priority,Note\r\n\
        Practice,practice-a,Practice A,Mostly,3,,\r\n\
        Practice,practice-b,Practice B,Not sure,,Yes,\r\n\
        Structure,structure-a,Structure A,,,,\r\n\
        Structure,structure-b,Structure B,,,,\r\n\
        Challenges,challenge-a,Challenge A,Partly,,,\r\n\
        Readiness,readiness-a,Readiness A,,,,\r\n\
        Readiness,readiness-b,Readiness B,,,,\r\n\
        Vision,vision-a,Vision A,\"Fewer handoffs, \"\"one worker\"\"\",,,\r\n";
    assert_eq!(csv::encode(&framework, &assessment), expected);
}

/// Any text, control characters, quotes and line breaks included.
fn any_text() -> impl Strategy<Value = String> {
    proptest::string::string_regex("(?s).{0,60}").expect("a valid pattern")
}

/// What a cell holding `text` reads back as: the text, after a `'` if it could be a formula.
fn as_written(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{text}") } else { text.to_owned() }
}

proptest! {
    #[test]
    fn notes_and_vision_answers_survive_a_round_trip(
        note in prop_oneof![any_text(), "[\",\r\n =+@-]{1,12}"],
        text in any_text(),
        retired_note in any_text(),
    ) {
        let mut assessment = with_note("shared-practice-theory", Some(Value::Rating(Rating::Level(1))), &note);
        assessment.answers.insert(ItemId::new("how-we-help"), Answer { value: Some(Value::Text(text.clone())), ..Answer::default() });
        assessment.retired.insert(ItemId::new("old-item"), Answer { value: None, note: retired_note.clone(), priority: false });
        let rows = parse(&csv::encode(&FRAMEWORK, &assessment));
        prop_assert_eq!(rows.len(), 2 + FRAMEWORK.items.len());
        prop_assert!(rows.iter().all(|row| row.len() == 7));
        prop_assert_eq!(&row_of(&rows, "shared-practice-theory")[6], &as_written(&note));
        prop_assert_eq!(&row_of(&rows, "how-we-help")[3], &as_written(&text));
        prop_assert_eq!(&row_of(&rows, "old-item")[6], &as_written(&retired_note));
    }
}
