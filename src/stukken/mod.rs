//! `jaarcyclus stukken`: the meeting documents of one board meeting — agenda, a decision note
//! per decision item, the delivery status, the cycle documents the agenda names and one
//! combined pack — and, with `--rappels`, reminder letters. Whole-tree check first; refuses on
//! E0–E2 and on E307 of this meeting; then view → typeset → write, like `build`.

mod allocation;
mod appendix;
mod consequences;
mod cx;
mod decision;
mod financiers;
mod jobs;
mod locate;
mod mail;
mod output;
pub mod reminders;
mod status;
mod view;

use crate::build::{Planned, Refusal, Timings};
use crate::cli::{CANNOT_RUN, INPUT_ERRORS, OK};
use crate::diag::{Code, Diagnostics, render_human, summary_line};
use crate::model::{AgendaSoort, Rol, Tree};
use crate::typeset::{Templates, Typesetter};
use crate::write::Manifest;
use jiff::civil::Date;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Options of `jaarcyclus stukken`.
#[derive(Debug, Clone)]
pub struct Opts {
    /// Data root.
    pub data: PathBuf,
    /// Output root.
    pub out: PathBuf,
    /// The meeting file.
    pub vergadering: PathBuf,
    /// Reference date.
    pub peildatum: Date,
    /// Also write reminder letters.
    pub rappels: bool,
    /// Templates dir.
    pub templates: PathBuf,
}

/// Why the command stopped: its exit status, after saying why.
struct Stop(u8);

fn cannot(msg: impl std::fmt::Display) -> Stop {
    eprintln!("fout: {msg}");
    Stop(CANNOT_RUN)
}

/// Runs `stukken`; returns the exit status.
pub fn run(o: &Opts) -> u8 {
    match run_checked(o) {
        Ok(()) => OK,
        Err(Stop(code)) => code,
    }
}

fn run_checked(o: &Opts) -> Result<(), Stop> {
    let rel = locate::relative_path(&o.data, &o.vergadering).map_err(cannot)?;
    let (tree, diags) = crate::build::load(&o.data, o.peildatum).map_err(|e| cannot(format!("{e:#}")))?;
    refuse(&tree, &diags, &rel)?;
    let v =
        locate::find(&tree, &rel).ok_or_else(|| cannot(format!("vergaderbestand `{rel}` kon niet worden gelezen")))?;
    let out = crate::build::guard_out(&o.data, &o.out).map_err(|e| cannot(format!("{e:#}")))?;
    let templates = crate::typeset::read_templates(&o.templates).map_err(|e| cannot(format!("{e:#}")))?;
    let env = match o.rappels {
        true => Some(reminders::environment(&o.templates.join("rappel")).map_err(|e| cannot(format!("{e:#}")))?),
        false => None,
    };
    let mut files = pack(&tree, &diags, v, &templates, o.peildatum)?;
    if let Some(env) = &env {
        files.extend(letters(&tree, v, env, o.peildatum)?);
    }
    let mut manifest = Manifest::new(o.peildatum);
    for (path, (sha, len)) in &tree.inputs {
        manifest.add_input_digest(&format!("data/{path}"), sha, *len);
    }
    for (path, bytes) in &templates.files {
        manifest.add_input(&format!("templates/{path}"), bytes);
    }
    for name in reminders::TEMPLATES.iter().filter(|_| o.rappels) {
        if let Ok(bytes) = std::fs::read(o.templates.join("rappel").join(name)) {
            manifest.add_input(&format!("templates/rappel/{name}"), &bytes);
        }
    }
    let dir = format!("vergaderingen/{}", v.stem);
    let written = output::write_all(&out, &files, manifest, &format!("{dir}/manifest.json"))
        .map_err(|e| cannot(format!("{e:#}")))?;
    report(&tree, &diags, v, &o.out, &written);
    Ok(())
}

/// Refuses on E0–E2 anywhere and on E307 of this meeting (exit 1, nothing written).
fn refuse(tree: &Tree, diags: &Diagnostics, rel: &str) -> Result<(), Stop> {
    if diags.blocks_build() {
        eprint!("{}", render_human(diags, &tree.sources, false));
        eprintln!(
            "fout: stukken geweigerd: de invoer bevat fouten (E0–E2) die de bedragen onbetrouwbaar maken; er is niets geschreven"
        );
        return Err(Stop(INPUT_ERRORS));
    }
    let own = subset(diags, |d| d.code == Code::E307 && d.file.as_deref() == Some(rel));
    if own.errors() > 0 {
        eprint!("{}", render_human(&own, &tree.sources, false));
        eprintln!(
            "fout: stukken geweigerd: een besluitpunt van `{rel}` heeft te weinig alternatieven of een alternatief zonder risico (E307); er is niets geschreven"
        );
        return Err(Stop(INPUT_ERRORS));
    }
    Ok(())
}

fn subset(diags: &Diagnostics, keep: impl Fn(&crate::diag::Diagnostic) -> bool) -> Diagnostics {
    let mut out = Diagnostics::new();
    out.extend(diags.items().iter().filter(|d| keep(d)).cloned());
    out.finish();
    out
}

