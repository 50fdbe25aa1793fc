//! Keeps the route and the URL fragment in step, so that Back, Forward, reload and links work:
//! a `hashchange` (a link, Back, Forward, a typed URL) reports the route it names; a route
//! changed by the app itself (after "Save and continue") is written to the URL as a new history
//! entry.

use gloo::events::EventListener;
use readiness_core::Route;
use yew::prelude::*;

/// The route the current URL names.
pub fn current() -> Route {
    Route::parse(&gloo::utils::window().location().hash().unwrap_or_default())
}

/// Calls `on_route` whenever the URL fragment changes, and writes `route` to the URL whenever it
/// differs from what the URL names.
#[hook]
pub fn use_route_sync(route: Route, on_route: Callback<Route>, enabled: bool) {
    // The `hashchange` listener, made on the first run; it is removed when the app is (this state
    // is dropped then). One effect rather than two: each costs the wasm its own copy of Yew's code.
    let listener = use_mut_ref(|| None::<Option<EventListener>>);
    use_effect_with(route, move |route| {
        let mut listener = listener.borrow_mut();
        if listener.is_none() {
            *listener = Some(enabled.then(|| {
                let on_route = on_route.clone();
                EventListener::new(&gloo::utils::window(), "hashchange", move |_| on_route.emit(current()))
            }));
            // The first route was read from the URL, so there is nothing to write; but the URL may
            // have changed between start-up reading it and the listener existing.
            let now = current();
            if enabled && now != *route {
                on_route.emit(now);
            }
            return;
        }
        if enabled && current() != *route {
            let fragment = route.to_fragment();
            // Setting the hash adds a history entry, so Back returns to the previous page.
            let _ = gloo::utils::window().location().set_hash(fragment.trim_start_matches('#'));
        }
    });
}
