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
    /// Its value, formatted: an amount in € mln with one decimal.
    pub waarde: String,
    /// The exact amount beside the rounded one (`null` for counts and words).
    pub exact: Option<String>,
}

pub(super) fn kc(label: impl Into<String>, waarde: impl Into<String>) -> Kerncijfer {
    Kerncijfer { label: label.into(), waarde: waarde.into(), exact: None }
}

/// A key figure of money: € mln with one decimal, the exact amount beside it.
pub(super) fn kcm(label: impl Into<String>, m: Decimal) -> Kerncijfer {
    Kerncijfer { label: label.into(), waarde: nl::mln(m), exact: Some(nl::eur(m)) }
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
    let mut out = vec![kcm(format!("Totale begroting {y}"), cx.r.integral.year(y).decimal())];
    if cx.kind == crate::model::CycleDoc::Meerjarenplan {
        out.push(kcm(format!("Totale begroting {y}–{last}"), cx.r.integral.total().decimal()));
    }
    out.push(match cx.r.budget(y) {
        Some(b) => kcm(format!("Taakstellend budget {y}"), b.decimal()),
        None => kc(format!("Taakstellend budget {y}"), "geen"),
    });
    out.push(kcm(format!("Boven taakstellend budget {y}"), excess(cx, y)));
    let free = uncapped(cx, y);
    if free > Money::ZERO {
        out.push(kcm(format!("Begroting zonder taakstellend budget {y}"), free.decimal()));
    }
    if let Some((j, m)) = super::aard::largest_shortfall(cx) {
        out.push(kcm(format!("Structureel tekort {j}"), m.decimal()));
    }
    match cx.r.risks.weerstand {
        Some(w) => out.push(kc(
            format!("Weerstandsvermogen {}", w.jaar),
            match w.ratio {
                Some(r) => format!("{} (klasse {})", super::risks::ratio_text(r), w.klasse.letter()),
                None => "geen gewogen risico".to_string(),
            },
        )),
        None if cx.r.risks.total.aantal > 0 => {
            out.push(kcm("Gewogen risico", cx.r.risks.total.gewogen.decimal()));
        }
        None => {}
    }
    if !cx.r.consequences.is_empty() {
        let sum: Money = cx.r.consequences.iter().map(|c| c.bedragen.get(&last).copied().unwrap_or_default()).sum();
        out.push(kcm(format!("Beheerconsequenties {last}"), sum.decimal()));
    }
    // At most 8 tiles: the findings always, the partijen met alternatieven when there is room
    // (the points name the parties without).
    let with = cx.r.options.iter().filter(|o| !o.alternatives.is_empty()).count();
    if out.len() < 7 {
        out.push(kc("Partijen met alternatieven", format!("{with} van {}", cx.r.options.len())));
    }
    out.truncate(7);
    out.push(kc("Bevindingen", findings(diags)));
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
    let mut out = vec![
        kcm(
            if cx.r.amended.any() { format!("Begroting {y} na wijziging") } else { format!("Begroting {y}") },
            v.begroot.decimal(),
        ),
        kcm(format!("Gerealiseerd {y}"), v.gerealiseerd.decimal()),
        Kerncijfer { label: "Verschil".into(), waarde: format!("{}{pct}", nl::mln(d)), exact: Some(nl::eur(d)) },
        kc("Regels boven de norm", format!("{above} van {}", lines.len())),
        kc("Resultaten gerealiseerd", format!("{} van {results}", status(ResultaatStatus::Gerealiseerd))),
        kc("Bevindingen", findings(diags)),
    ];
    // After the difference with the amended budget: what goes back to, or is due from, the financiers.
    if let Some((label, amount)) = super::settlement::kerncijfer(cx, cx.r) {
        out.insert(3, kcm(label, amount));
    }
    out
}
