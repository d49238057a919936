//! The status tables: the afsprakenstelsel per TBO and OBO for year Y, the delivery of each
//! party's documents against the calendar at the reference date, and the check's findings.

use super::cx::Base;
use super::cx::Ctx;
use super::deliveries::judged;
use crate::diag::{Diagnostic, Diagnostics, Severity, accepted_by_entry};
use crate::model::*;
use crate::nl;
use serde::Serialize;

/// One party's agreements for Y.
#[derive(Clone, Debug, Serialize)]
pub struct AfspraakView {
    /// The party.
    pub partij: String,
    /// The party's short name, for the narrow column.
    pub partij_kort: String,
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

/// The findings about the document's own cycle years (and those about no year): for the
/// board in plain words with who is asked what, and the technical list as an annex.
#[derive(Clone, Debug, Serialize)]
pub struct Bevindingen {
    /// For the board.
    pub punten: Vec<BevindingPunt>,
    /// The technical list: code, file, line, message.
    pub technisch: Vec<Bevinding>,
    /// Errors among them.
    pub fouten: usize,
    /// Warnings among them (not counting the accepted ones).
    pub waarschuwingen: usize,
    /// The findings the board accepted (contract §12), with their reasons; not in `punten`,
    /// `technisch` or the counts.
    pub aanvaard: Vec<AanvaardPunt>,
}

/// Accepted findings of one entry of aanvaard.yaml, with the board's reason.
#[derive(Clone, Debug, Serialize)]
pub struct AanvaardPunt {
    /// The code.
    pub code: &'static str,
    /// The parties they are about (short names), if any.
    pub partij: Option<String>,
    /// What was found: the finding in words, or for several how many and what they mean.
    pub wat: String,
    /// Why it was accepted.
    pub reden: String,
}

/// One finding for the board.
#[derive(Clone, Debug, Serialize)]
pub struct BevindingPunt {
    /// The code (for reference to the annex).
    pub code: &'static str,
    /// `fout` or `waarschuwing`.
    pub ernst: &'static str,
    /// The party it is about (short name), if any.
    pub partij: Option<String>,
    /// What was found, parties and perspectives by name.
    pub wat: String,
    /// Who is asked to do what (`null`: for information).
    pub gevraagd: Option<String>,
}

/// One finding as the check reports it, for the annex.
#[derive(Clone, Debug, Serialize)]
pub struct Bevinding {
    /// The code.
    pub code: &'static str,
    /// `fout` or `waarschuwing`.
    pub ernst: &'static str,
    /// Where: the document, its party and the line, in words (`plan 2027 van RWS, regel 4`).
    pub vindplaats: String,
    /// The message, parties by name.
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
    // The agreements per party, in register order (a filter per party was quadratic).
    let mut per_party: std::collections::HashMap<&str, Vec<&Afspraak>> = std::collections::HashMap::new();
    for a in &cx.tree.afspraken {
        per_party.entry(a.organisatie.value.as_str()).or_default().push(a);
    }
    for n in cx.r.org.nodes.iter().filter(|n| n.rol != Rol::Sbo) {
        let own: Vec<&Afspraak> = per_party.get(n.id.as_str()).cloned().unwrap_or_default();
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
            partij_kort: cx.party_short(&n.id),
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
                let delivered = sub.and_then(|s| s.delivered(*kind, None)).filter(|d| d.op <= cx.peildatum);
                out.push(Aanlevering {
                    partij: n.naam.clone(),
                    stuk: format!("{name} {y}"),
                    termijn: None,
                    ingediend: delivered.map(|d| match super::deliveries::note(d.bron) {
                        Some(n) => format!("{} ({n})", nl::date(d.op)),
                        None => nl::date(d.op),
                    }),
                    status: "niet verplicht volgens de kalender".to_string(),
                    soort: "nietverplicht",
                });
            }
            continue;
        }
        // Per document kind, then per calendar entry (a role may have several deadlines).
        for (kind, _) in stuk.documents() {
            out.extend(due.iter().filter(|d| d.kind == *kind).map(|d| aanlevering(&n.naam, d, y)));
        }
    }
    out
}

/// One calendar entry of party `naam` for cycle year `y`, judged at the reference date.
pub fn aanlevering(naam: &str, d: &Due, y: Year) -> Aanlevering {
    let j = judged(d);
    Aanlevering {
        partij: naam.to_string(),
        stuk: format!("{} {y}", d.label()),
        termijn: Some(nl::date(d.termijn)),
        ingediend: j.ingediend,
        status: j.status,
        soort: j.soort,
    }
}

/// The findings whose year is one of `years`, or none.
pub fn own_findings<'a>(diags: &'a Diagnostics, years: &[i32]) -> impl Iterator<Item = &'a Diagnostic> {
    diags.items().iter().filter(move |d| d.jaar.is_none_or(|y| years.contains(&y)))
}

fn ernst(d: &Diagnostic) -> &'static str {
    match d.severity() {
        Severity::Error => "fout",
        Severity::Warning => "waarschuwing",
    }
}

/// The findings of a document about `years` (see [`Bevindingen`]).
pub fn bevindingen(base: &Base, years: &[i32]) -> Bevindingen {
    let (accepted, own): (Vec<&Diagnostic>, Vec<&Diagnostic>) =
        own_findings(base.diags, years).partition(|d| d.aanvaard.is_some());
    // One row per entry of aanvaard.yaml (per code): a single finding in words, several as a
    // count with the code's meaning, so that the table stays short.
    let aanvaard = accepted_by_entry(accepted)
        .iter()
        .map(|ds| {
            let first = ds[0];
            let mut partijen: Vec<String> = Vec::new();
            for o in ds.iter().filter_map(|d| d.organisatie.as_deref()) {
                let name = base.party_short(o);
                if !partijen.contains(&name) {
                    partijen.push(name);
                }
            }
            AanvaardPunt {
                code: first.code.as_str(),
                partij: (!partijen.is_empty()).then(|| partijen.join(", ")),
                wat: match ds.len() {
                    1 => capitalised(&base.finding(first)),
                    n => format!("{n} keer: {}", first.code.title()),
                },
                reden: first.aanvaard.as_ref().map(|a| a.reden.clone()).unwrap_or_default(),
            }
        })
        .collect();
    let mut punten: Vec<BevindingPunt> = own
        .iter()
        .map(|d| BevindingPunt {
            code: d.code.as_str(),
            ernst: ernst(d),
            partij: d.organisatie.as_deref().map(|o| base.party_short(o)),
            wat: capitalised(&base.finding(d)),
            gevraagd: base.asked(d),
        })
        .collect();
    // For the board: errors first, then by code; the annex keeps the check's order.
    punten.sort_by_key(|p| (p.ernst != "fout", p.code));
    Bevindingen {
        fouten: own.iter().filter(|d| d.severity() == Severity::Error).count(),
        waarschuwingen: own.iter().filter(|d| d.severity() == Severity::Warning).count(),
        punten,
        technisch: own
            .iter()
            .map(|d| Bevinding {
                code: d.code.as_str(),
                ernst: ernst(d),
                vindplaats: place(base, d),
                melding: base.finding(d),
            })
            .collect(),
        aanvaard,
    }
}

/// Where a finding is, in words: the document and party instead of a file path.
fn place(base: &Base, d: &Diagnostic) -> String {
    let Some(file) = d.file.as_deref() else { return "—".into() };
    let what = base.source(file, true);
    match d.pos {
        Some(p) => format!("{what}, regel {}", p.line),
        None => what,
    }
}

/// A sentence with its first letter a capital.
fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}
