//! The embedding API the custom element and `mount()` in `www/embed.js` call: checking the
//! options (one schema for attributes and the options object, in the core), mounting the app
//! into a container inside the host element's shadow root, and the events the host page
//! receives. A widget keeps its route in memory, so several can share a page.

use std::rc::Rc;

use readiness_core::embed::{FrameworkSource, Options};
use readiness_core::{Assessment, Framework, Problem};
use wasm_bindgen::prelude::*;

use crate::app::{App, AppProps, Start};
use crate::set_property as set;

fn to_json(value: &JsValue) -> readiness_core::json::Value {
    if value.is_undefined() || value.is_null() {
        return readiness_core::json::Value::Null;
    }
    js_sys::JSON::stringify(value).ok().and_then(|text| text.as_string()).and_then(|text| readiness_core::json::parse(&text).ok()).unwrap_or_default()
}

fn problems_js(problems: &[Problem]) -> JsValue {
    let list = js_sys::Array::new();
    for problem in problems {
        let entry = js_sys::Object::new();
        set(&entry, "path", problem.path.as_str());
        set(&entry, "message", problem.message.as_str());
        list.push(&entry);
    }
    list.into()
}

/// Checks a widget's options and attributes. Returns `{theme, frameworkUrl}` (the `:host` rule
/// to adopt, and the URL to fetch, or null), or throws the list of problems (`{path, message}`).
#[wasm_bindgen(js_name = checkOptions)]
pub fn check_options(options: JsValue, attributes: JsValue) -> Result<JsValue, JsValue> {
    let options = Options::read(&to_json(&options), &to_json(&attributes)).map_err(|problems| problems_js(&problems))?;
    let checked = js_sys::Object::new();
    set(&checked, "theme", options.theme.css());
    set(&checked, "namespace", options.namespace.as_str());
    match &options.framework {
        FrameworkSource::Url(url) => set(&checked, "frameworkUrl", url.as_str()),
        _ => set(&checked, "frameworkUrl", JsValue::NULL),
    }
    Ok(checked.into())
}

/// A mounted widget.
#[wasm_bindgen]
pub struct Widget {
    app: Option<yew::AppHandle<App>>,
    container: web_sys::Element,
}

#[wasm_bindgen]
impl Widget {
    /// Removes the app from its container; the saved answers stay.
    pub fn unmount(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        self.container.set_text_content(None);
    }
}

/// Mounts the app into `container` (inside the host element's shadow root). `framework_text` is
/// the framework file the options name, fetched by the caller; `fetch_problem` says why it
/// could not be. Problems with the options or the framework are shown inside the widget and
/// sent to the host page as a `readiness-error` event.
#[wasm_bindgen(js_name = mountApp)]
pub fn mount_app(
    container: web_sys::Element,
    host: web_sys::Element,
    options: JsValue,
    attributes: JsValue,
    framework_text: Option<String>,
    fetch_problem: Option<String>,
) -> Widget {
    container.set_text_content(None);
    let framework = Options::read(&to_json(&options), &to_json(&attributes)).and_then(|options| {
        let framework = match (&options.framework, framework_text, fetch_problem) {
            (_, _, Some(problem)) => Err(vec![Problem::new("framework", problem)]),
            (FrameworkSource::Bundled, _, _) => Ok(crate::bundled_framework()),
            (FrameworkSource::Url(_), Some(text), _) => Framework::from_json(&text),
            (FrameworkSource::Url(url), None, _) => Err(vec![Problem::new("framework", format!("{url} was not fetched"))]),
            (FrameworkSource::Inline(value), _, _) => Framework::from_value(value),
        };
        framework.map(|framework| (framework, options))
    });
    match framework {
        Ok((framework, options)) => {
            let mut start = Start::read_in(framework, &options.namespace, Some(options.start.clone()), Some(host));
            start.state.workshop = options.workshop;
            let app = yew::Renderer::<App>::with_root_and_props(container.clone(), AppProps { start: Rc::new(start) }).render();
            Widget { app: Some(app), container }
        }
        Err(problems) => {
            show_problems(&container, &problems);
            let detail = js_sys::Object::new();
            set(&detail, "problems", problems_js(&problems));
            dispatch(&host, "readiness-error", &detail.into());
            Widget { app: None, container }
        }
    }
}

/// Shows the problems inside the widget, as text.
fn show_problems(container: &web_sys::Element, problems: &[Problem]) {
    let document = gloo::utils::document();
    let make = |tag: &str, class: &str, text: &str| {
        let element = document.create_element(tag).ok()?;
        element.set_class_name(class);
        element.set_text_content(Some(text));
        Some(element)
    };
    let Some(app) = make("div", "rc-app", "") else { return };
    let Some(summary) = make("div", "rc-error-summary", "") else { return };
    let _ = summary.set_attribute("role", "alert");
    if let Some(title) = make("h2", "rc-error-summary__title", "This assessment cannot be shown") {
        let _ = summary.append_child(&title);
    }
    if let Some(intro) = make("p", "rc-body", "The page that holds it gave it settings or a framework file with these problems:") {
        let _ = summary.append_child(&intro);
    }
    if let Some(list) = make("ul", "rc-list rc-list--bullet", "") {
        for problem in problems {
            if let Some(item) = make("li", "", &problem.to_string()) {
                let _ = list.append_child(&item);
            }
        }
        let _ = summary.append_child(&list);
    }
    let _ = app.append_child(&summary);
    let _ = container.append_child(&app);
}

/// Sends a composed, bubbling event from the host element.
pub fn dispatch(host: &web_sys::Element, name: &str, detail: &JsValue) {
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(detail);
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = host.dispatch_event(&event);
    }
}

/// The results as an object with the same fields as `readiness score` prints.
pub fn results_object(framework: &Framework, assessment: &Assessment) -> JsValue {
    let results = readiness_core::score::score(framework, assessment);
    let percent = |ratio: Option<readiness_core::Ratio>| ratio.map_or(JsValue::NULL, |ratio| JsValue::from_f64(ratio.to_f64()));
    let domains = js_sys::Object::new();
    for (position, section) in framework.domains() {
        set(&domains, section.id.as_str(), percent(results.section(position).percent));
    }
    let ids = |positions: &[usize]| positions.iter().map(|&position| JsValue::from_str(framework.items[position].id.as_str())).collect::<js_sys::Array>();
    let supports = js_sys::Array::new();
    for support in &results.supports {
        let entry = js_sys::Object::new();
        set(&entry, "id", framework.support_types[support.support].id.as_str());
        set(&entry, "match", support.percent().to_f64());
        set(&entry, "suggested", support.suggested);
        let reasons = support
            .reasons
            .iter()
            .map(|reason| JsValue::from_str(&readiness_core::matching::describe_answer(framework, assessment, &framework.items[reason.item])))
            .collect::<js_sys::Array>();
        set(&entry, "reasons", reasons);
        supports.push(&entry);
    }
    let object = js_sys::Object::new();
    set(&object, "domains", domains);
    set(&object, "maturity", percent(results.maturity));
    set(&object, "readiness", percent(results.readiness));
    set(&object, "completeness", results.completeness.to_f64());
    set(&object, "provisional", results.provisional);
    set(&object, "profile", results.profile.map_or(JsValue::NULL, |profile| JsValue::from_str(profile.id())));
    set(&object, "supports", supports);
    set(&object, "strengths", ids(&results.strengths));
    set(&object, "gaps", ids(&results.gaps));
    set(&object, "opportunities", ids(&results.opportunities));
    object.into()
}
