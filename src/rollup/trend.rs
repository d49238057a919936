//! The trend of the year in execution (contract §14): the prognosis after each quarter of Y
//! with reports, up to quarter k — per perspective integral and per party — the change since
//! quarter k−1, and the lines whose prognosis changed most since then. Read from the progress
//! of every quarter (`Rollup::progress`, computed once); nothing is recomputed, so the trend
//! equals each quarter's own report.

use super::progress::{Figures, PerPerspective, Progress, ProgressLine};
use crate::model::Money;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// At most this many lines in the list of the largest changes.
pub const TREND_LINES: usize = 10;

/// The prognosis of one party or level after one quarter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrendPoint {
    /// The quarter.
    pub kwartaal: u8,
    /// The prognosis for all of Y after it.
    pub prognose: Money,
    /// The parties counted with their amended budget: no report for the quarter (§11).
    pub onbekend: usize,
    /// The lines counted with their amended budget: added after the quarter, not reported (§14).
    pub later: usize,
}

/// The prognosis of a party or level over the quarters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrendRow {
    /// The party; `None` for every party together (integral).
    pub party: Option<String>,
    /// The perspective; `""` for all perspectives together.
    pub beleidsdoel: String,
    /// One point per quarter of [`Trend::kwartalen`].
    pub punten: Vec<TrendPoint>,
    /// The prognosis after quarter k minus that after quarter k−1 (`None`: k−1 has no reports).
    pub verandering: Option<Decimal>,
}

/// A line whose prognosis changed since quarter k−1.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrendLine {
    /// The party.
    pub party: String,
    /// The line.
    pub line: ProgressLine,
    /// Its prognosis after quarter k−1.
    pub vorige: Money,
    /// Whether that prognosis is the amended budget (no report, or a line added later).
    pub vorige_zonder_rapportage: bool,
    /// Whether its prognosis after quarter k is the amended budget (no report, or added later).
    pub zonder_rapportage: bool,
    /// Its prognosis after quarter k minus that after k−1.
    pub verandering: Decimal,
}

/// The trend up to quarter k of Y.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Trend {
    /// Quarter k.
    pub kwartaal: u8,
    /// The quarters with reports up to and including k, ascending (k always last).
    pub kwartalen: Vec<u8>,
    /// Quarter k−1 when it has reports: the change is measured against it.
    pub vorige: Option<u8>,
    /// Every party together, per perspective (`""`: all), in perspective id order.
    pub integral: Vec<TrendRow>,
    /// Per party in tree order, per perspective (`""` first: all of the party's).
    pub parties: Vec<TrendRow>,
    /// Every line whose prognosis changed since k−1, largest absolute change first (ties in
    /// tree and line order).
    pub lines: Vec<TrendLine>,
}

impl Trend {
    /// Whether there is an earlier quarter to compare with.
    pub fn any(&self) -> bool {
        self.kwartalen.len() > 1
    }

    /// The lines that changed most: at most [`TREND_LINES`].
    pub fn top(&self) -> &[TrendLine] {
        &self.lines[..self.lines.len().min(TREND_LINES)]
    }
}

fn point(k: u8, f: Option<&Figures>) -> TrendPoint {
    let f = f.cloned().unwrap_or_default();
    TrendPoint { kwartaal: k, prognose: f.prognose, onbekend: f.onbekend, later: f.later }
}

fn rows(party: Option<&str>, quarters: &[(u8, Option<&PerPerspective>)], vorige: Option<u8>) -> Vec<TrendRow> {
    let mut ids: Vec<&String> = quarters.iter().flat_map(|(_, m)| m.iter().flat_map(|m| m.keys())).collect();
    ids.sort();
    ids.dedup();
    ids.into_iter()
        .map(|id| {
            let punten: Vec<TrendPoint> = quarters.iter().map(|(k, m)| point(*k, m.and_then(|m| m.get(id)))).collect();
            let at = |k: u8| punten.iter().find(|p| p.kwartaal == k).map(|p| p.prognose.decimal());
            let now = punten.last().map(|p| p.prognose.decimal()).unwrap_or_default();
            TrendRow {
                party: party.map(str::to_string),
                beleidsdoel: id.clone(),
                verandering: vorige.and_then(at).map(|v| now - v),
                punten,
            }
        })
        .collect()
}

