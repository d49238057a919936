//! The synthetic data generator (`jaarcyclus_synth`): a generated tree passes `check` without
//! errors across its documented range of reference dates, `build` makes its three documents,
//! and the same seed gives byte-identical trees.

use crate::common::*;
use jaarcyclus_synth::generate;
use std::collections::BTreeMap;
use std::path::Path;

fn tree_bytes(root: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(root)
        .sort_by_file_name()
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(root).unwrap().to_string_lossy().into_owned();
            (rel, std::fs::read(e.path()).unwrap())
        })
        .collect()
}

#[test]
fn generated_tree_has_no_errors() {
    let dir = tempfile::tempdir().unwrap();
    generate(dir.path(), 20, 10, 42).unwrap();
    for peildatum in ["2026-05-15", "2026-11-29", "2027-03-01"] {
        let (status, json) = check_json(dir.path(), &["--peildatum", peildatum]);
        let errors: Vec<_> = findings(&json).into_iter().filter(|(c, _, _)| c.starts_with('E')).collect();
        assert_eq!(errors, vec![], "peildatum {peildatum}");
        assert_eq!(status, 0, "peildatum {peildatum}");
    }
    let human = run(&["check", "--data", dir.path().to_str().unwrap(), "--peildatum", "2026-11-29"]);
    assert_eq!(human.status.code(), Some(0), "{}", String::from_utf8_lossy(&human.stdout));
}

#[test]
fn generated_tree_has_the_requested_shape() {
    let dir = tempfile::tempdir().unwrap();
    generate(dir.path(), 20, 10, 7).unwrap();
    let files = tree_bytes(dir.path());
    let count = |name: &str| files.keys().filter(|k| k.ends_with(name)).count();
    assert_eq!(count("/plan.yaml"), 2 * 20);
    assert_eq!(count("/begroting.yaml"), 2 * 20);
    assert_eq!(count("/realisatie.yaml"), 20);
    let stelsel = String::from_utf8(files["stelsel.yaml"].clone()).unwrap();
    assert_eq!(stelsel.matches("    rol: SBO\n").count(), 1);
    assert_eq!(stelsel.matches("    rol: TBO\n").count(), 2);
    let begroting = String::from_utf8(files["2026/obo-01/begroting.yaml"].clone()).unwrap();
    assert_eq!(begroting.matches("  - id: ").count(), 10);
    assert!(files.contains_key("afspraken.yaml"));
    assert!(files.keys().any(|k| k.starts_with("vergaderingen/")));
}

#[test]
fn same_seed_gives_identical_bytes() {
    let (a, b, c) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    generate(a.path(), 20, 10, 42).unwrap();
    generate(b.path(), 20, 10, 42).unwrap();
    generate(c.path(), 20, 10, 43).unwrap();
    assert!(tree_bytes(a.path()) == tree_bytes(b.path()), "two generations with seed 42 differ");
    assert!(tree_bytes(a.path()) != tree_bytes(c.path()), "seeds 42 and 43 give the same tree");
}

#[test]
fn refuses_a_non_empty_directory() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("iets.txt"), "x").unwrap();
    assert!(generate(dir.path(), 3, 2, 1).is_err());
}

#[test]
fn generated_tree_builds_three_documents() {
    let (data, out) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let data = data.path().join("data");
    generate(&data, 20, 10, 42).unwrap();
    let o = run(&[
        "build",
        "--data",
        data.to_str().unwrap(),
        "--out",
        out.path().to_str().unwrap(),
        "--peildatum",
        "2026-11-29",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    for pdf in ["2026/meerjarenplan-2026-2029.pdf", "2026/jaarplan-2026.pdf", "2025/jaarrekening-2025.pdf"] {
        assert!(out.path().join(pdf).is_file(), "{pdf} missing");
    }
}
