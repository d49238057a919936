//! The closing account of year Y (contract §14, "Resultaat en verrekening"): per perspective with
//! a cap for Y, each financier's contribution (the cap over the verdeelsleutel), the result
//! against the cap (cap − realised; positive is an underspend) and that result over the same
//! key — the amount to settle with each financier —, the totals per financier over all
//! perspectives; and per perspective and integral the result against the amended budget
//! (amended − realised). Exact to the cent; read by the jaarrekening, its table and the
//! beslispunten of a meeting item that adopts it.

use super::allocate::allocate;
use super::year::Rollup;
use crate::model::*;
use rust_decimal::Decimal;

#[cfg(test)]
mod tests;

/// The closing account of one cycle year.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Settlement {
    /// The year accounted for.
    pub jaar: Year,
    /// Every perspective with a cap for Y, in stelsel order.
    pub perspectives: Vec<SettledPerspective>,
    /// Per financier of the stelsel (in its order, then any only a key names): the sum of its
    /// contributions and of its settlements over the perspectives.
    pub financiers: Vec<FinancierTotal>,
    /// Per perspective with an amended budget or a realisation for Y, in stelsel order: the
    /// result against the amended budget.
    pub against_amended: Vec<AmendedResult>,
    /// The same over every perspective together.
    pub integral: AmendedResult,
    /// The parties with a budget for Y but without a realisation, in tree order: while any is
    /// missing, every figure here is provisional.
    pub missing: Vec<String>,
}

/// One capped perspective's result and its settlement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SettledPerspective {
    /// The perspective.
    pub beleidsdoel: String,
    /// Its verdeelsleutel (financier id, percentage) as written.
    pub key: Vec<(String, Decimal)>,
    /// The capped budget for Y.
    pub cap: Money,
    /// The realisation of Y, integral.
    pub realised: Money,
    /// Cap − realised: positive is an underspend, negative an overrun.
    pub result: Decimal,
    /// The cap over the financiers (what each contributed), summing to the cap.
    pub contributions: Vec<(String, Decimal)>,
    /// The result over the financiers, each share with the result's sign, summing to the
    /// result: positive is returned to the financier, negative still due from it.
    pub shares: Vec<(String, Decimal)>,
}

/// One financier over every capped perspective.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FinancierTotal {
    /// The financier.
    pub financier: String,
    /// The sum of its contributions.
    pub contribution: Decimal,
    /// The sum of its settlements: positive is returned to it, negative still due from it.
    pub settlement: Decimal,
}

/// The result of one perspective (or all together) against the amended budget.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AmendedResult {
    /// The perspective (`""` for the integral total).
    pub beleidsdoel: String,
    /// The amended budget for Y.
    pub amended: Money,
    /// The realisation of Y.
    pub realised: Money,
    /// Amended − realised: positive is an underspend.
    pub result: Decimal,
    /// The result in percent of the amended budget (`None` for a budget of 0).
    pub percent: Option<Decimal>,
}

impl Settlement {
    /// Whether every party delivered its realisation for Y.
    pub fn complete(&self) -> bool {
        self.missing.is_empty()
    }

    /// The sum of the results against the caps (what goes back to the financiers net).
    pub fn result(&self) -> Decimal {
        self.perspectives.iter().map(|p| p.result).sum()
    }
}

/// The closing account of `r`'s year, with the financiers in the order of the stelsel `st`.
pub fn settlement(st: &Stelsel, r: &Rollup) -> Settlement {
    let y = r.jaar;
    let financiers: Vec<String> = st.financiers.iter().map(|f| f.id.value.clone()).collect();
    let perspectives: Vec<SettledPerspective> = r
        .caps
        .iter()
        .filter_map(|c| {
            let cap = c.jaren.iter().find(|j| j.jaar == y)?.cap?;
            let key = c.verdeelsleutel.clone().unwrap_or_default();
            let realised = r.realised.integral.get(&c.beleidsdoel, y);
            let result = cap.decimal().checked_sub(realised.decimal()).expect("result within range");
            Some(SettledPerspective {
                beleidsdoel: c.beleidsdoel.clone(),
                contributions: allocate(cap.decimal(), &key, &financiers),
                shares: allocate(result, &key, &financiers),
                key,
                cap,
                realised,
                result,
            })
        })
        .collect();
    let mut totals: Vec<FinancierTotal> = Vec::new();
    for p in &perspectives {
        for ((f, c), (_, s)) in p.contributions.iter().zip(&p.shares) {
            match totals.iter_mut().find(|t| &t.financier == f) {
                Some(t) => {
                    t.contribution += c;
                    t.settlement += s;
                }
                None => totals.push(FinancierTotal { financier: f.clone(), contribution: *c, settlement: *s }),
            }
        }
    }
    // A stelsel without any capped perspective still lists its financiers, at zero.
    for f in &financiers {
        if !totals.iter().any(|t| &t.financier == f) {
            totals.push(FinancierTotal {
                financier: f.clone(),
                contribution: Decimal::ZERO,
                settlement: Decimal::ZERO,
            });
        }
    }
    let mut ids: Vec<String> = st.beleidsdoelen.iter().map(|b| b.id.value.clone()).collect();
    for p in r.amended.integral.perspectives().chain(r.realised.integral.perspectives()) {
        if !ids.iter().any(|i| i == p) {
            ids.push(p.to_string());
        }
    }
    let against_amended = ids
        .iter()
        .filter(|p| {
            let (a, re) = (r.amended.integral.get(p, y), r.realised.integral.get(p, y));
            a != Money::ZERO || re != Money::ZERO
        })
        .map(|p| amended_result(p, r.amended.integral.get(p, y), r.realised.integral.get(p, y)))
        .collect();
    let integral = amended_result("", r.amended.integral.year(y), r.realised.integral.year(y));
    // A party with a budget for Y (a begroting or a wijziging in effect) owes its realisation.
    let missing = r
        .org
        .nodes
        .iter()
        .filter(|n| r.amended.own.contains_key(&n.id) && !r.realised.own.contains_key(&n.id))
        .map(|n| n.id.clone())
        .collect();
    Settlement { jaar: y, perspectives, financiers: totals, against_amended, integral, missing }
}

fn amended_result(p: &str, amended: Money, realised: Money) -> AmendedResult {
    let result = amended.decimal().checked_sub(realised.decimal()).expect("result within range");
    // The same percentage as the variance's (realised − amended), with the result's sign.
    let percent = variance_percent(amended, realised).map(|p| -p);
    AmendedResult { beleidsdoel: p.to_string(), amended, realised, result, percent }
}