/// The trend up to `current`'s quarter from the progress of the earlier quarters with reports
/// (`all`; an entry for the current quarter itself is not read: `current` is).
pub fn trend(all: &BTreeMap<u8, Progress>, current: &Progress) -> Trend {
    let k = current.kwartaal;
    let mut quarters: Vec<&Progress> = all.range(..k).map(|(_, p)| p).collect();
    quarters.push(current);
    let kwartalen: Vec<u8> = quarters.iter().map(|p| p.kwartaal).collect();
    let vorige = k.checked_sub(1).filter(|j| all.contains_key(j));
    let integral = rows(None, &quarters.iter().map(|p| (p.kwartaal, Some(&p.integral))).collect::<Vec<_>>(), vorige);
    // Per quarter, each party's figures by id (a search per party was quadratic).
    let by_party: Vec<BTreeMap<&str, &PerPerspective>> =
        quarters.iter().map(|p| p.parties.iter().rev().map(|x| (x.party.as_str(), &x.own)).collect()).collect();
    let mut parties = Vec::new();
    for party in &current.parties {
        let own: Vec<(u8, Option<&PerPerspective>)> =
            quarters.iter().zip(&by_party).map(|(p, m)| (p.kwartaal, m.get(party.party.as_str()).copied())).collect();
        parties.extend(rows(Some(&party.party), &own, vorige));
    }
    let lines = vorige.and_then(|j| all.get(&j)).map(|prev| changed(prev, current)).unwrap_or_default();
    Trend { kwartaal: k, kwartalen, vorige, integral, parties, lines }
}

