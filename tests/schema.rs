//! The JSON Schemas against `check`, the way an editor uses them: every YAML file in which `check`
//! finds no error must be valid for its schema, read by a
//! real validator with draft-07 semantics (as yaml-language-server does). The schemas are made
//! from the loader's own declaration, so this holds them to each other on every file in the
//! repository: the default data, the fixtures and their cases, the fuzz seeds.

use crate::common::*;
use jaarcyclus::model::FileKind;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The file kind of a path relative to a data root.
fn kind(rel: &str) -> Option<FileKind> {
    let parts: Vec<&str> = rel.split('/').collect();
    match parts.as_slice() {
        ["stelsel.yaml"] => Some(FileKind::Stelsel),
        ["afspraken.yaml"] => Some(FileKind::Afspraken),
        ["aanvaard.yaml"] => Some(FileKind::Aanvaard),
        ["vergaderingen", f] if f.ends_with(".yaml") => Some(FileKind::Vergadering),
        [_, _, "plan.yaml"] => Some(FileKind::Plan),
        [_, _, "begroting.yaml"] => Some(FileKind::Begroting),
        [_, _, "realisatie.yaml"] => Some(FileKind::Realisatie),
        [_, _, f] => FileKind::numbered(f).map(|(k, _)| k),
        _ => None,
    }
}

struct Validators(BTreeMap<String, jsonschema::Validator>);

impl Validators {
    fn new() -> Validators {
        Validators(
            FileKind::ALL
                .iter()
                .map(|k| {
                    let v = jsonschema::draft7::new(&jaarcyclus::schema::schema(*k)).expect("a draft-07 schema");
                    (k.as_str().to_string(), v)
                })
                .collect(),
        )
    }

    /// The schema's complaints about one file.
    fn errors(&self, kind: FileKind, text: &str) -> Vec<String> {
        // YAML 1.2 as the loader and editors read it: `jaar: Y` is the text "Y".
        let strict = serde_saphyr::options! { strict_booleans: true };
        let value: serde_json::Value = match serde_saphyr::from_str_with_options(text, strict) {
            Ok(v) => v,
            Err(e) => return vec![format!("not YAML: {e}")],
        };
        self.0[kind.as_str()].iter_errors(&value).map(|e| format!("{}: {e}", e.instance_path())).collect()
    }
}

/// Checks a tree and validates every file of it without an error finding; returns
/// (files validated, failures).
fn tree(data: &Path, peildatum: &str, v: &Validators) -> (usize, Vec<String>) {
    let (_, json) = check_json(data, &["--peildatum", peildatum]);
    let refused: BTreeSet<String> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["severity"] == "error")
        .filter_map(|d| d["file"].as_str().map(str::to_string))
        .collect();
    let (mut n, mut failures) = (0, Vec::new());
    for e in walkdir::WalkDir::new(data).sort_by_file_name() {
        let e = e.unwrap();
        let rel = e.path().strip_prefix(data).unwrap().to_string_lossy().replace('\\', "/");
        let Some(k) = kind(&rel) else { continue };
        if refused.contains(&rel) || !e.file_type().is_file() {
            continue;
        }
        let text = std::fs::read_to_string(e.path()).unwrap();
        if text.lines().all(|l| l.trim().is_empty() || l.trim_start().starts_with('#')) {
            continue; // an empty afspraken.yaml is an empty register, nothing to validate
        }
        n += 1;
        let errs = v.errors(k, &text);
        if !errs.is_empty() {
            failures.push(format!("{}/{rel}:\n  {}", data.display(), errs.join("\n  ")));
        }
    }
    (n, failures)
}

#[test]
fn every_file_check_accepts_is_valid_for_its_schema() {
    let v = Validators::new();
    let mut total = 0;
    let mut failures = Vec::new();
    let mut add = |(n, f): (usize, Vec<String>)| {
        total += n;
        failures.extend(f);
    };
    add(tree(&root().join("data"), "2026-11-29", &v));
    add(tree(&root().join("tests/fixtures/base"), "2026-06-01", &v));
    for dir in ["tests/fixtures/cases", "tests/fixtures/stukken"] {
        for case in std::fs::read_dir(root().join(dir)).unwrap() {
            let case = case.unwrap().path();
            let t = tempfile::tempdir().unwrap();
            case_tree(&case, t.path());
            add(tree(t.path(), "2026-06-01", &v));
        }
    }
    assert!(total > 200, "only {total} files validated");
    assert!(
        failures.is_empty(),
        "{} files that check reads are refused by their schema:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The drift that was found before the schemas came from the loader's declaration: an empty
/// optional text (`toelichting: ""`) is accepted by `check` and so by the schema; an empty
/// required text is refused by both.
#[test]
fn an_empty_optional_text_is_accepted_and_an_empty_required_one_refused() {
    let v = Validators::new();
    let base = root().join("tests/fixtures/base");
    let real = std::fs::read_to_string(base.join("2025/obo-a/realisatie.yaml")).unwrap();
    let with_empty =
        real.replacen("{regel: OBO_A-NUL, bedrag: 0}", "{regel: OBO_A-NUL, bedrag: 0, toelichting: \"\"}", 1);
    assert_ne!(real, with_empty);
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&base, dir.path());
    std::fs::write(dir.path().join("2025/obo-a/realisatie.yaml"), &with_empty).unwrap();
    let (_, json) = check_json(dir.path(), &["--peildatum", "2026-06-01"]);
    assert_eq!(findings(&json), vec![], "check accepts it");
    assert_eq!(v.errors(FileKind::Realisatie, &with_empty), Vec::<String>::new());
    let plan = std::fs::read_to_string(base.join("2025/obo-a/plan.yaml")).unwrap();
    let blank = plan.replacen("omschrijving: Stabiel Omgevingsloket", "omschrijving: \"\"", 1);
    assert_ne!(plan, blank);
    std::fs::write(dir.path().join("2025/obo-a/plan.yaml"), &blank).unwrap();
    let (_, json) = check_json(dir.path(), &["--peildatum", "2026-06-01"]);
    assert!(findings(&json).iter().any(|f| f.0 == "E003"), "check refuses it");
    assert!(!v.errors(FileKind::Plan, &blank).is_empty(), "the schema refuses it");
}
