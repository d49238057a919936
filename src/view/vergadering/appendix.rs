//! The cycle documents an agenda names, appended to the pack: which, lettered how, whether
//! they can be made (a year folder must exist; a jaarrekening needs realisations), and where
//! they go.

use crate::model::{CycleDoc, Doc, Tree, Vergadering, Year};
use crate::view::text::letter;
use serde::Serialize;

/// An appended cycle document.
#[derive(Clone, Debug, Serialize)]
pub struct BijlageView {
    /// `A`, `B`, …
    pub letter: String,
    /// The document's title.
    pub titel: String,
    /// Its separate PDF, relative to the meeting folder.
    pub bestand: String,
    /// Its main file inside the pack's typst sources.
    pub pad: String,
    /// The agenda items that refer to it.
    pub agendapunten: Vec<i64>,
    /// Whether it is made from concept submissions: the pack's cover then says CONCEPT.
    pub concept: bool,
}

/// A cycle document to append: what it is and whether it can be made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bijlage {
    /// `A`, `B`, …
    pub letter: String,
    /// The kind of document.
    pub kind: Doc,
    /// Its cycle year.
    pub jaar: Year,
    /// The agenda items that name it.
    pub agendapunten: Vec<i64>,
    /// Why it cannot be made (`None`: it can).
    pub ontbreekt: Option<String>,
    /// Whether any submission it is made from has status concept.
    pub concept: bool,
}

impl Bijlage {
    /// The document's title, as on its cover.
    pub fn titel(&self) -> String {
        self.kind.title(self.jaar)
    }

    /// Its file name, as `build` names it.
    pub fn file_name(&self) -> String {
        self.kind.file_name(self.jaar)
    }

    /// The appendix as the view shows it.
    pub fn view(&self) -> BijlageView {
        BijlageView {
            letter: self.letter.clone(),
            titel: self.titel(),
            bestand: format!("bijlagen/{}", self.file_name()),
            pad: format!("bijlage-{}/{}.typ", self.letter.to_lowercase(), self.kind.as_str()),
            agendapunten: self.agendapunten.clone(),
            concept: self.concept,
        }
    }
}

/// The cycle documents the agenda names, once each, lettered in agenda order.
pub fn bijlagen(tree: &Tree, v: &Vergadering) -> Vec<Bijlage> {
    let mut out: Vec<Bijlage> = Vec::new();
    for item in &v.agenda {
        let (Some(kind), Some(jaar)) =
            (item.stuk.and_then(|s| s.doc(item.kwartaal)), item.jaar.as_ref().map(|j| j.value))
        else {
            continue;
        };
        if let Some(b) = out.iter_mut().find(|b| b.kind == kind && b.jaar == jaar) {
            b.agendapunten.push(item.id.value);
            continue;
        }
        let subs = tree.years.get(&jaar);
        let ontbreekt = match subs {
            None => Some(format!("er is geen jaarmap {jaar}")),
            Some(m) if kind == Doc::Cycle(CycleDoc::Jaarrekening) && !m.values().any(|s| s.realisatie.is_some()) => {
                Some(format!("er zijn nog geen realisaties over {jaar}"))
            }
            Some(m) if matches!(kind, Doc::Voortgang(k) if !m.values().any(|s| s.voortgang.contains_key(&k))) => {
                Some(format!("er zijn nog geen voortgangsrapportages over dit kwartaal van {jaar}"))
            }
            _ => None,
        };
        let concept = ontbreekt.is_none() && !crate::check::vergadering::concept_sources(tree, kind, jaar).is_empty();
        out.push(Bijlage {
            letter: letter(out.len()),
            kind,
            jaar,
            agendapunten: vec![item.id.value],
            ontbreekt,
            concept,
        });
    }
    out
}
