//! Renders the comparison of two assessments natively with Yew's server renderer and checks
//! what it shows: the headline figures before and after with the change in words, the paired
//! bars with their words and values, the item table and its counts, the suggestions with their
//! tags, and that names are text.

#![cfg(not(target_arch = "wasm32"))]

use readiness::components::compare::{ComparisonProps, ComparisonView};
use readiness_core::codec::export;
use readiness_core::compare::{self, Comparison};
use readiness_core::{Assessment, Framework};
use yew::LocalServerRenderer;

fn example(framework: &Framework, name: &str) -> Assessment {
    let path = format!("{}/content/examples/{name}.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("reading {path}: {error}"));
    export::decode(&text, framework).unwrap_or_else(|problems| panic!("{name}: {problems:?}"))
}

fn between(before: &str, after: &str) -> Comparison {
    let framework = Framework::bundled();
    compare::compare(&framework, &example(&framework, before), &example(&framework, after))
}

async fn render(comparison: Comparison, before_name: &str, after_name: &str) -> String {
    let props = ComparisonProps { comparison, before_name: before_name.to_owned().into(), after_name: after_name.to_owned().into() };
    LocalServerRenderer::<ComparisonView>::with_props(props).hydratable(false).render().await
}

fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

/// A table row of a measure and its before, after and change.
fn figure_row(label: &str, before: &str, after: &str, change: &str) -> String {
    format!(
        r#"<th scope="row" class="rc-table__header">{label}</th><td class="rc-table__cell rc-table__cell--numeric">{before}</td><td class="rc-table__cell rc-table__cell--numeric">{after}</td><td class="rc-table__cell">{change}</td>"#
    )
}

#[tokio::test]
async fn headline_figures_before_after_and_change() {
    let html = render(between("worked-example", "strong-practice"), "Baseline 2025", "Review 2026").await;
    assert!(!html.contains("<h1"), "the page owns the h1");
    assert!(html.contains(r#"<h2 class="rc-heading-l">Headline figures</h2>"#));
    assert!(html.contains(r#"<th scope="col" class="rc-table__header rc-table__header--numeric">Before</th>"#));
    assert!(html.contains(r#"<th scope="col" class="rc-table__header">Change</th>"#));
    assert!(html.contains(&figure_row("Practice maturity", "50%", "83.7%", "Up 33.7 points")));
    assert!(html.contains(&figure_row("Innovation readiness", "75%", "30%", "Down 45 points")));
    assert!(html.contains(&figure_row("Completeness", "100%", "100%", "No change")));
    assert!(html.contains(&figure_row("Profile", "Lead and spread", "Strong practice, build the case", "Changed")));
    assert!(html.contains("Baseline 2025") && html.contains("Review 2026"));
    assert!(!html.contains("Provisional"), "both assessments are complete");
    assert!(html.contains("37 of 37 questions answered (100%)"));
}

#[tokio::test]
async fn paired_bars_are_told_apart_without_colour() {
    let html = render(between("worked-example", "strong-practice"), "Baseline 2025", "Review 2026").await;
    assert!(html.contains(r#"role="img" aria-labelledby="compare-title compare-desc""#));
    assert!(html.contains(r#"<title id="compare-title">Scores by section before and after, percent</title>"#));
    assert!(html.contains("Before: Baseline 2025. After: Review 2026. Tools and practice: before 50%, after 87.5%, up 37.5 points;"), "the description");
    // Four pairs: a hatched bar and a solid one, each with its word and value.
    assert_eq!(count(&html, r#"fill="url(#rc-compare-hatch)""#), 4);
    assert_eq!(count(&html, r#"class="rc-compare__bar rc-compare__bar--before""#), 4);
    assert_eq!(count(&html, r#"class="rc-chart__bar rc-compare__bar rc-compare__bar--after""#), 4);
    assert_eq!(count(&html, r#"<text x="64" y="45" text-anchor="end" class="rc-compare__period">Before</text>"#), 1);
    assert_eq!(count(&html, ">Before</text>"), 4);
    assert_eq!(count(&html, ">After</text>"), 4);
    // Tools and practice: 50% and 87.5% of a 512-unit plotting width starting at 72.
    assert!(html.contains(r#"<rect fill="url(#rc-compare-hatch)" x="72" y="28" width="256" height="24" class="rc-compare__bar rc-compare__bar--before">"#));
    assert!(html.contains(r#"<rect x="72" y="56" width="448" height="24" class="rc-chart__bar rc-compare__bar rc-compare__bar--after">"#));
    assert!(html.contains(r#"<text x="528" y="73" class="rc-chart__value rc-compare__halo">87.5%</text>"#));
    assert!(html.contains("Hatched bars, labelled ‘Before’: Baseline 2025"));
    assert!(html.contains("Solid bars, labelled ‘After’: Review 2026"));
    assert!(html.contains("The dashed line marks 50%."));
    // The table after the chart.
    assert!(html.contains("Scores by section, before and after"));
    assert!(html.contains(&figure_row("Environment, culture and values", "50%", "79.2%", "Up 29.2 points")));
    assert!(html.contains(&figure_row("Readiness for whole-system innovation", "75%", "30%", "Down 45 points")));
    assert!(!html.contains("style="), "no inline styles");
}

#[tokio::test]
async fn item_by_item_with_counts() {
    let html = render(between("worked-example", "strong-practice"), "Baseline 2025", "Review 2026").await;
    assert!(html.contains(r#"<h2 class="rc-heading-l">What changed, item by item</h2>"#));
    assert!(html.contains("<li><strong>Better</strong>: 19 items</li>"));
    assert!(html.contains("<li><strong>Worse</strong>: 10 items</li>"));
    assert!(html.contains("<li><strong>No change</strong>: 4 items</li>"));
    assert!(html.contains("<li><strong>Changed</strong>: 4 items</li>"));
    assert!(!html.contains("Newly answered</strong>"), "counts of none are left out beyond the first three");
    assert_eq!(count(&html, r#"<tr class="rc-table__row"><th scope="row" class="rc-table__header">"#), 37 + 4 + 4, "37 items, 4 headline rows, 4 sections");
    assert!(html.contains(concat!(
        r#"Shared theory of practice<span class="rc-hint rc-body-s rc-compare__section">Tools and practice</span></th>"#,
        r#"<td class="rc-table__cell">Developing (2)</td><td class="rc-table__cell">Embedded (4)</td><td class="rc-table__cell">Better</td>"#
    )));
    assert!(html.contains(r#"<td class="rc-table__cell">Mostly (3)</td><td class="rc-table__cell">Not sure</td><td class="rc-table__cell">Changed</td>"#));
    assert!(html.contains(r#"<td class="rc-table__cell">Mostly (3)</td><td class="rc-table__cell">Not yet (0)</td><td class="rc-table__cell">Worse</td>"#));
}

#[tokio::test]
async fn suggestions_before_and_after_with_tags_in_words() {
    let html = render(between("lay-the-foundations", "worked-example"), "Baseline 2025", "Review 2026").await;
    assert!(html.contains(r#"<h2 class="rc-heading-l">Suggested support</h2>"#));
    assert!(html.contains(r#"<h3 class="rc-heading-m">Before: Baseline 2025</h3>"#));
    assert!(html.contains(r#"<h3 class="rc-heading-m">After: Review 2026</h3>"#));
    assert_eq!(count(&html, r#"<ol class="rc-list rc-compare__supports">"#), 2);
    assert!(html.contains(concat!(
        r#"<strong>Dialogue with regulators</strong>: 67.9% match <strong class="rc-tag rc-tag--grey">No longer suggested</strong>"#,
        r#"<span class="rc-hint rc-body-s rc-compare__other">now 11.9% match</span>"#
    )));
    assert!(html.contains(r#"<strong>Learning sets</strong>: 31% match <strong class="rc-tag rc-tag--blue">New</strong>"#));
    assert!(html.contains("<strong>Delivery model assessment</strong>: 66.7% match</li>"), "still suggested: no tag");
    assert_eq!(count(&html, ">No longer suggested</strong>"), 3);
    assert_eq!(count(&html, ">New</strong>"), 3);
}

#[tokio::test]
async fn a_half_done_earlier_assessment() {
    let html = render(between("provisional-half-done", "worked-example"), "First go", "Finished").await;
    assert!(html.contains(r#"First go <strong class="rc-tag rc-tag--provisional">Provisional</strong>"#));
    assert!(html.contains("20 of 37 questions answered (54.1%)"));
    assert!(html.contains(&figure_row("Practice maturity", "Not enough answers", "50%", "Cannot compare: not enough answers")));
    assert!(html.contains(&figure_row("Profile", "Not enough answers", "Lead and spread", "Cannot compare: not enough answers")));
    assert!(html.contains(&figure_row("Completeness", "54.1%", "100%", "Up 45.9 points")));
    // Workforce and structure had no percent before: no hatched bar, the words instead.
    assert_eq!(count(&html, "rc-compare__bar--before"), 3);
    assert!(html.contains(r#"<text x="76" y="237" class="rc-chart__missing rc-compare__halo">Not enough answers</text>"#));
    assert!(html.contains("<li><strong>Newly answered</strong>: 17 items</li>"));
}

#[tokio::test]
async fn nothing_suggested_and_names_are_text() {
    let framework = Framework::bundled();
    let hostile = "<script>alert(1)</script>";
    let comparison = compare::compare(&framework, &Assessment::default(), &example(&framework, "worked-example"));
    let html = render(comparison, hostile, "After & more").await;
    assert!(html.contains("No support type was suggested."));
    assert!(!html.contains("<script>"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("After &amp; more"));
}
