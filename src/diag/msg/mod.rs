//! Every message a user reads about their data, in one place: one function per kind of
//! finding, returning the diagnostic without its place (callers add it with `at`).

mod accepted;
mod board;
mod build;
mod content;
mod effect;
mod inyear;
mod ontvangst;
mod read;
mod refs;
mod register;
mod workbook;

pub use accepted::*;
pub use board::{asked, decision_on_concept, decision_outside_mandate, document_outside_mandate};
pub use content::*;
pub use effect::*;
pub use inyear::*;
pub use ontvangst::*;
pub use read::*;
pub use refs::*;
pub use register::*;
pub use workbook::*;
