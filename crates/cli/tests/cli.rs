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
    let cases: [(&[&str], &str); 10] = [
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
    for args in [&["help"][..], &["--help"], &["-h"], &["score", "--help"], &["csv", "--help"], &["report", "-h"]] {
        let run = readiness(args, b"");
        assert_eq!(run.code, Some(0), "{args:?}");
        assert!(run.stdout.starts_with("readiness: score, validate and report on readiness self-assessment files\n"), "{args:?}: {}", run.stdout);
        for usage in ["readiness score FILE [--framework F]", "readiness csv FILE [--framework F]", "readiness report FILE [--framework F]"] {
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
