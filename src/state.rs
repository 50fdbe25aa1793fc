//! The app's state: the core's session plus what only the browser knows (whether saving works,
//! what was recovered at start-up). A thin `Reducible` wrapper: every change to answers or
//! the page goes through `Session::apply`.

use std::rc::Rc;

use readiness_core::codec::stored::{Entry, Library};
use readiness_core::{Action, Assessment, Framework, Route, Session};
use yew::prelude::*;

/// Whether answers are reaching storage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Saving {
    /// Every change so far has been saved.
    Saved,
    /// Storage refused a write; answers live only in this page until it works again.
    Failing(String),
}

/// Something to tell the user once, at the top of the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// Saved answers were found and loaded.
    Restored {
        /// How many questions they answer.
        n_answered: usize,
        /// How many answers are to items this framework version no longer has.
        n_retired: usize,
        /// The framework version they were saved against, when it is not this one.
        from_version: Option<String>,
    },
    /// Saved answers could not be read; their raw text is kept under `backup_key`.
    Unreadable {
        /// Why they could not be read.
        reason: String,
        /// The storage key the raw text was copied to.
        backup_key: String,
        /// The raw text, offered for download.
        raw: String,
    },
}

/// The stored copy the open assessment's answers are based on. Autosave starts again from it
/// whenever `epoch` changes: after opening an assessment (nothing to write) or after the user
/// chose to keep their answers over another tab's (`write`: save at once).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Baseline {
    /// The revision of the stored copy.
    pub revision: u64,
    /// Counts openings, so autosave can tell a new baseline from an edit.
    pub epoch: u64,
    /// Whether to write the answers as soon as the baseline changes.
    pub write: bool,
}

/// Another tab or window saved the open assessment after this page last read or wrote it.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    /// What the other tab saved.
    pub theirs: Assessment,
    /// Its revision.
    pub revision: u64,
}

/// A one-off message after an action on the list of assessments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Flash {
    /// An assessment was deleted and can be brought back.
    Deleted {
        /// Its id.
        id: String,
        /// Its title.
        title: String,
    },
    /// Something worked: what.
    Done(String),
}

/// Everything the app renders from.
#[derive(Debug, Clone)]
pub struct AppState {
    /// The framework being answered.
    pub framework: Rc<Framework>,
    /// The answers and the current page.
    pub session: Session,
    /// Whether saving works.
    pub saving: Saving,
    /// A message for the user, if any.
    pub notice: Option<Notice>,
    /// The storage namespace (one per embedded widget).
    pub namespace: Rc<str>,
    /// The saved assessments.
    pub library: Library,
    /// The id of the open assessment. Usually `library.current`, but it changes only when an
    /// assessment is opened: deleting the open one moves the library's choice at once, and
    /// autosave must go on writing to the old key until the next one is open.
    pub current: String,
    /// The stored copy the open assessment is based on.
    pub baseline: Baseline,
    /// A change made in another tab, waiting for the user's choice.
    pub conflict: Option<Conflict>,
    /// A message after an action on the list of assessments.
    pub flash: Option<Flash>,
    /// An assessment read from a file, held in memory to compare with.
    pub imported: Option<Rc<Assessment>>,
    /// A workshop's participants (label and answers), held in memory while merging.
    pub participants: Rc<Vec<(String, Assessment)>>,
    /// Whether the workshop features show (a widget's host can turn them off).
    pub workshop: bool,
    /// The first-load build's hand-over to the full build (unused in the full build).
    pub opening: Opening,
}

/// The first-load build's hand-over of a page it does not have: which attempt this is, and why
/// the last one failed, if it did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Opening {
    /// Counts the user's "Try again"s.
    pub attempt: u32,
    /// Why the full build could not be loaded.
    pub failed: Option<String>,
}

/// Yew compares the state whenever the app re-renders (the context it provides). The framework
/// never changes while the app runs, so it is compared by pointer: compared by value it would be
/// every string of the framework on every click.
impl PartialEq for AppState {
    fn eq(&self, other: &Self) -> bool {
        let AppState { framework, session, saving, notice, namespace, library, current, baseline, conflict, flash, imported, participants, workshop, opening } =
            self;
        Rc::ptr_eq(framework, &other.framework)
            && *session == other.session
            && *saving == other.saving
            && *notice == other.notice
            && *namespace == other.namespace
            && *library == other.library
            && *current == other.current
            && *baseline == other.baseline
            && *conflict == other.conflict
            && *flash == other.flash
            && *imported == other.imported
            && Rc::ptr_eq(participants, &other.participants)
            && *workshop == other.workshop
            && *opening == other.opening
    }
}

