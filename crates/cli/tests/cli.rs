//! The `readiness` binary run as an analyst runs it: exit codes, what goes to standard output
//! and standard error, standard input, and that no bad input makes it panic.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use serde_json::Value;

/// What one run of the binary did.
#[derive(Debug)]
struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn repo(relative: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..").join(relative).to_string_lossy().into_owned()
}

fn readiness(args: &[&str], stdin: &[u8]) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_readiness"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    // A command that does not read standard input may exit before it is written.
    let _ = child.stdin.take().expect("piped").write_all(stdin);
    let output = child.wait_with_output().expect("the binary finishes");
    let run = Run {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    };
    assert!(!run.stderr.contains("panicked"), "the binary panicked: {run:?}");
    run
}

/// A file in this test binary's scratch folder.
fn scratch(name: &str, contents: &[u8]) -> String {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("cli-{}-{name}", std::process::id()));
    std::fs::write(&path, contents).expect("the scratch folder is writable");
    path.to_string_lossy().into_owned()
}

/// Checks a failed run: exit code 1, nothing on standard output, these lines on standard error.
fn assert_fails(run: &Run, stderr: &[String]) {
    assert_eq!(run.code, Some(1), "{run:?}");
    assert_eq!(run.stdout, "", "{run:?}");
    assert_eq!(run.stderr.lines().collect::<Vec<_>>(), stderr, "{run:?}");
}

// ---------------------------------------------------------------------------------------
// score

#[test]
fn score_prints_the_worked_example_results() {
    let run = readiness(&["score", &repo("content/examples/worked-example.json")], b"");
    assert_eq!((run.code, run.stderr.as_str()), (Some(0), ""), "{run:?}");
    let results: Value = serde_json::from_str(&run.stdout).expect("score prints JSON");
    assert_eq!(results["domains"], serde_json::json!({"tools-practice": 50.0, "environment-culture": 50.0, "workforce-structure": 50.0}));
    assert_eq!(results["maturity"], 50.0);
    assert_eq!(results["readiness"], 75.0);
    assert_eq!(results["completeness"], 100.0);
    assert_eq!(results["provisional"], false);
    assert_eq!(results["profile"], "lead-and-spread");
    assert_eq!(results["opportunities"], serde_json::json!(["engaging-children", "who-does-what"]));
    let supports = results["supports"].as_array().expect("a list of support types");
    assert_eq!(supports.len(), 12);
    let training = supports.iter().find(|support| support["id"] == "training-funding").expect("training-funding");
    assert_eq!(training["match"], 2200.0 / 57.0);
    assert_eq!(training["suggested"], true);
    assert_eq!(supports.iter().filter(|support| support["suggested"] == true).count(), 6);
    assert!(run.stdout.ends_with("}\n"));
}

#[test]
fn score_reads_standard_input() {
    let text = std::fs::read(repo("content/examples/worked-example.json")).expect("the worked example");
    let from_stdin = readiness(&["score", "-"], &text);
    let from_file = readiness(&["score", &repo("content/examples/worked-example.json")], b"");
    assert_eq!(from_stdin.code, Some(0), "{from_stdin:?}");
    assert_eq!(from_stdin.stdout, from_file.stdout);
}

#[test]
fn score_with_a_council_framework() {
    let run = readiness(&["score", &repo("content/examples/worked-example.json"), "--framework", &repo("content/test-frameworks/council-variant.toml")], b"");
    assert_eq!(run.code, Some(0), "{run:?}");
    let results: Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(results["completeness"], 3700.0 / 38.0);
    let training =
        results["supports"].as_array().and_then(|supports| supports.iter().find(|support| support["id"] == "training-funding")).expect("training-funding");
    assert_eq!(training["match"], 350.0 / 9.0);
    let same_with_equals = readiness(
        &["score", &repo("content/examples/worked-example.json"), &format!("--framework={}", repo("content/test-frameworks/council-variant.toml"))],
        b"",
    );
    assert_eq!(same_with_equals.stdout, run.stdout);
}

// ---------------------------------------------------------------------------------------
// validate

