//! Browser tests, run by wasm-bindgen-test in headless Chromium: the storage layer against the
//! real localStorage (round trip, unreadable data kept, quota errors in words), the route hook
//! against the real URL and history, and the mounted app restoring, rating by number key and
//! saving. They wait on Yew's scheduler, on real events and on the browser's frames, never on
//! timers of any length.

#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use readiness::app::{App, AppProps, NAMESPACE, Start};
use readiness::route;
use readiness::storage::{self, Loaded};
use readiness_core::codec::export;
use readiness_core::{Answer, Assessment, Framework, Rating, Route, Value};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

const WORKED_EXAMPLE: &str = include_str!("../content/examples/worked-example.json");

fn local_storage() -> web_sys::Storage {
    gloo::utils::window().local_storage().unwrap().unwrap()
}

fn container() -> web_sys::Element {
    let document = gloo::utils::document();
    let div = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&div).unwrap();
    div
}

/// Resolves when `name` next fires on the window.
async fn next_window_event(name: &str) {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let options = web_sys::AddEventListenerOptions::new();
        options.set_once(true);
        gloo::utils::window().add_event_listener_with_callback_and_add_event_listener_options(name, &resolve, &options).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Resolves just after the next frame has been drawn, once the tasks queued by animation frame
/// callbacks registered before this one (autosave's write) have run.
async fn after_next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let queue = wasm_bindgen::closure::Closure::once_into_js(move || {
            gloo::utils::window().set_timeout_with_callback(&resolve).unwrap();
        });
        gloo::utils::window().request_animation_frame(queue.unchecked_ref()).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Sets the URL fragment and waits until the page has seen it.
async fn go_to(fragment: &str) {
    let location = gloo::utils::window().location();
    if location.hash().unwrap() == fragment {
        return;
    }
    let seen = next_window_event("hashchange");
    location.set_hash(fragment).unwrap();
    seen.await;
    yew::scheduler::flush().await;
}

fn text_of(selector: &str) -> String {
    gloo::utils::document().query_selector(selector).unwrap().map(|element| element.text_content().unwrap_or_default()).unwrap_or_default()
}

fn input(id: &str) -> web_sys::HtmlInputElement {
    gloo::utils::document().get_element_by_id(id).unwrap_or_else(|| panic!("no element #{id}")).dyn_into().unwrap()
}

fn worked_example(framework: &Framework) -> Assessment {
    export::decode(WORKED_EXAMPLE, framework).unwrap()
}

#[wasm_bindgen_test]
fn saved_answers_read_back() {
    local_storage().clear().unwrap();
    let framework = Framework::bundled();
    let key = "test:round-trip";
    assert_eq!(storage::load(&framework, key), Loaded::Nothing);
    let mut assessment = worked_example(&framework);
    assessment
        .answers
        .insert("learning-culture".into(), Answer { value: Some(Value::Rating(Rating::NotSure)), note: "Café <b>notes</b> ✓".into(), priority: true });
    storage::save(&framework, key, &assessment, 3, "2026-11-22T10:00:00Z").unwrap();
    assert_eq!(storage::load(&framework, key), Loaded::Found(assessment, 3));
}

#[wasm_bindgen_test]
fn unreadable_saved_answers_are_backed_up_not_lost() {
    local_storage().clear().unwrap();
    let framework = Framework::bundled();
    let key = "test:damaged";
    let damaged = r#"{"version":1,"saved_at":"2026-11-22T10:00:00Z","revision":4,"data":{"format":"readiness-assess"#;
    local_storage().set_item(key, damaged).unwrap();
    let Loaded::Unreadable(reason, raw) = storage::load(&framework, key) else { panic!("damaged data must not load") };
    assert!(reason.contains("cut off"), "{reason}");
    assert_eq!(raw, damaged);
    let backup_key = storage::back_up(key, &raw, "2026-11-22T11:00:00Z").unwrap();
    assert_eq!(local_storage().get_item(&backup_key).unwrap().as_deref(), Some(damaged));
    assert_eq!(local_storage().get_item(key).unwrap().as_deref(), Some(damaged), "the original is untouched");
}

#[wasm_bindgen_test]
fn a_full_store_is_reported_in_words() {
    local_storage().clear().unwrap();
    let named = web_sys::DomException::new_with_message_and_name("quota", "QuotaExceededError").unwrap();
    assert_eq!(storage::describe(&named.into()), "this browser's storage is full");
    let firefox = web_sys::DomException::new_with_message_and_name("quota", "NS_ERROR_DOM_QUOTA_REACHED").unwrap();
    assert_eq!(storage::describe(&firefox.into()), "this browser's storage is full");

    // Fill the real store to the last few bytes, in smaller and smaller blocks, then save.
    let mut n_blocks = 0;
    for size in [512 * 1024, 32 * 1024, 1024, 16] {
        let block = "x".repeat(size);
        while local_storage().set_item(&format!("filler-{n_blocks}"), &block).is_ok() {
            n_blocks += 1;
            assert!(n_blocks < 10_000, "the store never filled");
        }
    }
    let framework = Framework::bundled();
    let result = storage::save(&framework, "test:full", &worked_example(&framework), 1, "2026-11-22T10:00:00Z");
    local_storage().clear().unwrap();
    assert_eq!(result, Err("this browser's storage is full".to_owned()));
}

#[component]
fn RouteProbe() -> Html {
    let route = use_state(route::current);
    let on_route = {
        let route = route.clone();
        Callback::from(move |next: Route| route.set(next))
    };
    route::use_route_sync((*route).clone(), on_route, true);
    let to_check = {
        let route = route.clone();
        Callback::from(move |_| route.set(Route::Check))
    };
    html! {
        <>
            <p id="probe">{ route.to_fragment() }</p>
            <button id="probe-check" onclick={to_check}>{ "check" }</button>
        </>
    }
}

#[wasm_bindgen_test]
async fn the_route_follows_the_url_and_the_url_follows_the_route() {
    go_to("#/tasks").await;
    let handle = yew::Renderer::<RouteProbe>::with_root(container()).render();
    yew::scheduler::flush().await;
    assert_eq!(text_of("#probe"), "#/tasks");

    go_to("#/section/vision").await;
    assert_eq!(text_of("#probe"), "#/section/vision", "a new fragment reaches the route");

    let written = next_window_event("hashchange");
    gloo::utils::document().get_element_by_id("probe-check").unwrap().dyn_into::<web_sys::HtmlElement>().unwrap().click();
    yew::scheduler::flush().await;
    written.await;
    assert_eq!(text_of("#probe"), "#/check");
    assert_eq!(gloo::utils::window().location().hash().unwrap(), "#/check", "a new route reaches the URL");

    let back = next_window_event("hashchange");
    gloo::utils::window().history().unwrap().back().unwrap();
    back.await;
    yew::scheduler::flush().await;
    assert_eq!(text_of("#probe"), "#/section/vision", "Back returns to the previous page");
    handle.destroy();
}

fn mount_app() -> yew::AppHandle<App> {
    let start = Start::read(Framework::bundled(), NAMESPACE);
    yew::Renderer::<App>::with_root_and_props(container(), AppProps { start: Rc::new(start) }).render()
}

/// Stores the worked example as assessment `a1` at revision 3, and mounts the app on the
/// "Tools and practice" section; returns the framework, `a1`'s key and the app.
async fn mount_on_a_section_with_the_worked_example() -> (Framework, String, yew::AppHandle<App>) {
    local_storage().clear().unwrap();
    let framework = Framework::bundled();
    let key = storage::assessment_key(NAMESPACE, &framework, "a1");
    storage::save(&framework, &key, &worked_example(&framework), 3, "2026-11-22T10:00:00Z").unwrap();
    go_to("#/section/tools-practice").await;
    let handle = mount_app();
    yew::scheduler::flush().await;
    (framework, key, handle)
}

#[wasm_bindgen_test]
async fn the_app_migrates_saved_answers_restores_rates_by_number_key_and_saves() {
    local_storage().clear().unwrap();
    let framework = Framework::bundled();
    // Storage version 1 kept one assessment under the legacy key.
    let legacy = storage::legacy_key(NAMESPACE, &framework);
    let v1 = export::encode(&framework, &worked_example(&framework));
    local_storage().set_item(&legacy, &format!("{{\"version\":1,\"saved_at\":\"2026-11-22T10:00:00Z\",\"revision\":5,\"data\":{v1}}}")).unwrap();
    let key = storage::assessment_key(NAMESPACE, &framework, "a1");

    go_to("#/results").await;
    let handle = mount_app();
    yew::scheduler::flush().await;
    assert_eq!(text_of("h1").trim(), "Your results");
    assert!(text_of(".rc-figures").contains("50%") && text_of(".rc-figures").contains("75%"));

    go_to("#/section/tools-practice").await;
    assert_eq!(text_of("h1"), "Tools and practice");
    assert!(input("shared-practice-theory-2").checked(), "the restored answer is checked");

    let radio = input("shared-practice-theory-2");
    radio.focus().unwrap();
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("4");
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    radio.dispatch_event(&event).unwrap();
    yew::scheduler::flush().await;
    assert!(input("shared-practice-theory-4").checked(), "pressing 4 chose Embedded");
    assert!(event.default_prevented());
    let active = gloo::utils::document().active_element().unwrap();
    assert_eq!(active.id(), "shared-practice-theory-4", "focus follows the choice");

    after_next_frame().await;
    let Loaded::Found(saved, revision) = storage::load(&framework, &key) else { panic!("the change was saved") };
    assert_eq!(saved.answers["shared-practice-theory"].value, Some(Value::Rating(Rating::Level(4))));
    assert_eq!(revision, 6);
    assert_eq!(local_storage().get_item(&legacy).unwrap(), None, "the version 1 entry is gone once migrated");
    let library = local_storage().get_item(&storage::library_key(NAMESPACE, &framework)).unwrap().expect("the list of assessments is saved");
    assert!(library.contains("\"a1\""));
    handle.destroy();
    local_storage().clear().unwrap();
}

#[wasm_bindgen_test]
async fn damaged_storage_is_reported_and_kept() {
    local_storage().clear().unwrap();
    let framework = Framework::bundled();
    let key = storage::legacy_key(NAMESPACE, &framework);
    local_storage().set_item(&key, "not json at all").unwrap();
    go_to("#/tasks").await;
    let handle = mount_app();
    yew::scheduler::flush().await;
    assert!(text_of(".rc-notification-banner").contains("Your saved answers could not be read"));
    let backups: Vec<String> =
        (0..local_storage().length().unwrap()).filter_map(|index| local_storage().key(index).unwrap()).filter(|name| name.contains(":backup:")).collect();
    assert_eq!(backups.len(), 1);
    assert_eq!(local_storage().get_item(&backups[0]).unwrap().as_deref(), Some("not json at all"));
    handle.destroy();
    local_storage().clear().unwrap();
}

#[wasm_bindgen_test]
async fn a_save_from_another_tab_is_noticed_not_overwritten() {
    let (framework, key, handle) = mount_on_a_section_with_the_worked_example().await;

    // Another tab saves a newer revision and the browser tells this one.
    let mut theirs = worked_example(&framework);
    theirs.answers.get_mut("shared-practice-theory").unwrap().value = Some(Value::Rating(Rating::Level(0)));
    storage::save(&framework, &key, &theirs, 4, "2026-11-22T10:05:00Z").unwrap();
    let init = web_sys::StorageEventInit::new();
    init.set_key(Some(&key));
    init.set_new_value(local_storage().get_item(&key).unwrap().as_deref());
    let event = web_sys::StorageEvent::new_with_event_init_dict("storage", &init).unwrap();
    gloo::utils::window().dispatch_event(&event).unwrap();
    yew::scheduler::flush().await;
    assert!(text_of(".rc-notification-banner").contains("was changed in another tab or window"), "the user is told");

    // An edit here is not written over the other tab's answers until the user chooses.
    input("reflective-supervision-4").click();
    yew::scheduler::flush().await;
    after_next_frame().await;
    let Loaded::Found(stored, revision) = storage::load(&framework, &key) else { panic!("still stored") };
    assert_eq!((stored, revision), (theirs.clone(), 4), "the other tab's save is untouched");

    // Choosing to keep this page's answers saves them over the other tab's, knowingly.
    let keep = gloo::utils::document().query_selector_all(".rc-notification-banner button").unwrap();
    let keep =
        (0..keep.length()).filter_map(|index| keep.item(index)).find(|button| button.text_content().unwrap_or_default() == "Keep this page's answers").unwrap();
    keep.dyn_into::<web_sys::HtmlElement>().unwrap().click();
    yew::scheduler::flush().await;
    after_next_frame().await;
    let Loaded::Found(stored, revision) = storage::load(&framework, &key) else { panic!("still stored") };
    assert_eq!(revision, 5);
    assert_eq!(stored.answers["reflective-supervision"].value, Some(Value::Rating(Rating::Level(4))));
    assert_eq!(stored.answers["shared-practice-theory"].value, Some(Value::Rating(Rating::Level(2))), "this page's answers won");
    handle.destroy();
    local_storage().clear().unwrap();
}

#[wasm_bindgen_test]
async fn answers_are_written_after_the_frame_that_shows_them_or_when_the_app_goes() {
    let (framework, key, handle) = mount_on_a_section_with_the_worked_example().await;
    let stored = || match storage::load(&framework, &key) {
        Loaded::Found(assessment, revision) => (assessment.answers["reflective-supervision"].value.clone(), revision),
        other => panic!("the answers are stored: {other:?}"),
    };

    // The click's frame comes first; the write follows it.
    input("reflective-supervision-4").click();
    yew::scheduler::flush().await;
    assert!(input("reflective-supervision-4").checked());
    assert_eq!(stored().1, 3, "nothing is written before the frame");
    after_next_frame().await;
    assert_eq!(stored(), (Some(Value::Rating(Rating::Level(4))), 4));

    // Answers still waiting when the app goes are written as it goes, without a frame.
    input("reflective-supervision-1").click();
    yew::scheduler::flush().await;
    handle.destroy();
    yew::scheduler::flush().await;
    assert_eq!(stored(), (Some(Value::Rating(Rating::Level(1))), 5));
    local_storage().clear().unwrap();
}
