//! The meeting's view model (`data.json` of every meeting document): head, agenda, decision
//! notes, the delivery status and the appendices — every amount and date as Dutch text, so the
//! templates in `templates/vergadering/` only lay it out.

use super::decision::{Nota, letter, nota};
use super::status::{Stand, stand};
use crate::diag::Diagnostics;
use crate::model::*;
use crate::nl;
use crate::rollup::Rollup;
use jiff::civil::Date;
use serde::Serialize;
use std::collections::BTreeMap;

/// Everything the meeting documents show.
#[derive(Clone, Debug, Serialize)]
pub struct MeetingView {
    /// The head the house style reads (titel, status, stelsel, peildatum, …).
    pub document: Head,
    /// The meeting itself.
    pub vergadering: Meta,
    /// The agenda, in the order of the file.
    pub agenda: Vec<AgendaRij>,
    /// One note per decision item.
    pub besluiten: Vec<Nota>,
    /// The delivery status at the reference date.
    pub stand: Stand,
    /// The cycle documents attached.
    pub bijlagen: Vec<BijlageView>,
    /// Findings about this meeting file (W402).
    pub signalen: Vec<Signaal>,
}

/// The head of every meeting document.
#[derive(Clone, Debug, Serialize)]
pub struct Head {
    /// `Vergaderstukken OGB-B 10 december 2026`.
    pub titel: String,
    /// The construct's name and the board.
    pub ondertitel: String,
    /// The construct's name.
    pub stelsel: String,
    /// The reference date in words.
    pub peildatum: String,
    /// What the running header shows on the right.
    pub status: String,
    /// Meeting documents carry no CONCEPT mark of their own (their appendices may).
    pub concept: bool,
    /// Program name and version.
    pub programma: String,
}

/// The meeting.
#[derive(Clone, Debug, Serialize)]
pub struct Meta {
    /// The board.
    pub beraad: String,
    /// The meeting date in words.
    pub datum: String,
    /// When the documents went out, in words (`null`: not recorded).
    pub verzonden: Option<String>,
    /// Calendar days between sending and the meeting (`null`: not recorded).
    pub dagen_voor: Option<i64>,
    /// The norm: at least this many days (`stukken_dagen_voor_vergadering`).
    pub norm_dagen: u32,
    /// The meeting file, relative to the data root.
    pub bestand: String,
    /// The cycle year for items that name none.
    pub cyclusjaar: Option<Year>,
}

/// One agenda line.
#[derive(Clone, Debug, Serialize)]
pub struct AgendaRij {
    /// Its number.
    pub nr: i64,
    /// The subject.
    pub onderwerp: String,
    /// `besluit`, `bespreking` or `informatie`.
    pub soort: &'static str,
    /// `Ter besluitvorming` and the like.
    pub soort_label: &'static str,
    /// The proposal.
    pub voorstel: Option<String>,
    /// The documents for this item, in words.
    pub stukken: Vec<String>,
    /// A note (an appendix that could not be made).
    pub opmerking: Option<String>,
}

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
}

/// A finding shown in the pack.
#[derive(Clone, Debug, Serialize)]
pub struct Signaal {
    /// The code.
    pub code: &'static str,
    /// The message.
    pub melding: String,
    /// What to do.
    pub hint: Option<String>,
}

/// Amounts per year column and their total, formatted.
#[derive(Clone, Debug, Serialize)]
pub struct Bedragen {
    /// One amount per year column.
    pub bedragen: Vec<String>,
    /// Their sum.
    pub totaal: String,
}

/// A cycle document to append: what it is and whether it can be made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bijlage {
    /// `A`, `B`, …
    pub letter: String,
    /// The kind of document.
    pub kind: CycleDoc,
    /// Its cycle year.
    pub jaar: Year,
    /// The agenda items that name it.
    pub agendapunten: Vec<i64>,
    /// Why it cannot be made (`None`: it can).
    pub ontbreekt: Option<String>,
}

impl Bijlage {
    /// The document's title, as on its cover.
    pub fn titel(&self) -> String {
        let y = self.jaar;
        match self.kind {
            CycleDoc::Meerjarenplan => format!("Meerjarenplan en meerjarenbegroting {y}–{}", y + 3),
            CycleDoc::Jaarplan => format!("Jaarplan en jaarbegroting {y}"),
            CycleDoc::Jaarrekening => format!("Jaarrekening en verantwoording {y}"),
        }
    }