impl AppState {
    /// A state holding `session` as the only assessment, "a1", with nothing else to say.
    pub fn with_session(framework: Framework, session: Session, namespace: &str) -> AppState {
        let entry = Entry { id: "a1".to_owned(), title: session.assessment.title.clone(), created: String::new(), deleted: None };
        AppState {
            framework: Rc::new(framework),
            session,
            saving: Saving::Saved,
            notice: None,
            namespace: Rc::from(namespace),
            library: Library { current: entry.id.clone(), assessments: vec![entry], deleted: Vec::new() },
            current: "a1".to_owned(),
            baseline: Baseline::default(),
            conflict: None,
            flash: None,
            imported: None,
            participants: Rc::default(),
            workshop: true,
            opening: Opening::default(),
        }
    }

    /// The open assessment's storage key.
    pub fn key(&self) -> String {
        crate::storage::assessment_key(&self.namespace, &self.framework, &self.current)
    }

    /// The open assessment's name for people.
    pub fn title(&self) -> String {
        display_title(&self.session.assessment.title)
    }
}

/// A title for people: "Untitled assessment" when there is none.
pub fn display_title(title: &str) -> String {
    if title.trim().is_empty() { "Untitled assessment".to_owned() } else { title.to_owned() }
}

/// What can happen to the app's state.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    /// A session action.
    Do(Action),
    /// The first-load build's hand-over started again, or failed.
    Opening(Opening),
    /// A save failed, or worked again after failing.
    Saving(Saving),
    /// The user dismissed the notice.
    Dismiss,
    /// Open an assessment already read from storage, optionally going to a page.
    Open {
        /// Its id.
        id: String,
        /// Its answers.
        assessment: Assessment,
        /// Its stored revision (0 when it has never been saved).
        revision: u64,
        /// Where to go.
        route: Option<Route>,
        /// Write it at once (a new, duplicated or imported assessment).
        write: bool,
    },
    #[cfg(feature = "full")]
    /// Add an entry to the list (followed by `Open` to open it).
    Add(Entry),
    #[cfg(feature = "full")]
    /// Rename an assessment in the list.
    Rename {
        /// Its id.
        id: String,
        /// The new title.
        title: String,
        /// When.
        at: String,
    },
    #[cfg(feature = "full")]
    /// Move an assessment to "recently deleted".
    Delete {
        /// Its id.
        id: String,
        /// When.
        at: String,
    },
    #[cfg(feature = "full")]
    /// Bring a deleted assessment back.
    Restore(String),
    /// Another tab saved the open assessment (or the conflict was dealt with).
    Conflict(Option<Conflict>),
    /// Keep this page's answers over another tab's, whose revision is given.
    KeepMine(u64),
    /// Another tab changed the list of assessments.
    Library(Library),
    #[cfg(feature = "full")]
    /// Hold a file's assessment in memory to compare with.
    Imported(Option<Rc<Assessment>>),
    #[cfg(feature = "full")]
    /// Show or clear a one-off message.
    Flash(Option<Flash>),
    /// Tell the user something about their saved answers.
    Notice(Notice),
    #[cfg(feature = "full")]
    /// Set a workshop's participants.
    Participants(Rc<Vec<(String, Assessment)>>),
}

impl From<Action> for Msg {
    fn from(action: Action) -> Msg {
        Msg::Do(action)
    }
}

