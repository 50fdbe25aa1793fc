//! The Markdown report: what it says for the worked example and the golden export (kept in
//! content/examples/golden-export-v1.report.md), and that text people typed renders as the
//! words they typed, never as Markdown or HTML.

mod common;

use std::sync::LazyLock;

use proptest::prelude::*;
use readiness_core::codec::{export, markdown};
use readiness_core::{Answer, Assessment, Choice, Framework, ItemId, Rating, Value};

static FRAMEWORK: LazyLock<Framework> = LazyLock::new(Framework::bundled);

fn example(name: &str) -> Assessment {
    export::decode(&common::repo_file(&format!("content/examples/{name}.json")), &FRAMEWORK).unwrap_or_else(|problems| panic!("{name}: {problems:?}"))
}

/// The text between two headings: from `## heading` to the next `## `.
fn section<'a>(report: &'a str, heading: &str) -> &'a str {
    let start = report.find(&format!("\n## {heading}\n")).unwrap_or_else(|| panic!("no section {heading:?} in\n{report}")) + 1;
    let rest = &report[start..];
    rest[3..].find("\n## ").map_or(rest, |end| &rest[..end + 4])
}

#[test]
fn the_worked_example() {
    let report = markdown::report(&FRAMEWORK, &example("worked-example"));
    assert!(
        report.starts_with("# Worked example\n\n- Date: 2026-11-22\n- Framework: Readiness for children's social work innovation, version 1.0\n\n"),
        "{report}"
    );
    assert!(!report.contains("Provisional"), "every question is answered");
    let figures = section(&report, "Results");
    assert!(figures.contains("| Practice maturity | 50% |"), "{figures}");
    assert!(figures.contains("| Innovation readiness | 75% |"), "{figures}");
    assert!(figures.contains("| Completeness | 37 of 37 questions answered \\(100%\\) |"), "{figures}");
    assert!(report.contains("\n## Your profile: Lead and spread\n"), "{report}");
    let sections = section(&report, "Scores by section");
    for line in ["| Tools and practice | 50% |", "| Environment, culture and values | 50% |", "| Readiness for whole-system innovation | 75% |"] {
        assert!(sections.contains(line), "{line} in {sections}");
    }
    let support = section(&report, "Suggested support");
    assert!(support.starts_with("## Suggested support\n\n### 1. Delivery model assessment\n\nExpertise: 40.5% match\n"), "{support}");
    assert!(support.contains("- Who does what: No: who does what is not right yet\n"), "reasons are bullets: {support}");
    assert!(support.contains("### 2. Funding for training\n\nFunding: 38.6% match\n"), "{support}");
    assert_eq!(support.matches("\n### ").count(), 6, "six suggestions: {support}");
    assert!(section(&report, "Gaps").contains("None: nothing is rated 0 or 1."));
    assert!(section(&report, "Opportunities").contains("- **Engaging children \\(Challenge questions\\)**: No\n"));
    assert!(!report.contains("\n## Your vision"), "no vision question is answered");
    let answers = section(&report, "All answers");
    assert_eq!(answers.matches("\n- **").count(), FRAMEWORK.items.len(), "{answers}");
    assert!(answers.contains("- **Shared theory of practice**: Developing \\(2\\)\n"));
    assert!(!report.contains("## Retired items"));
    assert!(report.ends_with("Not answered\n") && !report.ends_with("\n\n"));
}

#[test]
fn the_golden_export_as_a_report() {
    let report = markdown::report(&FRAMEWORK, &example("golden-export-v1"));
    assert!(report.contains("\n**Provisional:** these results are provisional. 19 of 37 questions answered \\(51.4%\\)."), "{report}");
    assert!(report.contains("| Practice maturity | Not enough answers |"));
    assert!(report.contains("\n## Your profile\n\nYour profile needs both"));
    assert!(
        section(&report, "Gaps")
            .contains("- **Reflective supervision \\(Tools and practice\\)**: Not in place \\(0\\) \\(a priority\\)\n  - Learn from others: ")
    );
    assert!(section(&report, "Evidence gaps").contains("- **Checking and auditing \\(Challenge questions\\)**: Not sure\n"));
    let vision = section(&report, "Your vision");
    assert!(vision.contains("Small units with a clinician.\n\nAn admin “trouble-shooter” in every unit.\n"), "{vision}");
    assert!(vision.contains("**What are we asking practitioners to achieve?**\n\nNot answered\n"), "{vision}");
    assert!(
        section(&report, "All answers")
            .contains("- **Shared theory of practice**: Developing \\(2\\) \\(a priority\\)\n\n  Note: Systemic practice in two of five localities.\n  The rest use their own models.\n\n"),
        "{report}"
    );
    // The whole report is kept as a golden file, so that a change in it is seen and meant.
    let golden = common::repo_file("content/examples/golden-export-v1.report.md");
    if report != golden {
        let written = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("golden-export-v1.report.md");
        std::fs::write(&written, &report).expect("the scratch folder is writable");
        panic!("the report differs from content/examples/golden-export-v1.report.md; the new one is in {}", written.display());
    }
}

