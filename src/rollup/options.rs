//! Choices for the board: each party's plan level and alternatives (for all perspectives
//! together or for one), the construct's total per service level — integral, and per perspective
//! against its cap — and the management consequences of development decisions.

use super::grid::{Grid, Years};
use super::org::OrgTree;
use crate::model::{Money, Niveau, Tree, Year};
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// An alternative of one party, with its difference from what it replaces.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PartyAlternatief {
    /// The service level.
    pub niveau: Niveau,
    /// The perspective it is a total for; `None`: all perspectives together.
    pub beleidsdoel: Option<String>,
    /// The party's total for Y at that level (for that perspective, or all).
    pub totaal: Money,
    /// Alternative − the party's request for the same perspective (or all).
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
    /// Its request for Y per perspective.
    pub requests: BTreeMap<String, Money>,
    /// Its alternatives, ordered by level, whole-total ones first at each level.
    pub alternatives: Vec<PartyAlternatief>,
}

impl PartyOptions {
    /// The party's total for Y at `niveau`: for a perspective, its alternative for that
    /// perspective or else its request there (whole-total alternatives are not used, contract
    /// §8); for all together, its whole-total alternative, or else per perspective as above.
    pub fn at_level(&self, niveau: Niveau, beleidsdoel: Option<&str>) -> Money {
        let alt = |p: Option<&str>| {
            self.alternatives.iter().find(|a| a.niveau == niveau && a.beleidsdoel.as_deref() == p).map(|a| a.totaal)
        };
        match beleidsdoel {
            Some(p) => alt(Some(p)).unwrap_or_else(|| self.requests.get(p).copied().unwrap_or_default()),
            None => alt(None).unwrap_or_else(|| self.requests.iter().map(|(p, r)| alt(Some(p)).unwrap_or(*r)).sum()),
        }
    }
}

/// The construct's total for Y at one service level, for all perspectives or one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LevelTotal {
    /// The level.
    pub niveau: Niveau,
    /// The perspective; `None`: all together.
    pub beleidsdoel: Option<String>,
    /// Sum over parties of their total at this level (see [`PartyOptions::at_level`]).
    pub totaal: Money,
    /// The request it replaces (the same perspective, or all).
    pub request: Money,
    /// The perspective's cap for Y; `None` for all together or a perspective without one.
    pub cap: Option<Money>,
    /// Total − cap; `None` without a cap.
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
    /// Last year; `None`: structural.
    pub tot: Option<Year>,
    /// Yearly cost.
    pub bedrag_per_jaar: Money,
    /// Per year of the roll-up: the yearly cost from `vanaf` up to `tot`, else 0.
    pub bedragen: Years,
}

/// Every party of the tree with a begroting for `y`, in tree order.
pub fn parties(tree: &Tree, org: &OrgTree, own: &BTreeMap<String, Grid>, y: Year) -> Vec<PartyOptions> {
    let mut out = Vec::new();
    for n in &org.nodes {
        let Some(sub) = tree.submission(y, &n.id) else { continue };
        let Some(b) = &sub.begroting else { continue };
        let grid = own.get(&n.id);
        let request = grid.map(|g| g.year(y)).unwrap_or_default();
        let requests: BTreeMap<String, Money> =
            grid.map(|g| g.perspectives().map(|p| (p.to_string(), g.get(p, y))).collect()).unwrap_or_default();
        let mut alternatives: Vec<PartyAlternatief> = b
            .alternatieven
            .iter()
            .map(|a| {
                let beleidsdoel = a.beleidsdoel.as_ref().map(|p| p.value.clone());
                let base = match &beleidsdoel {
                    Some(p) => requests.get(p).copied().unwrap_or_default(),
                    None => request,
                };
                PartyAlternatief {
                    niveau: a.niveau.value,
                    difference: a.totaal.decimal().checked_sub(base.decimal()).expect("difference within range"),
                    beleidsdoel,
                    totaal: a.totaal,
                    omschrijving: a.omschrijving.clone(),
                    risicos: a.risicos.clone(),
                }
            })
            .collect();
        alternatives.sort_by(|a, b| (a.niveau, &a.beleidsdoel).cmp(&(b.niveau, &b.beleidsdoel)));
        let niveau = sub.plan.as_ref().map(|p| p.dienstverleningsniveau.value);
        out.push(PartyOptions { party: n.id.clone(), niveau, request, requests, alternatives });
    }
    out
}

/// The construct's total per service level (brons … platina), for all perspectives together
/// (against the integral request) and for each perspective of `caps` (against its cap).
pub fn levels(parties: &[PartyOptions], caps: &[(String, Option<Money>)]) -> Vec<LevelTotal> {
    let mut out = Vec::new();
    let scopes = std::iter::once((None, None)).chain(caps.iter().map(|(p, c)| (Some(p.as_str()), *c)));
    for (beleidsdoel, cap) in scopes {
        for &niveau in Niveau::ALL {
            let totaal: Money = parties.iter().map(|p| p.at_level(niveau, beleidsdoel)).sum();
            let request: Money = parties
                .iter()
                .map(|p| match beleidsdoel {
                    Some(b) => p.requests.get(b).copied().unwrap_or_default(),
                    None => p.request,
                })
                .sum();
            let difference = cap.map(|c| totaal.decimal().checked_sub(c.decimal()).expect("difference within range"));
            out.push(LevelTotal {
                niveau,
                beleidsdoel: beleidsdoel.map(str::to_string),
                totaal,
                request,
                cap,
                difference,
            });
        }
    }
    out
}

/// The management consequences in the plans for `y`, in tree order, per year of `jaren`.
pub fn consequences(tree: &Tree, org: &OrgTree, y: Year, jaren: &[Year]) -> Vec<Beheerconsequentie> {
    let mut out = Vec::new();
    for n in &org.nodes {
        let Some(plan) = tree.submission(y, &n.id).and_then(|s| s.plan.as_ref()) else { continue };
        for c in &plan.beheerconsequenties {
            let vanaf = c.vanaf.value;
            let tot = c.tot.as_ref().map(|t| t.value);
            let runs = |j: Year| j >= vanaf && tot.is_none_or(|t| j <= t);
            out.push(Beheerconsequentie {
                party: n.id.clone(),
                omschrijving: c.omschrijving.clone(),
                component: c.component.as_ref().map(|x| x.value.clone()),
                beleidsdoel: c.beleidsdoel.as_ref().map(|x| x.value.clone()),
                besluit: c.besluit.clone(),
                vanaf,
                tot,
                bedrag_per_jaar: c.bedrag_per_jaar,
                bedragen: jaren.iter().map(|&j| (j, if runs(j) { c.bedrag_per_jaar } else { Money::ZERO })).collect(),
            });
        }
    }
    out
}
