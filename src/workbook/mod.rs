//! The spreadsheet route (`jaarcyclus sjabloon --format xlsx`, `jaarcyclus import`): a party's
//! plan, begroting and realisatie or voortgangsrapportage as one XLSX workbook, and back.
//!
//! Both directions go through one value form, [`values::FileValues`] — a file of the contract as its
//! header fields and its lists of records, without places — and one layout, [`sheets`], made
//! from the contract's own field declarations (`load::raw`), so that a column's name, its note
//! and its drop-down list are those of the YAML field and cannot drift from it. The way back
//! writes contract YAML ([`emit`]) and remembers which cell every value came from, so that the
//! loader's own findings land on the cell (`Begroting!F7`).

pub mod cell;
pub mod emit;
pub mod model;
pub mod read;
pub mod sheets;
pub mod values;
pub mod write;

#[cfg(test)]
mod tests;
