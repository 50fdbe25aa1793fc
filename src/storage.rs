//! Autosave to the browser's local storage. Every write is checked: when storage is full or
//! blocked the app carries on in memory and says so; a saved entry that cannot be read is
//! copied to a backup key before anything else is written, and the user is told.

use std::cell::RefCell;
use std::rc::Rc;

use readiness_core::codec::stored;
use readiness_core::{Assessment, Framework};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::state::{AppHandle, Msg, Saving};

/// What was found in storage at start-up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Loaded {
    /// Nothing saved, or storage not available.
    Nothing,
    /// Saved answers, with the revision they were saved at.
    Found(Assessment, u64),
    /// Something saved that cannot be read: why, and its raw text.
    Unreadable(String, String),
}

/// The key an assessment is saved under: the namespace, then the framework's id.
pub fn key(namespace: &str, framework: &Framework) -> String {
    format!("{namespace}:{}:current", framework.id)
}

fn local_storage() -> Result<web_sys::Storage, String> {
    match gloo::utils::window().local_storage() {
        Ok(Some(storage)) => Ok(storage),
        Ok(None) => Err("this browser has no local storage".to_owned()),
        Err(error) => Err(describe(&error)),
    }
}

/// Puts a storage error in words, telling a full store from a blocked one whatever the browser
/// calls it (Chromium and Safari: QuotaExceededError, code 22; Firefox: NS_ERROR_DOM_QUOTA_REACHED,
/// code 1014).
pub fn describe(error: &wasm_bindgen::JsValue) -> String {
    match error.dyn_ref::<web_sys::DomException>() {
        Some(exception)
            if exception.name() == "QuotaExceededError" || exception.name() == "NS_ERROR_DOM_QUOTA_REACHED" || matches!(exception.code(), 22 | 1014) =>
        {
            "this browser's storage is full".to_owned()
        }
        Some(exception) if exception.name() == "SecurityError" => "this browser is blocking storage for this page (for example in private browsing)".to_owned(),
        Some(exception) => format!("the browser refused to save ({})", exception.name()),
        None => "the browser refused to save".to_owned(),
    }
}

/// Reads the saved assessment, if any.
pub fn load(framework: &Framework, key: &str) -> Loaded {
    let Ok(storage) = local_storage() else { return Loaded::Nothing };
    let Ok(Some(raw)) = storage.get_item(key) else { return Loaded::Nothing };
    match stored::decode(&raw, framework) {
        Ok(found) => Loaded::Found(found.assessment, found.revision),
        Err(problems) => Loaded::Unreadable(problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "), raw),
    }
}

/// Copies unreadable saved text to a backup key, so that nothing is overwritten silently;
/// returns the backup key.
pub fn back_up(key: &str, raw: &str, at: &str) -> Result<String, String> {
    let storage = local_storage()?;
    let backup_key = format!("{key}:backup:{at}");
    storage.set_item(&backup_key, raw).map_err(|error| describe(&error))?;
    Ok(backup_key)
}

/// Saves an assessment at a revision.
pub fn save(framework: &Framework, key: &str, assessment: &Assessment, revision: u64, at: &str) -> Result<(), String> {
    let storage = local_storage()?;
    storage.set_item(key, &stored::encode(framework, assessment, at, revision)).map_err(|error| describe(&error))
}

/// Saves the assessment whenever it changes (not the first time, which is what was loaded),
/// and reports failures and recoveries to the app's state.
#[hook]
pub fn use_autosave(state: &AppHandle, key: String, revision: u64) {
    let last_saved: Rc<RefCell<Option<Assessment>>> = use_mut_ref(|| None);
    let revision = use_mut_ref(move || revision);
    let assessment = state.session.assessment.clone();
    let framework = state.framework.clone();
    let dispatcher = state.dispatcher();
    use_effect_with(assessment, move |assessment| {
        let first = last_saved.borrow().is_none();
        if key.is_empty() {
            // Storage could not take a backup of unreadable answers: never write over them.
        } else if first {
            *last_saved.borrow_mut() = Some(assessment.clone());
        } else if last_saved.borrow().as_ref() != Some(assessment) {
            let next = *revision.borrow() + 1;
            match save(&framework, &key, assessment, next, &crate::now()) {
                Ok(()) => {
                    *revision.borrow_mut() = next;
                    *last_saved.borrow_mut() = Some(assessment.clone());
                    dispatcher.dispatch(Msg::Saving(Saving::Saved));
                }
                Err(reason) => dispatcher.dispatch(Msg::Saving(Saving::Failing(reason))),
            }
        }
    });
}
