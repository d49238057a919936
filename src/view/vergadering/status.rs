//! "Stand van de aanleveringen": per party and document of the running cycle, delivered on
//! time, late (days), missing or not yet due at the reference date — judged by the same rule
//! as the check (`model::deliveries`) — the afsprakenstelsel warnings, and the meeting's own
//! findings (W402–W404).

use super::cx::{Cx, Signaal};
use crate::diag::Code;
use crate::model::*;
use crate::nl;
use crate::rollup::OrgTree;
use crate::view::deliveries::judged;
use jiff::civil::Date;
use serde::Serialize;

/// The delivery status section.
#[derive(Clone, Debug, Serialize)]
pub struct Stand {
    /// Which documents are shown, in a sentence.
    pub toelichting: String,
    /// Counts per status, as key figures.
    pub tellingen: Vec<Telling>,
    /// Per party, its documents.
    pub partijen: Vec<PartijStand>,
    /// The afsprakenstelsel warnings (W501–W505).
    pub afspraken: Vec<Signaal>,
    /// The meeting's own findings: documents sent late (W402), a decision on a concept document
    /// (W403) or outside the board's mandate (W404).
    pub eigen: Vec<Signaal>,
}

/// One key figure.
#[derive(Clone, Debug, Serialize)]
pub struct Telling {
    /// What is counted.
    pub label: String,
    /// How many.
    pub waarde: String,
}

/// One party's documents.
#[derive(Clone, Debug, Serialize)]
pub struct PartijStand {
    /// The party's name.
    pub partij: String,
    /// Its role.
    pub rol: &'static str,
    /// Its documents, latest cycle year first.
    pub rijen: Vec<StandRij>,
}

/// One document of one party.
#[derive(Clone, Debug, Serialize)]
pub struct StandRij {
    /// The document and year, e.g. `plan 2027`.
    pub stuk: String,
    /// The deadline in words.
    pub termijn: String,
    /// The delivery date in words (`null`: not delivered at the reference date).
    pub ingediend: Option<String>,
    /// The status in words.
    pub status: String,
    /// `optijd`, `laat`, `ontbreekt`, `nogniet` or `onbekend`.
    pub soort: &'static str,
}

/// Whether a document belongs in the overview: its deadline lies within a year before or
/// after the meeting, or it is overdue.
fn shown(deadline: Date, meeting: Date, d: &Delivery) -> bool {
    matches!(d, Delivery::Overdue(_)) || (i64::from((deadline - meeting).get_days())).abs() <= 365
}

/// The delivery status at the reference date.
pub fn stand(cx: &Cx) -> Stand {
    let cycle = cx.cyclusjaar.unwrap_or(i32::from(cx.peildatum.year()));
    let mut partijen = Vec::new();
    let mut counts = [0usize; 5];
    for n in &OrgTree::new(cx.st).nodes {
        let mut rijen = Vec::new();
        for &y in cx.tree.years.keys().rev() {
            for d in cx.tree.due(cx.st, &n.id, n.rol, y, None, cx.peildatum) {
                if !shown(d.termijn, cx.v.datum.value, &d.delivery) {
                    continue;
                }
                let j = judged(&d);
                let slot = ["optijd", "laat", "ontbreekt", "nogniet", "onbekend"]
                    .iter()
                    .position(|s| *s == j.soort)
                    .unwrap_or(4);
                counts[slot] += 1;
                rijen.push(StandRij {
                    stuk: format!("{} {y}", d.label()),
                    termijn: nl::date(d.termijn),
                    ingediend: j.ingediend,
                    status: j.status,
                    soort: j.soort,
                });
            }
        }
        if !rijen.is_empty() {
            partijen.push(PartijStand { partij: n.naam.clone(), rol: n.rol.as_str(), rijen });
        }
    }
    let labels = ["Op tijd", "Te laat", "Ontbreekt", "Nog niet verschuldigd", "Onleesbaar"];
    let tellingen = labels
        .iter()
        .zip(counts)
        .filter(|(l, c)| *c > 0 || **l != "Onleesbaar")
        .map(|(l, c)| Telling { label: l.to_string(), waarde: c.to_string() })
        .collect();
    let codes = [Code::W501, Code::W502, Code::W503, Code::W504, Code::W505];
    let afspraken = cx
        .diags
        .items()
        .iter()
        // A gap in an earlier year is history for the board; findings without a year stay.
        .filter(|d| codes.contains(&d.code) && d.jaar.is_none_or(|y| y >= cycle))
        .map(|d| cx.signaal(d))
        .collect();
    let own = [Code::W402, Code::W403, Code::W404];
    let eigen = cx
        .diags
        .items()
        .iter()
        .filter(|d| own.contains(&d.code) && d.file.as_deref() == Some(cx.v.file.as_str()))
        .map(|d| cx.signaal(d))
        .collect();
    let toelichting = format!(
        "Beoordeeld op de peildatum {} tegen de P&C-kalender: de stukken met een termijn tot een jaar voor of na de vergadering, en elk stuk dat na zijn termijn nog ontbreekt. Te laat ingediende stukken zijn wel ontvangen; voor ontbrekende stukken stuurt het secretariaat een rappel. {}",
        nl::date(cx.peildatum),
        crate::view::deliveries::NOTES
    );
    Stand { toelichting, tellingen, partijen, afspraken, eigen }
}
