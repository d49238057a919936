//! Crash safety of `build`: killed (SIGKILL) at any moment, `out/` holds the previous complete
//! documents or the new complete ones, never a partial file; the inputs are never modified;
//! `--out` inside the data root is refused before anything is written; two builds into one
//! `out/` at once end consistent.

use crate::common::*;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const PEILDATUM: &str = "2026-11-29";

/// SHA-256 of every file under `dir` (relative path → digest); links are listed, not followed.
fn hashes(dir: &Path) -> BTreeMap<String, [u8; 32]> {
    let mut out = BTreeMap::new();
    for e in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let e = e.unwrap();
        if e.file_type().is_file() {
            let rel = e.path().strip_prefix(dir).unwrap().to_string_lossy().into_owned();
            out.insert(rel, Sha256::digest(std::fs::read(e.path()).unwrap()).into());
        }
    }
    out
}

fn build(data: &Path, out: &Path) -> Command {
    let mut c = Command::new(bin());
    c.args(["build", "--data", data.to_str().unwrap(), "--out", out.to_str().unwrap(), "--peildatum", PEILDATUM])
        .current_dir(root())
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    c
}

/// A complete build; returns the hashes of what it wrote (the lock file left out).
fn complete(data: &Path, out: &Path) -> BTreeMap<String, [u8; 32]> {
    let o = build(data, out).output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let mut h = hashes(out);
    h.remove(".jaarcyclus.lock");
    h
}

/// A copy of `data/` with one text changed, so its documents differ from the original's.
fn changed_copy(dir: &Path) {
    copy_tree(&root().join("data"), dir);
    let plan = dir.join("2027/kadaster-obo/plan.yaml");
    let text = std::fs::read_to_string(&plan).unwrap();
    let changed = text.replacen("indicator: beschikbaarheid", "indicator: gewijzigde beschikbaarheid", 1);
    assert_ne!(text, changed);
    std::fs::write(plan, changed).unwrap();
}

/// Every file in `out` is complete: equal to the old or the new build's version of it, PDFs
/// framed by `%PDF` and `%%EOF`; temporary files only under hidden names. Returns the
/// temporary files found.
fn assert_consistent(
    out: &Path,
    old: &BTreeMap<String, [u8; 32]>,
    new: &BTreeMap<String, [u8; 32]>,
    moment: &str,
) -> Vec<String> {
    let mut temps = Vec::new();
    for (rel, digest) in hashes(out) {
        let name = Path::new(&rel).file_name().unwrap().to_string_lossy().into_owned();
        if name == ".jaarcyclus.lock" {
            continue;
        }
        if name.ends_with(".tmp") {
            assert!(name.starts_with('.'), "{moment}: visible temporary file {rel}");
            temps.push(rel);
            continue;
        }
        // A first website is written into a hidden temporary folder beside the live one
        // (`<Y>/.site.<pid>.<n>.tmp/`) and renamed in whole: its pages are temporary too.
        let in_temporary_folder = Path::new(&rel).parent().is_some_and(|p| {
            p.components().any(|c| {
                let c = c.as_os_str().to_string_lossy();
                c.starts_with('.') && c.ends_with(".tmp")
            })
        });
        if in_temporary_folder {
            temps.push(rel);
            continue;
        }
        if rel.ends_with(".pdf") {
            let bytes = std::fs::read(out.join(&rel)).unwrap();
            assert!(bytes.starts_with(b"%PDF"), "{moment}: {rel} does not start with %PDF");
            assert!(bytes.trim_ascii_end().ends_with(b"%%EOF"), "{moment}: {rel} does not end with %%EOF");
        }
        assert!(
            old.get(&rel) == Some(&digest) || new.get(&rel) == Some(&digest),
            "{moment}: {rel} is neither the old nor the new version"
        );
    }
    temps
}

