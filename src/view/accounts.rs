//! The jaarrekening's verantwoording: per party and line, realisation against budget, the
//! variance, the norm and the explanation; the status of the results.

use super::Ctx;
use super::text::{fractie, key_percent};
use crate::model::Money;
use crate::nl;
use crate::rollup::variance;
use serde::Serialize;

/// The `verantwoording` object; outside the jaarrekening only `partijen: []`.
#[derive(Clone, Debug, Serialize)]
pub struct VerantwoordingView {
    /// Per party with a realisation.
    pub partijen: Vec<PartijVerantwoording>,
    /// The totals over those parties.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub totaal: Option<VerantwoordingTotaal>,
    /// Count per result status.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub resultaatstatus: Vec<StatusAantal>,
    /// The norm in words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub norm: Option<String>,
}

/// One party's realisation.
#[derive(Clone, Debug, Serialize)]
pub struct PartijVerantwoording {
    /// The party.
    pub partij: String,
    /// Its budget for Y.
    pub begroot: String,
    /// Its realisation.
    pub gerealiseerd: String,
    /// Realisation − budget.
    pub verschil: String,
    /// The difference in percent of the budget (`null` for a budget of 0).
    pub procent: Option<String>,
    /// The budget as a fraction of the chart maximum.
    pub begroot_fractie: f64,
    /// The realisation as a fraction of the chart maximum.
    pub gerealiseerd_fractie: f64,
    /// Per line.
    pub regels: Vec<RegelVerantwoording>,
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
    /// The budget for Y.
    pub begroot: String,
    /// The realisation (`null` when missing).
    pub gerealiseerd: Option<String>,
    /// Realisation − budget (`null` without a realisation).
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
    /// Total budget.
    pub begroot: String,
    /// Total realisation.
    pub gerealiseerd: String,
    /// Realisation − budget.
    pub verschil: String,
    /// In percent of the budget (`null` for a budget of 0).
    pub procent: Option<String>,
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
        return VerantwoordingView { partijen: Vec::new(), totaal: None, resultaatstatus: Vec::new(), norm: None };
    }
    let v = &cx.r.verantwoording;
    let max = v.parties.iter().flat_map(|p| [p.begroot, p.gerealiseerd]).max().unwrap_or(Money::ZERO).decimal();
    let partijen = v
        .parties
        .iter()
        .map(|p| {
            let (d, pct) = variance(p.begroot, p.gerealiseerd);
            PartijVerantwoording {
                partij: cx.party(&p.party),
                begroot: nl::money(p.begroot),
                gerealiseerd: nl::money(p.gerealiseerd),
                verschil: nl::eur(d),
                procent: pct.map(nl::percent),
                begroot_fractie: fractie(p.begroot.decimal(), max),
                gerealiseerd_fractie: fractie(p.gerealiseerd.decimal(), max),
                regels: p
                    .lines
                    .iter()
                    .map(|l| RegelVerantwoording {
                        id: l.id.clone(),
                        omschrijving: l.omschrijving.clone(),
                        beleidsdoel: l.beleidsdoel.clone(),
                        begroot: nl::money(l.budget),
                        gerealiseerd: l.realisation.map(nl::money),
                        verschil: l.difference.map(nl::eur),
                        procent: l.percent.map(nl::percent),
                        boven_norm: l.above_norm,
                        toelichting: l.toelichting.clone(),
                    })
                    .collect(),
            }
        })
        .collect();
    let (d, pct) = variance(v.begroot, v.gerealiseerd);
    let n = &cx.st.normen;
    VerantwoordingView {
        partijen,
        totaal: Some(VerantwoordingTotaal {
            begroot: nl::money(v.begroot),
            gerealiseerd: nl::money(v.gerealiseerd),
            verschil: nl::eur(d),
            procent: pct.map(nl::percent),
        }),
        resultaatstatus: v.status_counts.iter().map(|(s, n)| StatusAantal { status: s.as_str(), aantal: *n }).collect(),
        norm: Some(format!("meer dan {} én meer dan {}", key_percent(n.afwijking_procent), nl::money(n.afwijking_bedrag))),
    }
}
