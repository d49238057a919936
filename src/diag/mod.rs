//! Diagnostics: findings in the user's data as values — code, place, Dutch message, hint —
//! collected over a whole run and handed to the renderers (human and JSON).

mod diagnostic;
pub mod msg;
mod render;

pub use crate::codes::{Code, Severity};
pub use diagnostic::{
    Accepted, Diagnostic, Diagnostics, Message, Names, Part, Pos, Sources, accepted_by_entry, cell_name, column_letters,
};
pub use render::{render_human, render_json, summary_line};
