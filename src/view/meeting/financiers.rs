//! The "verdeling over de financiers" of a decision note: per alternative with a difference
//! from the capped budget, each financier's share to the cent (see `allocation`), and how the
//! difference was allocated, in words.

use super::cx::Cx;
use crate::model::Year;
use crate::nl;
use crate::rollup::{CapPart, over_financiers};
use crate::view::text::{join, key_percent, letter};
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
    /// The verdeelsleutels used, one line per perspective.
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

/// The table of the differences over the financiers; `None` without a difference or a cap.
pub fn verdeling(cx: &Cx, parts: &[CapPart], diffs: &[Option<Decimal>], jaar: Option<Year>) -> Option<Verdeling> {
    let cols: Vec<(usize, Decimal)> = diffs.iter().enumerate().filter_map(|(i, d)| Some((i, (*d)?))).collect();
    if cols.is_empty() || parts.is_empty() {
        return None;
    }
    let ids: Vec<String> = cx.st.financiers.iter().map(|f| f.id.value.clone()).collect();
    let shares: Vec<Vec<(String, Decimal)>> = cols.iter().map(|(_, d)| over_financiers(*d, parts, &ids)).collect();
    let rijen = shares[0]
        .iter()
        .enumerate()
        .map(|(k, (f, _))| VerdelingRij {
            financier: cx.financier(f),
            bedragen: shares.iter().map(|s| nl::eur_cents(s[k].1)).collect(),
        })
        .collect();
    Some(Verdeling {
        kop: cols.iter().map(|(i, _)| letter(*i)).collect(),
        rijen,
        totaal: cols.iter().map(|(_, d)| nl::eur_cents(*d)).collect(),
        toelichting: how_allocated(cx, parts, jaar.unwrap_or_default()),
        sleutels: parts.iter().map(|p| format!("{}: {}", cx.perspective(&p.beleidsdoel), key_text(cx, p))).collect(),
    })
}

/// A verdeelsleutel in words: `Rijk 19%, VNG 70%, …`.
fn key_text(cx: &Cx, p: &CapPart) -> String {
    p.key.iter().map(|(f, pct)| format!("{} {}", cx.financier(f), key_percent(*pct))).collect::<Vec<_>>().join(", ")
}

fn how_allocated(cx: &Cx, parts: &[CapPart], y: Year) -> String {
    let exact =
        "op hele centen volgens de methode van de grootste rest, zodat de delen precies optellen tot het verschil";
    if let [p] = parts {
        return format!(
            "Het verschil is verdeeld volgens de verdeelsleutel van {}, {exact}.",
            cx.perspective(&p.beleidsdoel)
        );
    }
    let total: Decimal = parts.iter().map(|p| p.cap).sum();
    let shares: Vec<String> = parts
        .iter()
        .map(|p| {
            let pct = if total.is_zero() {
                Decimal::ONE_HUNDRED / Decimal::from(parts.len())
            } else {
                p.cap * Decimal::ONE_HUNDRED / total
            };
            format!("{} {}", cx.perspective(&p.beleidsdoel), nl::percent(pct))
        })
        .collect();
    format!(
        "Het verschil is eerst over de beleidsdoelen verdeeld naar rato van hun taakstellend budget {y} ({}) en daarna per beleidsdoel volgens zijn eigen verdeelsleutel over de financiers, {exact}.",
        join(&shares)
    )
}
