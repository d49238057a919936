//! `jaarcyclus stukken`: the meeting pack of a board meeting (written, deterministic, refused
//! on E0–E2 and E307, W402 shown), its content by text extraction (`pdftotext`), and the
//! reminder letters as snapshots. Trees are `tests/fixtures/base` with a case from
//! `tests/fixtures/stukken/` laid over it.

mod common;

use common::*;
use std::path::{Path, PathBuf};
use std::process::Output;

const PEILDATUM: &str = "2026-06-01";
const STEM: &str = "2026-06-15-ogb-b";

/// A data tree in `dir/data`: the base fixture, with a stukken case over it when named.
fn tree(dir: &Path, case: Option<&str>) -> PathBuf {
    let data = dir.join("data");
    match case {
        Some(c) => case_tree(&root().join("tests/fixtures/stukken").join(c), &data),
        None => copy_tree(&root().join("tests/fixtures/base"), &data),
    }
    data
}

/// Runs `stukken` for the tree's meeting, writing to `dir/out`.
fn stukken(dir: &Path, data: &Path, extra: &[&str]) -> Output {
    let meeting = data.join(format!("vergaderingen/{STEM}.yaml"));
    let out = dir.join("out");
    let mut args = vec!["stukken", meeting.to_str().unwrap(), "--data", data.to_str().unwrap(), "--out", out.to_str().unwrap()];
    args.extend_from_slice(extra);
    run(&args)
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The text of a PDF, whitespace collapsed (table cells wrap lines anywhere).
fn text(pdf: &Path) -> String {
    let o = std::process::Command::new("pdftotext").arg(pdf).arg("-").output().expect("pdftotext (poppler-utils) is installed");
    assert!(o.status.success(), "pdftotext {}", pdf.display());
    String::from_utf8_lossy(&o.stdout).split_whitespace().collect::<Vec<_>>().join(" ")
}

fn pack_dir(dir: &Path) -> PathBuf {
    dir.join("out/vergaderingen").join(STEM)
}

#[test]
fn clean_meeting_pack_is_written_and_deterministic() {
    let dir = tempfile::tempdir().unwrap();
    let data = tree(dir.path(), None);
    let o = stukken(dir.path(), &data, &["--peildatum", PEILDATUM]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let pack = pack_dir(dir.path());
    let files = [
        "agenda.pdf",
        "besluitnota-1.pdf",
        "stand-van-de-aanleveringen.pdf",
        "bijlagen/jaarrekening-2025.pdf",
        "vergaderstukken-2026-06-15-ogb-b.pdf",
        "manifest.json",
    ];
    let first: Vec<Vec<u8>> = files.iter().map(|f| std::fs::read(pack.join(f)).unwrap_or_else(|_| panic!("{f} ontbreekt"))).collect();
    assert!(first[..5].iter().all(|b| b.starts_with(b"%PDF-")));
    // No item 2 note: it is information, not a decision.
    assert!(!pack.join("besluitnota-2.pdf").exists());
    let o = stukken(dir.path(), &data, &["--peildatum", PEILDATUM]);
    assert_eq!(o.status.code(), Some(0));
    for (f, bytes) in files.iter().zip(&first) {
        assert!(std::fs::read(pack.join(f)).unwrap() == *bytes, "{f} differs between two runs");
    }
}

#[test]
fn pack_text_shows_proposal_alternatives_risks_and_status() {
    let dir = tempfile::tempdir().unwrap();
    let data = tree(dir.path(), None);
    let o = stukken(dir.path(), &data, &["--peildatum", PEILDATUM]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let t = text(&pack_dir(dir.path()).join("vergaderstukken-2026-06-15-ogb-b.pdf"));
    for want in [
        // Agenda and the proposal.
        "Agenda OGB-B 15 juni 2026",
        "Stand van het afsprakenstelsel",
        "Het OGB-B stelt de jaarrekening 2025 vast.",
        // Alternative A as given, B computed: the brons alternatives of the three parties.
        "Vaststellen",
        "€ 3.750.000",
        "Aanhouden tot nader onderzoek",
        "€ 3.000.000",
        "berekend: totaal van het stelsel 2025 op niveau Brons",
        // Against the cap of 2025 (beheer only), and over the financiers to the cent.
        "€ 5.000.000",
        "−€ 1.250.000",
        "−€ 2.000.000",
        "−€ 237.500,00",
        "−€ 875.000,00",
        "−€ 380.000,00",
        // Risks of each alternative.
        "Geen",
        "Vertraging van de decharge",
        // Management consequences of the plans 2025.
        "Nieuwe viewer in beheer",
        // The delivery status.
        "Stand van de aanleveringen",
        "Beheerorganisatie A · OBO",
        "realisatie 2025 1 maart 2026 20 februari 2026 op tijd",
        "plan 2025",
        // The appendix.
        "Jaarrekening en verantwoording 2025",
    ] {
        assert!(t.contains(want), "`{want}` ontbreekt in het pakket:\n{t}");
    }
    let outline = std::process::Command::new("pdftohtml")
        .args(["-xml", "-i", "-stdout", "-q"])
        .arg(pack_dir(dir.path()).join("vergaderstukken-2026-06-15-ogb-b.pdf"))
        .output()
        .expect("pdftohtml (poppler-utils) is installed");
    let xml = String::from_utf8_lossy(&outline.stdout);
    for bookmark in ["Agenda OGB-B 15 juni 2026", "Besluitnota 1: Vaststelling jaarrekening 2025", "Stand van de aanleveringen", "Bijlage A: Jaarrekening en verantwoording 2025"] {
        assert!(xml.contains(&format!(">{bookmark}</item>")), "bladwijzer `{bookmark}` ontbreekt");
    }
}

#[test]
fn a_decision_without_alternatives_is_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let data = tree(dir.path(), Some("zonder-alternatieven"));
    let o = stukken(dir.path(), &data, &["--peildatum", PEILDATUM]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("E307"), "{}", stderr(&o));
    assert!(!dir.path().join("out/vergaderingen").exists());
}

#[test]
fn errors_that_make_the_numbers_untrustworthy_refuse_the_pack() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    case_tree(&root().join("tests/fixtures/cases/e201-negative"), &data);
    let o = stukken(dir.path(), &data, &["--peildatum", PEILDATUM]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("E201"));
    assert!(!dir.path().join("out/vergaderingen").exists());
}

#[test]
fn documents_sent_too_late_are_reported_and_shown_in_the_pack() {
    let dir = tempfile::tempdir().unwrap();
    let data = tree(dir.path(), Some("te-laat-verzonden"));
    let o = stukken(dir.path(), &data, &["--peildatum", PEILDATUM]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("W402"), "{}", stderr(&o));
    let pack = pack_dir(dir.path());
    let want = "W402 — stukken verzonden op 10 juni 2026, 5 dag(en) voor de vergadering van 15 juni 2026 (minimaal 10)";
    for f in ["vergaderstukken-2026-06-15-ogb-b.pdf", "agenda.pdf", "stand-van-de-aanleveringen.pdf"] {
        let t = text(&pack.join(f));
        assert!(t.contains(want), "W402 ontbreekt in {f}:\n{t}");
    }
}

#[test]
fn a_meeting_file_outside_the_data_root_cannot_be_used() {
    let dir = tempfile::tempdir().unwrap();
    let data = tree(dir.path(), None);
    let elsewhere = dir.path().join(format!("{STEM}.yaml"));
    std::fs::copy(data.join(format!("vergaderingen/{STEM}.yaml")), &elsewhere).unwrap();
    let out = dir.path().join("out");
    let args = |m: &Path| {
        run(&["stukken", m.to_str().unwrap(), "--data", data.to_str().unwrap(), "--out", out.to_str().unwrap(), "--peildatum", PEILDATUM])
    };
    let o = args(&elsewhere);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("buiten de gegevensmap"), "{}", stderr(&o));
    assert_eq!(args(&data.join("stelsel.yaml")).status.code(), Some(2));
    assert_eq!(args(&data.join("vergaderingen/bestaat-niet.yaml")).status.code(), Some(2));
    assert!(!out.join("vergaderingen").exists());
}

