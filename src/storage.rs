//! Autosave to the browser's local storage. Every write is checked: when storage is full or
//! blocked the app carries on in memory and says so; a saved entry that cannot be read is
//! copied to a backup key before anything else is written, and the user is told.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use gloo::events::EventListener;
use readiness_core::codec::stored::{self, Library};
use readiness_core::{Assessment, Framework};
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use yew::prelude::*;

use crate::state::{AppHandle, Baseline, Conflict, Dispatch, Msg, Saving};

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

/// The key storage version 1 kept its one assessment under.
pub fn legacy_key(namespace: &str, framework: &Framework) -> String {
    format!("{namespace}:{}:current", framework.id)
}

/// The key of the list of saved assessments.
pub fn library_key(namespace: &str, framework: &Framework) -> String {
    format!("{namespace}:{}:library", framework.id)
}

/// The key one assessment is saved under.
pub fn assessment_key(namespace: &str, framework: &Framework, id: &str) -> String {
    format!("{namespace}:{}:assessment:{id}", framework.id)
}

/// Every key in local storage.
pub fn keys() -> Vec<String> {
    let Ok(storage) = local_storage() else { return Vec::new() };
    let n = storage.length().unwrap_or(0);
    (0..n).filter_map(|index| storage.key(index).ok().flatten()).collect()
}

/// The raw text under `key`, if storage is there and holds it.
pub fn raw(key: &str) -> Option<String> {
    local_storage().ok()?.get_item(key).ok().flatten()
}

/// Writes raw text under `key`.
pub fn put(key: &str, text: &str) -> Result<(), String> {
    local_storage()?.set_item(key, text).map_err(|error| describe(&error))
}

/// Removes `key`; a failure leaves the entry where it was, which loses nothing.
pub fn remove(key: &str) {
    if let Ok(storage) = local_storage() {
        let _ = storage.remove_item(key);
    }
}

