//! Everything read from the data root: the construct, the register, every party's
//! submission per cycle year, the meetings, and the text and hash of every file.

use super::afspraken::Afspraak;
use super::at::Year;
use super::begroting::Begroting;
use super::enums::*;
use super::plan::{Header, Plan};
use super::realisatie::Realisatie;
use super::stelsel::Stelsel;
use super::vergadering::Vergadering;
use super::voortgang::Voortgang;
use super::wijziging::Wijziging;
use std::collections::{BTreeMap, BTreeSet};

/// The text of every file read, by path relative to the data root (for showing source lines).
pub type Sources = BTreeMap<String, String>;

/// One party's files for one cycle year.
#[derive(Clone, Debug, Default)]
pub struct Submission {
    /// The plan, when present and readable.
    pub plan: Option<Plan>,
    /// The begroting, when present and readable.
    pub begroting: Option<Begroting>,
    /// The realisatie, when present and readable.
    pub realisatie: Option<Realisatie>,
    /// The budget amendments for Y, in number order (contract §11).
    pub wijzigingen: Vec<Wijziging>,
    /// The progress reports for Y, by quarter (contract §11).
    pub voortgang: BTreeMap<u8, Voortgang>,
    /// Files that exist but could not be read (already reported); suppresses follow-up findings.
    pub unreadable: BTreeSet<FileKind>,
    /// Progress reports that exist but could not be read, by the quarter in their file name.
    pub unreadable_kwartalen: BTreeSet<u8>,
    /// What the receipts of ontvangsten.yaml say about each file that has any, by file
    /// (`Tree::match_receipts`, contract §15).
    pub receipts: BTreeMap<String, super::ontvangsten::Receipt>,
}

impl Submission {
    /// The header and file of a document of this kind, when present and readable (for a
    /// progress report: of the quarter given).
    pub fn header(&self, kind: FileKind, kwartaal: Option<u8>) -> Option<(&Header, &str)> {
        match kind {
            FileKind::Plan => self.plan.as_ref().map(|p| (&p.header, p.file.as_str())),
            FileKind::Begroting => self.begroting.as_ref().map(|b| (&b.header, b.file.as_str())),
            FileKind::Realisatie => self.realisatie.as_ref().map(|r| (&r.header, r.file.as_str())),
            FileKind::Voortgang => kwartaal.and_then(|k| self.voortgang.get(&k)).map(|v| (&v.header, v.file.as_str())),
            _ => None,
        }
    }

    /// Whether a document of this kind (of the quarter given) exists but could not be read.
    pub fn is_unreadable(&self, kind: FileKind, kwartaal: Option<u8>) -> bool {
        match (kind, kwartaal) {
            (FileKind::Voortgang, Some(k)) => self.unreadable_kwartalen.contains(&k),
            _ => self.unreadable.contains(&kind),
        }
    }

    /// The latest progress report, if any.
    pub fn latest_voortgang(&self) -> Option<&Voortgang> {
        self.voortgang.values().next_back()
    }

    /// The progress report of quarter `k` when it counts as delivered at the reference date
    /// (`Submission::delivered`: received, or dated by `ingediend_op`, on or before it; the
    /// voortgangsrapportage and `herkomst` read it; without it spending is unknown and the
    /// amended budget is the prognosis).
    pub fn voortgang_delivered(&self, k: u8, peildatum: jiff::civil::Date) -> Option<&Voortgang> {
        let on_time = self.delivered(FileKind::Voortgang, Some(k)).is_some_and(|d| d.op <= peildatum);
        self.voortgang.get(&k).filter(|_| on_time)
    }

    /// The files a document is made from that have status concept: plan and begroting; for
    /// the jaarrekening also the realisatie and the wijzigingen; for a progress report its
    /// report and the wijzigingen (those in effect or not: a concept is marked either way).
    pub fn concept_files(&self, doc: Doc) -> Vec<&str> {
        let concept = |h: &Header| h.status == Status::Concept;
        let mut out: Vec<&str> = Vec::new();
        let mut kinds = vec![FileKind::Plan, FileKind::Begroting];
        if doc == Doc::Cycle(CycleDoc::Jaarrekening) {
            kinds.push(FileKind::Realisatie);
        }
        if let Doc::Voortgang(k) = doc {
            out.extend(self.voortgang.get(&k).filter(|v| concept(&v.header)).map(|v| v.file.as_str()));
        }
        out.extend(kinds.into_iter().filter_map(|k| self.header(k, None)).filter(|(h, _)| concept(h)).map(|(_, f)| f));
        if matches!(doc, Doc::Voortgang(_) | Doc::Cycle(CycleDoc::Jaarrekening)) {
            out.extend(self.wijzigingen.iter().filter(|w| concept(&w.header)).map(|w| w.file.as_str()));
        }
        out
    }

    /// Whether a file of this kind exists (readable or not).
    pub fn exists(&self, kind: FileKind) -> bool {
        self.unreadable.contains(&kind)
            || match kind {
                FileKind::Plan => self.plan.is_some(),
                FileKind::Begroting => self.begroting.is_some(),
                FileKind::Realisatie => self.realisatie.is_some(),
                _ => false,
            }
    }
}

/// What was asked to be read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Scope {
    /// Only this party (plus stelsel and afspraken).
    pub organisatie: Option<String>,
    /// Only this cycle year.
    pub jaar: Option<Year>,
}

/// Everything read from the data root.
#[derive(Clone, Debug, Default)]
pub struct Tree {
    /// The construct; `None` when `stelsel.yaml` could not be read (already reported).
    pub stelsel: Option<Stelsel>,
    /// The afsprakenstelsel register (absent file = empty).
    pub afspraken: Vec<Afspraak>,
    /// The accepted findings of aanvaard.yaml (absent file = none), valid entries only.
    pub aanvaard: Vec<super::aanvaard::Aanvaarding>,
    /// The receipts of ontvangsten.yaml (absent file = none), valid entries only, oldest first.
    pub ontvangsten: Vec<super::ontvangsten::Ontvangst>,
    /// Per cycle year, per party folder, its submission.
    pub years: BTreeMap<Year, BTreeMap<String, Submission>>,
    /// The board meetings.
    pub vergaderingen: Vec<Vergadering>,
    /// What was read.
    pub scope: Scope,
    /// The text of every file read (for diagnostics).
    pub sources: Sources,
    /// SHA-256 and size of every file read, by relative path (for the manifest).
    pub inputs: BTreeMap<String, ([u8; 32], usize)>,
}

impl Tree {
    /// The submission of a party in a year, if its folder exists.
    pub fn submission(&self, y: Year, org: &str) -> Option<&Submission> {
        self.years.get(&y).and_then(|m| m.get(org))
    }
}
