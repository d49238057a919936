//! Raw input types: exactly the YAML files of the contract, every field optional so that a
//! missing required field is reported with its place instead of stopping the file, every
//! scalar kept as spanned text so that its form is judged (and reported) by `lower`.
//!
//! Each file kind is declared once (`contract!`): its fields with their shape, whether they are
//! required, and the Dutch title and description an editor shows. The serde types, the loader's
//! rules (`lower` asks a field whether it is required and what it looks like) and the JSON
//! Schemas (`crate::schema`) all come from that one declaration.

mod inyear;
mod ontvangsten;
mod register;
mod spanned;
mod spec;
mod stelsel;
mod submission;

pub use inyear::*;
pub use ontvangsten::*;
pub use register::*;
pub use spanned::{I, Int, List, Pairs, S, Spanned};
pub(crate) use spanned::{SPANNED_KEYS, SPANNED_NAME};
pub use spec::{Field, Mapping, Rule, Shape, Spec, opt, req};
pub use stelsel::*;
pub use submission::*;
