//! Accepted findings (contract §12): matching by code, party and year; expiry; the JSON shape;
//! the human output; the scoped mode; and the documents' table of accepted findings. The rules'
//! codes (E003, E101, W008) have their fixtures in tests/fixtures/cases.

use crate::common::*;
use std::path::Path;

const PEILDATUM: &str = "2026-06-01";

/// The W504 case (obo-b reports straight to the SBO) with an aanvaard.yaml laid over it.
fn tree(aanvaard: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    case_tree(&root().join("tests/fixtures/cases/w504-outside-line"), dir.path());
    std::fs::write(dir.path().join("aanvaard.yaml"), aanvaard).unwrap();
    dir
}

fn w504(json: &serde_json::Value) -> &serde_json::Value {
    json["diagnostics"].as_array().unwrap().iter().find(|d| d["code"] == "W504").expect("W504 reported")
}

#[test]
fn a_matching_entry_accepts_the_warning_and_it_no_longer_counts() {
    let dir = tree("aanvaard:\n  - {code: W504, organisatie: obo-b, reden: Rechtstreeks aangestuurd}\n");
    let (status, json) = check_json(dir.path(), &["--peildatum", PEILDATUM]);
    assert_eq!(status, 0);
    let d = w504(&json);
    assert_eq!(d["aanvaard"], serde_json::json!({"reden": "Rechtstreeks aangestuurd", "line": 2}));
    assert_eq!((json["warnings"].as_u64(), json["aanvaard"].as_u64()), (Some(0), Some(1)));
    // Without organisatie and jaar the entry matches every W504.
    let dir = tree("aanvaard:\n  - {code: W504, reden: Altijd goed}\n");
    let (_, json) = check_json(dir.path(), &["--peildatum", PEILDATUM]);
    assert_eq!(w504(&json)["aanvaard"]["reden"], "Altijd goed");
}

#[test]
fn an_entry_for_another_party_or_year_matches_nothing() {
    for entry in ["{code: W504, organisatie: obo-a, reden: x}", "{code: W504, jaar: 2025, reden: x}"] {
        let dir = tree(&format!("aanvaard:\n  - {entry}\n"));
        let (_, json) = check_json(dir.path(), &["--peildatum", PEILDATUM]);
        assert!(w504(&json)["aanvaard"].is_null(), "{entry}");
        let codes: Vec<(String, Option<String>, Option<u64>)> = findings(&json);
        assert!(codes.contains(&("W008".into(), Some("aanvaard.yaml".into()), Some(2))), "{entry}: {codes:?}");
        assert_eq!((json["warnings"].as_u64(), json["aanvaard"].as_u64()), (Some(2), Some(0)));
    }
}

#[test]
fn an_expired_entry_matches_nothing_and_is_not_reported() {
    let dir = tree("aanvaard:\n  - {code: W504, organisatie: obo-b, reden: x, tot: 2026-05-31}\n");
    let (_, json) = check_json(dir.path(), &["--peildatum", PEILDATUM]);
    assert!(w504(&json)["aanvaard"].is_null());
    assert_eq!(findings(&json).len(), 1, "{json:#}");
    // On its last day it still holds.
    let (_, json) = check_json(dir.path(), &["--peildatum", "2026-05-31"]);
    assert!(!w504(&json)["aanvaard"].is_null());
}

#[test]
fn the_scoped_check_honours_entries_and_never_reports_w008() {
    let dir = tree(
        "aanvaard:\n  - {code: W504, organisatie: obo-b, reden: Rechtstreeks}\n  - {code: W401, organisatie: obo-a, reden: x}\n",
    );
    let (_, json) = check_json(dir.path(), &["--organisatie", "obo-b", "--peildatum", PEILDATUM]);
    assert!(findings(&json).iter().all(|(c, _, _)| c != "W008"), "{json:#}");
    if let Some(d) = json["diagnostics"].as_array().unwrap().iter().find(|d| d["code"] == "W504") {
        assert_eq!(d["aanvaard"]["reden"], "Rechtstreeks");
    }
    // The whole tree does report the stale W401 entry.
    let (_, json) = check_json(dir.path(), &["--peildatum", PEILDATUM]);
    assert!(findings(&json).contains(&("W008".into(), Some("aanvaard.yaml".into()), Some(3))));
}

#[test]
fn the_human_output_shows_accepted_findings_apart() {
    let dir = tree("aanvaard:\n  - {code: W504, organisatie: obo-b, reden: Rechtstreeks aangestuurd}\n");
    let o = run(&["check", "--data", dir.path().to_str().unwrap(), "--peildatum", PEILDATUM]);
    let text = String::from_utf8(o.stdout).unwrap() + &String::from_utf8(o.stderr).unwrap();
    assert!(!text.contains("waarschuwing[W504]"), "not among the open findings:\n{text}");
    assert!(text.contains("aanvaard volgens aanvaard.yaml (1):"), "{text}");
    assert!(text.contains("W504 1 bevinding (stelsel.yaml:7) — regel 2"), "{text}");
    assert!(text.contains("Rechtstreeks aangestuurd"), "{text}");
    assert!(text.contains("geen fouten, geen waarschuwingen (1 aanvaard)"), "{text}");
}

/// The default data accepts what the board decided; every document lists the accepted
/// findings of its years with their reasons, apart from the open ones.
#[test]
fn the_documents_list_accepted_findings_with_their_reasons() {
    let out = tempfile::tempdir().unwrap();
    let d = root().join("data");
    let o = run(&[
        "build",
        "--data",
        d.to_str().unwrap(),
        "--out",
        out.path().to_str().unwrap(),
        "--peildatum",
        "2026-11-29",
    ]);
    assert_eq!(o.status.code(), Some(0));
    // Words joined again where a narrow cell hyphenated them (a soft hyphen at the line end).
    let text = |p: &Path| squeeze(&pdf::text(p)).replace("\u{ad} ", "");
    let jr = text(&out.path().join("2025/jaarrekening-2025.pdf"));
    assert!(jr.contains("Aanvaarde bevindingen"), "{jr}");
    assert!(jr.contains("Rijkswaterstaat wordt als agentschap"), "{jr}");
    // The 2025 W603 signals are one row, counted (each judged against its quarter's own
    // yardstick, contract §14).
    assert!(jr.contains("11 keer: prognose in een voortgangsrapportage"), "{jr}");
    let jp = text(&out.path().join("2027/jaarplan-2027.pdf"));
    assert!(jp.contains("Aanvaarde bevindingen"));
    // A 2025 acceptance is not about the jaarplan 2027.
    assert!(!jp.contains("13 keer"), "{jp}");
}
