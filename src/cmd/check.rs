//! `jaarcyclus check`: every finding of the tree, or of one party's submission, for people or
//! for machines (JSON, SARIF, GitHub workflow commands).

use super::{Exit, Format, color, peildatum, refused};
use jaarcyclus::diag::Root;
use jaarcyclus::model::Scope;
use jaarcyclus::pipeline::check;
use std::path::Path;

/// Runs `check`.
pub fn run(data: &Path, jaar: Option<i32>, organisatie: Option<String>, peil: Option<&str>, format: Format) -> Exit {
    let peildatum = match peildatum(peil) {
        Ok(d) => d,
        Err(e) => return e,
    };
    let checked = match check(data, &Scope { organisatie, jaar }, peildatum) {
        Ok(c) => c,
        Err(r) => return refused(r, "check"),
    };
    print!("{}", format.render(&checked.diags, &checked.tree.sources, Root::new(data)));
    let status = if checked.diags.errors() > 0 { Exit::Input } else { Exit::Ok };
    // The process ends here: freeing a large tree piece by piece would cost ~8% of a check of
    // a thousand parties, for memory the operating system takes back anyway.
    std::mem::forget(checked);
    status
}

/// Runs `check --watch`: checks, prints, and checks again after every change to the data root
/// until interrupted. A run that cannot start (unreadable data root, unknown party) is reported
/// and retried after the next change, so that a folder renamed while editing does not end it.
pub fn watch(data: &Path, jaar: Option<i32>, organisatie: Option<String>, peil: Option<&str>, format: Format) -> Exit {
    use jaarcyclus::load::watch::{fingerprint, wait_for_change};
    use std::time::Duration;
    let peildatum = match peildatum(peil) {
        Ok(d) => d,
        Err(e) => return e,
    };
    let mut seen = fingerprint(data);
    let mut why: Option<Vec<String>> = None;
    loop {
        if color() {
            print!("\x1b[2J\x1b[H"); // a fresh screen per round on a terminal
        }
        if let Some(files) = &why {
            println!("── opnieuw gecontroleerd na een wijziging in {} ──", files.join(", "));
        }
        match check(data, &Scope { organisatie: organisatie.clone(), jaar }, peildatum) {
            Ok(checked) => print!("{}", format.render(&checked.diags, &checked.tree.sources, Root::new(data))),
            Err(r) => {
                refused(r, "check");
            }
        }
        println!("── wacht op wijzigingen in {} (stoppen met Ctrl-C) ──", data.display());
        use std::io::Write as _;
        let _ = std::io::stdout().flush();
        let (now, files) = wait_for_change(data, &seen, Duration::from_millis(400), Duration::from_millis(250));
        seen = now;
        why = Some(files);
    }
}
