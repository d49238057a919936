//! `ontvangsten.yaml` (contract §15): the receipt register that `jaarcyclus ontvang` writes, one
//! entry per received file; and what a file's receipts say about it (`model::deliveries` turns
//! that into "delivered").

use super::at::{At, Pos, Year};
use jiff::civil::Date;

/// One receipt: a file of a party received with these bytes on this date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ontvangst {
    /// The party.
    pub organisatie: At<String>,
    /// The cycle year.
    pub jaar: At<Year>,
    /// The file, relative to the data root (`<Y>/<org>/<file>`).
    pub bestand: At<String>,
    /// SHA-256 of the file's bytes as written, 64 lowercase hex digits.
    pub sha256: String,
    /// The reference date of the receiving run: the date of receipt.
    pub ontvangen_op: At<Date>,
    /// The real time of the run, UTC, as written (`2026-08-28T14:03:12Z`).
    pub tijdstip: jiff::Timestamp,
    /// Errors found at receipt.
    pub fouten: u32,
    /// Warnings found at receipt.
    pub waarschuwingen: u32,
    /// Where the entry starts in ontvangsten.yaml.
    pub pos: Pos,
}

impl Ontvangst {
    /// "Nagedateerd": the date of receipt differs from the (UTC) date of the moment it was
    /// recorded — received with a `--peildatum` other than that day.
    pub fn nagedateerd(&self) -> bool {
        self.ontvangen_op.value != jiff::tz::Offset::UTC.to_datetime(self.tijdstip).date()
    }
}

/// What the receipts of one file say, matched against its current content.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Receipt {
    /// The earliest receipt whose SHA-256 equals the file's content.
    Matched {
        /// Its date of receipt.
        ontvangen_op: Date,
        /// Its date differs from the date of its moment.
        nagedateerd: bool,
        /// Where its `ontvangen_op` stands in ontvangsten.yaml.
        pos: Pos,
    },
    /// The file has receipts, but none for its current content: changed after receipt (W009).
    Changed {
        /// The latest date of receipt among them.
        laatst: Date,
        /// How many receipts it has.
        count: usize,
    },
}

/// A SHA-256 digest as 64 lowercase hex digits, as the register writes it.
pub fn hex(digest: &[u8; 32]) -> String {
    digest.iter().map(|b| format!("{b:02x}")).collect()
}
