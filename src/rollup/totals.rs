//! Own and consolidated totals per party, and the integral breakdowns: per line, component,
//! cost type and feature (the portfolio view of feature-based costing).

use super::grid::{Grid, Years, add_year};
use super::org::OrgTree;
use crate::model::*;
use std::collections::{BTreeMap, HashMap, HashSet};

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
/// register order (unregistered ones after, by id; lines without a feature last). One pass over
/// the lines: each row gathers its lines as they come (a thousand parties' features would make
/// a scan of all lines per row quadratic).
pub fn by_feature(st: &Stelsel, lines: &[Line]) -> Vec<FeatureRow> {
    let p_rank: HashMap<&str, usize> =
        st.beleidsdoelen.iter().enumerate().map(|(i, b)| (b.id.value.as_str(), i)).collect();
    let register = st.features.as_deref().unwrap_or_default();
    let f_rank: HashMap<&str, usize> =
        register.iter().enumerate().rev().map(|(i, x)| (x.id.value.as_str(), i)).collect();
    let rank = |f: Option<&str>| match f {
        Some(id) => (0, f_rank.get(id).copied().unwrap_or(usize::MAX)),
        None => (1, 0),
    };
    type Key<'a> = (usize, &'a str, (u8, usize), Option<&'a str>);
    let mut rows: BTreeMap<Key, Vec<&Line>> = BTreeMap::new();
    for l in lines {
        let p = p_rank.get(l.beleidsdoel.as_str()).copied().unwrap_or(usize::MAX);
        let f = l.feature.as_deref();
        rows.entry((p, &l.beleidsdoel, rank(f), f)).or_default().push(l);
    }
    rows.into_iter()
        .map(|((_, beleidsdoel, _, feature), mine)| {
            let mut bedragen = Years::new();
            for l in &mine {
                for (y, m) in &l.bedragen {
                    add_year(&mut bedragen, *y, *m);
                }
            }
            let registered =
                feature.and_then(|f| register.iter().find(|x| x.id.value == f)).and_then(|x| x.component.as_ref());
            let mut componenten: Vec<String> = registered.map(|c| c.value.clone()).into_iter().collect();
            let mut seen: HashSet<&str> = registered.map(|c| c.value.as_str()).into_iter().collect();
            for l in &mine {
                if seen.insert(&l.component) {
                    componenten.push(l.component.clone());
                }
            }
            // Per party in order of first appearance, its result ids in order, each once.
            let mut resultaten: Vec<(String, Vec<String>)> = Vec::new();
            let mut party_at: HashMap<&str, usize> = HashMap::new();
            let mut result_seen: HashSet<(&str, &str)> = HashSet::new();
            for l in &mine {
                let i = *party_at.entry(&l.party).or_insert_with(|| {
                    resultaten.push((l.party.clone(), Vec::new()));
                    resultaten.len() - 1
                });
                for r in &l.resultaten {
                    if result_seen.insert((&l.party, r)) {
                        resultaten[i].1.push(r.clone());
                    }
                }
            }
            resultaten.retain(|(_, ids)| !ids.is_empty());
            FeatureRow {
                beleidsdoel: beleidsdoel.to_string(),
                feature: feature.map(str::to_string),
                componenten,
                resultaten,
                bedragen,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rollup::rollup;

    /// The portfolio rows of the default data, every year, against a second computation that
    /// scans all lines per perspective and feature (the quadratic way): same rows, same order,
    /// same components, results and sums.
    #[test]
    fn the_portfolio_is_the_scan_of_all_lines() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        let peil = jiff::civil::date(2026, 11, 29);
        let (tree, _) = crate::load_and_check(&root, &Scope::default(), peil).unwrap();
        let st = tree.stelsel.as_ref().unwrap();
        let register = st.features.as_deref().unwrap_or_default();
        let mut rows = 0;
        for &y in tree.years.keys() {
            let r = rollup(&tree, y, peil);
            let mut keys: Vec<(String, Option<String>)> = Vec::new();
            for l in &r.lines {
                let k = (l.beleidsdoel.clone(), l.feature.clone());
                if !keys.contains(&k) {
                    keys.push(k);
                }
            }
            let p_rank = |p: &str| st.beleidsdoelen.iter().position(|b| b.id.value == p).unwrap_or(usize::MAX);
            let f_rank = |f: &Option<String>| {
                f.as_ref().map_or((1, 0), |f| (0, register.iter().position(|x| x.id.value == *f).unwrap_or(usize::MAX)))
            };
            keys.sort_by(|a, b| {
                (p_rank(&a.0), &a.0, f_rank(&a.1), &a.1).cmp(&(p_rank(&b.0), &b.0, f_rank(&b.1), &b.1))
            });
            assert_eq!(r.by_feature.len(), keys.len(), "{y}");
            for (row, (p, f)) in r.by_feature.iter().zip(&keys) {
                assert_eq!((&row.beleidsdoel, &row.feature), (p, f), "{y}");
                let mine: Vec<&Line> = r.lines.iter().filter(|l| l.beleidsdoel == *p && l.feature == *f).collect();
                for (j, sum) in &row.bedragen {
                    let want: Money = mine.iter().map(|l| l.bedragen[j]).fold(Money::ZERO, |a, b| a + b);
                    assert_eq!(*sum, want, "{y} {p} {f:?} {j}");
                }
                for l in &mine {
                    assert!(row.componenten.contains(&l.component));
                    if !l.resultaten.is_empty() {
                        let ids = &row.resultaten.iter().find(|(party, _)| *party == l.party).unwrap().1;
                        assert!(l.resultaten.iter().all(|x| ids.contains(x)));
                    }
                }
                let parties: Vec<&String> = row.resultaten.iter().map(|(p, _)| p).collect();
                let mut once = parties.clone();
                once.dedup();
                assert_eq!(parties, once, "each party once");
                rows += 1;
            }
        }
        assert!(rows > 10, "the default data has a portfolio ({rows} rows)");
    }
}
