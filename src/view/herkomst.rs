//! The appendix "Herkomst van de cijfers" of every document: per party the files the document
//! is made from, with status, delivery date and shortened SHA-256, so that a printed
//! document can be matched to its inputs; `manifest.json` beside it holds the full hashes.

use super::cx::Base;
use crate::model::{CycleDoc, Doc, Header, Rol, Submission, Year};
use crate::nl;
use serde::Serialize;

/// How many hex digits of the SHA-256 the appendix prints (48 bits: enough to tell files apart
/// by eye; the manifest has all 64).
pub const SHORT_HASH: usize = 12;

/// The appendix.
#[derive(Clone, Debug, Default, Serialize)]
pub struct HerkomstView {
    /// What the table is and where the full hashes are.
    pub toelichting: String,
    /// How to trace a figure down to its source lines.
    pub opvragen: String,
    /// The heading of the construct's own files.
    pub algemeen_kop: &'static str,
    /// The construct's own files (stelsel, afspraken, aanvaard), after the meeting file.
    pub algemeen: Vec<Bestand>,
    /// Per party in the order of stelsel.yaml, its files for the document.
    pub partijen: Vec<HerkomstPartij>,
    /// Parties whose files an abridged document leaves to the manifest.
    pub weggelaten: usize,
}

/// One party's files.
#[derive(Clone, Debug, Serialize)]
pub struct HerkomstPartij {
    /// The party's name.
    pub partij: String,
    /// Its files, in the order plan, begroting, wijzigingen, voortgang, realisatie.
    pub bestanden: Vec<Bestand>,
}

/// One input file.
#[derive(Clone, Debug, Serialize)]
pub struct Bestand {
    /// The file in words (`begroting 2027`, `begrotingswijziging 1`, `stelsel`): a board
    /// document shows no paths; the manifest pairs the hash with the path.
    pub stuk: String,
    /// Status as written (concept, definitief), empty for the construct's files.
    pub status: String,
    /// Delivery date in words, or empty.
    pub ingediend_op: String,
    /// The first hex digits of its SHA-256.
    pub sha256: String,
    /// Its date carries a note ("volgens het stuk", "nagedateerd") that the table explains.
    #[serde(skip)]
    pub noted: bool,
}

/// The appendix of a document of cycle year `y`; `compact` keeps only the parties above the
/// OBOs (an abridged document), counting the others.
pub fn herkomst(b: &Base, doc: Doc, y: Year, compact: bool) -> HerkomstView {
    view(b, doc, Some(y), None, compact)
}

/// The appendix of a meeting's documents: the meeting file, and the plans and begrotingen of
/// its cycle year (the decision notes' alternatives and amounts come from them).
pub fn meeting(b: &Base, file: &str, y: Option<Year>, compact: bool) -> HerkomstView {
    view(b, Doc::Cycle(CycleDoc::Jaarplan), y, Some(file), compact)
}

/// The appendix of one decision note: the meeting file, and the files of the document `doc` of
/// year `y` the item is about (a jaarrekening item: the realisaties and wijzigingen of its year).
pub fn item(b: &Base, file: &str, doc: Doc, y: Year, compact: bool) -> HerkomstView {
    view(b, doc, Some(y), Some(file), compact)
}