fn kill_after(mut child: Child, after: Duration) -> Option<i32> {
    let start = Instant::now();
    while start.elapsed() < after {
        if let Some(s) = child.try_wait().unwrap() {
            return s.code();
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    child.kill().unwrap(); // SIGKILL on Unix
    child.wait().unwrap();
    None
}

/// Kills the build `delay` after its first temporary file appears in `out` (it is writing).
/// Returns whether it was still running then.
fn kill_while_writing(mut child: Child, out: &Path, delay: Duration) -> bool {
    let writing = || {
        walkdir::WalkDir::new(out)
            .into_iter()
            .filter_map(Result::ok)
            .any(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
    };
    loop {
        if child.try_wait().unwrap().is_some() {
            return false;
        }
        if writing() {
            std::thread::sleep(delay);
            child.kill().unwrap();
            child.wait().unwrap();
            return true;
        }
    }
}

#[test]
fn sigkill_at_any_moment_leaves_old_or_new_complete_files() {
    let data = tempfile::tempdir().unwrap();
    changed_copy(data.path());
    let before = hashes(data.path());
    // The old documents: from the original data; the new ones: from the changed copy.
    let old = complete(&root().join("data"), tempfile::tempdir().unwrap().path());
    let started = Instant::now();
    let new = complete(data.path(), tempfile::tempdir().unwrap().path());
    let took = started.elapsed();
    assert_ne!(old, new, "the change shows in the documents");
    let out = tempfile::tempdir().unwrap();
    let out = out.path().join("out");
    // Fixed moments (mostly while typesetting, before anything is written), then after the
    // length of a whole build.
    let moments = [50, 200, 500, 1000, 1500, took.as_millis() as u64 + 500];
    let mut temps = Vec::new();
    for (i, at) in moments.iter().enumerate() {
        // Every other run starts from the old documents, so a kill can hit their replacement.
        if i % 2 == 0 {
            let _ = std::fs::remove_dir_all(&out);
            complete(&root().join("data"), &out);
        }
        let child = build(data.path(), &out).spawn().unwrap();
        let finished = kill_after(child, Duration::from_millis(*at));
        let moment = format!("killed at {at} ms (finished: {finished:?})");
        temps.extend(assert_consistent(&out, &old, &new, &moment));
        assert_eq!(hashes(data.path()), before, "{moment}: the inputs changed");
    }
    // Kills that certainly land in the write phase: as soon as the first temporary file shows,
    // and a little later.
    let mut mid_write = 0;
    for delay in [0, 10, 40] {
        let _ = std::fs::remove_dir_all(&out);
        complete(&root().join("data"), &out);
        let child = build(data.path(), &out).spawn().unwrap();
        mid_write += usize::from(kill_while_writing(child, &out, Duration::from_millis(delay)));
        let moment = format!("killed {delay} ms into the write phase");
        temps.extend(assert_consistent(&out, &old, &new, &moment));
        assert_eq!(hashes(data.path()), before, "{moment}: the inputs changed");
    }
    // After completion: exactly the new documents, and no temporary file of a killed build
    // left (one is planted, in case no kill above left any).
    std::fs::write(out.join("2027/.jaarplan-2027.pdf.4294967.0.tmp"), b"%PDF-1.7 half").unwrap();
    std::fs::create_dir_all(out.join("2027/.site.4294967.0.tmp/partij")).unwrap();
    std::fs::write(out.join("2027/.site.4294967.0.tmp/partij/half.html"), b"<!DOCTYPE html><ht").unwrap();
    let mut after = complete(data.path(), &out);
    assert_consistent(&out, &old, &new, "after a complete build");
    after.retain(|rel, _| !rel.ends_with(".tmp") && !rel.contains(".tmp/"));
    assert_eq!(after, new);
    let left: Vec<String> = hashes(&out).into_keys().filter(|r| r.ends_with(".tmp") || r.contains(".tmp/")).collect();
    assert!(left.is_empty(), "temporary files of killed builds remain after a complete build: {left:?}");
    assert_eq!(hashes(data.path()), before, "the inputs changed");
    eprintln!(
        "{} kills at fixed moments, {mid_write} of 3 in the write phase; temporary files left by a kill: {}",
        moments.len(),
        temps.len()
    );
}

#[test]
fn out_inside_the_data_root_is_refused_and_nothing_is_written() {
    let data = tempfile::tempdir().unwrap();
    copy_tree(&root().join("data"), data.path());
    let before = hashes(data.path());
    let dirs_before: Vec<_> = walkdir::WalkDir::new(data.path()).into_iter().map(|e| e.unwrap().into_path()).collect();
    for out in ["out", "2027/out", ".", "2027/../nieuw/out"] {
        let o = build(data.path(), &data.path().join(out)).output().unwrap();
        assert_eq!(o.status.code(), Some(2), "--out {out}: {}", String::from_utf8_lossy(&o.stderr));
        assert!(String::from_utf8_lossy(&o.stderr).contains("gegevensmap"), "--out {out}: says why");
        assert_eq!(hashes(data.path()), before, "--out {out}: inputs changed");
        let dirs: Vec<_> = walkdir::WalkDir::new(data.path()).into_iter().map(|e| e.unwrap().into_path()).collect();
        assert_eq!(dirs, dirs_before, "--out {out}: something was created in the data root");
    }
    // A link from outside into the data root is the same place.
    let outside = tempfile::tempdir().unwrap();
    let link = outside.path().join("out");
    std::os::unix::fs::symlink(data.path().join("2027"), &link).unwrap();
    let o = build(data.path(), &link).output().unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(hashes(data.path()), before);
}

#[test]
fn two_concurrent_builds_into_one_out_end_consistent() {
    let data = tempfile::tempdir().unwrap();
    copy_tree(&root().join("data"), data.path());
    let before = hashes(data.path());
    let reference = complete(data.path(), tempfile::tempdir().unwrap().path());
    let out = tempfile::tempdir().unwrap();
    for round in 0..2 {
        let a = build(data.path(), out.path()).spawn().unwrap();
        let b = build(data.path(), out.path()).spawn().unwrap();
        let (a, b) = (a.wait_with_output().unwrap(), b.wait_with_output().unwrap());
        let codes = [a.status.code(), b.status.code()];
        for o in [&a, &b] {
            let code = o.status.code();
            assert!(code == Some(0) || code == Some(2), "round {round}: exit {code:?}");
            if code == Some(2) {
                // The only acceptable refusal is the lock.
                assert!(
                    String::from_utf8_lossy(&o.stderr).contains("in gebruik"),
                    "{}",
                    String::from_utf8_lossy(&o.stderr)
                );
            }
        }
        assert!(codes.contains(&Some(0)), "round {round}: one build succeeds: {codes:?}");
        let mut got = hashes(out.path());
        got.remove(".jaarcyclus.lock");
        assert_eq!(got, reference, "round {round}: exactly the complete documents");
    }
    assert_eq!(hashes(data.path()), before);
}
