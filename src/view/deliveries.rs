//! A delivery (`model::Due`) in the words of every document: when it came in (and whether that
//! date is a receipt's or the file's own, contract §15), its state, and the state's key for the
//! house style's colours.

use super::text::count;
use crate::model::{Bron, Delivery, Due};
use crate::nl;

/// A judged delivery.
pub struct Judged {
    /// The date of receipt in words, with a note when it is no plain receipt: "(volgens het
    /// stuk)" when it is the file's own `ingediend_op`, "(nagedateerd)" when the receipt's date
    /// differs from the day it was recorded (`None`: not delivered at the reference date).
    pub ingediend: Option<String>,
    /// The state in words.
    pub status: String,
    /// `optijd`, `laat`, `ontbreekt`, `nogniet` or `onbekend` (the house style's colours).
    pub soort: &'static str,
}

/// The words for one delivery.
pub fn judged(d: &Due) -> Judged {
    let days = |n: i64| count(n.max(0) as usize, "dag", "dagen");
    let (ingediend, status, soort) = match d.delivery {
        Delivery::OnTime(at) => (Some(nl::date(at)), "op tijd".to_string(), "optijd"),
        Delivery::Late(at, n) => (Some(nl::date(at)), format!("te laat ({})", days(n)), "laat"),
        Delivery::Overdue(n) if d.zonder_datum => {
            (None, format!("ontbreekt: bestand zonder ingediend_op (termijn {} verstreken)", days(n)), "ontbreekt")
        }
        Delivery::Overdue(n) => (None, format!("ontbreekt (termijn {} verstreken)", days(n)), "ontbreekt"),
        // Not yet due is no failure: its outcome is not known yet.
        Delivery::NotYetDue => (None, "nog niet verschuldigd".to_string(), "nogniet"),
        Delivery::Unknown => (None, "onleesbaar bestand".to_string(), "onbekend"),
    };
    let ingediend = ingediend.map(|date| noted(date, d.bron));
    Judged { ingediend, status, soort }
}

/// A date of delivery in words with its note, if any: `24 april 2026 (nagedateerd)`.
pub fn noted(date: String, bron: Option<Bron>) -> String {
    match bron.and_then(note) {
        Some(n) => format!("{date} ({n})"),
        None => date,
    }
}

/// The note beside a date of delivery that is no plain receipt.
pub fn note(bron: Bron) -> Option<&'static str> {
    match bron {
        Bron::Ontvangst { nagedateerd: false, .. } => None,
        Bron::Ontvangst { nagedateerd: true, .. } => Some("nagedateerd"),
        Bron::Bestand { gewijzigd: false } => Some("volgens het stuk"),
        Bron::Bestand { gewijzigd: true } => Some("volgens het stuk; gewijzigd na ontvangst"),
    }
}

/// What the notes beside the dates mean, for a table's explanation.
pub const NOTES: &str = "Een datum is de dag van ontvangst met ontvangstbevestiging; „volgens het stuk” betekent \
    dat het stuk zonder ontvangstbevestiging binnenkwam en de datum van indiening uit het stuk zelf komt, \
    „nagedateerd” dat de ontvangst op een andere dag is geregistreerd dan de ontvangstdatum.";
