//! The "verdeling over de financiers" of a decision note on one perspective: per alternative
//! with a difference from the perspective's capped budget, each financier's share to the cent by
//! the perspective's verdeelsleutel (`rollup::allocate`: largest remainder on whole cents), the
//! same rule the jaarplan applies to the begroting.

use super::cx::Cx;
use crate::nl;
use crate::rollup::allocate;
use crate::view::text::{key_percent, letter};
use rust_decimal::Decimal;
use serde::Serialize;

/// The differences of the alternatives over the financiers.
#[derive(Clone, Debug, Serialize)]
pub struct Verdeling {
    /// One column per alternative that has a difference: its letter.
    pub kop: Vec<String>,
    /// One row per financier.
    pub rijen: Vec<VerdelingRij>,
    /// The differences themselves (the column totals).
    pub totaal: Vec<String>,
    /// How the difference was allocated.
    pub toelichting: String,
    /// The verdeelsleutel used.
    pub sleutels: Vec<String>,
}

/// One financier's share of every difference.
#[derive(Clone, Debug, Serialize)]
pub struct VerdelingRij {
    /// The financier's name.
    pub financier: String,
    /// Its share per column, to the cent.
    pub bedragen: Vec<String>,
}

/// The table of the differences over the financiers by `key`; `None` without a difference.
pub fn verdeling(
    cx: &Cx,
    key: &[(String, Decimal)],
    diffs: &[Option<Decimal>],
    perspective: &str,
) -> Option<Verdeling> {
    let cols: Vec<(usize, Decimal)> = diffs.iter().enumerate().filter_map(|(i, d)| Some((i, (*d)?))).collect();
    if cols.is_empty() || key.is_empty() {
        return None;
    }
    let ids: Vec<String> = cx.st.financiers.iter().map(|f| f.id.value.clone()).collect();
    let shares: Vec<Vec<(String, Decimal)>> = cols.iter().map(|(_, d)| allocate(*d, key, &ids)).collect();
    let rijen = shares[0]
        .iter()
        .enumerate()
        .map(|(k, (f, _))| VerdelingRij {
            financier: cx.financier(f),
            bedragen: shares.iter().map(|s| nl::eur_cents(s[k].1)).collect(),
        })
        .collect();
    let words: Vec<String> = key.iter().map(|(f, pct)| format!("{} {}", cx.financier(f), key_percent(*pct))).collect();
    Some(Verdeling {
        kop: cols.iter().map(|(i, _)| letter(*i)).collect(),
        rijen,
        totaal: cols.iter().map(|(_, d)| nl::eur_cents(*d)).collect(),
        toelichting: format!(
            "Het verschil is verdeeld volgens de verdeelsleutel van {perspective}, op hele centen volgens de methode \
             van de grootste rest, zodat de delen precies optellen tot het verschil."
        ),
        sleutels: vec![format!("{perspective}: {}", words.join(", "))],
    })
}
