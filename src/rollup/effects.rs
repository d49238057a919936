//! Decisions as effects over a baseline (contract §13): for a decision item on one perspective,
//! per year of its horizon, the position without the decision (the baseline, and where it comes
//! from), each alternative's effect split into structural and incidental, the position after,
//! the cap, the difference after, and the part of it the decision itself causes, split over the
//! financiers. The one place these figures are computed; the besluitnota only shows them.

use super::allocate::allocate;
use super::year::Rollup;
use crate::model::{Aard, AgendaAlternatief, Agendapunt, Stelsel, Tree, Wijziging, Year};
use jiff::civil::Date;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// Where a year's baseline comes from (§13, rules 1–3).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grondslag {
    /// The prognosis after quarter `kwartaal` of `jaar` (rule 1).
    Prognose {
        /// The year.
        jaar: Year,
        /// The latest quarter with a report.
        kwartaal: u8,
    },
    /// The amended budget of `jaar` (rule 2).
    Gewijzigd {
        /// The year.
        jaar: Year,
    },
    /// The estimate in the begrotingen of cycle year `cyclusjaar` (rule 3).
    Raming {
        /// The cycle year whose begrotingen hold the estimate.
        cyclusjaar: Year,
    },
    /// No submission covers the year.
    Geen,
}

/// One year of one alternative.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EffectYear {
    /// The year.
    pub jaar: Year,
    /// The position without the decision; `None` when no submission covers the year.
    pub baseline: Option<Decimal>,
    /// Where the baseline comes from.
    pub grondslag: Grondslag,
    /// The structural part of the effect in this year (structural effects of this and earlier years).
    pub structureel: Decimal,
    /// The incidental part (incidental effects of this year).
    pub incidenteel: Decimal,
    /// Baseline + effect.
    pub na: Option<Decimal>,
    /// The perspective's capped budget; `None`: "geen taakstellend budget".
    pub cap: Option<Decimal>,
    /// After − cap.
    pub verschil_na: Option<Decimal>,
    /// The part of the overrun the decision causes: max(0, after − cap) − max(0, baseline − cap).
    pub eigen_deel: Option<Decimal>,
    /// That part over the financiers by the perspective's key (only when it is positive).
    pub per_financier: Vec<(String, Decimal)>,
}

impl EffectYear {
    /// The whole effect: structural plus incidental.
    pub fn effect(&self) -> Decimal {
        self.structureel + self.incidenteel
    }
}

/// The budget amendment an item decides on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Amendment {
    /// The party.
    pub organisatie: String,
    /// Its number.
    pub nummer: u32,
    /// What it changes.
    pub omschrijving: String,
    /// When the board adopted it, when it did (then it is in effect at the reference date or later).
    pub vastgesteld_op: Option<Date>,
    /// Its lines in the item's perspective: (id, mutatie, aard, toelichting).
    pub regels: Vec<(String, Decimal, Aard, String)>,
    /// The latest prognosis for its year (rule 1), unchanged by the decision, when reports exist.
    pub prognose: Option<(Decimal, Grondslag)>,
}

/// The effects of every alternative of one item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemEffects {
    /// The perspective.
    pub beleidsdoel: String,
    /// The years, from the item's year to the last estimate year.
    pub horizon: Vec<Year>,
    /// Per alternative, in the item's order: one entry per year of the horizon.
    pub alternatives: Vec<Vec<EffectYear>>,
    /// The amendment decided on, for an item that names one.
    pub amendment: Option<Amendment>,
}

/// The latest cycle year that has begrotingen.
pub fn latest_budget_year(tree: &Tree) -> Option<Year> {
    tree.years.iter().rev().find(|(_, m)| m.values().any(|s| s.begroting.is_some())).map(|(y, _)| *y)
}

/// The cycle years whose roll-ups [`item_effects`] reads for `item`: every year of its horizon
/// that is a cycle year with submissions, and the cycle years whose estimates cover it.
pub fn years_needed(tree: &Tree, item: &Agendapunt) -> Vec<Year> {
    let (Some(jaar), Some(last)) = (item.jaar.as_ref().map(|j| j.value), latest_budget_year(tree)) else {
        return Vec::new();
    };
    let first = jaar.saturating_sub(3);
    tree.years.keys().copied().filter(|y| (first..=last).contains(y)).collect()
}

