//! The frame around every page: skip link, header, banners about saving and recovered answers,
//! and the footer with the content's attribution.

use readiness_core::codec::export;
use yew::prelude::*;

use crate::components::download;
use crate::state::{AppHandle, Msg, Notice, Saving};

/// An in-page link to the element with id `target`: it moves focus there instead of changing
/// the route in the URL fragment.
pub fn in_page_link(target: &str, text: impl Into<Html>) -> Html {
    html! { <a href={format!("#{target}")} onclick={focus_on(target)}>{ text.into() }</a> }
}

/// "Skip to main content", an in-page link. (The app's fixed parts are plain functions, not
/// components: each component costs the wasm its own copy of Yew's generic code. And classes are
/// literals: a class from a variable would bring in Yew's `Classes`.)
pub fn skip_link() -> Html {
    html! { <a href="#main-content" class="rc-skip-link" onclick={focus_on("main-content")}>{ "Skip to main content" }</a> }
}

/// Moves focus to the element with id `target`, instead of following the link.
fn focus_on(target: &str) -> Callback<MouseEvent> {
    let id = target.to_owned();
    Callback::from(move |event: MouseEvent| {
        event.prevent_default();
        crate::dom::focus(&crate::dom::root_of(&event), &id);
    })
}

/// Asks, on every page, what to do when another tab or window saved this assessment.
pub fn conflict_banner(state: &AppHandle) -> Html {
    let Some(conflict) = state.conflict.clone() else { return Html::default() };
    let dispatch = state.dispatcher();
    let download = download_as(state.clone(), "json", "application/json", export::encode);
    let theirs = {
        let dispatch = dispatch.clone();
        let state = state.clone();
        let conflict = conflict.clone();
        Callback::from(move |_| {
            dispatch.dispatch(Msg::Open {
                id: state.current.clone(),
                assessment: conflict.theirs.clone(),
                revision: conflict.revision,
                route: None,
                write: false,
            })
        })
    };
    let mine = {
        let dispatch = dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Msg::KeepMine(conflict.revision)))
    };
    let n_theirs = readiness_core::score::progress(&state.framework, &conflict.theirs).n_answered;
    let n_mine = readiness_core::score::progress(&state.framework, &state.session.assessment).n_answered;
    html! {
        <div class="rc-notification-banner rc-provisional-banner" role="alert" aria-labelledby="conflict-title">
            <div class="rc-notification-banner__header">
                <h2 class="rc-notification-banner__title" id="conflict-title">{ "Important" }</h2>
            </div>
            <div class="rc-notification-banner__content">
                <p class="rc-notification-banner__heading">{ format!("‘{}’ was changed in another tab or window", state.title()) }</p>
                <p class="rc-body">{ format!("Your changes here have not been saved, so that neither set of answers is lost. The other tab's copy answers {n_theirs} questions; this page's answers {n_mine}. Choose which to keep, or download this page's answers first.") }</p>
                <div class="rc-button-group">
                    <button type="button" class="rc-button rc-button--secondary" onclick={theirs}>{ "Use the other tab's answers" }</button>
                    <button type="button" class="rc-button rc-button--secondary" onclick={mine}>{ "Keep this page's answers" }</button>
                    <button type="button" class="rc-button rc-button--secondary" onclick={download}>{ "Download your answers" }</button>
                </div>
            </div>
        </div>
    }
}

/// A one-off message after an action on the list of assessments, with Undo after a deletion.
/// Only the full build's pages raise one, so the first-load build has none.
#[cfg(feature = "full")]
#[component]
pub fn FlashBanner() -> Html {
    let state = crate::state::use_app();
    let dispatch = crate::state::use_dispatch();
    let Some(flash) = state.flash.clone() else { return Html::default() };
    let (heading, undo) = match flash {
        crate::state::Flash::Deleted { id, title } => {
            let dispatch = dispatch.clone();
            (format!("‘{title}’ has been deleted"), Some(Callback::from(move |_| dispatch.dispatch(Msg::Restore(id.clone())))))
        }
        crate::state::Flash::Done(what) => (what, None),
    };
    let dismiss = Callback::from(move |_| dispatch.dispatch(Msg::Flash(None)));
    html! {
        <div class="rc-notification-banner rc-notification-banner--success" role="status" aria-labelledby="flash-title">
            <div class="rc-notification-banner__header">
                <h2 class="rc-notification-banner__title" id="flash-title">{ "Success" }</h2>
            </div>
            <div class="rc-notification-banner__content">
                <p class="rc-notification-banner__heading">{ heading }</p>
                <div class="rc-button-group">
                    if let Some(undo) = undo {
                        <button type="button" class="rc-button rc-button--secondary" onclick={undo}>{ "Undo" }</button>
                    }
                    <button type="button" class="rc-button rc-button--secondary" onclick={dismiss}>{ "Dismiss" }</button>
                </div>
            </div>
        </div>
    }
}

