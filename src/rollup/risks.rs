//! The risks of the plans of Y weighted by their chance (contract §14): per perspective and per
//! party, the largest, those without an amount, and the weerstandsvermogen — the means
//! available for risks against the weighted total, with its class A–F.

use super::org::OrgTree;
use crate::model::*;
use rust_decimal::{Decimal, RoundingStrategy};

/// At most this many risks are named as the largest (by weighted amount).
pub const LARGEST: usize = 10;

/// One risk of a plan, with its weighted amount.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WeightedRisk {
    /// The party whose plan names it.
    pub party: String,
    /// Its id in the plan.
    pub id: String,
    /// What can go wrong.
    pub omschrijving: String,
    /// Its chance class.
    pub kans: Klasse,
    /// Its impact class.
    pub impact: Klasse,
    /// The mitigation.
    pub maatregel: Option<String>,
    /// The perspective (`None`: not assigned).
    pub beleidsdoel: Option<String>,
    /// The exposure (`None`: not given).
    pub bedrag: Option<Money>,
    /// The chance of its class in percent (`normen.kans`).
    pub kans_pct: Decimal,
    /// The exposure × the chance of its class, to the cent (`None` without an exposure).
    pub gewogen: Option<Money>,
}

/// Risks counted together: how many, their exposure and their weighted amount.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RiskSum {
    /// How many risks (with or without an amount).
    pub aantal: usize,
    /// How many of them have no amount.
    pub zonder_bedrag: usize,
    /// Their exposure together.
    pub bedrag: Money,
    /// Their weighted amounts together.
    pub gewogen: Money,
}

impl RiskSum {
    fn add(&mut self, r: &WeightedRisk) {
        self.aantal += 1;
        match (r.bedrag, r.gewogen) {
            (Some(b), Some(g)) => {
                self.bedrag = self.bedrag + b;
                self.gewogen = self.gewogen + g;
            }
            _ => self.zonder_bedrag += 1,
        }
    }
}

/// The weerstandsklasse of a ratio (contract §14), from the exact ratio.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Weerstandsklasse {
    /// ≥ 2,0: uitstekend.
    A,
    /// 1,4 to < 2,0: ruim voldoende.
    B,
    /// 1,0 to < 1,4: voldoende.
    C,
    /// 0,8 to < 1,0: matig.
    D,
    /// 0,6 to < 0,8: onvoldoende.
    E,
    /// < 0,6: ruim onvoldoende.
    F,
}

impl Weerstandsklasse {
    /// The class of an exact ratio.
    pub fn of(ratio: Decimal) -> Weerstandsklasse {
        let tenth = |n: i64| Decimal::new(n, 1);
        if ratio >= tenth(20) {
            Weerstandsklasse::A
        } else if ratio >= tenth(14) {
            Weerstandsklasse::B
        } else if ratio >= tenth(10) {
            Weerstandsklasse::C
        } else if ratio >= tenth(8) {
            Weerstandsklasse::D
        } else if ratio >= tenth(6) {
            Weerstandsklasse::E
        } else {
            Weerstandsklasse::F
        }
    }

    /// The letter.
    pub fn letter(self) -> &'static str {
        match self {
            Weerstandsklasse::A => "A",
            Weerstandsklasse::B => "B",
            Weerstandsklasse::C => "C",
            Weerstandsklasse::D => "D",
            Weerstandsklasse::E => "E",
            Weerstandsklasse::F => "F",
        }
    }

    /// Its meaning, as the usual scale in Dutch public finance words it.
    pub fn betekenis(self) -> &'static str {
        match self {
            Weerstandsklasse::A => "uitstekend",
            Weerstandsklasse::B => "ruim voldoende",
            Weerstandsklasse::C => "voldoende",
            Weerstandsklasse::D => "matig",
            Weerstandsklasse::E => "onvoldoende",
            Weerstandsklasse::F => "ruim onvoldoende",
        }
    }
}

/// The means available for risks in a year against the weighted total.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Weerstandsvermogen {
    /// The year of the capacity.
    pub jaar: Year,
    /// The weerstandscapaciteit of that year.
    pub capaciteit: Money,
    /// Capacity ÷ weighted total, exact (`None` when nothing is weighted: no risk to absorb).
    pub ratio: Option<Decimal>,
    /// The class of the exact ratio (`A` when nothing is weighted).
    pub klasse: Weerstandsklasse,
}

/// The risk profile of the plans of one cycle year.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Risks {
    /// Every risk, in tree order and then plan order.
    pub all: Vec<WeightedRisk>,
    /// Per perspective in stelsel order, then `None` (not assigned); only those with risks.
    pub per_perspective: Vec<(Option<String>, RiskSum)>,
    /// Per party in tree order; only parties with risks.
    pub per_party: Vec<(String, RiskSum)>,
    /// All risks together.
    pub total: RiskSum,
    /// Indices into `all` of the largest weighted amounts (at most [`LARGEST`]; ties in tree
    /// order).
    pub largest: Vec<usize>,
    /// Indices into `all` of the risks without an amount.
    pub without_amount: Vec<usize>,
    /// The weerstandsvermogen for Y, where `weerstandscapaciteit` gives Y.
    pub weerstand: Option<Weerstandsvermogen>,
}

