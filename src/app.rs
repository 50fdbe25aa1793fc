//! The root component: owns the state, keeps the URL and storage in step, manages focus and the
//! page title on every page change, and lays out header, banners, the page and the footer.

use std::rc::Rc;

use readiness_core::codec::stored::{self, Entry, Library};
use readiness_core::{Action, Framework, Route, Session};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::components::layout::{conflict_banner, footer, header, notice_banner, saving_banner, skip_link};
use crate::pages;
use crate::state::{AppState, Baseline, Msg, Notice, Saving};
use crate::storage::{self, Loaded};

/// The storage namespace of the standalone app.
pub const NAMESPACE: &str = "readiness";

/// What the app starts from, read before the first render so that no component does I/O.
#[derive(Debug, Clone)]
pub struct Start {
    /// The state to start in.
    pub state: AppState,
    /// Whether writing is safe: false when unreadable saved data could not be backed up.
    pub can_write: bool,
    /// The host element when the app is an embedded widget: it keeps its route in memory and
    /// sends events from this element.
    pub host: Option<web_sys::Element>,
    /// The page's functions for the hand-over to the full build (see [`crate::handover`]).
    pub shell: Option<wasm_bindgen::JsValue>,
    /// Whether the first-load build handed this app over: its first page is a page change.
    pub handed_over: bool,
}

impl Start {
    /// Reads the list of assessments and the open one (migrating storage version 1, and
    /// taking back any stored assessment the list has lost), backing up anything unreadable
    /// before the app can overwrite it.
    pub fn read(framework: Framework, namespace: &str) -> Start {
        Start::read_in(framework, namespace, None, None)
    }

    /// Reads as [`Start::read`] does, for a widget when `host` is given: it starts on `route`
    /// (or on a share link in the page's URL) rather than on the page the URL names.
    pub fn read_in(framework: Framework, namespace: &str, route: Option<Route>, host: Option<web_sys::Element>) -> Start {
        let now = crate::now();
        let mut session = Session::new(&framework);
        session.route = match (route, crate::route::current()) {
            (None, from_url) => from_url,
            (Some(_), share @ Route::Share(_)) => share,
            (Some(route), _) => route,
        };
        let mut notice = None;
        let mut saving = Saving::Saved;
        let mut can_write = true;
        let unreadable = |reason: String, key: &str, raw: String, notice: &mut Option<Notice>, saving: &mut Saving, can_write: &mut bool| match storage::back_up(
            key, &raw, &now,
        ) {
            Ok(backup_key) => *notice = Some(Notice::Unreadable { reason, backup_key, raw }),
            // Without a backup, writing would destroy the only copy: stay in memory.
            Err(error) => {
                *saving = Saving::Failing(format!("your saved answers could not be read, and {error}, so they have been left as they were"));
                *can_write = false;
                *notice = Some(Notice::Unreadable { reason, backup_key: String::new(), raw });
            }
        };

        let library_key = storage::library_key(namespace, &framework);
        let mut library = Library::default();
        let mut assessment_from_migration = None;
        match storage::raw(&library_key) {
            Some(text) => match Library::decode(&text) {
                Ok((found, _)) => library = found,
                Err(problems) => unreadable(describe_problems(&problems), &library_key, text, &mut notice, &mut saving, &mut can_write),
            },
            None => {
                let legacy_key = storage::legacy_key(namespace, &framework);
                if let Some(text) = storage::raw(&legacy_key) {
                    match stored::migrate_v1(&text, &framework, "a1", &now) {
                        Ok((migrated, found)) => {
                            let assessment_key = storage::assessment_key(namespace, &framework, "a1");
                            let written = storage::put(&assessment_key, &stored::encode(&framework, &found.assessment, &now, found.revision))
                                .and_then(|()| storage::put(&library_key, &migrated.encode(&now, 1)));
                            match written {
                                Ok(()) => storage::remove(&legacy_key),
                                Err(error) => saving = Saving::Failing(error),
                            }
                            library = migrated;
                            assessment_from_migration = Some((found.assessment, found.revision));
                        }
                        Err(problems) => {
                            unreadable(describe_problems(&problems), &legacy_key, text, &mut notice, &mut saving, &mut can_write);
                            if can_write {
                                storage::remove(&legacy_key);
                            }
                        }
                    }
                }
            }
        }
        recover_orphans(&mut library, namespace, &framework, &now);
        if library.assessments.is_empty() {
            let id = library.fresh_id("a");
            library.assessments.push(Entry { id, title: String::new(), created: now.clone(), deleted: None });
        }
        if library.entry(&library.current).is_none() {
            library.current = library.assessments[0].id.clone();
        }
        let current = library.current.clone();
        let key = storage::assessment_key(namespace, &framework, &current);
        let mut revision = 0;
        let loaded = match assessment_from_migration {
            Some((assessment, saved_revision)) => Loaded::Found(assessment, saved_revision),
            None if notice.is_some() => Loaded::Nothing,
            None => storage::load(&framework, &key),
        };
        match loaded {
            Loaded::Nothing => {}
            Loaded::Found(assessment, saved_revision) => {
                revision = saved_revision;
                let from_version = (assessment.framework.version != framework.version).then(|| assessment.framework.version.clone());
                session.assessment = assessment;
                session.assessment.framework.version = framework.version.clone();
                let n_answered = readiness_core::score::progress(&framework, &session.assessment).n_answered;
                if n_answered > 0 || !session.assessment.answers.is_empty() || !session.assessment.retired.is_empty() {
                    notice = Some(Notice::Restored { n_answered, n_retired: session.assessment.retired.len(), from_version });
                }
            }
            Loaded::Unreadable(reason, raw) => unreadable(reason, &key, raw, &mut notice, &mut saving, &mut can_write),
        }
        if session.assessment.title.is_empty()
            && let Some(entry) = library.entry(&current)
        {
            session.assessment.title = entry.title.clone();
        }
        let state = AppState {
            framework: Rc::new(framework),
            session,
            saving,
            notice,
            namespace: Rc::from(namespace),
            library,
            current,
            baseline: Baseline { revision, epoch: 0, write: false },
            conflict: None,
            flash: None,
            imported: None,
            participants: Rc::default(),
            workshop: true,
            opening: crate::state::Opening::default(),
        };
        Start { state, can_write, host, shell: None, handed_over: false }
    }

