//! The link to the previous multi-year estimate ("aansluiting op de vorige meerjarenraming",
//! the "mutaties ten opzichte van de vorige begroting" of every Dutch budget): per perspective
//! and party, what the begroting of Y−1 estimated for the years Y..Y+2 beside what the
//! begroting of Y asks for them, and the lines that moved most in Y. Exact; the previous
//! estimates are the begroting of Y−1 as delivered (wijzigingen change only their own year).

use super::grid::{Years, add_year};
use super::org::OrgTree;
use crate::model::*;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// How many lines per perspective the table of movers shows.
pub const MOVERS: usize = 6;

/// The link of cycle year Y to the estimates of Y−1.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Aansluiting {
    /// The previous cycle year (Y−1).
    pub vorig: Year,
    /// The years both begrotingen cover: Y..Y+2.
    pub jaren: Vec<Year>,
    /// Whether the data holds begrotingen for Y−1 at all.
    pub beschikbaar: bool,
    /// Per perspective with an amount in either, in `stelsel.yaml` order.
    pub perspectieven: Vec<AansluitingPerspectief>,
}

/// One perspective: per party and in total, previous estimate and current budget per year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AansluitingPerspectief {
    /// The perspective id.
    pub beleidsdoel: String,
    /// Per party with an amount in either, in reporting order.
    pub partijen: Vec<AansluitingPartij>,
    /// The previous estimates, all parties.
    pub vorig: Years,
    /// The current budget, all parties.
    pub huidig: Years,
    /// Every line whose amount for Y moved, largest absolute difference first (ties in
    /// reporting order, then by line id); the documents show the first [`MOVERS`].
    pub verschuivingen: Vec<Verschuiving>,
}

/// One party's previous estimate and current budget for a perspective.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AansluitingPartij {
    /// The party.
    pub party: String,
    /// Whether it delivered a begroting for Y−1.
    pub had_vorig: bool,
    /// The previous estimates per year.
    pub vorig: Years,
    /// The current budget per year.
    pub huidig: Years,
}

/// One budget line whose amount for Y changed against the previous estimate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verschuiving {
    /// The party.
    pub party: String,
    /// The line id.
    pub id: String,
    /// What it pays for (this year's wording, else last year's).
    pub omschrijving: String,
    /// The previous estimate for Y (`None`: the line is new).
    pub vorig: Option<Money>,
    /// The budget for Y (`None`: the line is gone).
    pub huidig: Option<Money>,
}

impl Verschuiving {
    /// Budget − previous estimate.
    pub fn verschil(&self) -> Decimal {
        self.huidig.unwrap_or_default().decimal() - self.vorig.unwrap_or_default().decimal()
    }
}

/// The link of year `y` to the begrotingen of `y - 1`.
pub fn aansluiting(tree: &Tree, org: &OrgTree, perspectives: &[String], y: Year) -> Aansluiting {
    let jaren: Vec<Year> = (y..=y + 2).collect();
    let vorig = y - 1;
    let begroting = |year: Year, id: &str| tree.submission(year, id).and_then(|s| s.begroting.as_ref());
    let beschikbaar = org.nodes.iter().any(|n| begroting(vorig, &n.id).is_some());
    let amounts = |b: Option<&Begroting>, p: &str| -> Years {
        let mut out: Years = jaren.iter().map(|j| (*j, Money::ZERO)).collect();
        for r in b.iter().flat_map(|b| &b.regels).filter(|r| r.beleidsdoel.value == p) {
            for j in &jaren {
                add_year(&mut out, *j, r.amount(*j));
            }
        }
        out
    };
    let mut out = Vec::new();
    for p in perspectives {
        let mut a = AansluitingPerspectief {
            beleidsdoel: p.clone(),
            partijen: Vec::new(),
            vorig: jaren.iter().map(|j| (*j, Money::ZERO)).collect(),
            huidig: jaren.iter().map(|j| (*j, Money::ZERO)).collect(),
            verschuivingen: Vec::new(),
        };
        let mut moved = Vec::new();
        for n in &org.nodes {
            let (old, new) = (begroting(vorig, &n.id), begroting(y, &n.id));
            let party = AansluitingPartij {
                party: n.id.clone(),
                had_vorig: old.is_some(),
                vorig: amounts(old, p),
                huidig: amounts(new, p),
            };
            if party.vorig.values().chain(party.huidig.values()).all(|m| m.decimal().is_zero()) {
                continue;
            }
            for j in &jaren {
                add_year(&mut a.vorig, *j, party.vorig[j]);
                add_year(&mut a.huidig, *j, party.huidig[j]);
            }
            moved.extend(movers(&n.id, old, new, p, y));
            a.partijen.push(party);
        }
        if a.partijen.is_empty() {
            continue;
        }
        moved.sort_by_key(|v| std::cmp::Reverse(v.verschil().abs()));
        a.verschuivingen = moved;
        out.push(a);
    }
    Aansluiting { vorig, jaren, beschikbaar, perspectieven: out }
}

