//! One component per page of the assessment.

pub mod check;
pub mod not_found;
pub mod results;
pub mod section;
pub mod start;
pub mod tasks;
