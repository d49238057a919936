//! `jaarcyclus ontvang <BRON> --organisatie ID` (contract §15): a party's delivery checked as
//! `check --organisatie` would check it, laid over the data root (`load_over`, nothing copied);
//! refused on errors of E0–E2 (nothing changes); otherwise its files written into `<Y>/<ID>/`
//! (each atomically, the same bytes left alone) and one receipt per file appended to
//! ontvangsten.yaml (written anew as a whole and renamed over). All of it under a lock on the
//! data root, so that concurrent receipts queue and a kill at any moment leaves every file
//! whole. Either way a bevestiging (`.txt` and `.eml`) goes to `out/ontvangsten/`.

mod bron;
mod register;

pub use bron::is_contract_name;

use crate::diag::{Diagnostic, Diagnostics, Sources};
use crate::layout::{ONTVANGSTEN, party_file};
use crate::model::{FileKind, Scope, Year, hex};
use crate::view::ontvangst::{Bestand, Bevestiging, Uitkomst};
use crate::write::{guard_out, lock_data, mail, remove_stale_temps, write_atomic};
use anyhow::{Context, anyhow, bail};
use jiff::civil::Date;
use register::Entry;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How long a receipt waits for another one to finish.
const WAIT: Duration = Duration::from_secs(120);

/// What `ontvang` is asked.
pub struct OntvangOptions<'a> {
    /// The data root.
    pub data: &'a Path,
    /// The output folder (the bevestiging goes to `ontvangsten/` in it).
    pub out: &'a Path,
    /// The delivery: a folder or a workbook.
    pub bron: &'a Path,
    /// The party.
    pub organisatie: &'a str,
    /// The cycle year, when given (else the files' own).
    pub jaar: Option<Year>,
    /// The reference date: the date of receipt.
    pub peildatum: Date,
}

/// The outcome of a receipt.
pub struct Received {
    /// Whether the delivery was received (false: refused on E0–E2, nothing changed).
    pub ontvangen: bool,
    /// The cycle year.
    pub jaar: Year,
    /// Every file and what became of it.
    pub bestanden: Vec<Bestand>,
    /// The findings of the check at receipt.
    pub diags: Diagnostics,
    /// The texts of the files read, for showing source lines.
    pub sources: Sources,
    /// The bevestiging: `.txt` and `.eml`.
    pub bevestiging: [PathBuf; 2],
}

