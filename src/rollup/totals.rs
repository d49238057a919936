//! Own and consolidated totals per party, and the integral breakdowns: per line, component,
//! cost type and feature (the portfolio view of feature-based costing).

use super::grid::{Grid, Years, add_year};
use super::org::OrgTree;
use crate::model::*;
use std::collections::BTreeMap;

/// One budget line of cycle year Y with its amounts for the years of the roll-up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    /// The party.
    pub party: String,
    /// The line id.
    pub id: String,
    /// What it pays for.
    pub omschrijving: String,
    /// The perspective.
    pub beleidsdoel: String,
    /// The component.
    pub component: String,
    /// The cost type.
    pub kostensoort: Kostensoort,
    /// The feature, if any.
    pub feature: Option<String>,
    /// The plan results it pays for.
    pub resultaten: Vec<String>,
    /// Structural or incidental (contract §14).
    pub aard: Aard,
    /// Amount per year of the roll-up (every year present, 0 where absent).
    pub bedragen: Years,
}

/// A row of the portfolio: one perspective and one feature (or none).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FeatureRow {
    /// The perspective.
    pub beleidsdoel: String,
    /// The feature; `None` for lines without one.
    pub feature: Option<String>,
    /// The components of its lines (the register's component first when it has one).
    pub componenten: Vec<String>,
    /// The plan results its lines pay for, per party (party id, result ids in order).
    pub resultaten: Vec<(String, Vec<String>)>,
    /// Amount per year.
    pub bedragen: Years,
}

/// The lines of every party of the tree that delivered a begroting for `y`, in tree order.
pub fn lines(tree: &Tree, org: &OrgTree, y: Year, jaren: &[Year]) -> Vec<Line> {
    let mut out = Vec::new();
    for n in &org.nodes {
        let Some(b) = tree.submission(y, &n.id).and_then(|s| s.begroting.as_ref()) else { continue };
        for r in &b.regels {
            out.push(Line {
                party: n.id.clone(),
                id: r.id.value.clone(),
                omschrijving: r.omschrijving.clone(),
                beleidsdoel: r.beleidsdoel.value.clone(),
                component: r.component.value.clone(),
                kostensoort: r.kostensoort,
                feature: r.feature.as_ref().map(|f| f.value.clone()),
                resultaten: r.resultaten.iter().map(|x| x.value.clone()).collect(),
                aard: r.aard,
                bedragen: jaren.iter().map(|j| (*j, r.amount(*j))).collect(),
            });
        }
    }
    out
}

/// Own totals per party (every party of the tree, zero grids included).
pub fn own<'a>(org: &OrgTree, lines: impl IntoIterator<Item = &'a Line>) -> BTreeMap<String, Grid> {
    let mut out: BTreeMap<String, Grid> = org.nodes.iter().map(|n| (n.id.clone(), Grid::default())).collect();
    for l in lines {
        let g = out.entry(l.party.clone()).or_default();
        for (y, m) in &l.bedragen {
            g.add(&l.beleidsdoel, *y, *m);
        }
    }
    out
}

/// Consolidated totals: a party's own plus those of all parties below it, at any depth (one
/// pass bottom-up).
pub fn consolidated(org: &OrgTree, own: &BTreeMap<String, Grid>) -> BTreeMap<String, Grid> {
    let totals = org.subtree_totals(|n| own.get(&n.id).cloned().unwrap_or_default(), |a, b| a.merge(b));
    org.nodes.iter().map(|n| n.id.clone()).zip(totals).collect()
}

/// Sums the lines per key, in key order.
fn by<K: Ord + Clone>(lines: &[Line], key: impl Fn(&Line) -> K) -> BTreeMap<K, Years> {
    let mut out: BTreeMap<K, Years> = BTreeMap::new();
    for l in lines {
        let row = out.entry(key(l)).or_default();
        for (y, m) in &l.bedragen {
            add_year(row, *y, *m);
        }
    }
    out
}

/// Totals per component, in `stelsel.yaml` order (unknown ids after, by id).
pub fn by_component(st: &Stelsel, lines: &[Line]) -> Vec<(String, Years)> {
    let rank = |id: &str| st.componenten.iter().position(|c| c.id.value == id).unwrap_or(usize::MAX);
    let m = by(lines, |l| (rank(&l.component), l.component.clone()));
    m.into_iter().map(|((_, id), y)| (id, y)).collect()
}

/// Totals per cost type, in the contract's order (only types that occur).
pub fn by_kostensoort(lines: &[Line]) -> Vec<(Kostensoort, Years)> {
    by(lines, |l| l.kostensoort).into_iter().collect()
}

/// Totals per perspective and feature: perspectives in `stelsel.yaml` order, features in
/// register order (unregistered ones after, by id; lines without a feature last).
pub fn by_feature(st: &Stelsel, lines: &[Line]) -> Vec<FeatureRow> {
    let p_rank = |id: &str| st.beleidsdoelen.iter().position(|b| b.id.value == id).unwrap_or(usize::MAX);
    let register = st.features.as_deref().unwrap_or_default();
    let f_rank = |f: &Option<String>| match f {
        Some(id) => (0, register.iter().position(|x| x.id.value == *id).unwrap_or(usize::MAX)),
        None => (1, 0),
    };
    let key = |l: &Line| (p_rank(&l.beleidsdoel), l.beleidsdoel.clone(), f_rank(&l.feature), l.feature.clone());
    let sums = by(lines, key);
    sums.into_iter()
        .map(|(k, bedragen)| {
            let (_, beleidsdoel, _, feature) = k;
            let mine: Vec<&Line> =
                lines.iter().filter(|l| l.beleidsdoel == beleidsdoel && l.feature == feature).collect();
            let registered = feature
                .as_ref()
                .and_then(|f| register.iter().find(|x| x.id.value == *f))
                .and_then(|x| x.component.as_ref());
            let mut componenten: Vec<String> = registered.map(|c| c.value.clone()).into_iter().collect();
            for l in &mine {
                if !componenten.contains(&l.component) {
                    componenten.push(l.component.clone());
                }
            }
            let mut resultaten: Vec<(String, Vec<String>)> = Vec::new();
            for l in &mine {
                if !resultaten.iter().any(|(p, _)| *p == l.party) {
                    resultaten.push((l.party.clone(), Vec::new()));
                }
                let ids = &mut resultaten.iter_mut().find(|(p, _)| *p == l.party).expect("just pushed").1;
                for r in &l.resultaten {
                    if !ids.contains(r) {
                        ids.push(r.clone());
                    }
                }
            }
            resultaten.retain(|(_, ids)| !ids.is_empty());
            FeatureRow { beleidsdoel, feature, componenten, resultaten, bedragen }
        })
        .collect()
}
