//! Stage `view`: turns the roll-up into the data the documents show — every amount and date
//! pre-formatted in Dutch — for `typeset`: a cycle document (`data.json`, the shape of
//! `docs/viewmodel.md`), the meeting documents, the reminder letters and the spreadsheets.

mod accounts;
pub(crate) mod consequences;
pub(crate) mod cx;
pub(crate) mod deliveries;
mod document;
pub(crate) mod head;
pub mod meeting;
mod options;
mod plan;
mod points;
mod portfolio;
mod register;
pub mod reminders;
pub mod sheets;
mod summary;
mod tables;
pub mod text;

#[cfg(test)]
mod tests;

pub use document::{ABRIDGE_FROM, Document, Ingekort, Weggelaten, build, document, document_json};