/// The header bar with the service name (`title`), and the workshop in its menu if `workshop`.
pub fn header(title: &str, workshop: bool) -> Html {
    html! {
        <header class="rc-header">
            <div class="rc-header__container rc-width-container">
                <a class="rc-header__service-name" href="#/">{ title.to_owned() }</a>
                <nav class="rc-header__nav" aria-label="Menu">
                    <ul class="rc-header__list">
                        <li class="rc-header__item"><a class="rc-header__link" href="#/tasks">{ "Your assessment" }</a></li>
                        <li class="rc-header__item"><a class="rc-header__link" href="#/assessments">{ "All assessments" }</a></li>
                        <li class="rc-header__item"><a class="rc-header__link" href="#/import">{ "Import" }</a></li>
                        if workshop {
                            <li class="rc-header__item"><a class="rc-header__link" href="#/workshop">{ "Workshop" }</a></li>
                        }
                    </ul>
                </nav>
            </div>
        </header>
    }
}

/// The footer: privacy in a sentence, and the content's licence and source.
pub fn footer(framework: &readiness_core::Framework) -> Html {
    let attribution = &framework.attribution;
    html! {
        <footer class="rc-footer">
            <div class="rc-width-container">
                <div class="rc-footer__meta">
                    <div class="rc-footer__meta-item rc-footer__meta-item--grow">
                        <p class="rc-body-s">{ "Your answers stay in this browser. Nothing is sent anywhere unless you download or share it." }</p>
                        <p class="rc-body-s">
                            { "Questions and support types from " }<cite>{ attribution.source.clone() }</cite>{ ". " }
                            {
                                match &attribution.licence_url {
                                    Some(url) => html! { <a class="rc-footer__link" href={url.clone()} rel="license">{ attribution.licence.clone() }</a> },
                                    None => html! { { attribution.licence.clone() } },
                                }
                            }
                        </p>
                    </div>
                </div>
            </div>
        </footer>
    }
}

/// Downloads the current answers as an export file.
#[cfg(feature = "full")]
#[hook]
pub fn use_download_answers() -> Callback<MouseEvent> {
    use_download_as("json", "application/json", export::encode)
}

/// Downloads the open assessment in a format `make` writes, named from its title and date.
#[cfg(feature = "full")]
#[hook]
pub fn use_download_as(
    extension: &'static str,
    mime: &'static str,
    make: fn(&readiness_core::Framework, &readiness_core::Assessment) -> String,
) -> Callback<MouseEvent> {
    download_as(crate::state::use_app(), extension, mime, make)
}

/// What [`use_download_as`] returns, for the app's fixed parts, which are not components.
pub fn download_as(
    state: AppHandle,
    extension: &'static str,
    mime: &'static str,
    make: fn(&readiness_core::Framework, &readiness_core::Assessment) -> String,
) -> Callback<MouseEvent> {
    Callback::from(move |_| {
        let assessment = &state.session.assessment;
        let name = download::file_name(&assessment.title, assessment.updated.as_deref().unwrap_or_default(), extension);
        if let Err(message) = download::download(&name, mime, &make(&state.framework, assessment)) {
            gloo::dialogs::alert(&message);
        }
    })
}

