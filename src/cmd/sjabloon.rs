//! `jaarcyclus sjabloon`: the files of the next cycle year, started from last year's.

use super::{Exit, peildatum, refused};
use jaarcyclus::pipeline::scaffold;
use std::path::Path;

/// Runs `sjabloon`.
pub fn run(data: &Path, jaar: i32, organisatie: Option<&str>, overschrijven: bool) -> Exit {
    let today = match peildatum(None) {
        Ok(d) => d,
        Err(e) => return e,
    };
    match scaffold(data, jaar, organisatie, overschrijven, today) {
        Ok(s) => {
            for w in &s.written {
                println!("geschreven: {}", data.join(w).display());
            }
            for p in &s.without {
                println!("overgeslagen: {p} heeft geen plan of begroting {} om van uit te gaan", jaar - 1);
            }
            println!(
                "{} bestanden met status concept; werk ze bij en controleer met `jaarcyclus check --jaar {jaar}`",
                s.written.len()
            );
            Exit::Ok
        }
        Err(r) => refused(r, "sjabloon"),
    }
}

/// Runs `sjabloon --format xlsx`.
pub fn xlsx(
    data: &Path,
    out: &Path,
    jaar: i32,
    organisatie: Option<&str>,
    kwartaal: Option<u8>,
    overschrijven: bool,
    peildatum_arg: Option<&str>,
) -> Exit {
    let today = match peildatum(peildatum_arg) {
        Ok(d) => d,
        Err(e) => return e,
    };
    match jaarcyclus::pipeline::scaffold_xlsx(data, out, jaar, organisatie, kwartaal, overschrijven, today) {
        Ok(w) => {
            for p in &w.written {
                println!("geschreven: {}", p.display());
            }
            for p in &w.without {
                println!("overgeslagen: {p} heeft geen stukken van {jaar} of {} om van uit te gaan", jaar - 1);
            }
            println!(
                "{} werkmap{}; vul in en lees terug met `jaarcyclus import <werkmap>`",
                w.written.len(),
                if w.written.len() == 1 { "" } else { "pen" }
            );
            Exit::Ok
        }
        Err(r) => refused(r, "sjabloon"),
    }
}
