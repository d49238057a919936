//! A delivery (`model::Due`) in the words of every document: when it came in, its state, and
//! the state's key for the house style's colours.

use super::text::count;
use crate::model::{Delivery, Due};
use crate::nl;

/// A judged delivery.
pub struct Judged {
    /// The delivery date in words (`None`: not delivered at the reference date).
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
    Judged { ingediend, status, soort }
}
