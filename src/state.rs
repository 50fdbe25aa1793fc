//! The app's state: the core's session plus what only the browser knows (whether saving works,
//! what was recovered at start-up). A thin `Reducible` wrapper: every change to answers or
//! the page goes through `Session::apply`.

use std::rc::Rc;

use readiness_core::{Action, Framework, Session};
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

/// Everything the app renders from.
#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    /// The framework being answered.
    pub framework: Rc<Framework>,
    /// The answers and the current page.
    pub session: Session,
    /// Whether saving works.
    pub saving: Saving,
    /// A message for the user, if any.
    pub notice: Option<Notice>,
}

/// What can happen to the app's state.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    /// A session action.
    Do(Action),
    /// A save failed, or worked again after failing.
    Saving(Saving),
    /// The user dismissed the notice.
    Dismiss,
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
                if next.session.apply(&self.framework, action) { Rc::new(next) } else { self }
            }
            Msg::Saving(saving) if saving != self.saving => Rc::new(AppState { saving, ..(*self).clone() }),
            Msg::Dismiss if self.notice.is_some() => Rc::new(AppState { notice: None, ..(*self).clone() }),
            _ => self,
        }
    }
}

/// The handle pages read state from.
pub type AppHandle = UseReducerHandle<AppState>;
/// The dispatcher controls send messages through; equal by pointer, so controls holding only
/// it do not re-render when answers change.
pub type Dispatch = UseReducerDispatcher<AppState>;

/// The app's state, from the provider in [`crate::app::App`].
#[hook]
pub fn use_app() -> AppHandle {
    use_context::<AppHandle>().expect("pages are rendered inside the app's provider")
}

/// The dispatcher, from the provider in [`crate::app::App`].
#[hook]
pub fn use_dispatch() -> Dispatch {
    use_context::<Dispatch>().expect("controls are rendered inside the app's provider")
}

/// The framework, from the provider in [`crate::app::App`].
#[hook]
pub fn use_framework() -> Rc<Framework> {
    use_context::<FrameworkContext>().expect("pages are rendered inside the app's provider").0
}

/// The framework as a context value, equal by pointer.
#[derive(Debug, Clone)]
pub struct FrameworkContext(pub Rc<Framework>);

impl PartialEq for FrameworkContext {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}
