//! The meeting's view model (`data.json` of every meeting document): head, agenda, decision
//! notes, the delivery status and the appendices — every amount and date as Dutch text, so the
//! templates in `templates/vergadering/` only lay it out. The same view layer as the cycle
//! documents: their head, amount rows, names and findings.

mod appendix;
mod beslispunten;
mod consequences;
mod cx;
mod decision;
mod effects;
mod financiers;
mod settlement;
mod status;

pub use appendix::{Bijlage, BijlageView, bijlagen};
pub use cx::{Cx, Signaal, cycle_year};

use crate::model::*;
use crate::nl;
use crate::view::head::{Head, programma};
use decision::{Nota, nota};
use serde::Serialize;
use status::{Stand, stand};

/// Everything the meeting documents show.
#[derive(Clone, Debug, Serialize)]
pub struct VergaderingView {
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
    /// The files the meeting's documents are made from, with their hashes.
    pub herkomst: crate::view::herkomst::HerkomstView,
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

fn soort_label(s: AgendaSoort) -> &'static str {
    match s {
        AgendaSoort::Besluit => "Ter besluitvorming",
        AgendaSoort::Bespreking => "Ter bespreking",
        AgendaSoort::Informatie => "Ter informatie",
    }
}

/// The agenda lines with the documents of each item.
fn agenda(cx: &Cx) -> Vec<AgendaRij> {
    cx.v.agenda
        .iter()
        .map(|item| {
            let mut stukken = Vec::new();
            if item.soort == AgendaSoort::Besluit {
                stukken.push(format!("Besluitnota agendapunt {}", item.id.value));
            }
            let b = cx.bijlage_of(item);
            stukken.extend(b.filter(|b| b.ontbreekt.is_none()).map(|b| format!("Bijlage {}: {}", b.letter, b.titel())));
            let opmerking =
                b.and_then(|b| b.ontbreekt.as_ref().map(|why| format!("{} niet bijgevoegd: {why}.", b.titel())));
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
        .collect()
}

/// Builds the whole view.
pub fn build(cx: &Cx) -> VergaderingView {
    let v = cx.v;
    let datum = nl::date(v.datum.value);
    let signalen =
        cx.diags.items().iter().filter(|d| d.file.as_deref() == Some(v.file.as_str())).map(|d| cx.signaal(d)).collect();
    VergaderingView {
        document: Head {
            soort: "vergadering",
            titel: format!("Vergaderstukken {} {datum}", v.beraad),
            ondertitel: format!("{} — vergadering van het {}", cx.st.naam, v.beraad),
            stelsel: cx.st.naam.clone(),
            jaar: cx.cyclusjaar,
            jaren: Vec::new(),
            peildatum: nl::date(cx.peildatum),
            // Meeting documents carry no CONCEPT mark of their own (their appendices may).
            concept: false,
            status: format!("{} {datum}", v.beraad),
            concept_bronnen: Vec::new(),
            programma: programma(),
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
        agenda: agenda(cx),
        besluiten: v.agenda.iter().filter(|i| i.soort == AgendaSoort::Besluit).map(|i| nota(cx, i)).collect(),
        stand: stand(cx),
        bijlagen: cx.bijlagen.iter().filter(|b| b.ontbreekt.is_none()).map(Bijlage::view).collect(),
        signalen,
        herkomst: crate::view::herkomst::meeting(
            &cx.base,
            &v.file,
            cx.cyclusjaar,
            cx.st.organisaties.len() >= crate::view::document::ABRIDGE_FROM,
        ),
    }
}
