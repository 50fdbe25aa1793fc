//! The root component: owns the state, keeps the URL and storage in step, manages focus and the
//! page title on every page change, and lays out header, banners, the page and the footer.

use std::rc::Rc;

use readiness_core::{Action, Framework, Route, Session};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::components::layout::{Footer, Header, SavingBanner, SkipLink};
use crate::pages;
use crate::state::{AppState, FrameworkContext, Msg, Notice, Saving};
use crate::storage::{self, Loaded};

/// The storage namespace of the standalone app.
pub const NAMESPACE: &str = "readiness";

/// What the app starts from, read before the first render so that no component does I/O.
#[derive(Debug, Clone)]
pub struct Start {
    /// The state to start in.
    pub state: AppState,
    /// Where answers are saved.
    pub key: String,
    /// The revision of the saved answers.
    pub revision: u64,
}

impl Start {
    /// Reads the saved answers and the URL, backing up anything unreadable before the app can
    /// overwrite it.
    pub fn read(framework: Framework, namespace: &str) -> Start {
        let key = storage::key(namespace, &framework);
        let mut session = Session::new(&framework);
        session.route = crate::route::current();
        let mut notice = None;
        let mut saving = Saving::Saved;
        let mut revision = 0;
        match storage::load(&framework, &key) {
            Loaded::Nothing => {}
            Loaded::Found(assessment, saved_revision) => {
                revision = saved_revision;
                session.assessment = assessment;
                let n_answered = readiness_core::score::score(&framework, &session.assessment).n_answered;
                if n_answered > 0 || !session.assessment.answers.is_empty() {
                    notice = Some(Notice::Restored { n_answered });
                }
            }
            Loaded::Unreadable(reason, raw) => match storage::back_up(&key, &raw, &crate::now()) {
                Ok(backup_key) => notice = Some(Notice::Unreadable { reason, backup_key, raw }),
                // Without a backup, writing would destroy the only copy: stay in memory.
                Err(error) => {
                    saving = Saving::Failing(format!("your saved answers could not be read, and {error}, so they have been left as they were"));
                    notice = Some(Notice::Unreadable { reason, backup_key: String::new(), raw });
                }
            },
        }
        Start { state: AppState { framework: Rc::new(framework), session, saving, notice }, key, revision }
    }
}

/// The app's properties: where it starts.
#[derive(Properties, Clone)]
pub struct AppProps {
    /// The starting state.
    pub start: Rc<Start>,
}

impl PartialEq for AppProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.start, &other.start)
    }
}

/// The whole app.
#[component]
pub fn App(props: &AppProps) -> Html {
    let start = props.start.clone();
    let state = use_reducer(|| start.state.clone());
    let framework = state.framework.clone();
    let dispatcher = state.dispatcher();

    {
        let dispatcher = dispatcher.clone();
        let on_route = Callback::from(move |route: Route| dispatcher.dispatch(Msg::Do(Action::Go(route))));
        crate::route::use_route_sync(state.session.route.clone(), on_route);
    }
    let saving_ok = matches!(state.saving, Saving::Saved);
    let failed_at_start =
        !saving_ok && state.notice.as_ref().is_some_and(|notice| matches!(notice, Notice::Unreadable { backup_key, .. } if backup_key.is_empty()));
    storage::use_autosave(&state, if failed_at_start { String::new() } else { props.start.key.clone() }, props.start.revision);
    use_page_focus(&state.session, &framework);

    let page = match &state.session.route {
        Route::Start => html! { <pages::start::StartPage /> },
        Route::Tasks => html! { <pages::tasks::TasksPage /> },
        Route::Section { id, .. } => match framework.section_position(id.as_str()) {
            Some(section) => html! { <pages::section::SectionPage {section} /> },
            None => html! { <pages::not_found::NotFound /> },
        },
        Route::Check => html! { <pages::check::CheckPage /> },
        Route::Results => html! { <pages::results::ResultsPage /> },
        Route::NotFound(_) => html! { <pages::not_found::NotFound /> },
    };

    html! {
        <ContextProvider<FrameworkContext> context={FrameworkContext(framework.clone())}>
        <ContextProvider<crate::state::AppHandle> context={state.clone()}>
        <ContextProvider<crate::state::Dispatch> context={dispatcher}>
            <div class="rc-app">
                <SkipLink />
                <Header title={framework.title.clone()} />
                <div class="rc-width-container">
                    <SavingBanner />
                    <main class="rc-main-wrapper" id="main-content" tabindex="-1">
                        <crate::components::layout::NoticeBanner />
                        { page }
                    </main>
                </div>
                <Footer />
            </div>
        </ContextProvider<crate::state::Dispatch>>
        </ContextProvider<crate::state::AppHandle>>
        </ContextProvider<FrameworkContext>>
    }
}

/// The document title for a page.
fn page_title(session: &Session, framework: &Framework) -> String {
    let page = match &session.route {
        Route::Start => framework.title.clone(),
        Route::Tasks => "Your assessment".to_owned(),
        Route::Section { id, .. } => framework.section(id.as_str()).map(|section| section.title.clone()).unwrap_or_else(|| "Page not found".to_owned()),
        Route::Check => "Check your answers".to_owned(),
        Route::Results => "Your results".to_owned(),
        Route::NotFound(_) => "Page not found".to_owned(),
    };
    let prefix = if session.errors.is_empty() { "" } else { "Error: " };
    format!("{prefix}{page} – Readiness self-assessment")
}

/// After the page changes, moves focus to its heading (or to the item a "Change" link names) so
/// that screen reader and keyboard users start at the top of the new page, as after a full page
/// load; after "Save and continue" finds errors, focuses the error summary. Sets the title too.
#[hook]
fn use_page_focus(session: &Session, framework: &Rc<Framework>) {
    let first = use_mut_ref(|| true);
    let title = page_title(session, framework);
    let errors = session.errors.clone();
    use_effect_with((session.route.clone(), errors, title), move |(route, errors, title)| {
        let document = gloo::utils::document();
        document.set_title(title);
        if std::mem::replace(&mut *first.borrow_mut(), false) {
            return;
        }
        let focus = |selector: &str| {
            let element = document.query_selector(selector).ok().flatten().and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
            element.map(|element| element.focus()).is_some()
        };
        if !errors.is_empty() {
            focus(".rc-error-summary");
            return;
        }
        if let Route::Section { focus: Some(item), .. } = route {
            let checked = format!("[name=\"{item}\"]:checked");
            if focus(&checked) || focus(&format!("[name=\"{item}\"]")) || focus(&format!("#{item}-text")) {
                return;
            }
        }
        gloo::utils::window().scroll_to_with_x_and_y(0.0, 0.0);
        focus("h1");
    });
}
