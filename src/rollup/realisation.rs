//! The jaarrekening's numbers for year Y: per line the begroting, the mutaties in effect, the
//! amended budget, the realisation, the variance to the amended budget and its explanation
//! (contract §11); per party the totals; the status of the plan results.

use super::grid::Grid;
use super::org::OrgTree;
use crate::model::*;
use jiff::civil::Date;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// Realisation against the amended budget of one line of Y.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Variance {
    /// The line id.
    pub id: String,
    /// What it pays for (a new line's from its wijziging); `None` for a realisation of an
    /// unknown line (E303).
    pub omschrijving: Option<String>,
    /// The perspective; `None` for an unknown line.
    pub beleidsdoel: Option<String>,
    /// The begroting's amount for Y (primitief; 0 for a new or unknown line).
    pub begroting: Money,
    /// The mutaties of the wijzigingen in effect.
    pub mutaties: Decimal,
    /// The wijziging (number) that brought a new line.
    pub nieuw: Option<u32>,
    /// The amended budget for Y (0 for an unknown line).
    pub budget: Money,
    /// The realisation; `None` when the line has none (E303).
    pub realisation: Option<Money>,
    /// Realisation − amended budget; `None` without a realisation.
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
    /// Its lines: every line of the amended budget of Y (begroting order, then new lines), then
    /// realisations of unknown lines.
    pub lines: Vec<Variance>,
    /// Total begroting for Y (primitief).
    pub begroting: Money,
    /// Total of the mutaties in effect.
    pub mutaties: Decimal,
    /// Total amended budget for Y.
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
    /// Total begroting of those parties (primitief).
    pub begroting: Money,
    /// Total of their mutaties in effect.
    pub mutaties: Decimal,
    /// Total amended budget of those parties.
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

fn party(norms: &Normen, sub: &Submission, id: &str, y: Year, peildatum: Date) -> Option<PartyRealisation> {
    let r = sub.realisatie.as_ref()?;
    let amended = sub.amended(y, peildatum);
    let real_of = |line: &str| r.regels.iter().find(|x| x.regel.value == line);
    let mut lines = Vec::new();
    for a in &amended {
        let found = real_of(a.id);
        let realisation = found.and_then(|x| x.bedrag.as_ref()).map(|m| m.value);
        lines.push(line(norms, a.id, Some(a), realisation, found.and_then(|x| x.toelichting.clone())));
    }
    for x in r.regels.iter().filter(|x| !amended.iter().any(|a| a.id == x.regel.value)) {
        let realisation = x.bedrag.as_ref().map(|m| m.value);
        lines.push(line(norms, &x.regel, None, realisation, x.toelichting.clone()));
    }
    let results = r.resultaten.iter().map(|s| (s.resultaat.value.clone(), (s.status, s.toelichting.clone()))).collect();
    Some(PartyRealisation {
        party: id.to_string(),
        begroting: lines.iter().map(|l| l.begroting).sum(),
        mutaties: lines.iter().map(|l| l.mutaties).sum(),
        begroot: lines.iter().map(|l| l.budget).sum(),
        gerealiseerd: lines.iter().filter_map(|l| l.realisation).sum(),
        lines,
        results,
    })
}

fn line(
    norms: &Normen,
    id: &str,
    a: Option<&AmendedLine>,
    realisation: Option<Money>,
    toelichting: Option<String>,
) -> Variance {
    let budget = a.map_or(Money::ZERO, AmendedLine::amount);
    let v = realisation.map(|r| variance(budget, r));
    Variance {
        id: id.to_string(),
        omschrijving: a.map(|a| a.omschrijving.to_string()),
        beleidsdoel: a.map(|a| a.beleidsdoel.to_string()),
        begroting: a.map_or(Money::ZERO, |a| a.begroting),
        mutaties: a.map_or(Decimal::ZERO, |a| a.mutaties),
        nieuw: a.and_then(|a| a.nieuw),
        budget,
        realisation,
        difference: v.map(|v| v.0),
        percent: v.and_then(|v| v.1),
        above_norm: realisation.is_some_and(|r| norms.needs_explanation(budget, r)),
        toelichting,
    }
}

/// The jaarrekening of year `y` at `peildatum`: every party of the tree with a realisation for
/// `y`, against its amended budget.
pub fn verantwoording(tree: &Tree, org: &OrgTree, norms: &Normen, y: Year, peildatum: Date) -> Verantwoording {
    let parties: Vec<PartyRealisation> = org
        .nodes
        .iter()
        .filter_map(|n| tree.submission(y, &n.id).and_then(|s| party(norms, s, &n.id, y, peildatum)))
        .collect();
    let status_counts = ResultaatStatus::ALL
        .iter()
        .map(|st| (*st, parties.iter().flat_map(|p| p.results.values()).filter(|(s, _)| s == st).count()))
        .collect();
    Verantwoording {
        begroting: parties.iter().map(|p| p.begroting).sum(),
        mutaties: parties.iter().map(|p| p.mutaties).sum(),
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
    /// For each party, how many parties in its subtree (itself included) have no realisation.
    pub missing: BTreeMap<String, usize>,
}

impl Realised {
    /// The parties in the subtree of `id` (itself included) without a realisation, in tree
    /// order.
    pub fn missing_under<'a>(&self, org: &'a OrgTree, id: &'a str) -> Vec<&'a str> {
        let subtree = std::iter::once(id).chain(org.descendants(id));
        subtree.filter(|p| !self.own.contains_key(*p)).collect()
    }
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
    let counts = org.subtree_totals(|n| usize::from(!own.contains_key(&n.id)), |a, b| *a += b);
    let missing = org.nodes.iter().map(|n| n.id.clone()).zip(counts).collect();
    Realised { own, consolidated, integral, missing }
}