/// Receives a delivery. Fails (exit status 2, nothing written) when it cannot be received at
/// all: a name in BRON that is no contract file of the party, files that disagree on the year,
/// an unreadable data root, an output folder that cannot be written.
pub fn ontvang(o: &OntvangOptions) -> anyhow::Result<Received> {
    let org = o.organisatie;
    if !crate::load::is_lower_id(org) {
        bail!("`{org}` is geen geldige id van een partij");
    }
    let delivery = bron::read_bron(o.bron, org).map_err(|r| anyhow!(r.0))?;
    let jaar = o.jaar.or(delivery.jaar).ok_or_else(|| {
        anyhow!("de bestanden noemen geen (leesbaar) jaar; geef het cyclusjaar met --jaar; niets ontvangen")
    })?;
    guard_out(o.data, o.out)?;
    let out = o.out.join("ontvangsten");
    let _lock = lock_data(o.data, WAIT)?;
    let files: Vec<(String, String)> =
        delivery.files.iter().map(|(name, text)| (party_file(jaar, org, name), text.clone())).collect();
    for (rel, _) in &files {
        remove_stale_temps(&o.data.join(rel));
    }
    remove_stale_temps(&o.data.join(ONTVANGSTEN));
    let mut read_diags: Vec<Diagnostic> = delivery.diags.clone();
    for d in read_diags.iter_mut().filter(|d| d.cel.is_none()) {
        if let Some(name) = d.file.take() {
            *d = d.clone().in_file(&party_file(jaar, org, &name));
        }
    }
    let scope = Scope { organisatie: Some(org.to_string()), jaar: None };
    let mut over: BTreeMap<String, String> = files.iter().cloned().collect();
    let (tree, found) = crate::load_and_check_over(o.data, &scope, o.peildatum, &over)?;
    // The delivered files are judged as received now, not as changed after an earlier receipt.
    let found = found.items().iter().filter(|d| !(d.code == crate::diag::Code::W009 && over.contains_key(file(d))));
    let first = findings(read_diags.iter().cloned().chain(found.cloned()), &delivery);
    let tijdstip = moment(&out, org, jaar);
    let stamp = register::stamp(tijdstip);
    let sha = |text: &str| hex(&Sha256::digest(text.as_bytes()).into());
    if first.blocks_build() || files.is_empty() {
        let bestanden: Vec<Bestand> = files
            .iter()
            .map(|(rel, text)| Bestand {
                bestand: rel.clone(),
                sha256: sha(text),
                uitkomst: Uitkomst::NietOntvangen,
                termijn: None,
            })
            .collect();
        let b = Bevestiging {
            stelsel: tree.stelsel.as_ref(),
            organisatie: org,
            jaar,
            ontvangen_op: o.peildatum,
            tijdstip: &stamp,
            geregistreerd: jiff::tz::Offset::UTC.to_datetime(tijdstip).date(),
            ontvangen: false,
            bestanden: &bestanden,
            bevindingen: first.items(),
        };
        let bevestiging = confirm(&out, org, jaar, tijdstip, &b)?;
        return Ok(Received { ontvangen: false, jaar, bestanden, diags: first, sources: tree.sources, bevestiging });
    }
    let existing: Vec<Entry> = tree.ontvangsten.iter().map(Entry::from).collect();
    let mut new = Vec::new();
    let mut plan = Vec::new();
    for (rel, text) in &files {
        let sha = sha(text);
        let same = std::fs::read(o.data.join(rel)).is_ok_and(|b| b == text.as_bytes());
        let before = existing.iter().filter(|e| e.bestand == *rel && e.sha256 == sha).map(|e| e.ontvangen_op).min();
        let uitkomst = match before.filter(|_| same) {
            Some(d) => Uitkomst::AlOntvangen(d),
            None => {
                new.push(Entry {
                    organisatie: org.to_string(),
                    jaar,
                    bestand: rel.clone(),
                    sha256: sha.clone(),
                    ontvangen_op: o.peildatum,
                    tijdstip,
                    fouten: 0,
                    waarschuwingen: 0,
                });
                Uitkomst::Ontvangen { geschreven: !same }
            }
        };
        plan.push((rel.clone(), sha, uitkomst));
    }
    // Checked again with the receipts in the register: judged by the date of receipt.
    let all = |new: &[Entry]| existing.iter().chain(new).cloned().collect::<Vec<_>>();
    over.insert(ONTVANGSTEN.to_string(), register::text(&all(&new)));
    let (tree, found) = crate::load_and_check_over(o.data, &scope, o.peildatum, &over)?;
    let diags = findings(read_diags.into_iter().chain(found.items().iter().cloned()), &delivery);
    for e in &mut new {
        (e.fouten, e.waarschuwingen) = (diags.errors(), diags.warnings());
    }
    for ((rel, text), (_, _, uitkomst)) in files.iter().zip(&plan) {
        if *uitkomst == (Uitkomst::Ontvangen { geschreven: true }) {
            write_atomic(&o.data.join(rel), text.as_bytes())?;
        }
    }
    if !new.is_empty() {
        write_atomic(&o.data.join(ONTVANGSTEN), register::text(&all(&new)).as_bytes())?;
    }
    let st = tree.stelsel.as_ref();
    let rol = st.and_then(|st| st.organisaties.iter().find(|x| x.id.value == org)).map(|x| x.rol);
    let due = match (st, rol) {
        (Some(st), Some(rol)) => tree.due(st, org, rol, jaar, None, o.peildatum),
        _ => Vec::new(),
    };
    let bestanden: Vec<Bestand> = plan
        .into_iter()
        .map(|(rel, sha256, uitkomst)| {
            let termijn = due.iter().find(|d| d.bestand == rel && d.kind != FileKind::Wijziging).cloned();
            Bestand { bestand: rel, sha256, uitkomst, termijn }
        })
        .collect();
    let b = Bevestiging {
        stelsel: st,
        organisatie: org,
        jaar,
        ontvangen_op: o.peildatum,
        tijdstip: &stamp,
        geregistreerd: jiff::tz::Offset::UTC.to_datetime(tijdstip).date(),
        ontvangen: true,
        bestanden: &bestanden,
        bevindingen: diags.items(),
    };
    let bevestiging = confirm(&out, org, jaar, tijdstip, &b)?;
    Ok(Received { ontvangen: true, jaar, bestanden, diags, sources: tree.sources, bevestiging })
}

fn file(d: &Diagnostic) -> &str {
    d.file.as_deref().unwrap_or_default()
}

/// The findings, those of a workbook's files moved to the cells their values came from.
fn findings(ds: impl Iterator<Item = Diagnostic>, delivery: &bron::Delivery) -> Diagnostics {
    let mut out = Diagnostics::new();
    match &delivery.book {
        Some(book) => {
            let cells: Vec<_> = book.files.iter().map(|(r, e, v)| (r.as_str(), e, v)).collect();
            out.extend(ds.filter_map(|d| super::import::to_cell(d, &cells, &book.name, &book.refused)));
        }
        None => out.extend(ds),
    }
    out.finish();
    out
}

/// The real moment of this receipt, UTC, in whole seconds; a later second when a bevestiging
/// of this party and year already carries this one (two receipts within one second).
fn moment(out: &Path, org: &str, jaar: Year) -> jiff::Timestamp {
    loop {
        let now = jiff::Timestamp::now();
        let t = jiff::Timestamp::from_second(now.as_second()).unwrap_or(now);
        if !out.join(format!("{org}-{jaar}-{}.txt", register::file_stamp(t))).exists() {
            return t;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Writes the bevestiging as `.txt` and `.eml`.
fn confirm(out: &Path, org: &str, jaar: Year, t: jiff::Timestamp, b: &Bevestiging) -> anyhow::Result<[PathBuf; 2]> {
    let base = format!("{org}-{jaar}-{}", register::file_stamp(t));
    let (txt, eml) = (out.join(format!("{base}.txt")), out.join(format!("{base}.eml")));
    let tekst = b.tekst();
    let naam = b.stelsel.and_then(|st| st.organisaties.iter().find(|x| x.id.value == org)).map(|x| x.naam.clone());
    let date = jiff::tz::Offset::UTC.to_datetime(t).date();
    write_atomic(&txt, tekst.as_bytes()).context("kan de ontvangstbevestiging niet schrijven")?;
    let mail = mail::eml(&naam.unwrap_or_else(|| org.to_string()), &b.onderwerp(), &tekst, date);
    write_atomic(&eml, &mail).context("kan de ontvangstbevestiging niet schrijven")?;
    Ok([txt, eml])
}
