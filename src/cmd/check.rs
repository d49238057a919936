//! `jaarcyclus check`: every finding of the tree, or of one party's submission, for people or
//! as JSON.

use super::{Exit, color, peildatum, refused};
use jaarcyclus::diag::{render_human, render_json};
use jaarcyclus::model::Scope;
use jaarcyclus::pipeline::check;
use std::path::Path;

/// Runs `check`.
pub fn run(data: &Path, jaar: Option<i32>, organisatie: Option<String>, peil: Option<&str>, json: bool) -> Exit {
    let peildatum = match peildatum(peil) {
        Ok(d) => d,
        Err(e) => return e,
    };
    let checked = match check(data, &Scope { organisatie, jaar }, peildatum) {
        Ok(c) => c,
        Err(r) => return refused(r, "check"),
    };
    if json {
        println!("{}", render_json(&checked.diags));
    } else {
        print!("{}", render_human(&checked.diags, &checked.tree.sources, color()));
    }
    let status = if checked.diags.errors() > 0 { Exit::Input } else { Exit::Ok };
    // The process ends here: freeing a large tree piece by piece would cost ~8% of a check of
    // a thousand parties, for memory the operating system takes back anyway.
    std::mem::forget(checked);
    status
}