    /// Takes over from the first-load build: its page, and its answers when storage does not
    /// have them. Answers that could not be saved are written at once; answers held back while
    /// another tab's save waited for the user's choice come with that choice again. Answers the
    /// first-load build had saved are read from storage, which may be newer.
    #[cfg(feature = "full")]
    pub fn take_over(&mut self, handed: crate::handover::Handover) {
        let state = &mut self.state;
        state.session.route = handed.route;
        if matches!(state.notice, Some(Notice::Restored { .. })) {
            // The first-load build has said so already.
            state.notice = None;
        }
        if handed.unsaved && handed.id == state.current && handed.assessment != state.session.assessment {
            let stored = std::mem::replace(&mut state.session.assessment, handed.assessment);
            if handed.conflict {
                state.conflict = Some(crate::state::Conflict { theirs: stored, revision: state.baseline.revision });
            } else {
                state.baseline.write = self.can_write;
            }
        }
        self.handed_over = true;
    }
}

fn describe_problems(problems: &[readiness_core::Problem]) -> String {
    problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("; ")
}

/// Puts back in the list any stored assessment it does not name (as when a tab saved answers
/// before the list was first written), so that nothing saved is ever out of reach.
fn recover_orphans(library: &mut Library, namespace: &str, framework: &Framework, now: &str) {
    let prefix = storage::assessment_key(namespace, framework, "");
    for key in storage::keys() {
        let Some(id) = key.strip_prefix(&prefix) else { continue };
        if id.is_empty() || id.contains(':') || library.assessments.iter().chain(&library.deleted).any(|entry| entry.id == id) {
            continue;
        }
        let title = match storage::load(framework, &key) {
            Loaded::Found(assessment, _) => assessment.title,
            _ => String::new(),
        };
        library.assessments.push(Entry { id: id.to_owned(), title, created: now.to_owned(), deleted: None });
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

    let host = props.start.host.clone();
    let embedded = host.is_some();
    {
        let dispatcher = dispatcher.clone();
        let on_route = Callback::from(move |route: Route| dispatcher.dispatch(Msg::Do(Action::Go(route))));
        crate::route::use_route_sync(state.session.route.clone(), on_route, !embedded);
    }
    use_build_hooks(host, &state, props.start.shell.clone());
    // A widget keeps its route in memory: links to app pages change the route, not the URL.
    let onclick = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |event: MouseEvent| {
            if !embedded || event.default_prevented() {
                return;
            }
            let link = event
                .target()
                .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
                .and_then(|element| element.closest("a[href^='#/']").ok().flatten());
            if let Some(href) = link.and_then(|link| link.get_attribute("href")) {
                event.prevent_default();
                dispatcher.dispatch(Msg::Do(Action::Go(Route::parse(&href))));
            }
        })
    };
    let root = use_node_ref();
    storage::use_storage(&state, props.start.can_write);
    // The first-load build asks the page to fetch the full one after the user's first move.
    let prefetch = if cfg!(feature = "full") { None } else { props.start.shell.clone() };
    use_page_focus(&state.session, &framework, root.clone(), embedded, props.start.handed_over, prefetch);

    let page = match &state.session.route {
        Route::Start => pages::start::start_page(&framework),
        Route::Tasks => pages::tasks::tasks_page(&state),
        Route::Section { id, .. } => match framework.section_position(id.as_str()) {
            Some(section) => pages::section::section_page(&state, section),
            None => pages::not_found::not_found(),
        },
        Route::NotFound(_) => pages::not_found::not_found(),
        #[cfg(feature = "full")]
        Route::Check => html! { <pages::check::CheckPage /> },
        #[cfg(feature = "full")]
        Route::Results => html! { <pages::results::ResultsPage /> },
        #[cfg(feature = "full")]
        Route::Assessments => html! { <pages::assessments::AssessmentsPage /> },
        #[cfg(feature = "full")]
        Route::Import => html! { <pages::import::ImportPage /> },
        #[cfg(feature = "full")]
        Route::Share(payload) => html! { <pages::share::SharePage payload={payload.clone()} /> },
        #[cfg(feature = "full")]
        Route::Compare { before, after } => html! { <pages::compare::ComparePage before={before.clone()} after={after.clone()} /> },
        #[cfg(feature = "full")]
        Route::Workshop(view) if state.workshop => html! { <pages::workshop::WorkshopPage view={*view} /> },
        #[cfg(feature = "full")]
        Route::Workshop(_) => pages::not_found::not_found(),
        // The first-load build hands every other page over to the full build.
        #[cfg(not(feature = "full"))]
        _ => pages::opening::opening_page(&state),
    };

    let body = html! {
        <>
            if cfg!(feature = "full") && matches!(state.session.route, Route::Workshop(readiness_core::WorkshopView::Projector | readiness_core::WorkshopView::Present)) {
                // The room's view: nothing but the item, large, for a projector. (The first-load
                // build shows its stand-in for the workshop in the usual layout.)
                <div class="rc-app rc-app--projector" ref={root} {onclick}>
                    <main class="rc-projector-wrapper" id="main-content" tabindex="-1">{ page }</main>
                </div>
            } else {
            <div class="rc-app" ref={root} {onclick}>
                { skip_link() }
                { header(&framework.title, state.workshop) }
                <div class="rc-width-container">
                    { saving_banner(&state) }
                    { conflict_banner(&state) }
                    <main class="rc-main-wrapper" id="main-content" tabindex="-1">
                        { notice_banner(&state) }
                        { flash_banner() }
                        { page }
                    </main>
                </div>
                { footer(&framework) }
            </div>
            }
        </>
    };
    // Only the full build's pages read the state, the framework and the dispatcher from
    // contexts; the first-load build's are given them, so it has no providers.
    #[cfg(feature = "full")]
    let body = html! {
        <ContextProvider<crate::state::Fixed> context={crate::state::Fixed { framework: framework.clone(), dispatch: dispatcher }}>
            <ContextProvider<crate::state::AppHandle> context={state.clone()}>{ body }</ContextProvider<crate::state::AppHandle>>
        </ContextProvider<crate::state::Fixed>>
    };
    body
}