#[test]
fn an_empty_assessment() {
    let report = markdown::report(&FRAMEWORK, &common::empty(&FRAMEWORK));
    assert!(report.starts_with("# Readiness self-assessment\n\n- Framework: "), "{report}");
    assert!(report.contains("**Provisional:** these results are provisional. 0 of 37 questions answered \\(0%\\)."));
    assert!(report.contains("No support type matches 25% or more of its answers yet."));
    assert!(report.contains("## Strengths\n\nNone yet"));
}

#[test]
fn retired_answers_are_listed_after_the_answers() {
    let mut assessment = example("worked-example");
    assessment.framework.version = "0.9".into();
    assessment
        .retired
        .insert(ItemId::new("an-old-rating"), Answer { value: Some(Value::Rating(Rating::Level(1))), note: "Was *emerging*".into(), priority: true });
    assessment.retired.insert(ItemId::new("an-old-question"), Answer { value: Some(Value::Choice(Choice::No)), ..Answer::default() });
    assessment.retired.insert(ItemId::new("an-old-note"), Answer { note: "only a note".into(), ..Answer::default() });
    let report = markdown::report(&FRAMEWORK, &assessment);
    assert!(report.contains("- Framework: Readiness for children's social work innovation, version 1.0 (answers given against version 0.9)\n"), "{report}");
    let retired = section(&report, "Retired items");
    assert!(
        retired.ends_with(
            "- **an-old-note**: Not answered\n\n  Note: only a note\n\n\
             - **an-old-question**: No\n\
             - **an-old-rating**: Level 1 \\(a priority\\)\n\n  Note: Was \\*emerging\\*\n"
        ),
        "{retired}"
    );
}

/// What people type that Markdown would act on, with how it must come out.
const HOSTILE: [(&str, &str); 8] = [
    ("<script>alert(1)</script>", "\\<script\\>alert\\(1\\)\\</script\\>"),
    ("**bold**", "\\*\\*bold\\*\\*"),
    ("[x](javascript:alert(1))", "\\[x\\]\\(javascript:alert\\(1\\)\\)"),
    ("![x](http://example.com/x.png)", "\\!\\[x\\]\\(http://example.com/x.png\\)"),
    ("# heading", "\\# heading"),
    ("| a | b |", "\\| a \\| b \\|"),
    ("`code` ~~gone~~ &lt; _it_", "\\`code\\` \\~\\~gone\\~\\~ \\&lt; \\_it\\_"),
    ("> quoted", "\\> quoted"),
];

#[test]
fn what_people_type_is_inert_wherever_it_appears() {
    for (typed, escaped) in HOSTILE {
        let mut assessment = example("worked-example");
        assessment.title = typed.to_owned();
        assessment.answers.insert(ItemId::new("case-recording"), Answer { value: Some(Value::Choice(Choice::Yes)), note: typed.to_owned(), priority: false });
        assessment.answers.insert(ItemId::new("how-we-help"), Answer { value: Some(Value::Text(format!("We hope:\n{typed}"))), ..Answer::default() });
        assessment.retired.insert(ItemId::new("old-item"), Answer { value: None, note: format!("1. {typed}\n- {typed}"), priority: false });
        let report = markdown::report(&FRAMEWORK, &assessment);
        assert!(!report.replace(escaped, "").contains(typed), "{typed:?} appears as it was typed:\n{report}");
        assert!(report.starts_with(&format!("# {escaped}\n")), "the title {typed:?}:\n{report}");
        assert!(report.contains(&format!("- **Case recording**: Yes\n\n  Note: {escaped}\n")), "a note {typed:?}:\n{report}");
        assert!(section(&report, "Your vision").contains(&format!("We hope:\n{escaped}\n")), "a vision answer {typed:?}:\n{report}");
        assert!(report.contains(&format!("  Note: 1\\. {escaped}\n  \\- {escaped}\n")), "a retired note {typed:?}:\n{report}");
    }
    // A note whose line would be a heading underline, a list or a rule starts none.
    let mut assessment = example("worked-example");
    assessment.answers.insert(ItemId::new("case-recording"), Answer { value: None, note: "Title\n===\n+ one\n2) two\n---".into(), priority: false });
    let report = markdown::report(&FRAMEWORK, &assessment);
    assert!(report.contains("  Note: Title\n  \\===\n  \\+ one\n  2\\) two\n  \\---\n"), "{report}");
}

