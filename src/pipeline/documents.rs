//! The cycle documents of a run: which to make, and each document's view made and typeset on
//! one of the typesetting threads (one per core, fonts parsed once and shared).

use super::outcome::{Refusal, Timings};
use super::rollups::YearRollups;
use crate::diag::Diagnostics;
use crate::model::{CycleDoc, Doc, Tree, Year};
use crate::typeset::{Job, TemplateError, Templates, Typesetter};
use jiff::civil::Date;
use std::collections::BTreeMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// One document to make: its kind, cycle year and output path relative to `out/`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Planned {
    /// Meerjarenplan, jaarplan, jaarrekening or a voortgangsrapportage.
    pub kind: Doc,
    /// The cycle year it is about.
    pub jaar: Year,
    /// `<Y>/jaarplan-<Y>.pdf` and so on.
    pub rel: String,
}

impl Planned {
    /// A document of `kind` for year `y`, in folder `dir` of `out/` (default: `<Y>`).
    pub fn new(kind: Doc, y: Year, dir: Option<&str>) -> Planned {
        let name = kind.file_name(y);
        let rel = match dir {
            Some(d) => format!("{d}/{name}"),
            None => format!("{y}/{name}"),
        };
        Planned { kind, jaar: y, rel }
    }
}

/// Which documents `build` makes (contract §9): without `--jaar` the meerjarenplan and
/// jaarplan of the latest year folder, the jaarrekening of the latest year with realisations
/// and the voortgangsrapportage of the latest quarter of the latest year with progress reports;
/// with `--jaar` those of that year.
pub fn plan_documents(tree: &Tree, jaar: Option<Year>) -> Vec<Planned> {
    let has_real = |y: Year| tree.years.get(&y).is_some_and(|m| m.values().any(|s| s.realisatie.is_some()));
    let latest = jaar.or_else(|| tree.years.keys().next_back().copied());
    let mut out = Vec::new();
    if let Some(y) = latest {
        out.push(Planned::new(Doc::Cycle(CycleDoc::Meerjarenplan), y, None));
        out.push(Planned::new(Doc::Cycle(CycleDoc::Jaarplan), y, None));
    }
    let r = match jaar {
        Some(y) => has_real(y).then_some(y),
        None => tree.years.keys().rev().copied().find(|y| has_real(*y)),
    };
    if let Some(r) = r {
        out.push(Planned::new(Doc::Cycle(CycleDoc::Jaarrekening), r, None));
    }
    let quarter = |y: Year| crate::rollup::latest_quarter(tree, y).map(|k| (y, k));
    let v = match jaar {
        Some(y) => quarter(y),
        None => tree.years.keys().rev().find_map(|y| quarter(*y)),
    };
    if let Some((y, k)) = v {
        out.push(Planned::new(Doc::Voortgang(k), y, None));
    }
    out
}

/// A typeset document ready to write.
pub struct Made {
    /// What it is.
    pub planned: Planned,
    /// The PDF.
    pub pdf: Vec<u8>,
    /// The files typst compiled (for `--emit-typst` and the meeting pack).
    pub job: Job,
}

/// The job of one cycle document: the templates plus its view as `data.json`.
pub fn job(templates: &Templates, kind: Doc, data: Vec<u8>, date: Date) -> Job {
    let mut files = templates.files.clone();
    files.insert("data.json".into(), data);
    Job { files, main: format!("{}.typ", kind.as_str()), date }
}

