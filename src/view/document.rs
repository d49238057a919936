//! The view of a cycle document (meerjarenplan, jaarplan, jaarrekening): its parts put
//! together, abridged for large stelsels, as the JSON the templates read.

use super::cx::{Base, Ctx};
use super::{
    aansluiting, aard, accounts, bound, consequences, head, herkomst, options, plan, portfolio, register, risks,
    settlement, summary, tables,
};
use crate::diag::Diagnostics;
use crate::model::{CycleDoc, Stelsel, Tree};
use crate::rollup::{Rollup, Variance};
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
    /// The begroting against the previous multi-year estimate (plans only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub aansluiting: Option<aansluiting::AansluitingView>,
    /// Cap against request per perspective and year, with the gap over the financiers.
    pub taakstellend: Vec<tables::TaakstellendView>,
    /// The request split into structural and incidental, beside the cap (plans; contract §14).
    pub aard: aard::AardView,
    /// The financiers' names.
    pub financiers: Vec<String>,
    /// Feature-based costing.
    pub portfolio: portfolio::Portfolio,
    /// Alternatives per party and per service level.
    pub alternatieven: options::Alternatieven,
    /// Management consequences of development decisions.
    pub beheerconsequenties: consequences::Beheerconsequenties,
    /// The risks of the plans.
    pub risicos: Vec<options::RisicoView>,
    /// The risks weighted: per perspective and party, the largest, the weerstandsvermogen
    /// (plans; contract §14).
    pub risicoprofiel: risks::Risicoprofiel,
    /// Realisation against budget (jaarrekening only).
    pub verantwoording: accounts::VerantwoordingView,
    /// The result and its settlement with the financiers (jaarrekening only, contract §14).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verrekening: Option<settlement::Verrekening>,
    /// The afsprakenstelsel per TBO and OBO.
    pub afspraken: Vec<register::AfspraakView>,
    /// Delivery of the documents per party.
    pub aanleveringen: Vec<register::Aanlevering>,
    /// Every finding of the check.
    pub bevindingen: register::Bevindingen,
    /// The appendix: the files the document is made from, with their hashes.
    pub herkomst: herkomst::HerkomstView,
    /// Set when the document is abridged (a large stelsel): what the body leaves out and where
    /// the detail is. Absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ingekort: Option<Ingekort>,
}

/// From this many parties on a document is abridged: the tables per party in the body show
/// the SBO and the TBOs (costs per TBO with the parties below it added up, the accounts only
/// the lines outside the norm), and the detail goes to the spreadsheets next to the PDF.
/// Without this a thousand-party jaarplan runs to thousands of pages.
pub const ABRIDGE_FROM: usize = 40;

/// What an abridged document leaves out of its body, and where it is.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Ingekort {
    /// Parties in the stelsel.
    pub partijen: usize,
    /// How many parties the lists per party show (the SBO and TBOs, or with many TBOs only the
    /// SBO).
    pub bovenliggend: usize,
    /// Who those are, in words: "het SBO en de TBO's" or "het SBO".
    pub getoond: &'static str,
    /// Rows left out, per table.
    pub weggelaten: Weggelaten,
    /// The spreadsheets with the full detail, relative to the document's folder.
    pub bestanden: Vec<String>,
}

/// Rows left out of an abridged document, per table.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Weggelaten {
    /// Goals of OBOs.
    pub doelen: usize,
    /// Results of OBOs.
    pub resultaten: usize,
    /// Outlook entries of OBOs.
    pub doorkijk: usize,
    /// Cost rows folded into their TBO.
    pub kosten: usize,
    /// Parties' alternatives (OBOs).
    pub alternatieven: usize,
    /// Risks of OBOs.
    pub risicos: usize,
    /// Management consequences of OBOs.
    pub beheerconsequenties: usize,
    /// Realisation lines within the norm.
    pub regels: usize,
    /// Realisation lines above the norm past `bound::ABOVE_NORM_MAX` (added up in
    /// `verantwoording.overig`).
    pub boven_norm: usize,
    /// Parties whose afsprakenstelsel gives no signal.
    pub afspraken: usize,
    /// Deliveries on time or not required.
    pub aanleveringen: usize,
    /// Own-total rows of OBOs in the roll-up per level (all tables together; their totals stay
    /// in the consolidated rows of their TBOs).
    pub niveaus: usize,
}

/// Builds the view model of one document. `r` is the roll-up of the document's year; the
/// tree must have a stelsel (a build is refused before this otherwise).
pub fn build(kind: CycleDoc, tree: &Tree, r: &Rollup, diags: &Diagnostics, peildatum: Date) -> Document {
    with_ctx(kind, tree, r, diags, peildatum, r.org.nodes.len() >= ABRIDGE_FROM, document_in)
}

