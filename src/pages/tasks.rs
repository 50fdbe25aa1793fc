//! The task list: one row per section with its status, progress overall, and the way on to
//! checking answers.

use readiness_core::Route;
use readiness_core::view::{self, Status};
use yew::prelude::*;

use crate::state::AppState;

/// The task list page.
pub fn tasks_page(state: &AppState) -> Html {
    let framework = &state.framework;
    let tasks = view::tasks(framework, &state.session.assessment);
    let results = readiness_core::score::progress(framework, &state.session.assessment);
    let n_complete = tasks.iter().filter(|task| task.status == Status::Completed).count();
    let next =
        tasks.iter().find(|task| task.status != Status::Completed).map(|task| Route::section(&framework.sections[task.section].id)).unwrap_or(Route::Check);
    html! {
        <div class="rc-grid-row">
            <div class="rc-grid-column-two-thirds">
                if !state.session.assessment.title.is_empty() {
                    <span class="rc-caption-l">{ state.session.assessment.title.clone() }</span>
                }
                <h1 class="rc-heading-xl" tabindex="-1">{ "Your assessment" }</h1>
                <p class="rc-body">{ format!("You have completed {n_complete} of {} sections and answered {} of {} questions.", tasks.len(), results.n_answered, results.n_scorable) }</p>
                <progress class="rc-progress__bar" max={results.n_scorable.to_string()} value={results.n_answered.to_string()} aria-label="Questions answered">
                    { format!("{} of {}", results.n_answered, results.n_scorable) }
                </progress>
                <ul class="rc-task-list">
                    { for tasks.iter().map(|task| {
                        let section = &framework.sections[task.section];
                        let status_id = format!("{}-status", section.id);
                        let hint_id = format!("{}-hint", section.id);
                        html! {
                            <li class="rc-task-list__item rc-task-list__item--with-link" key={section.id.to_string()}>
                                <div class="rc-task-list__name-and-hint">
                                    <a class="rc-link rc-task-list__link" href={Route::section(&section.id).to_fragment()} aria-describedby={format!("{hint_id} {status_id}")}>{ section.title.clone() }</a>
                                    <div id={hint_id} class="rc-task-list__hint">{ format!("{} {} of {} answered.", section.summary, task.n_answered, task.n_items) }</div>
                                </div>
                                <div class="rc-task-list__status" id={status_id}>
                                    {
                                        match task.status {
                                            Status::Completed => html! { { task.status.label() } },
                                            Status::InProgress => html! { <strong class="rc-tag rc-tag--light-blue">{ task.status.label() }</strong> },
                                            Status::NotStarted => html! { <strong class="rc-tag rc-tag--blue">{ task.status.label() }</strong> },
                                        }
                                    }
                                </div>
                            </li>
                        }
                    }) }
                    <li class="rc-task-list__item rc-task-list__item--with-link">
                        <div class="rc-task-list__name-and-hint">
                            <a class="rc-link rc-task-list__link" href="#/check" aria-describedby="check-hint">{ "Check your answers and see your results" }</a>
                            <div id="check-hint" class="rc-task-list__hint">{ "You can see results at any time; below 80% answered they are provisional." }</div>
                        </div>
                    </li>
                </ul>
                <a href={next.to_fragment()} role="button" draggable="false" class="rc-button">{ if next == Route::Check { "Check your answers" } else { "Continue" } }</a>
            </div>
        </div>
    }
}
