//! The readiness self-assessment in the browser: a Yew app over `readiness-core`. This crate
//! owns the DOM, storage, the URL and the clock; every score, list and chart position comes
//! from the core's view-models.

#[cfg(feature = "full")]
pub mod actions;
pub mod app;
pub mod components;
pub mod dom;
#[cfg(feature = "full")]
pub mod embed;
pub mod handover;
pub mod pages;
pub mod route;
pub mod state;
pub mod storage;

use std::rc::Rc;

use readiness_core::Framework;
use wasm_bindgen::prelude::*;

/// Mounts the app into `root` (the element with id `app` when none is given). `shell` holds
/// the page's functions for the hand-over between the first-load and the full build, and, for
/// the full build, the first-load build's hand-over (see [`handover`]).
#[wasm_bindgen]
pub fn start(root: Option<web_sys::Element>, shell: JsValue) -> Result<Mounted, JsValue> {
    let root = match root {
        Some(root) => root,
        None => gloo::utils::document().get_element_by_id("app").ok_or_else(|| JsValue::from_str("readiness: no element with id 'app' to mount into"))?,
    };
    root.set_text_content(None);
    let framework = bundled_framework();
    // Only the full build is handed over to.
    #[cfg(feature = "full")]
    let handed = handover::Handover::from_js(&js_sys::Reflect::get(&shell, &"handover".into()).unwrap_or(JsValue::UNDEFINED), &framework);
    let mut start = app::Start::read(framework, app::NAMESPACE);
    #[cfg(feature = "full")]
    if let Some(handed) = handed {
        start.take_over(handed);
    }
    start.shell = (!shell.is_undefined() && !shell.is_null()).then_some(shell);
    let app = yew::Renderer::<app::App>::with_root_and_props(root, app::AppProps { start: Rc::new(start) }).render();
    Ok(Mounted { app: Some(app) })
}

/// The mounted standalone app.
#[wasm_bindgen]
pub struct Mounted {
    app: Option<yew::AppHandle<app::App>>,
}

#[wasm_bindgen]
impl Mounted {
    /// Removes the app (the page's boot script does this before the full build takes over).
    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
    }
}

/// The bundled framework, from the compact form the build script wrote (see `build.rs`).
pub fn bundled_framework() -> Framework {
    static BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/framework.bin"));
    // The build script wrote these bytes from a framework that loaded, so they always decode.
    readiness_core::framework::compact::decode(BYTES).unwrap_or_else(|| unreachable!("build.rs writes a framework that decodes"))
}

/// Sets a property of a plain JS object (event details, results, the hand-over).
pub(crate) fn set_property(object: &js_sys::Object, key: &str, value: impl Into<JsValue>) {
    let _ = js_sys::Reflect::set(object, &JsValue::from_str(key), &value.into());
}

/// The current time as an RFC 3339 UTC timestamp, for the actions that record when answers changed.
pub fn now() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}
