//! Two assessments over time: choose an earlier and a later one (saved, or a file just
//! imported), then see each figure before and after, item by item changes and the support
//! suggested for each.

use readiness_core::{Action, Assessment, Route};
use yew::prelude::*;

use crate::actions;
use crate::components::compare::ComparisonView;
use crate::state::{AppState, Msg, display_title, use_app, use_dispatch};

/// The id that stands for the file imported for comparison.
pub const IMPORTED: &str = "imported";

/// Properties of the compare page.
#[derive(Properties, PartialEq)]
pub struct CompareProps {
    /// The earlier assessment's id, or empty.
    pub before: AttrValue,
    /// The later assessment's id, or empty.
    pub after: AttrValue,
}

fn chosen(event: &web_sys::Event, id: &str) -> String {
    crate::dom::element::<web_sys::HtmlSelectElement>(&crate::dom::root_of(event), id).map(|select| select.value()).unwrap_or_default()
}

fn answers(state: &AppState, id: &str) -> Option<(String, Assessment)> {
    if id == IMPORTED {
        let imported = state.imported.as_ref()?;
        return Some((format!("{} (imported file)", display_title(&imported.title)), (**imported).clone()));
    }
    let title = if id == state.current { state.title() } else { display_title(&state.library.entry(id)?.title) };
    actions::answers_of(state, id).map(|assessment| (title, assessment))
}

/// The compare page.
#[component]
pub fn ComparePage(props: &CompareProps) -> Html {
    let state = use_app();
    let dispatch = use_dispatch();

    let mut options: Vec<(String, String)> = state
        .library
        .assessments
        .iter()
        .map(|entry| (entry.id.clone(), if entry.id == state.current { state.title() } else { display_title(&entry.title) }))
        .collect();
    if let Some(imported) = &state.imported {
        options.push((IMPORTED.to_owned(), format!("{} (imported file)", display_title(&imported.title))));
    }
    // Sensible defaults: the two most recent, earlier first.
    let default_before = options.len().checked_sub(2).map(|at| options[at].0.clone()).unwrap_or_default();
    let default_after = options.last().map(|(id, _)| id.clone()).unwrap_or_default();
    let before = if props.before.is_empty() { default_before.clone() } else { props.before.to_string() };
    let after = if props.after.is_empty() { default_after.clone() } else { props.after.to_string() };

    let onsubmit = {
        let dispatch = dispatch.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            dispatch.dispatch(Msg::Do(Action::Go(Route::Compare { before: chosen(&event, "compare-before"), after: chosen(&event, "compare-after") })));
        })
    };
    let select = |id: &str, label: &str, selected: &str| {
        html! {
            <div class="rc-form-group">
                <label class="rc-label rc-label--s" for={id.to_owned()}>{ label.to_owned() }</label>
                <select class="rc-select" id={id.to_owned()} name={id.to_owned()}>
                    { for options.iter().map(|(value, name)| html! { <option value={value.clone()} selected={value == selected}>{ name.clone() }</option> }) }
                </select>
            </div>
        }
    };
    let chosen_both = !props.before.is_empty() && !props.after.is_empty();
    let comparison = if chosen_both {
        match (answers(&state, &before), answers(&state, &after)) {
            (Some((before_name, before_answers)), Some((after_name, after_answers))) => {
                let comparison = readiness_core::compare::compare(&state.framework, &before_answers, &after_answers);
                html! { <ComparisonView {comparison} before_name={before_name} after_name={after_name} /> }
            }
            _ => html! {
                <div class="rc-error-summary" role="alert">
                    <h2 class="rc-error-summary__title">{ "These assessments cannot be compared" }</h2>
                    <p class="rc-body">{ "One of them is no longer in this browser, or could not be read. Choose again." }</p>
                </div>
            },
        }
    } else {
        Html::default()
    };

    html! {
        <>
            <a href="#/assessments" class="rc-back-link">{ "Back to all assessments" }</a>
            <h1 class="rc-heading-l" tabindex="-1">{ "Compare two assessments" }</h1>
            if options.len() < 2 {
                <p class="rc-body">{ "You need two assessments to compare. " }<a class="rc-link" href="#/assessments">{ "Start a new assessment" }</a>{ " or " }<a class="rc-link" href="#/import">{ "import one from a file" }</a>{ "." }</p>
            } else {
                <form {onsubmit} class="rc-compare__form" novalidate=true>
                    <div class="rc-grid-row">
                        <div class="rc-grid-column-one-half">{ select("compare-before", "Earlier assessment (before)", &before) }</div>
                        <div class="rc-grid-column-one-half">{ select("compare-after", "Later assessment (after)", &after) }</div>
                    </div>
                    <button type="submit" class="rc-button">{ "Compare" }</button>
                </form>
                { comparison }
            }
        </>
    }
}
