//! The document head: kind, title, years, reference date and the CONCEPT mark.

use super::Ctx;
use crate::model::{CycleDoc, Header, Status, Year};
use crate::nl;
use serde::Serialize;

/// The `document` object.
#[derive(Clone, Debug, Serialize)]
pub struct Head {
    /// `meerjarenplan`, `jaarplan` or `jaarrekening`.
    pub soort: &'static str,
    /// The title.
    pub titel: String,
    /// The subtitle.
    pub ondertitel: String,
    /// The construct's name.
    pub stelsel: String,
    /// The cycle year (jaarrekening: the year accounted for).
    pub jaar: Year,
    /// The year columns.
    pub jaren: Vec<Year>,
    /// The reference date, in words.
    pub peildatum: String,
    /// Whether any input file of the document is a concept.
    pub concept: bool,
    /// `CONCEPT` or `DEFINITIEF`.
    pub status: &'static str,
    /// The concept input files, relative to the data root, sorted.
    pub concept_bronnen: Vec<String>,
    /// Program name and version.
    pub programma: String,
}

/// The head of the document.
pub fn head(cx: &Ctx) -> Head {
    let y = cx.r.jaar;
    let titel = match cx.kind {
        CycleDoc::Meerjarenplan => format!("Meerjarenplan en meerjarenbegroting {y}–{}", y + 3),
        CycleDoc::Jaarplan => format!("Jaarplan en jaarbegroting {y}"),
        CycleDoc::Jaarrekening => format!("Jaarrekening en verantwoording {y}"),
    };
    let bronnen = concept_files(cx);
    Head {
        soort: cx.kind.as_str(),
        titel,
        ondertitel: format!("{} — integraal, alle perspectieven", cx.st.naam),
        stelsel: cx.st.naam.clone(),
        jaar: y,
        jaren: cx.jaren.clone(),
        peildatum: nl::date(cx.peildatum),
        concept: !bronnen.is_empty(),
        status: if bronnen.is_empty() { "DEFINITIEF" } else { "CONCEPT" },
        concept_bronnen: bronnen,
        programma: format!("jaarcyclus {}", env!("CARGO_PKG_VERSION")),
    }
}

/// The input files of year Y the document is made from that have status concept: plan and
/// begroting for the plans; for the jaarrekening also the realisatie.
fn concept_files(cx: &Ctx) -> Vec<String> {
    let mut out = Vec::new();
    for n in &cx.r.org.nodes {
        let Some(sub) = cx.tree.submission(cx.r.jaar, &n.id) else { continue };
        let mut files: Vec<(&Header, &str)> = Vec::new();
        files.extend(sub.plan.as_ref().map(|p| (&p.header, p.file.as_str())));
        files.extend(sub.begroting.as_ref().map(|b| (&b.header, b.file.as_str())));
        if cx.kind == CycleDoc::Jaarrekening {
            files.extend(sub.realisatie.as_ref().map(|r| (&r.header, r.file.as_str())));
        }
        out.extend(files.into_iter().filter(|(h, _)| h.status == Status::Concept).map(|(_, f)| f.to_string()));
    }
    out.sort();
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
