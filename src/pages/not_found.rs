//! The page for a URL fragment that names no page.

use yew::prelude::*;

/// "Page not found", with a way back.
pub fn not_found() -> Html {
    html! {
        <>
            <h1 class="rc-heading-l" tabindex="-1">{ "Page not found" }</h1>
            <p class="rc-body">{ "If you typed the web address, check it is correct. If you followed a link, it may be out of date." }</p>
            <p class="rc-body"><a class="rc-link" href="#/tasks">{ "Go to your assessment" }</a>{ " or " }<a class="rc-link" href="#/">{ "the start page" }</a>{ "." }</p>
        </>
    }
}
