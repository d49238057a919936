//! `ontvang` under pressure (contract §15): killed (SIGKILL) at any moment, the data root holds
//! the old or the new version of every file and a whole register, never a partial file, and the
//! next receipt finishes the job (stale temporary files removed); several receipts at once queue
//! on the data root's lock and every one of them ends up in the register.

use crate::common::*;
use crate::ontvang::{Setup, realisatie, sha};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn ontvang(s: &Setup, bron: &Path, org: &str) -> Command {
    let mut c = Command::new(bin());
    c.args(["ontvang", bron.to_str().unwrap(), "--organisatie", org, "--peildatum", "2026-02-25"])
        .args(["--data", s.data().to_str().unwrap(), "--out", s.out().to_str().unwrap()])
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    c
}

/// The register parses as a whole, without any error about it.
fn register_whole(s: &Setup, moment: &str) {
    let (_, json) = check_json(&s.data(), &["--peildatum", "2026-06-01"]);
    let about: Vec<_> = findings(&json)
        .into_iter()
        .filter(|(c, f, _)| c.starts_with('E') && (f.as_deref() == Some("ontvangsten.yaml") || c.starts_with("E00")))
        .collect();
    assert!(about.is_empty(), "{moment}: {about:?}");
}

#[test]
fn sigkill_at_any_moment_leaves_the_register_and_the_data_root_whole() {
    let s = Setup::new();
    let new = realisatie(&s, "2026-02-20");
    s.deliver("realisatie.yaml", &new);
    let target = s.data().join("2025/obo-b/realisatie.yaml");
    let old = std::fs::read_to_string(&target).unwrap();
    let started = Instant::now();
    let probe = Setup::new();
    probe.deliver("realisatie.yaml", &new);
    assert!(ontvang(&probe, &probe.bron(), "obo-b").status().unwrap().success());
    let took = started.elapsed();
    let steps = 16u32;
    for i in 0..steps {
        let after = took * i / steps;
        let mut child = ontvang(&s, &s.bron(), "obo-b").spawn().unwrap();
        let start = Instant::now();
        while start.elapsed() < after && child.try_wait().unwrap().is_none() {
            std::thread::sleep(Duration::from_micros(200));
        }
        let _ = child.kill();
        child.wait().unwrap();
        let moment = format!("killed after {after:?}");
        let now = std::fs::read_to_string(&target).unwrap();
        assert!(now == old || now == new, "{moment}: a partial data file");
        for e in walkdir::WalkDir::new(s.data()) {
            let name = e.unwrap().file_name().to_string_lossy().into_owned();
            assert!(!name.ends_with(".tmp") || name.starts_with('.'), "{moment}: visible temporary file {name}");
        }
        register_whole(&s, &moment);
    }
    // The next receipt completes it and leaves no temporary file behind.
    let o = ontvang(&s, &s.bron(), "obo-b").output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(std::fs::read_to_string(&target).unwrap(), new);
    let temps: Vec<_> = walkdir::WalkDir::new(s.data())
        .into_iter()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(temps.is_empty(), "{temps:?}");
    assert!(s.register().contains(&sha(new.as_bytes())));
    let (status, json) = check_json(&s.data(), &["--peildatum", "2026-06-01"]);
    assert_eq!((status, findings(&json)), (0, vec![]), "{json:#}");
}

#[test]
fn concurrent_receipts_queue_and_all_end_up_in_the_register() {
    let s = Setup::new();
    // Three parties, each delivering twice at once (the second receipt of the same bytes adds
    // no entry), all started together.
    let mut deliveries = Vec::new();
    for (org, file) in [("obo-a", "realisatie.yaml"), ("obo-b", "realisatie.yaml"), ("kad-tbo", "voortgang-q3.yaml")] {
        let text = std::fs::read_to_string(s.data().join("2025").join(org).join(file)).unwrap();
        let text = format!("# opnieuw aangeleverd\n{text}");
        for n in 0..2 {
            let bron = s.dir.path().join(format!("bron-{org}-{n}"));
            std::fs::create_dir_all(&bron).unwrap();
            std::fs::write(bron.join(file), &text).unwrap();
            deliveries.push((org, bron, text.clone()));
        }
    }
    let children: Vec<_> =
        deliveries.iter().map(|(org, bron, _)| (org, ontvang(&s, bron, org).spawn().unwrap())).collect();
    for (org, child) in children {
        let o = child.wait_with_output().unwrap();
        assert!(o.status.success(), "{org}: {}", String::from_utf8_lossy(&o.stderr));
    }
    let register = s.register();
    assert_eq!(register.matches("- organisatie:").count(), 3, "{register}");
    for (_, _, text) in &deliveries {
        assert!(register.contains(&sha(text.as_bytes())), "{register}");
    }
    register_whole(&s, "after all");
    assert_eq!(s.bevestigingen().len(), 6, "one bevestiging per receipt, none overwritten");
    let (status, json) = check_json(&s.data(), &["--peildatum", "2026-06-01"]);
    assert_eq!((status, findings(&json)), (0, vec![]), "{json:#}");
}