impl Reducible for AppState {
    type Action = Msg;

    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        match msg {
            Msg::Do(action) => {
                let mut next = (*self).clone();
                let is_route = matches!(action, Action::Go(_));
                if !next.session.apply(&self.framework, action) {
                    return self;
                }
                if !is_route {
                    next.flash = None;
                }
                let title = next.session.assessment.title.clone();
                if let Some(entry) = next.library.assessments.iter_mut().find(|entry| entry.id == next.current)
                    && entry.title != title
                {
                    entry.title = title;
                }
                Rc::new(next)
            }
            Msg::Saving(saving) if saving != self.saving => Rc::new(AppState { saving, ..(*self).clone() }),
            Msg::Opening(opening) if opening != self.opening => Rc::new(AppState { opening, ..(*self).clone() }),
            Msg::Dismiss if self.notice.is_some() => Rc::new(AppState { notice: None, ..(*self).clone() }),
            Msg::Open { id, assessment, revision, route, write } => {
                let mut next = (*self).clone();
                next.session.apply(&self.framework, Action::Replace(assessment));
                if let Some(route) = route {
                    next.session.apply(&self.framework, Action::Go(route));
                }
                next.library.current = id.clone();
                next.current = id;
                next.baseline = Baseline { revision, epoch: self.baseline.epoch + 1, write };
                next.conflict = None;
                next.notice = None;
                Rc::new(next)
            }
            #[cfg(feature = "full")]
            Msg::Add(entry) => {
                let mut next = (*self).clone();
                next.library.assessments.push(entry);
                Rc::new(next)
            }
            #[cfg(feature = "full")]
            Msg::Rename { id, title, at } => {
                let mut next = (*self).clone();
                let title: String = title.trim().chars().take(readiness_core::codec::export::MAX_TITLE).collect();
                if let Some(entry) = next.library.assessments.iter_mut().find(|entry| entry.id == id) {
                    entry.title = title.clone();
                }
                if id == self.current {
                    next.session.apply(&self.framework, Action::Title { title: title.clone(), at });
                }
                next.flash = Some(Flash::Done(format!("Renamed to ‘{}’", display_title(&title))));
                Rc::new(next)
            }
            #[cfg(feature = "full")]
            Msg::Delete { id, at } => {
                let mut next = (*self).clone();
                let title = next.library.entry(&id).map(|entry| display_title(&entry.title)).unwrap_or_default();
                next.library.delete(&id, &at);
                next.flash = Some(Flash::Deleted { id, title });
                Rc::new(next)
            }
            #[cfg(feature = "full")]
            Msg::Restore(id) => {
                let mut next = (*self).clone();
                if !next.library.restore(&id) {
                    return self;
                }
                let title = next.library.entry(&id).map(|entry| display_title(&entry.title)).unwrap_or_default();
                next.flash = Some(Flash::Done(format!("‘{title}’ has been restored")));
                Rc::new(next)
            }
            // Another tab saved exactly these answers: nothing to choose, only a newer baseline.
            Msg::Conflict(Some(conflict)) if conflict.theirs == self.session.assessment => {
                let baseline = Baseline { revision: conflict.revision, epoch: self.baseline.epoch + 1, write: false };
                Rc::new(AppState { baseline, conflict: None, ..(*self).clone() })
            }
            Msg::Conflict(conflict) if conflict != self.conflict => Rc::new(AppState { conflict, ..(*self).clone() }),
            Msg::KeepMine(revision) => {
                let baseline = Baseline { revision, epoch: self.baseline.epoch + 1, write: true };
                Rc::new(AppState { baseline, conflict: None, ..(*self).clone() })
            }
            Msg::Library(mut library) => {
                if library == self.library {
                    return self;
                }
                library.current = self.current.clone();
                Rc::new(AppState { library, ..(*self).clone() })
            }
            #[cfg(feature = "full")]
            Msg::Participants(participants) => Rc::new(AppState { participants, ..(*self).clone() }),
            Msg::Notice(notice) => Rc::new(AppState { notice: Some(notice), ..(*self).clone() }),
            #[cfg(feature = "full")]
            Msg::Imported(imported) => Rc::new(AppState { imported, ..(*self).clone() }),
            #[cfg(feature = "full")]
            Msg::Flash(flash) if flash != self.flash => Rc::new(AppState { flash, ..(*self).clone() }),
            _ => self,
        }
    }
}

/// The handle pages read state from.
pub type AppHandle = UseReducerHandle<AppState>;
/// The dispatcher controls send messages through; equal by pointer, so controls holding only
/// it do not re-render when answers change.
pub type Dispatch = UseReducerDispatcher<AppState>;

/// The app's state, from the provider in [`crate::app::App`]. Only the full build has the
/// provider: the first-load build's pages are given the state.
#[cfg(feature = "full")]
#[hook]
pub fn use_app() -> AppHandle {
    use_context::<AppHandle>().expect("pages are rendered inside the app's provider")
}

/// The dispatcher, from the provider in [`crate::app::App`].
#[cfg(feature = "full")]
#[hook]
pub fn use_dispatch() -> Dispatch {
    use_context::<Fixed>().expect("controls are rendered inside the app's provider").dispatch
}

/// The framework, from the provider in [`crate::app::App`].
#[cfg(feature = "full")]
#[hook]
pub fn use_framework() -> Rc<Framework> {
    use_context::<Fixed>().expect("pages are rendered inside the app's provider").framework
}

/// What stays the same while the app is mounted, as one context value, equal by pointer: the
/// framework and the dispatcher. Components that read only these do not re-render when answers
/// change. (One context rather than two: each context type costs the wasm its own provider.)
#[derive(Clone)]
pub struct Fixed {
    /// The framework.
    pub framework: Rc<Framework>,
    /// The dispatcher.
    pub dispatch: Dispatch,
}

impl PartialEq for Fixed {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.framework, &other.framework) && self.dispatch == other.dispatch
    }
}