    /// Its file name, as `build` names it.
    pub fn file_name(&self) -> String {
        let y = self.jaar;
        match self.kind {
            CycleDoc::Meerjarenplan => format!("meerjarenplan-{y}-{}.pdf", y + 3),
            _ => format!("{}-{y}.pdf", self.kind.as_str()),
        }
    }
}

/// The cycle documents the agenda names, once each, lettered in agenda order.
pub fn bijlagen(tree: &Tree, v: &Vergadering) -> Vec<Bijlage> {
    let mut out: Vec<Bijlage> = Vec::new();
    for item in &v.agenda {
        let (Some(kind), Some(jaar)) = (item.stuk, item.jaar.as_ref().map(|j| j.value)) else { continue };
        if let Some(b) = out.iter_mut().find(|b| b.kind == kind && b.jaar == jaar) {
            b.agendapunten.push(item.id.value);
            continue;
        }
        let subs = tree.years.get(&jaar);
        let ontbreekt = match subs {
            None => Some(format!("er is geen jaarmap {jaar}")),
            Some(m) if kind == CycleDoc::Jaarrekening && !m.values().any(|s| s.realisatie.is_some()) => {
                Some(format!("er zijn nog geen realisaties over {jaar}"))
            }
            _ => None,
        };
        out.push(Bijlage { letter: letter(out.len()), kind, jaar, agendapunten: vec![item.id.value], ontbreekt });
    }
    out
}

/// What every part of the meeting view needs.
pub struct Cx<'a> {
    /// The tree.
    pub tree: &'a Tree,
    /// Its stelsel.
    pub st: &'a Stelsel,
    /// Every finding of the whole-tree check.
    pub diags: &'a Diagnostics,
    /// The meeting.
    pub v: &'a Vergadering,
    /// The reference date.
    pub peildatum: Date,
    /// The cycle year for items that name none.
    pub cyclusjaar: Option<Year>,
    /// The roll-ups of every year the agenda needs.
    pub rollups: BTreeMap<Year, Rollup>,
    /// The appendices.
    pub bijlagen: Vec<Bijlage>,
}

impl Cx<'_> {
    /// A perspective's display name.
    pub fn perspective(&self, id: &str) -> String {
        self.st.beleidsdoelen.iter().find(|b| b.id.value == id).map(|b| b.naam.clone()).unwrap_or_else(|| id.to_string())
    }

    /// A financier's display name.
    pub fn financier(&self, id: &str) -> String {
        self.st.financiers.iter().find(|f| f.id.value == id).map(|f| f.naam.clone()).unwrap_or_else(|| id.to_string())
    }

    fn bijlage_of(&self, item: &Agendapunt) -> Option<&Bijlage> {
        self.bijlagen.iter().find(|b| b.agendapunten.contains(&item.id.value))
    }

    /// `Bijlage A: Jaarplan en jaarbegroting 2027` for an item that names a cycle document.
    pub fn stuk_label(&self, item: &Agendapunt) -> Option<String> {
        let b = self.bijlage_of(item)?;
        Some(match &b.ontbreekt {
            None => format!("Bijlage {}: {}", b.letter, b.titel()),
            Some(why) => format!("{} (niet bijgevoegd: {why})", b.titel()),
        })
    }

    /// A note when the cycle document of an item is made from concept submissions.
    pub fn concept_note(&self, item: &Agendapunt) -> Vec<String> {
        let Some(b) = self.bijlage_of(item).filter(|b| b.ontbreekt.is_none()) else { return Vec::new() };
        let mut files: Vec<String> = Vec::new();
        for sub in self.tree.years.get(&b.jaar).into_iter().flat_map(|m| m.values()) {
            let mut heads: Vec<(&Header, &str)> = Vec::new();
            heads.extend(sub.plan.as_ref().map(|p| (&p.header, p.file.as_str())));
            heads.extend(sub.begroting.as_ref().map(|p| (&p.header, p.file.as_str())));
            if b.kind == CycleDoc::Jaarrekening {
                heads.extend(sub.realisatie.as_ref().map(|p| (&p.header, p.file.as_str())));
            }
            files.extend(heads.into_iter().filter(|(h, _)| h.status == Status::Concept).map(|(_, f)| f.to_string()));
        }
        files.sort();
        if files.is_empty() {
            return Vec::new();
        }
        vec![format!(
            "Bijlage {} ({}) bevat gegevens uit aanleveringen met de status concept: {}. De cijfers kunnen nog wijzigen.",
            b.letter,
            b.titel(),
            files.join(", ")
        )]
    }
}

