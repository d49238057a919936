//! Lowering: raw YAML types to validated model types. Judges the form of every value
//! (E003, E201) by the field's declaration (`raw`) and keeps every place; items missing a
//! required field are reported and left out.

mod inyear;
mod ontvangsten;
mod stelsel;
mod submission;
mod vergadering;

pub use inyear::{voortgang, wijziging};
pub use ontvangsten::ontvangsten;
pub use stelsel::{afspraken, stelsel};
pub use submission::{begroting, plan, realisatie};
pub use vergadering::{aanvaard, vergadering};
