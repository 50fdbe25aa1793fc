//! The list of saved assessments ("Baseline 2026", "Review 2027"): open one, start a new one,
//! rename, duplicate, delete (with Undo, and a "recently deleted" list to restore from), and
//! compare two.

use readiness_core::Route;
use yew::prelude::*;

use crate::actions;
use crate::state::{Msg, display_title, use_app, use_dispatch};

fn input_value(event: &web_sys::Event, id: &str) -> String {
    crate::dom::element::<web_sys::HtmlInputElement>(&crate::dom::root_of(event), id).map(|input| input.value()).unwrap_or_default()
}

fn day(timestamp: &str) -> String {
    timestamp.chars().take(10).collect()
}

/// The list of assessments.
#[component]
pub fn AssessmentsPage() -> Html {
    let state = use_app();
    let dispatch = use_dispatch();

    let create = {
        let state = state.clone();
        let dispatch = dispatch.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let title: String = input_value(&event, "new-title").trim().chars().take(readiness_core::codec::export::MAX_TITLE).collect();
            let assessment = readiness_core::Assessment { title, ..actions::blank(&state) };
            actions::add(&state, &dispatch, assessment, Route::Tasks);
        })
    };

    let rows = state.library.assessments.iter().map(|entry| {
        let id = entry.id.clone();
        let is_open = id == state.current;
        let title = if is_open { state.title() } else { display_title(&entry.title) };
        let open = {
            let (state, dispatch, id) = (state.clone(), dispatch.clone(), id.clone());
            Callback::from(move |_| actions::open(&state, &dispatch, &id, Route::Tasks))
        };
        let duplicate = {
            let (state, dispatch, id) = (state.clone(), dispatch.clone(), id.clone());
            Callback::from(move |_| {
                if let Some(mut copy) = actions::answers_of(&state, &id) {
                    copy.title = actions::copy_title(&copy.title);
                    let title = copy.title.clone();
                    actions::add(&state, &dispatch, copy, Route::Assessments);
                    dispatch.dispatch(Msg::Flash(Some(crate::state::Flash::Done(format!("‘{title}’ has been made and opened")))));
                }
            })
        };
        let delete = {
            let (state, dispatch, id) = (state.clone(), dispatch.clone(), id.clone());
            Callback::from(move |_| {
                let at = crate::now();
                dispatch.dispatch(Msg::Delete { id: id.clone(), at: at.clone() });
                if id == state.current {
                    // Open another, or a new empty one when none is left.
                    match state.library.assessments.iter().find(|entry| entry.id != id) {
                        Some(other) => actions::open(&state, &dispatch, &other.id.clone(), Route::Assessments),
                        None => {
                            let mut next = state.library.clone();
                            next.delete(&id, &at);
                            let fresh = next.fresh_id("a");
                            let entry = readiness_core::codec::stored::Entry { id: fresh.clone(), title: String::new(), created: at, deleted: None };
                            dispatch.dispatch(Msg::Add(entry));
                            dispatch.dispatch(Msg::Open { id: fresh, assessment: actions::blank(&state), revision: 0, route: None, write: false });
                        }
                    }
                }
            })
        };
        let rename_id = format!("rename-{id}");
        let rename = {
            let (state, dispatch, id, rename_id) = (state.clone(), dispatch.clone(), id.clone(), rename_id.clone());
            Callback::from(move |event: SubmitEvent| {
                event.prevent_default();
                actions::rename(&state, &dispatch, &id, input_value(&event, &rename_id));
            })
        };
        let n_answered = if is_open { Some(readiness_core::score::score(&state.framework, &state.session.assessment).n_answered) } else { None };
        html! {
            <div class="rc-summary-card" key={id.clone()}>
                <div class="rc-summary-card__title-wrapper">
                    <h2 class="rc-summary-card__title">
                        { title.clone() }
                        if is_open { { " " }<strong class="rc-tag rc-tag--blue">{ "Open now" }</strong> }
                    </h2>
                </div>
                <div class="rc-summary-card__content">
                    <dl class="rc-summary-list">
                        <div class="rc-summary-list__row rc-summary-list__row--no-actions">
                            <dt class="rc-summary-list__key">{ "Started" }</dt>
                            <dd class="rc-summary-list__value">{ day(&entry.created) }</dd>
                        </div>
                        if let Some(n) = n_answered {
                            <div class="rc-summary-list__row rc-summary-list__row--no-actions">
                                <dt class="rc-summary-list__key">{ "Answered" }</dt>
                                <dd class="rc-summary-list__value">{ format!("{n} of {} questions", state.framework.scored_items().count()) }</dd>
                            </div>
                        }
                    </dl>
                    <div class="rc-button-group">
                        if !is_open {
                            <button type="button" class="rc-button" onclick={open}>{ "Open" }<span class="rc-visually-hidden">{ format!(" ‘{title}’") }</span></button>
                        }
                        <button type="button" class="rc-button rc-button--secondary" onclick={duplicate}>{ "Duplicate" }<span class="rc-visually-hidden">{ format!(" ‘{title}’") }</span></button>
                        <button type="button" class="rc-button rc-button--secondary" onclick={delete}>{ "Delete" }<span class="rc-visually-hidden">{ format!(" ‘{title}’") }</span></button>
                    </div>
                    <details class="rc-details">
                        <summary class="rc-details__summary"><span class="rc-details__summary-text">{ "Rename" }<span class="rc-visually-hidden">{ format!(" ‘{title}’") }</span></span></summary>
                        <div class="rc-details__text">
                            <form onsubmit={rename} novalidate=true>
                                <div class="rc-form-group">
                                    <label class="rc-label rc-label--s" for={rename_id.clone()}>{ format!("New name for ‘{title}’") }</label>
                                    <input class="rc-input" id={rename_id.clone()} name={rename_id} type="text" value={entry.title.clone()} spellcheck="false" autocomplete="off"
                                        maxlength={readiness_core::codec::export::MAX_TITLE.to_string()} />
                                </div>
                                <button type="submit" class="rc-button rc-button--secondary">{ "Save the new name" }</button>
                            </form>
                        </div>
                    </details>
                </div>
            </div>
        }
    });

    let deleted = state.library.deleted.iter().map(|entry| {
        let id = entry.id.clone();
        let title = display_title(&entry.title);
        let restore = {
            let dispatch = dispatch.clone();
            Callback::from(move |_| dispatch.dispatch(Msg::Restore(id.clone())))
        };
        html! {
            <div class="rc-summary-list__row" key={entry.id.clone()}>
                <dt class="rc-summary-list__key">{ title.clone() }</dt>
                <dd class="rc-summary-list__value">{ format!("Deleted {}", day(entry.deleted.as_deref().unwrap_or_default())) }</dd>
                <dd class="rc-summary-list__actions">
                    <button type="button" class="rc-link-button" onclick={restore}>{ "Restore" }<span class="rc-visually-hidden">{ format!(" ‘{title}’") }</span></button>
                </dd>
            </div>
        }
    });

    html! {
        <div class="rc-grid-row">
            <div class="rc-grid-column-two-thirds">
                <h1 class="rc-heading-l" tabindex="-1">{ "Your assessments" }</h1>
                <p class="rc-body">{ "Keep one assessment for each point in time, such as a baseline now and a review in a year, and compare them. They are saved in this browser only." }</p>
                { for rows }
                if state.library.assessments.len() >= 2 {
                    <p class="rc-body"><a class="rc-link" href="#/compare">{ "Compare two assessments" }</a></p>
                }
                <h2 class="rc-heading-m">{ "Start a new assessment" }</h2>
                <form onsubmit={create} novalidate=true>
                    <div class="rc-form-group">
                        <label class="rc-label rc-label--s" for="new-title">{ "Name of the new assessment (optional)" }</label>
                        <div id="new-title-hint" class="rc-hint">{ "For example, Review 2027." }</div>
                        <input class="rc-input" id="new-title" name="new-title" type="text" aria-describedby="new-title-hint" spellcheck="false" autocomplete="off"
                            maxlength={readiness_core::codec::export::MAX_TITLE.to_string()} />
                    </div>
                    <button type="submit" class="rc-button">{ "Start a new assessment" }</button>
                </form>
                <p class="rc-body">{ "You can also " }<a class="rc-link" href="#/import">{ "import an assessment from a file" }</a>{ "." }</p>
                if !state.library.deleted.is_empty() {
                    <h2 class="rc-heading-m">{ "Recently deleted" }</h2>
                    <p class="rc-body">{ format!("The last {} deleted assessments are kept here until more are deleted.", readiness_core::codec::stored::MAX_DELETED) }</p>
                    <dl class="rc-summary-list">{ for deleted }</dl>
                }
            </div>
        </div>
    }
}
