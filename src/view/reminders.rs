//! Reminder letters (rappels), the cases: every party (not the SBO, which sends them) with a
//! document that is not delivered after its deadline at the reference date (E401; a file
//! without `ingediend_op` counts as not delivered). Delivered late (W401) is no reminder case.
//! The letters themselves are rendered by `typeset::letters`.

use crate::model::*;
use crate::rollup::OrgTree;
use jiff::civil::Date;

/// One party's overdue documents.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rappel {
    /// The party's id.
    pub partij: String,
    /// Its name.
    pub naam: String,
    /// Its role.
    pub rol: Rol,
    /// The documents not delivered after their deadline (`Delivery::Overdue`).
    pub stukken: Vec<Due>,
}

/// The reminder cases at `peildatum`, parties in reporting order, documents by year; the
/// second list holds the SBO's own overdue documents (it sends reminders, it gets none).
pub fn cases(tree: &Tree, st: &Stelsel, peildatum: Date) -> (Vec<Rappel>, Vec<Due>) {
    let mut out = Vec::new();
    let mut own = Vec::new();
    for n in &OrgTree::new(st).nodes {
        let stukken: Vec<Due> = tree
            .years
            .keys()
            .flat_map(|&y| tree.due(st, &n.id, n.rol, y, None, peildatum))
            .filter(|d| matches!(d.delivery, Delivery::Overdue(_)))
            .collect();
        match (n.rol, stukken.is_empty()) {
            (_, true) => {}
            (Rol::Sbo, false) => own.extend(stukken),
            (_, false) => out.push(Rappel { partij: n.id.clone(), naam: n.naam.clone(), rol: n.rol, stukken }),
        }
    }
    (out, own)
}
