//! `stukken`: the documents of one board meeting — agenda, a decision note per decision item,
//! the delivery status, the cycle documents the agenda names and one combined pack — and, on
//! request, reminder letters. Whole-tree check first; refuses on E0–E2 and on E307 of this
//! meeting; then view → typeset → write, like `build`.

use super::documents::{Made, Planned, typeset_documents, typeset_parallel};
use super::locate;
use super::outcome::{Checked, Refusal, Why, check, refuse_untrustworthy};
use super::output::manifest;
use super::rollups::{Rollups, rollups};
use crate::diag::{Code, Diagnostics};
use crate::model::{AgendaSoort, Due, Rol, Scope, Tree, Vergadering};
use crate::typeset::letters::{Afzender, environment, render};
use crate::typeset::{Job, Templates, Typesetter};
use crate::view::reminders;
use crate::view::vergadering::{self, Bijlage, BijlageView, Cx};
use crate::write::guard_out;
use crate::write::{mail, write_folder};
use jiff::civil::Date;
use std::path::PathBuf;

/// What `stukken` is asked to do.
#[derive(Clone, Debug)]
pub struct StukkenOptions {
    /// The data root.
    pub data: PathBuf,
    /// The output root.
    pub out: PathBuf,
    /// The meeting file.
    pub vergadering: PathBuf,
    /// The reference date (`--peildatum`); `None`: the meeting's `stukken_verzonden_op` when
    /// given (the pack is dated and judged as sent, contract §9), else today.
    pub peildatum: Option<Date>,
    /// Also write reminder letters.
    pub rappels: bool,
    /// A house style laid over the built-in templates.
    pub templates: Option<PathBuf>,
}

/// What `stukken` did.
pub struct Pack {
    /// The checked input.
    pub checked: Checked,
    /// The meeting file, relative to the data root.
    pub file: String,
    /// The folder of the pack, relative to the output root: `vergaderingen/<stem>`.
    pub dir: String,
    /// Every file written, relative to the output root.
    pub written: Vec<String>,
    /// With reminders: the SBO's own overdue documents (it sends reminders, it gets none).
    pub sbo_overdue: Vec<Due>,
    /// With reminders: how many parties got one.
    pub reminders: usize,
}

/// Runs `stukken`.
pub fn stukken(o: &StukkenOptions) -> Result<Pack, Refusal> {
    let rel = locate::relative_path(&o.data, &o.vergadering)?;
    // Only the meeting file is read for its date (cheap next to the whole tree, read once below).
    let peildatum = o.peildatum.unwrap_or_else(|| {
        let sent = crate::load::vergadering(&o.data, &rel).and_then(|v| v.stukken_verzonden_op).map(|d| d.value);
        sent.unwrap_or_else(|| jiff::tz::Offset::UTC.to_datetime(jiff::Timestamp::now()).date())
    });
    let checked = refuse_untrustworthy(check(&o.data, &Scope::default(), peildatum)?)?;
    let checked = refuse_decisions(checked, &rel)?;
    let Checked { tree, diags } = &checked;
    let v =
        locate::find(tree, &rel).ok_or_else(|| anyhow::anyhow!("vergaderbestand `{rel}` kon niet worden gelezen"))?;
    let out = guard_out(&o.data, &o.out)?;
    let templates = Templates::with_overlay(o.templates.as_deref())?;
    let env = if o.rappels { Some(environment(&templates)?) } else { None };
    let mut files = pack(tree, diags, v, &templates, peildatum)?;
    let (mut sbo_overdue, mut reminders) = (Vec::new(), 0);
    if let Some(env) = &env {
        let (cases, own) = reminders::cases(tree, tree.stelsel.as_ref().expect("checked"), peildatum);
        files.extend(letters(tree, v, env, &cases, peildatum)?);
        (sbo_overdue, reminders) = (own, cases.len());
    }
    let mut man = manifest(tree, &templates, peildatum);
    for (path, text) in templates.letters.iter().filter(|_| o.rappels) {
        man.add_input(&format!("templates/{path}"), text.as_bytes());
    }
    let dir = format!("vergaderingen/{}", v.stem);
    let written = write_folder(&out, &files, man, &format!("{dir}/manifest.json"))?;
    let file = v.file.clone();
    Ok(Pack { checked, file, dir, written, sbo_overdue, reminders })
}

/// Refuses on E307 of this meeting (exit 1, nothing written).
fn refuse_decisions(checked: Checked, rel: &str) -> Result<Checked, Refusal> {
    let mut shown = Diagnostics::new();
    shown.extend(
        checked.diags.items().iter().filter(|d| d.code == Code::E307 && d.file.as_deref() == Some(rel)).cloned(),
    );
    if shown.errors() == 0 {
        return Ok(checked);
    }
    shown.finish();
    Err(Refusal::Input { checked: Box::new(checked), shown, why: Why::Decisions(rel.to_string()) })
}