/// The parts of a document's view model that the website shows, never abridged however large
/// the stelsel (the site pages per party instead of leaving parties out). Made by the same
/// functions as the document's, without the tables and appendices the site does not show
/// (the file hashes of the appendix alone cost a pass over every input).
#[derive(Clone, Debug)]
pub struct SiteParts {
    /// As [`Document::samenvatting`].
    pub samenvatting: summary::Samenvatting,
    /// As [`Document::perspectieven`].
    pub perspectieven: Vec<plan::Perspectief>,
    /// As [`Document::taakstellend`].
    pub taakstellend: Vec<tables::TaakstellendView>,
    /// As [`Document::alternatieven`].
    pub alternatieven: options::Alternatieven,
    /// As [`Document::risicos`].
    pub risicos: Vec<options::RisicoView>,
    /// As [`Document::aanleveringen`].
    pub aanleveringen: Vec<register::Aanlevering>,
}

/// The [`SiteParts`] of document `kind`.
pub fn site_parts(kind: CycleDoc, tree: &Tree, r: &Rollup, diags: &Diagnostics, peildatum: Date) -> SiteParts {
    with_ctx(kind, tree, r, diags, peildatum, false, |cx, own, _| SiteParts {
        samenvatting: summary::samenvatting(cx, own),
        perspectieven: plan::perspectieven(cx),
        taakstellend: tables::taakstellend(cx),
        alternatieven: options::alternatieven(cx),
        risicos: options::risicos(cx),
        aanleveringen: register::aanleveringen(cx),
    })
}

/// Runs `f` with the context of document `kind`: the stelsel (an empty one when there is
/// none), the document's years and its findings (those about its own cycle years, and those
/// about no year).
fn with_ctx<T>(
    kind: CycleDoc,
    tree: &Tree,
    r: &Rollup,
    diags: &Diagnostics,
    peildatum: Date,
    compact: bool,
    f: impl FnOnce(&Ctx, &Diagnostics, &Stelsel) -> T,
) -> T {
    let fallback;
    let st = match tree.stelsel.as_ref() {
        Some(st) => st,
        None => {
            fallback = empty_stelsel();
            &fallback
        }
    };
    let jaren = if kind == CycleDoc::Meerjarenplan { r.jaren.clone() } else { vec![r.jaar] };
    let mut own = Diagnostics::new();
    own.extend(register::own_findings(diags, &jaren).cloned());
    let cx = Ctx { base: Base::new(tree, st, &own, peildatum), kind, r, jaren, compact };
    f(&cx, &own, st)
}

/// The whole view model of `cx`'s document.
fn document_in(cx: &Ctx, own: &Diagnostics, st: &Stelsel) -> Document {
    let (kind, compact) = (cx.kind, cx.compact);
    let mut doc = Document {
        document: head::head(cx),
        vragen: head::vragen(kind),
        samenvatting: summary::samenvatting(cx, own),
        perspectieven: plan::perspectieven(cx),
        niveaus: tables::niveaus(cx),
        aansluiting: aansluiting::aansluiting(cx),
        taakstellend: tables::taakstellend(cx),
        aard: aard::aard(cx),
        financiers: st.financiers.iter().map(|f| f.naam.clone()).collect(),
        portfolio: portfolio::portfolio(cx),
        alternatieven: options::alternatieven(cx),
        beheerconsequenties: consequences::beheerconsequenties(cx),
        risicos: options::risicos(cx),
        risicoprofiel: if cx.is_plan() { risks::risicoprofiel(cx, cx.r, compact) } else { Default::default() },
        verantwoording: accounts::verantwoording(cx),
        verrekening: (!cx.is_plan()).then(|| settlement::verrekening(cx, cx.r)),
        afspraken: register::afspraken(cx),
        aanleveringen: register::aanleveringen(cx),
        bevindingen: register::bevindingen(cx, &cx.jaren),
        herkomst: herkomst::herkomst(cx, crate::model::Doc::Cycle(kind), cx.r.jaar, compact),
        ingekort: None,
    };
    if compact {
        doc.ingekort = Some(abridge(cx, &mut doc));
    }
    doc
}

