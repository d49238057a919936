//! An unchanged rebuild: a second `build` with the same inputs, flags and program writes
//! nothing and says so; a changed input byte, an added file, another flag, a deleted or an
//! edited output, or `--opnieuw` makes it build again.

use crate::common::*;
use std::collections::BTreeMap;
use std::path::Path;
use std::time::SystemTime;

const PEILDATUM: &str = "2026-06-01";

fn build(data: &Path, out: &Path, extra: &[&str]) -> String {
    let mut args = vec!["build", "--data", data.to_str().unwrap(), "--out", out.to_str().unwrap()];
    if !extra.contains(&"--peildatum") {
        args.extend_from_slice(&["--peildatum", PEILDATUM]);
    }
    args.extend_from_slice(extra);
    let o = run(&args);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout).unwrap()
}

/// Every file of the output directory (the lock file aside) with its modification time.
fn mtimes(out: &Path) -> BTreeMap<String, SystemTime> {
    walkdir::WalkDir::new(out)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file() && e.file_name() != ".jaarcyclus.lock")
        .map(|e| (e.path().strip_prefix(out).unwrap().display().to_string(), e.metadata().unwrap().modified().unwrap()))
        .collect()
}

fn unchanged(stdout: &str) -> bool {
    stdout.contains("niets gewijzigd sinds de vorige build")
}

/// A fresh copy of the base fixture, built once.
fn built() -> (tempfile::TempDir, std::path::PathBuf, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let (data, out) = (dir.path().join("data"), dir.path().join("out"));
    copy_tree(&root().join("tests/fixtures/base"), &data);
    assert!(!unchanged(&build(&data, &out, &[])));
    (dir, data, out)
}

#[test]
fn a_second_build_of_the_same_inputs_writes_nothing() {
    let (_dir, data, out) = built();
    let before = mtimes(&out);
    assert!(before.keys().any(|f| f.ends_with(".pdf")), "{before:?}");
    std::thread::sleep(std::time::Duration::from_millis(20));
    let stdout = build(&data, &out, &[]);
    assert!(unchanged(&stdout), "{stdout}");
    assert!(!stdout.contains("geschreven:"), "{stdout}");
    assert_eq!(mtimes(&out), before);
    // `--opnieuw` builds anyway.
    let stdout = build(&data, &out, &["--opnieuw"]);
    assert!(!unchanged(&stdout) && stdout.contains("geschreven:"), "{stdout}");
}

#[test]
fn a_change_anywhere_builds_again() {
    type Change = fn(&Path, &Path) -> Vec<&'static str>;
    let changes: [(&str, Change); 6] = [
        ("one input byte", |data, _| {
            let f = data.join("2025/obo-a/begroting.yaml");
            let mut text = std::fs::read(&f).unwrap();
            text.extend_from_slice(b"# x\n");
            std::fs::write(f, text).unwrap();
            vec![]
        }),
        ("a file that is not read", |data, _| {
            std::fs::write(data.join("2025/obo-a/notities.txt"), "x").unwrap();
            vec![]
        }),
        ("another peildatum", |_, _| vec!["--peildatum", "2026-06-02"]),
        ("a deleted output", |_, out| {
            let pdf = mtimes(out).into_keys().find(|f| f.ends_with(".pdf")).unwrap();
            std::fs::remove_file(out.join(pdf)).unwrap();
            vec![]
        }),
        ("an edited output", |_, out| {
            let csv = mtimes(out).into_keys().find(|f| f.ends_with(".csv")).unwrap();
            let mut bytes = std::fs::read(out.join(&csv)).unwrap();
            bytes[0] ^= 1;
            std::fs::write(out.join(csv), bytes).unwrap();
            vec![]
        }),
        ("an edited manifest", |_, out| {
            let m = mtimes(out).into_keys().find(|f| f.ends_with("manifest.json")).unwrap();
            let text = std::fs::read_to_string(out.join(&m)).unwrap();
            std::fs::write(out.join(m), text.replacen("\"version\": \"", "\"version\": \"0", 1)).unwrap();
            vec![]
        }),
    ];
    for (what, change) in changes {
        let (_dir, data, out) = built();
        let flags = change(&data, &out);
        let stdout = build(&data, &out, &flags);
        assert!(!unchanged(&stdout) && stdout.contains("geschreven:"), "{what}: {stdout}");
        // …after which the same build is unchanged again.
        assert!(unchanged(&build(&data, &out, &flags)), "{what}");
    }
}