#[test]
fn validate_a_good_export() {
    let file = repo("content/examples/golden-export-v1.json");
    let run = readiness(&["validate", &file], b"");
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_eq!(run.stdout, format!("{file}: a valid assessment for rethinking-childrens-social-work 1.0: 19 of 37 questions answered (results provisional)\n"));
    assert_eq!(run.stderr, "");
    let file = repo("content/examples/worked-example.json");
    let run = readiness(&["validate", &file], b"");
    assert_eq!(run.stdout, format!("{file}: a valid assessment for rethinking-childrens-social-work 1.0: 37 of 37 questions answered\n"));
}

#[test]
fn validate_the_framework_files() {
    let file = repo("content/framework.toml");
    let run = readiness(&["validate", &file], b"");
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_eq!(run.stdout, format!("{file}: a valid framework, rethinking-childrens-social-work 1.0: 6 sections, 40 items, 12 support types\n"));
    let json = scratch("framework.json", readiness_core::framework::BUNDLED_JSON.as_bytes());
    let run = readiness(&["validate", &json], b"");
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_eq!(run.stdout, format!("{json}: a valid framework, rethinking-childrens-social-work 1.0: 6 sections, 40 items, 12 support types\n"));
    let council = repo("content/test-frameworks/council-variant.toml");
    let run = readiness(&["validate", &council], b"");
    assert_eq!(
        run.stdout,
        format!("{council}: a valid framework, rethinking-childrens-social-work 1.0+northshire.1: 6 sections, 41 items, 12 support types\n")
    );
}

#[test]
fn validate_reads_standard_input() {
    let run = readiness(&["validate", "-"], &std::fs::read(repo("content/examples/worked-example.json")).expect("readable"));
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_eq!(run.stdout, "-: a valid assessment for rethinking-childrens-social-work 1.0: 37 of 37 questions answered\n");
}

// ---------------------------------------------------------------------------------------
// csv and report

#[test]
fn csv_prints_every_item_of_an_export() {
    let file = repo("content/examples/golden-export-v1.json");
    let run = readiness(&["csv", &file], b"");
    assert_eq!((run.code, run.stderr.as_str()), (Some(0), ""), "{run:?}");
    assert!(run.stdout.starts_with("\u{feff}Section,Item id,Item,Answer,Level,Priority,Note\r\n"), "{}", run.stdout);
    assert!(run.stdout.contains("\r\nTools and practice,reflective-supervision,Reflective supervision,Not in place,0,Yes,\r\n"), "{}", run.stdout);
    // 40 items and the header; one note holds a line break of its own.
    assert_eq!(run.stdout.matches("\r\n").count(), 41);
    let from_stdin = readiness(&["csv", "-"], &std::fs::read(&file).expect("readable"));
    assert_eq!(from_stdin.stdout, run.stdout);
}

#[test]
fn report_prints_the_results_as_markdown() {
    let run = readiness(&["report", &repo("content/examples/worked-example.json")], b"");
    assert_eq!((run.code, run.stderr.as_str()), (Some(0), ""), "{run:?}");
    for expected in [
        "# Worked example\n",
        "| Practice maturity | 50% |",
        "| Innovation readiness | 75% |",
        "## Your profile: Lead and spread",
        "### 1. Delivery model assessment",
    ] {
        assert!(run.stdout.contains(expected), "{expected} in {}", run.stdout);
    }
    let golden = readiness(&["report", &repo("content/examples/golden-export-v1.json")], b"");
    let expected = std::fs::read_to_string(repo("content/examples/golden-export-v1.report.md")).expect("the golden report");
    assert_eq!(golden.stdout, expected);
}

#[test]
fn csv_and_report_with_a_council_framework() {
    let framework = repo("content/test-frameworks/council-variant.toml");
    let export = repo("content/examples/worked-example.json");
    let run = readiness(&["csv", &export, "--framework", &framework], b"");
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_eq!(run.stdout.matches("\r\n").count(), 42, "the council's framework has one item more");
    let run = readiness(&["report", &export, &format!("--framework={framework}")], b"");
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(run.stdout.contains("version 1.0+northshire.1 (answers given against version 1.0)"), "{}", run.stdout);
    let minimal = repo("content/test-frameworks/valid-minimal.toml");
    assert_fails(
        &readiness(&["report", &export, "-f", &minimal], b""),
        &[
            format!("{export}: framework.id: these answers are for the framework 'rethinking-childrens-social-work', not 'minimal'"),
            format!("{export}: 1 problem found"),
        ],
    );
}