/// The lines of one party and perspective whose amount for `y` differs between the two
/// begrotingen, matched by id: changed, new, or gone.
fn movers(party: &str, old: Option<&Begroting>, new: Option<&Begroting>, p: &str, y: Year) -> Vec<Verschuiving> {
    let lines = |b: Option<&Begroting>| -> BTreeMap<String, (Money, String)> {
        b.iter()
            .flat_map(|b| &b.regels)
            .filter(|r| r.beleidsdoel.value == p)
            .map(|r| (r.id.value.clone(), (r.amount(y), r.omschrijving.clone())))
            .collect()
    };
    let (old, new) = (lines(old), lines(new));
    let mut out = Vec::new();
    // In the order of the current begroting's ids, then the ids that are gone.
    let ids: Vec<&String> = new.keys().chain(old.keys().filter(|k| !new.contains_key(*k))).collect();
    for id in ids {
        let (o, n) = (old.get(id), new.get(id));
        let v = Verschuiving {
            party: party.to_string(),
            id: id.clone(),
            omschrijving: n.or(o).map(|x| x.1.clone()).unwrap_or_default(),
            vorig: o.map(|x| x.0),
            huidig: n.map(|x| x.0),
        };
        if !v.verschil().is_zero() {
            out.push(v);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rollup::rollup;

    /// The default data's jaarplan 2027 against the begroting 2026: per perspective the totals
    /// are the sums of the two begrotingen's lines, and the moved lines account for the whole
    /// difference in 2027 (lines that did not move add nothing), largest first.
    #[test]
    fn the_moved_lines_explain_the_whole_difference() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        let peil = jiff::civil::date(2026, 11, 29);
        let (tree, _) = crate::load_and_check(&root, &Scope::default(), peil).unwrap();
        let r = rollup(&tree, 2027, peil);
        let a = &r.aansluiting;
        assert!(a.beschikbaar);
        assert_eq!((a.vorig, a.jaren.clone()), (2026, vec![2027, 2028, 2029]));
        assert_eq!(a.perspectieven.len(), 4);
        for p in &a.perspectieven {
            let sum = |y: Year, j: Year| -> Money {
                tree.years[&y]
                    .values()
                    .filter_map(|s| s.begroting.as_ref())
                    .flat_map(|b| &b.regels)
                    .filter(|l| l.beleidsdoel.value == p.beleidsdoel)
                    .map(|l| l.amount(j))
                    .sum()
            };
            for j in 2027..=2029 {
                assert_eq!(p.vorig[&j], sum(2026, j), "{} {j}", p.beleidsdoel);
                assert_eq!(p.huidig[&j], sum(2027, j), "{} {j}", p.beleidsdoel);
            }
            let moved: Decimal = p.verschuivingen.iter().map(Verschuiving::verschil).sum();
            assert_eq!(moved, p.huidig[&2027].decimal() - p.vorig[&2027].decimal(), "{}", p.beleidsdoel);
            assert!(p.verschuivingen.windows(2).all(|w| w[0].verschil().abs() >= w[1].verschil().abs()));
        }
        // Without begrotingen of the year before there is nothing to link to.
        assert!(!rollup(&tree, 2025, peil).aansluiting.beschikbaar);
    }
}
