//! The jaarrekening's verantwoording: per party and line, realisation against budget, the
//! variance, the norm and the explanation; the status of the results; the summary's points.

use super::bound;
use super::cx::Ctx;
use super::points::{closing, deliveries};
use super::text::{count, fractie, join, key_percent};
use crate::diag::Diagnostics;
use crate::model::{Money, ResultaatStatus};
use crate::nl;
use crate::rollup::variance;
use rust_decimal::Decimal;
use serde::Serialize;

/// The `verantwoording` object; outside the jaarrekening only `partijen: []`.
#[derive(Clone, Debug, Serialize)]
pub struct VerantwoordingView {
    /// Per party with a realisation.
    pub partijen: Vec<PartijVerantwoording>,
    /// The wijzigingen in effect.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wijzigingen: Option<WijzigingenView>,
    /// The totals over those parties.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub totaal: Option<VerantwoordingTotaal>,
    /// Count per result status.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub resultaatstatus: Vec<StatusAantal>,
    /// The norm in words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub norm: Option<String>,
    /// An abridged document's lines above the norm past `bound::ABOVE_NORM_MAX`, added up.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub overig: Option<bound::BovenNorm>,
}

/// One party's realisation.
#[derive(Clone, Debug, Serialize)]
pub struct PartijVerantwoording {
    /// The party.
    pub partij: String,
    /// Its short name (the overview has six amount columns).
    pub partij_kort: String,
    /// Its begroting for Y (primitief).
    pub begroot: String,
    /// The wijzigingen in effect, together.
    pub mutaties: String,
    /// Its amended budget for Y.
    pub gewijzigd: String,
    /// Its realisation.
    pub gerealiseerd: String,
    /// Realisation − amended budget.
    pub verschil: String,
    /// The difference in percent of the amended budget (`null` for a budget of 0).
    pub procent: Option<String>,
    /// The amended budget as a fraction of the chart maximum.
    pub begroot_fractie: f64,
    /// The realisation as a fraction of the chart maximum.
    pub gerealiseerd_fractie: f64,
    /// Per line; for a party with more than `bound::PER_PARTY_FROM` lines only those above the
    /// norm and the largest (see `overig`).
    pub regels: Vec<RegelVerantwoording>,
    /// The lines a bounded table leaves out, added up (absent when every line is shown).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub overig: Option<bound::Overig>,
}

/// One line's realisation.
#[derive(Clone, Debug, Serialize)]
pub struct RegelVerantwoording {
    /// The line id.
    pub id: String,
    /// What it pays for (`null` for a realisation of an unknown line).
    pub omschrijving: Option<String>,
    /// The perspective's id.
    pub beleidsdoel: Option<String>,
    /// The begroting for Y (primitief; € 0 for a new line).
    pub begroot: String,
    /// The mutaties in effect.
    pub mutaties: String,
    /// The amended budget for Y.
    pub gewijzigd: String,
    /// The wijziging that brought a new line ("nieuw in wijziging 1"), else `null`.
    pub nieuw: Option<String>,
    /// The realisation (`null` when missing).
    pub gerealiseerd: Option<String>,
    /// Realisation − amended budget (`null` without a realisation).
    pub verschil: Option<String>,
    /// The difference in percent (`null` for a budget of 0 or without a realisation).
    pub procent: Option<String>,
    /// Above both norms, so an explanation is required.
    pub boven_norm: bool,
    /// The explanation.
    pub toelichting: Option<String>,
}

/// The totals of the realisation.
#[derive(Clone, Debug, Serialize)]
pub struct VerantwoordingTotaal {
    /// Total begroting (primitief).
    pub begroot: String,
    /// Total of the wijzigingen in effect.
    pub mutaties: String,
    /// Total amended budget.
    pub gewijzigd: String,
    /// Total realisation.
    pub gerealiseerd: String,
    /// Realisation − amended budget.
    pub verschil: String,
    /// In percent of the amended budget (`null` for a budget of 0).
    pub procent: Option<String>,
}

/// The wijzigingen in effect at the reference date (contract §11).
#[derive(Clone, Debug, Serialize)]
pub struct WijzigingenView {
    /// Each wijziging in effect, in tree and number order.
    pub rijen: Vec<WijzigingRij>,
    /// The total of their mutaties.
    pub totaal: String,
}

