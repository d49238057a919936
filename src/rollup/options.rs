//! Choices for the board: each party's plan level and alternatives, the integral total per
//! service level against the caps, and the management consequences of development decisions.

use super::grid::{Grid, Years};
use super::org::OrgTree;
use crate::model::*;
use rust_decimal::Decimal;

/// An alternative of one party, with its difference from the party's request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Alternatief {
    /// The service level.
    pub niveau: Niveau,
    /// The party's whole total for Y at that level.
    pub totaal: Money,
    /// Alternative − request.
    pub difference: Decimal,
    /// What it means.
    pub omschrijving: String,
    /// Its risks.
    pub risicos: Vec<String>,
}

/// One party's request and its alternatives.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PartyOptions {
    /// The party.
    pub party: String,
    /// The level of its plan; `None` without a plan.
    pub niveau: Option<Niveau>,
    /// Its request for Y, all perspectives.
    pub request: Money,
    /// Its alternatives, ordered by level.
    pub alternatives: Vec<Alternatief>,
}

/// The construct's total for Y at one service level, against the sum of the caps.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LevelTotal {
    /// The level.
    pub niveau: Niveau,
    /// Sum over parties of their alternative at this level, or else their request.
    pub totaal: Money,
    /// Sum of the caps for Y over the perspectives that have one; `None` when none has.
    pub budget: Option<Money>,
    /// Total − budget; `None` without a budget.
    pub difference: Option<Decimal>,
}

/// A management consequence with its amount per year of the roll-up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Beheerconsequentie {
    /// The party whose plan reports it.
    pub party: String,
    /// What comes into management.
    pub omschrijving: String,
    /// The component.
    pub component: Option<String>,
    /// The perspective that bears it.
    pub beleidsdoel: Option<String>,
    /// The decision that caused it.
    pub besluit: Option<String>,
    /// First year.
    pub vanaf: Year,
    /// Yearly cost.
    pub bedrag_per_jaar: Money,
    /// Per year of the roll-up: the yearly cost from `vanaf` on, else 0.
    pub bedragen: Years,
}

/// Every party of the tree with a begroting for `y`, in tree order.
pub fn parties(
    tree: &Tree,
    org: &OrgTree,
    own: &std::collections::BTreeMap<String, Grid>,
    y: Year,
) -> Vec<PartyOptions> {
    let mut out = Vec::new();
    for n in &org.nodes {
        let Some(sub) = tree.submission(y, &n.id) else { continue };
        let Some(b) = &sub.begroting else { continue };
        let request = own.get(&n.id).map(|g| g.year(y)).unwrap_or_default();
        let mut alternatives: Vec<Alternatief> = b
            .alternatieven
            .iter()
            .map(|a| Alternatief {
                niveau: a.niveau.value,
                totaal: a.totaal,
                difference: a.totaal.decimal().checked_sub(request.decimal()).expect("difference within range"),
                omschrijving: a.omschrijving.clone(),
                risicos: a.risicos.clone(),
            })
            .collect();
        alternatives.sort_by_key(|a| a.niveau);
        let niveau = sub.plan.as_ref().map(|p| p.dienstverleningsniveau.value);
        out.push(PartyOptions { party: n.id.clone(), niveau, request, alternatives });
    }
    out
}

/// The integral total per service level (brons … platina): a party without an alternative at
/// a level counts with its request (so does its plan's own level).
pub fn levels(parties: &[PartyOptions], budget: Option<Money>) -> Vec<LevelTotal> {
    Niveau::ALL
        .iter()
        .map(|&niveau| {
            let totaal: Money = parties
                .iter()
                .map(|p| p.alternatives.iter().find(|a| a.niveau == niveau).map(|a| a.totaal).unwrap_or(p.request))
                .sum();
            let difference =
                budget.map(|b| totaal.decimal().checked_sub(b.decimal()).expect("difference within range"));
            LevelTotal { niveau, totaal, budget, difference }
        })
        .collect()
}

/// The management consequences in the plans for `y`, in tree order, per year of `jaren`.
pub fn consequences(tree: &Tree, org: &OrgTree, y: Year, jaren: &[Year]) -> Vec<Beheerconsequentie> {
    let mut out = Vec::new();
    for n in &org.nodes {
        let Some(plan) = tree.submission(y, &n.id).and_then(|s| s.plan.as_ref()) else { continue };
        for c in &plan.beheerconsequenties {
            let vanaf = c.vanaf.value;
            out.push(Beheerconsequentie {
                party: n.id.clone(),
                omschrijving: c.omschrijving.clone(),
                component: c.component.as_ref().map(|x| x.value.clone()),
                beleidsdoel: c.beleidsdoel.as_ref().map(|x| x.value.clone()),
                besluit: c.besluit.clone(),
                vanaf,
                bedrag_per_jaar: c.bedrag_per_jaar,
                bedragen: jaren
                    .iter()
                    .map(|&j| (j, if j >= vanaf { c.bedrag_per_jaar } else { Money::ZERO }))
                    .collect(),
            });
        }
    }
    out
}
