//! The roll-up of one cycle year as a value (made by `rollup::rollup`), and what it answers.

use super::aansluiting::Aansluiting;
use super::amended::Amended;
use super::caps::Cap;
use super::grid::{Grid, Years};
use super::options::{Beheerconsequentie, LevelTotal, PartyOptions};
use super::org::OrgTree;
use super::progress::Progress;
use super::realisation::{Realised, Verantwoording};
use super::risks::Risks;
use super::totals::{FeatureRow, Line};
use crate::model::*;
use std::collections::BTreeMap;

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
    /// The structural part of the request (contract §14): own totals per party of the lines
    /// with `aard: structureel`, and their integral total. The incidental part is the rest.
    pub structureel: Structureel,
    /// The risks of the plans of Y, weighted, with the weerstandsvermogen (contract §14).
    pub risks: Risks,
    /// The progress of every quarter of Y with a progress report file, by quarter (§11):
    /// computed here once, read by the voortgangsrapportage, its table and the site.
    pub progress: BTreeMap<u8, Progress>,
}

/// The structural part of the request of Y..Y+3.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Structureel {
    /// Own structural totals per party (every party, zero grids included).
    pub own: BTreeMap<String, Grid>,
    /// Own plus every party below, per party.
    pub consolidated: BTreeMap<String, Grid>,
    /// Structural totals of every party of the tree.
    pub integral: Grid,
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

fn sum_caps(caps: &[Cap], y: Year) -> Option<Money> {
    let caps: Vec<Money> =
        caps.iter().filter_map(|c| c.jaren.iter().find(|j| j.jaar == y).and_then(|j| j.cap)).collect();
    if caps.is_empty() { None } else { Some(caps.into_iter().sum()) }
}
