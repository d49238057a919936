//! Typesetting the meeting documents: one typst job per document — the agenda, each decision
//! note, the delivery status and the combined pack — all reading the meeting's view as
//! `data.json`; the pack also carries every appended cycle document's own sources and data
//! under `bijlage-<letter>/`, so the appendices are set by the very templates `build` uses.

use super::view::BijlageView;
use crate::build::Made;
use crate::typeset::{Job, TemplateError, Templates, Typesetter};
use jiff::civil::Date;
use std::collections::BTreeMap;

/// A typeset document: its path in the meeting folder and its bytes.
#[derive(Clone, Debug)]
pub struct Output {
    /// Relative to `out/vergaderingen/<stem>/`.
    pub rel: String,
    /// The PDF.
    pub pdf: Vec<u8>,
}

/// The combined pack's file name.
pub fn pack_name(stem: &str) -> String {
    format!("vergaderstukken-{stem}.pdf")
}

/// The jobs of the meeting documents (appendices are made by `build::make`).
pub fn jobs(
    templates: &Templates,
    data: &[u8],
    notes: &[i64],
    stem: &str,
    appendices: &[(BijlageView, &Made)],
    date: Date,
) -> Vec<(String, Job)> {
    let job = |main: &str, extra: Vec<(String, Vec<u8>)>| {
        let mut files = templates.files.clone();
        files.insert("data.json".into(), data.to_vec());
        files.extend(extra);
        Job { files, main: main.to_string(), date, tagged: true }
    };
    let mut out = vec![
        ("agenda.pdf".to_string(), job("vergadering/agenda.typ", Vec::new())),
        ("stand-van-de-aanleveringen.pdf".to_string(), job("vergadering/aanleveringen.typ", Vec::new())),
    ];
    for nr in notes {
        let part = format!("{{\"nr\": {nr}}}\n").into_bytes();
        out.push((
            format!("besluitnota-{nr}.pdf"),
            job("vergadering/besluitnota.typ", vec![("deel.json".into(), part)]),
        ));
    }
    let mut extra = Vec::new();
    for (b, made) in appendices {
        let prefix = format!("bijlage-{}", b.letter.to_lowercase());
        for (rel, bytes) in &made.job.files {
            // The appendix needs its own document's sources and data, not the meeting's.
            if !rel.starts_with("vergadering/") {
                extra.push((format!("{prefix}/{rel}"), bytes.clone()));
            }
        }
    }
    out.push((pack_name(stem), job("vergadering/pakket.typ", extra)));
    out
}

/// The template errors of a failed typesetting, per main file.
pub type Failures = Vec<(String, Vec<TemplateError>)>;

/// One job's outcome: its output path, its main file and the PDF or the errors.
type Typeset = (String, String, Result<Vec<u8>, Vec<TemplateError>>);

/// Typesets the jobs in parallel (one thread each, fonts shared); every template error is
/// returned, per main file.
pub fn typeset(ts: &Typesetter, jobs: Vec<(String, Job)>) -> Result<Vec<Output>, Failures> {
    let results: Vec<Typeset> = std::thread::scope(|s| {
        let handles: Vec<_> = jobs
            .into_iter()
            .map(|(rel, job)| {
                s.spawn(move || {
                    let pdf = ts.pdf(&job);
                    (rel, job.main, pdf)
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().expect("typesetting thread")).collect()
    });
    let mut made = Vec::new();
    let mut failed: BTreeMap<String, Vec<TemplateError>> = BTreeMap::new();
    for (rel, main, pdf) in results {
        match pdf {
            Ok(pdf) => made.push(Output { rel, pdf }),
            Err(errors) => {
                let seen = failed.entry(main).or_default();
                for e in errors {
                    if !seen.contains(&e) {
                        seen.push(e);
                    }
                }
            }
        }
    }
    if failed.is_empty() { Ok(made) } else { Err(failed.into_iter().collect()) }
}
