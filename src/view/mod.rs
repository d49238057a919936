//! Stage `view`: turns the roll-up into the data the documents show — every amount and date
//! pre-formatted in Dutch — for `typeset`: a cycle document (`data.json`, the shape of
//! `docs/viewmodel.md`), the meeting documents, the reminder letters and the spreadsheets.

mod aansluiting;
pub(crate) mod aard;
pub mod accounts;
pub mod bound;
pub(crate) mod consequences;
pub(crate) mod cx;
pub(crate) mod deliveries;
mod document;
pub(crate) mod head;
pub(crate) mod herkomst;
pub mod ontvangst;
pub mod options;
pub mod plan;
mod points;
mod portfolio;
pub mod progress;
pub mod register;
pub mod reminders;
pub(crate) mod risks;
pub mod settlement;
pub mod sheets;
mod summary;
pub mod tables;
pub mod text;
pub mod vergadering;

#[cfg(test)]
mod tests;

pub use accounts::{PartijVerantwoording, RegelVerantwoording};
pub use bound::{BovenNorm, Overig};
pub use document::{
    ABRIDGE_FROM, Document, Ingekort, SiteParts, Weggelaten, build, document, document_json, site_parts,
};

/// The view model of any document the program makes, as JSON bytes: a cycle document or the
/// voortgangsrapportage after quarter k.
pub fn json(
    doc: crate::model::Doc,
    tree: &crate::model::Tree,
    r: &crate::rollup::Rollup,
    diags: &crate::diag::Diagnostics,
    peildatum: jiff::civil::Date,
) -> Vec<u8> {
    match doc {
        crate::model::Doc::Cycle(c) => document_json(c, tree, r, diags, peildatum),
        crate::model::Doc::Voortgang(k) => progress::json(tree, r, k, diags, peildatum),
    }
}
