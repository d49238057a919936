//! `jaarcyclus check` against the contract: one fixture per diagnostic code (a clean base
//! tree with one or two files laid over it), the clean default data, the scoped mode, exit
//! statuses and the human rendering.

use crate::common::*;
use std::collections::BTreeSet;
use std::path::Path;

const PEILDATUM: &str = "2026-06-01";

struct Expect {
    wanted: Vec<(String, String, Option<u64>)>,
    also: BTreeSet<String>,
    delete: Vec<String>,
    args: Vec<String>,
}

fn expect(case: &Path) -> Expect {
    let text = std::fs::read_to_string(case.join("expect")).unwrap();
    let mut e = Expect { wanted: Vec::new(), also: BTreeSet::new(), delete: Vec::new(), args: Vec::new() };
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if let Some(rest) = line.strip_prefix("# also:") {
            e.also.extend(rest.split_whitespace().map(str::to_string));
        } else if let Some(rest) = line.strip_prefix("# delete:") {
            e.delete.push(rest.trim().to_string());
        } else if let Some(rest) = line.strip_prefix("# args:") {
            e.args.extend(rest.split_whitespace().map(str::to_string));
        } else {
            let (code, place) = line.split_once(' ').unwrap();
            let (file, line_no) = match place.rsplit_once(':') {
                Some((f, l)) => (f.to_string(), Some(l.parse().unwrap())),
                None => (place.to_string(), None),
            };
            e.wanted.push((code.to_string(), file, line_no));
        }
    }
    e
}

#[test]
fn base_fixture_is_clean() {
    let (status, json) = check_json(&root().join("tests/fixtures/base"), &["--peildatum", PEILDATUM]);
    assert_eq!(findings(&json), vec![], "{json:#}");
    assert_eq!(status, 0);
}

