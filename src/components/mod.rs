//! Components shared by the pages: layout, questions, charts, the error summary and downloads.

#[cfg(feature = "full")]
pub mod charts;
#[cfg(feature = "full")]
pub mod compare;
pub mod download;
pub mod error_summary;
pub mod layout;
#[cfg(feature = "full")]
pub mod print;
pub mod question;
