//! Importing an assessment from an export file (or pasted text). The whole file is checked
//! first; nothing changes unless all of it is valid, and every problem says where and what.

use std::rc::Rc;

use readiness_core::codec::export;
use readiness_core::{Assessment, Route};
use yew::prelude::*;

use crate::actions;
use crate::components::layout::in_page_link;
use crate::state::{Msg, use_app, use_dispatch};

/// What the page is showing.
#[derive(Clone, PartialEq)]
enum Checked {
    Nothing,
    Reading,
    Problems(String, Vec<String>),
    Valid(String, Rc<Assessment>),
}

fn check(name: String, text: &str, framework: &readiness_core::Framework) -> Checked {
    match export::decode(text, framework) {
        Ok(assessment) => Checked::Valid(name, Rc::new(assessment)),
        Err(problems) => Checked::Problems(name, problems.iter().map(ToString::to_string).collect()),
    }
}

/// The import page.
#[component]
pub fn ImportPage() -> Html {
    let state = use_app();
    let dispatch = use_dispatch();
    let checked = use_state(|| Checked::Nothing);

    let onsubmit = {
        let checked = checked.clone();
        let framework = state.framework.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let root = crate::dom::root_of(&event);
            let file = crate::dom::element::<web_sys::HtmlInputElement>(&root, "import-file").and_then(|input| input.files()).and_then(|files| files.get(0));
            let pasted = crate::dom::element::<web_sys::HtmlTextAreaElement>(&root, "import-text").map(|area| area.value()).unwrap_or_default();
            match file {
                Some(file) => {
                    let name = file.name();
                    if file.size() > export::MAX_BYTES as f64 {
                        checked.set(Checked::Problems(
                            name,
                            vec![format!(
                                "the file is {} bytes; an assessment file is at most {} bytes",
                                readiness_core::session::thousands(file.size() as usize),
                                readiness_core::session::thousands(export::MAX_BYTES)
                            )],
                        ));
                        return;
                    }
                    checked.set(Checked::Reading);
                    let checked = checked.clone();
                    let framework = framework.clone();
                    wasm_bindgen_futures::spawn_local(async move {
                        match wasm_bindgen_futures::JsFuture::from(file.text()).await {
                            Ok(text) => checked.set(check(name, &text.as_string().unwrap_or_default(), &framework)),
                            Err(_) => checked.set(Checked::Problems(name, vec!["the browser could not read the file".to_owned()])),
                        }
                    });
                }
                None if !pasted.trim().is_empty() => checked.set(check("The pasted text".to_owned(), &pasted, &framework)),
                None => checked.set(Checked::Problems(String::new(), vec!["Choose a file, or paste the contents of one".to_owned()])),
            }
        })
    };

    let result = match &*checked {
        Checked::Nothing => Html::default(),
        Checked::Reading => html! { <p class="rc-body" role="status">{ "Reading the file…" }</p> },
        Checked::Problems(name, problems) => html! {
            <div class="rc-error-summary" tabindex="-1" id="import-problems">
                <div role="alert">
                    <h2 class="rc-error-summary__title">{ if name.is_empty() { "There is a problem".to_owned() } else { format!("{name} cannot be imported") } }</h2>
                    <div class="rc-error-summary__body">
                        if !name.is_empty() {
                            <p class="rc-body">{ "Nothing has been changed. Fix these problems in the file and try again:" }</p>
                        }
                        <ul class="rc-list rc-error-summary__list">
                            { for problems.iter().map(|problem| html! { <li>{ in_page_link("import-file", problem.clone()) }</li> }) }
                        </ul>
                    </div>
                </div>
            </div>
        },
        Checked::Valid(name, assessment) => {
            let answered = readiness_core::score::score(&state.framework, assessment).n_answered;
            let notes = assessment.answers.values().filter(|answer| !answer.note.trim().is_empty()).count();
            let migrated = assessment.framework.version != state.framework.version;
            let as_new = {
                let (state, dispatch, assessment) = (state.clone(), dispatch.clone(), assessment.clone());
                Callback::from(move |_| {
                    let title = crate::state::display_title(&assessment.title);
                    actions::add(&state, &dispatch, (*assessment).clone(), Route::Tasks);
                    dispatch.dispatch(Msg::Flash(Some(crate::state::Flash::Done(format!("‘{title}’ has been imported as a new assessment")))));
                })
            };
            let replace = {
                let (state, dispatch, assessment) = (state.clone(), dispatch.clone(), assessment.clone());
                Callback::from(move |_| {
                    let title = state.title();
                    actions::replace(&state, &dispatch, (*assessment).clone(), Route::Tasks);
                    dispatch.dispatch(Msg::Flash(Some(crate::state::Flash::Done(format!("The answers in ‘{title}’ have been replaced by the imported ones. The earlier answers are under ‘Recently deleted’ on the list of all assessments.")))));
                })
            };
            let compare = {
                let (dispatch, assessment) = (dispatch.clone(), assessment.clone());
                Callback::from(move |_| {
                    dispatch.dispatch(Msg::Imported(Some(assessment.clone())));
                    dispatch.dispatch(Msg::Do(readiness_core::Action::Go(Route::Compare { before: String::new(), after: "imported".to_owned() })));
                })
            };
            html! {
                <div id="import-valid">
                    <h2 class="rc-heading-m" tabindex="-1" id="import-valid-heading">{ format!("{name} is ready to import") }</h2>
                    <dl class="rc-summary-list">
                        <div class="rc-summary-list__row rc-summary-list__row--no-actions">
                            <dt class="rc-summary-list__key">{ "Name" }</dt>
                            <dd class="rc-summary-list__value">{ crate::state::display_title(&assessment.title) }</dd>
                        </div>
                        <div class="rc-summary-list__row rc-summary-list__row--no-actions">
                            <dt class="rc-summary-list__key">{ "Questions answered" }</dt>
                            <dd class="rc-summary-list__value">{ format!("{answered} of {}", state.framework.scored_items().count()) }</dd>
                        </div>
                        <div class="rc-summary-list__row rc-summary-list__row--no-actions">
                            <dt class="rc-summary-list__key">{ "Notes" }</dt>
                            <dd class="rc-summary-list__value">{ notes }</dd>
                        </div>
                        <div class="rc-summary-list__row rc-summary-list__row--no-actions">
                            <dt class="rc-summary-list__key">{ "Version of the questions" }</dt>
                            <dd class="rc-summary-list__value">
                                { assessment.framework.version.clone() }
                                if migrated { { format!(" (this tool asks version {}; answers to questions still asked will be carried over", state.framework.version) }{ if assessment.retired.is_empty() { ")".to_owned() } else { format!(", and {} to retired questions kept)", assessment.retired.len()) } } }
                            </dd>
                        </div>
                        if let Some(updated) = &assessment.updated {
                            <div class="rc-summary-list__row rc-summary-list__row--no-actions">
                                <dt class="rc-summary-list__key">{ "Last changed" }</dt>
                                <dd class="rc-summary-list__value">{ updated.chars().take(10).collect::<String>() }</dd>
                            </div>
                        }
                    </dl>
                    <div class="rc-button-group">
                        <button type="button" class="rc-button" onclick={as_new}>{ "Add as a new assessment" }</button>
                        <button type="button" class="rc-button rc-button--secondary" onclick={replace}>{ format!("Replace the answers in ‘{}’", state.title()) }</button>
                        <button type="button" class="rc-button rc-button--secondary" onclick={compare}>{ "Compare with a saved assessment" }</button>
                    </div>
                </div>
            }
        }
    };

    // Bring the outcome into view and focus, so keyboard and screen reader users hear it.
    let page = use_node_ref();
    {
        let checked = (*checked).clone();
        let page = page.clone();
        use_effect_with(checked, move |checked| {
            let Some(root) = page.get().map(|node| node.get_root_node()) else { return };
            match checked {
                Checked::Problems(..) => crate::dom::focus(&root, "import-problems"),
                Checked::Valid(..) => crate::dom::focus(&root, "import-valid-heading"),
                _ => {}
            }
        });
    }

    html! {
        <div class="rc-grid-row" ref={page}>
            <div class="rc-grid-column-two-thirds">
                <h1 class="rc-heading-l" tabindex="-1">{ "Import an assessment" }</h1>
                { result }
                <p class="rc-body">{ "Import a file downloaded from this tool (‘Download your answers’). The whole file is checked first; nothing changes unless all of it can be read. The file is read in this browser and is not sent anywhere." }</p>
                <form {onsubmit} novalidate=true>
                    <div class="rc-form-group">
                        <label class="rc-label rc-label--s" for="import-file">{ "Choose an assessment file (JSON)" }</label>
                        <div id="import-file-hint" class="rc-hint">{ format!("At most {} bytes.", readiness_core::session::thousands(export::MAX_BYTES)) }</div>
                        <input class="rc-file-upload" id="import-file" name="import-file" type="file" accept=".json,application/json" aria-describedby="import-file-hint" />
                    </div>
                    <div class="rc-form-group">
                        <label class="rc-label rc-label--s" for="import-text">{ "Or paste the file's contents" }</label>
                        <textarea class="rc-textarea" id="import-text" name="import-text" rows="4" spellcheck="false" />
                    </div>
                    <button type="submit" class="rc-button">{ "Check the file" }</button>
                </form>
            </div>
        </div>
    }
}
