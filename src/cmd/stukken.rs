//! `jaarcyclus stukken`: the documents of one board meeting, and reminder letters on request.

use super::{Exit, peildatum, refused};
use jaarcyclus::diag::{Diagnostics, render_human, summary_line};
use jaarcyclus::pipeline::{StukkenOptions, stukken};
use jaarcyclus::view::text::join;
use std::path::{Path, PathBuf};

/// Runs `stukken`.
pub fn run(
    data: &Path,
    out: &Path,
    vergadering: &Path,
    peil: Option<&str>,
    rappels: bool,
    templates: Option<PathBuf>,
) -> Exit {
    // Without `--peildatum` the pipeline dates the pack as sent (or today).
    let peildatum = match peil.map(|p| peildatum(Some(p))).transpose() {
        Ok(d) => d,
        Err(e) => return e,
    };
    let o = StukkenOptions {
        data: data.to_path_buf(),
        out: out.to_path_buf(),
        vergadering: vergadering.to_path_buf(),
        peildatum,
        rappels,
        templates,
    };
    let pack = match stukken(&o) {
        Ok(p) => p,
        Err(r) => return refused(r, "stukken"),
    };
    if rappels {
        if !pack.sbo_overdue.is_empty() {
            let docs: Vec<String> = pack.sbo_overdue.iter().map(|s| format!("{} {}", s.naam, s.jaar)).collect();
            eprintln!("let op: het SBO zelf heeft {} nog niet ingediend; daarvoor is geen rappel gemaakt", join(&docs));
        }
        if pack.reminders == 0 {
            eprintln!("geen rappels nodig: geen partij heeft een stuk na de termijn nog niet ingediend");
        }
    }
    // The meeting's own findings (W402–W404), then what was written.
    let mut own = Diagnostics::new();
    own.extend(pack.checked.diags.items().iter().filter(|d| d.file.as_deref() == Some(pack.file.as_str())).cloned());
    own.finish();
    if !own.items().is_empty() {
        eprint!("{}", render_human(&own, &pack.checked.tree.sources, false));
    }
    for w in pack.written.iter().filter(|w| w.ends_with(".pdf") || w.ends_with(".txt")) {
        println!("geschreven: {}", out.join(w).display());
    }
    let pdfs = pack.written.iter().filter(|w| w.ends_with(".pdf")).count();
    let letters = pack.written.iter().filter(|w| w.starts_with("rappels/") && w.ends_with(".txt")).count();
    let sent =
        if letters > 0 { format!(", {letters} rappel(s) in {}", out.join("rappels").display()) } else { String::new() };
    println!("{pdfs} PDF's in {}{sent}; {}", out.join(&pack.dir).display(), summary_line(&pack.checked.diags));
    Exit::Ok
}
