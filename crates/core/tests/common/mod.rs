//! Helpers shared by the core's integration tests: reading repository files, writing answer
//! sets in a compact notation, and rendering results as `key: value` lines for data-driven
//! checks.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::PathBuf;

use readiness_core::framework::ItemKind;
use readiness_core::score::{self, Results};
use readiness_core::{Answer, Assessment, Choice, Framework, FrameworkRef, Rating, Ratio, Value, matching};

/// A path inside the repository.
pub fn repo_path(relative: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..").join(relative)
}

/// The text of a file inside the repository.
pub fn repo_file(relative: &str) -> String {
    let path = repo_path(relative);
    std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("reading {}: {error}", path.display()))
}

/// An empty assessment against `framework`.
pub fn empty(framework: &Framework) -> Assessment {
    Assessment { framework: FrameworkRef { id: framework.id.clone(), version: framework.version.clone() }, ..Assessment::default() }
}

/// Builds an assessment from a compact notation, one line per section or item:
///
/// ```text
/// tools-practice: 2 2 ? - 4! 0     one token per item of the section, in order
/// workforce-structure: 3*          the same answer for every item of the section
/// case-recording: yes!             one item
/// ```
///
/// Tokens: `0`..`4` a level, `?` "Not sure" (either scale), `yes` `partly` `no` `not-sure` a
/// challenge answer, `-` no answer; a trailing `!` flags the item as a priority. A vision item
/// takes the rest of its line as its text.
pub fn answers(framework: &Framework, spec: &str) -> Assessment {
    let mut assessment = empty(framework);
    for line in spec.lines().map(str::trim).filter(|line| !line.is_empty()) {
        let (name, rest) = line.split_once(':').unwrap_or_else(|| panic!("no ':' in {line:?}"));
        let (name, rest) = (name.trim(), rest.trim());
        if let Some(section) = framework.section(name) {
            let tokens: Vec<&str> = rest.split_whitespace().collect();
            let tokens: Vec<&str> = match tokens.as_slice() {
                [all] if all.ends_with('*') => vec![all.trim_end_matches('*'); section.items.len()],
                _ => tokens,
            };
            assert_eq!(tokens.len(), section.items.len(), "{name} has {} items: {line:?}", section.items.len());
            for (&position, token) in section.items.iter().zip(tokens) {
                set(&mut assessment, framework, position, token);
            }
        } else {
            let position = framework.item_position(name).unwrap_or_else(|| panic!("no section or item {name:?}"));
            if framework.items[position].kind == ItemKind::Text {
                let answer = Answer { value: Some(Value::Text(rest.to_owned())), ..Answer::default() };
                assessment.answers.insert(framework.items[position].id.clone(), answer);
            } else {
                set(&mut assessment, framework, position, rest);
            }
        }
    }
    assessment
}

fn set(assessment: &mut Assessment, framework: &Framework, position: usize, token: &str) {
    let item = &framework.items[position];
    let (token, priority) = match token.strip_suffix('!') {
        Some(token) => (token, true),
        None => (token, false),
    };
    let value = match (item.kind, token) {
        (_, "-") => None,
        (ItemKind::Rating, "?") => Some(Value::Rating(Rating::NotSure)),
        (ItemKind::Rating, level) => Some(Value::Rating(Rating::Level(level.parse().unwrap_or_else(|_| panic!("{} takes a level, not {level:?}", item.id))))),
        (ItemKind::Choice, "?") => Some(Value::Choice(Choice::NotSure)),
        (ItemKind::Choice, choice) => Some(Value::Choice(Choice::from_id(choice).unwrap_or_else(|| panic!("{} takes a choice, not {choice:?}", item.id)))),
        (ItemKind::Text, text) => Some(Value::Text(text.to_owned())),
    };
    let answer = Answer { value, note: String::new(), priority };
    if answer.is_empty() {
        assessment.answers.remove(&item.id);
    } else {
        assessment.answers.insert(item.id.clone(), answer);
    }
}

/// An exact percent as text: "50" when whole, else the fraction in lowest terms ("2200/57").
pub fn ratio_text(ratio: Ratio) -> String {
    if ratio.denominator() == 1 { ratio.numerator().to_string() } else { ratio.to_string() }
}

fn maybe_ratio_text(ratio: Option<Ratio>) -> String {
    ratio.map_or_else(|| "none".to_owned(), ratio_text)
}