/// The document title for a page.
fn page_title(session: &Session, framework: &Framework) -> String {
    let page = match &session.route {
        Route::Start => framework.title.clone(),
        Route::Tasks => "Your assessment".to_owned(),
        Route::Section { id, .. } => framework.section(id.as_str()).map(|section| section.title.clone()).unwrap_or_else(|| "Page not found".to_owned()),
        Route::Check => "Check your answers".to_owned(),
        Route::Results => "Your results".to_owned(),
        Route::Assessments => "Your assessments".to_owned(),
        Route::Import => "Import an assessment".to_owned(),
        Route::Share(_) => "Answers shared with you".to_owned(),
        Route::Compare { .. } => "Compare two assessments".to_owned(),
        Route::Workshop(readiness_core::WorkshopView::Projector | readiness_core::WorkshopView::Present) => "Workshop: projector".to_owned(),
        Route::Workshop(readiness_core::WorkshopView::Merge) => "Workshop: merge participants' answers".to_owned(),
        Route::Workshop(readiness_core::WorkshopView::Presenter) => "Workshop: facilitator's view".to_owned(),
        Route::NotFound(_) => "Page not found".to_owned(),
    };
    let prefix = if session.errors.is_empty() { "" } else { "Error: " };
    format!("{prefix}{page} – Readiness self-assessment")
}

