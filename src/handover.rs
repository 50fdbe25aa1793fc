//! The first-load module and the full module. The standalone page first loads a small build
//! (the `full` feature off: start page, task list and questions). The first time it
//! is asked for any other page it hands over to the full build: it passes the open assessment
//! (so answers that could not be saved are not lost) and the page to open, and the page's boot
//! script replaces one app with the other in the same element. After the user's first move
//! inside the app, the small build asks the page to fetch the full one in the background, so
//! the hand-over seldom waits on the network.
//!
//! The page's boot script passes the small build a `shell` object with two functions:
//! `prefetch()` and `upgrade(detail) -> Promise`, where `detail` is `{route, id, answers,
//! unsaved, conflict}` (`answers` in the stored envelope's form). The full build's `start` takes the same
//! `detail` back as `shell.handover`.

use readiness_core::codec::stored;
use readiness_core::{Assessment, Framework, Route};

/// What the small build hands the full one: the open assessment and the page to open.
#[derive(Debug, Clone, PartialEq)]
pub struct Handover {
    /// The page to open.
    pub route: Route,
    /// The open assessment's id in the library.
    pub id: String,
    /// The answers, as they were in memory.
    pub assessment: Assessment,
    /// Whether they are not what is stored: saving was failing, or another tab had saved and
    /// the user had not yet chosen whose answers to keep. Otherwise storage has them.
    pub unsaved: bool,
    /// Whether that choice was waiting.
    pub conflict: bool,
}

fn get(object: &wasm_bindgen::JsValue, key: &str) -> wasm_bindgen::JsValue {
    js_sys::Reflect::get(object, &key.into()).unwrap_or(wasm_bindgen::JsValue::UNDEFINED)
}

impl Handover {
    /// The detail object for the page's boot script.
    pub fn to_js(&self, framework: &Framework) -> wasm_bindgen::JsValue {
        let detail = js_sys::Object::new();
        crate::set_property(&detail, "route", self.route.to_fragment());
        crate::set_property(&detail, "id", self.id.as_str());
        crate::set_property(&detail, "answers", stored::encode(framework, &self.assessment, &crate::now(), 0));
        crate::set_property(&detail, "unsaved", self.unsaved);
        crate::set_property(&detail, "conflict", self.conflict);
        detail.into()
    }

    /// Reads the detail back (in the full build); `None` when it is missing or not readable.
    #[cfg(feature = "full")]
    pub fn from_js(detail: &wasm_bindgen::JsValue, framework: &Framework) -> Option<Handover> {
        if !detail.is_object() {
            return None;
        }
        let route = Route::parse(&get(detail, "route").as_string()?);
        let id = get(detail, "id").as_string()?;
        let found = stored::decode(&get(detail, "answers").as_string()?, framework).ok()?;
        let flag = |key: &str| get(detail, key).as_bool().unwrap_or(false);
        Some(Handover { route, id, assessment: found.assessment, unsaved: flag("unsaved"), conflict: flag("conflict") })
    }
}

/// Calls `shell[name](argument)` if the shell has such a function, returning its result.
pub fn call(shell: &wasm_bindgen::JsValue, name: &str, argument: &wasm_bindgen::JsValue) -> Option<wasm_bindgen::JsValue> {
    use wasm_bindgen::JsCast;
    let function = get(shell, name).dyn_into::<js_sys::Function>().ok()?;
    function.call1(shell, argument).ok()
}
