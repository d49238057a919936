//! `check --watch` re-checks after every save, and survives files that are broken, deleted or
//! renamed while editing; `build --watch` rebuilds after a save and typesets and rewrites only
//! what changed. (It waits for output with generous limits; no timing is asserted: the times
//! are measured by `bench/run.sh`.)

use crate::common::*;
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
        Watching::run(&["check", "--watch", "--data", data.to_str().unwrap(), "--peildatum", "2026-11-29"])
    }

    fn run(args: &[&str]) -> Watching {
        let mut child = Command::new(bin())
            .args(args)
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

#[test]
fn build_watch_typesets_and_rewrites_only_what_changed() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&root().join("data"), &dir.path().join("data"));
    let (data, out) = (dir.path().join("data"), dir.path().join("out"));
    let w = Watching::run(&[
        "build",
        "--watch",
        "--data",
        data.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--peildatum",
        "2026-11-29",
    ]);
    let first = w.round();
    assert!(first.contains("4 van 4 documenten gezet"), "{first}");
    let time = |rel: &str| std::fs::metadata(out.join(rel)).unwrap().modified().unwrap();
    let (rekening, plan) = ("2025/jaarrekening-2025.pdf", "2027/jaarplan-2027.pdf");
    let (rekening_before, plan_before) = (time(rekening), time(plan));
    let pdf_before = std::fs::read(out.join(plan)).unwrap();
    std::thread::sleep(Duration::from_millis(50));
    // One amount of one line of the 2027 begroting: the jaarplan and meerjarenplan 2027 change.
    let f = data.join("2027/geonovum/begroting.yaml");
    let text = std::fs::read_to_string(&f).unwrap();
    assert!(text.contains("2027: 1450000"));
    std::fs::write(&f, text.replacen("2027: 1450000", "2027: 1460000", 1)).unwrap();
    let second = w.round();
    assert!(second.contains("wijziging in 2027/geonovum/begroting.yaml"), "{second}");
    assert!(second.contains("2 van 4 documenten gezet"), "{second}");
    assert_eq!(time(rekening), rekening_before, "an unchanged document is not rewritten");
    assert_ne!(time(plan), plan_before);
    assert_ne!(std::fs::read(out.join(plan)).unwrap(), pdf_before);
    // The same PDF as a cold build of the changed data.
    let cold = dir.path().join("cold");
    let o =
        run(&["build", "--data", data.to_str().unwrap(), "--out", cold.to_str().unwrap(), "--peildatum", "2026-11-29"]);
    assert!(o.status.success());
    for rel in [rekening, plan, "2027/meerjarenplan-2027-2030.pdf"] {
        assert_eq!(std::fs::read(out.join(rel)).unwrap(), std::fs::read(cold.join(rel)).unwrap(), "{rel}");
    }
}
