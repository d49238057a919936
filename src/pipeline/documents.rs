//! The cycle documents of a run: which to make, each year rolled up once, and their views
//! typeset in parallel (one thread per core, fonts parsed once and shared).

use super::outcome::{Refusal, Timings};
use crate::diag::Diagnostics;
use crate::model::{CycleDoc, Doc, Tree, Year};
use crate::rollup::{Rollup, rollup};
use crate::typeset::{Job, TemplateError, Templates, Typesetter};
use jiff::civil::Date;
use std::collections::BTreeMap;
use std::time::Instant;

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

/// The roll-up of every year a run needs, each made once.
pub type Rollups = BTreeMap<Year, Rollup>;

/// Rolls up each of `years` once, at `peildatum`.
pub fn rollups(tree: &Tree, years: impl IntoIterator<Item = Year>, peildatum: Date) -> Rollups {
    let mut out = Rollups::new();
    for y in years {
        out.entry(y).or_insert_with(|| rollup(tree, y, peildatum));
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

/// Views and jobs for every planned document (its year's roll-up from `rollups`), then
/// typesetting in parallel.
pub fn typeset_documents(
    tree: &Tree,
    diags: &Diagnostics,
    planned: &[Planned],
    rollups: &Rollups,
    templates: &Templates,
    peildatum: Date,
    session: &mut Session,
) -> Result<Vec<Made>, Refusal> {
    let t = &mut session.timings;
    let mut clock = Instant::now();
    let jobs: Vec<(Planned, Job)> = planned
        .iter()
        .map(|p| {
            let r = &rollups[&p.jaar];
            let data = crate::view::json(p.kind, tree, r, diags, peildatum);
            (p.clone(), job(templates, p.kind, data, peildatum))
        })
        .collect();
    t.lap("view", &mut clock);
    let fonts = templates.font_data();
    if session.typesetter.as_ref().is_none_or(|(f, _)| *f != fonts) {
        let ts = Typesetter::new(&fonts);
        session.typesetter = Some((fonts, ts));
    }
    let ts = &session.typesetter.as_ref().expect("made above").1;
    session.timings.lap("fonts", &mut clock);
    // A document whose job is the last build's (same view, templates and date) is that PDF.
    let (again, fresh): (Vec<_>, Vec<_>) =
        jobs.into_iter().partition(|(p, job)| session.pdfs.get(&p.rel).is_some_and(|(j, _)| j == job));
    session.typeset = fresh.len();
    // A running session keeps typst's memoised layout for the next build (the watch loop
    // evicts what goes unused); a single build drops each document's once it is done.
    let mut made = typeset_parallel(ts, fresh, !session.keep)?;
    made.extend(again.into_iter().map(|(p, job)| {
        let pdf = session.pdfs[&p.rel].1.clone();
        (p, job, pdf)
    }));
    made.sort_by_key(|(p, _, _)| planned.iter().position(|q| q.rel == p.rel));
    if session.keep {
        session.pdfs = made.iter().map(|(p, job, pdf)| (p.rel.clone(), (job.clone(), pdf.clone()))).collect();
    }
    session.timings.lap("typeset", &mut clock);
    Ok(made.into_iter().map(|(planned, job, pdf)| Made { planned, pdf, job }).collect())
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
/// files), each thread taking the next job when it is done and the jobs in flight stay under
/// [`TOGETHER_MAX`]; the results come back in the order of `jobs`. With `forget`, typst's
/// memoised layout is dropped whenever no document is in flight (a single build: a finished
/// document's layout is of no use to the next). Every template error comes back, per main file.
pub fn typeset_parallel<K: Send>(
    ts: &Typesetter,
    jobs: Vec<(K, Job)>,
    forget: bool,
) -> Result<Vec<(K, Job, Vec<u8>)>, Refusal> {
    type Outcome<K> = (K, Job, Result<Vec<u8>, Vec<TemplateError>>);
    let n = jobs.len();
    let size = |j: &Job| j.files.values().map(Vec::len).sum::<usize>();
    let sizes: Vec<usize> = jobs.iter().map(|(_, j)| size(j)).collect();
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(sizes[i]));
    let queue: Vec<std::sync::Mutex<Option<(K, Job)>>> =
        jobs.into_iter().map(|j| std::sync::Mutex::new(Some(j))).collect();
    // The next job in `order`, and the bytes and number of jobs in flight.
    let state = std::sync::Mutex::new((0usize, 0usize, 0usize));
    let turn = std::sync::Condvar::new();
    let slots: Vec<std::sync::Mutex<Option<Outcome<K>>>> = (0..n).map(|_| std::sync::Mutex::new(None)).collect();
    std::thread::scope(|s| {
        for _ in 0..typesetters().min(n) {
            s.spawn(|| {
                loop {
                    let mut st = state.lock().expect("typesetting state");
                    let i = loop {
                        let Some(&i) = order.get(st.0) else { return };
                        if st.2 == 0 || st.1 + sizes[i] <= TOGETHER_MAX {
                            break i;
                        }
                        st = turn.wait(st).expect("typesetting state");
                    };
                    *st = (st.0 + 1, st.1 + sizes[i], st.2 + 1);
                    drop(st);
                    let (key, job) = queue[i].lock().expect("job queue").take().expect("each job once");
                    let pdf = ts.pdf(&job);
                    *slots[i].lock().expect("result slot") = Some((key, job, pdf));
                    let mut st = state.lock().expect("typesetting state");
                    *st = (st.0, st.1 - sizes[i], st.2 - 1);
                    if forget && st.2 == 0 {
                        // Under the lock: no compilation is running.
                        typst::comemo::evict(0);
                    }
                    drop(st);
                    turn.notify_all();
                }
            });
        }
    });
    let results: Vec<Outcome<K>> =
        slots.into_iter().map(|m| m.into_inner().expect("result slot").expect("every job typeset")).collect();
    let mut made = Vec::new();
    let mut failed: BTreeMap<String, Vec<TemplateError>> = BTreeMap::new();
    for (k, job, pdf) in results {
        match pdf {
            Ok(pdf) => made.push((k, job, pdf)),
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