/// Whether rendered text holds no Markdown: every special character is escaped, and no line
/// starts a block (a list, a heading underline, a rule, an ordered list, indented code).
fn is_inert(rendered: &str) -> bool {
    rendered.lines().all(|line| {
        let line = line.strip_prefix("  ").unwrap_or(line);
        if line.starts_with([' ', '\t', '+', '-', '=']) {
            return false;
        }
        let digits = line.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 && matches!(line.as_bytes().get(digits), Some(b'.' | b')')) && line[digits + 1..].chars().next().is_none_or(char::is_whitespace) {
            return false;
        }
        let mut chars = line.chars();
        while let Some(c) = chars.next() {
            if c == '\\' {
                chars.next();
            } else if "`*_{}[]<>()#!|~&".contains(c) {
                return false;
            }
        }
        true
    })
}

/// Rendered text with its escapes and indents taken out.
fn unescape(rendered: &str) -> String {
    let mut out = String::new();
    for (position, line) in rendered.split('\n').enumerate() {
        if position > 0 {
            out.push('\n');
        }
        let mut chars = line.strip_prefix("  ").unwrap_or(line).chars();
        while let Some(c) = chars.next() {
            out.push(if c == '\\' { chars.next().unwrap_or('\\') } else { c });
        }
    }
    out
}

/// Text as the report lays it out: lines trimmed, runs of blank lines made one, none at the ends.
fn laid_out(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut lines: Vec<&str> = Vec::new();
    for line in text.split('\n').map(str::trim) {
        if !(line.is_empty() && lines.last().is_none_or(|last| last.is_empty())) {
            lines.push(line);
        }
    }
    while lines.last() == Some(&"") {
        lines.pop();
    }
    lines.join("\n")
}

/// The report for `assessment` with `marker`'s place in `with_marker` filled: what was written
/// in its place.
fn filled<'a>(report: &'a str, with_marker: &str, marker: &str) -> &'a str {
    let (before, after) = with_marker.split_once(marker).expect("the marker is in the report");
    assert!(report.starts_with(before) && report.ends_with(after), "only the marked text changes");
    &report[before.len()..report.len() - after.len()]
}

fn any_text() -> impl Strategy<Value = String> {
    let typed = proptest::string::string_regex("(?s).{0,80}").expect("a valid pattern");
    let markdown = proptest::string::string_regex("([-+=*_#>|!&`~<>()\\[\\]{}\\\\ \t\r\n.)0-9a]|<script>|\\*\\*|1\\. |- ){1,20}").expect("a valid pattern");
    prop_oneof![typed, markdown].prop_filter("has something to show", |text| !text.trim().is_empty())
}

proptest! {
    #[test]
    fn any_note_or_title_renders_as_its_own_words(note in any_text(), title in any_text()) {
        const MARKER: &str = "MARKER";
        let report_with = |note: &str, title: &str| {
            let mut assessment = example("golden-export-v1");
            assessment.title = title.to_owned();
            assessment.answers.insert(ItemId::new("case-recording"), Answer { value: Some(Value::Choice(Choice::Yes)), note: note.to_owned(), priority: false });
            markdown::report(&FRAMEWORK, &assessment)
        };
        let report = report_with(&note, "A title");
        let rendered = filled(&report, &report_with(MARKER, "A title"), MARKER);
        prop_assert!(is_inert(rendered), "{:?} rendered as {:?}", note, rendered);
        prop_assert_eq!(unescape(rendered), laid_out(&note));

        let report = report_with("a note", &title);
        let rendered = filled(&report, &report_with("a note", MARKER), MARKER);
        prop_assert!(!rendered.contains('\n') && is_inert(rendered), "{:?} rendered as {:?}", title, rendered);
        prop_assert_eq!(unescape(rendered), laid_out(&title).split('\n').filter(|line| !line.is_empty()).collect::<Vec<_>>().join(" "));
    }
}
