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
    let initial = route.clone();
    use_effect_with((), move |_| {
        let listener = enabled.then(|| {
            let on_route = on_route.clone();
            EventListener::new(&gloo::utils::window(), "hashchange", move |_| on_route.emit(current()))
        });
        // The URL may have changed between start-up reading it and this listener existing.
        let now = current();
        if enabled && now != initial {
            on_route.emit(now);
        }
        move || drop(listener)
    });
    // The first route was read from the URL, so there is nothing to write until it changes.
    let first = use_mut_ref(|| true);
    use_effect_with(route, move |route| {
        if std::mem::replace(&mut *first.borrow_mut(), false) || !enabled {
            return;
        }
        if current() != *route {
            let fragment = route.to_fragment();
            // Setting the hash adds a history entry, so Back returns to the previous page.
            let _ = gloo::utils::window().location().set_hash(fragment.trim_start_matches('#'));
        }
    });
}
