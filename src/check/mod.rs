//! Stage `check`: the contract's rules over the validated tree. Pure: takes the `Tree` and
//! the reference date, hands on every finding (never stopping at the first).

pub mod accepted;
mod afspraken;
pub mod budget;
mod calendar;
mod completeness;
mod cx;
mod effecten;
mod inyear;
mod line;
mod ontvangsten;
mod refs;
pub mod vergadering;

use crate::diag::Diagnostic;
use crate::model::Tree;
use cx::Ctx;
use jiff::civil::Date;

/// Runs every rule family over the tree.
pub fn rules(tree: &Tree, peildatum: Date) -> Vec<Diagnostic> {
    let mut cx = Ctx { tree, st: tree.stelsel.as_ref(), peildatum, out: Vec::new() };
    refs::stelsel(&mut cx);
    refs::submissions(&mut cx);
    completeness::rules(&mut cx);
    inyear::rules(&mut cx);
    budget::rules(&mut cx);
    calendar::rules(&mut cx);
    ontvangsten::rules(&mut cx);
    afspraken::rules(&mut cx);
    vergadering::rules(&mut cx);
    effecten::rules(&mut cx);
    accepted::rules(&mut cx);
    cx.out
}