/// The revision number an envelope's text records, read without decoding the rest: the
/// envelope is written with `revision` before `data`, so this is a short scan.
pub fn revision_of(text: &str) -> Option<u64> {
    let head = &text[..text.find("\"data\"").unwrap_or(text.len())];
    let start = head.find("\"revision\":")? + "\"revision\":".len();
    let digits: String = head[start..].trim_start().chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
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

/// What autosave knows about the stored copy of the open assessment.
#[derive(Default)]
struct Saved {
    key: String,
    epoch: u64,
    revision: u64,
    answers: Option<Assessment>,
}

/// What [`use_storage`] keeps between runs.
struct Memory {
    /// The framework, the app's dispatcher, whether writing is allowed, the storage namespace
    /// and the list's key: fixed for the app's life.
    framework: Rc<Framework>,
    dispatcher: Dispatch,
    enabled: bool,
    namespace: Rc<str>,
    library_key: String,
    /// What autosave knows about the stored answers.
    saved: Saved,
    /// The list as last seen (none before the first run).
    library: Option<Library>,
    /// The key the other tabs' listener is for, and the listener.
    listening: Option<(String, EventListener)>,
    /// Answers to write once the frame that shows them has been drawn.
    pending: Option<Pending>,
    /// Writes the pending answers at once when the page is hidden (it may not come back).
    hiding: Option<EventListener>,
}

/// Answers waiting to be written, under `key`.
struct Pending {
    key: String,
    baseline: Baseline,
    assessment: Assessment,
    waiting: bool,
}

impl Memory {
    fn write_pending(&mut self) {
        if let Some(job) = self.pending.take() {
            autosave(&mut self.saved, &self.framework, &self.dispatcher, self.enabled, (&job.key, &job.baseline, &job.assessment, job.waiting));
        }
    }
}

impl Drop for Memory {
    /// When the app goes (a widget removed, or the first-load build handing over to the full
    /// one), answers still waiting are written before anything else reads storage.
    fn drop(&mut self) {
        self.write_pending();
    }
}

/// Calls `memory`'s [`Memory::write_pending`] after the next frame has been drawn: an
/// animation frame callback runs just before that frame, and a task it queues runs after it.
fn write_after_next_frame(memory: Weak<RefCell<Memory>>) {
    let write = Closure::once_into_js(move || {
        if let Some(memory) = memory.upgrade() {
            memory.borrow_mut().write_pending();
        }
    });
    let queue = Closure::once_into_js(move || {
        let _ = gloo::utils::window().set_timeout_with_callback(write.unchecked_ref());
    });
    let _ = gloo::utils::window().request_animation_frame(queue.unchecked_ref());
}

/// Keeps the open assessment and the list of assessments in step with storage, in one effect
/// (each effect costs the wasm its own copy of Yew's code):
///
/// - saves the answers whenever they change, just after the frame that shows the change is
///   drawn (so a click's response on screen does not wait on storage), or at once if the page
///   is hidden or the app goes first. Before each write it checks the stored revision: if
///   another tab has saved since, nothing is written and the user is asked which answers to
///   keep;
/// - saves the list whenever it changes, and removes the stored answers of assessments that
///   have left the "recently deleted" list;
/// - listens for writes from other tabs and windows: a newer save of the open assessment raises
///   a conflict for the user to settle; a change to the list is taken over. (The listener goes
///   when the app does, with this hook's state.)
///
/// Failures and recoveries are reported to the app's state.
#[hook]
pub fn use_storage(state: &AppHandle, enabled: bool) {
    let memory: Rc<RefCell<Memory>> = use_mut_ref(|| Memory {
        framework: state.framework.clone(),
        dispatcher: state.dispatcher(),
        enabled,
        namespace: state.namespace.clone(),
        library_key: library_key(&state.namespace, &state.framework),
        saved: Saved::default(),
        library: None,
        listening: None,
        pending: None,
        hiding: None,
    });
    let key = state.key();
    let assessment = state.session.assessment.clone();
    let baseline = state.baseline.clone();
    let waiting = state.conflict.is_some();
    let library = state.library.clone();
    use_effect_with((key, baseline, assessment, waiting, library), move |(key, baseline, assessment, waiting, library)| {
        let shared = Rc::downgrade(&memory);
        let memory = &mut *memory.borrow_mut();
        // Answers waiting for another assessment, or for another copy of this one, go first.
        if memory.pending.as_ref().is_some_and(|job| job.key != *key || job.baseline.epoch != baseline.epoch) {
            memory.write_pending();
        }
        let idle = memory.pending.is_none();
        memory.pending = Some(Pending { key: key.clone(), baseline: baseline.clone(), assessment: assessment.clone(), waiting: *waiting });
        if memory.saved.key != *key || memory.saved.epoch != baseline.epoch {
            // A newly opened assessment (or copy): autosave takes it in now, as what is stored.
            memory.write_pending();
        } else if idle {
            write_after_next_frame(shared.clone());
        }
        save_library(&mut memory.library, &memory.framework, &memory.dispatcher, memory.enabled, (&memory.library_key, &memory.namespace, library));
        if memory.listening.as_ref().is_none_or(|(listened, _)| listened != key) {
            let listener = other_tabs(memory.framework.clone(), memory.dispatcher.clone(), key.clone(), memory.library_key.clone());
            memory.listening = Some((key.clone(), listener));
        }
        memory.hiding.get_or_insert_with(|| {
            EventListener::new(&gloo::utils::document(), "visibilitychange", move |_| {
                if let Some(memory) = shared.upgrade() {
                    memory.borrow_mut().write_pending();
                }
            })
        });
    });
}

/// The other tabs' part of [`use_storage`]: a listener for their writes to `key` and `library_key`.
fn other_tabs(framework: Rc<Framework>, dispatcher: Dispatch, key: String, library_key: String) -> EventListener {
    EventListener::new(&gloo::utils::window(), "storage", move |event| {
        let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else { return };
        let Some(changed) = event.key() else { return };
        let Some(text) = event.new_value() else { return };
        if changed == key {
            // Storage events come only from other tabs and windows: any write there is news.
            if let Ok(found) = stored::decode(&text, &framework) {
                dispatcher.dispatch(Msg::Conflict(Some(Conflict { theirs: found.assessment, revision: found.revision })));
            }
        } else if changed == library_key
            && let Ok((library, _)) = Library::decode(&text)
        {
            dispatcher.dispatch(Msg::Library(library));
        }
    })
}

/// The answers' part of [`use_storage`].
fn autosave(
    saved: &mut Saved,
    framework: &Framework,
    dispatcher: &Dispatch,
    enabled: bool,
    (key, baseline, assessment, waiting): (&str, &Baseline, &Assessment, bool),
) {
    let fresh = saved.key != key || saved.epoch != baseline.epoch;
    if fresh {
        *saved = Saved { key: key.to_owned(), epoch: baseline.epoch, revision: baseline.revision, answers: Some(assessment.clone()) };
        if !baseline.write {
            return;
        }
    } else if !enabled || waiting || saved.answers.as_ref() == Some(assessment) {
        return;
    }
    if !enabled {
        return;
    }
    // Only when the stored revision is newer is the whole entry read, to show the choice.
    let newer = !fresh && raw(key).and_then(|text| revision_of(&text)).is_some_and(|revision| revision > saved.revision);
    if newer && let Loaded::Found(theirs, revision) = load(framework, key) {
        dispatcher.dispatch(Msg::Conflict(Some(Conflict { theirs, revision })));
        return;
    }
    let next = saved.revision + 1;
    match save(framework, key, assessment, next, &crate::now()) {
        Ok(()) => {
            saved.revision = next;
            saved.answers = Some(assessment.clone());
            dispatcher.dispatch(Msg::Saving(Saving::Saved));
        }
        Err(reason) => dispatcher.dispatch(Msg::Saving(Saving::Failing(reason))),
    }
}

/// The list's part of [`use_storage`]: nothing on the first run, which only remembers the list.
fn save_library(
    previous: &mut Option<Library>,
    framework: &Framework,
    dispatcher: &Dispatch,
    enabled: bool,
    (key, namespace, library): (&str, &str, &Library),
) {
    let Some(before) = previous.replace(library.clone()) else { return };
    if !enabled || before == *library {
        return;
    }
    let revision = raw(key).and_then(|text| Library::decode(&text).ok()).map_or(0, |(_, revision)| revision) + 1;
    match put(key, &library.encode(&crate::now(), revision)) {
        Ok(()) => {
            let kept = |id: &str| library.assessments.iter().chain(&library.deleted).any(|entry| entry.id == id);
            for gone in before.assessments.iter().chain(&before.deleted).filter(|entry| !kept(&entry.id)) {
                remove(&assessment_key(namespace, framework, &gone.id));
            }
        }
        Err(reason) => dispatcher.dispatch(Msg::Saving(Saving::Failing(reason))),
    }
}

#[cfg(test)]
mod tests {
    use super::revision_of;

    #[test]
    fn the_revision_is_read_from_the_head_of_the_envelope() {
        assert_eq!(revision_of(r#"{"version":2,"saved_at":"2026-11-22T10:00:00Z","revision":12,"data":{"title":"\"revision\":99"}}"#), Some(12));
        assert_eq!(revision_of(r#"{"version":2,"data":{"revision":99}}"#), None, "a revision inside the data does not count");
        assert_eq!(revision_of("not json"), None);
    }
}