/// The meeting's documents (relative to `out/`): the appendices via `build::make`, then the
/// agenda, the notes, the delivery status and the combined pack.
fn pack(
    tree: &Tree,
    diags: &Diagnostics,
    v: &crate::model::Vergadering,
    templates: &Templates,
    peildatum: Date,
) -> Result<Vec<(String, Vec<u8>)>, Stop> {
    let st = tree.stelsel.as_ref().ok_or_else(|| cannot("stelsel.yaml ontbreekt"))?;
    let cyclusjaar = locate::cycle_year(tree, v.datum.value);
    let years = v.agenda.iter().filter_map(|i| i.jaar.as_ref().map(|j| j.value)).chain(cyclusjaar);
    let rollups: BTreeMap<_, _> = years.map(|y| (y, crate::rollup::rollup(tree, y))).collect();
    let bijlagen = appendix::bijlagen(tree, v);
    let cx = view::Cx { tree, st, diags, v, peildatum, cyclusjaar, rollups, bijlagen };
    let dir = format!("vergaderingen/{}", v.stem);
    let ready: Vec<&view::Bijlage> = cx.bijlagen.iter().filter(|b| b.ontbreekt.is_none()).collect();
    let planned: Vec<Planned> = ready
        .iter()
        .map(|b| Planned { kind: b.kind, jaar: b.jaar, rel: format!("{dir}/bijlagen/{}", b.file_name()) })
        .collect();
    let made = match crate::build::make(tree, diags, &planned, templates, peildatum, &mut Timings::default()) {
        Ok(m) => m,
        Err(Refusal::Input) => return Err(Stop(INPUT_ERRORS)),
        Err(Refusal::Templates(errs)) => return Err(template_errors(errs)),
    };
    let meeting = view::build(&cx);
    let mut data = serde_json::to_vec_pretty(&meeting).expect("the meeting view serialises");
    data.push(b'\n');
    let notes: Vec<i64> = v.agenda.iter().filter(|i| i.soort == AgendaSoort::Besluit).map(|i| i.id.value).collect();
    let appendices: Vec<(view::BijlageView, &crate::build::Made)> =
        meeting.bijlagen.iter().cloned().zip(made.iter()).collect();
    let jobs = jobs::jobs(templates, &data, &notes, &v.stem, &appendices, peildatum);
    let docs = jobs::typeset(&Typesetter::new(&templates.fonts), jobs).map_err(template_errors)?;
    let mut files: Vec<(String, Vec<u8>)> = made.into_iter().map(|m| (m.planned.rel, m.pdf)).collect();
    files.extend(docs.into_iter().map(|d| (format!("{dir}/{}", d.rel), d.pdf)));
    files.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(files)
}

fn template_errors(errs: Vec<(String, Vec<crate::typeset::TemplateError>)>) -> Stop {
    for (main, es) in errs {
        for e in es {
            eprintln!("fout in sjabloon ({main}): {e}");
        }
    }
    cannot("de sjablonen konden niet worden gezet; er is niets geschreven")
}

/// The reminder letters (`.txt`) and unsent mails (`.eml`) under `rappels/<peildatum>/`.
fn letters(
    tree: &Tree,
    v: &crate::model::Vergadering,
    env: &minijinja::Environment,
    peildatum: Date,
) -> Result<Vec<(String, Vec<u8>)>, Stop> {
    let st = tree.stelsel.as_ref().ok_or_else(|| cannot("stelsel.yaml ontbreekt"))?;
    let sbo = st
        .organisaties
        .iter()
        .find(|o| o.rol == Rol::Sbo)
        .map(|o| o.naam.as_str())
        .unwrap_or("Strategische Beheerorganisatie");
    let a = reminders::Afzender { stelsel: &st.naam, beraad: &v.beraad, sbo, vergadering: v.datum.value, peildatum };
    let (cases, own) = reminders::cases(tree, st, peildatum);
    if !own.is_empty() {
        let docs: Vec<String> = own.iter().map(|s| format!("{} {}", s.soort, s.jaar)).collect();
        eprintln!(
            "let op: het SBO zelf heeft {} nog niet ingediend; daarvoor is geen rappel gemaakt",
            view::join(&docs)
        );
    }
    if cases.is_empty() {
        eprintln!("geen rappels nodig: geen partij heeft een stuk na de termijn nog niet ingediend");
    }
    let mut out = Vec::new();
    for r in &cases {
        let brief = reminders::render(env, r, &a).map_err(|e| cannot(format!("{e:#}")))?;
        let base = format!("rappels/{peildatum}/{}", r.partij);
        out.push((format!("{base}.eml"), mail::eml(&r.naam, &brief.onderwerp, &brief.tekst, peildatum)));
        out.push((format!("{base}.txt"), brief.tekst.into_bytes()));
    }
    Ok(out)
}

/// Prints the meeting's own findings (W402), what was written and the summary of the check.
fn report(tree: &Tree, diags: &Diagnostics, v: &crate::model::Vergadering, out: &Path, written: &[String]) {
    let own = subset(diags, |d| d.file.as_deref() == Some(v.file.as_str()));
    if !own.items().is_empty() {
        eprint!("{}", render_human(&own, &tree.sources, false));
    }
    for w in written.iter().filter(|w| w.ends_with(".pdf") || w.ends_with(".txt")) {
        println!("geschreven: {}", out.join(w).display());
    }
    let pdfs = written.iter().filter(|w| w.ends_with(".pdf")).count();
    let letters = written.iter().filter(|w| w.starts_with("rappels/") && w.ends_with(".txt")).count();
    let rappels =
        if letters > 0 { format!(", {letters} rappel(s) in {}", out.join("rappels").display()) } else { String::new() };
    println!("{pdfs} PDF's in {}{rappels}; {}", out.join("vergaderingen").join(&v.stem).display(), summary_line(diags));
}