// ---------------------------------------------------------------------------------------
// aggregate

const ROOM: [&str; 3] = ["content/examples/lay-the-foundations.json", "content/examples/strong-practice.json", "content/examples/ready-to-redesign.json"];

fn room() -> Vec<String> {
    ROOM.iter().map(|file| repo(file)).collect()
}

fn aggregate_json(run: &Run) -> Value {
    assert_eq!(run.code, Some(0), "{run:?}");
    serde_json::from_str(&run.stdout).expect("aggregate prints JSON")
}

/// The three examples' answers merged item by item (the middle of three, the lower level of two
/// where one said "Not sure"), as an export for `readiness score`.
const MERGED_BY_HAND: &str = r#"{"format": "readiness-assessment", "version": 1,
  "framework": {"id": "rethinking-childrens-social-work", "version": "1.0"}, "title": "",
  "answers": {
    "shared-practice-theory": {"value": 2}, "evidence-based-direct-work": {"value": 1}, "reflective-supervision": {"value": 1},
    "theory-shared-language": {"value": 2}, "flexible-admin-support": {"value": 3}, "data-rich-feedback": {"value": 1},
    "shared-values-vision": {"value": 3}, "listening-to-children": {"value": 2}, "minimal-bureaucracy": {"value": 1},
    "permissive-culture": {"value": 2}, "learning-culture": {"value": 2}, "frontline-authority": {"value": 1},
    "intensive-support": {"value": 1}, "interdisciplinary-teams": {"value": 2}, "small-flat-teams": {"value": 1},
    "extensive-training": {"value": 1}, "practice-career-paths": {"value": 2}, "managers-in-direct-work": {"value": 1},
    "shared-case-responsibility": {"value": 2}, "work-at-right-level": {"value": 2},
    "obstructive-processes": {"value": "yes"}, "case-recording": {"value": "partly"}, "engaging-children": {"value": "partly"},
    "checking-auditing": {"value": "yes"}, "case-conferences": {"value": "partly"}, "who-does-what": {"value": "no"},
    "whole-system-ambition": {"value": 1}, "new-approach": {"value": 1}, "partners-engaged": {"value": 2},
    "learning-together": {"value": 1}, "barriers-named": {"value": 0}, "leadership-buy-in": {"value": 2},
    "shared-outcome": {"value": 1}, "trust-relationships": {"value": 2}, "co-production": {"value": 1},
    "evaluation-plan": {"value": 2}, "delivery-model-openness": {"value": 1}}}"#;

#[test]
fn aggregate_prints_the_room_as_json() {
    let files = room();
    let args: Vec<&str> = std::iter::once("aggregate").chain(files.iter().map(String::as_str)).collect();
    let run = readiness(&args, b"");
    assert_eq!(run.stderr, "", "{run:?}");
    let room = aggregate_json(&run);
    assert_eq!(room["participants"], 3);
    assert_eq!(
        room["files"][1],
        serde_json::json!({"file": files[1], "title": "Strong practice, no plan yet", "counted": true, "same_as": null,
            "maturity": 83.68055555555556, "readiness": 30.0, "completeness": 100.0, "profile": "strong-practice-build-the-case"})
    );
    let items = room["items"].as_array().expect("a list of items");
    assert_eq!(items.len(), 37, "every rating item and challenge question");
    assert_eq!(
        items[0],
        serde_json::json!({"id": "shared-practice-theory", "n": 3, "not_sure": 0, "priority": 1,
            "distribution": {"0": 0, "1": 1, "2": 1, "3": 0, "4": 1}, "median": 2.0, "spread": 0.5, "merged": 2})
    );
    let item = |id: &str| items.iter().find(|item| item["id"] == id).unwrap_or_else(|| panic!("{id}")).clone();
    // Not sure, 3, 2: the median of 2 and 3, and the lower of the two merged.
    let paths = item("practice-career-paths");
    assert_eq!((&paths["n"], &paths["not_sure"], &paths["median"], &paths["merged"]), (&2.into(), &1.into(), &2.5.into(), &2.into()));
    // Not sure, No, Yes: split between the extremes.
    assert_eq!(
        item("case-conferences"),
        serde_json::json!({"id": "case-conferences", "n": 2, "not_sure": 1, "priority": 0,
            "distribution": {"yes": 1, "partly": 0, "no": 1}, "median": 1.0, "spread": 1.0, "merged": "partly"})
    );
    assert_eq!(item("evidence-based-direct-work")["spread"], 2.0 / 3.0);
    let disagreement: Vec<&str> = room["disagreement"].as_array().expect("a list").iter().filter_map(Value::as_str).collect();
    assert_eq!(disagreement[..3], ["case-conferences", "delivery-model-openness", "evidence-based-direct-work"]);
    // barriers-named (0, 0, 2) has some spread; every item with none is left out.
    assert!(disagreement.contains(&"barriers-named"));
    assert_eq!(disagreement.len(), items.iter().filter(|item| item["spread"].as_f64().is_some_and(|spread| spread > 0.0)).count());

    // The merged results are what `score` gives for the merged answers worked out by hand.
    let by_hand = readiness(&["score", "-"], MERGED_BY_HAND.as_bytes());
    assert_eq!(room["merged"], aggregate_json(&by_hand));
    assert_eq!(room["merged"]["maturity"], 125.0 / 3.0);
    assert_eq!(room["merged"]["readiness"], 350.0 / 11.0);
    assert_eq!(room["merged"]["profile"], "lay-the-foundations");
    assert!(run.stdout.ends_with("}\n"));
}

