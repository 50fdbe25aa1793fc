//! The printed report. On screen these blocks are hidden; in print they replace the results
//! page: first a one-page summary for a Lead Member (title and date, "provisional" where it
//! applies, the profile chart, the domain percents and readiness, the top suggestions with one
//! reason each), then every answer with its note, and the vision in the authority's words.

use readiness_core::view::{self, ResultsView};
use yew::prelude::*;

use crate::components::charts::ProfileQuadrants;
use crate::state::{use_app, use_framework};

/// How many suggestions the summary page has room for.
const TOP_SUGGESTIONS: usize = 3;

/// Properties of the printed report.
#[derive(Properties, PartialEq)]
pub struct PrintProps {
    /// The results page's view-model.
    pub view: std::rc::Rc<ResultsView>,
}

/// Whether the page is being printed: from `beforeprint`/`afterprint` and the print media
/// query, so that the report is in the page only while it is printed and never doubles the
/// results for assistive technology or searches in the page.
#[hook]
pub fn use_printing() -> bool {
    let printing = use_state(|| false);
    {
        let printing = printing.clone();
        use_effect_with((), move |_| {
            let window = gloo::utils::window();
            let set = |value: bool| {
                let printing = printing.clone();
                move |_: &web_sys::Event| printing.set(value)
            };
            let before = gloo::events::EventListener::new(&window, "beforeprint", set(true));
            let after = gloo::events::EventListener::new(&window, "afterprint", set(false));
            let query = window.match_media("print").ok().flatten();
            let media = query.clone().map(|query| {
                let printing = printing.clone();
                gloo::events::EventListener::new(&query.clone(), "change", move |_| printing.set(query.matches()))
            });
            move || drop((before, after, media))
        });
    }
    *printing
}