fn view(b: &Base, doc: Doc, y: Option<Year>, meeting: Option<&str>, compact: bool) -> HerkomstView {
    // The date of delivery as every delivery table gives it (contract §15): the receipt's, or
    // the file's own `ingediend_op` with its note.
    let file = |rel: &str, stuk: String, h: Option<(&Submission, &Header)>| -> Option<Bestand> {
        let (sha, _) = b.tree.inputs.get(rel)?;
        let hex: String = sha.iter().map(|x| format!("{x:02x}")).collect();
        let delivered = h.and_then(|(sub, h)| sub.delivered_file(rel, h));
        let note = delivered.and_then(|d| super::deliveries::note(d.bron));
        Some(Bestand {
            stuk,
            status: h.map(|(_, h)| h.status.as_str().to_string()).unwrap_or_default(),
            ingediend_op: delivered.map(|d| super::deliveries::noted(nl::date(d.op), Some(d.bron))).unwrap_or_default(),
            noted: note.is_some(),
            sha256: hex[..SHORT_HASH].to_string(),
        })
    };
    let vergadering = meeting.and_then(|f| {
        let v = b.tree.vergaderingen.iter().find(|v| v.file == f)?;
        file(f, format!("vergadering {} {}", v.beraad, nl::date(v.datum.value)), None)
    });
    let construct = [
        ("stelsel.yaml", "stelsel"),
        ("afspraken.yaml", "afsprakenregister"),
        ("aanvaard.yaml", "aanvaarde bevindingen"),
    ];
    let algemeen =
        vergadering.into_iter().chain(construct.iter().filter_map(|(f, w)| file(f, w.to_string(), None))).collect();
    let mut partijen = Vec::new();
    let mut weggelaten = 0;
    for o in &b.st.organisaties {
        let Some(sub) = y.and_then(|y| b.tree.submission(y, &o.id.value)) else { continue };
        let mut bestanden: Vec<Bestand> = Vec::new();
        let mut add = |rel: &str, stuk: String, h: &Header| bestanden.extend(file(rel, stuk, Some((sub, h))));
        let y = y.unwrap_or_default();
        if let Some(p) = &sub.plan {
            add(&p.file, format!("plan {y}"), &p.header);
        }
        if let Some(x) = &sub.begroting {
            add(&x.file, format!("begroting {y}"), &x.header);
        }
        let accounts = doc == Doc::Cycle(CycleDoc::Jaarrekening);
        if accounts || matches!(doc, Doc::Voortgang(_)) {
            // The jaarrekening counts the wijzigingen in effect; the progress report also
            // lists those proposed.
            for w in sub.wijzigingen.iter().filter(|w| !accounts || w.in_effect(b.peildatum)) {
                add(&w.file, format!("begrotingswijziging {} ({y})", w.nummer.value), &w.header);
            }
        }
        if let Doc::Voortgang(k) = doc
            && let Some(v) = sub.voortgang.get(&k)
        {
            add(&v.file, format!("voortgangsrapportage {y}, kwartaal {k}"), &v.header);
        }
        if let (true, Some(r)) = (accounts, &sub.realisatie) {
            add(&r.file, format!("realisatie {y}"), &r.header);
        }
        if bestanden.is_empty() {
            continue;
        }
        if compact && o.rol == Rol::Obo {
            weggelaten += 1;
            continue;
        }
        partijen.push(HerkomstPartij { partij: o.naam.clone(), bestanden });
    }
    let mut toelichting = format!(
        "Dit document is gemaakt uit de bestanden hieronder. De kolom SHA-256 geeft de eerste {SHORT_HASH} \
         tekens van de vingerafdruk van elk bestand: wie dezelfde bestanden heeft, vindt dezelfde tekens \
         (bijvoorbeeld met sha256sum). De volledige vingerafdrukken staan met het pad van elk bestand in \
         manifest.json, in dezelfde map als dit document."
    );
    if partijen.iter().flat_map(|p| &p.bestanden).any(|f| f.noted) {
        toelichting.push(' ');
        toelichting.push_str(super::deliveries::NOTES);
    }
    HerkomstView {
        toelichting,
        opvragen: format!(
            "Waar een bedrag vandaan komt, tot op de regel in het bestand, toont de opdracht jaarcyclus herkomst --jaar {} \
             --beleidsdoel <id> (met --stuk realisatie of voortgang voor de realisatie en de voortgang).",
            y.map_or_else(|| "<jaar>".to_string(), |y| y.to_string())
        ),
        algemeen_kop: if meeting.is_some() { "Vergadering, stelsel en registers" } else { "Stelsel en registers" },
        algemeen,
        partijen,
        weggelaten,
    }
}
