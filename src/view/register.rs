//! The status tables: the afsprakenstelsel per TBO and OBO for year Y, the delivery of each
//! party's documents against the calendar at the reference date, and the check's findings.

use super::cx::Ctx;
use super::deliveries::judged;
use crate::diag::{Diagnostics, Severity};
use crate::model::*;
use crate::nl;
use serde::Serialize;

/// One party's agreements for Y.
#[derive(Clone, Debug, Serialize)]
pub struct AfspraakView {
    /// The party.
    pub partij: String,
    /// Its role.
    pub rol: &'static str,
    /// The agreement covering Y, in words, or `ontbreekt`.
    pub overeenkomst: String,
    /// `ja`/`nee` for a raam- or meerjarenovereenkomst covering Y; else `null`.
    pub financiele_paragraaf: Option<&'static str>,
    /// A dno covering Y: `ja`/`nee`.
    pub dno: &'static str,
    /// A dap covering Y: `ja`/`nee`.
    pub dap: &'static str,
    /// A dfa covering Y: `ja`/`nee`.
    pub dfa: &'static str,
    /// For a TBO: role accepted `ja`/`nee`; else `null`.
    pub rolacceptatie: Option<&'static str>,
    /// The codes that apply (W501, W502, W503, W504, W505).
    pub signalen: Vec<&'static str>,
}

/// One required document of one party.
#[derive(Clone, Debug, Serialize)]
pub struct Aanlevering {
    /// The party.
    pub partij: String,
    /// The document and year, e.g. `realisatie 2025`.
    pub stuk: String,
    /// The deadline (`null` when the calendar has none for the role).
    pub termijn: Option<String>,
    /// The delivery date (`null` when not delivered at the reference date).
    pub ingediend: Option<String>,
    /// The status in words.
    pub status: String,
    /// `optijd`, `laat`, `ontbreekt`, `nietverplicht`, `nogniet` or `onbekend`.
    pub soort: &'static str,
}

/// One finding.
#[derive(Clone, Debug, Serialize)]
pub struct Bevinding {
    /// The code.
    pub code: &'static str,
    /// `fout` or `waarschuwing`.
    pub ernst: &'static str,
    /// The file, relative to the data root.
    pub bestand: Option<String>,
    /// The 1-based line.
    pub regel: Option<u32>,
    /// The message.
    pub melding: String,
}

fn yes(b: bool) -> &'static str {
    if b { "ja" } else { "nee" }
}

/// The afsprakenstelsel per TBO and OBO for Y, in tree order (the SBO needs none).
pub fn afspraken(cx: &Ctx) -> Vec<AfspraakView> {
    let y = cx.r.jaar;
    let main = [AfspraakSoort::Raamovereenkomst, AfspraakSoort::Meerjarenovereenkomst, AfspraakSoort::Jaaropdracht];
    let mut out = Vec::new();
    for n in cx.r.org.nodes.iter().filter(|n| n.rol != Rol::Sbo) {
        let own: Vec<&Afspraak> = cx.tree.afspraken.iter().filter(|a| a.organisatie.value == n.id).collect();
        let covering = |k: AfspraakSoort| own.iter().filter(move |a| a.soort == k && a.covers(y));
        let agreement = main.iter().find_map(|k| covering(*k).next());
        let framework: Vec<&&Afspraak> =
            covering(AfspraakSoort::Raamovereenkomst).chain(covering(AfspraakSoort::Meerjarenovereenkomst)).collect();
        let fin = (!framework.is_empty()).then(|| framework.iter().all(|a| a.financiele_paragraaf == Some(true)));
        let has = |k: AfspraakSoort| covering(k).next().is_some();
        let accepted = own
            .iter()
            .any(|a| a.soort == AfspraakSoort::Rolacceptatie && a.status == Some(AfspraakStatus::Geaccepteerd));
        let mut signalen = Vec::new();
        if agreement.is_none() {
            signalen.push("W501");
        }
        if fin == Some(false) {
            signalen.push("W502");
        }
        if n.rol == Rol::Tbo && !accepted {
            signalen.push("W503");
        }
        if n.buiten_lijn {
            signalen.push("W504");
        }
        if !(has(AfspraakSoort::Dno) && has(AfspraakSoort::Dap) && has(AfspraakSoort::Dfa)) {
            signalen.push("W505");
        }
        out.push(AfspraakView {
            partij: n.naam.clone(),
            rol: n.rol.as_str(),
            overeenkomst: agreement.map(|a| describe(a)).unwrap_or_else(|| "ontbreekt".into()),
            financiele_paragraaf: fin.map(yes),
            dno: yes(has(AfspraakSoort::Dno)),
            dap: yes(has(AfspraakSoort::Dap)),
            dfa: yes(has(AfspraakSoort::Dfa)),
            rolacceptatie: (n.rol == Rol::Tbo).then_some(yes(accepted)),
            signalen,
        });
    }
    out
}

fn describe(a: &Afspraak) -> String {
    match a.tot {
        Some(t) => format!("{} t/m {}", a.soort, nl::date(t)),
        None => format!("{} voor onbepaalde tijd", a.soort),
    }
}

/// The calendar's documents of Y for every party, in tree order: plan and begroting for the
/// plans, the realisatie for the jaarrekening.
pub fn aanleveringen(cx: &Ctx) -> Vec<Aanlevering> {
    let y = cx.r.jaar;
    let stuk = if cx.is_plan() { StukSoort::Plan } else { StukSoort::Realisatie };
    let mut out = Vec::new();
    for n in &cx.r.org.nodes {
        let due = cx.tree.due(cx.st, &n.id, n.rol, y, Some(stuk), cx.peildatum);
        if due.is_empty() {
            let sub = cx.tree.submission(y, &n.id);
            for (kind, name) in stuk.documents() {
                let delivered =
                    sub.and_then(|s| s.header(*kind)).and_then(|(h, _)| h.ingediend_op.as_ref()).map(|d| d.value);
                out.push(Aanlevering {
                    partij: n.naam.clone(),
                    stuk: format!("{name} {y}"),
                    termijn: None,
                    ingediend: delivered.filter(|d| *d <= cx.peildatum).map(nl::date),
                    status: "niet verplicht volgens de kalender".to_string(),
                    soort: "nietverplicht",
                });
            }
            continue;
        }
        // Per document kind, then per calendar entry (a role may have several deadlines).
        for (kind, _) in stuk.documents() {
            for d in due.iter().filter(|d| d.kind == *kind) {
                let j = judged(d);
                out.push(Aanlevering {
                    partij: n.naam.clone(),
                    stuk: format!("{} {y}", d.naam),
                    termijn: Some(nl::date(d.termijn)),
                    ingediend: j.ingediend,
                    status: j.status,
                    soort: j.soort,
                });
            }
        }
    }
    out
}

/// Every finding, in the order of the check (sorted by file and line).
pub fn bevindingen(diags: &Diagnostics) -> Vec<Bevinding> {
    diags
        .items()
        .iter()
        .map(|d| Bevinding {
            code: d.code.as_str(),
            ernst: match d.severity() {
                Severity::Error => "fout",
                Severity::Warning => "waarschuwing",
            },
            bestand: d.file.clone(),
            regel: d.pos.map(|p| p.line),
            melding: d.message.clone(),
        })
        .collect()
}
