//! Typeset stage: compiles a document's typst sources (templates plus the view's `data.json`)
//! to PDF/A-2b bytes with typst embedded as a library, and hands the bytes to `write`.
//!
//! No typst binary, no network, no packages, no clock: a `Job` carries every file and the date,
//! so the same job always gives the same bytes.

mod compile;
mod diagnostics;
mod fonts;
mod job;
pub mod letters;
mod templates;
mod world;

#[cfg(test)]
mod tests;

pub use compile::Typesetter;
pub use job::{Compiled, Job, TemplateError};
pub use templates::Templates;
