//! The readiness self-assessment in the browser: a Yew app over `readiness-core`. This crate
//! owns the DOM, storage, the URL and the clock; every score, list and chart position comes
//! from the core's view-models.

pub mod actions;
pub mod app;
pub mod components;
pub mod dom;
pub mod embed;
pub mod pages;
pub mod route;
pub mod state;
pub mod storage;

use std::rc::Rc;

use readiness_core::Framework;
use wasm_bindgen::prelude::*;

/// Mounts the app into `root` (the element with id `app` when none is given).
#[wasm_bindgen]
pub fn start(root: Option<web_sys::Element>) -> Result<(), JsValue> {
    let root = match root {
        Some(root) => root,
        None => gloo::utils::document().get_element_by_id("app").ok_or_else(|| JsValue::from_str("readiness: no element with id 'app' to mount into"))?,
    };
    root.set_text_content(None);
    let start = app::Start::read(Framework::bundled(), app::NAMESPACE);
    yew::Renderer::<app::App>::with_root_and_props(root, app::AppProps { start: Rc::new(start) }).render();
    Ok(())
}

/// The current time as an RFC 3339 UTC timestamp, for the actions that record when answers changed.
pub fn now() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}
