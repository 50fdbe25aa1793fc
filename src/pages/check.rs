//! Check your answers: every section as a summary card, each answer with a "Change" link that
//! returns here after saving; a name for the assessment; the way on to the results.

use readiness_core::{Action, Route};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::state::{Msg, use_app, use_dispatch, use_framework};

/// The check-your-answers page.
#[component]
pub fn CheckPage() -> Html {
    let state = use_app();
    let framework = use_framework();
    let dispatch = use_dispatch();
    let assessment = &state.session.assessment;
    let results = readiness_core::score::score(&framework, assessment);
    let n_missing = results.n_scorable - results.n_answered;
    let on_title = {
        let dispatch = dispatch.clone();
        Callback::from(move |event: InputEvent| {
            if let Some(input) = event.target().and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                dispatch.dispatch(Msg::Do(Action::Title { title: input.value(), at: crate::now() }));
            }
        })
    };
    let see_results = Callback::from(move |_| dispatch.dispatch(Msg::Do(Action::Go(Route::Results))));
    html! {
        <>
            <a href="#/tasks" class="rc-back-link">{ "Back to your assessment" }</a>
            <div class="rc-grid-row">
                <div class="rc-grid-column-two-thirds">
                    <h1 class="rc-heading-l" tabindex="-1">{ "Check your answers" }</h1>
                    <div class="rc-form-group">
                        <label class="rc-label rc-label--s" for="assessment-title">{ "Name this assessment (optional)" }</label>
                        <div id="assessment-title-hint" class="rc-hint">{ "For example, Baseline 2026. The name appears on your report and in file names." }</div>
                        <input class="rc-input" id="assessment-title" name="assessment-title" type="text" spellcheck="false" autocomplete="off"
                            maxlength={readiness_core::codec::export::MAX_TITLE.to_string()}
                            aria-describedby="assessment-title-hint" value={assessment.title.clone()} oninput={on_title} />
                    </div>
                    { for framework.sections.iter().map(|section| {
                        let change_section = Route::Section { id: section.id.clone(), from_check: true, focus: None }.to_fragment();
                        html! {
                            <div class="rc-summary-card" key={section.id.to_string()}>
                                <div class="rc-summary-card__title-wrapper">
                                    <h2 class="rc-summary-card__title">{ section.title.clone() }</h2>
                                    <ul class="rc-summary-card__actions">
                                        <li class="rc-summary-card__action">
                                            <a class="rc-link" href={change_section}>{ "Change" }<span class="rc-visually-hidden">{ format!(" answers in {}", section.title) }</span></a>
                                        </li>
                                    </ul>
                                </div>
                                <div class="rc-summary-card__content">
                                    <dl class="rc-summary-list">
                                        { for section.items.iter().map(|&position| {
                                            let item = &framework.items[position];
                                            let answer = assessment.answer(item.id.as_str());
                                            let text = readiness_core::view::answer_text(&framework, assessment, position);
                                            let change = Route::Section { id: section.id.clone(), from_check: true, focus: Some(item.id.clone()) }.to_fragment();
                                            html! {
                                                <div class="rc-summary-list__row" key={item.id.to_string()}>
                                                    <dt class="rc-summary-list__key">{ item.label.clone() }</dt>
                                                    <dd class="rc-summary-list__value">
                                                        <p class="rc-body rc-summary-list__answer">{ text }</p>
                                                        if answer.is_some_and(|answer| answer.priority) {
                                                            <p class="rc-body"><strong class="rc-tag rc-tag--purple">{ "Priority" }</strong></p>
                                                        }
                                                        if let Some(note) = answer.map(|answer| answer.note.clone()).filter(|note| !note.trim().is_empty()) {
                                                            <p class="rc-body-s rc-summary-list__note">{ "Note: " }{ note }</p>
                                                        }
                                                    </dd>
                                                    <dd class="rc-summary-list__actions">
                                                        <a class="rc-link" href={change}>{ "Change" }<span class="rc-visually-hidden">{ format!(" {}", item.label) }</span></a>
                                                    </dd>
                                                </div>
                                            }
                                        }) }
                                    </dl>
                                </div>
                            </div>
                        }
                    }) }
                    if !state.session.assessment.retired.is_empty() {
                        <div class="rc-summary-card">
                            <div class="rc-summary-card__title-wrapper">
                                <h2 class="rc-summary-card__title">{ "Retired questions" }</h2>
                            </div>
                            <div class="rc-summary-card__content">
                                <p class="rc-body">{ "Your answers to questions that an earlier version asked and this one does not. They are not scored, but they are kept, with their notes, in your downloads and prints." }</p>
                                <dl class="rc-summary-list">
                                    { for state.session.assessment.retired.iter().map(|(id, answer)| html! {
                                        <div class="rc-summary-list__row rc-summary-list__row--no-actions" key={id.to_string()}>
                                            <dt class="rc-summary-list__key">{ id.to_string() }</dt>
                                            <dd class="rc-summary-list__value">
                                                <p class="rc-body rc-summary-list__answer">{ retired_answer(answer) }</p>
                                                if !answer.note.trim().is_empty() {
                                                    <p class="rc-body-s rc-summary-list__note">{ "Note: " }{ answer.note.clone() }</p>
                                                }
                                            </dd>
                                        </div>
                                    }) }
                                </dl>
                            </div>
                        </div>
                    }
                    <h2 class="rc-heading-m">{ "Now see your results" }</h2>
                    if n_missing > 0 {
                        <div class="rc-warning-text">
                            <span class="rc-warning-text__icon" aria-hidden="true">{ "!" }</span>
                            <strong class="rc-warning-text__text">
                                <span class="rc-visually-hidden">{ "Warning" }</span>
                                { format!("You have not answered {n_missing} of {} questions.", results.n_scorable) }
                                if results.provisional { { " Results from fewer than 80% of the questions are provisional." } }
                            </strong>
                        </div>
                    }
                    <p class="rc-body">{ "Your answers are saved in this browser. You can come back and change them at any time." }</p>
                    <button type="button" class="rc-button" onclick={see_results}>{ "See your results" }</button>
                </div>
            </div>
        </>
    }
}

/// A retired answer in words, without its old scale's names.
fn retired_answer(answer: &readiness_core::Answer) -> String {
    use readiness_core::{Choice, Rating, Value};
    match &answer.value {
        Some(Value::Rating(Rating::Level(level))) => format!("Level {level}"),
        Some(Value::Rating(Rating::NotSure)) | Some(Value::Choice(Choice::NotSure)) => "Not sure".to_owned(),
        Some(Value::Choice(Choice::Yes)) => "Yes".to_owned(),
        Some(Value::Choice(Choice::Partly)) => "Partly".to_owned(),
        Some(Value::Choice(Choice::No)) => "No".to_owned(),
        Some(Value::Text(text)) => text.clone(),
        None if answer.priority => "No answer; marked as a priority".to_owned(),
        None => "No answer".to_owned(),
    }
}