/// Says, on every page, that answers are not being saved, with a way to keep them.
pub fn saving_banner(state: &AppHandle) -> Html {
    let Saving::Failing(reason) = &state.saving else { return Html::default() };
    let download = download_as(state.clone(), "json", "application/json", export::encode);
    html! {
        <div class="rc-notification-banner rc-provisional-banner" role="alert" aria-labelledby="saving-title">
            <div class="rc-notification-banner__header">
                <h2 class="rc-notification-banner__title" id="saving-title">{ "Important" }</h2>
            </div>
            <div class="rc-notification-banner__content">
                <p class="rc-notification-banner__heading">{ "Your answers are not being saved" }</p>
                <p class="rc-body">{ format!("This is because {reason}. You can carry on: your answers are kept while this page stays open. Download them to keep a copy.") }</p>
                <button type="button" class="rc-button rc-button--secondary" onclick={download}>{ "Download your answers" }</button>
            </div>
        </div>
    }
}

/// Tells the user what happened to saved answers at start-up, on the start page and task list.
pub fn notice_banner(state: &AppHandle) -> Html {
    let on_top_pages = matches!(state.session.route, readiness_core::Route::Start | readiness_core::Route::Tasks);
    let Some(notice) = state.notice.as_ref().filter(|_| on_top_pages) else { return Html::default() };
    let dispatch = state.dispatcher();
    let dismiss = Callback::from(move |_| dispatch.dispatch(Msg::Dismiss));
    match notice {
        Notice::Restored { n_answered, n_retired, from_version } => html! {
            <div class="rc-notification-banner rc-notification-banner--success" role="region" aria-labelledby="notice-title">
                <div class="rc-notification-banner__header">
                    <h2 class="rc-notification-banner__title" id="notice-title">{ "Welcome back" }</h2>
                </div>
                <div class="rc-notification-banner__content">
                    <p class="rc-notification-banner__heading">
                        {
                            match state.session.assessment.title.trim() {
                                "" => format!("Your saved answers have been loaded: {n_answered} of {} questions answered.", state.framework.scored_items().count()),
                                title => format!("Your saved answers to ‘{title}’ have been loaded: {n_answered} of {} questions answered.", state.framework.scored_items().count()),
                            }
                        }
                    </p>
                    if let Some(version) = from_version {
                        <p class="rc-body">{ format!("They were saved against version {version} of the questions; this is version {}. Answers to questions that are still asked have been carried over.", state.framework.version) }</p>
                    }
                    if *n_retired > 0 {
                        <p class="rc-body">{ format!("{n_retired} {} to questions this version no longer asks {} been kept, with {} notes, under ‘Retired questions’ on the check your answers page.", if *n_retired == 1 { "answer" } else { "answers" }, if *n_retired == 1 { "has" } else { "have" }, if *n_retired == 1 { "its" } else { "their" }) }</p>
                    }
                    <button type="button" class="rc-button rc-button--secondary" onclick={dismiss}>{ "Dismiss" }</button>
                </div>
            </div>
        },
        Notice::Unreadable { reason, backup_key, raw } => {
            let raw = raw.clone();
            let download_raw = Callback::from(move |_| {
                if let Err(message) = download::download("readiness-unreadable-saved-answers.txt", "text/plain", &raw) {
                    gloo::dialogs::alert(&message);
                }
            });
            html! {
                <div class="rc-notification-banner" role="alert" aria-labelledby="notice-title">
                    <div class="rc-notification-banner__header">
                        <h2 class="rc-notification-banner__title" id="notice-title">{ "Important" }</h2>
                    </div>
                    <div class="rc-notification-banner__content">
                        <p class="rc-notification-banner__heading">{ "Your saved answers could not be read" }</p>
                        <p class="rc-body">{ format!("The problem: {reason}.") }</p>
                        if backup_key.is_empty() {
                            <p class="rc-body">{ "They have been left untouched in this browser's storage." }</p>
                        } else {
                            <p class="rc-body">{ format!("A copy has been kept in this browser under the name ‘{backup_key}’, and the assessment has started again with no answers.") }</p>
                        }
                        <div class="rc-button-group">
                            <button type="button" class="rc-button rc-button--secondary" onclick={download_raw}>{ "Download the saved text" }</button>
                            <button type="button" class="rc-button rc-button--secondary" onclick={dismiss}>{ "Dismiss" }</button>
                        </div>
                    </div>
                </div>
            }
        }
    }
}
