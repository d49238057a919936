//! The `build` batch: load → check → rollup → view → typeset → write. Refuses on E0–E2
//! findings; otherwise typesets the three documents in parallel and writes them, the
//! spreadsheets and the manifest atomically under one lock on the output directory.

use crate::diag::Diagnostics;
use crate::model::{CycleDoc, Scope, Tree, Year};
use crate::typeset::{Job, TemplateError, Templates, Typesetter};
use crate::write::{Manifest, lock_out, remove_stale_temps, write_atomic};
use anyhow::{Context, Result, bail};
use jiff::civil::Date;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// One document to make: its kind, cycle year and output path relative to `out/`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Planned {
    /// Meerjarenplan, jaarplan or jaarrekening.
    pub kind: CycleDoc,
    /// The cycle year it is about.
    pub jaar: Year,
    /// `<Y>/jaarplan-<Y>.pdf` and so on.
    pub rel: String,
}

/// Which documents `build` makes (contract §9): without `--jaar` the meerjarenplan and
/// jaarplan of the latest year folder and the jaarrekening of the latest year with realisations.
pub fn plan_documents(tree: &Tree, jaar: Option<Year>) -> Vec<Planned> {
    let has_real = |y: Year| tree.years.get(&y).is_some_and(|m| m.values().any(|s| s.realisatie.is_some()));
    let latest = jaar.or_else(|| tree.years.keys().next_back().copied());
    let mut out = Vec::new();
    if let Some(y) = latest {
        out.push(Planned {
            kind: CycleDoc::Meerjarenplan,
            jaar: y,
            rel: format!("{y}/meerjarenplan-{y}-{}.pdf", y + 3),
        });
        out.push(Planned { kind: CycleDoc::Jaarplan, jaar: y, rel: format!("{y}/jaarplan-{y}.pdf") });
    }
    let r = match jaar {
        Some(y) => has_real(y).then_some(y),
        None => tree.years.keys().rev().copied().find(|y| has_real(*y)),
    };
    if let Some(r) = r {
        out.push(Planned { kind: CycleDoc::Jaarrekening, jaar: r, rel: format!("{r}/jaarrekening-{r}.pdf") });
    }
    out
}

