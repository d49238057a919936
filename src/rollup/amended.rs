//! The amended budget of Y at every level (contract §11): each party's begroting plus the
//! mutaties of the wijzigingen in effect at the reference date, consolidated like the begroting;
//! and the wijzigingen themselves, in effect and proposed. The jaarrekening and the
//! voortgangsrapportage read it; the plans keep the begroting.

use super::grid::Grid;
use super::org::OrgTree;
use crate::model::*;
use jiff::civil::Date;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// A wijziging, for the lists of those in effect and those proposed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WijzigingRow {
    /// The party.
    pub party: String,
    /// Its number.
    pub nummer: u32,
    /// What it changes.
    pub omschrijving: String,
    /// Adopted on (`None`: proposed).
    pub vastgesteld_op: Option<Date>,
    /// The sum of its mutaties.
    pub totaal: Decimal,
    /// The number of lines it changes.
    pub regels: usize,
    /// Its status is concept.
    pub concept: bool,
}

/// The amended budget of Y per perspective at every level, and the wijzigingen of Y.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Amended {
    /// Own amended budget per party with a begroting or a wijziging in effect (year Y only).
    pub own: BTreeMap<String, Grid>,
    /// Own plus every party below, per party of the tree.
    pub consolidated: BTreeMap<String, Grid>,
    /// Every party together.
    pub integral: Grid,
    /// The wijzigingen in effect at the reference date, in tree and number order.
    pub in_effect: Vec<WijzigingRow>,
    /// Those present but not in effect (proposed; not counted).
    pub proposed: Vec<WijzigingRow>,
}

impl Amended {
    /// Whether any wijziging is in effect.
    pub fn any(&self) -> bool {
        !self.in_effect.is_empty()
    }

    /// The total of the mutaties in effect.
    pub fn mutaties(&self) -> Decimal {
        self.in_effect.iter().map(|w| w.totaal).sum()
    }
}

/// The amended budget of `y` at `peildatum` over the tree.
pub fn amended(tree: &Tree, org: &OrgTree, y: Year, peildatum: Date) -> Amended {
    let (in_effect, proposed) = wijzigingen(tree, org, y, peildatum);
    let mut out = Amended { in_effect, proposed, ..Amended::default() };
    for n in &org.nodes {
        let Some(sub) = tree.submission(y, &n.id) else { continue };
        let lines = sub.amended(y, peildatum);
        if lines.is_empty() {
            continue;
        }
        let g = out.own.entry(n.id.clone()).or_default();
        for l in lines {
            g.add(l.beleidsdoel, y, l.amount());
        }
    }
    out.consolidated = super::totals::consolidated(org, &out.own);
    for g in out.own.values() {
        out.integral.merge(g);
    }
    out
}

/// The wijzigingen of `y` in tree and number order: those in effect at `peildatum`, and those
/// proposed.
pub fn wijzigingen(tree: &Tree, org: &OrgTree, y: Year, peildatum: Date) -> (Vec<WijzigingRow>, Vec<WijzigingRow>) {
    let (mut in_effect, mut proposed) = (Vec::new(), Vec::new());
    for n in &org.nodes {
        let Some(sub) = tree.submission(y, &n.id) else { continue };
        for w in &sub.wijzigingen {
            let row = WijzigingRow {
                party: n.id.clone(),
                nummer: w.nummer.value,
                omschrijving: w.omschrijving.clone(),
                vastgesteld_op: w.vastgesteld_op.as_ref().map(|d| d.value),
                totaal: w.total(),
                regels: w.regels.len(),
                concept: w.header.status == Status::Concept,
            };
            if w.in_effect(peildatum) { in_effect.push(row) } else { proposed.push(row) }
        }
    }
    (in_effect, proposed)
}
