//! Opening a share link: shows what the link holds and asks before it replaces anything. A
//! link that cannot be read gets a specific message and changes nothing.

use readiness_core::codec::share;
use readiness_core::{Action, Route};
use yew::prelude::*;

use crate::actions;
use crate::state::{Flash, Msg, display_title, use_app, use_dispatch};

/// Properties of the share page.
#[derive(Properties, PartialEq)]
pub struct ShareProps {
    /// The link's payload, after `#/share/`.
    pub payload: AttrValue,
}

/// The page a share link opens.
#[component]
pub fn SharePage(props: &ShareProps) -> Html {
    let state = use_app();
    let dispatch = use_dispatch();
    let framework = state.framework.clone();
    let decoded = use_memo((props.payload.clone(), framework.clone()), |(payload, framework)| share::decode(payload, framework));

    let cancel = {
        let dispatch = dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Msg::Do(Action::Go(Route::Tasks))))
    };

    match &*decoded {
        Err(problems) => html! {
            <div class="rc-grid-row">
                <div class="rc-grid-column-two-thirds">
                    <h1 class="rc-heading-l" tabindex="-1">{ "This share link cannot be opened" }</h1>
                    <div class="rc-error-summary" role="alert">
                        <h2 class="rc-error-summary__title">{ "The problem" }</h2>
                        <ul class="rc-list rc-list--bullet">
                            { for problems.iter().map(|problem| html! { <li>{ problem.message.clone() }</li> }) }
                        </ul>
                    </div>
                    <p class="rc-body">{ format!("Nothing has been changed: your answers in ‘{}’ are as they were.", state.title()) }</p>
                    <p class="rc-body">{ "Ask the person who sent the link to copy it again, whole, or to send the answers as a file." }</p>
                    <p class="rc-body"><a class="rc-link" href="#/tasks">{ "Go to your assessment" }</a></p>
                </div>
            </div>
        },
        Ok(assessment) => {
            let results = readiness_core::score::score(&framework, assessment);
            let priorities = assessment.answers.values().filter(|answer| answer.priority).count();
            let as_new = {
                let (state, dispatch, assessment) = (state.clone(), dispatch.clone(), assessment.clone());
                Callback::from(move |_| {
                    let title = display_title(&assessment.title);
                    actions::add(&state, &dispatch, assessment.clone(), Route::Tasks);
                    dispatch.dispatch(Msg::Flash(Some(Flash::Done(format!("The answers from the link have been opened as ‘{title}’")))));
                })
            };
            let replace = {
                let (state, dispatch, assessment) = (state.clone(), dispatch.clone(), assessment.clone());
                Callback::from(move |_| {
                    let title = state.title();
                    actions::replace(&state, &dispatch, actions::with_values_of(&state, &assessment), Route::Tasks);
                    dispatch.dispatch(Msg::Flash(Some(Flash::Done(format!(
                        "The answers in ‘{title}’ have been replaced by the ones from the link; your notes have been kept. The earlier answers are under ‘Recently deleted’ on the list of all assessments."
                    )))));
                })
            };
            html! {
                <div class="rc-grid-row">
                    <div class="rc-grid-column-two-thirds">
                        <span class="rc-caption-l">{ "Share link" }</span>
                        <h1 class="rc-heading-l" tabindex="-1">{ format!("Answers shared with you: ‘{}’", display_title(&assessment.title)) }</h1>
                        <dl class="rc-summary-list">
                            <div class="rc-summary-list__row rc-summary-list__row--no-actions">
                                <dt class="rc-summary-list__key">{ "Questions answered" }</dt>
                                <dd class="rc-summary-list__value">{ format!("{} of {}", results.n_answered, framework.scored_items().count()) }</dd>
                            </div>
                            <div class="rc-summary-list__row rc-summary-list__row--no-actions">
                                <dt class="rc-summary-list__key">{ "Marked as priorities" }</dt>
                                <dd class="rc-summary-list__value">{ priorities }</dd>
                            </div>
                            <div class="rc-summary-list__row rc-summary-list__row--no-actions">
                                <dt class="rc-summary-list__key">{ "Version of the questions" }</dt>
                                <dd class="rc-summary-list__value">{ assessment.framework.version.clone() }</dd>
                            </div>
                        </dl>
                        <div class="rc-inset-text">
                            <p class="rc-body">{ "A share link carries the answers and priority flags only. Notes and vision answers are never put in a link, so none have come with it." }</p>
                        </div>
                        <p class="rc-body">{ "Nothing has been changed yet. Choose what to do with these answers:" }</p>
                        <div class="rc-button-group">
                            <button type="button" class="rc-button" onclick={as_new}>{ "Open as a new assessment" }</button>
                            <button type="button" class="rc-button rc-button--secondary" onclick={replace}>{ format!("Replace the answers in ‘{}’ (keeping its notes)", state.title()) }</button>
                            <button type="button" class="rc-button rc-button--secondary" onclick={cancel}>{ "Cancel" }</button>
                        </div>
                    </div>
                </div>
            }
        }
    }
}
