//! Stage `rollup`: exact totals of the checked tree for one cycle year — the organisation
//! tree, own and consolidated totals, breakdowns, caps with their allocation, alternatives,
//! management consequences and the realisation — handed on to `view`. Pure; no rounding.

mod aansluiting;
mod allocate;
mod amended;
mod caps;
mod effects;
mod grid;
mod options;
mod org;
mod progress;
mod realisation;
mod risks;
mod settlement;
mod totals;
mod trend;
mod year;

#[cfg(test)]
mod tests;

pub use aansluiting::{Aansluiting, AansluitingPartij, AansluitingPerspectief, MOVERS, Verschuiving};
pub use allocate::allocate;
pub use amended::{Amended, WijzigingRow};
pub use caps::{Cap, CapYear, difference};
pub use effects::{
    Amendment, EffectYear, Grondslag, ItemEffects, adopts, baseline, is_effect_item, item_effects, latest_budget_year,
    years_needed,
};
pub use grid::{Grid, Years, add_year, add_years};
pub use options::{Beheerconsequentie, LevelTotal, PartyAlternatief, PartyOptions};
pub use org::{OrgNode, OrgTree};
pub use progress::{Figures, PartyProgress, PerPerspective, Progress, ProgressLine, latest_quarter, progress};
pub use realisation::{PartyRealisation, Realised, Variance, Verantwoording, variance};
pub use risks::{LARGEST, RiskSum, Risks, Weerstandsklasse, Weerstandsvermogen, WeightedRisk, weigh};
pub use settlement::{AmendedResult, FinancierTotal, SettledPerspective, Settlement, settlement};
pub use totals::{FeatureRow, Line};
pub use trend::{TREND_LINES, Trend, TrendLine, TrendPoint, TrendRow, trend};
pub use year::{Rollup, Structureel};

use crate::model::*;
use jiff::civil::Date;
use std::collections::{BTreeMap, BTreeSet};

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
    let structureel_own = totals::own(&org, lines.iter().filter(|l| l.aard == Aard::Structureel));
    let mut structureel = Structureel {
        integral: Grid::default(),
        consolidated: totals::consolidated(&org, &structureel_own),
        own: BTreeMap::new(),
    };
    for g in structureel_own.values() {
        structureel.integral.merge(g);
    }
    structureel.own = structureel_own;
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
        structureel,
        risks: risks::risks(tree, &org, st, y),
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
        structureel: Structureel::default(),
        risks: Risks::default(),
    }
}
