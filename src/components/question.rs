//! One item on a section page: a fieldset whose legend is the statement, the scale as radios
//! labelled with the level names and their descriptions beside them, an optional note and a
//! priority flag; or, for a vision question, a labelled text area. Number keys 0 to 4 rate the
//! item whose radios have focus.

use readiness_core::answer::{Answer, Choice, Rating};
use readiness_core::framework::{Item, ItemKind, ScaleKind};
use readiness_core::session::{Field, FieldError};
use readiness_core::{Action, ItemId};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::state::{Dispatch, Fixed, Msg};

/// Properties of a question.
#[derive(Properties, PartialEq)]
pub struct QuestionProps {
    /// The framework and the dispatcher.
    pub fixed: Fixed,
    /// Position of the item in the framework.
    pub item: usize,
    /// Its answer, if any.
    pub answer: Option<Answer>,
    /// Errors about it from the last "Save and continue".
    pub errors: Vec<FieldError>,
    /// Its number in the section, from 1.
    pub number: usize,
    /// Items in the section.
    pub count: usize,
}

fn send(dispatch: &Dispatch, action: Action) {
    dispatch.dispatch(Msg::Do(action));
}

/// A question of any kind.
#[component]
pub fn Question(props: &QuestionProps) -> Html {
    let framework = &props.fixed.framework;
    let dispatch = &props.fixed.dispatch;
    let item = &framework.items[props.item];
    let caption = html! { <p class="rc-caption-m rc-item__number">{ format!("Question {} of {}", props.number, props.count) }</p> };
    let body = match item.kind {
        ItemKind::Text => text_question(item, props, dispatch),
        ItemKind::Rating | ItemKind::Choice => html! {
            <>
                { scale_question(framework, item, props, dispatch) }
                { note(item, props, dispatch) }
                { priority(item, props, dispatch) }
            </>
        },
    };
    html! {
        <div class="rc-item" id={format!("{}-item", item.id)}>
            { caption }
            { body }
        </div>
    }
}

/// A form group, marked as in error when `error`. The class is one of two literals: building it
/// from parts would bring Yew's `Classes` into the first-load build.
fn form_group(error: bool, children: Html) -> Html {
    if error {
        html! { <div class="rc-form-group rc-form-group--error">{ children }</div> }
    } else {
        html! { <div class="rc-form-group">{ children }</div> }
    }
}

fn error_for(props: &QuestionProps, field: Field) -> Option<&FieldError> {
    props.errors.iter().find(|error| error.field == field)
}

fn error_message(id: &str, error: Option<&FieldError>) -> Html {
    match error {
        Some(error) => {
            html! { <p id={id.to_owned()} class="rc-error-message"><span class="rc-visually-hidden">{ "Error: " }</span>{ error.message.clone() }</p> }
        }
        None => Html::default(),
    }
}

struct RadioOption {
    id: String,
    name: String,
    hint: String,
    checked: bool,
    action: Action,
}

