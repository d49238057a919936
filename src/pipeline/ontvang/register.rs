//! `ontvang`, the receipt register: ontvangsten.yaml written anew as a whole (the entries read,
//! then the new ones), so that it can be renamed over the old one atomically.

use crate::model::{Ontvangst, Year};
use jiff::civil::Date;

/// A new receipt, before it is written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The party.
    pub organisatie: String,
    /// The cycle year.
    pub jaar: Year,
    /// The file, relative to the data root.
    pub bestand: String,
    /// SHA-256 of its bytes, lowercase hex.
    pub sha256: String,
    /// The date of receipt (the reference date).
    pub ontvangen_op: Date,
    /// The real time of the run, UTC.
    pub tijdstip: jiff::Timestamp,
    /// Errors at receipt.
    pub fouten: usize,
    /// Warnings at receipt.
    pub waarschuwingen: usize,
}

impl From<&Ontvangst> for Entry {
    fn from(o: &Ontvangst) -> Entry {
        Entry {
            organisatie: o.organisatie.value.clone(),
            jaar: o.jaar.value,
            bestand: o.bestand.value.clone(),
            sha256: o.sha256.clone(),
            ontvangen_op: o.ontvangen_op.value,
            tijdstip: o.tijdstip,
            fouten: o.fouten as usize,
            waarschuwingen: o.waarschuwingen as usize,
        }
    }
}

const HEAD: &str = "# Ontvangstregister (contract §15): één regel per ontvangen bestand, oudste eerst.\n\
# Geschreven door `jaarcyclus ontvang`; bewerk dit bestand niet met de hand.\n";

/// The register's text: every entry in order, in block style (ids, hashes and the moment need
/// no quotes: they hold no character YAML reads otherwise).
pub fn text(entries: &[Entry]) -> String {
    let mut out = String::from(HEAD);
    if entries.is_empty() {
        out.push_str("ontvangsten: []\n");
        return out;
    }
    out.push_str("ontvangsten:\n");
    for e in entries {
        out.push_str(&format!(
            "  - organisatie: {}\n    jaar: {}\n    bestand: {}\n    sha256: \"{}\"\n    ontvangen_op: {}\n    \
             tijdstip: {}\n    fouten: {}\n    waarschuwingen: {}\n",
            e.organisatie,
            e.jaar,
            e.bestand,
            e.sha256,
            e.ontvangen_op,
            stamp(e.tijdstip),
            e.fouten,
            e.waarschuwingen
        ));
    }
    out
}

/// A moment as the register writes it: `2026-08-28T14:03:12Z` (whole seconds, UTC).
pub fn stamp(t: jiff::Timestamp) -> String {
    t.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// The moment in a file name: `20260828T140312Z`.
pub fn file_stamp(t: jiff::Timestamp) -> String {
    t.strftime("%Y%m%dT%H%M%SZ").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_register_reads_back_as_written() {
        let t: jiff::Timestamp = "2026-08-28T14:03:12Z".parse().unwrap();
        let e = Entry {
            organisatie: "geonovum".into(),
            jaar: 2027,
            bestand: "2027/geonovum/begroting.yaml".into(),
            sha256: "0".repeat(64),
            ontvangen_op: Date::constant(2026, 8, 28),
            tijdstip: t,
            fouten: 0,
            waarschuwingen: 2,
        };
        let text = text(&[e.clone(), e]);
        let (tree, diags) = crate::load::load_texts(&[("ontvangsten.yaml".into(), text.clone())]);
        assert!(diags.is_empty(), "{diags:?}\n{text}");
        assert_eq!(tree.ontvangsten.len(), 2);
        assert_eq!(tree.ontvangsten[0].sha256, "0".repeat(64), "an all-digit hash stays text");
        assert_eq!(Entry::from(&tree.ontvangsten[1]).waarschuwingen, 2);
        assert_eq!(file_stamp(t), "20260828T140312Z");
        let (empty, diags) = crate::load::load_texts(&[("ontvangsten.yaml".into(), super::text(&[]))]);
        assert!(diags.is_empty() && empty.ontvangsten.is_empty(), "{diags:?}");
    }
}
