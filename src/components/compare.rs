//! Two assessments side by side: the headline figures before and after with the change in
//! words, the sections as paired bars (hatched before, solid after, each labelled in words)
//! followed by their table, every item's answer before and after, and the support suggested
//! each time. Everything comes from `readiness_core::compare::compare`; headings start at h2,
//! since the page owns the h1.

use readiness_core::compare::{COMPARE_WIDTH, Comparison, FigureChange, PairedBar, PairedBarChart, Period, SuggestedSupport, SupportStatus};
use readiness_core::view;
use yew::prelude::*;

fn n(value: f64) -> String {
    view::decimal(value, 2)
}

/// Properties of the comparison.
#[derive(Properties, PartialEq)]
pub struct ComparisonProps {
    /// The comparison, worked out by the core.
    pub comparison: Comparison,
    /// The earlier assessment's name.
    pub before_name: AttrValue,
    /// The later assessment's name.
    pub after_name: AttrValue,
}

/// A comparison of an earlier and a later assessment.
#[component]
pub fn ComparisonView(props: &ComparisonProps) -> Html {
    let comparison = &props.comparison;
    let (before_name, after_name) = (props.before_name.to_string(), props.after_name.to_string());
    html! {
        <div class="rc-compare">
            <dl class="rc-summary-list rc-compare__names">
                { name_row("Before", &before_name, &comparison.before_completeness_text, comparison.before_provisional) }
                { name_row("After", &after_name, &comparison.after_completeness_text, comparison.after_provisional) }
            </dl>

            <h2 class="rc-heading-l">{ "Headline figures" }</h2>
            <div class="rc-compare__table" role="region" aria-labelledby="compare-headline" tabindex="0">
                <table class="rc-table">
                    <caption id="compare-headline" class="rc-table__caption rc-visually-hidden">{ "Practice maturity, innovation readiness, completeness and profile, before and after" }</caption>
                    { head("Measure") }
                    <tbody class="rc-table__body">
                        { for comparison.headline().into_iter().map(figure_row) }
                        <tr class="rc-table__row" key="profile">
                            <th scope="row" class="rc-table__header">{ "Profile" }</th>
                            <td class="rc-table__cell rc-table__cell--numeric">{ comparison.profile.before_text.clone() }</td>
                            <td class="rc-table__cell rc-table__cell--numeric">{ comparison.profile.after_text.clone() }</td>
                            <td class="rc-table__cell">{ comparison.profile.change_text.clone() }</td>
                        </tr>
                    </tbody>
                </table>
            </div>

            <h2 class="rc-heading-l">{ "Scores by section" }</h2>
            <PairedBars chart={comparison.chart.clone()} before_name={props.before_name.clone()} after_name={props.after_name.clone()} />
            <div class="rc-compare__table" role="region" aria-labelledby="compare-sections" tabindex="0">
                <table class="rc-table">
                    <caption id="compare-sections" class="rc-table__caption rc-table__caption--m">{ "Scores by section, before and after" }</caption>
                    { head("Section") }
                    <tbody class="rc-table__body">
                        { for comparison.sections.iter().map(figure_row) }
                    </tbody>
                </table>
            </div>

            <h2 class="rc-heading-l">{ "What changed, item by item" }</h2>
            <ul class="rc-list rc-compare__counts">
                { for comparison.counts.lines().into_iter().enumerate().filter(|(index, (_, count))| *index < 3 || *count > 0).map(|(_, (label, count))| html! {
                    <li key={label}><strong>{ label }</strong>{ format!(": {count} {}", if count == 1 { "item" } else { "items" }) }</li>
                }) }
            </ul>
            <div class="rc-compare__table" role="region" aria-labelledby="compare-items" tabindex="0">
                <table class="rc-table rc-compare__items">
                    <caption id="compare-items" class="rc-table__caption rc-visually-hidden">{ "Every rated statement and challenge question, before and after" }</caption>
                    <thead class="rc-table__head">
                        <tr class="rc-table__row">
                            <th scope="col" class="rc-table__header">{ "Item" }</th>
                            <th scope="col" class="rc-table__header">{ "Before" }</th>
                            <th scope="col" class="rc-table__header">{ "After" }</th>
                            <th scope="col" class="rc-table__header">{ "Change" }</th>
                        </tr>
                    </thead>
                    <tbody class="rc-table__body">
                        { for comparison.items.iter().map(|item| html! {
                            <tr class="rc-table__row" key={item.id.clone()}>
                                <th scope="row" class="rc-table__header">{ item.label.clone() }<span class="rc-hint rc-body-s rc-compare__section">{ item.section.clone() }</span></th>
                                <td class="rc-table__cell">{ item.before.clone() }</td>
                                <td class="rc-table__cell">{ item.after.clone() }</td>
                                <td class="rc-table__cell">{ item.direction.label() }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>

            <h2 class="rc-heading-l">{ "Suggested support" }</h2>
            <p class="rc-body">{ "The support types suggested by each assessment, best match first. ‘New’ marks one suggested now and not before; ‘No longer suggested’ marks one suggested before and not now. A support type can join or leave the list because others match more or less strongly, so each shows its match at the other time too." }</p>
            <div class="rc-grid-row">
                <div class="rc-grid-column-one-half">
                    { support_list("Before", &before_name, &comparison.supports_before, "now") }
                </div>
                <div class="rc-grid-column-one-half">
                    { support_list("After", &after_name, &comparison.supports_after, "was") }
                </div>
            </div>
        </div>
    }
}

fn name_row(period: &str, name: &str, completeness: &str, provisional: bool) -> Html {
    html! {
        <div class="rc-summary-list__row rc-summary-list__row--no-actions">
            <dt class="rc-summary-list__key">{ period.to_owned() }</dt>
            <dd class="rc-summary-list__value">
                { name.to_owned() }
                if provisional { { " " }<strong class="rc-tag rc-tag--provisional">{ "Provisional" }</strong> }
                <span class="rc-hint rc-body-s rc-compare__completeness">{ completeness.to_owned() }</span>
            </dd>
        </div>
    }
}

fn head(first: &str) -> Html {
    html! {
        <thead class="rc-table__head">
            <tr class="rc-table__row">
                <th scope="col" class="rc-table__header">{ first.to_owned() }</th>
                <th scope="col" class="rc-table__header rc-table__header--numeric">{ "Before" }</th>
                <th scope="col" class="rc-table__header rc-table__header--numeric">{ "After" }</th>
                <th scope="col" class="rc-table__header">{ "Change" }</th>
            </tr>
        </thead>
    }
}

fn figure_row(figure: &FigureChange) -> Html {
    html! {
        <tr class="rc-table__row" key={figure.key.clone()}>
            <th scope="row" class="rc-table__header">{ figure.label.clone() }</th>
            <td class="rc-table__cell rc-table__cell--numeric">{ figure.before_text.clone() }</td>
            <td class="rc-table__cell rc-table__cell--numeric">{ figure.after_text.clone() }</td>
            <td class="rc-table__cell">{ figure.change_text.clone() }</td>
        </tr>
    }
}

/// One of the two lists of suggestions; `other_word` introduces the match in the other
/// assessment ("now 4.4% match", "was 22.7% match").
fn support_list(period: &str, name: &str, supports: &[SuggestedSupport], other_word: &str) -> Html {
    html! {
        <>
            <h3 class="rc-heading-m">{ format!("{period}: {name}") }</h3>
            if supports.is_empty() {
                <p class="rc-body">{ "No support type was suggested." }</p>
            } else {
                <ol class="rc-list rc-compare__supports">
                    { for supports.iter().map(|support| html! {
                        <li key={support.id.clone()}>
                            <strong>{ support.name.clone() }</strong>{ format!(": {} match", support.percent_text) }
                            if let Some(tag) = support.status.tag() {
                                { " " }
                                <strong class={classes!("rc-tag", if support.status == SupportStatus::New { "rc-tag--blue" } else { "rc-tag--grey" })}>{ tag }</strong>
                                <span class="rc-hint rc-body-s rc-compare__other">{ format!("{other_word} {} match", support.other_percent_text) }</span>
                            }
                        </li>
                    }) }
                </ol>
            }
        </>
    }
}

/// Properties of the paired bar chart.
#[derive(Properties, PartialEq)]
pub struct PairedBarsProps {
    /// The geometry.
    pub chart: PairedBarChart,
    /// The earlier assessment's name, for the legend.
    pub before_name: AttrValue,
    /// The later assessment's name, for the legend.
    pub after_name: AttrValue,
}

/// The domains and readiness as pairs of bars: hatched before, solid after, each labelled in
/// words and with its value printed beside it.
#[component]
pub fn PairedBars(props: &PairedBarsProps) -> Html {
    let chart = &props.chart;
    let bottom = chart.height - 4.0;
    let middle = |bar: &PairedBar| n(bar.y + chart.bar_height / 2.0 + 5.0);
    let shape = |bar: &PairedBar| {
        if bar.percent.is_none() {
            return Html::default();
        }
        let (x, y, width, height) = (n(chart.left), n(bar.y), n(bar.length.max(1.0)), n(chart.bar_height));
        match bar.period {
            Period::Before => html! { <rect class="rc-compare__bar rc-compare__bar--before" fill="url(#rc-compare-hatch)" {x} {y} {width} {height} /> },
            Period::After => html! { <rect class="rc-chart__bar rc-compare__bar rc-compare__bar--after" {x} {y} {width} {height} /> },
        }
    };
    let words = |bar: &PairedBar| {
        html! {
            <>
                <text class="rc-compare__period" x={n(chart.left - 8.0)} y={middle(bar)} text-anchor="end">{ bar.period.label() }</text>
                if bar.percent.is_some() {
                    <text class="rc-chart__value rc-compare__halo" x={n(chart.left + bar.length + 8.0)} y={middle(bar)}>{ bar.value_text.clone() }</text>
                } else {
                    <text class="rc-chart__missing rc-compare__halo" x={n(chart.left + 4.0)} y={middle(bar)}>{ bar.value_text.clone() }</text>
                }
            </>
        }
    };
    html! {
        <figure class="rc-chart rc-compare__chart">
            <svg class="rc-chart__svg rc-compare__svg" viewBox={format!("0 0 {} {}", n(COMPARE_WIDTH), n(chart.height))} role="img" aria-labelledby="compare-title compare-desc" focusable="false">
                <title id="compare-title">{ "Scores by section before and after, percent" }</title>
                <desc id="compare-desc">{ format!("Before: {}. After: {}. {}.", props.before_name, props.after_name, chart.description) }</desc>
                <defs>
                    <pattern id="rc-compare-hatch" patternUnits="userSpaceOnUse" width="8" height="8" patternTransform="rotate(45)">
                        <line class="rc-compare__hatch" x1="0" y1="0" x2="0" y2="8" />
                    </pattern>
                </defs>
                { for chart.ticks.iter().map(|(x, label)| html! {
                    <g key={label.clone()}>
                        <line class="rc-chart__grid" x1={n(*x)} x2={n(*x)} y1="20" y2={n(bottom - 14.0)} />
                        <text class="rc-chart__tick" x={n(*x)} y={n(bottom)} text-anchor="middle">{ label.clone() }</text>
                    </g>
                }) }
                { for chart.rows.iter().map(|row| html! {
                    <g key={format!("{}-bars", row.key)}>{ shape(&row.before) }{ shape(&row.after) }</g>
                }) }
                <line class="rc-chart__cut" x1={n(chart.cut_x)} x2={n(chart.cut_x)} y1="20" y2={n(bottom - 14.0)} />
                // The words go over the lines, each with a halo, so that no line crosses them.
                { for chart.rows.iter().map(|row| html! {
                    <g key={format!("{}-words", row.key)}>
                        <text class="rc-chart__bar-label rc-compare__halo" x="8" y={n(row.label_y)}>{ row.label.clone() }</text>
                        { words(&row.before) }
                        { words(&row.after) }
                    </g>
                }) }
            </svg>
            <figcaption class="rc-chart__caption rc-body-s">
                <ul class="rc-list rc-compare__legend">
                    <li class="rc-compare__legend-item"><span class="rc-compare__key rc-compare__key--before" aria-hidden="true"></span>{ format!("Hatched bars, labelled ‘Before’: {}", props.before_name) }</li>
                    <li class="rc-compare__legend-item"><span class="rc-compare__key rc-compare__key--after" aria-hidden="true"></span>{ format!("Solid bars, labelled ‘After’: {}", props.after_name) }</li>
                </ul>
                { format!("Each bar is a section's percent of the highest possible score. The dashed line marks {}. The table below gives the same figures.", chart.cut_text) }
            </figcaption>
        </figure>
    }
}