fn scale_question(framework: &readiness_core::Framework, item: &Item, props: &QuestionProps, dispatch: &Dispatch) -> Html {
    let scale = framework.scale_of(item);
    let id = item.id.to_string();
    let at = String::new();
    let options: Vec<RadioOption> = match &scale.kind {
        ScaleKind::Rating { levels, not_sure, not_sure_description } => {
            let current = props.answer.as_ref().and_then(Answer::rating);
            let mut options: Vec<RadioOption> = levels
                .iter()
                .map(|level| RadioOption {
                    id: format!("{id}-{}", level.value),
                    name: level.name.clone(),
                    hint: format!("Level {}: {}", level.value, level.description),
                    checked: current == Some(Rating::Level(level.value)),
                    action: Action::Rate { item: item.id.clone(), rating: Rating::Level(level.value), at: at.clone() },
                })
                .collect();
            options.push(RadioOption {
                id: format!("{id}-not-sure"),
                name: not_sure.clone(),
                hint: not_sure_description.clone(),
                checked: current == Some(Rating::NotSure),
                action: Action::Rate { item: item.id.clone(), rating: Rating::NotSure, at: at.clone() },
            });
            options
        }
        ScaleKind::Choice { names } => {
            let current = props.answer.as_ref().and_then(Answer::choice);
            Choice::ALL
                .iter()
                .map(|&choice| RadioOption {
                    id: format!("{id}-{}", choice.id()),
                    name: names[choice.position()].clone(),
                    hint: String::new(),
                    checked: current == Some(choice),
                    action: Action::Choose { item: item.id.clone(), choice, at: at.clone() },
                })
                .collect()
        }
        ScaleKind::Text => Vec::new(),
    };
    let error = error_for(props, Field::Value);
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = if error.is_some() { format!("{hint_id} {error_id}") } else { hint_id.clone() };
    let hint = match (&scale.kind, &item.challenge) {
        (ScaleKind::Rating { .. }, _) => format!("{} You can press 0 to 4 to choose a level.", scale.question),
        (ScaleKind::Choice { names }, Some(challenge)) => {
            format!("Answering ‘{}’ signals an opportunity to do things differently.", names[challenge.opportunity_when.position()])
        }
        _ => String::new(),
    };
    let onkeydown = {
        let dispatch = dispatch.clone();
        let item_id = item.id.clone();
        let rated = matches!(scale.kind, ScaleKind::Rating { .. });
        Callback::from(move |event: KeyboardEvent| number_key(&event, rated, &item_id, &dispatch))
    };
    let not_sure_at = options.len().saturating_sub(1);
    let is_rating = matches!(scale.kind, ScaleKind::Rating { .. });
    let answered = options.iter().any(|option| option.checked);
    let clear = {
        let dispatch = dispatch.clone();
        let item_id = item.id.clone();
        let first = options.first().map(|option| option.id.clone()).unwrap_or_default();
        Callback::from(move |event: MouseEvent| {
            send(&dispatch, Action::Clear { item: item_id.clone(), at: crate::now() });
            // The button hides with the answer: focus goes to the question's first answer, just
            // above it, not back to the top of the page.
            if let Some(radio) = crate::dom::element::<web_sys::HtmlElement>(&crate::dom::root_of(&event), &first) {
                let _ = radio.focus();
            }
        })
    };
    form_group(
        error.is_some(),
        html! {
            <fieldset class="rc-fieldset" aria-describedby={described_by} {onkeydown}>
                <legend class="rc-fieldset__legend rc-fieldset__legend--m">{ item.statement.clone() }</legend>
                <div id={hint_id} class="rc-hint">{ hint }</div>
                { error_message(&error_id, error) }
                <div class="rc-radios">
                    { for options.into_iter().enumerate().map(|(position, option)| {
                        let dispatch = dispatch.clone();
                        let RadioOption { id: option_id, name, hint, checked, action } = option;
                        let onchange = Callback::from(move |_: Event| send(&dispatch, stamp(action.clone())));
                        let hint_id = format!("{option_id}-hint");
                        html! {
                            <>
                                if is_rating && position == not_sure_at {
                                    <div class="rc-radios__divider">{ "or" }</div>
                                }
                                <div class="rc-radios__item" key={option_id.clone()}>
                                    <input class="rc-radios__input" id={option_id.clone()} name={id.clone()} type="radio" {checked} {onchange}
                                        aria-describedby={(!hint.is_empty()).then(|| hint_id.clone())} />
                                    <label class="rc-label rc-radios__label" for={option_id}>{ name }</label>
                                    if !hint.is_empty() {
                                        <div id={hint_id} class="rc-hint rc-radios__hint">{ hint }</div>
                                    }
                                </div>
                            </>
                        }
                    }) }
                </div>
                // Always there, disabled (which the stylesheet hides) until the question has an
                // answer: giving the first answer then moves nothing below it on the page, and
                // costs the browser only a small layout.
                <button type="button" class="rc-link-button rc-item__clear" disabled={!answered} onclick={clear}>
                    { "Clear this answer" }<span class="rc-visually-hidden">{ format!(" (‘{}’)", item.label) }</span>
                </button>
            </fieldset>
        },
    )
}

/// Puts the time of the click on an action built at render time.
fn stamp(action: Action) -> Action {
    let at = crate::now();
    match action {
        Action::Rate { item, rating, .. } => Action::Rate { item, rating, at },
        Action::Choose { item, choice, .. } => Action::Choose { item, choice, at },
        other => other,
    }
}

/// Number keys 0 to 4 choose that level for the item whose radios have focus, and move focus to
/// it, as arrow keys do. Text fields are outside the fieldset, so typing digits in a note is safe.
fn number_key(event: &KeyboardEvent, rated: bool, item: &ItemId, dispatch: &Dispatch) {
    if !rated || event.ctrl_key() || event.alt_key() || event.meta_key() {
        return;
    }
    let in_text = event.target().and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok()).is_some_and(|input| input.type_() != "radio");
    if in_text {
        return;
    }
    let Some(level) = event.key().parse::<u8>().ok().filter(|level| *level <= readiness_core::answer::TOP_LEVEL) else { return };
    event.prevent_default();
    send(dispatch, Action::Rate { item: item.clone(), rating: Rating::Level(level), at: crate::now() });
    crate::dom::focus(&crate::dom::root_of(event), &format!("{item}-{level}"));
}