/// Typesets every planned document, [`typesetters`] at a time: a thread takes the next
/// document in plan order, makes its view (from its year's roll-up in `rollups`, which may be
/// made on that first use) and then typesets it, so the first document is typeset as soon as
/// its own view exists and the later views are made while it is typeset. A document whose job
/// is the last build's (same view, templates and date) in a keeping session is that PDF.
pub fn typeset_documents(
    tree: &Tree,
    diags: &Diagnostics,
    planned: &[Planned],
    rollups: &impl YearRollups,
    templates: &Templates,
    peildatum: Date,
    session: &mut Session,
) -> Result<Vec<Made>, Refusal> {
    let mut clock = Instant::now();
    let fonts = templates.font_data();
    if session.typesetter.as_ref().is_none_or(|(f, _)| *f != fonts) {
        let ts = Typesetter::new(&fonts);
        session.typesetter = Some((fonts, ts));
    }
    session.timings.lap("fonts", &mut clock);
    let ts = &session.typesetter.as_ref().expect("made above").1;
    let previous = &session.pdfs;
    let views = Mutex::new(Duration::ZERO);
    let make = |i: usize| {
        let p = &planned[i];
        let data = rollups.with(p.jaar, |r| {
            let start = Instant::now();
            let data = crate::view::json(p.kind, tree, r, diags, peildatum);
            *views.lock().expect("view clock") += start.elapsed();
            data
        });
        let job = job(templates, p.kind, data, peildatum);
        let again = previous.get(&p.rel).filter(|(j, _)| *j == job).map(|(_, pdf)| pdf.clone());
        (job, again)
    };
    // A running session keeps typst's memoised layout for the next build (the watch loop
    // evicts what goes unused); a single build drops each document's once it is done.
    let outcomes = typeset_queue(ts, (0..planned.len()).collect(), &make, !session.keep);
    let made = collect(planned.iter().cloned().zip(outcomes).map(|(p, (job, pdf))| (p, job, pdf)))?;
    session.typeset = made.iter().filter(|m| m.3).count();
    if session.keep {
        session.pdfs = made.iter().map(|(p, job, pdf, _)| (p.rel.clone(), (job.clone(), pdf.clone()))).collect();
    }
    session.timings.push("view (in de zetters)", views.into_inner().expect("view clock"));
    session.timings.lap("typeset", &mut clock);
    Ok(made.into_iter().map(|(planned, job, pdf, _)| Made { planned, pdf, job }).collect())
}

/// What a running process keeps between builds (`build --watch`): the typesetter (fonts and
/// standard library, made once; typst's memoised layout lives as long as the process) and,
/// with `keep`, every document's last job and PDF, so that a document whose job is unchanged is
/// not typeset again.
#[derive(Default)]
pub struct Session {
    /// The typesetter and the template fonts it was made with.
    typesetter: Option<(Vec<Vec<u8>>, Typesetter)>,
    /// The last job and PDF per document (only with `keep`).
    pdfs: BTreeMap<String, (Job, Vec<u8>)>,
    /// Keep the jobs and PDFs for the next build.
    pub keep: bool,
    /// How many documents the last build typeset (the others were unchanged).
    pub typeset: usize,
    /// Wall time of the stages of the last build's typesetting (view, fonts, typeset).
    pub timings: Timings,
}

impl Session {
    /// A session that keeps every document's last job and PDF between builds.
    pub fn keeping() -> Session {
        Session { keep: true, ..Session::default() }
    }
}

/// How many documents are typeset at once: `JAARCYCLUS_ZETTERS` when set (1 = one after the
/// other), else the number of cores. Each document in flight holds its whole layout in memory,
/// so more documents than cores only raise the peak without making the build faster.
pub fn typesetters() -> usize {
    std::env::var("JAARCYCLUS_ZETTERS")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
        .filter(|n| *n > 0)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(2, |n| n.get()))
}

/// Documents are typeset at the same time only while their jobs together stay under this many
/// bytes. Typst's layout of a document takes some 450 times its view (the jaarrekening of 1,041
/// parties: a view of 1.4 MB, ~650 MB of layout), so large documents are typeset one after the
/// other: the peak is then the largest document rather than the sum, and the other core is free
/// for the tables and the website, which are made beside the typesetting. The default data's
/// documents (jobs of ~0.2 MB) still go in parallel.
const TOGETHER_MAX: usize = 1 << 20;

/// Typesets the jobs on [`typesetters`] threads, the largest first (by the size of their
/// files), the jobs in flight staying under [`TOGETHER_MAX`]; the results come back in the
/// order of `jobs`. With `forget`, typst's memoised layout is dropped whenever no document is in
/// flight (a single build: a finished document's layout is of no use to the next). Every
/// template error comes back, per main file.
pub fn typeset_parallel<K: Send>(
    ts: &Typesetter,
    jobs: Vec<(K, Job)>,
    forget: bool,
) -> Result<Vec<(K, Job, Vec<u8>)>, Refusal> {
    let sizes: Vec<usize> = jobs.iter().map(|(_, j)| size(j)).collect();
    let mut order: Vec<usize> = (0..jobs.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(sizes[i]));
    let (keys, jobs): (Vec<K>, Vec<Job>) = jobs.into_iter().unzip();
    let queue: Vec<Mutex<Option<Job>>> = jobs.into_iter().map(|j| Mutex::new(Some(j))).collect();
    let take = |i: usize| (queue[i].lock().expect("job queue").take().expect("each job once"), None);
    let outcomes = typeset_queue(ts, order, &take, forget);
    let made = collect(keys.into_iter().zip(outcomes).map(|(k, (job, pdf))| (k, job, pdf)))?;
    Ok(made.into_iter().map(|(k, job, pdf, _)| (k, job, pdf)).collect())
}

