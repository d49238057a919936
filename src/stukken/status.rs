//! "Stand van de aanleveringen": per party and document of the running cycle, delivered on
//! time, late (days), missing or not yet due at the reference date — judged by the same rule
//! as the check (`check::calendar::delivery`) — and the afsprakenstelsel warnings.

use super::view::{Cx, Signaal, readable, sentence};
use crate::check::calendar::{Delivery, delivery, docs_of};
use crate::diag::Code;
use crate::model::*;
use crate::nl;
use crate::rollup::OrgTree;
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

fn judge(d: &Delivery, without_date: bool) -> (Option<String>, String, &'static str) {
    let days = |n: i64| format!("{n} {}", if n == 1 { "dag" } else { "dagen" });
    match d {
        Delivery::OnTime(d) => (Some(nl::date(*d)), "op tijd".into(), "optijd"),
        Delivery::Late(d, n) => (Some(nl::date(*d)), format!("te laat ({})", days(*n)), "laat"),
        Delivery::Overdue(n) if without_date => {
            (None, format!("ontbreekt: bestand zonder ingediend_op (termijn {} verstreken)", days(*n)), "ontbreekt")
        }
        Delivery::Overdue(n) => (None, format!("ontbreekt (termijn {} verstreken)", days(*n)), "ontbreekt"),
        Delivery::NotYetDue => (None, "nog niet verschuldigd".into(), "nogniet"),
        Delivery::Unknown => (None, "onleesbaar bestand".into(), "onbekend"),
    }
}

/// Whether the file of a document exists without a delivery date on or before the reference date.
pub fn present_without_date(sub: Option<&Submission>, kind: FileKind) -> bool {
    let header = sub.and_then(|s| match kind {
        FileKind::Plan => s.plan.as_ref().map(|p| &p.header),
        FileKind::Begroting => s.begroting.as_ref().map(|p| &p.header),
        FileKind::Realisatie => s.realisatie.as_ref().map(|p| &p.header),
        _ => None,
    });
    header.is_some_and(|h| h.ingediend_op.is_none())
}

/// Whether an afsprakenstelsel finding is about the running cycle: it names no year (W503,
/// W504) or a year from `cycle` on. (Their messages name the year they are about; a gap in an
/// earlier year is history for the board.)
fn current(message: &str, cycle: Year) -> bool {
    let years: Vec<Year> =
        message.split(|c: char| !c.is_ascii_digit()).filter(|w| w.len() == 4).filter_map(|w| w.parse().ok()).collect();
    years.is_empty() || years.iter().any(|y| *y >= cycle)
}

/// The delivery status at the reference date.
pub fn stand(cx: &Cx) -> Stand {
    let cycle = cx.cyclusjaar.unwrap_or(i32::from(cx.peildatum.year()));
    let mut partijen = Vec::new();
    let mut counts = [0usize; 5];
    for n in &OrgTree::new(cx.st).nodes {
        let mut rijen = Vec::new();
        for (&y, subs) in cx.tree.years.iter().rev() {
            let sub = subs.get(&n.id);
            for t in cx.st.kalender.iter().filter(|t| t.rol == n.rol) {
                for (kind, name) in docs_of(t.stuk) {
                    let d = delivery(sub, *kind, t.deadline(y), cx.peildatum);
                    if !shown(t.deadline(y), cx.v.datum.value, &d) {
                        continue;
                    }
                    let (ingediend, status, soort) = judge(&d, present_without_date(sub, *kind));
                    let slot = ["optijd", "laat", "ontbreekt", "nogniet", "onbekend"]
                        .iter()
                        .position(|s| *s == soort)
                        .unwrap_or(4);
                    counts[slot] += 1;
                    rijen.push(StandRij {
                        stuk: format!("{name} {y}"),
                        termijn: nl::date(t.deadline(y)),
                        ingediend,
                        status,
                        soort,
                    });
                }
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
        .filter(|d| codes.contains(&d.code) && current(&d.message, cycle))
        .map(|d| Signaal {
            code: d.code.as_str(),
            melding: readable(cx.st, &d.message),
            hint: d.hint.as_deref().filter(|h| !h.is_empty()).map(|h| sentence(cx.st, h)),
        })
        .collect();
    let toelichting = format!(
        "Beoordeeld op de peildatum {} tegen de P&C-kalender: de stukken met een termijn tot een jaar voor of na de vergadering, en elk stuk dat na zijn termijn nog ontbreekt. Te laat ingediende stukken zijn wel ontvangen; voor ontbrekende stukken stuurt het secretariaat een rappel.",
        nl::date(cx.peildatum)
    );
    Stand { toelichting, tellingen, partijen, afspraken }
}
