//! In the first-load build, the page shown while the full build takes over (see
//! [`crate::handover`]), and the background fetch of the full build after the user's first move.

use wasm_bindgen::JsValue;
use yew::prelude::*;

use crate::handover::{Handover, call};
use crate::state::AppState;

/// Properties of [`Opening`].
#[derive(Properties, PartialEq)]
pub struct OpeningProps {
    /// The page's hand-over functions, if it gave any.
    pub shell: Option<JsValue>,
    /// What to hand over.
    pub handover: Handover,
    /// The framework (and the dispatcher).
    pub fixed: crate::state::Fixed,
}

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

/// Says the page is opening while the page's boot script loads the full build; says why if it
/// cannot, with a way to try again and a way back.
#[component]
pub fn Opening(props: &OpeningProps) -> Html {
    // Which attempt this is, and why it failed if it did (one state: each state hook costs the
    // wasm its own copy of Yew's reducer code).
    let status = use_state(|| (0_u32, None::<String>));
    let attempt = status.0;
    {
        let status = status.clone();
        let shell = props.shell.clone();
        let handover = props.handover.clone();
        let framework = props.fixed.framework.clone();
        use_effect_with((handover.route.clone(), attempt), move |_| {
            status.set((attempt, None));
            let Some(promise) = shell.as_ref().and_then(|shell| call(shell, "upgrade", &handover.to_js(&framework))) else {
                status.set((attempt, Some("this page has not been given the rest of the app".to_owned())));
                return;
            };
            wasm_bindgen_futures::spawn_local(async move {
                if let Err(error) = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&promise)).await {
                    let reason = js_sys::Reflect::get(&error, &"message".into()).ok().and_then(|message| message.as_string());
                    status.set((attempt, Some(reason.unwrap_or_else(|| "it could not be loaded".to_owned()))));
                }
            });
        });
    }
    let failed = status.1.clone();
    let retry = Callback::from(move |_| status.set((attempt + 1, None)));
    match failed {
        None => html! {
            <>
                <h1 class="rc-heading-l" tabindex="-1">{ "Opening the page" }</h1>
                <p class="rc-body" role="status">{ "Loading the rest of the app…" }</p>
            </>
        },
        Some(reason) => html! {
            <>
                <h1 class="rc-heading-l" tabindex="-1">{ "This page could not be opened" }</h1>
                <p class="rc-body" role="alert">{ format!("The rest of the app did not load: {reason}. Your answers are safe in this browser. Check your connection and try again.") }</p>
                <div class="rc-button-group">
                    <button type="button" class="rc-button" onclick={retry}>{ "Try again" }</button>
                    <a class="rc-link" href="#/tasks">{ "Go back to your assessment" }</a>
                </div>
            </>
        },
    }
}
