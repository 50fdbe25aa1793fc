//! The results: maturity, readiness and completeness; the profile and its chart; the domains as
//! bars and a radar, each with its table; the suggested support types with their reasons;
//! strengths, gaps with case studies, opportunities and evidence gaps; the vision in the
//! authority's words. Everything comes from `readiness_core::view::results_view`.

use readiness_core::view::{self, ItemLine, ResultsView};
use yew::prelude::*;

use crate::components::charts::{DomainBars, ProfileQuadrants, RadarChart};
use crate::components::layout::{use_download_answers, use_download_as};
use crate::components::print::PrintReport;
use crate::state::{use_app, use_framework};

/// The results page.
#[component]
pub fn ResultsPage() -> Html {
    let state = use_app();
    let framework = use_framework();
    let view = use_memo((framework.clone(), state.session.assessment.clone()), |(framework, assessment)| view::results_view(framework, assessment));
    let download = use_download_answers();
    let print = Callback::from(|_| {
        let _ = gloo::utils::window().print();
    });
    let results = &view.results;
    let title = state.session.assessment.title.clone();
    let csv = use_download_as("csv", "text/csv;charset=utf-8", readiness_core::codec::csv::encode);
    let markdown = use_download_as("md", "text/markdown;charset=utf-8", readiness_core::codec::markdown::report);
    html! {
        <>
        <PrintReport view={view.clone()} />
        <div class="rc-results rc-screen-only">
            if !title.is_empty() {
                <span class="rc-caption-xl">{ title }</span>
            }
            <h1 class="rc-heading-xl" tabindex="-1">{ "Your results" }</h1>
            if results.provisional {
                <div class="rc-provisional-banner">
                    <p class="rc-body"><strong class="rc-tag rc-tag--provisional">{ "Provisional" }</strong></p>
                    <p class="rc-body"><strong>{ "These results are provisional. " }</strong>{ format!("{}. Answer at least 80% of the questions for final results.", view.completeness_text) }</p>
                    <p class="rc-body"><a class="rc-link" href="#/tasks">{ "Continue your assessment" }</a></p>
                </div>
            }
            <dl class="rc-figures">
                <div class="rc-figures__item">
                    <dt class="rc-figures__label">{ "Practice maturity" }</dt>
                    <dd class="rc-figures__value">{ view.maturity_text.clone() }</dd>
                    <dd class="rc-figures__note">{ "The mean of the three key-ingredient domains." }</dd>
                </div>
                <div class="rc-figures__item">
                    <dt class="rc-figures__label">{ "Innovation readiness" }</dt>
                    <dd class="rc-figures__value">{ view.readiness_text.clone() }</dd>
                    <dd class="rc-figures__note">{ "Readiness for whole-system innovation." }</dd>
                </div>
                <div class="rc-figures__item">
                    <dt class="rc-figures__label">{ "Completeness" }</dt>
                    <dd class="rc-figures__value">{ view::percent_text(results.completeness.to_f64()) }</dd>
                    <dd class="rc-figures__note">{ view.completeness_text.clone() }{ if results.provisional { ": provisional" } else { "" } }</dd>
                </div>
            </dl>
            { vision(&view) }
            <h2 class="rc-heading-l">
                {
                    match &view.profile {
                        Some((name, _, _)) => format!("Your profile: {name}"),
                        None => "Your profile".to_owned(),
                    }
                }
            </h2>
            <div class="rc-grid-row">
                <div class="rc-grid-column-one-half">
                    {
                        match &view.profile {
                            Some((_, summary, next_steps)) => html! {
                                <>
                                    <p class="rc-body">{ summary.clone() }</p>
                                    <h3 class="rc-heading-s">{ "What to do next" }</h3>
                                    <p class="rc-body">{ next_steps.clone() }</p>
                                </>
                            },
                            None => html! { <p class="rc-body">{ "Your profile needs both practice maturity and innovation readiness. Each needs at least half of its questions answered with a level (not ‘Not sure’)." }</p> },
                        }
                    }
                </div>
                <div class="rc-grid-column-one-half">
                    <ProfileQuadrants chart={view.profile_chart.clone()} />
                </div>
            </div>
            <table class="rc-table">
                <caption class="rc-table__caption rc-table__caption--m">{ "Your profile in figures" }</caption>
                <thead class="rc-table__head">
                    <tr class="rc-table__row">
                        <th scope="col" class="rc-table__header">{ "Measure" }</th>
                        <th scope="col" class="rc-table__header rc-table__header--numeric">{ "Percent" }</th>
                    </tr>
                </thead>
                <tbody class="rc-table__body">
                    <tr class="rc-table__row"><th scope="row" class="rc-table__header">{ framework.profile_chart.x_label.clone() }</th><td class="rc-table__cell rc-table__cell--numeric">{ view.maturity_text.clone() }</td></tr>
                    <tr class="rc-table__row"><th scope="row" class="rc-table__header">{ framework.profile_chart.y_label.clone() }</th><td class="rc-table__cell rc-table__cell--numeric">{ view.readiness_text.clone() }</td></tr>
                </tbody>
            </table>

            <h2 class="rc-heading-l">{ "Key ingredients by domain" }</h2>
            <DomainBars chart={view.bars.clone()} />
            { section_table(&framework, results, &view) }
            <RadarChart chart={view.radar.clone()} />

            { supports(&view) }
            { item_list("Strengths", "strengths", "Key ingredients and readiness statements rated at the top level (and the next level down when fewer than three are at the top).", &view.strengths, "None yet: no statement is rated at the top two levels.") }
            { gaps(&view) }
            { item_list("Opportunities", "opportunities", "Challenge questions whose answer signals an opportunity to do things differently.", &view.opportunities, "None: no challenge question signals an opportunity.") }
            if !view.evidence_gaps.is_empty() {
                { item_list("Evidence gaps", "evidence-gaps", "Questions answered ‘Not sure’. They are left out of the percents and count as half a need in matching.", &view.evidence_gaps, "") }
            }

            <h2 class="rc-heading-m rc-no-print">{ "Keep your results" }</h2>
            <div class="rc-button-group rc-no-print">
                <button type="button" class="rc-button" onclick={print}>{ "Print or save as PDF" }</button>
                <button type="button" class="rc-button rc-button--secondary" onclick={download}>{ "Download your answers" }</button>
                <button type="button" class="rc-button rc-button--secondary" onclick={csv}>{ "Download as a spreadsheet (CSV)" }</button>
                <button type="button" class="rc-button rc-button--secondary" onclick={markdown}>{ "Download the report as Markdown" }</button>
                <a class="rc-link" href="#/check">{ "Change your answers" }</a>
            </div>
            <ShareLink />
        </div>
        </>
    }
}