/// A weighted amount: exposure × chance in percent, to the cent, half away from zero.
pub fn weigh(bedrag: Money, kans_pct: Decimal) -> Money {
    let exact = bedrag.decimal() * kans_pct / Decimal::ONE_HUNDRED;
    Money::from_decimal(exact.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero))
}

/// The risk profile of the plans of `y` for the parties of `org`.
pub fn risks(tree: &Tree, org: &OrgTree, st: &Stelsel, y: Year) -> Risks {
    let mut all = Vec::new();
    for n in &org.nodes {
        let Some(plan) = tree.submission(y, &n.id).and_then(|s| s.plan.as_ref()) else { continue };
        for r in &plan.risicos {
            all.push(WeightedRisk {
                party: n.id.clone(),
                id: r.id.value.clone(),
                omschrijving: r.omschrijving.clone(),
                kans: r.kans,
                impact: r.impact,
                maatregel: r.maatregel.clone(),
                beleidsdoel: r.beleidsdoel.as_ref().map(|b| b.value.clone()),
                bedrag: r.bedrag,
                kans_pct: st.normen.kans(r.kans),
                gewogen: r.bedrag.map(|b| weigh(b, st.normen.kans(r.kans))),
            });
        }
    }
    let mut per_perspective: Vec<(Option<String>, RiskSum)> =
        st.beleidsdoelen.iter().map(|b| (Some(b.id.value.clone()), RiskSum::default())).collect();
    per_perspective.push((None, RiskSum::default()));
    let mut per_party: Vec<(String, RiskSum)> = Vec::new();
    let mut total = RiskSum::default();
    for r in &all {
        // A perspective outside the stelsel is E102 and never reaches a roll-up; count it as
        // not assigned rather than lose it.
        let i = per_perspective.iter().position(|(k, _)| *k == r.beleidsdoel).unwrap_or(per_perspective.len() - 1);
        per_perspective[i].1.add(r);
        match per_party.last_mut() {
            Some((p, sum)) if *p == r.party => sum.add(r),
            _ => {
                let mut sum = RiskSum::default();
                sum.add(r);
                per_party.push((r.party.clone(), sum));
            }
        }
        total.add(r);
    }
    per_perspective.retain(|(_, s)| s.aantal > 0);
    let mut largest: Vec<usize> = (0..all.len()).filter(|&i| all[i].gewogen.is_some()).collect();
    // Stable: equal weighted amounts keep tree order.
    largest.sort_by(|&a, &b| all[b].gewogen.cmp(&all[a].gewogen));
    largest.truncate(LARGEST);
    let without_amount = (0..all.len()).filter(|&i| all[i].bedrag.is_none()).collect();
    let weerstand = st.weerstandscapaciteit.get(&y).map(|&capaciteit| {
        let ratio = (!total.gewogen.decimal().is_zero()).then(|| capaciteit.decimal() / total.gewogen.decimal());
        Weerstandsvermogen {
            jaar: y,
            capaciteit,
            ratio,
            klasse: ratio.map_or(Weerstandsklasse::A, Weerstandsklasse::of),
        }
    });
    Risks { all, per_perspective, per_party, total, largest, without_amount, weerstand }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn weighing_rounds_half_away_from_zero_to_the_cent() {
        // 0.125 € × 100 % stays; 0.05 × 30 % = 0.015 → 0.02; 0.01 × 50 % = 0.005 → 0.01.
        assert_eq!(weigh(Money::from_decimal(d("0.05")), d("30")).decimal(), d("0.02"));
        assert_eq!(weigh(Money::from_decimal(d("0.01")), d("50")).decimal(), d("0.01"));
        assert_eq!(weigh(Money::from_decimal(d("0.03")), d("50")).decimal(), d("0.02"));
        assert_eq!(weigh(Money::from_euros(250_000), d("60")).decimal(), d("150000"));
        assert_eq!(weigh(Money::from_decimal(d("333.33")), d("33.3333")).decimal(), d("111.11"));
    }

    #[test]
    fn the_classes_follow_the_exact_ratio_at_every_boundary() {
        let cases = [
            ("2", "A"),
            ("1.9999", "B"),
            ("1.4", "B"),
            ("1.3999", "C"),
            ("1.0", "C"),
            ("0.9999", "D"),
            ("0.8", "D"),
            ("0.7999", "E"),
            ("0.6", "E"),
            ("0.5999", "F"),
            ("0", "F"),
        ];
        for (r, k) in cases {
            assert_eq!(Weerstandsklasse::of(d(r)).letter(), k, "ratio {r}");
        }
    }
}