/// The meeting's documents (relative to `out/`): the appendices as `build` makes them, then
/// the agenda, the notes, the delivery status and the combined pack.
fn pack(
    tree: &Tree,
    diags: &Diagnostics,
    v: &Vergadering,
    templates: &Templates,
    peildatum: Date,
) -> Result<Vec<(String, Vec<u8>)>, Refusal> {
    let st = tree.stelsel.as_ref().ok_or_else(|| anyhow::anyhow!("stelsel.yaml ontbreekt"))?;
    let cyclusjaar = vergadering::cycle_year(tree, v.datum.value);
    // The items' years, the meeting's cycle year, and what the effect items' baselines read (§13).
    let effect_years = v.agenda.iter().filter(|i| crate::rollup::is_effect_item(i));
    let years = v
        .agenda
        .iter()
        .filter_map(|i| i.jaar.as_ref().map(|j| j.value))
        .chain(cyclusjaar)
        .chain(effect_years.flat_map(|i| crate::rollup::years_needed(tree, i)));
    let rollups: Rollups = rollups(tree, years, peildatum);
    let bijlagen = vergadering::bijlagen(tree, v);
    let dir = format!("vergaderingen/{}", v.stem);
    let ready: Vec<&Bijlage> = bijlagen.iter().filter(|b| b.ontbreekt.is_none()).collect();
    let planned: Vec<Planned> =
        ready.iter().map(|b| Planned::new(b.kind, b.jaar, Some(&format!("{dir}/bijlagen")))).collect();
    let made = typeset_documents(
        tree,
        diags,
        &planned,
        &rollups,
        templates,
        peildatum,
        &mut super::documents::Session::default(),
    )?;
    let base = crate::view::cx::Base::new(tree, st, diags, peildatum);
    let cx = Cx { base, v, cyclusjaar, rollups: &rollups, bijlagen };
    let view = vergadering::build(&cx);
    let mut data = serde_json::to_vec_pretty(&view).expect("the meeting view serialises");
    data.push(b'\n');
    let notes: Vec<i64> = v.agenda.iter().filter(|i| i.soort == AgendaSoort::Besluit).map(|i| i.id.value).collect();
    let appendices: Vec<(BijlageView, &Made)> = view.bijlagen.iter().cloned().zip(made.iter()).collect();
    let jobs = jobs(templates, &data, &notes, &v.stem, &appendices, peildatum);
    let docs = typeset_parallel(&Typesetter::new(&templates.font_data()), jobs, true)?;
    let mut files: Vec<(String, Vec<u8>)> = made.into_iter().map(|m| (m.planned.rel, m.pdf)).collect();
    files.extend(docs.into_iter().map(|(rel, _, pdf)| (format!("{dir}/{rel}"), pdf)));
    files.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(files)
}

/// The combined pack's file name.
pub fn pack_name(stem: &str) -> String {
    format!("vergaderstukken-{stem}.pdf")
}

/// The jobs of the meeting documents, all reading the meeting's view as `data.json`; the pack
/// also carries every appended cycle document's own sources and data under
/// `bijlage-<letter>/`, so the appendices are set by the very templates `build` uses.
fn jobs(
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
        Job { files, main: main.to_string(), date }
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

/// The reminder letters (`.txt`) and unsent mails (`.eml`) under `rappels/<peildatum>/`.
fn letters(
    tree: &Tree,
    v: &Vergadering,
    env: &minijinja::Environment,
    cases: &[reminders::Rappel],
    peildatum: Date,
) -> Result<Vec<(String, Vec<u8>)>, Refusal> {
    let st = tree.stelsel.as_ref().ok_or_else(|| anyhow::anyhow!("stelsel.yaml ontbreekt"))?;
    let sbo = st
        .organisaties
        .iter()
        .find(|o| o.rol == Rol::Sbo)
        .map(|o| o.naam.as_str())
        .unwrap_or("Strategische Beheerorganisatie");
    let a = Afzender { stelsel: &st.naam, beraad: &v.beraad, sbo, vergadering: v.datum.value, peildatum };
    let mut out = Vec::new();
    for r in cases {
        let brief = render(env, r, &a)?;
        let base = format!("rappels/{peildatum}/{}", r.partij);
        out.push((format!("{base}.eml"), mail::eml(&r.naam, &brief.onderwerp, &brief.tekst, peildatum)));
        out.push((format!("{base}.txt"), brief.tekst.into_bytes()));
    }
    Ok(out)
}