fn item_list(framework: &Framework, positions: &[usize]) -> String {
    if positions.is_empty() {
        return "-".to_owned();
    }
    positions.iter().map(|&position| framework.items[position].id.as_str()).collect::<Vec<_>>().join(" ")
}

/// An amount kept in eighths, as a decimal ("4.5").
fn eighths(amount: u64) -> String {
    (amount as f64 / 8.0).to_string()
}

/// Every figure the results hold, keyed as the `check` helpers expect:
///
/// - `<section id>`: the section's percent (exact, or `none`); `<section id> counts`: its counts
/// - `maturity`, `readiness`, `completeness`: exact percents; `answered`: "n of m"
/// - `provisional`, `profile`
/// - `strengths`, `gaps`, `opportunities`, `evidence gaps`: item ids in order, or `-`
/// - `suggested`, `ranking`: support type ids in order, or `-`
/// - `need <support>`, `max <support>`: Σ need × weight and its largest value, as decimals;
///   `match <support>`: the exact percent; `reasons <support>`: the reasons joined by " | "
pub fn render(framework: &Framework, assessment: &Assessment) -> BTreeMap<String, String> {
    let results = score::score(framework, assessment);
    render_results(framework, assessment, &results)
}

/// [`render`] for results already worked out.
pub fn render_results(framework: &Framework, assessment: &Assessment, results: &Results) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for (position, section) in framework.sections.iter().enumerate() {
        let score = results.section(position);
        out.insert(section.id.to_string(), maybe_ratio_text(score.percent));
        out.insert(
            format!("{} counts", section.id),
            format!("scored {}, not sure {}, answered {} of {}, sum {}", score.n_scored, score.n_not_sure, score.n_answered, score.n_items, score.sum),
        );
    }
    out.insert("maturity".into(), maybe_ratio_text(results.maturity));
    out.insert("readiness".into(), maybe_ratio_text(results.readiness));
    out.insert("completeness".into(), ratio_text(results.completeness));
    out.insert("answered".into(), format!("{} of {}", results.n_answered, results.n_scorable));
    out.insert("provisional".into(), results.provisional.to_string());
    out.insert("profile".into(), results.profile.map_or("none", |profile| profile.id()).to_owned());
    out.insert("strengths".into(), item_list(framework, &results.strengths));
    out.insert("gaps".into(), item_list(framework, &results.gaps));
    out.insert("opportunities".into(), item_list(framework, &results.opportunities));
    out.insert("evidence gaps".into(), item_list(framework, &results.evidence_gaps));
    let support_id = |position: usize| framework.support_types[position].id.to_string();
    let suggested: Vec<String> = results.suggested().map(|support| support_id(support.support)).collect();
    out.insert("suggested".into(), if suggested.is_empty() { "-".to_owned() } else { suggested.join(" ") });
    out.insert("ranking".into(), results.supports.iter().map(|support| support_id(support.support)).collect::<Vec<_>>().join(" "));
    for support in &results.supports {
        let id = support_id(support.support);
        out.insert(format!("need {id}"), eighths(support.need));
        out.insert(format!("max {id}"), eighths(support.max));
        out.insert(format!("match {id}"), ratio_text(support.percent()));
        let reasons: Vec<String> =
            support.reasons.iter().map(|reason| matching::describe_answer(framework, assessment, &framework.items[reason.item])).collect();
        out.insert(format!("reasons {id}"), if reasons.is_empty() { "-".to_owned() } else { reasons.join(" | ") });
    }
    out
}

/// Scores `spec` (see [`answers`]) against `framework` and compares the figures named in
/// `expected`, one `key: value` per line (see [`render`] for the keys). Reports every
/// mismatch at once.
pub fn check_with(framework: &Framework, spec: &str, expected: &str) {
    let assessment = answers(framework, spec);
    let rendered = render(framework, &assessment);
    let mut mismatches = Vec::new();
    let mut n_checked = 0;
    for line in expected.lines().map(str::trim).filter(|line| !line.is_empty()) {
        let (key, want) = line.split_once(": ").unwrap_or_else(|| panic!("expected lines are 'key: value', not {line:?}"));
        n_checked += 1;
        match rendered.get(key) {
            Some(got) if got == want => {}
            Some(got) => mismatches.push(format!("  {key}:\n    expected {want}\n    found    {got}")),
            None => mismatches.push(format!("  {key}: no such figure")),
        }
    }
    assert!(n_checked > 0, "a check must compare something");
    assert!(mismatches.is_empty(), "for answers\n{spec}\nmismatches:\n{}", mismatches.join("\n"));
}