/// The bytes of a job's files: what its layout's memory grows with.
fn size(job: &Job) -> usize {
    job.files.values().map(Vec::len).sum()
}

/// A document's job, and its PDF (with whether it was typeset now) or its template errors.
type Outcome = (Job, Result<(Vec<u8>, bool), Vec<TemplateError>>);

/// Runs documents `order` (a permutation of `0..n`) on [`typesetters`] threads. A thread takes
/// the next document, makes its job with `make` (which may take a while: a view, a roll-up, and
/// may hand back a PDF already made for that job), then typesets it as soon as the jobs in
/// flight together stay under [`TOGETHER_MAX`] (or none is in flight). Outcomes by index.
fn typeset_queue(
    ts: &Typesetter,
    order: Vec<usize>,
    make: &(dyn Fn(usize) -> (Job, Option<Vec<u8>>) + Sync),
    forget: bool,
) -> Vec<Outcome> {
    let n = order.len();
    // The next place in `order`, and the bytes and number of jobs in flight.
    let state = Mutex::new((0usize, 0usize, 0usize));
    let turn = std::sync::Condvar::new();
    let slots: Vec<Mutex<Option<Outcome>>> = (0..n).map(|_| Mutex::new(None)).collect();
    std::thread::scope(|s| {
        for _ in 0..typesetters().min(n) {
            s.spawn(|| {
                loop {
                    let i = {
                        let mut st = state.lock().expect("typesetting state");
                        let Some(&i) = order.get(st.0) else { return };
                        st.0 += 1;
                        i
                    };
                    let (job, again) = make(i);
                    if let Some(pdf) = again {
                        *slots[i].lock().expect("result slot") = Some((job, Ok((pdf, false))));
                        continue;
                    }
                    let bytes = size(&job);
                    let mut st = state.lock().expect("typesetting state");
                    while st.2 > 0 && st.1 + bytes > TOGETHER_MAX {
                        st = turn.wait(st).expect("typesetting state");
                    }
                    (st.1, st.2) = (st.1 + bytes, st.2 + 1);
                    drop(st);
                    let pdf = ts.pdf(&job).map(|pdf| (pdf, true));
                    *slots[i].lock().expect("result slot") = Some((job, pdf));
                    let mut st = state.lock().expect("typesetting state");
                    (st.1, st.2) = (st.1 - bytes, st.2 - 1);
                    if forget && st.2 == 0 {
                        // Under the lock: no compilation is running.
                        crate::typeset::release();
                    }
                    drop(st);
                    turn.notify_all();
                }
            });
        }
    });
    slots.into_iter().map(|m| m.into_inner().expect("result slot").expect("every job typeset")).collect()
}

/// A typeset document with its key: its job, its PDF and whether it was typeset now.
type Typeset<K> = (K, Job, Vec<u8>, bool);

/// The typeset documents with their keys, or every template error, per main file.
fn collect<K>(
    outcomes: impl Iterator<Item = (K, Job, Result<(Vec<u8>, bool), Vec<TemplateError>>)>,
) -> Result<Vec<Typeset<K>>, Refusal> {
    let mut made = Vec::new();
    let mut failed: BTreeMap<String, Vec<TemplateError>> = BTreeMap::new();
    for (k, job, pdf) in outcomes {
        match pdf {
            Ok((pdf, fresh)) => made.push((k, job, pdf, fresh)),
            Err(errors) => {
                let seen = failed.entry(job.main.clone()).or_default();
                for e in errors {
                    if !seen.contains(&e) {
                        seen.push(e);
                    }
                }
            }
        }
    }
    if failed.is_empty() { Ok(made) } else { Err(Refusal::Templates(failed.into_iter().collect())) }
}
