//! What the list of assessments, imports and share links do, as callbacks' bodies: each reads
//! storage if it must (event handlers may; reducers and renders may not) and then sends
//! messages to the app's state.

use readiness_core::codec::stored::Entry;
use readiness_core::{Assessment, FrameworkRef, Route};

use crate::state::{AppState, Msg, Notice, display_title};
use crate::storage::{self, Loaded};

/// Opens the saved assessment `id`, going to `route`. Unreadable answers are backed up first
/// and the user is told; the assessment then opens empty.
pub fn open(state: &AppState, dispatch: &yew::UseReducerDispatcher<AppState>, id: &str, route: Route) {
    let key = storage::assessment_key(&state.namespace, &state.framework, id);
    let title = state.library.entry(id).map(|entry| entry.title.clone()).unwrap_or_default();
    let (mut assessment, revision, notice) = match storage::load(&state.framework, &key) {
        Loaded::Found(assessment, revision) => (assessment, revision, None),
        Loaded::Nothing => (Assessment { title, ..blank(state) }, 0, None),
        Loaded::Unreadable(reason, raw) => {
            let backup_key = storage::back_up(&key, &raw, &crate::now()).unwrap_or_default();
            (Assessment { title, ..blank(state) }, 0, Some(Notice::Unreadable { reason, backup_key, raw }))
        }
    };
    assessment.framework.version = state.framework.version.clone();
    dispatch.dispatch(Msg::Open { id: id.to_owned(), assessment, revision, route: Some(route), write: false });
    if let Some(notice) = notice {
        dispatch.dispatch(Msg::Notice(notice));
    }
}

/// An assessment with no answers, against the current framework.
pub fn blank(state: &AppState) -> Assessment {
    Assessment { framework: FrameworkRef { id: state.framework.id.clone(), version: state.framework.version.clone() }, ..Assessment::default() }
}

/// Adds `assessment` to the list as a new entry and opens it, saving it at once.
pub fn add(state: &AppState, dispatch: &yew::UseReducerDispatcher<AppState>, mut assessment: Assessment, route: Route) -> String {
    let id = state.library.fresh_id("a");
    assessment.framework.version = state.framework.version.clone();
    let entry = Entry { id: id.clone(), title: assessment.title.clone(), created: crate::now(), deleted: None };
    dispatch.dispatch(Msg::Add(entry));
    dispatch.dispatch(Msg::Open { id: id.clone(), assessment, revision: 0, route: Some(route), write: true });
    id
}

/// Replaces the open assessment's answers with `assessment`'s, keeping its name if the new
/// answers have none. The answers being replaced are saved first as a "recently deleted"
/// assessment, so the user can bring them back.
pub fn replace(state: &AppState, dispatch: &yew::UseReducerDispatcher<AppState>, mut assessment: Assessment, route: Route) {
    if assessment.title.trim().is_empty() {
        assessment.title = state.session.assessment.title.clone();
    }
    assessment.framework.version = state.framework.version.clone();
    keep_a_copy(state, dispatch);
    dispatch.dispatch(Msg::Open { id: state.current.clone(), assessment, revision: state.baseline.revision, route: Some(route), write: true });
}

/// Takes the values and priority flags of `incoming` (a share link's answers) into a copy of the
/// open assessment, keeping its notes, vision answers and retired answers.
pub fn with_values_of(state: &AppState, incoming: &Assessment) -> Assessment {
    let mut merged = state.session.assessment.clone();
    for (_, item) in state.framework.scored_items() {
        let id = &item.id;
        let answer = merged.answers.get_or_default(id.clone());
        let from = incoming.answers.get(id);
        answer.value = from.and_then(|answer| answer.value.clone());
        answer.priority = from.is_some_and(|answer| answer.priority);
    }
    merged.answers.retain(|_, answer| !answer.is_empty());
    if !incoming.title.trim().is_empty() {
        merged.title = incoming.title.clone();
    }
    merged.updated = Some(crate::now());
    merged
}

/// Saves the open assessment's answers as a new, already deleted entry: restorable from
/// "Recently deleted".
fn keep_a_copy(state: &AppState, dispatch: &yew::UseReducerDispatcher<AppState>) {
    if state.session.assessment.answers.is_empty() && state.session.assessment.retired.is_empty() {
        return;
    }
    let id = state.library.fresh_id("a");
    let key = storage::assessment_key(&state.namespace, &state.framework, &id);
    let at = crate::now();
    if storage::save(&state.framework, &key, &state.session.assessment, 1, &at).is_ok() {
        let title = format!("{} (before it was replaced)", state.title());
        dispatch.dispatch(Msg::Add(Entry { id: id.clone(), title, created: at.clone(), deleted: None }));
        dispatch.dispatch(Msg::Delete { id, at });
    }
}

/// Renames an assessment: in the list, and in its saved answers when it is not the open one
/// (the open one's title is saved by autosave).
pub fn rename(state: &AppState, dispatch: &yew::UseReducerDispatcher<AppState>, id: &str, title: String) {
    let at = crate::now();
    if id != state.current {
        let key = storage::assessment_key(&state.namespace, &state.framework, id);
        if let Loaded::Found(mut assessment, revision) = storage::load(&state.framework, &key) {
            assessment.title = title.trim().chars().take(readiness_core::codec::export::MAX_TITLE).collect();
            assessment.updated = Some(at.clone());
            if let Err(reason) = storage::save(&state.framework, &key, &assessment, revision + 1, &at) {
                dispatch.dispatch(Msg::Saving(crate::state::Saving::Failing(reason)));
            }
        }
    }
    dispatch.dispatch(Msg::Rename { id: id.to_owned(), title, at });
}

/// A copy's title: "Copy of Baseline 2026".
pub fn copy_title(title: &str) -> String {
    let title = format!("Copy of {}", display_title(title));
    title.chars().take(readiness_core::codec::export::MAX_TITLE).collect()
}

/// The saved answers of `id`, or the open ones when it is the open assessment.
pub fn answers_of(state: &AppState, id: &str) -> Option<Assessment> {
    if id == state.current {
        return Some(state.session.assessment.clone());
    }
    state.library.entry(id)?;
    match storage::load(&state.framework, &storage::assessment_key(&state.namespace, &state.framework, id)) {
        Loaded::Found(assessment, _) => Some(assessment),
        Loaded::Nothing => Some(blank(state)),
        Loaded::Unreadable(..) => None,
    }
}