/// The printed report: summary page, then all answers.
#[component]
pub fn PrintReport(props: &PrintProps) -> Html {
    let state = use_app();
    let framework = use_framework();
    if !use_printing() {
        return Html::default();
    }
    let view = &props.view;
    let results = &view.results;
    let assessment = &state.session.assessment;
    let date = assessment.updated.as_deref().map(|updated| updated.chars().take(10).collect::<String>()).unwrap_or_default();
    let suggested: Vec<_> = view.supports.iter().filter(|support| support.suggested).take(TOP_SUGGESTIONS).collect();
    let percents = framework.sections.iter().enumerate().filter_map(|(position, section)| {
        results.section(position).percent.map(|percent| (section.title.clone(), view::percent_text(percent.to_f64()))).or_else(|| {
            matches!(section.role, readiness_core::framework::Role::Domain { .. } | readiness_core::framework::Role::Readiness)
                .then(|| (section.title.clone(), view::NOT_ENOUGH.to_owned()))
        })
    });
    html! {
        <div class="rc-print-only">
            <section class="rc-print-summary" aria-label="Printed summary">
                <p class="rc-caption-m">{ format!("{} · version {}", framework.title, framework.version) }</p>
                <h2 class="rc-heading-l">{ state.title() }</h2>
                <p class="rc-body">{ if date.is_empty() { "Date: not recorded".to_owned() } else { format!("Date: {date}") } }</p>
                if results.provisional {
                    <p class="rc-body rc-print-summary__provisional"><strong>{ format!("Provisional: {}. Final results need at least 80% of the questions answered.", view.completeness_text) }</strong></p>
                }
                <div class="rc-print-summary__columns">
                    <div class="rc-print-summary__chart">
                        <ProfileQuadrants chart={view.profile_chart.clone()} id="print-profile" />
                    </div>
                    <div class="rc-print-summary__figures">
                        <h3 class="rc-heading-s">{ match &view.profile { Some((name, _, _)) => format!("Profile: {name}"), None => "Profile: not enough answers".to_owned() } }</h3>
                        <table class="rc-table">
                            <caption class="rc-table__caption">{ "Scores" }</caption>
                            <tbody class="rc-table__body">
                                <tr class="rc-table__row"><th scope="row" class="rc-table__header">{ "Practice maturity" }</th><td class="rc-table__cell rc-table__cell--numeric">{ view.maturity_text.clone() }</td></tr>
                                { for percents.map(|(title, text)| html! {
                                    <tr class="rc-table__row"><th scope="row" class="rc-table__header">{ title }</th><td class="rc-table__cell rc-table__cell--numeric">{ text }</td></tr>
                                }) }
                                <tr class="rc-table__row"><th scope="row" class="rc-table__header">{ "Completeness" }</th><td class="rc-table__cell rc-table__cell--numeric">{ view::percent_text(results.completeness.to_f64()) }</td></tr>
                            </tbody>
                        </table>
                    </div>
                </div>
                <h3 class="rc-heading-s">{ "Top suggested support" }</h3>
                if suggested.is_empty() {
                    <p class="rc-body">{ "No support type matches 25% or more of its answers yet." }</p>
                } else {
                    <ol class="rc-list rc-print-summary__suggestions">
                        { for suggested.iter().map(|support| html! {
                            <li>
                                <strong>{ format!("{} ({} match)", support.name, support.percent_text) }</strong>
                                if let Some(reason) = support.reasons.first() {
                                    { format!(". Why: {reason}") }
                                }
                            </li>
                        }) }
                    </ol>
                }
                <p class="rc-body-s">{ format!("Questions and support types from {}. {}.", framework.attribution.source, framework.attribution.licence) }</p>
            </section>
            <section class="rc-print-answers" aria-label="Printed answers">
                <h2 class="rc-heading-l">{ "Every answer" }</h2>
                if view.vision.iter().any(|(_, answer)| answer.is_some()) {
                    <h3 class="rc-heading-m">{ "Your vision" }</h3>
                    { for view.vision.iter().map(|(question, answer)| html! {
                        <div class="rc-print-answers__item">
                            <p class="rc-body"><strong>{ question.clone() }</strong></p>
                            <p class="rc-body rc-preserve-lines">{ answer.clone().unwrap_or_else(|| view::NOT_ANSWERED.to_owned()) }</p>
                        </div>
                    }) }
                }
                { for framework.sections.iter().enumerate().filter(|(_, section)| !matches!(section.role, readiness_core::framework::Role::Vision)).map(|(position, section)| html! {
                    <>
                        <h3 class="rc-heading-m">{ section.title.clone() }</h3>
                        { for framework.items.iter().enumerate().filter(|(_, item)| item.section == position).map(|(index, item)| {
                            let answer = assessment.answer(item.id.as_str());
                            let note = answer.map(|answer| answer.note.clone()).filter(|note| !note.trim().is_empty());
                            html! {
                                <div class="rc-print-answers__item">
                                    <p class="rc-body"><strong>{ item.label.clone() }</strong>{ ": " }{ item.statement.clone() }</p>
                                    <p class="rc-body">
                                        { format!("Answer: {}", view::answer_text(&framework, assessment, index)) }
                                        if answer.is_some_and(|answer| answer.priority) { { " · Priority" } }
                                    </p>
                                    if let Some(note) = note {
                                        <p class="rc-body rc-preserve-lines">{ format!("Note: {note}") }</p>
                                    }
                                </div>
                            }
                        }) }
                    </>
                }) }
                if !assessment.retired.is_empty() {
                    <h3 class="rc-heading-m">{ "Retired questions" }</h3>
                    { for assessment.retired.iter().map(|(id, answer)| html! {
                        <div class="rc-print-answers__item">
                            <p class="rc-body"><strong>{ id.to_string() }</strong></p>
                            if !answer.note.trim().is_empty() {
                                <p class="rc-body rc-preserve-lines">{ format!("Note: {}", answer.note) }</p>
                            }
                        </div>
                    }) }
                }
            </section>
        </div>
    }
}