/// Wall time per stage, for `--timings`.
#[derive(Default, Debug)]
pub struct Timings(pub Vec<(&'static str, Duration)>);

impl Timings {
    fn lap(&mut self, stage: &'static str, since: &mut Instant) {
        self.0.push((stage, since.elapsed()));
        *since = Instant::now();
    }
}

/// A typeset document ready to write.
pub struct Made {
    /// What it is.
    pub planned: Planned,
    /// The PDF.
    pub pdf: Vec<u8>,
    /// The files typst compiled (for `--emit-typst`).
    pub job: Job,
}

/// A document after typesetting: its plan, its job, and the PDF or the template errors.
type Typeset = (Planned, Job, Result<Vec<u8>, Vec<TemplateError>>);

/// Why a build produced nothing.
pub enum Refusal {
    /// E0–E2 findings: the numbers are untrustworthy (exit 1).
    Input,
    /// A template failed (exit 2): the program's own material is broken.
    Templates(Vec<(String, Vec<TemplateError>)>),
}

/// Views and jobs for every planned document, then typesetting in parallel (one thread per
/// document; fonts parsed once and shared).
pub fn make(
    tree: &Tree,
    diags: &Diagnostics,
    planned: &[Planned],
    templates: &Templates,
    peildatum: Date,
    t: &mut Timings,
) -> Result<Vec<Made>, Refusal> {
    if diags.blocks_build() {
        return Err(Refusal::Input);
    }
    let mut clock = Instant::now();
    let mut rollups = BTreeMap::new();
    for p in planned {
        rollups.entry(p.jaar).or_insert_with(|| crate::rollup::rollup(tree, p.jaar));
    }
    t.lap("rollup", &mut clock);
    let jobs: Vec<(Planned, Job)> = planned
        .iter()
        .map(|p| {
            let data = crate::view::document_json(p.kind, tree, &rollups[&p.jaar], diags, peildatum);
            let mut files = templates.files.clone();
            files.insert("data.json".into(), data);
            (p.clone(), Job { files, main: format!("{}.typ", p.kind.as_str()), date: peildatum, tagged: true })
        })
        .collect();
    t.lap("view", &mut clock);
    let ts = Typesetter::new(&templates.fonts);
    t.lap("fonts", &mut clock);
    let results: Vec<Typeset> = std::thread::scope(|s| {
        let handles: Vec<_> = jobs
            .into_iter()
            .map(|(p, job)| {
                let ts = &ts;
                s.spawn(move || {
                    let pdf = ts.pdf(&job);
                    (p, job, pdf)
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().expect("typesetting thread")).collect()
    });
    t.lap("typeset", &mut clock);
    let mut made = Vec::new();
    let mut failed = Vec::new();
    for (planned, job, pdf) in results {
        match pdf {
            Ok(pdf) => made.push(Made { planned, pdf, job }),
            Err(e) => failed.push((job.main.clone(), e)),
        }
    }
    if failed.is_empty() { Ok(made) } else { Err(Refusal::Templates(failed)) }
}

/// Refuses an output directory inside the data root (documents must never mix with inputs).
pub fn guard_out(data: &Path, out: &Path) -> Result<PathBuf> {
    // Judge the place before creating it, so that a refused `--out` leaves nothing behind.
    if let (Ok(data_c), Some(out_r)) = (data.canonicalize(), resolve_to_be(out))
        && out_r.starts_with(&data_c)
    {
        bail!(
            "uitvoermap `{}` ligt binnen de gegevensmap `{}`; kies een map daarbuiten",
            out.display(),
            data.display()
        );
    }
    std::fs::create_dir_all(out)
        .with_context(|| format!("uitvoermap `{}` kan niet worden aangemaakt", out.display()))?;
    let out_c = out.canonicalize().with_context(|| format!("uitvoermap `{}` is niet bruikbaar", out.display()))?;
    if let Ok(data_c) = data.canonicalize()
        && out_c.starts_with(&data_c)
    {
        bail!(
            "uitvoermap `{}` ligt binnen de gegevensmap `{}`; kies een map daarbuiten",
            out.display(),
            data.display()
        );
    }
    Ok(out_c)
}

/// Where `path` would be once created: its deepest existing ancestor resolved (links
/// followed), the missing components appended; `None` when that cannot be told beforehand.
fn resolve_to_be(path: &Path) -> Option<PathBuf> {
    let abs = std::path::absolute(path).ok()?;
    let mut existing = abs.as_path();
    let mut missing = Vec::new();
    while !existing.exists() {
        missing.push(existing.file_name()?);
        existing = existing.parent()?;
    }
    let mut resolved = existing.canonicalize().ok()?;
    resolved.extend(missing.iter().rev());
    Some(resolved)
}

/// Writes the documents, the roll-up spreadsheets and the manifest, each atomically, under
/// an exclusive lock on `out`. Returns the written paths relative to `out`.
pub fn write_all(
    out: &Path,
    tree: &Tree,
    made: &[Made],
    templates: &Templates,
    peildatum: Date,
) -> Result<Vec<String>> {
    let _lock = lock_out(out)?;
    // Under the lock, a temporary file beside a target can only be a killed build's leftover.
    let put = |rel: &str, bytes: &[u8]| {
        remove_stale_temps(&out.join(rel));
        write_atomic(&out.join(rel), bytes)
    };
    let mut written = Vec::new();
    let mut per_year: BTreeMap<Year, Manifest> = BTreeMap::new();
    for m in made {
        let man = per_year.entry(m.planned.jaar).or_insert_with(|| manifest(tree, templates, peildatum));
        put(&m.planned.rel, &m.pdf)?;
        man.add_output(&m.planned.rel, &m.pdf);
        written.push(m.planned.rel.clone());
    }
    for (y, man) in per_year.iter_mut() {
        let r = crate::rollup::rollup(tree, *y);
        let mut tables = crate::export::tables(&r);
        tables.extend(crate::export::plan_tables(tree, &r));
        for t in &tables {
            let rel = format!("{y}/tabellen/{}-{y}.csv", t.name);
            let bytes = crate::write::csv(t);
            put(&rel, &bytes)?;
            man.add_output(&rel, &bytes);
            written.push(rel);
        }
        let rel = format!("{y}/tabellen/consolidatie-{y}.xlsx");
        let bytes = crate::write::xlsx(&tables)?;
        put(&rel, &bytes)?;
        man.add_output(&rel, &bytes);
        written.push(rel);
        let rel = format!("{y}/manifest.json");
        put(&rel, &man.to_json())?;
        written.push(rel);
    }
    Ok(written)
}

fn manifest(tree: &Tree, templates: &Templates, peildatum: Date) -> Manifest {
    let mut man = Manifest::new(peildatum);
    for (rel, (sha, len)) in &tree.inputs {
        man.add_input_digest(&format!("data/{rel}"), sha, *len);
    }
    for (rel, bytes) in &templates.files {
        man.add_input(&format!("templates/{rel}"), bytes);
    }
    man
}

/// `--emit-typst DIR`: per document `DIR/<document>/main.typ` plus every file it reads, and
/// the bundled fonts under `DIR/fonts/`, so an independent typst can compile the same sources.
pub fn emit_typst(dir: &Path, made: &[Made], templates: &Templates) -> Result<()> {
    for m in made {
        let base = dir.join(m.planned.kind.as_str());
        for (rel, bytes) in &m.job.files {
            let target = if *rel == m.job.main { "main.typ".to_string() } else { rel.clone() };
            write_atomic(&base.join(target), bytes)?;
        }
    }
    for (i, bytes) in templates.fonts.iter().enumerate() {
        write_atomic(&dir.join("fonts").join(format!("font-{i:02}.ttf")), bytes)?;
    }
    Ok(())
}

/// Whole-tree load and check for `build` (every year; the documents list every finding).
pub fn load(data: &Path, peildatum: Date) -> Result<(Tree, Diagnostics)> {
    crate::load_and_check(data, &Scope::default(), peildatum)
}
