//! The start page: what the assessment is for, how long it takes, where answers are kept, and
//! whose content it uses.

use readiness_core::Framework;
use yew::prelude::*;

/// The start page. (A function, not a component, like the other parts whose only input is the
/// app's state: each component costs the wasm its own copy of Yew's generic code.)
pub fn start_page(framework: &Framework) -> Html {
    let n_questions = framework.scored_items().count();
    let domains: Vec<String> = framework.domains().map(|(_, section)| section.title.clone()).collect();
    html! {
        <div class="rc-grid-row">
            <div class="rc-grid-column-two-thirds">
                <h1 class="rc-heading-xl" tabindex="-1">{ framework.title.clone() }</h1>
                <p class="rc-body-l">{ framework.description.clone() }</p>
                <p class="rc-body">{ "Use this self-assessment to:" }</p>
                <ul class="rc-list rc-list--bullet">
                    <li>{ format!("rate your authority against the key ingredients of successful children's social work, in three domains: {}", domains.join("; ")) }</li>
                    <li>{ "answer the challenge questions about where you could do things differently" }</li>
                    <li>{ "say how ready you are for whole-system innovation" }</li>
                    <li>{ "see your practice maturity, your readiness and your profile, and the support types that match your answers, each with the reasons behind it" }</li>
                </ul>
                <p class="rc-body">{ format!("It takes about {} minutes to answer all {n_questions} questions. You can stop at any time and come back: your answers are saved as you go.", framework.minutes) }</p>
                <a href="#/tasks" role="button" draggable="false" class="rc-button rc-button--start">
                    { "Start now" }
                    <svg class="rc-button__start-icon" xmlns="http://www.w3.org/2000/svg" width="17.5" height="19" viewBox="0 0 33 40" aria-hidden="true" focusable="false">
                        <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
                    </svg>
                </a>
                <h2 class="rc-heading-m">{ "Your answers stay in this browser" }</h2>
                <p class="rc-body">{ "Nothing you enter is sent anywhere. Your answers are saved only in this browser on this device, until you download them, print them or share them yourself." }</p>
                <p class="rc-body">{ "Anyone who uses this browser on this device can see them, so do not enter personal information about children, families or staff." }</p>
                <h2 class="rc-heading-m">{ "Where the questions come from" }</h2>
                <p class="rc-body">
                    { "The key ingredients, the challenge questions, the three fundamental questions and the support types are from " }
                    <cite>{ framework.attribution.source.clone() }</cite>{ ". " }
                    { framework.attribution.notes.clone().unwrap_or_default() }
                </p>
                <p class="rc-body">
                    {
                        match &framework.attribution.licence_url {
                            Some(url) => html! { <a class="rc-link" href={url.clone()} rel="license">{ framework.attribution.licence.clone() }</a> },
                            None => html! { { framework.attribution.licence.clone() } },
                        }
                    }
                </p>
            </div>
        </div>
    }
}