/// Every line whose prognosis differs between `prev` and `current`, sorted.
fn changed(prev: &Progress, current: &Progress) -> Vec<TrendLine> {
    let mut out = Vec::new();
    let earlier: BTreeMap<&str, _> = prev.parties.iter().rev().map(|x| (x.party.as_str(), x)).collect();
    for (pi, party) in current.parties.iter().enumerate() {
        let Some(before) = earlier.get(party.party.as_str()) else { continue };
        let by_id: BTreeMap<&str, &ProgressLine> = before.lines.iter().map(|l| (l.id.as_str(), l)).collect();
        for (li, l) in party.lines.iter().enumerate() {
            let Some(b) = by_id.get(l.id.as_str()) else { continue };
            let verandering = l.prognose.decimal() - b.prognose.decimal();
            if verandering.is_zero() {
                continue;
            }
            let line = TrendLine {
                party: party.party.clone(),
                line: l.clone(),
                vorige: b.prognose,
                vorige_zonder_rapportage: before.report.is_none() || b.later,
                zonder_rapportage: party.report.is_none() || l.later,
                verandering,
            };
            out.push(((std::cmp::Reverse(verandering.abs()), pi, li), line));
        }
    }
    out.sort_by_key(|a| a.0);
    out.into_iter().map(|(_, l)| l).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rollup::PartyProgress;

    fn line(id: &str, prognose: i64) -> ProgressLine {
        let m = Money::from_decimal(Decimal::from(prognose));
        ProgressLine {
            id: id.into(),
            omschrijving: id.into(),
            beleidsdoel: "beheer".into(),
            feature: None,
            begroting: m,
            mutaties: Decimal::ZERO,
            gewijzigd: m,
            besteed: Some(Money::ZERO),
            prognose: m,
            toelichting: None,
            maatstaf: m,
            later: false,
            signaal: false,
        }
    }

    type Party<'a> = (&'a str, bool, Vec<(String, i64)>);

    fn lines(xs: &[(&str, i64)]) -> Vec<(String, i64)> {
        xs.iter().map(|(id, p)| (id.to_string(), *p)).collect()
    }

    fn quarter(k: u8, parties: &[Party]) -> Progress {
        let parties: Vec<PartyProgress> = parties
            .iter()
            .map(|(id, report, lines)| {
                let lines: Vec<ProgressLine> = lines.iter().map(|(l, p)| line(l, *p)).collect();
                let mut own = PerPerspective::new();
                for l in &lines {
                    for key in ["beheer", ""] {
                        let f = own.entry(key.to_string()).or_default();
                        f.prognose = f.prognose + l.prognose;
                        f.onbekend = usize::from(!report);
                    }
                }
                PartyProgress {
                    party: id.to_string(),
                    report: report.then(|| format!("{id}-q{k}")),
                    lines,
                    own,
                    results: Vec::new(),
                }
            })
            .collect();
        let mut integral = PerPerspective::new();
        for p in &parties {
            for (key, f) in &p.own {
                let t = integral.entry(key.clone()).or_default();
                t.prognose = t.prognose + f.prognose;
                t.onbekend += f.onbekend;
            }
        }
        Progress {
            jaar: 2026,
            kwartaal: k,
            parties,
            consolidated: BTreeMap::new(),
            integral,
            in_effect: Vec::new(),
            proposed: Vec::new(),
        }
    }

    /// Largest absolute change first; equal changes in tree order, then line order; unchanged
    /// lines left out; at most ten in the top; the change per level is k minus k−1.
    #[test]
    fn largest_change_first_ties_in_tree_and_line_order() {
        let q1 = quarter(1, &[("a", true, lines(&[("A1", 100), ("A2", 100)])), ("b", false, lines(&[("B1", 50)]))]);
        let many: Vec<(String, i64)> = (0..12).map(|i| (format!("C{i:02}"), 1000)).collect();
        let moved: Vec<(String, i64)> = many.iter().map(|(id, p)| (id.clone(), p + 5)).collect();
        let a2 = lines(&[("A1", 90), ("A2", 130)]);
        let b = lines(&[("B1", 80), ("B2", 7)]);
        let q2c = quarter(2, &[("a", true, a2), ("b", true, b.clone()), ("c", true, many.clone())]);
        let q3 = quarter(3, &[("a", true, lines(&[("A1", 120), ("A2", 100)])), ("b", true, b), ("c", true, moved)]);
        let all: BTreeMap<u8, Progress> = [(1, q1.clone()), (2, q2c.clone()), (3, q3.clone())].into();
        let t = trend(&all, &q3);
        assert_eq!(t.kwartalen, vec![1, 2, 3]);
        assert_eq!(t.vorige, Some(2));
        let order: Vec<(&str, &str)> = t.lines.iter().map(|l| (l.party.as_str(), l.line.id.as_str())).collect();
        assert_eq!(order[..2], [("a", "A1"), ("a", "A2")]);
        assert_eq!(t.lines.len(), 14, "unchanged lines are left out");
        assert_eq!(order[2..], many.iter().map(|(id, _)| ("c", id.as_str())).collect::<Vec<_>>()[..]);
        assert_eq!(t.top().len(), TREND_LINES);
        assert_eq!(t.lines[1].verandering, Decimal::from(-30));
        // Integral: q1 counts b without a report (marked); the change is q3 (220 + 87 + 12 060)
        // minus q2 (220 + 87 + 12 000).
        let all_row = t.integral.iter().find(|r| r.beleidsdoel.is_empty()).unwrap();
        assert_eq!(all_row.punten.iter().map(|p| p.onbekend).collect::<Vec<_>>(), [1, 0, 0]);
        assert_eq!(all_row.punten[0].prognose, Money::from_decimal(Decimal::from(250)));
        assert_eq!(all_row.verandering, Some(Decimal::from(60)));
        let b = t.parties.iter().find(|r| r.party.as_deref() == Some("b") && r.beleidsdoel.is_empty()).unwrap();
        assert_eq!(b.verandering, Some(Decimal::ZERO));
        // Without the reports of the previous quarter there is no change and no list.
        let gap: BTreeMap<u8, Progress> = [(1, q1), (3, q3.clone())].into();
        let t = trend(&gap, &q3);
        assert_eq!((t.kwartalen.clone(), t.vorige, t.lines.len()), (vec![1, 3], None, 0));
        assert!(t.integral.iter().all(|r| r.verandering.is_none()));
    }
}