/// Whether `item` is decided as effects over a baseline (§13): every alternative gives
/// `effecten`, or the item names a `wijziging`.
pub fn is_effect_item(item: &Agendapunt) -> bool {
    item.wijziging.is_some()
        || (!item.alternatieven.is_empty() && item.alternatieven.iter().all(|a| a.effecten.is_some()))
}

/// The effects of `item`'s alternatives, or `None` when it is no effect item or lacks its
/// perspective or year (E003, reported by `check`). `rollups` holds at least the years of
/// [`years_needed`].
pub fn item_effects(
    tree: &Tree,
    rollups: &BTreeMap<Year, Rollup>,
    item: &Agendapunt,
    peildatum: Date,
) -> Option<ItemEffects> {
    if !is_effect_item(item) {
        return None;
    }
    let st = tree.stelsel.as_ref()?;
    let p = item.beleidsdoel.as_ref()?.value.as_str();
    let jaar = item.jaar.as_ref()?.value;
    let last = latest_budget_year(tree)?;
    let horizon: Vec<Year> = (jaar..=last + 3).collect();
    let w = item.wijziging.as_ref().and_then(|r| {
        let n = r.nummer.value;
        let w = tree.submission(jaar, &r.organisatie.value)?.wijzigingen.iter().find(|w| w.nummer.value == n)?;
        Some((r.organisatie.value.as_str(), w))
    });
    let amendment = match (&item.wijziging, w) {
        (Some(_), Some((org, w))) => Some(amendment(tree, rollups, org, w, p, jaar)),
        (Some(_), None) => return None,
        (None, _) => None,
    };
    let baselines: Vec<(Option<Decimal>, Grondslag)> = horizon
        .iter()
        .map(|&y| match &amendment {
            // A wijziging changes the budget: its year's baseline is the amended budget without it.
            Some(a) if y == jaar => {
                (amended_without(rollups, p, y, a, w.map(|(_, w)| w), peildatum), Grondslag::Gewijzigd { jaar: y })
            }
            _ => baseline(tree, rollups, p, y),
        })
        .collect();
    let alternatives = item
        .alternatieven
        .iter()
        .map(|alt| {
            let effects = match &amendment {
                Some(a) => adopted(a, alt, jaar),
                None => alt.effecten.iter().flatten().map(|e| (e.jaar.value, e.bedrag, e.aard)).collect(),
            };
            horizon
                .iter()
                .zip(&baselines)
                .map(|(&y, &(base, grondslag))| year(st, p, y, base, grondslag, &effects))
                .collect()
        })
        .collect();
    Some(ItemEffects { beleidsdoel: p.to_string(), horizon, alternatives, amendment })
}

/// The baseline of perspective `p` for year `y` at the reference date of the roll-ups (§13).
pub fn baseline(tree: &Tree, rollups: &BTreeMap<Year, Rollup>, p: &str, y: Year) -> (Option<Decimal>, Grondslag) {
    if let Some(r) = rollups.get(&y) {
        if let Some((&k, progress)) = r.progress.last_key_value() {
            let prognose = progress.integral.get(p).map(|f| f.prognose.decimal()).unwrap_or_default();
            return (Some(prognose), Grondslag::Prognose { jaar: y, kwartaal: k });
        }
        if tree.years.get(&y).is_some_and(|m| m.values().any(|s| s.begroting.is_some())) {
            return (Some(r.amended.integral.get(p, y).decimal()), Grondslag::Gewijzigd { jaar: y });
        }
    }
    let covering = tree
        .years
        .iter()
        .rev()
        .filter(|(c, m)| (**c..=**c + 3).contains(&y) && **c <= y && m.values().any(|s| s.begroting.is_some()))
        .map(|(c, _)| *c)
        .next();
    match covering.and_then(|c| rollups.get(&c).map(|r| (c, r))) {
        Some((c, r)) => (Some(r.integral.get(p, y).decimal()), Grondslag::Raming { cyclusjaar: c }),
        None => (None, Grondslag::Geen),
    }
}

