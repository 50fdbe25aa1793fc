//! Every named answer set in content/examples/ has golden results beside it
//! (`<name>.results.json`, what `readiness score` prints). The golden results were worked out
//! by tests/independent_results.py from the rules and tables of framework.md, not copied from
//! this program, so a disagreement here is a disagreement between the two.

use std::path::PathBuf;

use readiness_core::Framework;
use readiness_core::codec::export;
use serde_json::Value;

fn examples_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../content/examples")
}

fn read(name: &str) -> String {
    let path = examples_dir().join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("reading {}: {error}", path.display()))
}

/// The results the program gives for an example, as `readiness score` prints them.
fn results(name: &str) -> Value {
    let framework = Framework::bundled();
    let assessment = export::decode(&read(&format!("{name}.json")), &framework).unwrap_or_else(|problems| panic!("{name}: {problems:?}"));
    readiness_cli::results_json(&framework, &assessment)
}

fn golden(name: &str) -> Value {
    serde_json::from_str(&read(&format!("{name}.results.json"))).unwrap_or_else(|error| panic!("{name}.results.json: {error}"))
}

/// The names of the answer sets: every `.json` file that is not a results file.
fn answer_sets() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(examples_dir())
        .expect("content/examples")
        .map(|entry| entry.expect("a directory entry").file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".json") && !name.ends_with(".results.json"))
        .map(|name| name.trim_end_matches(".json").to_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn every_answer_set_has_golden_results_that_hold() {
    let names = answer_sets();
    for expected in ["worked-example", "golden-export-v1", "lay-the-foundations", "ready-to-redesign", "strong-practice", "provisional-half-done", "on-the-cut"]
    {
        assert!(names.iter().any(|name| name == expected), "{expected} is missing from content/examples");
    }
    for name in &names {
        // serde_json parses floats to within a unit in the last place, not always exactly, so
        // both sides go through the same printing and parsing before they are compared.
        let found: Value = serde_json::from_str(&results(name).to_string()).expect("JSON");
        let golden = golden(name);
        if found != golden {
            let found_text = serde_json::to_string_pretty(&found).unwrap_or_default();
            panic!("{name}: the results differ from {name}.results.json; the program gives:\n{found_text}");
        }
    }
}

#[test]
fn golden_results_are_what_readiness_score_prints_byte_for_byte() {
    for name in answer_sets() {
        let mut printed = serde_json::to_string_pretty(&results(&name)).expect("JSON");
        printed.push('\n');
        assert_eq!(printed, read(&format!("{name}.results.json")), "{name}");
    }
}

/// The headline figures, one line per set, so that a change in them is visible here as well as
/// in a golden file: profile, provisional, maturity, readiness and the first suggestion.
#[test]
fn headline_figures() {
    let headline = |name: &str| {
        let results = results(name);
        let first = results["supports"].as_array().and_then(|supports| supports.first()).map(|support| support["id"].clone()).unwrap_or(Value::Null);
        format!("{} {} {} {} {}", results["profile"], results["provisional"], results["maturity"], results["readiness"], first)
    };
    let table = [
        ("worked-example", r#""lead-and-spread" false 50.0 75.0 "delivery-model-assessment""#),
        ("lay-the-foundations", r#""lay-the-foundations" false 19.841269841269842 15.0 "regulator-dialogue""#),
        ("ready-to-redesign", r#""ready-to-redesign" false 40.625 75.0 "statutory-exemption""#),
        ("strong-practice", r#""strong-practice-build-the-case" false 83.68055555555556 30.0 "partnership-brokerage""#),
        ("provisional-half-done", r#"null true null 54.166666666666664 "management-capacity-funding""#),
        ("on-the-cut", r#""lead-and-spread" false 50.0 50.0 "management-capacity-funding""#),
    ];
    for (name, expected) in table {
        assert_eq!(headline(name), expected, "{name}");
    }
}

#[test]
fn suggestions_of_the_named_sets() {
    let suggested = |name: &str| -> Vec<String> {
        results(name)["supports"]
            .as_array()
            .expect("a list")
            .iter()
            .filter(|support| support["suggested"] == Value::Bool(true))
            .map(|support| support["id"].as_str().unwrap_or_default().to_owned())
            .collect()
    };
    assert_eq!(
        suggested("lay-the-foundations"),
        ["regulator-dialogue", "delivery-model-assessment", "statutory-exemption", "case-tracking-funding", "training-funding", "structural-evaluation"]
    );
    assert_eq!(
        suggested("ready-to-redesign"),
        ["statutory-exemption", "delivery-model-assessment", "training-funding", "structural-evaluation", "regulator-dialogue", "case-tracking-funding"]
    );
    // regulator-dialogue and leadership-assurance match exactly 25 %, and are suggested.
    assert_eq!(suggested("strong-practice"), ["partnership-brokerage", "regulator-dialogue", "leadership-assurance"]);
    assert_eq!(suggested("provisional-half-done"), ["management-capacity-funding", "case-tracking-funding"]);
}
