//! The readiness self-assessment's pure core: the framework model and its validation, scoring,
//! support-type matching, the session state machine, view-models and the export codec.
//!
//! It never touches the DOM, storage, the clock or randomness, so it builds and is tested
//! natively and for wasm32 alike. Only reading files can fail, and that returns every problem
//! with its path; scoring takes a validated framework and cannot fail.
//!
//! Load the framework, answer, score:
//!
//! ```
//! use readiness_core::{Framework, Session, Action, Rating, Route, score};
//!
//! let framework = Framework::bundled();
//! let mut session = Session::new(&framework);
//! let at = "2026-11-22T10:00:00Z".to_owned();
//! for item in framework.items.iter().filter(|item| item.section == 0) {
//!     session.apply(&framework, Action::Rate { item: item.id.clone(), rating: Rating::Level(2), at: at.clone() });
//! }
//! let results = score::score(&framework, &session.assessment);
//! let tools_practice = results.section(0).percent.expect("every item in the section is scored");
//! assert_eq!(tools_practice.to_f64(), 50.0);
//! assert!(results.provisional, "6 of 37 questions answered is provisional");
//! assert_eq!(results.maturity, None, "the other two domains have no answers");
//! ```

#![warn(missing_docs)]

pub mod aggregate;
pub mod answer;
pub mod codec;
pub mod compare;
pub mod embed;
pub mod framework;
pub mod ids;
pub mod json;
pub mod matching;
pub mod problem;
pub mod qr;
mod ratio;
mod reader;
pub mod score;
pub mod session;
mod sort;
pub mod sorted_map;
pub mod view;
pub mod workshop;

pub use answer::{Answer, Assessment, Choice, FrameworkRef, Rating, Value};
pub use framework::{Framework, Profile};
pub use ids::{FrameworkId, ItemId, SectionId, SupportTypeId};
pub use problem::Problem;
pub use ratio::Ratio;
pub use session::{Action, Route, Session, WorkshopView};
pub use sorted_map::SortedMap;