#[test]
fn the_default_meeting_renders() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let o = run(&["stukken", "data/vergaderingen/2026-12-10-ogb-b.yaml", "--out", out.to_str().unwrap(), "--peildatum", "2026-12-01"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let t = text(&out.join("vergaderingen/2026-12-10-ogb-b/vergaderstukken-2026-12-10-ogb-b.pdf"));
    assert!(t.contains("Besluitnota 2"), "{t}");
    assert!(t.contains("Beheerconsequenties"));
}

#[test]
fn reminders_go_to_parties_with_overdue_documents_only() {
    let dir = tempfile::tempdir().unwrap();
    let data = tree(dir.path(), Some("rappels"));
    let o = stukken(dir.path(), &data, &["--peildatum", "2026-09-15", "--rappels"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let rappels = dir.path().join("out/rappels/2026-09-15");
    let mut names: Vec<String> = std::fs::read_dir(&rappels).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    // obo-a: plan and begroting 2027 missing; obo-b: realisatie 2025 without ingediend_op.
    // Not kad-tbo (due 1 October), not obo-a's late realisatie (W401).
    assert_eq!(names, ["obo-a.eml", "obo-a.txt", "obo-b.eml", "obo-b.txt"]);
    let a = std::fs::read_to_string(rappels.join("obo-a.txt")).unwrap();
    assert!(!a.contains("realisatie 2025"), "{a}");
    insta::assert_snapshot!("rappel_obo_a", a);
    insta::assert_snapshot!("rappel_obo_b", std::fs::read_to_string(rappels.join("obo-b.txt")).unwrap());
    let eml = std::fs::read_to_string(rappels.join("obo-b.eml")).unwrap();
    assert!(eml.starts_with("Date: Tue, 15 Sep 2026 09:00:00 +0000\r\nTo: \"Beheerorganisatie B\":;\r\nSubject: "), "{eml}");
    assert!(eml.contains("\r\n\r\nAan:        Beheerorganisatie B\r\n"));
}

#[test]
fn without_rappels_no_letters_are_written() {
    let dir = tempfile::tempdir().unwrap();
    let data = tree(dir.path(), Some("rappels"));
    let o = stukken(dir.path(), &data, &["--peildatum", "2026-09-15"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(!dir.path().join("out/rappels").exists());
    assert!(pack_dir(dir.path()).join("agenda.pdf").exists());
}