#[test]
fn aggregate_prints_the_room_as_csv() {
    let files = room();
    let args: Vec<&str> = ["aggregate", "--format", "csv"].into_iter().chain(files.iter().map(String::as_str)).collect();
    let run = readiness(&args, b"");
    assert_eq!((run.code, run.stderr.as_str()), (Some(0), ""), "{run:?}");
    let lines: Vec<&str> = run.stdout.split("\r\n").collect();
    assert_eq!(lines[0], "\u{feff}Section,Item id,Item,Answers,Not sure,Level 0,Level 1,Level 2,Level 3,Level 4,Yes,Partly,No,Median,Spread,Priority,Merged");
    assert_eq!(lines[1], "Tools and practice,shared-practice-theory,Shared theory of practice,3,0,0,1,1,0,1,,,,2,0.5,1,Developing (2)");
    assert!(
        lines.contains(&"Workforce and structure,practice-career-paths,Career paths in practice,2,1,0,0,1,1,0,,,,2.5,0.25,0,Developing (2)"),
        "{}",
        run.stdout
    );
    assert!(lines.contains(&"Challenge questions,case-conferences,Case conferences and core groups,2,1,,,,,,1,0,1,1,1,0,Partly"), "{}", run.stdout);
    // 37 items after the header, a blank line, the files' header and three files.
    assert_eq!(lines[38], "");
    assert_eq!(lines[39], "File,Title,Counted,Same as,Maturity,Readiness,Completeness,Profile");
    assert_eq!(lines[40], format!("{},Baseline 2026: where we start,Yes,,19.841269841269842,15,100,Lay the foundations", files[0]));
    assert_eq!(lines[41], format!("{},\"Strong practice, no plan yet\",Yes,,83.68055555555556,30,100,\"Strong practice, build the case\"", files[1]));
    assert_eq!(lines.len(), 44, "the last record ends with CRLF too");
    assert_eq!(lines[43], "");
    let with_equals = readiness(&["aggregate", &files[0], &files[1], &files[2], "--format=csv"], b"");
    assert_eq!(with_equals.stdout, run.stdout);
    let json = readiness(&["aggregate", &files[0], "--format", "json"], b"");
    assert!(json.stdout.starts_with('{'), "{json:?}");
}

#[test]
fn aggregate_csv_guards_against_formulas() {
    let text = std::fs::read_to_string(repo("content/examples/worked-example.json")).expect("readable");
    let file = scratch("formula.json", text.replace("\"title\": \"Worked example\"", "\"title\": \"=HYPERLINK(\\\"http://x\\\")\"").as_bytes());
    let run = readiness(&["aggregate", &file, "--format", "csv"], b"");
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(run.stdout.contains(",\"'=HYPERLINK(\"\"http://x\"\")\",Yes,"), "{}", run.stdout);
}

