//! The document head: kind, title, years, reference date and the CONCEPT mark.

use super::cx::Ctx;
use crate::model::{CycleDoc, Year};
use crate::nl;
use serde::Serialize;

/// The `document` object: what the house style's cover and running header read, for a cycle
/// document and for a meeting document alike.
#[derive(Clone, Debug, Serialize)]
pub struct Head {
    /// `meerjarenplan`, `jaarplan`, `jaarrekening` or `vergadering`.
    pub soort: &'static str,
    /// The title.
    pub titel: String,
    /// The subtitle.
    pub ondertitel: String,
    /// The construct's name.
    pub stelsel: String,
    /// The cycle year (jaarrekening: the year accounted for; a meeting: its cycle year).
    pub jaar: Option<Year>,
    /// The year columns.
    pub jaren: Vec<Year>,
    /// The reference date, in words.
    pub peildatum: String,
    /// Whether any input file of the document is a concept.
    pub concept: bool,
    /// The status word of the cover and the running header: what the board can rely on.
    /// `Concept` when any input is a concept, else what the document is offered for ("Ter
    /// vaststelling"; a progress report "Ter kennisneming"). Never "definitief" or "vastgesteld":
    /// no file records that a board adopted a document. For a meeting: the board and date.
    pub status: String,
    /// The concept input files, relative to the data root, sorted.
    pub concept_bronnen: Vec<String>,
    /// Program name and version.
    pub programma: String,
}

/// The head of the document.
pub fn head(cx: &Ctx) -> Head {
    let y = cx.r.jaar;
    let titel = cx.kind.title(y);
    let bronnen = concept_files(cx);
    Head {
        soort: cx.kind.as_str(),
        titel,
        ondertitel: format!("{} — integraal, alle perspectieven", cx.st.naam),
        stelsel: cx.st.naam.clone(),
        jaar: Some(y),
        jaren: cx.jaren.clone(),
        peildatum: nl::date(cx.peildatum),
        concept: !bronnen.is_empty(),
        status: status(!bronnen.is_empty(), "Ter vaststelling"),
        concept_bronnen: bronnen,
        programma: programma(),
    }
}

/// The status word of a cycle document: `Concept`, else what it is offered for.
pub fn status(concept: bool, offered_for: &str) -> String {
    if concept { "Concept".to_string() } else { offered_for.to_string() }
}

/// Program name and version, as documents state them.
pub fn programma() -> String {
    format!("jaarcyclus {}", env!("CARGO_PKG_VERSION"))
}

/// The input documents of year Y the document is made from that have status concept, in
/// words: `begroting 2027 van Strategische Beheerorganisatie (BZK)`, in tree order.
fn concept_files(cx: &Ctx) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let y = cx.r.jaar;
    for n in &cx.r.org.nodes {
        let Some(sub) = cx.tree.submission(y, &n.id) else { continue };
        out.extend(sub.concept_files(crate::model::Doc::Cycle(cx.kind)).into_iter().map(|f| cx.source(f, false)));
    }
    out
}

/// The three W-questions.
pub fn vragen(kind: CycleDoc) -> Vec<&'static str> {
    match kind {
        CycleDoc::Jaarrekening => {
            vec!["Wat hebben we bereikt?", "Wat hebben we daarvoor gedaan?", "Wat heeft het gekost?"]
        }
        _ => vec!["Wat willen we bereiken?", "Wat gaan we daarvoor doen?", "Wat mag het kosten?"],
    }
}