/// Makes a share link for the answers, says what it leaves out, and copies it.
#[component]
fn ShareLink() -> Html {
    let state = use_app();
    let link = use_state(|| None::<String>);
    let copied = use_state(|| None::<&'static str>);
    let make = {
        let (state, link, copied) = (state.clone(), link.clone(), copied.clone());
        Callback::from(move |_| {
            let location = gloo::utils::window().location();
            let base = format!("{}{}", location.origin().unwrap_or_default(), location.pathname().unwrap_or_default());
            let payload = readiness_core::codec::share::encode(&state.framework, &state.session.assessment);
            link.set(Some(format!("{base}{}", readiness_core::Route::Share(payload).to_fragment())));
            copied.set(None);
        })
    };
    let copy = {
        let (link, copied) = (link.clone(), copied.clone());
        Callback::from(move |_| {
            let Some(text) = (*link).clone() else { return };
            let copied = copied.clone();
            let clipboard = gloo::utils::window().navigator().clipboard();
            wasm_bindgen_futures::spawn_local(async move {
                let done = wasm_bindgen_futures::JsFuture::from(clipboard.write_text(&text)).await.is_ok();
                copied.set(Some(if done { "The link has been copied." } else { "The link could not be copied here: select it above and copy it." }));
            });
        })
    };
    html! {
        <div class="rc-no-print">
            <h2 class="rc-heading-m">{ "Share your answers" }</h2>
            <p class="rc-body">{ "A share link carries your answers and priority flags in the link itself, so it can be opened in another browser without a server. It does not include your notes or vision answers." }</p>
            if let Some(text) = (*link).clone() {
                <div class="rc-form-group">
                    <label class="rc-label rc-label--s" for="share-link">{ "Your share link" }</label>
                    <div id="share-link-hint" class="rc-hint">{ format!("{} characters. Anyone with the link can see these answers.", text.chars().count()) }</div>
                    <input class="rc-input rc-input--full" id="share-link" name="share-link" type="text" readonly=true value={text} aria-describedby="share-link-hint" spellcheck="false" />
                </div>
                <div class="rc-button-group">
                    <button type="button" class="rc-button rc-button--secondary" onclick={copy}>{ "Copy the link" }</button>
                </div>
                if let Some(message) = *copied {
                    <p class="rc-body" role="status">{ message }</p>
                }
            } else {
                <div class="rc-button-group">
                    <button type="button" class="rc-button rc-button--secondary" onclick={make}>{ "Make a share link" }</button>
                </div>
            }
        </div>
    }
}

fn vision(view: &ResultsView) -> Html {
    if view.vision.iter().all(|(_, answer)| answer.is_none()) {
        return Html::default();
    }
    html! {
        <>
            <h2 class="rc-heading-l">{ "Your vision" }</h2>
            <dl class="rc-summary-list rc-summary-list--no-border">
                { for view.vision.iter().map(|(question, answer)| html! {
                    <div class="rc-summary-list__row rc-summary-list__row--no-actions" key={question.clone()}>
                        <dt class="rc-summary-list__key">{ question.clone() }</dt>
                        <dd class="rc-summary-list__value rc-preserve-lines">{ answer.clone().unwrap_or_else(|| view::NOT_ANSWERED.to_owned()) }</dd>
                    </div>
                }) }
            </dl>
        </>
    }
}

fn section_table(framework: &readiness_core::Framework, results: &readiness_core::score::Results, view: &ResultsView) -> Html {
    html! {
        <table class="rc-table">
            <caption class="rc-table__caption rc-table__caption--m">{ "Scores by section" }</caption>
            <thead class="rc-table__head">
                <tr class="rc-table__row">
                    <th scope="col" class="rc-table__header">{ "Section" }</th>
                    <th scope="col" class="rc-table__header rc-table__header--numeric">{ "Percent" }</th>
                    <th scope="col" class="rc-table__header rc-table__header--numeric">{ "Scored" }</th>
                    <th scope="col" class="rc-table__header rc-table__header--numeric">{ "Not sure" }</th>
                </tr>
            </thead>
            <tbody class="rc-table__body">
                { for view.radar.axes.iter().zip(framework.sections.iter().enumerate().filter(|(_, section)| matches!(section.role, readiness_core::framework::Role::Domain { .. } | readiness_core::framework::Role::Readiness))).map(|(axis, (position, section))| {
                    let score = results.section(position);
                    html! {
                        <tr class="rc-table__row" key={section.id.to_string()}>
                            <th scope="row" class="rc-table__header">{ section.title.clone() }</th>
                            <td class="rc-table__cell rc-table__cell--numeric">{ axis.value_text.clone() }</td>
                            <td class="rc-table__cell rc-table__cell--numeric">{ format!("{} of {}", score.n_scored, score.n_items) }</td>
                            <td class="rc-table__cell rc-table__cell--numeric">{ score.n_not_sure }</td>
                        </tr>
                    }
                }) }
            </tbody>
        </table>
    }
}

fn supports(view: &ResultsView) -> Html {
    let suggested: Vec<_> = view.supports.iter().filter(|support| support.suggested).collect();
    html! {
        <>
            <h2 class="rc-heading-l">{ "Support that matches your answers" }</h2>
            <p class="rc-body">{ "Each support type is matched against the answers that point to it: lower ratings, ‘Not sure’ and the challenge answers that signal an opportunity raise the match, and a priority flag raises it by half again. Those matching 25% or more are suggested, best first." }</p>
            if suggested.is_empty() {
                <p class="rc-body">{ "No support type matches 25% or more of its answers yet." }</p>
            }
            { for suggested.iter().enumerate().map(|(rank, support)| html! {
                <section class="rc-support" key={support.id.clone()} aria-labelledby={format!("support-{}", support.id)}>
                    <div class="rc-support__header">
                        <h3 class="rc-support__title rc-heading-m" id={format!("support-{}", support.id)}>{ format!("{}. {}", rank + 1, support.name) }</h3>
                        <strong class="rc-tag rc-tag--grey rc-support__kind">{ support.kind.clone() }</strong>
                    </div>
                    <p class="rc-body">{ support.description.clone() }</p>
                    <p class="rc-body rc-support__match">
                        <strong>{ format!("{} match", support.percent_text) }</strong>
                        <span class="rc-meter" aria-hidden="true"><span class={classes!("rc-meter__fill", format!("rc-meter__fill--{}", meter_step(support.percent)))}></span></span>
                    </p>
                    <h4 class="rc-heading-s">{ "Why: the answers that count most" }</h4>
                    <ul class="rc-list rc-list--bullet rc-support__reasons">
                        { for support.reasons.iter().map(|reason| html! { <li>{ reason.clone() }</li> }) }
                    </ul>
                </section>
            }) }
            <details class="rc-details">
                <summary class="rc-details__summary"><span class="rc-details__summary-text">{ format!("How all {} support types matched", view.supports.len()) }</span></summary>
                <div class="rc-details__text">
                    <table class="rc-table">
                        <caption class="rc-table__caption rc-visually-hidden">{ "Every support type's match, best first" }</caption>
                        <thead class="rc-table__head">
                            <tr class="rc-table__row">
                                <th scope="col" class="rc-table__header">{ "Support type" }</th>
                                <th scope="col" class="rc-table__header">{ "Kind" }</th>
                                <th scope="col" class="rc-table__header rc-table__header--numeric">{ "Match" }</th>
                                <th scope="col" class="rc-table__header">{ "Suggested" }</th>
                            </tr>
                        </thead>
                        <tbody class="rc-table__body">
                            { for view.supports.iter().map(|support| html! {
                                <tr class="rc-table__row" key={support.id.clone()}>
                                    <th scope="row" class="rc-table__header">{ support.name.clone() }</th>
                                    <td class="rc-table__cell">{ support.kind.clone() }</td>
                                    <td class="rc-table__cell rc-table__cell--numeric">{ support.percent_text.clone() }</td>
                                    <td class="rc-table__cell">{ if support.suggested { "Yes" } else { "No" } }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            </details>
        </>
    }
}

/// The meter class step (0 to 100 in fives) for a percent, since styles cannot be inline.
fn meter_step(percent: f64) -> u32 {
    ((percent.clamp(0.0, 100.0) / 5.0).round() as u32) * 5
}

fn item_list(heading: &str, id: &str, intro: &str, lines: &[ItemLine], empty: &str) -> Html {
    html! {
        <>
            <h2 class="rc-heading-l" id={id.to_owned()}>{ heading.to_owned() }</h2>
            <p class="rc-body">{ intro.to_owned() }</p>
            if lines.is_empty() {
                <p class="rc-body">{ empty.to_owned() }</p>
            } else {
                <dl class="rc-summary-list">
                    { for lines.iter().map(|line| html! {
                        <div class="rc-summary-list__row rc-summary-list__row--no-actions" key={line.item}>
                            <dt class="rc-summary-list__key">{ line.label.clone() }<span class="rc-hint rc-body-s">{ format!(" {}", line.section) }</span></dt>
                            <dd class="rc-summary-list__value">
                                { line.answer.clone() }
                                if line.priority { { " " }<strong class="rc-tag rc-tag--purple">{ "Priority" }</strong> }
                            </dd>
                        </div>
                    }) }
                </dl>
            }
        </>
    }
}

fn gaps(view: &ResultsView) -> Html {
    html! {
        <>
            <h2 class="rc-heading-l" id="gaps">{ "Gaps" }</h2>
            <p class="rc-body">{ "Key ingredients and readiness statements rated 0 or 1, priorities first. Beside the top gaps are authorities that have done what they ask." }</p>
            if view.gaps.is_empty() {
                <p class="rc-body">{ "None: nothing is rated 0 or 1." }</p>
            } else {
                <ul class="rc-list rc-gaps">
                    { for view.gaps.iter().map(|line| html! {
                        <li class="rc-gap" key={line.item}>
                            <h3 class="rc-heading-s">
                                { line.label.clone() }
                                if line.priority { { " " }<strong class="rc-tag rc-tag--purple">{ "Priority" }</strong> }
                            </h3>
                            <p class="rc-body">{ format!("{}: {}", line.section, line.answer) }</p>
                            if !line.case_studies.is_empty() {
                                <details class="rc-details rc-gap__studies">
                                    <summary class="rc-details__summary"><span class="rc-details__summary-text">{ format!("Learn from others: {}", line.case_studies.iter().map(|(name, _)| name.as_str()).collect::<Vec<_>>().join(", ")) }</span></summary>
                                    <div class="rc-details__text">
                                        { for line.case_studies.iter().map(|(name, summary)| html! {
                                            <p class="rc-body"><strong>{ name.clone() }</strong>{ ": " }{ summary.clone() }</p>
                                        }) }
                                    </div>
                                </details>
                            }
                        </li>
                    }) }
                </ul>
            }
        </>
    }
}
