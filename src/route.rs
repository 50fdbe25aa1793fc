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
pub fn use_route_sync(route: Route, on_route: Callback<Route>) {
    use_effect_with((), move |_| {
        let listener = EventListener::new(&gloo::utils::window(), "hashchange", move |_| on_route.emit(current()));
        move || drop(listener)
    });
    use_effect_with(route, |route| {
        if current() != *route {
            let fragment = route.to_fragment();
            // Setting the hash adds a history entry, so Back returns to the previous page.
            let _ = gloo::utils::window().location().set_hash(fragment.trim_start_matches('#'));
        }
    });
}