/// A finding's message for board members: a party id in backticks becomes the party's name,
/// other backticked names lose their backticks.
pub fn readable(st: &Stelsel, text: &str) -> String {
    let mut out = String::new();
    for (i, part) in text.split('`').enumerate() {
        match st.organisaties.iter().find(|o| o.id.value == part) {
            Some(o) if i % 2 == 1 => out.push_str(&o.naam),
            _ => out.push_str(part),
        }
    }
    out
}

/// `a`, `a en b`, `a, b en c`.
pub fn join(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} en {last}", init.join(", ")),
    }
}

fn soort_label(s: AgendaSoort) -> &'static str {
    match s {
        AgendaSoort::Besluit => "Ter besluitvorming",
        AgendaSoort::Bespreking => "Ter bespreking",
        AgendaSoort::Informatie => "Ter informatie",
    }
}

/// Builds the whole view.
pub fn build(cx: &Cx) -> MeetingView {
    let v = cx.v;
    let datum = nl::date(v.datum.value);
    let agenda = v
        .agenda
        .iter()
        .map(|item| {
            let mut stukken = Vec::new();
            if item.soort == AgendaSoort::Besluit {
                stukken.push(format!("Besluitnota agendapunt {}", item.id.value));
            }
            let b = cx.bijlage_of(item);
            stukken.extend(b.filter(|b| b.ontbreekt.is_none()).map(|b| format!("Bijlage {}: {}", b.letter, b.titel())));
            let opmerking = b.and_then(|b| b.ontbreekt.as_ref().map(|why| format!("{} niet bijgevoegd: {why}.", b.titel())));
            AgendaRij {
                nr: item.id.value,
                onderwerp: item.onderwerp.clone(),
                soort: item.soort.as_str(),
                soort_label: soort_label(item.soort),
                voorstel: item.voorstel.clone(),
                stukken,
                opmerking,
            }
        })
        .collect();
    let bijlagen = cx
        .bijlagen
        .iter()
        .filter(|b| b.ontbreekt.is_none())
        .map(|b| BijlageView {
            letter: b.letter.clone(),
            titel: b.titel(),
            bestand: format!("bijlagen/{}", b.file_name()),
            pad: format!("bijlage-{}/{}.typ", b.letter.to_lowercase(), b.kind.as_str()),
            agendapunten: b.agendapunten.clone(),
        })
        .collect();
    let signalen = cx
        .diags
        .items()
        .iter()
        .filter(|d| d.file.as_deref() == Some(v.file.as_str()))
        .map(|d| Signaal { code: d.code.as_str(), melding: readable(cx.st, &d.message), hint: d.hint.clone().filter(|h| !h.is_empty()) })
        .collect();
    MeetingView {
        document: Head {
            titel: format!("Vergaderstukken {} {datum}", v.beraad),
            ondertitel: format!("{} — vergadering van het {}", cx.st.naam, v.beraad),
            stelsel: cx.st.naam.clone(),
            peildatum: nl::date(cx.peildatum),
            status: format!("{} {datum}", v.beraad),
            concept: false,
            programma: format!("jaarcyclus {}", env!("CARGO_PKG_VERSION")),
        },
        vergadering: Meta {
            beraad: v.beraad.clone(),
            datum,
            verzonden: v.stukken_verzonden_op.as_ref().map(|d| nl::date(d.value)),
            dagen_voor: v.stukken_verzonden_op.as_ref().map(|d| i64::from((v.datum.value - d.value).get_days())),
            norm_dagen: cx.st.normen.stukken_dagen_voor_vergadering,
            bestand: v.file.clone(),
            cyclusjaar: cx.cyclusjaar,
        },
        agenda,
        besluiten: v.agenda.iter().filter(|i| i.soort == AgendaSoort::Besluit).map(|i| nota(cx, i)).collect(),
        stand: stand(cx),
        bijlagen,
        signalen,
    }
}