#[test]
fn aggregate_counts_a_duplicate_once_and_says_so() {
    let worked = repo("content/examples/worked-example.json");
    let lay = repo("content/examples/lay-the-foundations.json");
    // The same answers and title saved at another time, in another file.
    let text = std::fs::read_to_string(&worked).expect("readable");
    assert!(text.contains("\"updated\": \"2026-11-22T10:00:00Z\""), "the worked example has a time");
    let copy = scratch("worked-copy.json", text.replace("\"updated\": \"2026-11-22T10:00:00Z\"", "\"updated\": \"2026-12-01T09:30:00Z\"").as_bytes());

    let run = readiness(&["aggregate", &worked, &lay, &worked, &copy], b"");
    assert_eq!(
        run.stderr.lines().collect::<Vec<_>>(),
        [
            format!("{worked}: warning: given more than once: counted once (give --keep-duplicates to count every file)"),
            format!("{copy}: warning: the same title and answers as {worked}: counted once (give --keep-duplicates to count every file)"),
        ]
    );
    let room = aggregate_json(&run);
    assert_eq!(room["participants"], 2);
    let counted: Vec<&Value> = room["files"].as_array().expect("files").iter().map(|file| &file["counted"]).collect();
    assert_eq!(counted, [&Value::Bool(true), &Value::Bool(true), &Value::Bool(false), &Value::Bool(false)]);
    assert_eq!(room["files"][3]["same_as"], worked.as_str());
    assert_eq!(room["items"][0]["n"], 2);

    let kept = readiness(&["aggregate", &worked, &lay, &worked, &copy, "--keep-duplicates"], b"");
    assert_eq!(kept.stderr.lines().next(), Some(format!("{worked}: warning: given more than once: counted again, as --keep-duplicates asks").as_str()));
    let room = aggregate_json(&kept);
    assert_eq!(room["participants"], 4);
    assert_eq!(room["items"][0]["n"], 4);
    assert_eq!(room["files"][2]["counted"], true);
    assert_eq!(room["files"][2]["same_as"], worked.as_str());
}

#[test]
fn aggregate_reads_standard_input_once() {
    let text = std::fs::read(repo("content/examples/strong-practice.json")).expect("readable");
    let lay = repo("content/examples/lay-the-foundations.json");
    let room = aggregate_json(&readiness(&["aggregate", &lay, "-"], &text));
    assert_eq!(room["files"][1]["file"], "-");
    assert_eq!(room["files"][1]["title"], "Strong practice, no plan yet");
}

