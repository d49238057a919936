//! The view of the voortgangsrapportage (contract §11): the progress of quarter k of Y at
//! every level and per perspective against the amended and the capped budget, the lines off
//! track, the trend over the quarters (§14), every result's status, the wijzigingen, the
//! prognosis per feature, the deliveries and the findings — as the JSON `templates/voortgangsrapportage.typ` reads.

mod cx;
mod model;
mod parts;
mod summary;
mod trend;

pub use model::*;
pub use trend::{Verloop, VerloopCel, VerloopRegel, VerloopRij, trend_tables};

use super::cx::Base;
use super::head::{Head, programma};
use super::register;
use crate::diag::Diagnostics;
use crate::model::{Doc, Tree, quarter_end};
use crate::nl;
use crate::rollup::{Rollup, progress, trend};
use jiff::civil::Date;

/// Builds the report of quarter `k` of the roll-up's year.
pub fn build(tree: &Tree, r: &Rollup, k: u8, diags: &Diagnostics, peildatum: Date) -> Voortgangsrapportage {
    let st = tree.stelsel.as_ref().expect("a build has a stelsel");
    let y = r.jaar;
    let mut own = Diagnostics::new();
    own.extend(register::own_findings(diags, &[y]).cloned());
    // Computed with the roll-up for every quarter with reports; a quarter without any is
    // computed here (its report shows every party as not delivered).
    let computed;
    let p = match r.progress.get(&k) {
        Some(p) => p,
        None => {
            computed = progress(tree, &r.org, &st.normen, y, k, peildatum);
            &computed
        }
    };
    // The trend (§14) from the earlier quarters' own progress, as their reports show it.
    let t = trend(&r.progress, p);
    let x = Px { base: Base::new(tree, st, &own, peildatum), r, p, t: &t };
    let (signalen, signalen_begrensd) = parts::signalen(&x);
    let (resultaten, resultaten_begrensd) = parts::resultaten(&x);
    Voortgangsrapportage {
        document: head(&x),
        kwartaal: k,
        kwartaal_woord: crate::nl::ordinal(k),
        stand: nl::date(quarter_end(y, k)),
        samenvatting: summary::samenvatting(&x, &own),
        grafiek: parts::grafiek(&x),
        perspectieven: parts::perspectieven(&x),
        verloop: trend::verloop(&x),
        signalen,
        signalen_begrensd,
        resultaten,
        resultaten_begrensd,
        wijzigingen: parts::wijzigingen(&x),
        portfolio: parts::portfolio(&x),
        risicoprofiel: crate::view::risks::risicoprofiel(
            &x.base,
            r,
            r.org.nodes.len() >= crate::view::document::ABRIDGE_FROM,
        ),
        niet_aangeleverd: x.p.parties.iter().filter(|p| p.report.is_none()).map(|p| x.base.party(&p.party)).collect(),
        aanleveringen: parts::aanleveringen(&x),
        bevindingen: register::bevindingen(&x.base, &[y]),
        herkomst: crate::view::herkomst::herkomst(
            &x.base,
            Doc::Voortgang(k),
            y,
            r.org.nodes.len() >= crate::view::document::ABRIDGE_FROM,
        ),
        tabellen: [format!("voortgang-q{k}")]
            .into_iter()
            .chain(trend_tables(&t).into_iter().map(|t| t.name))
            .map(|name| format!("tabellen/{name}-{y}.csv"))
            .chain([format!("tabellen/consolidatie-{y}.xlsx")])
            .collect(),
    }
}

/// The report as pretty JSON bytes with a final newline (same input, same bytes).
pub fn json(tree: &Tree, r: &Rollup, k: u8, diags: &Diagnostics, peildatum: Date) -> Vec<u8> {
    let mut out = serde_json::to_vec_pretty(&build(tree, r, k, diags, peildatum)).expect("the view model serialises");
    out.push(b'\n');
    out
}

fn head(x: &Px) -> Head {
    let (y, k) = (x.p.jaar, x.p.kwartaal);
    let mut bronnen = Vec::new();
    for n in &x.r.org.nodes {
        let Some(sub) = x.base.tree.submission(y, &n.id) else { continue };
        bronnen.extend(sub.concept_files(Doc::Voortgang(k)).into_iter().map(|f| x.base.source(f, false)));
    }
    Head {
        soort: "voortgangsrapportage",
        titel: Doc::Voortgang(k).title(y),
        ondertitel: format!(
            "Stand na het {} kwartaal, tot en met {}",
            crate::nl::ordinal(k),
            nl::date(quarter_end(y, k))
        ),
        stelsel: x.base.st.naam.clone(),
        jaar: Some(y),
        jaren: vec![y],
        peildatum: nl::date(x.base.peildatum),
        concept: !bronnen.is_empty(),
        status: super::head::status(!bronnen.is_empty(), "Ter kennisneming"),
        concept_bronnen: bronnen,
        programma: programma(),
    }
}
