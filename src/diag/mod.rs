//! Diagnostics: findings in the user's data as values — code, place, Dutch message, hint —
//! collected over a whole run and handed to the renderers: human, JSON, SARIF and GitHub
//! workflow commands.

mod diagnostic;
mod github;
pub mod msg;
mod render;
mod root;
mod sarif;

pub use crate::codes::{Code, Severity};
pub use diagnostic::{
    Accepted, Diagnostic, Diagnostics, Message, Names, Part, Pos, Sources, accepted_by_entry, cell_name, column_letters,
};
pub use github::render_github;
pub use render::{render_human, render_json, summary_line};
pub use root::Root;
pub use sarif::{DATAROOT, SARIF_SCHEMA, render_sarif};
