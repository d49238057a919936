//! Where output may go, and what a `build` writes: the documents, the roll-up spreadsheets and
//! a manifest per year, each atomically under a lock on `out/`; and the typst sources on request.

use super::documents::{Made, Planned};
use super::rollups::YearRollups;
use crate::diag::Diagnostics;
use crate::model::{CycleDoc, Doc, Tree, Year};
use crate::typeset::Templates;
use crate::write::{Manifest, OutLock, remove_stale_temps, write_atomic};
use anyhow::Result;
use jiff::civil::Date;
use std::collections::BTreeMap;
use std::path::Path;

/// Rendered files: (path relative to `out`, bytes).
pub type Files = Vec<(String, Vec<u8>)>;

/// The spreadsheets of a build and the manifest they go into, made before the PDFs exist (they
/// do not depend on them), so that they can be made while the documents are typeset.
pub struct Prepared {
    /// Per year: the manifest without outputs, and every table as (path relative to `out`, bytes).
    pub years: BTreeMap<Year, (Manifest, Files)>,
    /// The website of each year, written but not yet in place.
    pub sites: Vec<crate::write::SiteTmp>,
    /// The time it took to make and write the websites (beside the typesetting).
    pub site_time: std::time::Duration,
}

/// Renders the CSV and XLSX tables of every year of `planned` and the manifest of the build
/// (inputs, templates, findings), and writes each year's website beside its live one. The caller
/// holds the lock on `out`.
pub fn prepare(
    out: &Path,
    tree: &Tree,
    planned: &[Planned],
    rollups: &impl YearRollups,
    templates: &Templates,
    diags: &Diagnostics,
    peildatum: Date,
) -> Result<Prepared> {
    let base = build_manifest(tree, templates, diags, peildatum);
    let mut years = BTreeMap::new();
    let mut sites = Vec::new();
    let mut site_time = std::time::Duration::ZERO;
    // The years in the reverse order of the documents: the typesetting rolls up the first
    // document's year, this thread another one beside it.
    let mut order: Vec<Year> = Vec::new();
    for y in planned.iter().map(|p| p.jaar) {
        if !order.contains(&y) {
            order.push(y);
        }
    }
    for &y in order.iter().rev() {
        rollups.with(y, |r| -> Result<()> {
            let mut tables = crate::view::sheets::tables(r);
            tables.extend(crate::view::sheets::plan_tables(tree, r));
            tables.extend(crate::view::sheets::wijziging_table(tree, r, peildatum));
            if planned.iter().any(|m| m.jaar == y && matches!(m.kind, Doc::Cycle(c) if c != CycleDoc::Jaarrekening)) {
                tables.extend(crate::view::sheets::aansluiting_table(r));
            }
            if let Some(st) = tree.stelsel.as_ref()
                && planned.iter().any(|m| m.jaar == y && m.kind == Doc::Cycle(CycleDoc::Jaarrekening))
            {
                tables.push(crate::view::settlement::table(st, r));
            }
            let quarter = planned.iter().find_map(|m| match m.kind {
                Doc::Voortgang(k) if m.jaar == y => Some(k),
                _ => None,
            });
            if let Some(p) = quarter.and_then(|k| r.progress.get(&k)) {
                tables.push(crate::view::sheets::progress_table(p));
                tables.extend(crate::view::sheets::trend_tables(&crate::rollup::trend(&r.progress, p)));
            }
            let mut files: Files =
                tables.iter().map(|t| (format!("{y}/tabellen/{}-{y}.csv", t.name), crate::write::csv(t))).collect();
            files.push((format!("{y}/tabellen/consolidatie-{y}.xlsx"), crate::write::xlsx(&tables)?));
            drop(tables);
            let mut man = base.clone();
            let input = crate::site::Input {
                tree,
                r,
                diags,
                peildatum,
                documenten: planned.iter().filter(|m| m.jaar == y).map(|m| m.kind).collect(),
                tabellen: files.iter().filter_map(|(rel, _)| rel.rsplit('/').next().map(str::to_string)).collect(),
                jaren: planned.iter().map(|m| m.jaar).collect::<std::collections::BTreeSet<_>>().into_iter().collect(),
            };
            let clock = std::time::Instant::now();
            sites.push(crate::write::write_site(out, y, &mut man, |sink| crate::site::site(&input, sink))?);
            site_time += clock.elapsed();
            years.insert(y, (man, files));
            Ok(())
        })?;
    }
    sites.sort_by(|a, b| a.rel.cmp(&b.rel));
    Ok(Prepared { years, sites, site_time })
}

/// Writes the documents, the prepared spreadsheets of their years and a manifest per year, each
/// atomically, under an exclusive lock on `out`. Returns the written paths relative to `out`.
pub fn write_documents(out: &Path, made: &[Made], prepared: Prepared, _lock: &OutLock) -> Result<Vec<String>> {
    // Under the lock, a temporary file beside a target can only be a killed build's leftover.
    let put = |rel: &str, bytes: &[u8]| {
        remove_stale_temps(&out.join(rel));
        // A file that already holds these bytes is left alone (its time too): a rebuild after a
        // small change rewrites only what changed.
        if crate::write::holds(&out.join(rel), bytes, &mut Vec::new()) {
            return Ok(());
        }
        write_atomic(&out.join(rel), bytes)
    };
    let mut written = Vec::new();
    let mut years = prepared.years;
    for site in prepared.sites {
        written.push(site.rel.clone());
        site.swap()?;
    }
    for m in made {
        let Some((man, _)) = years.get_mut(&m.planned.jaar) else { continue };
        put(&m.planned.rel, &m.pdf)?;
        man.add_output(&m.planned.rel, &m.pdf);
        written.push(m.planned.rel.clone());
    }
    for (y, (mut man, files)) in years {
        for (rel, bytes) in files {
            put(&rel, &bytes)?;
            man.add_output(&rel, &bytes);
            written.push(rel);
        }
        let rel = format!("{y}/manifest.json");
        put(&rel, &man.to_json())?;
        written.push(rel);
    }
    Ok(written)
}

/// The manifest of a `build`: every input read, every template used, and the findings.
pub fn build_manifest(tree: &Tree, templates: &Templates, diags: &Diagnostics, peildatum: Date) -> Manifest {
    let mut man = manifest(tree, templates, peildatum);
    man.add_findings(format!("{:?}", diags.items()).as_bytes());
    man
}

/// A manifest listing every input read and every template used.
pub fn manifest(tree: &Tree, templates: &Templates, peildatum: Date) -> Manifest {
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
    for (i, bytes) in templates.fonts.values().enumerate() {
        write_atomic(&dir.join("fonts").join(format!("font-{i:02}.ttf")), bytes)?;
    }
    Ok(())
}
