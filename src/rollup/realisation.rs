//! The jaarrekening's numbers for year Y: per line budget, realisation, variance and its
//! explanation; per party the totals; the status of the plan results.

use super::grid::Grid;
use super::org::OrgTree;
use crate::model::*;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// Realisation against budget of one line of Y.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Variance {
    /// The line id.
    pub id: String,
    /// What it pays for; `None` for a realisation of an unknown line (E303).
    pub omschrijving: Option<String>,
    /// The perspective; `None` for an unknown line.
    pub beleidsdoel: Option<String>,
    /// The budget for Y (0 for an unknown line).
    pub budget: Money,
    /// The realisation; `None` when the line has none (E303).
    pub realisation: Option<Money>,
    /// Realisation − budget; `None` without a realisation.
    pub difference: Option<Decimal>,
    /// The difference in percent of the budget; `None` for a budget of 0 or no realisation.
    pub percent: Option<Decimal>,
    /// Above both norms, so an explanation is required.
    pub above_norm: bool,
    /// The explanation given.
    pub toelichting: Option<String>,
}

/// The realisation of one party.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PartyRealisation {
    /// The party.
    pub party: String,
    /// Its lines: every budget line of Y in begroting order, then realisations of unknown lines.
    pub lines: Vec<Variance>,
    /// Total budget for Y.
    pub begroot: Money,
    /// Total realisation.
    pub gerealiseerd: Money,
    /// Status and explanation per plan result id.
    pub results: BTreeMap<String, (ResultaatStatus, Option<String>)>,
}

/// The realisation of every party that delivered one, in tree order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Verantwoording {
    /// Per party.
    pub parties: Vec<PartyRealisation>,
    /// Total budget of those parties.
    pub begroot: Money,
    /// Total realisation.
    pub gerealiseerd: Money,
    /// Count per result status, every status in the contract's order.
    pub status_counts: Vec<(ResultaatStatus, usize)>,
}

/// Realisation − budget and its percentage, exactly.
pub fn variance(budget: Money, real: Money) -> (Decimal, Option<Decimal>) {
    let d = real.decimal().checked_sub(budget.decimal()).expect("difference within range");
    (d, variance_percent(budget, real))
}

fn party(norms: &Normen, sub: &Submission, id: &str, y: Year) -> Option<PartyRealisation> {
    let r = sub.realisatie.as_ref()?;
    let regels = sub.begroting.as_ref().map(|b| b.regels.as_slice()).unwrap_or_default();
    let real_of = |line: &str| r.regels.iter().find(|x| x.regel.value == line);
    let mut lines = Vec::new();
    for b in regels {
        let found = real_of(&b.id);
        let budget = b.amount(y);
        let realisation = found.and_then(|x| x.bedrag.as_ref()).map(|m| m.value);
        lines.push(line(norms, &b.id, Some(b), budget, realisation, found.and_then(|x| x.toelichting.clone())));
    }
    for x in r.regels.iter().filter(|x| !regels.iter().any(|b| b.id.value == x.regel.value)) {
        let realisation = x.bedrag.as_ref().map(|m| m.value);
        lines.push(line(norms, &x.regel, None, Money::ZERO, realisation, x.toelichting.clone()));
    }
    let results = r.resultaten.iter().map(|s| (s.resultaat.value.clone(), (s.status, s.toelichting.clone()))).collect();
    Some(PartyRealisation {
        party: id.to_string(),
        begroot: lines.iter().map(|l| l.budget).sum(),
        gerealiseerd: lines.iter().filter_map(|l| l.realisation).sum(),
        lines,
        results,
    })
}

fn line(
    norms: &Normen,
    id: &str,
    b: Option<&Regel>,
    budget: Money,
    realisation: Option<Money>,
    toelichting: Option<String>,
) -> Variance {
    let v = realisation.map(|r| variance(budget, r));
    Variance {
        id: id.to_string(),
        omschrijving: b.map(|b| b.omschrijving.clone()),
        beleidsdoel: b.map(|b| b.beleidsdoel.value.clone()),
        budget,
        realisation,
        difference: v.map(|v| v.0),
        percent: v.and_then(|v| v.1),
        above_norm: realisation.is_some_and(|r| norms.needs_explanation(budget, r)),
        toelichting,
    }
}

/// The jaarrekening of year `y`: every party of the tree with a realisation for `y`.
pub fn verantwoording(tree: &Tree, org: &OrgTree, norms: &Normen, y: Year) -> Verantwoording {
    let parties: Vec<PartyRealisation> =
        org.nodes.iter().filter_map(|n| tree.submission(y, &n.id).and_then(|s| party(norms, s, &n.id, y))).collect();
    let status_counts = ResultaatStatus::ALL
        .iter()
        .map(|st| (*st, parties.iter().flat_map(|p| p.results.values()).filter(|(s, _)| s == st).count()))
        .collect();
    Verantwoording {
        begroot: parties.iter().map(|p| p.begroot).sum(),
        gerealiseerd: parties.iter().map(|p| p.gerealiseerd).sum(),
        parties,
        status_counts,
    }
}

/// The realisation of Y per perspective at every level, beside the budget's: each party's own,
/// each party's consolidated (own plus every party below it) and the integral total. A
/// realisation line of an unknown budget line (E303) counts under the perspective `""`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Realised {
    /// Own realisation per party that delivered one.
    pub own: BTreeMap<String, Grid>,
    /// Own plus every party below, per party (only the parties that delivered add).
    pub consolidated: BTreeMap<String, Grid>,
    /// Every party together.
    pub integral: Grid,
    /// For each party, the parties in its subtree (itself included) without a realisation.
    pub missing: BTreeMap<String, Vec<String>>,
}

/// The realised grids of `v` over the tree.
pub fn realised(v: &Verantwoording, org: &OrgTree, y: Year) -> Realised {
    let mut own: BTreeMap<String, Grid> = BTreeMap::new();
    for p in &v.parties {
        let g = own.entry(p.party.clone()).or_default();
        for l in &p.lines {
            if let Some(r) = l.realisation {
                g.add(l.beleidsdoel.as_deref().unwrap_or(""), y, r);
            }
        }
    }
    let consolidated = super::totals::consolidated(org, &own);
    let mut integral = Grid::default();
    for g in own.values() {
        integral.merge(g);
    }
    let missing = org
        .nodes
        .iter()
        .map(|n| {
            let subtree = std::iter::once(n.id.as_str()).chain(org.descendants(&n.id));
            (n.id.clone(), subtree.filter(|id| !own.contains_key(*id)).map(str::to_string).collect())
        })
        .collect();
    Realised { own, consolidated, integral, missing }
}
