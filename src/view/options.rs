//! Choices (plans only): alternatives per party and per service level, and the risks.

use super::cx::Ctx;
use super::plan::plans;
use super::text::fractie;
use crate::nl;
use serde::Serialize;

/// The `alternatieven` object.
#[derive(Clone, Debug, Serialize)]
pub struct Alternatieven {
    /// Per party: its level, request and alternatives.
    pub partijen: Vec<PartijAlternatieven>,
    /// The construct's total per service level against the caps.
    pub integraal: Vec<NiveauTotaal>,
    /// How the integral totals are made.
    pub toelichting: String,
}

/// One party's request and alternatives.
#[derive(Clone, Debug, Serialize)]
pub struct PartijAlternatieven {
    /// The party.
    pub partij: String,
    /// The level of its plan (`null` without a plan).
    pub niveau: Option<&'static str>,
    /// Its request for Y, all perspectives.
    pub totaal: String,
    /// Its alternatives, by level.
    pub alternatieven: Vec<AlternatiefView>,
}

/// One alternative.
#[derive(Clone, Debug, Serialize)]
pub struct AlternatiefView {
    /// The level.
    pub niveau: &'static str,
    /// The party's total at that level.
    pub totaal: String,
    /// Alternative − request.
    pub verschil: String,
    /// What it means.
    pub omschrijving: String,
    /// Its risks.
    pub risicos: Vec<String>,
}

/// The construct's total at one level.
#[derive(Clone, Debug, Serialize)]
pub struct NiveauTotaal {
    /// The level.
    pub niveau: &'static str,
    /// The total.
    pub totaal: String,
    /// The sum of the caps for Y (`null` when no perspective has one).
    pub budget: Option<String>,
    /// Total − budget (`null` without a budget).
    pub verschil: Option<String>,
    /// Whether the total stays within the budget (false without a budget).
    pub binnen: bool,
    /// The total as a fraction of the chart maximum.
    pub fractie: f64,
}

/// A risk.
#[derive(Clone, Debug, Serialize)]
pub struct RisicoView {
    /// The party.
    pub partij: String,
    /// The risk id.
    pub id: String,
    /// The risk.
    pub omschrijving: String,
    /// Likelihood.
    pub kans: &'static str,
    /// Impact.
    pub impact: &'static str,
    /// The mitigation.
    pub maatregel: Option<String>,
    /// Financial exposure.
    pub bedrag: Option<String>,
}

/// Alternatives per party and per level (empty in the jaarrekening).
pub fn alternatieven(cx: &Ctx) -> Alternatieven {
    let toelichting = "Een partij zonder alternatief op een niveau telt mee met haar aanvraag. Het budget is de som \
                       van de taakstellende budgetten; een aanvraag voor een perspectief zonder taakstellend budget \
                       telt wel mee in het totaal."
        .to_string();
    if !cx.is_plan() {
        return Alternatieven { partijen: Vec::new(), integraal: Vec::new(), toelichting };
    }
    let partijen =
        cx.r.options
            .iter()
            .map(|o| PartijAlternatieven {
                partij: cx.party(&o.party),
                niveau: o.niveau.map(|n| n.label()),
                totaal: nl::money(o.request),
                alternatieven: o
                    .alternatives
                    .iter()
                    .map(|a| AlternatiefView {
                        niveau: a.niveau.label(),
                        totaal: nl::money(a.totaal),
                        verschil: nl::eur(a.difference),
                        omschrijving: a.omschrijving.clone(),
                        risicos: a.risicos.clone(),
                    })
                    .collect(),
            })
            .collect();
    let max = cx.r.levels.iter().flat_map(|l| [Some(l.totaal), l.budget]).flatten().max().unwrap_or_default();
    let integraal =
        cx.r.levels
            .iter()
            .map(|l| NiveauTotaal {
                niveau: l.niveau.label(),
                totaal: nl::money(l.totaal),
                budget: l.budget.map(nl::money),
                verschil: l.difference.map(nl::eur),
                binnen: l.budget.is_some_and(|b| l.totaal <= b),
                fractie: fractie(l.totaal.decimal(), max.decimal()),
            })
            .collect();
    Alternatieven { partijen, integraal, toelichting }
}

/// The risks of the plans of Y, in tree order (empty in the jaarrekening).
pub fn risicos(cx: &Ctx) -> Vec<RisicoView> {
    if !cx.is_plan() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (party, plan) in plans(cx) {
        for r in &plan.risicos {
            out.push(RisicoView {
                partij: cx.party(party),
                id: r.id.value.clone(),
                omschrijving: r.omschrijving.clone(),
                kans: r.kans.as_str(),
                impact: r.impact.as_str(),
                maatregel: r.maatregel.clone(),
                bedrag: r.bedrag.map(nl::money),
            });
        }
    }
    out
}