#[test]
fn every_case_reports_its_code_at_its_place() {
    let cases = root().join("tests/fixtures/cases");
    let mut names: Vec<_> = std::fs::read_dir(&cases).unwrap().map(|e| e.unwrap().path()).collect();
    names.sort();
    let mut failures = Vec::new();
    for case in &names {
        let e = expect(case);
        let dir = tempfile::tempdir().unwrap();
        case_tree(case, dir.path());
        for d in &e.delete {
            std::fs::remove_file(dir.path().join(d)).unwrap();
        }
        let mut args = vec!["--peildatum", PEILDATUM];
        args.extend(e.args.iter().map(String::as_str));
        let (status, json) = check_json(dir.path(), &args);
        let got = findings(&json);
        let name = case.file_name().unwrap().to_string_lossy();
        for (code, file, line) in &e.wanted {
            if !got.iter().any(|(c, f, l)| c == code && f.as_deref() == Some(file) && (line.is_none() || l == line)) {
                failures.push(format!("{name}: expected {code} at {file}:{line:?}, got {got:?}"));
            }
        }
        let allowed: BTreeSet<&str> =
            e.wanted.iter().map(|w| w.0.as_str()).chain(e.also.iter().map(String::as_str)).collect();
        for (c, f, l) in &got {
            if !allowed.contains(c.as_str()) {
                failures.push(format!("{name}: unexpected {c} at {f:?}:{l:?}"));
            }
        }
        let has_error = got.iter().any(|(c, _, _)| c.starts_with('E'));
        if status != if has_error { 1 } else { 0 } {
            failures.push(format!("{name}: exit status {status}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_contract_code_has_a_case() {
    let mut covered = BTreeSet::new();
    for e in std::fs::read_dir(root().join("tests/fixtures/cases")).unwrap() {
        for w in expect(&e.unwrap().path()).wanted {
            covered.insert(w.0);
        }
    }
    let all: BTreeSet<String> = jaarcyclus::diag::Code::ALL.iter().map(|c| c.as_str().to_string()).collect();
    let missing: Vec<_> = all.difference(&covered).collect();
    assert!(missing.is_empty(), "codes without a failing fixture: {missing:?}");
}

#[test]
fn default_data_has_no_errors_and_real_warnings() {
    let (status, json) = check_json(&root().join("data"), &["--peildatum", "2026-11-29"]);
    let got = findings(&json);
    assert!(got.iter().all(|(c, _, _)| c.starts_with('W')), "{got:?}");
    for code in ["W401", "W502", "W503", "W504", "W505", "W601"] {
        assert!(got.iter().any(|(c, _, _)| c == code), "{code} missing in {got:?}");
    }
    assert_eq!(status, 0);
}

#[test]
fn scoped_check_needs_only_the_party_and_the_stelsel() {
    let dir = tempfile::tempdir().unwrap();
    let base = root().join("tests/fixtures/base");
    std::fs::create_dir_all(dir.path().join("2025")).unwrap();
    std::fs::copy(base.join("stelsel.yaml"), dir.path().join("stelsel.yaml")).unwrap();
    copy_tree(&base.join("2025/obo-a"), &dir.path().join("2025/obo-a"));
    let (status, json) = check_json(dir.path(), &["--organisatie", "obo-a", "--peildatum", PEILDATUM]);
    // Without afspraken.yaml the register is empty: only the party's own agreement warnings.
    let got = findings(&json);
    assert!(got.iter().all(|(c, _, _)| c.starts_with("W50")), "{got:?}");
    assert_eq!(status, 0);
    // A broken file of another party is not read in scoped mode.
    std::fs::create_dir_all(dir.path().join("2025/obo-b")).unwrap();
    std::fs::write(dir.path().join("2025/obo-b/plan.yaml"), "kapot: [").unwrap();
    let (status, _) = check_json(dir.path(), &["--organisatie", "obo-a", "--peildatum", PEILDATUM]);
    assert_eq!(status, 0);
}

#[test]
fn missing_data_root_is_exit_status_2() {
    let out = run(&["check", "--data", "/nonexistent/jaarcyclus"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("gegevensmap"));
}

#[test]
fn bad_arguments_are_exit_status_2() {
    assert_eq!(run(&["check", "--peildatum", "1-1-2026"]).status.code(), Some(2));
    assert_eq!(run(&["check", "--format", "xml"]).status.code(), Some(2));
    assert_eq!(run(&["bestaat-niet"]).status.code(), Some(2));
}

#[test]
fn all_findings_of_one_run_together_sorted() {
    let dir = tempfile::tempdir().unwrap();
    let cases = root().join("tests/fixtures/cases");
    case_tree(&cases.join("e003-values"), dir.path());
    overlay(&cases.join("e202-key"), dir.path());
    overlay(&cases.join("e304-variance"), dir.path());
    let (_, json) = check_json(dir.path(), &["--peildatum", PEILDATUM]);
    let got = findings(&json);
    let codes: BTreeSet<&str> = got.iter().map(|g| g.0.as_str()).collect();
    assert!(codes.is_superset(&BTreeSet::from(["E003", "E202", "E304"])), "{got:?}");
    let keys: Vec<_> = got.iter().map(|(_, f, l)| (f.is_none(), f.clone(), *l)).collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
}

#[test]
fn human_rendering_snapshot() {
    let dir = tempfile::tempdir().unwrap();
    case_tree(&root().join("tests/fixtures/cases/e304-variance"), dir.path());
    overlay(&root().join("tests/fixtures/cases/e003-values"), dir.path());
    let out = run(&["check", "--data", dir.path().to_str().unwrap(), "--peildatum", PEILDATUM]);
    assert_eq!(out.status.code(), Some(1));
    insta::assert_snapshot!("check_human", String::from_utf8(out.stdout).unwrap());
}

#[test]
fn help_snapshots() {
    insta::assert_snapshot!("help", String::from_utf8(run(&["--help"]).stdout).unwrap());
    insta::assert_snapshot!("help_check", String::from_utf8(run(&["check", "--help"]).stdout).unwrap());
}

#[test]
fn uitleg_explains_a_code() {
    let out = run(&["uitleg", "E304"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("E304 (fout): afwijking boven beide normen zonder toelichting"), "{text}");
    assert_eq!(run(&["uitleg", "E999"]).status.code(), Some(2));
}

#[test]
fn code_list_snapshot() {
    let list: Vec<String> =
        jaarcyclus::diag::Code::ALL.iter().map(|c| format!("{c} {:?} {}", c.severity(), c.title())).collect();
    insta::assert_snapshot!("codes", list.join("\n"));
}

/// Every finding names the party and cycle year it is about (contract §9), as typed fields of
/// the JSON: the party whose file it is in, or the party an agreement, reporting line or
/// calendar finding names; `null` for a perspective or the construct as a whole.
#[test]
fn findings_carry_their_party_and_year() {
    let (_, json) = check_json(&root().join("data"), &["--peildatum", "2026-11-29"]);
    let subjects: Vec<String> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| format!("{} {} {}", d["code"].as_str().unwrap(), d["organisatie"], d["jaar"]))
        .collect();
    for want in [
        "W401 \"geonovum\" 2025",
        "W401 \"rws-obo\" 2027",
        "W501 \"rws-obo\" 2027",
        "W502 \"geonovum\" 2026",
        "W503 \"kadaster-tbo\" null",
        "W504 \"rws-obo\" null",
        "W505 \"kadaster-tbo\" 2027",
        "W601 null 2027",
        "W601 null 2026",
    ] {
        assert!(subjects.iter().any(|s| s == want), "{want} not in {subjects:#?}");
    }
    assert!(
        json["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .all(|d| d.get("organisatie").is_some() && d.get("jaar").is_some())
    );
    for (case, want) in [
        ("e401-overdue", "E401 \"obo-b\" 2025"),
        ("e108-cycle", "E108 \"kad-tbo\" null"),
        ("e305-over-cap", "E305 \"obo-a\" 2025"),
        ("e101-unknown-party", "E101 \"obo-z\" null"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let case = root().join("tests/fixtures/cases").join(case);
        case_tree(&case, dir.path());
        for d in expect(&case).delete {
            std::fs::remove_file(dir.path().join(d)).unwrap();
        }
        let (_, json) = check_json(dir.path(), &["--peildatum", PEILDATUM]);
        let got: Vec<String> = json["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| format!("{} {} {}", d["code"].as_str().unwrap(), d["organisatie"], d["jaar"]))
            .collect();
        assert!(got.iter().any(|s| s == want), "{}: {want} not in {got:#?}", case.display());
    }
}