/// One wijziging in effect.
#[derive(Clone, Debug, Serialize)]
pub struct WijzigingRij {
    /// The party.
    pub partij: String,
    /// Its short name.
    pub partij_kort: String,
    /// Its number.
    pub nummer: u32,
    /// What it changes.
    pub omschrijving: String,
    /// Adopted on, in words.
    pub vastgesteld_op: String,
    /// The total of its mutaties.
    pub mutatie: String,
}

/// A count of results with one status.
#[derive(Clone, Debug, Serialize)]
pub struct StatusAantal {
    /// The status.
    pub status: &'static str,
    /// How many results have it.
    pub aantal: usize,
}

/// The verantwoording (jaarrekening only).
pub fn verantwoording(cx: &Ctx) -> VerantwoordingView {
    if cx.is_plan() {
        return VerantwoordingView {
            partijen: Vec::new(),
            wijzigingen: None,
            totaal: None,
            resultaatstatus: Vec::new(),
            norm: None,
            overig: None,
        };
    }
    let v = &cx.r.verantwoording;
    let max = v.parties.iter().flat_map(|p| [p.begroot, p.gerealiseerd]).max().unwrap_or(Money::ZERO).decimal();
    let partijen = v
        .parties
        .iter()
        .map(|p| {
            let (d, pct) = variance(p.begroot, p.gerealiseerd);
            let mut view = PartijVerantwoording {
                partij: cx.party(&p.party),
                partij_kort: cx.party_short(&p.party),
                begroot: nl::money(p.begroting),
                mutaties: nl::eur(p.mutaties),
                gewijzigd: nl::money(p.begroot),
                gerealiseerd: nl::money(p.gerealiseerd),
                verschil: nl::eur(d),
                procent: pct.map(nl::percent),
                begroot_fractie: fractie(p.begroot.decimal(), max),
                gerealiseerd_fractie: fractie(p.gerealiseerd.decimal(), max),
                regels: Vec::new(),
                overig: None,
            };
            let (shown, overig) = bound::lines(&view.partij, &p.lines);
            view.regels = shown.iter().map(|&i| regel(cx, &p.lines[i])).collect();
            view.overig = overig;
            view
        })
        .collect();
    let (d, pct) = variance(v.begroot, v.gerealiseerd);
    let n = &cx.st.normen;
    let a = &cx.r.amended;
    let wijzigingen = WijzigingenView {
        rijen: a
            .in_effect
            .iter()
            .map(|w| WijzigingRij {
                partij: cx.party(&w.party),
                partij_kort: cx.party_short(&w.party),
                nummer: w.nummer,
                omschrijving: w.omschrijving.clone(),
                vastgesteld_op: w.vastgesteld_op.map(nl::date).unwrap_or_default(),
                mutatie: nl::eur(w.totaal),
            })
            .collect(),
        totaal: nl::eur(a.mutaties()),
    };
    VerantwoordingView {
        partijen,
        wijzigingen: Some(wijzigingen),
        totaal: Some(VerantwoordingTotaal {
            begroot: nl::money(v.begroting),
            mutaties: nl::eur(v.mutaties),
            gewijzigd: nl::money(v.begroot),
            gerealiseerd: nl::money(v.gerealiseerd),
            verschil: nl::eur(d),
            procent: pct.map(nl::percent),
        }),
        resultaatstatus: v.status_counts.iter().map(|(s, n)| StatusAantal { status: s.as_str(), aantal: *n }).collect(),
        norm: Some(format!(
            "meer dan {} én meer dan {}",
            key_percent(n.afwijking_procent),
            nl::money(n.afwijking_bedrag)
        )),
        overig: None,
    }
}

