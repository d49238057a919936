//! `build`: load → check → rollup (each year once, on first use) → view → typeset → write.
//! Refuses on E0–E2 findings; otherwise writes the cycle documents, the spreadsheets and the
//! manifests — or nothing, when the last build's manifests show the same inputs, flags and
//! program.

use super::documents::{Planned, Session, plan_documents, typeset_documents};
use super::outcome::{Checked, Refusal, Timings, check, refuse_untrustworthy};
use super::output::{emit_typst, prepare, write_documents};
use super::rollups::LazyRollups;
use super::unchanged::up_to_date;
use crate::model::{Scope, Year};
use crate::typeset::Templates;
use crate::write::guard_out;
use anyhow::anyhow;
use jiff::civil::Date;
use std::path::PathBuf;
use std::time::Instant;

/// What `build` is asked to do.
#[derive(Clone, Debug)]
pub struct BuildOptions {
    /// The data root.
    pub data: PathBuf,
    /// The output directory.
    pub out: PathBuf,
    /// The cycle year (default: the current cycle, contract §9).
    pub jaar: Option<Year>,
    /// The reference date.
    pub peildatum: Date,
    /// Also write the typst sources of each document here.
    pub emit_typst: Option<PathBuf>,
    /// A house style laid over the built-in templates.
    pub templates: Option<PathBuf>,
    /// Build even when nothing changed since the last build (`--opnieuw`).
    pub opnieuw: bool,
}

/// What a build did.
pub struct Built {
    /// The checked input (its findings are listed in the documents).
    pub checked: Checked,
    /// The documents planned.
    pub planned: Vec<Planned>,
    /// Every file written, relative to the output directory.
    pub written: Vec<String>,
    /// Nothing was written: inputs, flags and program are those of the last build, and its
    /// outputs are intact (see `unchanged`).
    pub unchanged: bool,
    /// Wall time per stage.
    pub timings: Timings,
}

/// Runs `build`. `typesetting` is called with the number of documents just before the
/// documents are typeset (the binary shows progress).
pub fn build(o: &BuildOptions, typesetting: &mut dyn FnMut(usize)) -> Result<Built, Refusal> {
    build_in(o, &mut Session::default(), typesetting)
}

/// Runs `build` in a session that outlives it (`build --watch`): fonts, typst's memoised
/// layout and, with `session.keep`, the documents whose job did not change are reused.
pub fn build_in(o: &BuildOptions, session: &mut Session, typesetting: &mut dyn FnMut(usize)) -> Result<Built, Refusal> {
    let mut timings = Timings::default();
    let mut clock = Instant::now();
    let checked = check(&o.data, &Scope::default(), o.peildatum)?;
    timings.lap("load+check", &mut clock);
    if let Some(j) = o.jaar
        && !checked.tree.years.contains_key(&j)
    {
        return Err(anyhow!("er is geen jaarmap {j} in `{}`", o.data.display()).into());
    }
    let planned = plan_documents(&checked.tree, o.jaar);
    if planned.is_empty() {
        return Err(anyhow!("geen cyclusjaren gevonden in `{}`", o.data.display()).into());
    }
    let out = guard_out(&o.data, &o.out)?;
    let templates = Templates::with_overlay(o.templates.as_deref())?;
    let checked = refuse_untrustworthy(checked)?;
    let Checked { tree, diags } = &checked;
    if !o.opnieuw && o.emit_typst.is_none() && up_to_date(&out, tree, diags, &planned, &templates, o.peildatum) {
        timings.lap("vergelijken", &mut clock);
        return Ok(Built { checked, planned, written: Vec::new(), unchanged: true, timings });
    }
    // Each year is rolled up on first use (the typesetting starts on the first document's year
    // while the tables' thread rolls up the others) and freed after its last: once per document
    // and once for the tables' thread.
    let mut years: Vec<Year> = planned.iter().map(|p| p.jaar).collect();
    years.sort_unstable();
    years.dedup();
    let uses = planned.iter().map(|p| p.jaar).chain(years);
    let rollups = LazyRollups::new(tree, uses, o.peildatum);
    typesetting(planned.len());
    // The spreadsheets, the website and the manifest do not depend on a PDF: made on a thread
    // of their own while the documents are typeset. The lock on `out/` is held from here: the
    // website is written beside the live one before it is swapped in.
    let lock = crate::write::lock_out(&out)?;
    session.timings = Timings::default();
    let (made, prepared) = std::thread::scope(|s| {
        let tables = s.spawn(|| prepare(&out, tree, &planned, &rollups, &templates, diags, o.peildatum));
        let made = typeset_documents(tree, diags, &planned, &rollups, &templates, o.peildatum, session);
        (made, tables.join().expect("tables thread"))
    });
    timings.push("rollup (naast zetten)", rollups.spent());
    timings.0.append(&mut session.timings.0);
    let (made, prepared) = (made?, prepared?);
    timings.push("site (naast zetten)", prepared.site_time);
    clock = Instant::now();
    let written = write_documents(&out, &made, prepared, &lock)?;
    drop(lock);
    if let Some(dir) = &o.emit_typst {
        emit_typst(dir, &made, &templates)?;
    }
    timings.lap("write", &mut clock);
    Ok(Built { checked, planned, written, unchanged: false, timings })
}
