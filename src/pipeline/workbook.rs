//! `sjabloon --format xlsx`: per party one workbook of the spreadsheet route for cycle year Y,
//! prefilled from the party's current files of Y when they exist, else from its files of Y−1
//! (the scaffold of `sjabloon --format yaml`: estimates become the starting amounts, goals and
//! results carried over as concept), with the realisatie (after Y) or the progress report of the
//! latest ended quarter (during Y, or the quarter asked for) when due.

use super::outcome::{Refusal, check, refuse_untrustworthy};
use crate::model::{Scope, Submission, Tree, Year};
use crate::sjabloon::next_year;
use crate::workbook::model::{LineInfo, ResultInfo};
use crate::workbook::values::FileValues;
use crate::workbook::{model as docs, write};
use crate::write::write_atomic;
use anyhow::anyhow;
use jiff::civil::Date;
use std::path::{Path, PathBuf};

/// What `sjabloon --format xlsx` wrote.
pub struct Workbooks {
    /// The workbooks written.
    pub written: Vec<PathBuf>,
    /// Parties with nothing to start from (no files of Y or Y−1).
    pub without: Vec<String>,
}

/// The workbook path of a party and year under the output folder.
pub fn workbook_path(out: &Path, org: &str, y: Year) -> PathBuf {
    out.join("sjablonen").join(format!("{org}-{y}.xlsx"))
}

/// Writes the workbooks of year `y` for one party or all; `kwartaal` asks for that quarter's
/// progress report instead of what is due.
pub fn scaffold_xlsx(
    data: &Path,
    out: &Path,
    y: Year,
    organisatie: Option<&str>,
    kwartaal: Option<u8>,
    overwrite: bool,
    peildatum: Date,
) -> Result<Workbooks, Refusal> {
    let scope = Scope { organisatie: organisatie.map(str::to_string), jaar: None };
    let checked = refuse_untrustworthy(check(data, &scope, peildatum)?)?;
    let tree = &checked.tree;
    let st = tree.stelsel.as_ref().ok_or_else(|| anyhow!("stelsel.yaml ontbreekt"))?;
    let reg = write::Registers {
        beleidsdoelen: st.beleidsdoelen.iter().map(|b| b.id.value.clone()).collect(),
        componenten: st.componenten.iter().map(|c| c.id.value.clone()).collect(),
        features: st.features.iter().flatten().map(|f| f.id.value.clone()).collect(),
    };
    let mut books = Vec::new();
    let mut without = Vec::new();
    for o in st.organisaties.iter().filter(|o| organisatie.is_none_or(|id| o.id.value == id)) {
        let id = o.id.value.as_str();
        let Some(docs) = party_docs(tree, y, id, kwartaal, peildatum) else {
            without.push(o.naam.clone());
            continue;
        };
        let guide = guide(&o.naam, y, &docs, tree.submission(y, id).is_some_and(|s| s.plan.is_some()));
        let bytes = write::workbook(&docs, &o.naam, &guide, &reg)?;
        books.push((workbook_path(out, id, y), bytes));
    }
    if books.is_empty() {
        return Err(anyhow!("geen stukken van {y} of {} gevonden om van uit te gaan", y - 1).into());
    }
    let existing: Vec<String> =
        books.iter().filter(|(p, _)| p.exists()).map(|(p, _)| format!("`{}`", p.display())).collect();
    if !overwrite && !existing.is_empty() {
        return Err(anyhow!(
            "{} {} al (misschien al ingevuld); niets geschreven (gebruik --overschrijven om te vervangen)",
            existing.join(", "),
            if existing.len() == 1 { "bestaat" } else { "bestaan" }
        )
        .into());
    }
    for (path, bytes) in &books {
        write_atomic(path, bytes)?;
    }
    Ok(Workbooks { written: books.into_iter().map(|(p, _)| p).collect(), without })
}

