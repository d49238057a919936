//! Stage `view`: turns the roll-up into the data of one document (`data.json`, the shape of
//! `docs/viewmodel.md`) — every amount and date pre-formatted in Dutch — for `typeset`.

mod accounts;
mod head;
mod options;
mod plan;
mod points;
mod portfolio;
mod register;
mod summary;
mod tables;
mod text;

#[cfg(test)]
mod tests;

use crate::diag::Diagnostics;
use crate::model::{CycleDoc, Stelsel, Tree, Year};
use crate::rollup::Rollup;
use jiff::civil::Date;
use serde::Serialize;

/// The data of one document, in the field order of `docs/viewmodel.md`.
#[derive(Clone, Debug, Serialize)]
pub struct Document {
    /// Kind, title, years, date, concept mark.
    pub document: head::Head,
    /// The three W-questions of the document.
    pub vragen: Vec<&'static str>,
    /// Management summary: key figures and points in sentences.
    pub samenvatting: summary::Samenvatting,
    /// Per perspective: goals, results, outlook and costs per party.
    pub perspectieven: Vec<plan::Perspectief>,
    /// The roll-up per level.
    pub niveaus: tables::Niveaus,
    /// Cap against request per perspective and year, with the gap over the financiers.
    pub taakstellend: Vec<tables::TaakstellendView>,
    /// The financiers' names.
    pub financiers: Vec<String>,
    /// Feature-based costing.
    pub portfolio: portfolio::Portfolio,
    /// Alternatives per party and per service level.
    pub alternatieven: options::Alternatieven,
    /// Management consequences of development decisions.
    pub beheerconsequenties: options::Beheerconsequenties,
    /// The risks of the plans.
    pub risicos: Vec<options::RisicoView>,
    /// Realisation against budget (jaarrekening only).
    pub verantwoording: accounts::VerantwoordingView,
    /// The afsprakenstelsel per TBO and OBO.
    pub afspraken: Vec<register::AfspraakView>,
    /// Delivery of the documents per party.
    pub aanleveringen: Vec<register::Aanlevering>,
    /// Every finding of the check.
    pub bevindingen: Vec<register::Bevinding>,
}

/// What every part of the view needs.
pub(crate) struct Ctx<'a> {
    /// The document kind.
    pub kind: CycleDoc,
    /// The tree.
    pub tree: &'a Tree,
    /// Its stelsel.
    pub st: &'a Stelsel,
    /// The roll-up.
    pub r: &'a Rollup,
    /// The year columns of the document.
    pub jaren: Vec<Year>,
    /// The reference date.
    pub peildatum: Date,
}

impl Ctx<'_> {
    /// Whether the document is a plan (meerjarenplan or jaarplan), not the accounts.
    pub fn is_plan(&self) -> bool {
        self.kind != CycleDoc::Jaarrekening
    }
}

/// Builds the view model of one document. `r` is the roll-up of the document's year; the
/// tree must have a stelsel (a build is refused before this otherwise).
pub fn build(kind: CycleDoc, tree: &Tree, r: &Rollup, diags: &Diagnostics, peildatum: Date) -> Document {
    let fallback;
    let st = match tree.stelsel.as_ref() {
        Some(st) => st,
        None => {
            fallback = empty_stelsel();
            &fallback
        }
    };
    let jaren = if kind == CycleDoc::Meerjarenplan { r.jaren.clone() } else { vec![r.jaar] };
    let cx = Ctx { kind, tree, st, r, jaren, peildatum };
    Document {
        document: head::head(&cx),
        vragen: head::vragen(kind),
        samenvatting: summary::samenvatting(&cx, diags),
        perspectieven: plan::perspectieven(&cx),
        niveaus: tables::niveaus(&cx),
        taakstellend: tables::taakstellend(&cx),
        financiers: st.financiers.iter().map(|f| f.naam.clone()).collect(),
        portfolio: portfolio::portfolio(&cx),
        alternatieven: options::alternatieven(&cx),
        beheerconsequenties: options::beheerconsequenties(&cx),
        risicos: options::risicos(&cx),
        verantwoording: accounts::verantwoording(&cx),
        afspraken: register::afspraken(&cx),
        aanleveringen: register::aanleveringen(&cx),
        bevindingen: register::bevindingen(diags),
    }
}

/// The view model of one document as JSON (see [`build`]).
pub fn document(kind: CycleDoc, tree: &Tree, r: &Rollup, diags: &Diagnostics, peildatum: Date) -> serde_json::Value {
    serde_json::to_value(build(kind, tree, r, diags, peildatum)).expect("the view model serialises")
}

/// The view model as pretty-printed JSON bytes with a final newline: the same input gives
/// the same bytes (no maps with random order, no clock).
pub fn document_json(kind: CycleDoc, tree: &Tree, r: &Rollup, diags: &Diagnostics, peildatum: Date) -> Vec<u8> {
    let mut out =
        serde_json::to_vec_pretty(&build(kind, tree, r, diags, peildatum)).expect("the view model serialises");
    out.push(b'\n');
    out
}

fn empty_stelsel() -> Stelsel {
    Stelsel {
        naam: String::new(),
        organisaties: Vec::new(),
        financiers: Vec::new(),
        beleidsdoelen: Vec::new(),
        componenten: Vec::new(),
        features: None,
        taakstellend: Vec::new(),
        kalender: Vec::new(),
        normen: crate::model::Normen::default(),
    }
}
