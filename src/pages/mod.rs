//! One component per page of the assessment.

#[cfg(feature = "full")]
pub mod assessments;
#[cfg(feature = "full")]
pub mod check;
#[cfg(feature = "full")]
pub mod compare;
#[cfg(feature = "full")]
pub mod import;
pub mod not_found;
#[cfg(not(feature = "full"))]
pub mod opening;
#[cfg(feature = "full")]
pub mod results;
pub mod section;
#[cfg(feature = "full")]
pub mod share;
pub mod start;
pub mod tasks;
#[cfg(feature = "full")]
pub mod workshop;
