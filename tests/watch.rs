//! `check --watch` re-checks after every save, and survives files that are broken, deleted or
//! renamed while editing. (It waits for output with generous limits; no timing is asserted.)

mod common;

use common::*;
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

struct Watching {
    child: Child,
    lines: Receiver<String>,
}

impl Watching {
    fn start(data: &std::path::Path) -> Watching {
        let mut child = Command::new(bin())
            .args(["check", "--watch", "--data", data.to_str().unwrap(), "--peildatum", "2026-11-29"])
            .env("NO_COLOR", "1")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let out = child.stdout.take().unwrap();
        let (tx, lines) = channel();
        std::thread::spawn(move || {
            for l in BufReader::new(out).lines() {
                if tx.send(l.unwrap()).is_err() {
                    break;
                }
            }
        });
        Watching { child, lines }
    }

    /// The output of one round: everything up to the line that says it waits again.
    fn round(&self) -> String {
        let mut text = String::new();
        loop {
            let l = self.lines.recv_timeout(Duration::from_secs(120)).expect("the watcher keeps reporting");
            if l.starts_with("── wacht op wijzigingen") {
                return text;
            }
            text.push_str(&l);
            text.push('\n');
        }
    }
}

impl Drop for Watching {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn every_save_is_checked_again_and_broken_or_missing_files_do_not_end_it() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&root().join("data"), dir.path());
    let w = Watching::start(dir.path());
    assert!(w.round().contains("geen fouten"));
    // A save with a Dutch amount: an error with its hint.
    let f = dir.path().join("2027/geonovum/begroting.yaml");
    let text = std::fs::read_to_string(&f).unwrap();
    std::fs::write(&f, text.replacen("{2027: 1450000,", "{2027: 1.450.000,", 1)).unwrap();
    let round = w.round();
    assert!(round.contains("opnieuw gecontroleerd na een wijziging in 2027/geonovum/begroting.yaml"), "{round}");
    assert!(round.contains("fout[E003]") && round.contains("1 fout"), "{round}");
    // Half-written: the file cut off mid-line is an error, not a crash.
    std::fs::write(&f, &text[..text.len() / 2]).unwrap();
    let round = w.round();
    assert!(round.contains("fout["), "{round}");
    // Deleted, then the folder renamed away: still reported, still watching.
    std::fs::remove_file(&f).unwrap();
    assert!(w.round().contains("2027/geonovum/begroting.yaml"));
    std::fs::rename(dir.path().join("2027/geonovum"), dir.path().join("2027-weg")).unwrap();
    let round = w.round();
    assert!(round.contains("opnieuw gecontroleerd"), "{round}");
    // Put back: clean again.
    std::fs::rename(dir.path().join("2027-weg"), dir.path().join("2027/geonovum")).unwrap();
    std::fs::write(&f, &text).unwrap();
    let mut round = w.round();
    // The rename and the write may come as one round or two.
    if !round.contains("geen fouten") {
        round = w.round();
    }
    assert!(round.contains("geen fouten"), "{round}");
}
