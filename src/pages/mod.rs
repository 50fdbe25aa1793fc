//! One component per page of the assessment.

pub mod assessments;
pub mod check;
pub mod compare;
pub mod import;
pub mod not_found;
pub mod results;
pub mod section;
pub mod share;
pub mod start;
pub mod tasks;
pub mod workshop;
