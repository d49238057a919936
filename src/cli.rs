//! The commands behind the binary: each takes parsed arguments, runs the pipeline, prints
//! for people or machines, and returns the exit status of contract §9 (0, 1 or 2).

use crate::diag::{Code, render_human, render_json};
use crate::model::{FileKind, Scope};
use jiff::civil::Date;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

/// Exit status: no errors.
pub const OK: u8 = 0;
/// Exit status: the input has errors.
pub const INPUT_ERRORS: u8 = 1;
/// Exit status: the command could not run.
pub const CANNOT_RUN: u8 = 2;

/// Reads `--peildatum`, or today (UTC) when absent.
pub fn peildatum(arg: Option<&str>) -> Result<Date, String> {
    match arg {
        Some(s) => {
            crate::load::parse_date(s).ok_or_else(|| format!("`{s}` is geen geldige peildatum; schrijf JJJJ-MM-DD"))
        }
        None => Ok(jiff::tz::Offset::UTC.to_datetime(jiff::Timestamp::now()).date()),
    }
}

fn fail(msg: impl std::fmt::Display) -> u8 {
    eprintln!("fout: {msg}");
    CANNOT_RUN
}

fn color() -> bool {
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

/// `jaarcyclus check`.
pub fn check(data: &Path, jaar: Option<i32>, organisatie: Option<String>, peil: Option<&str>, json: bool) -> u8 {
    let peildatum = match peildatum(peil) {
        Ok(d) => d,
        Err(e) => return fail(e),
    };
    if let Some(o) = &organisatie
        && !crate::load::is_lower_id(o)
    {
        return fail(format!("`{o}` is geen geldige organisatie-id"));
    }
    let scope = Scope { organisatie, jaar };
    let (tree, diags) = match crate::load_and_check(data, &scope, peildatum) {
        Ok(x) => x,
        Err(e) => return fail(format!("{e:#}")),
    };
    if let Some(o) = &scope.organisatie
        && tree.stelsel.as_ref().is_some_and(|s| !s.organisaties.iter().any(|x| x.id.value == *o))
    {
        return fail(format!("organisatie `{o}` staat niet in stelsel.yaml"));
    }
    if json {
        println!("{}", render_json(&diags));
    } else {
        print!("{}", render_human(&diags, &tree.sources, color()));
    }
    // The process ends here: freeing a large tree piece by piece would cost ~8% of a check of
    // a thousand parties, for memory the operating system takes back anyway.
    std::mem::forget(tree);
    if diags.errors() > 0 { INPUT_ERRORS } else { OK }
}

/// `jaarcyclus uitleg [CODE]`.
pub fn uitleg(code: Option<&str>) -> u8 {
    match code {
        None => {
            for c in Code::ALL {
                println!("{c}  {}", c.title());
            }
            OK
        }
        Some(s) => match s.parse::<Code>() {
            Ok(c) => {
                let kind = if c.severity() == crate::diag::Severity::Error { "fout" } else { "waarschuwing" };
                println!("{c} ({kind}): {}\n", c.title());
                println!("{}", crate::nl::wrap(c.explanation(), 88));
                OK
            }
            Err(()) => fail(format!("onbekende code `{s}`; `jaarcyclus uitleg` toont alle codes")),
        },
    }
}

/// `jaarcyclus schema [SOORT] [--map DIR]`.
pub fn schema(soort: Option<&str>, map: &Path) -> u8 {
    match soort {
        Some(s) => match FileKind::parse(s) {
            Some(k) => {
                println!("{}", serde_json::to_string_pretty(&crate::schema::schema(k)).expect("schema serialises"));
                OK
            }
            None => fail(format!("onbekende bestandssoort `{s}`; kies uit: {}", FileKind::SPELLINGS.join(", "))),
        },
        None => {
            for k in FileKind::ALL {
                let path = map.join(crate::schema::file_name(*k));
                let text = serde_json::to_string_pretty(&crate::schema::schema(*k)).expect("schema serialises") + "\n";
                if let Err(e) = crate::write::write_atomic(&path, text.as_bytes()) {
                    return fail(format!("{e:#}"));
                }
                println!("{}", path.display());
            }
            OK
        }
    }
}

/// Options of `jaarcyclus build`.
#[derive(Debug, Clone)]
pub struct BuildOpts {
    /// Data root.
    pub data: PathBuf,
    /// Output dir.
    pub out: PathBuf,
    /// Cycle year.
    pub jaar: Option<i32>,
    /// Reference date.
    pub peildatum: Option<String>,
    /// Where to write the Typst sources too.
    pub emit_typst: Option<PathBuf>,
    /// Print stage timings.
    pub timings: bool,
    /// Templates dir.
    pub templates: PathBuf,
}

/// `jaarcyclus build`.
pub fn build(o: &BuildOpts) -> u8 {
    use crate::build::{Refusal, Timings};
    let peildatum = match peildatum(o.peildatum.as_deref()) {
        Ok(d) => d,
        Err(e) => return fail(e),
    };
    let start = std::time::Instant::now();
    let mut t = Timings::default();
    let (tree, diags) = match crate::build::load(&o.data, peildatum) {
        Ok(x) => x,
        Err(e) => return fail(format!("{e:#}")),
    };
    t.0.push(("load+check", start.elapsed()));
    if let Some(j) = o.jaar
        && !tree.years.contains_key(&j)
    {
        return fail(format!("er is geen jaarmap {j} in `{}`", o.data.display()));
    }
    let planned = crate::build::plan_documents(&tree, o.jaar);
    if planned.is_empty() {
        return fail(format!("geen cyclusjaren gevonden in `{}`", o.data.display()));
    }
    let out = match crate::build::guard_out(&o.data, &o.out) {
        Ok(p) => p,
        Err(e) => return fail(format!("{e:#}")),
    };
    let templates = match crate::typeset::read_templates(&o.templates) {
        Ok(t) => t,
        Err(e) => return fail(format!("{e:#}")),
    };
    let progress = Progress::new(planned.len());
    let made = match crate::build::make(&tree, &diags, &planned, &templates, peildatum, &mut t) {
        Ok(m) => m,
        Err(Refusal::Input) => {
            eprint!("{}", render_human(&diags, &tree.sources, false));
            eprintln!(
                "fout: build geweigerd: de invoer bevat fouten (E0–E2) die de bedragen onbetrouwbaar maken; er is niets geschreven"
            );
            return INPUT_ERRORS;
        }
        Err(Refusal::Templates(errs)) => {
            for (main, es) in errs {
                for e in es {
                    eprintln!("fout in sjabloon ({main}): {e}");
                }
            }
            return fail("de sjablonen konden niet worden gezet; er is niets geschreven");
        }
    };
    progress.done("documenten gezet");
    let t0 = std::time::Instant::now();
    let written = match crate::build::write_all(&out, &tree, &made, &templates, peildatum) {
        Ok(w) => w,
        Err(e) => return fail(format!("{e:#}")),
    };
    if let Some(dir) = &o.emit_typst
        && let Err(e) = crate::build::emit_typst(dir, &made, &templates)
    {
        return fail(format!("{e:#}"));
    }
    t.0.push(("write", t0.elapsed()));
    for w in &written {
        if w.ends_with(".pdf") {
            println!("geschreven: {}", o.out.join(w).display());
        }
    }
    println!(
        "{} bestanden in {} (tabellen en manifest.json per jaar); {}",
        written.len(),
        o.out.display(),
        crate::diag::summary_line(&diags)
    );
    if o.timings {
        for (stage, d) in &t.0 {
            eprintln!("{stage:>12}: {:>8.1} ms", d.as_secs_f64() * 1000.0);
        }
        eprintln!("{:>12}: {:>8.1} ms", "totaal", start.elapsed().as_secs_f64() * 1000.0);
    }
    OK
}

/// A spinner on a terminal while the documents are typeset; silent otherwise.
struct Progress(Option<indicatif::ProgressBar>);

impl Progress {
    fn new(n: usize) -> Progress {
        if !std::io::stderr().is_terminal() {
            return Progress(None);
        }
        let pb = indicatif::ProgressBar::new_spinner();
        pb.set_message(format!("{n} documenten zetten…"));
        pb.enable_steady_tick(std::time::Duration::from_millis(120));
        Progress(Some(pb))
    }

    fn done(&self, msg: &str) {
        if let Some(pb) = &self.0 {
            pb.finish_with_message(msg.to_string());
        }
    }
}

/// `jaarcyclus stukken`.
pub fn stukken(data: &Path, out: &Path, vergadering: &Path, peil: Option<&str>, rappels: bool, templates: &Path) -> u8 {
    let peildatum = match peildatum(peil) {
        Ok(d) => d,
        Err(e) => return fail(e),
    };
    crate::stukken::run(&crate::stukken::Opts {
        data: data.to_path_buf(),
        out: out.to_path_buf(),
        vergadering: vergadering.to_path_buf(),
        peildatum,
        rappels,
        templates: templates.to_path_buf(),
    })
}
