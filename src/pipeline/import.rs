//! `jaarcyclus import BESTAND.xlsx`: a workbook of the spreadsheet route back into the contract's
//! YAML files in the data root. The workbook is read cell by cell ([`crate::workbook::read`]),
//! its files written as YAML in memory and checked as `check --organisatie` would check them in
//! place — over a copy of the party's part of the data root — and every finding of those files
//! is moved to the cell its value came from. Nothing is written when a file of the workbook has
//! an error of families E0–E2, nor over a file newer than the workbook unless asked.

use crate::diag::{Diagnostic, Diagnostics, Pos};
use crate::model::Scope;
use crate::workbook::emit::{Emitted, yaml};
use crate::workbook::read::{Read, read};
use crate::workbook::sheets;
use crate::workbook::values::{FileValues, Src};
use crate::write::write_atomic;
use anyhow::{Context, anyhow};
use jiff::civil::Date;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// What became of one file of the workbook.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fate {
    /// Written into the data root.
    Written,
    /// Equal to the file already there: left as it was.
    Unchanged,
    /// Not written (the workbook has errors that make its values untrustworthy).
    Refused,
}

/// The outcome of an import.
pub struct Imported {
    /// Every file of the workbook (relative to the data root) and what became of it.
    pub files: Vec<(String, Fate)>,
    /// Every finding: those of the workbook's files at their cells, and the party's others.
    pub diags: Diagnostics,
    /// The texts of the party's other files, for showing their source lines.
    pub sources: crate::diag::Sources,
}

/// Imports the workbook at `path` into `data`; `overwrite` allows replacing files newer than
/// the workbook.
pub fn import(data: &Path, path: &Path, overwrite: bool, peildatum: Date) -> anyhow::Result<Imported> {
    let bytes = std::fs::read(path).with_context(|| format!("kan `{}` niet lezen", path.display()))?;
    let name = path.display().to_string();
    let Read { docs, diags: read_diags, refused } = read(&bytes, &name);
    let mut diags = Diagnostics::new();
    diags.extend(read_diags);
    let mut files: Vec<(String, Emitted, &FileValues)> = Vec::new();
    let mut seen = BTreeSet::new();
    for doc in &docs {
        let main = sheets::of_kind(doc.kind)[0].name;
        match doc.rel() {
            Some(rel) if seen.insert(rel.clone()) => files.push((rel, yaml(doc, &file_name(path)), doc)),
            Some(rel) => diags.push(
                crate::diag::msg::stray_value(&format!("voor `{rel}` staat twee keer in de werkmap"))
                    .at_cell(&name, main, 1, 1),
            ),
            None => diags.push(crate::diag::msg::missing_field("organisatie en jaar").at_cell(&name, main, 3, 2)),
        }
    }
    let mut sources = crate::diag::Sources::new();
    let parties: BTreeSet<String> = files.iter().filter_map(|(rel, _, _)| party_of(rel)).collect();
    for org in &parties {
        let mine: Vec<&(String, Emitted, &FileValues)> =
            files.iter().filter(|(rel, _, _)| party_of(rel).as_ref() == Some(org)).collect();
        let (found, texts) = check_in_place(data, org, &mine, peildatum)?;
        sources.extend(texts);
        let cells: Vec<(&str, &Emitted, &FileValues)> = mine.iter().map(|(r, e, v)| (r.as_str(), e, *v)).collect();
        for d in found {
            if let Some(mapped) = to_cell(d, &cells, &name, &refused) {
                diags.push(mapped);
            }
        }
    }
    diags.finish();
    let untrustworthy = diags.items().iter().any(|d| d.code.blocks_build() && d.file.as_deref() == Some(name.as_str()));
    let mut fates = Vec::new();
    if untrustworthy || files.is_empty() {
        fates = files.iter().map(|(rel, _, _)| (rel.clone(), Fate::Refused)).collect();
        return Ok(Imported { files: fates, diags, sources });
    }
    let book_time = std::fs::metadata(path).and_then(|m| m.modified()).ok();
    let mut newer = Vec::new();
    for (rel, e, _) in &files {
        let target = data.join(rel);
        let Ok(m) = std::fs::metadata(&target) else { continue };
        let same = std::fs::read_to_string(&target).is_ok_and(|t| t == e.text);
        if !same && !overwrite && m.modified().ok().zip(book_time).is_some_and(|(t, b)| t > b) {
            newer.push(format!("`{rel}`"));
        }
    }
    if !newer.is_empty() {
        return Err(anyhow!(
            "{} in de gegevensmap {} nieuwer dan de werkmap; niets geschreven (gebruik --overschrijven om te vervangen)",
            newer.join(", "),
            if newer.len() == 1 { "is" } else { "zijn" }
        ));
    }
    for (rel, e, _) in &files {
        let target = data.join(rel);
        if std::fs::read_to_string(&target).is_ok_and(|t| t == e.text) {
            fates.push((rel.clone(), Fate::Unchanged));
            continue;
        }
        write_atomic(&target, e.text.as_bytes())?;
        fates.push((rel.clone(), Fate::Written));
    }
    Ok(Imported { files: fates, diags, sources })
}

