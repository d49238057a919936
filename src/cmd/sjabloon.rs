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
