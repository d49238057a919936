//! Stage `rollup`: exact totals of the checked tree for one cycle year — the organisation
//! tree, own and consolidated totals, breakdowns, caps with their allocation, alternatives,
//! management consequences and the realisation — handed on to `view`. Pure; no rounding.

mod aansluiting;
mod allocate;
mod amended;
mod caps;
mod grid;
mod options;
mod org;
mod progress;
mod realisation;
mod totals;

#[cfg(test)]
mod tests;

pub use aansluiting::{Aansluiting, AansluitingPartij, AansluitingPerspectief, MOVERS, Verschuiving};
pub use allocate::allocate;
pub use amended::{Amended, WijzigingRow};
pub use caps::{Cap, CapYear, difference};
pub use grid::{Grid, Years, add_year, add_years};
pub use options::{Beheerconsequentie, LevelTotal, PartyAlternatief, PartyOptions};
pub use org::{OrgNode, OrgTree};
pub use progress::{Figures, PartyProgress, PerPerspective, Progress, ProgressLine, latest_quarter, progress};
pub use realisation::{PartyRealisation, Realised, Variance, Verantwoording, variance};
pub use totals::{FeatureRow, Line};

use crate::model::*;
use jiff::civil::Date;
use std::collections::{BTreeMap, BTreeSet};

/// Everything the documents of cycle year Y show, exact to the cent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rollup {
    /// The cycle year Y.
    pub jaar: Year,
    /// The years of the roll-up: Y..Y+3.
    pub jaren: Vec<Year>,
    /// The organisation tree.
    pub org: OrgTree,
    /// Every budget line of Y, in tree order.
    pub lines: Vec<Line>,
    /// Own totals per party (every party, zero grids included).
    pub own: BTreeMap<String, Grid>,
    /// Own plus every party below, per party (equal to own for a party without any below).
    pub consolidated: BTreeMap<String, Grid>,
    /// The integral total: every party of the tree.
    pub integral: Grid,
    /// Totals per component, in `stelsel.yaml` order.
    pub by_component: Vec<(String, Years)>,
    /// Totals per cost type, in the contract's order.
    pub by_kostensoort: Vec<(Kostensoort, Years)>,
    /// The portfolio: totals per perspective and feature.
    pub by_feature: Vec<FeatureRow>,
    /// Every perspective against its cap, per year.
    pub caps: Vec<Cap>,
    /// Each party's request and alternatives for Y.
    pub options: Vec<PartyOptions>,
    /// The totals for Y per service level, integral and per perspective.
    pub levels: Vec<LevelTotal>,
    /// Management consequences from the plans for Y.
    pub consequences: Vec<Beheerconsequentie>,
    /// The realisation of Y (empty when none was delivered).
    pub verantwoording: Verantwoording,
    /// The realisation of Y per perspective at every level.
    pub realised: Realised,
    /// The amended budget of Y at every level, and the wijzigingen of Y.
    pub amended: Amended,
    /// The begroting of Y against the estimates for Y..Y+2 in the begroting of Y−1.
    pub aansluiting: Aansluiting,
    /// The progress of every quarter of Y with a progress report file, by quarter (§11):
    /// computed here once, read by the voortgangsrapportage, its table and the site.
    pub progress: BTreeMap<u8, Progress>,
}

/// Rolls up cycle year `y` at reference date `peildatum` (which decides the wijzigingen in
/// effect). Callers guarantee a readable stelsel and no E0–E2 findings; with no stelsel the
/// roll-up is empty.
pub fn rollup(tree: &Tree, y: Year, peildatum: Date) -> Rollup {
    let jaren: Vec<Year> = (y..=y + 3).collect();
    let Some(st) = tree.stelsel.as_ref() else {
        return empty(y, jaren);
    };
    let org = OrgTree::new(st);
    let lines = totals::lines(tree, &org, y, &jaren);
    let own = totals::own(&org, &lines);
    let consolidated = totals::consolidated(&org, &own);
    let mut integral = Grid::default();
    for g in own.values() {
        integral.merge(g);
    }
    let caps = caps::caps(st, &integral, &jaren);
    let options = options::parties(tree, &org, &own, y);
    let verantwoording = realisation::verantwoording(tree, &org, &st.normen, y, peildatum);
    let amended = amended::amended(tree, &org, y, peildatum);
    let realised = realisation::realised(&verantwoording, &org, y);
    let perspectives: Vec<String> = st.beleidsdoelen.iter().map(|b| b.id.value.clone()).collect();
    let aansluiting = aansluiting::aansluiting(tree, &org, &perspectives, y);
    let capped: Vec<(String, Option<Money>)> = caps
        .iter()
        .map(|c| (c.beleidsdoel.clone(), c.jaren.iter().find(|j| j.jaar == y).and_then(|j| j.cap)))
        .collect();
    let quarters: BTreeSet<u8> = tree
        .years
        .get(&y)
        .into_iter()
        .flat_map(|m| m.values())
        .flat_map(|s| s.voortgang.keys().copied())
        .filter(|k| (1..=3).contains(k))
        .collect();
    let progress =
        quarters.into_iter().map(|k| (k, progress::progress(tree, &org, &st.normen, y, k, peildatum))).collect();
    Rollup {
        jaar: y,
        progress,
        by_component: totals::by_component(st, &lines),
        by_kostensoort: totals::by_kostensoort(&lines),
        by_feature: totals::by_feature(st, &lines),
        levels: options::levels(&options, &capped),
        consequences: options::consequences(tree, &org, y, &jaren),
        jaren,
        org,
        lines,
        own,
        consolidated,
        integral,
        caps,
        options,
        verantwoording,
        realised,
        amended,
        aansluiting,
    }
}

fn sum_caps(caps: &[Cap], y: Year) -> Option<Money> {
    let caps: Vec<Money> =
        caps.iter().filter_map(|c| c.jaren.iter().find(|j| j.jaar == y).and_then(|j| j.cap)).collect();
    if caps.is_empty() { None } else { Some(caps.into_iter().sum()) }
}

fn empty(y: Year, jaren: Vec<Year>) -> Rollup {
    Rollup {
        jaar: y,
        jaren,
        org: OrgTree::default(),
        lines: Vec::new(),
        own: BTreeMap::new(),
        consolidated: BTreeMap::new(),
        integral: Grid::default(),
        by_component: Vec::new(),
        by_kostensoort: Vec::new(),
        by_feature: Vec::new(),
        caps: Vec::new(),
        options: Vec::new(),
        levels: Vec::new(),
        consequences: Vec::new(),
        verantwoording: Verantwoording::default(),
        realised: Realised::default(),
        amended: Amended::default(),
        aansluiting: Aansluiting::default(),
        progress: BTreeMap::new(),
    }
}

impl Rollup {
    /// The cap comparison of a perspective.
    pub fn cap(&self, perspective: &str) -> Option<&Cap> {
        self.caps.iter().find(|c| c.beleidsdoel == perspective)
    }

    /// The sum of the caps for a year over the perspectives that have one; `None` when none has.
    pub fn budget(&self, y: Year) -> Option<Money> {
        sum_caps(&self.caps, y)
    }

    /// The construct's total for Y at a service level, for all perspectives or one (the amount
    /// of a meeting alternative given by `niveau`, contract §8).
    pub fn level(&self, niveau: Niveau, beleidsdoel: Option<&str>) -> Option<&LevelTotal> {
        self.levels.iter().find(|l| l.niveau == niveau && l.beleidsdoel.as_deref() == beleidsdoel)
    }
}