fn file_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

/// The party of a path `<Y>/<org>/…`.
fn party_of(rel: &str) -> Option<String> {
    crate::layout::party_of(rel).map(|(_, org)| org.to_string())
}

/// Checks the party's files with the workbook's in place of its own, laid over the data root
/// (`load::load_over`; nothing is copied or written). Returns the findings and the texts of
/// the files read.
fn check_in_place(
    data: &Path,
    org: &str,
    files: &[&(String, Emitted, &FileValues)],
    peildatum: Date,
) -> anyhow::Result<(Vec<Diagnostic>, crate::diag::Sources)> {
    let over: BTreeMap<String, String> = files.iter().map(|(rel, e, _)| (rel.clone(), e.text.clone())).collect();
    let scope = Scope { organisatie: Some(org.to_string()), jaar: None };
    let (tree, diags) = crate::load_and_check_over(data, &scope, peildatum, &over)?;
    Ok((diags.items().to_vec(), tree.sources))
}

/// A finding of the check moved to the workbook's cell, when it is about one of its files; a
/// "missing field" finding about a field whose cell was refused already is dropped (the cell's
/// own finding says it).
pub(super) fn to_cell(
    d: Diagnostic,
    files: &[(&str, &Emitted, &FileValues)],
    name: &str,
    refused: &BTreeSet<(String, u32, &'static str)>,
) -> Option<Diagnostic> {
    let Some((_, e, doc)) = d.file.as_deref().and_then(|f| files.iter().find(|(rel, _, _)| *rel == f)) else {
        return Some(d);
    };
    let main = sheets::of_kind(doc.kind)[0].name;
    let pos = d.pos.unwrap_or(Pos::START);
    let src = e.cell(pos).cloned().unwrap_or(Src { sheet: main.to_string(), row: 1, col: 1 });
    let dropped = refused.iter().any(|(sheet, row, field)| {
        *sheet == src.sheet && *row == src.row && d.message == crate::diag::msg::missing_field(field).message
    });
    if dropped {
        return None;
    }
    let (org, jaar) = (d.organisatie.clone(), d.jaar);
    let mut moved = Diagnostic { file: None, pos: None, ..d }.at_cell(name, &src.sheet, src.row, src.col);
    moved.organisatie = org;
    moved.jaar = jaar;
    Some(moved)
}

/// The files of a workbook as YAML, by path relative to the data root (for tests and tools).
pub fn workbook_yaml(bytes: &[u8], name: &str) -> (BTreeMap<String, String>, Vec<Diagnostic>) {
    let r = read(bytes, name);
    let files = r.docs.iter().filter_map(|d| Some((d.rel()?, yaml(d, name).text))).collect();
    (files, r.diags)
}
