//! Finding the app's own elements whether it is the page (the standalone app) or lives in a
//! shadow root (the embedded widget, possibly one of several on a page). Lookups start from the
//! root node the app is in, never from the document.

use wasm_bindgen::JsCast;

/// The root node an event happened in: the document, or the widget's shadow root.
pub fn root_of(event: &web_sys::Event) -> web_sys::Node {
    event.target().and_then(|target| target.dyn_into::<web_sys::Node>().ok()).map(|node| node.get_root_node()).unwrap_or_else(|| gloo::utils::document().into())
}

/// The first element under `root` matching a CSS selector.
pub fn query(root: &web_sys::Node, selector: &str) -> Option<web_sys::Element> {
    if let Some(document) = root.dyn_ref::<web_sys::Document>() {
        return document.query_selector(selector).ok().flatten();
    }
    root.dyn_ref::<web_sys::DocumentFragment>().and_then(|fragment| fragment.query_selector(selector).ok().flatten())
}

/// The element with `id` under `root`.
pub fn by_id(root: &web_sys::Node, id: &str) -> Option<web_sys::Element> {
    if let Some(document) = root.dyn_ref::<web_sys::Document>() {
        return document.get_element_by_id(id);
    }
    root.dyn_ref::<web_sys::DocumentFragment>().and_then(|fragment| fragment.get_element_by_id(id))
}

/// The element with `id` under `root`, as a particular kind of element.
pub fn element<T: JsCast>(root: &web_sys::Node, id: &str) -> Option<T> {
    by_id(root, id).and_then(|element| element.dyn_into::<T>().ok())
}

/// Brings the element with `id` into view and focuses it, without touching the URL.
pub fn focus(root: &web_sys::Node, id: &str) {
    if let Some(element) = element::<web_sys::HtmlElement>(root, id) {
        element.scroll_into_view();
        let _ = element.focus();
    }
}