/// The files of a party's workbook, or `None` when there is nothing to start from.
pub fn party_docs(tree: &Tree, y: Year, id: &str, kwartaal: Option<u8>, peildatum: Date) -> Option<Vec<FileValues>> {
    let now = tree.submission(y, id);
    let scaffold = scaffolded(tree, y, id);
    let plan = now.and_then(|s| s.plan.as_ref()).or(scaffold.as_ref().and_then(|s| s.plan.as_ref()));
    let begroting = now.and_then(|s| s.begroting.as_ref()).or(scaffold.as_ref().and_then(|s| s.begroting.as_ref()));
    if plan.is_none() && begroting.is_none() {
        return None;
    }
    let mut out: Vec<FileValues> = plan.map(docs::plan).into_iter().chain(begroting.map(docs::begroting)).collect();
    let Some(s) = now else { return Some(out) };
    let (lines, results) = lines_and_results(s, y, peildatum);
    let ended = |k: u8| crate::model::quarter_ended(y, k, peildatum);
    let quarter = kwartaal.or_else(|| (s.realisatie.is_none()).then(|| (1..=3).rev().find(|k| ended(*k))).flatten());
    let year_over = Date::new(y as i16, 12, 31).is_ok_and(|d| d < peildatum);
    match (kwartaal, &s.realisatie) {
        (None, Some(r)) => out.push(docs::realisatie(r, &lines, &results)),
        (None, None) if year_over => out.push(docs::blank(id, y, None, &lines, &results)),
        _ => {
            if let Some(k) = quarter {
                out.push(match s.voortgang.get(&k) {
                    Some(v) => docs::voortgang(v, &lines, &results),
                    None => docs::blank(id, y, Some(k), &lines, &results),
                });
            }
        }
    }
    Some(out)
}

/// The plan and begroting of `y` scaffolded from the party's files of `y - 1`.
fn scaffolded(tree: &Tree, y: Year, id: &str) -> Option<Submission> {
    let (files, _) = next_year(tree, y, Some(id));
    if files.is_empty() {
        return None;
    }
    let texts: Vec<(String, String)> = files.into_iter().map(|f| (f.rel, f.text)).collect();
    let (mut t, _) = crate::load::load_texts(&texts);
    t.years.remove(&y).and_then(|mut parties| parties.remove(id))
}

/// The amended budget lines of Y (id, omschrijving, amount) and the plan's results.
fn lines_and_results(s: &Submission, y: Year, peildatum: Date) -> (Vec<LineInfo>, Vec<ResultInfo>) {
    let lines =
        s.amended(y, peildatum).iter().map(|l| (l.id.to_string(), l.omschrijving.to_string(), l.amount())).collect();
    let results =
        s.plan.iter().flat_map(|p| &p.resultaten).map(|r| (r.id.value.clone(), r.omschrijving.clone())).collect();
    (lines, results)
}

/// The text of the sheet "Toelichting".
fn guide(naam: &str, y: Year, docs: &[FileValues], current: bool) -> Vec<String> {
    use crate::workbook::values::Kind;
    let what: Vec<String> = docs
        .iter()
        .map(|d| match d.kind {
            Kind::Plan => format!("het plan {y}"),
            Kind::Begroting => format!("de begroting {y}"),
            Kind::Realisatie => format!("de realisatie {y}"),
            Kind::Voortgang => format!("de voortgangsrapportage {y} na kwartaal {}", d.kwartaal().unwrap_or_default()),
        })
        .collect();
    let from = if current {
        format!("Vooraf ingevuld met de huidige bestanden van {naam} over {y}.")
    } else {
        format!(
            "Vooraf ingevuld vanuit de stukken van {}: de ramingen voor {y} en later zijn de startbedragen, doelen en \
             resultaten zijn overgenomen, alles met status concept. Werk ze bij.",
            y - 1
        )
    };
    vec![
        format!("Deze werkmap is de aanlevering van {naam}: {}.", what.join(", ")),
        from,
        "Invullen: elk blad begint met de kopvelden (veldnaam, waarde, uitleg); daaronder staat de tabel: een grijze \
         rij met uitleg, de rij met veldnamen en dan één rij per regel. Verander de veldnamen niet. Kolommen met een \
         kop tussen haakjes zijn ter informatie en worden niet ingelezen. Keuzevelden hebben een keuzelijst."
            .to_string(),
        "Bedragen: in euro's als getal, tot op de cent (een bedrag met meer decimalen wordt geweigerd, nooit \
         afgerond). Datums als datum of als tekst JJJJ-MM-DD. Formules mogen, zolang de werkmap met uitkomsten is \
         bewaard."
            .to_string(),
        "Inlezen: `jaarcyclus import <deze werkmap>` controleert alles en schrijft de YAML-bestanden van het \
         contract in de gegevensmap; elke melding noemt blad en cel, bijvoorbeeld Begroting!F7. Zet bij aanlevering \
         status op definitief en vul ingediend_op in."
            .to_string(),
        "Begrotingswijzigingen (wijziging-<n>.yaml) gaan niet via deze werkmap; lever die als YAML aan.".to_string(),
    ]
}