fn note(item: &Item, props: &QuestionProps, dispatch: &Dispatch) -> Html {
    let id = format!("{}-note", item.id);
    let error = error_for(props, Field::Note);
    let error_id = format!("{id}-error");
    let value = props.answer.as_ref().map(|answer| answer.note.clone()).unwrap_or_default();
    let oninput = {
        let dispatch = dispatch.clone();
        let item_id = item.id.clone();
        Callback::from(move |event: InputEvent| {
            if let Some(area) = event.target().and_then(|target| target.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) {
                send(&dispatch, Action::Note { item: item_id.clone(), note: area.value(), at: crate::now() });
            }
        })
    };
    form_group(
        error.is_some(),
        html! {
            <>
                <label class="rc-label rc-label--s" for={id.clone()}>
                    { "Evidence, or what we would change" }<span class="rc-visually-hidden">{ format!(" for ‘{}’", item.label) }</span>{ " (optional)" }
                </label>
                { error_message(&error_id, error) }
                <textarea class="rc-textarea" aria-invalid={error.is_some().then_some("true")} id={id.clone()} name={id} rows="2" {value} {oninput}
                    maxlength={readiness_core::codec::export::MAX_NOTE.to_string()}
                    aria-describedby={error.is_some().then_some(error_id.clone())} />
            </>
        },
    )
}

fn priority(item: &Item, props: &QuestionProps, dispatch: &Dispatch) -> Html {
    let id = format!("{}-priority", item.id);
    let error = error_for(props, Field::Priority);
    let error_id = format!("{id}-error");
    let checked = props.answer.as_ref().is_some_and(|answer| answer.priority);
    let onchange = {
        let dispatch = dispatch.clone();
        let item_id = item.id.clone();
        Callback::from(move |event: Event| {
            if let Some(input) = event.target().and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                send(&dispatch, Action::Priority { item: item_id.clone(), on: input.checked(), at: crate::now() });
            }
        })
    };
    form_group(
        error.is_some(),
        html! {
            <>
                { error_message(&error_id, error) }
                <div class="rc-checkboxes rc-checkboxes--small">
                    <div class="rc-checkboxes__item">
                        <input class="rc-checkboxes__input" id={id.clone()} name={id.clone()} type="checkbox" {checked} {onchange}
                            aria-describedby={error.is_some().then_some(error_id.clone())} />
                        <label class="rc-label rc-checkboxes__label" for={id}>
                            { "This is a priority for us" }<span class="rc-visually-hidden">{ format!(" (‘{}’)", item.label) }</span>
                        </label>
                    </div>
                </div>
            </>
        },
    )
}

fn text_question(item: &Item, props: &QuestionProps, dispatch: &Dispatch) -> Html {
    let id = format!("{}-text", item.id);
    let hint_id = format!("{id}-hint");
    let error = error_for(props, Field::Value);
    let error_id = format!("{id}-error");
    let value = props.answer.as_ref().and_then(Answer::text).unwrap_or_default().to_owned();
    let oninput = {
        let dispatch = dispatch.clone();
        let item_id = item.id.clone();
        Callback::from(move |event: InputEvent| {
            if let Some(area) = event.target().and_then(|target| target.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) {
                send(&dispatch, Action::Write { item: item_id.clone(), text: area.value(), at: crate::now() });
            }
        })
    };
    let described_by = if error.is_some() { format!("{hint_id} {error_id}") } else { hint_id.clone() };
    form_group(
        error.is_some(),
        html! {
            <>
                <h2 class="rc-label-wrapper">
                    <label class="rc-label rc-label--m" for={id.clone()}>{ item.statement.clone() }</label>
                </h2>
                <div id={hint_id} class="rc-hint">{ format!("Optional, up to {} characters. Not scored: your answer appears at the top of your report.", readiness_core::session::thousands(readiness_core::codec::export::MAX_TEXT)) }</div>
                { error_message(&error_id, error) }
                <textarea class="rc-textarea" aria-invalid={error.is_some().then_some("true")} id={id.clone()} name={id} rows="5" {value} {oninput}
                    maxlength={readiness_core::codec::export::MAX_TEXT.to_string()}
                    aria-describedby={described_by} />
            </>
        },
    )
}
