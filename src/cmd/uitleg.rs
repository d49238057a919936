//! `jaarcyclus uitleg [CODE]`: what a diagnostic code means and what to do.

use super::{Exit, fail};
use jaarcyclus::diag::{Code, Severity};

/// Runs `uitleg`.
pub fn run(code: Option<&str>) -> Exit {
    let Some(s) = code else {
        for c in Code::ALL {
            println!("{c}  {}", c.title());
        }
        return Exit::Ok;
    };
    let Ok(c) = s.parse::<Code>() else {
        return fail(format!("onbekende code `{s}`; `jaarcyclus uitleg` toont alle codes"));
    };
    let kind = if c.severity() == Severity::Error { "fout" } else { "waarschuwing" };
    println!("{c} ({kind}): {}\n", c.title());
    println!("{}", jaarcyclus::nl::wrap(c.explanation(), 88));
    Exit::Ok
}
