//! In the first-load build, the hand-over of a page it does not have to the full build (see
//! [`crate::handover`]), and the page shown meanwhile. The page is a function of the app's
//! state and the hand-over an effect of the app, not a component of their own: each component
//! costs the wasm its own copy of Yew's generic code.

use readiness_core::Route;
use wasm_bindgen::JsValue;
use yew::prelude::*;

use crate::handover::{Handover, call};
use crate::state::{AppHandle, AppState, Msg, Opening};

/// What the first-load build hands over: the page asked for and the open answers, and whether
/// storage lacks them (saving failed, or another tab's save waits for the user's choice).
pub fn handover_of(state: &AppState) -> Handover {
    Handover {
        route: state.session.route.clone(),
        id: state.current.clone(),
        assessment: state.session.assessment.clone(),
        unsaved: state.saving != crate::state::Saving::Saved || state.conflict.is_some(),
        conflict: state.conflict.is_some(),
    }
}

/// Whether the first-load build has the page for `route` (the routes `App` renders itself).
fn is_here(route: &Route) -> bool {
    matches!(route, Route::Start | Route::Tasks | Route::Section { .. } | Route::NotFound(_))
}

/// On a page the first-load build does not have, asks the page's boot script (`shell`) to load
/// the full build and hand over to it; again after each "Try again". A failure is put in the
/// app's state for [`opening_page`] to say.
#[hook]
pub fn use_handover(state: &AppHandle, shell: Option<JsValue>) {
    let attempt = state.opening.attempt;
    let state = state.clone();
    use_effect_with((state.session.route.clone(), attempt), move |(route, attempt)| {
        if is_here(route) {
            return;
        }
        let attempt = *attempt;
        let dispatch = state.dispatcher();
        dispatch.dispatch(Msg::Opening(Opening { attempt, failed: None }));
        let fail = move |reason: String| dispatch.dispatch(Msg::Opening(Opening { attempt, failed: Some(reason) }));
        let Some(promise) = shell.as_ref().and_then(|shell| call(shell, "upgrade", &handover_of(&state).to_js(&state.framework))) else {
            fail("this page has not been given the rest of the app".to_owned());
            return;
        };
        wasm_bindgen_futures::spawn_local(async move {
            if let Err(error) = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&promise)).await {
                let reason = js_sys::Reflect::get(&error, &"message".into()).ok().and_then(|message| message.as_string());
                fail(reason.unwrap_or_else(|| "it could not be loaded".to_owned()));
            }
        });
    });
}

/// Says the page is opening while the page's boot script loads the full build; says why if it
/// cannot, with a way to try again and a way back.
pub fn opening_page(state: &AppHandle) -> Html {
    match &state.opening.failed {
        None => html! {
            <>
                <h1 class="rc-heading-l" tabindex="-1">{ "Opening the page" }</h1>
                <p class="rc-body" role="status">{ "Loading the rest of the app…" }</p>
            </>
        },
        Some(reason) => {
            let dispatch = state.dispatcher();
            let attempt = state.opening.attempt;
            let retry = Callback::from(move |_| dispatch.dispatch(Msg::Opening(Opening { attempt: attempt + 1, failed: None })));
            html! {
                <>
                    <h1 class="rc-heading-l" tabindex="-1">{ "This page could not be opened" }</h1>
                    <p class="rc-body" role="alert">{ format!("The rest of the app did not load: {reason}. Your answers are safe in this browser. Check your connection and try again.") }</p>
                    <div class="rc-button-group">
                        <button type="button" class="rc-button" onclick={retry}>{ "Try again" }</button>
                        <a class="rc-link" href="#/tasks">{ "Go back to your assessment" }</a>
                    </div>
                </>
            }
        }
    }
}
