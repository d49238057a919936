//! `jaarcyclus build`: the cycle documents of the current (or given) year, with progress on a
//! terminal and the stage times on request.

use super::{Exit, peildatum, refused};
use jaarcyclus::diag::summary_line;
use jaarcyclus::pipeline::{BuildOptions, build};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::time::Instant;

/// The arguments of `build`.
pub struct Args {
    /// Data root.
    pub data: PathBuf,
    /// Output directory.
    pub out: PathBuf,
    /// Cycle year.
    pub jaar: Option<i32>,
    /// Reference date as written.
    pub peildatum: Option<String>,
    /// Where to write the typst sources too.
    pub emit_typst: Option<PathBuf>,
    /// Print stage timings.
    pub timings: bool,
    /// A house style over the built-in templates.
    pub templates: Option<PathBuf>,
    /// Build even when nothing changed.
    pub opnieuw: bool,
}

/// The options of a build from its arguments.
fn options(a: &Args) -> Result<BuildOptions, Exit> {
    Ok(BuildOptions {
        data: a.data.clone(),
        out: a.out.clone(),
        jaar: a.jaar,
        peildatum: peildatum(a.peildatum.as_deref())?,
        emit_typst: a.emit_typst.clone(),
        templates: a.templates.clone(),
        opnieuw: a.opnieuw,
    })
}

/// Runs `build`.
pub fn run(a: Args) -> Exit {
    let start = Instant::now();
    let o = match options(&a) {
        Ok(o) => o,
        Err(e) => return e,
    };
    let mut spinner = Spinner(None);
    let built = match build(&o, &mut |n| spinner.start(n)) {
        Ok(b) => b,
        Err(r) => {
            spinner.done("");
            return refused(r, "build");
        }
    };
    spinner.done("documenten gezet");
    if built.unchanged {
        println!(
            "niets gewijzigd sinds de vorige build: invoer, opties en programma zijn gelijk en de documenten in {} \
             zijn ongeschonden; niets herschreven (--opnieuw bouwt toch); {}",
            a.out.display(),
            summary_line(&built.checked.diags)
        );
        print_timings(a.timings, &built, start);
        return Exit::Ok;
    }
    for w in built.written.iter().filter(|w| w.ends_with(".pdf")) {
        println!("geschreven: {}", a.out.join(w).display());
    }
    println!(
        "{} bestanden in {} (tabellen en manifest.json per jaar); {}",
        built.written.len(),
        a.out.display(),
        summary_line(&built.checked.diags)
    );
    print_timings(a.timings, &built, start);
    Exit::Ok
}

/// Runs `build --watch`: builds, then again after every saved change in the data root, in one
/// session that keeps fonts, typst's memoised layout and every document whose view did not
/// change; only files whose bytes changed are rewritten.
pub fn watch(a: Args) -> Exit {
    use jaarcyclus::load::watch::{fingerprint, wait_for_change};
    use jaarcyclus::pipeline::{Session, build_in};
    use std::io::Write as _;
    use std::time::Duration;
    // Every round builds: unchanged documents cost nothing in the session.
    let o = match options(&a) {
        Ok(o) => BuildOptions { opnieuw: true, ..o },
        Err(e) => return e,
    };
    let mut session = Session::keeping();
    let mut seen = fingerprint(&o.data);
    let mut why: Option<Vec<String>> = None;
    loop {
        let start = Instant::now();
        if let Some(files) = &why {
            println!("── opnieuw gebouwd na een wijziging in {} ──", files.join(", "));
        }
        match build_in(&o, &mut session, &mut |_| {}) {
            Ok(built) => {
                println!(
                    "{} van {} documenten gezet in {:.0} ms (de andere waren ongewijzigd); alleen gewijzigde bestanden in {} herschreven; {}",
                    session.typeset,
                    built.planned.len(),
                    start.elapsed().as_secs_f64() * 1000.0,
                    a.out.display(),
                    summary_line(&built.checked.diags)
                );
                print_timings(a.timings, &built, start);
            }
            Err(r) => {
                refused(r, "build");
            }
        }
        // Layouts not used in the last rounds are dropped, so memory stays bounded.
        typst::comemo::evict(10);
        println!("── wacht op wijzigingen in {} (stoppen met Ctrl-C) ──", o.data.display());
        let _ = std::io::stdout().flush();
        let (now, files) = wait_for_change(&o.data, &seen, Duration::from_millis(400), Duration::from_millis(250));
        seen = now;
        why = Some(files);
    }
}

/// `--timings`: the wall time per stage and in total, on stderr, each with the peak memory of
/// the process so far (where the system tells).
fn print_timings(timings: bool, built: &jaarcyclus::pipeline::Built, start: Instant) {
    if timings {
        let peak = |kb: Option<u64>| kb.map(|kb| format!("   piek {:>5} MB", kb / 1024)).unwrap_or_default();
        for lap in &built.timings.0 {
            eprintln!("{:>22}: {:>8.1} ms{}", lap.stage, lap.time.as_secs_f64() * 1000.0, peak(lap.peak_kb));
        }
        let last = built.timings.0.last().and_then(|l| l.peak_kb);
        eprintln!("{:>22}: {:>8.1} ms{}", "totaal", start.elapsed().as_secs_f64() * 1000.0, peak(last));
    }
}

/// A spinner on a terminal while the documents are typeset; silent otherwise.
struct Spinner(Option<indicatif::ProgressBar>);

impl Spinner {
    fn start(&mut self, n: usize) {
        if !std::io::stderr().is_terminal() {
            return;
        }
        let pb = indicatif::ProgressBar::new_spinner();
        pb.set_message(format!("{n} documenten zetten…"));
        pb.enable_steady_tick(std::time::Duration::from_millis(120));
        self.0 = Some(pb);
    }

    fn done(&self, msg: &str) {
        if let Some(pb) = &self.0 {
            if msg.is_empty() {
                pb.finish_and_clear();
            } else {
                pb.finish_with_message(msg.to_string());
            }
        }
    }
}