#[test]
fn aggregate_reports_every_bad_file_and_writes_nothing() {
    let missing = repo("content/examples/no-such-file.json");
    let broken = scratch("aggregate-broken.json", br#"{"format": "readiness-assessment", "version": 1, "framework": {"id": "rethinking-childrens-social-work", "version": "1.0"}, "answers": {"shared-practice-theory": {"value": 7}}}"#);
    let good = repo("content/examples/worked-example.json");
    assert_fails(
        &readiness(&["aggregate", &good, &missing, &broken], b""),
        &[
            format!("{missing}: cannot read this file: no such file"),
            format!("{broken}: answers.shared-practice-theory.value: 7 is out of range: expected a whole number from 0 to 4"),
            format!("{broken}: 1 problem found"),
            "readiness: 2 of 3 files cannot be used; nothing was written".to_owned(),
        ],
    );
    assert_fails(
        &readiness(&["aggregate", &missing], b""),
        &[format!("{missing}: cannot read this file: no such file"), "readiness: 1 of 1 file cannot be used; nothing was written".to_owned()],
    );
}

#[test]
fn aggregate_with_a_council_framework() {
    let framework = repo("content/test-frameworks/council-variant.toml");
    let room = aggregate_json(&readiness(&["aggregate", &repo("content/examples/worked-example.json"), "--framework", &framework], b""));
    assert_eq!(room["items"].as_array().map(Vec::len), Some(38), "the council's framework has one item more");
    assert_eq!(room["disagreement"], serde_json::json!([]), "one person agrees with themself");
    assert_eq!(room["files"][0]["completeness"], 3700.0 / 38.0);
}

// ---------------------------------------------------------------------------------------
// Failures: exit 1, a clear message on standard error, nothing on standard output

#[test]
fn a_missing_file() {
    let file = repo("content/examples/no-such-file.json");
    for command in ["score", "validate", "csv", "report"] {
        assert_fails(&readiness(&[command, &file], b""), &[format!("{file}: cannot read this file: no such file")]);
    }
}

#[test]
fn a_folder_instead_of_a_file() {
    let folder = repo("content/examples");
    assert_fails(&readiness(&["score", &folder], b""), &[format!("{folder}: cannot read this file: it is a folder, not a file")]);
}

#[test]
fn a_file_that_is_not_utf8() {
    let file = scratch("latin1.json", b"{\"title\": \"caf\xe9\"}");
    assert_fails(&readiness(&["score", &file], b""), &[format!("{file}: not UTF-8 text (the byte at offset 14 is not valid)")]);
    assert_fails(&readiness(&["validate", "-"], b"\xff\xfe"), &["-: not UTF-8 text (the byte at offset 0 is not valid)".to_owned()]);
}

#[test]
fn a_broken_export() {
    let file = scratch("broken.json", br#"{"format": "readiness-assessment", "version": 1, "framework": {"id": "rethinking-childrens-social-work", "version": "1.0"}, "answers": {"shared-practice-theory": {"value": 7}, "case-recording": {"value": 2}}}"#);
    let expected = [
        format!("{file}: answers.case-recording.value: expected \"yes\", \"partly\", \"no\" or \"not-sure\", found a number"),
        format!("{file}: answers.shared-practice-theory.value: 7 is out of range: expected a whole number from 0 to 4"),
        format!("{file}: 2 problems found"),
    ];
    for command in ["score", "validate", "csv", "report"] {
        assert_fails(&readiness(&[command, &file], b""), &expected);
    }
}

#[test]
fn a_truncated_export() {
    let text = std::fs::read_to_string(repo("content/examples/worked-example.json")).expect("readable");
    let run = readiness(&["score", "-"], &text.as_bytes()[..100]);
    assert_fails(
        &run,
        &["-: not valid JSON at line 5, column 29: the text ends too soon: it may have been cut off".to_owned(), "-: 1 problem found".to_owned()],
    );
}

#[test]
fn a_broken_framework_given_with_framework() {
    let framework = repo("content/test-frameworks/unknown-support-type.toml");
    let run = readiness(&["score", &repo("content/examples/worked-example.json"), "--framework", &framework], b"");
    assert_fails(&run, &[format!("{framework}: items[3].points_to[1].support: unknown support type 'training'"), format!("{framework}: 1 problem found")]);
    let several = repo("content/test-frameworks/several-problems.toml");
    let run = readiness(&["validate", &several], b"");
    assert_eq!(run.code, Some(1));
    assert_eq!(run.stdout, "");
    assert_eq!(run.stderr.lines().count(), 8, "seven problems and the count: {}", run.stderr);
    assert_eq!(run.stderr.lines().last(), Some(format!("{several}: 7 problems found").as_str()));
    let missing = repo("content/test-frameworks/no-such-framework.toml");
    let run = readiness(&["score", &repo("content/examples/worked-example.json"), "-f", &missing], b"");
    assert_fails(&run, &[format!("{missing}: cannot read this file: no such file")]);
}

#[test]
fn an_export_for_the_bundled_framework_against_a_different_framework() {
    let framework = repo("content/test-frameworks/valid-minimal.toml");
    let export = repo("content/examples/worked-example.json");
    let run = readiness(&["score", &export, "--framework", &framework], b"");
    assert_fails(
        &run,
        &[
            format!("{export}: framework.id: these answers are for the framework 'rethinking-childrens-social-work', not 'minimal'"),
            format!("{export}: 1 problem found"),
        ],
    );
}

#[test]
fn a_framework_file_given_to_score() {
    let file = repo("content/test-frameworks/valid-minimal.toml");
    let run = readiness(&["score", &file], b"");
    assert_fails(&run, &[format!("{file}: not valid JSON at line 1, column 1: expected value"), format!("{file}: 1 problem found")]);
}

// ---------------------------------------------------------------------------------------
// Usage: exit 2

#[test]
fn bad_usage() {
    let cases: [(&[&str], &str); 16] = [
        (&[], "readiness: no command given"),
        (&["frobnicate"], "readiness: unknown command 'frobnicate'"),
        (&["score"], "readiness: 'score' needs a file"),
        (&["validate", "a.json", "b.json"], "readiness: 'validate' takes one file; 'b.json' is one too many"),
        (&["score", "a.json", "--verbose"], "readiness: unknown option '--verbose'"),
        (&["score", "a.json", "--framework"], "readiness: --framework needs a file name"),
        (&["score", "-x"], "readiness: unknown option '-x'"),
        (&["csv"], "readiness: 'csv' needs a file"),
        (&["report", "a.json", "b.json"], "readiness: 'report' takes one file; 'b.json' is one too many"),
        (&["report", "a.json", "--format", "html"], "readiness: unknown option '--format'"),
        (&["aggregate"], "readiness: 'aggregate' needs at least one file"),
        (&["aggregate", "a.json", "--format", "html"], "readiness: unknown format 'html': use csv or json"),
        (&["aggregate", "a.json", "--format"], "readiness: --format needs csv or json"),
        (&["aggregate", "-", "a.json", "-"], "readiness: standard input (-) can be read only once"),
        (&["aggregate", "a.json", "--verbose"], "readiness: unknown option '--verbose'"),
        (&["aggregate", "--framework", "-", "-"], "readiness: standard input (-) can be read only once"),
    ];
    for (args, message) in cases {
        let run = readiness(args, b"");
        assert_eq!(run.code, Some(2), "{args:?}: {run:?}");
        assert_eq!(run.stdout, "", "{args:?}");
        assert_eq!(run.stderr, format!("{message}\nTry 'readiness help' for usage.\n"), "{args:?}");
    }
}

#[test]
fn help_and_version() {
    for args in [&["help"][..], &["--help"], &["-h"], &["score", "--help"], &["csv", "--help"], &["report", "-h"], &["aggregate", "a.json", "--help"]] {
        let run = readiness(args, b"");
        assert_eq!(run.code, Some(0), "{args:?}");
        assert!(run.stdout.starts_with("readiness: score, validate and report on readiness self-assessment files\n"), "{args:?}: {}", run.stdout);
        for usage in [
            "readiness score FILE [--framework F]",
            "readiness csv FILE [--framework F]",
            "readiness report FILE [--framework F]",
            "readiness aggregate FILE... [--format csv|json] [--keep-duplicates] [--framework F]",
        ] {
            assert!(run.stdout.contains(usage), "{usage}");
        }
    }
    let run = readiness(&["--version"], b"");
    assert_eq!((run.code, run.stdout.as_str()), (Some(0), concat!("readiness ", env!("CARGO_PKG_VERSION"), "\n")));
}

/// A file name that is not UTF-8 (possible on Linux) makes `std::env::args()` in main.rs
/// panic before any of the program's own checks run.
#[cfg(unix)]
#[test]
fn an_argument_that_is_not_utf8() {
    use std::os::unix::ffi::OsStrExt;
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9.json");
    let output = Command::new(env!("CARGO_BIN_EXE_readiness")).arg("score").arg(name).output().expect("the binary starts");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(matches!(output.status.code(), Some(1 | 2)), "{:?}: {stderr}", output.status);
    assert!(output.stdout.is_empty());
}

/// `validate` takes any file whose text does not start with `{` for a TOML framework, even a
/// `.json` file: an empty or damaged export is then reported as a TOML framework with a
/// dozen missing fields, and an export that starts with a byte order mark (which `score`
/// reads) fails as bad TOML.
#[test]
fn validate_reads_json_files_as_json() {
    let empty = scratch("empty.json", b"");
    assert_fails(
        &readiness(&["validate", &empty], b""),
        &[format!("{empty}: not valid JSON at line 1, column 0: the text ends too soon: it may have been cut off"), format!("{empty}: 1 problem found")],
    );
    let mut text = "\u{feff}".as_bytes().to_vec();
    text.extend(std::fs::read(repo("content/examples/worked-example.json")).expect("readable"));
    let with_bom = scratch("bom.json", &text);
    assert_eq!(readiness(&["score", &with_bom], b"").code, Some(0), "score reads it");
    let run = readiness(&["validate", &with_bom], b"");
    assert_eq!(run.code, Some(0), "{run:?}");
}