/// One year of one alternative from its effects (year, amount, aard).
fn year(
    st: &Stelsel,
    p: &str,
    y: Year,
    baseline: Option<Decimal>,
    grondslag: Grondslag,
    effects: &[(Year, Decimal, Aard)],
) -> EffectYear {
    let structureel: Decimal =
        effects.iter().filter(|(j, _, a)| *a == Aard::Structureel && *j <= y).map(|(_, b, _)| *b).sum();
    let incidenteel: Decimal =
        effects.iter().filter(|(j, _, a)| *a == Aard::Incidenteel && *j == y).map(|(_, b, _)| *b).sum();
    let entry = st.taakstellend.iter().find(|t| t.beleidsdoel.value == p);
    let cap = entry.and_then(|t| t.bedragen.get(&y)).map(|m| m.value.decimal());
    let na = baseline.map(|b| b + structureel + incidenteel);
    let verschil_na = na.zip(cap).map(|(n, c)| n - c);
    let over = |x: Decimal, c: Decimal| (x - c).max(Decimal::ZERO);
    let eigen_deel = match (baseline, na, cap) {
        (Some(b), Some(n), Some(c)) => Some(over(n, c) - over(b, c)),
        _ => None,
    };
    let per_financier = match (eigen_deel, entry) {
        (Some(d), Some(t)) if d > Decimal::ZERO => {
            let key: Vec<(String, Decimal)> = t.verdeelsleutel.iter().map(|(f, pct)| (f.value.clone(), *pct)).collect();
            let financiers: Vec<String> = st.financiers.iter().map(|f| f.id.value.clone()).collect();
            allocate(d, &key, &financiers)
        }
        _ => Vec::new(),
    };
    EffectYear {
        jaar: y,
        baseline,
        grondslag,
        structureel,
        incidenteel,
        na,
        cap,
        verschil_na,
        eigen_deel,
        per_financier,
    }
}

/// The amendment's lines in perspective `p`, and the latest prognosis for its year.
fn amendment(tree: &Tree, rollups: &BTreeMap<Year, Rollup>, org: &str, w: &Wijziging, p: &str, y: Year) -> Amendment {
    let regels = w
        .regels
        .iter()
        .filter(|m| line_perspective(tree, org, y, w, &m.regel.value).as_deref() == Some(p))
        .filter_map(|m| Some((m.regel.value.clone(), m.mutatie.as_ref()?.value, m.aard, m.toelichting.clone())))
        .collect();
    let prognose = match baseline(tree, rollups, p, y) {
        (Some(b), g @ Grondslag::Prognose { .. }) => Some((b, g)),
        _ => None,
    };
    Amendment {
        organisatie: org.to_string(),
        nummer: w.nummer.value,
        omschrijving: w.omschrijving.clone(),
        vastgesteld_op: w.vastgesteld_op.as_ref().map(|d| d.value),
        regels,
        prognose,
    }
}

/// The perspective of a line a mutatie names: its begroting line's, or a new line's own (in
/// this wijziging or an earlier one of the party).
fn line_perspective(tree: &Tree, org: &str, y: Year, w: &Wijziging, id: &str) -> Option<String> {
    let sub = tree.submission(y, org)?;
    if let Some(r) = sub.begroting.as_ref().and_then(|b| b.regels.iter().find(|r| r.id.value == id)) {
        return Some(r.beleidsdoel.value.clone());
    }
    sub.wijzigingen
        .iter()
        .filter(|x| x.nummer.value <= w.nummer.value)
        .flat_map(|x| &x.regels)
        .filter(|m| m.regel.value == id)
        .find_map(|m| m.nieuw.as_ref().map(|n| n.beleidsdoel.value.clone()))
}

/// The amended budget of `p` for `y` without the amendment: when it is in effect at the
/// reference date, its mutaties in `p` are taken out again.
fn amended_without(
    rollups: &BTreeMap<Year, Rollup>,
    p: &str,
    y: Year,
    a: &Amendment,
    w: Option<&Wijziging>,
    peildatum: Date,
) -> Option<Decimal> {
    let r = rollups.get(&y)?;
    let amended = r.amended.integral.get(p, y).decimal();
    let in_effect = w.is_some_and(|w| w.in_effect(peildatum));
    let own: Decimal = a.regels.iter().map(|(_, m, _, _)| *m).sum();
    Some(if in_effect { amended - own } else { amended })
}

/// The effects an alternative adopts of the amendment: all its lines in the perspective when
/// it names none, else those it names (contract §13), in the amendment's year.
fn adopted(a: &Amendment, alt: &AgendaAlternatief, y: Year) -> Vec<(Year, Decimal, Aard)> {
    a.regels.iter().filter(|(id, _, _, _)| adopts(alt, id)).map(|(_, m, aard, _)| (y, *m, *aard)).collect()
}

/// Whether an alternative adopts the amendment's line `id` (all lines when it names none).
pub fn adopts(alt: &AgendaAlternatief, id: &str) -> bool {
    alt.regels.as_ref().is_none_or(|r| r.iter().any(|x| x.value == id))
}