/// Leaves the rows of OBOs out of the per-party tables (the costs are already folded into
/// their TBOs by `plan::kosten`) and the realisation lines within the norm out of the accounts.
fn abridge(cx: &Ctx, doc: &mut Document) -> Ingekort {
    use crate::model::Rol;
    // The SBO and the TBOs; with many TBOs as well, only the SBO (the costs stay per TBO).
    let sbo_only = cx.r.org.nodes.iter().filter(|n| n.rol != Rol::Obo).count() >= ABRIDGE_FROM;
    let shown: std::collections::BTreeSet<&str> =
        cx.r.org
            .nodes
            .iter()
            .filter(|n| if sbo_only { n.rol == Rol::Sbo } else { n.rol != Rol::Obo })
            .map(|n| n.naam.as_str())
            .collect();
    fn keep<T>(v: &mut Vec<T>, left_out: &mut usize, f: impl Fn(&T) -> bool) {
        let before = v.len();
        v.retain(f);
        *left_out += before - v.len();
    }
    let mut w = Weggelaten::default();
    for p in &mut doc.perspectieven {
        keep(&mut p.doelen, &mut w.doelen, |x| shown.contains(x.partij.as_str()));
        keep(&mut p.resultaten, &mut w.resultaten, |x| shown.contains(x.partij.as_str()));
        keep(&mut p.doorkijk, &mut w.doorkijk, |x| shown.contains(x.partij.as_str()));
        w.kosten += p.kosten.samengevoegd;
    }
    keep(&mut doc.alternatieven.partijen, &mut w.alternatieven, |x| shown.contains(x.partij.as_str()));
    keep(&mut doc.risicos, &mut w.risicos, |x| shown.contains(x.partij.as_str()));
    keep(&mut doc.beheerconsequenties.rijen, &mut w.beheerconsequenties, |x| shown.contains(x.partij.as_str()));
    // The roll-up per level: the SBO and the TBOs (own and consolidated) and the integral row.
    let obo = Rol::Obo.as_str();
    keep(&mut doc.niveaus.rijen, &mut w.niveaus, |r| r.rol != obo);
    for p in &mut doc.niveaus.perspectieven {
        keep(&mut p.rijen, &mut w.niveaus, |r| r.rol != obo);
    }
    abridge_accounts(cx, &mut doc.verantwoording, &mut w);
    // The status tables by exception: what needs attention stays, the rest is counted.
    keep(&mut doc.afspraken, &mut w.afspraken, |a| !a.signalen.is_empty());
    keep(&mut doc.aanleveringen, &mut w.aanleveringen, |a| !matches!(a.soort, "optijd" | "nietverplicht"));
    let y = cx.r.jaar;
    let mut bestanden: Vec<String> = ["niveaus", "begrotingsregels", "doelen", "resultaten"]
        .iter()
        .chain(if cx.is_plan() {
            ["risicos", "beheerconsequenties", "alternatieven"].iter()
        } else {
            ["verantwoording"].iter()
        })
        .chain(if cx.kind == CycleDoc::Meerjarenplan { ["doorkijk"].iter() } else { [].iter() })
        .map(|t| format!("tabellen/{t}-{y}.csv"))
        .collect();
    bestanden.push(format!("tabellen/consolidatie-{y}.xlsx"));
    let getoond = if sbo_only { "het SBO" } else { "het SBO en de TBO's" };
    Ingekort { partijen: cx.r.org.nodes.len(), bovenliggend: shown.len(), getoond, weggelaten: w, bestanden }
}

/// The accounts of an abridged document: only lines above the norm, and of those at most
/// `bound::ABOVE_NORM_MAX` over all parties together (the largest deviations), the others added
/// up in `verantwoording.overig`. A party's own bound (`bound::lines`) does not apply here: the
/// lines above the norm are chosen from all of its lines.
fn abridge_accounts(cx: &Ctx, v: &mut accounts::VerantwoordingView, w: &mut Weggelaten) {
    if cx.is_plan() {
        return;
    }
    let parties = &cx.r.verantwoording.parties;
    let above: Vec<Vec<&Variance>> =
        parties.iter().map(|p| p.lines.iter().filter(|l| l.above_norm).collect()).collect();
    w.regels += parties.iter().map(|p| p.lines.len()).sum::<usize>() - above.iter().map(Vec::len).sum::<usize>();
    let (keep, overig) = match bound::above_norm(&above) {
        Some((keep, b)) => (keep, Some(b)),
        None => (above.iter().map(|ls| (0..ls.len()).collect()).collect(), None),
    };
    for ((view, ls), k) in v.partijen.iter_mut().zip(&above).zip(keep) {
        view.regels = k.iter().map(|&i| accounts::regel(cx, ls[i])).collect();
        view.overig = None;
    }
    w.boven_norm = overig.as_ref().map_or(0, |b| b.aantal);
    v.overig = overig;
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
        weerstandscapaciteit: Default::default(),
    }
}
