//! Stage `check`: the contract's rules over the validated tree. Pure: takes the `Tree` and
//! the reference date, hands on every finding (never stopping at the first).

pub mod accepted;
mod afspraken;
pub mod budget;
mod calendar;
mod completeness;
mod cx;
mod inyear;
mod line;
pub mod meeting;
mod refs;

use crate::diag::Diagnostic;
use crate::model::Tree;
use cx::Ctx;
use jiff::civil::Date;

/// Runs every rule family over the tree.
pub fn check(tree: &Tree, peildatum: Date) -> Vec<Diagnostic> {
    let mut cx = Ctx { tree, st: tree.stelsel.as_ref(), peildatum, out: Vec::new() };
    refs::stelsel(&mut cx);
    refs::submissions(&mut cx);
    completeness::check(&mut cx);
    inyear::check(&mut cx);
    budget::check(&mut cx);
    calendar::check(&mut cx);
    afspraken::check(&mut cx);
    meeting::check(&mut cx);
    accepted::check(&mut cx);
    cx.out
}