/// The points of the jaarrekening's summary.
pub fn points(cx: &Ctx, diags: &Diagnostics) -> Vec<String> {
    let y = cx.r.jaar;
    let v = &cx.r.verantwoording;
    let mut out = Vec::new();
    if v.parties.is_empty() {
        out.push(format!("Voor {y} is nog geen realisatie aangeleverd."));
    } else {
        out.push(format!(
            "Over {y} is {} uitgegeven tegen een begroting van {}: {}.",
            nl::money(v.gerealiseerd),
            nl::money(v.begroot),
            compared(v.begroot, v.gerealiseerd)
        ));
    }
    if cx.r.amended.any() && !v.parties.is_empty() {
        let how = match v.mutaties.cmp(&Decimal::ZERO) {
            std::cmp::Ordering::Less => format!(", door begrotingswijzigingen met {} verlaagd", nl::eur(-v.mutaties)),
            std::cmp::Ordering::Greater => format!(", door begrotingswijzigingen met {} verhoogd", nl::eur(v.mutaties)),
            std::cmp::Ordering::Equal => ", per saldo ongewijzigd door de begrotingswijzigingen".into(),
        };
        out.push(format!(
            "Dat is de begroting na wijziging: de oorspronkelijke begroting van {}{how}.",
            nl::money(v.begroting)
        ));
    }
    out.extend(super::settlement::points(cx, cx.r));
    let biggest = v
        .parties
        .iter()
        .map(|p| (p, variance(p.begroot, p.gerealiseerd).0))
        .filter(|(_, d)| !d.is_zero())
        .max_by_key(|(_, d)| d.abs());
    if let Some((p, _)) = biggest {
        out.push(format!(
            "De grootste afwijking heeft {}: {}.",
            cx.party(&p.party),
            compared(p.begroot, p.gerealiseerd)
        ));
    }
    let lines: Vec<_> = v.parties.iter().flat_map(|p| &p.lines).collect();
    let above: Vec<_> = lines.iter().filter(|l| l.above_norm).collect();
    let bare = above.iter().filter(|l| l.toelichting.as_deref().is_none_or(|t| t.trim().is_empty())).count();
    match (above.len(), bare) {
        (0, _) => out.push("Geen enkele begrotingsregel wijkt meer af dan de norm.".into()),
        (n, 0) => out.push(format!(
            "{} meer af dan de norm; alle zijn toegelicht.",
            count(n, "begrotingsregel wijkt", "begrotingsregels wijken")
        )),
        (n, b) => out.push(format!(
            "{} meer af dan de norm; {b} daarvan zonder toelichting.",
            count(n, "begrotingsregel wijkt", "begrotingsregels wijken")
        )),
    }
    let status = |s: ResultaatStatus| v.status_counts.iter().find(|(x, _)| *x == s).map(|(_, n)| *n).unwrap_or(0);
    let total: usize = v.status_counts.iter().map(|(_, n)| n).sum();
    if total > 0 {
        let words = [
            (ResultaatStatus::Gerealiseerd, "gerealiseerd"),
            (ResultaatStatus::Deels, "deels gerealiseerd"),
            (ResultaatStatus::Niet, "niet gerealiseerd"),
            (ResultaatStatus::Vervallen, "vervallen"),
        ];
        let parts: Vec<String> =
            words.iter().filter(|(s, _)| status(*s) > 0).map(|(s, w)| format!("{} {w}", status(*s))).collect();
        out.push(format!("Van de {} zijn er {}.", count(total, "resultaat", "resultaten"), join(&parts)));
    }
    out.extend(deliveries(cx));
    out.push(closing(diags));
    out
}

/// "€ 1.200.000 (2,4%) minder dan begroot".
fn compared(budget: Money, real: Money) -> String {
    let (d, pct) = variance(budget, real);
    let pct = pct.map(|p| format!(" ({})", nl::percent(p.abs()))).unwrap_or_default();
    match d.cmp(&Decimal::ZERO) {
        std::cmp::Ordering::Less => format!("{}{pct} minder dan begroot", nl::eur(-d)),
        std::cmp::Ordering::Greater => format!("{}{pct} meer dan begroot", nl::eur(d)),
        std::cmp::Ordering::Equal => "precies volgens de begroting".into(),
    }
}

/// One line's realisation in the view.
pub(super) fn regel(cx: &crate::view::cx::Base, l: &crate::rollup::Variance) -> RegelVerantwoording {
    RegelVerantwoording {
        id: l.id.clone(),
        omschrijving: l.omschrijving.clone(),
        beleidsdoel: l.beleidsdoel.as_deref().map(|b| cx.perspective(b)),
        begroot: nl::money(l.begroting),
        mutaties: nl::eur(l.mutaties),
        gewijzigd: nl::money(l.budget),
        nieuw: l.nieuw.map(|n| format!("nieuw in wijziging {n}")),
        gerealiseerd: l.realisation.map(nl::money),
        verschil: l.difference.map(nl::eur),
        procent: l.percent.map(nl::percent),
        boven_norm: l.above_norm,
        toelichting: l.toelichting.clone(),
    }
}
