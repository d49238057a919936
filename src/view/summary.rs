//! The management summary: key figures and the points that matter, written as Dutch
//! sentences from the exact numbers.

use super::cx::Ctx;
use super::points;
use super::text::count;
use crate::diag::Diagnostics;
use crate::model::{Money, ResultaatStatus};
use crate::nl;
use crate::rollup::variance;
use rust_decimal::Decimal;
use serde::Serialize;

/// The `samenvatting` object.
#[derive(Clone, Debug, Serialize)]
pub struct Samenvatting {
    /// 4–8 key figures.
    pub kerncijfers: Vec<Kerncijfer>,
    /// The points, as sentences.
    pub punten: Vec<String>,
    /// Number of errors among the findings.
    pub fouten: usize,
    /// Number of warnings among the findings.
    pub waarschuwingen: usize,
}

/// One key figure.
#[derive(Clone, Debug, Serialize)]
pub struct Kerncijfer {
    /// What it is.
    pub label: String,
    /// Its value, formatted.
    pub waarde: String,
}

fn kc(label: impl Into<String>, waarde: impl Into<String>) -> Kerncijfer {
    Kerncijfer { label: label.into(), waarde: waarde.into() }
}

/// `3 fouten, 1 waarschuwing`.
pub fn findings(diags: &Diagnostics) -> String {
    format!(
        "{}, {}",
        count(diags.errors(), "fout", "fouten"),
        count(diags.warnings(), "waarschuwing", "waarschuwingen")
    )
}

/// The summary of the document.
pub fn samenvatting(cx: &Ctx, diags: &Diagnostics) -> Samenvatting {
    let (kerncijfers, punten) = if cx.is_plan() {
        (plan_figures(cx, diags), points::plan(cx, diags))
    } else {
        (account_figures(cx, diags), super::accounts::points(cx, diags))
    };
    Samenvatting { kerncijfers, punten, fouten: diags.errors(), waarschuwingen: diags.warnings() }
}

/// The request above the caps, summed over the perspectives that exceed theirs in year `y`.
pub fn excess(cx: &Ctx, y: i32) -> Decimal {
    let over = cx.r.caps.iter().flat_map(|c| c.jaren.iter().filter(|j| j.jaar == y)).filter_map(|j| j.difference);
    over.filter(|d| *d > Decimal::ZERO).sum()
}

/// The request in perspectives without a cap in year `y`.
pub fn uncapped(cx: &Ctx, y: i32) -> Money {
    cx.r.caps.iter().flat_map(|c| c.jaren.iter().filter(|j| j.jaar == y && j.cap.is_none())).map(|j| j.request).sum()
}

fn plan_figures(cx: &Ctx, diags: &Diagnostics) -> Vec<Kerncijfer> {
    let y = cx.r.jaar;
    let last = y + 3;
    let mut out = vec![kc(format!("Totale aanvraag {y}"), nl::money(cx.r.integral.year(y)))];
    if cx.kind == crate::model::CycleDoc::Meerjarenplan {
        out.push(kc(format!("Totale aanvraag {y}–{last}"), nl::money(cx.r.integral.total())));
    }
    out.push(kc(format!("Taakstellend budget {y}"), cx.r.budget(y).map(nl::money).unwrap_or_else(|| "geen".into())));
    out.push(kc(format!("Boven taakstellend budget {y}"), nl::eur(excess(cx, y))));
    let free = uncapped(cx, y);
    if free > Money::ZERO {
        out.push(kc(format!("Aanvraag zonder taakstellend budget {y}"), nl::money(free)));
    }
    let with = cx.r.options.iter().filter(|o| !o.alternatives.is_empty()).count();
    out.push(kc("Partijen met alternatieven", format!("{with} van {}", cx.r.options.len())));
    if !cx.r.consequences.is_empty() {
        let sum: Money = cx.r.consequences.iter().map(|c| c.bedragen.get(&last).copied().unwrap_or_default()).sum();
        out.push(kc(format!("Beheerconsequenties {last}"), nl::money(sum)));
    }
    out.push(kc("Bevindingen", findings(diags)));
    out.truncate(8);
    out
}

fn account_figures(cx: &Ctx, diags: &Diagnostics) -> Vec<Kerncijfer> {
    let y = cx.r.jaar;
    let v = &cx.r.verantwoording;
    let (d, pct) = variance(v.begroot, v.gerealiseerd);
    let pct = pct.map(|p| format!(" ({})", nl::percent(p))).unwrap_or_default();
    let lines: Vec<_> = v.parties.iter().flat_map(|p| &p.lines).collect();
    let above = lines.iter().filter(|l| l.above_norm).count();
    let status = |s: ResultaatStatus| v.status_counts.iter().find(|(x, _)| *x == s).map(|(_, n)| *n).unwrap_or(0);
    let results: usize = v.status_counts.iter().map(|(_, n)| n).sum();
    vec![
        kc(format!("Begroot {y}"), nl::money(v.begroot)),
        kc(format!("Gerealiseerd {y}"), nl::money(v.gerealiseerd)),
        kc("Verschil", format!("{}{pct}", nl::eur(d))),
        kc("Regels boven de norm", format!("{above} van {}", lines.len())),
        kc("Resultaten gerealiseerd", format!("{} van {results}", status(ResultaatStatus::Gerealiseerd))),
        kc("Bevindingen", findings(diags)),
    ]
}