/// The full build sends a widget's events. (The first-load build is never a widget.)
#[cfg(feature = "full")]
#[hook]
fn use_build_hooks(host: Option<web_sys::Element>, state: &crate::state::AppHandle, _shell: Option<wasm_bindgen::JsValue>) {
    use_widget_events(host, state);
}

/// The first-load build hands the pages it does not have over to the full build. (It is
/// never a widget.)
#[cfg(not(feature = "full"))]
#[hook]
fn use_build_hooks(_host: Option<web_sys::Element>, state: &crate::state::AppHandle, shell: Option<wasm_bindgen::JsValue>) {
    crate::pages::opening::use_handover(state, shell);
}

/// After the page changes, moves focus to its heading (or to the item a "Change" link names) so
/// that screen reader and keyboard users start at the top of the new page, as after a full page
/// load; after "Save and continue" finds errors, focuses the error summary. Sets the title too.
/// After the first such change, calls the page's `prefetch` on `prefetch` if given (the
/// first-load build's way to have the full one fetched in the background).
#[hook]
fn use_page_focus(session: &Session, framework: &Rc<Framework>, root: NodeRef, embedded: bool, handed_over: bool, prefetch: Option<wasm_bindgen::JsValue>) {
    // After a hand-over the first page is a page change, as it was in the first-load build.
    let first = use_mut_ref(|| (!handed_over, prefetch));
    let title = page_title(session, framework);
    let errors = session.errors.clone();
    use_effect_with((session.route.clone(), errors, title), move |(route, errors, title)| {
        // A widget is part of someone else's page: it leaves the page's title alone.
        if !embedded {
            gloo::utils::document().set_title(title);
        }
        {
            let (first, prefetch) = &mut *first.borrow_mut();
            if std::mem::replace(first, false) {
                return;
            }
            if let Some(shell) = prefetch.take() {
                crate::handover::call(&shell, "prefetch", &wasm_bindgen::JsValue::UNDEFINED);
            }
        }
        let Some(node) = root.get().map(|node| node.get_root_node()) else { return };
        let focus = |selector: &str| {
            let element = crate::dom::query(&node, selector).and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
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
        if embedded {
            if let Some(heading) = crate::dom::query(&node, "h1") {
                heading.scroll_into_view();
            }
        } else {
            gloo::utils::window().scroll_to_with_x_and_y(0.0, 0.0);
        }
        focus("h1");
    });
}

#[cfg(feature = "full")]
/// A widget's events: `readiness-ready` once mounted, `readiness-change` with the results after
/// every change of answers, `readiness-complete` with them when the results page is reached.
#[hook]
fn use_widget_events(host: Option<web_sys::Element>, state: &crate::state::AppHandle) {
    let framework = state.framework.clone();
    let assessment = state.session.assessment.clone();
    let at_results = matches!(state.session.route, Route::Results);
    let namespace = state.namespace.clone();
    {
        let host = host.clone();
        let framework = framework.clone();
        use_effect_with((), move |_| {
            if let Some(host) = host {
                let detail = js_sys::Object::new();
                let reference = js_sys::Object::new();
                crate::set_property(&reference, "id", framework.id.as_str());
                crate::set_property(&reference, "version", framework.version.as_str());
                crate::set_property(&detail, "framework", reference);
                crate::set_property(&detail, "namespace", &*namespace);
                crate::embed::dispatch(&host, "readiness-ready", &detail.into());
            }
        });
    }
    let first = use_mut_ref(|| true);
    {
        let host = host.clone();
        let framework = framework.clone();
        use_effect_with(assessment.clone(), move |assessment| {
            if std::mem::replace(&mut *first.borrow_mut(), false) {
                return;
            }
            if let Some(host) = host {
                crate::embed::dispatch(&host, "readiness-change", &crate::embed::results_object(&framework, assessment));
            }
        });
    }
    use_effect_with(at_results, move |at_results| {
        if *at_results && let Some(host) = host {
            crate::embed::dispatch(&host, "readiness-complete", &crate::embed::results_object(&framework, &assessment));
        }
    });
}

/// The banner after an action on the list of assessments: a full-build page raises it.
fn flash_banner() -> Html {
    #[cfg(feature = "full")]
    return html! { <crate::components::layout::FlashBanner /> };
    #[cfg(not(feature = "full"))]
    Html::default()
}
