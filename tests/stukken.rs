//! `jaarcyclus stukken`: the meeting pack of a board meeting (written, deterministic, refused
//! on E0–E2 and E307, W402 and W403 shown, dated as sent without `--peildatum`), its content by
//! text extraction (in Rust, `common::pdf`), and the reminder letters as snapshots. Trees are
//! `tests/fixtures/base` with a case from `tests/fixtures/stukken/` laid over it.

use crate::common::*;
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
    let mut args =
        vec!["stukken", meeting.to_str().unwrap(), "--data", data.to_str().unwrap(), "--out", out.to_str().unwrap()];
    args.extend_from_slice(extra);
    run(&args)
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The text of a PDF in reading order, whitespace collapsed (for running text).
fn text(pdf: &Path) -> String {
    pdf::text(pdf).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The lines of a PDF as laid out, whitespace collapsed per line (for table rows).
fn rows(pdf: &Path) -> Vec<String> {
    pdf::rows(pdf)
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
    let first: Vec<Vec<u8>> =
        files.iter().map(|f| std::fs::read(pack.join(f)).unwrap_or_else(|_| panic!("{f} ontbreekt"))).collect();
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
    let pdf = pack_dir(dir.path()).join("vergaderstukken-2026-06-15-ogb-b.pdf");
    let t = text(&pdf);
    for want in [
        "Agenda OGB-B 15 juni 2026",
        "Stand van het afsprakenstelsel",
        // The beslispunten name the document and the preferred alternative by its letter; the
        // figures are those of the perspective decided on (beheer), as in the jaarplan.
        "Beslispunten 1. Het OGB-B stelt het stuk Jaarrekening en verantwoording 2025 vast voor zover het over Beheer en \
         doorontwikkeling basisniveau gaat. 2. Het OGB-B kiest voor \
         Beheer en doorontwikkeling basisniveau in 2025 alternatief A: Vaststellen (€ 3.750.000).",
        "Toelichting op het voorstel Het OGB-B stelt de jaarrekening 2025 vast.",
        "van dat beleidsdoel: € 5.000.000. Het verschil wordt volgens de verdeelsleutel",
        "Alle beheerconsequenties die de partijen in hun plannen 2025 melden.",
        "Jaarrekening en verantwoording 2025",
    ] {
        assert!(t.contains(want), "`{want}` ontbreekt in het pakket:\n{t}");
    }
    // Amounts as the documents format them (the sign is the formatter's business).
    let eur = |s: &str| jaarcyclus::nl::eur(s.parse().unwrap());
    let cents = |s: &str| jaarcyclus::nl::eur_cents(s.parse().unwrap());
    let lines = rows(&pdf);
    for want in [
        // Alternative A as given; B computed: the brons alternatives of the three parties
        // (3 × € 1.000.000), both against the cap of 2025 (beheer only: € 5.000.000).
        format!("A Vaststellen {} {} binnen budget", eur("3750000"), eur("-1250000")),
        "voorstel opgegeven bedrag, niet berekend uit de aanleveringen".into(),
        "Risico's: • Geen".into(),
        format!("B Aanhouden tot nader onderzoek {} {} binnen budget", eur("3000000"), eur("-2000000")),
        "berekend: totaal van Beheer en doorontwikkeling".into(),
        "Risico's: • Vertraging van de decharge".into(),
        // The differences over the financiers (19/70/6/5), to the cent.
        format!("Rijk {} {}", cents("-237500"), cents("-380000")),
        format!("VNG {} {}", cents("-875000"), cents("-1400000")),
        format!("IPO {} {}", cents("-75000"), cents("-120000")),
        format!("UvW {} {}", cents("-62500"), cents("-100000")),
        format!("Verschil {} {}", cents("-1250000"), cents("-2000000")),
        // Management consequences of the plans 2025.
        format!(
            "Beheerorganisatie A Nieuwe viewer in beheer vanaf 2026 {} {} {} {}",
            eur("0"),
            eur("100000"),
            eur("100000"),
            eur("100000")
        ),
        // The delivery status: both OBOs delivered their realisatie 2025 on time.
        "Beheerorganisatie A · OBO".into(),
        "realisatie 2025 1 maart 2026 20 februari 2026 op tijd".into(),
    ] {
        assert!(lines.contains(&want), "regel `{want}` ontbreekt in het pakket:\n{lines:#?}");
    }
    assert_eq!(
        bookmarks(&pdf),
        [
            "Agenda OGB-B 15 juni 2026 (p. 3)",
            "Besluitnota 1: Vaststelling jaarrekening 2025 (p. 4)",
            "  Beslispunten (p. 4)",
            "  Toelichting op het voorstel (p. 4)",
            "  Alternatieven en risico's (p. 4)",
            "  Verdeling van het verschil over de financiers (p. 4)",
            // The third beslispunt (the settlement waits for the TBO's realisation) moves them on.
            "  Beheerconsequenties (p. 5)",
            "Stand van de aanleveringen (p. 6)",
            "  Afsprakenstelsel (p. 6)",
            "  Verzending en besluitpunten (p. 6)",
            "Technische bijlage (p. 7)",
            "Bijlage A: Jaarrekening en verantwoording 2025 (p. 8)",
        ]
    );
}

/// The PDF outline (bookmarks): one line per entry, indented by depth, with its page.
fn bookmarks(pdf: &Path) -> Vec<String> {
    pdf::bookmarks(pdf)
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
    // In words for the board; the code in the technical annex (contract §16).
    let want = "Stukken verzonden op 10 juni 2026, 5 dagen voor de vergadering van 15 juni 2026 (minimaal 10)";
    for f in ["vergaderstukken-2026-06-15-ogb-b.pdf", "agenda.pdf", "stand-van-de-aanleveringen.pdf"] {
        let t = text(&pack.join(f));
        assert!(t.contains(want), "W402 ontbreekt in {f}:\n{t}");
        let (body, _) = crate::publish::board_rows(&pack.join(f));
        assert!(
            !squeeze(&body.join("\n")).contains("W402") && t.contains("W402"),
            "{f}: W402 in the body or not in the annex"
        );
    }
}

#[test]
fn a_decision_on_a_concept_document_is_named_in_the_status_paper() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    case_tree(&root().join("tests/fixtures/cases/w403-concept-stuk"), &data);
    let o = stukken(dir.path(), &data, &["--peildatum", PEILDATUM]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("W403"), "{}", stderr(&o));
    let t = text(&pack_dir(dir.path()).join("stand-van-de-aanleveringen.pdf"));
    for want in [
        "Verzending en besluitpunten",
        "Agendapunt 1 vraagt het OGB-B het stuk Jaarrekening en verantwoording 2025 vast te stellen",
        "W403",
        // Parties by name, with their files in concept (the second name may be hyphenated).
        "met de status concept (realisatie van Beheerorganisatie A voor 2025; plan van",
    ] {
        assert!(t.contains(want), "`{want}` ontbreekt in de stand van de aanleveringen:\n{t}");
    }
}

#[test]
fn without_peildatum_the_pack_is_dated_as_sent() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let o = run(&["stukken", "data/vergaderingen/2026-12-10-ogb-b.yaml", "--out", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let pack = out.join("vergaderingen/2026-12-10-ogb-b");
    // The default meeting's `stukken_verzonden_op` is 26 November 2026.
    for f in ["agenda.pdf", "vergaderstukken-2026-12-10-ogb-b.pdf"] {
        let t = text(&pack.join(f));
        assert!(t.contains("Peildatum 26 november 2026"), "peildatum ontbreekt in {f}:\n{t}");
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
        run(&[
            "stukken",
            m.to_str().unwrap(),
            "--data",
            data.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
            "--peildatum",
            PEILDATUM,
        ])
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
    let o = run(&[
        "stukken",
        "data/vergaderingen/2026-12-10-ogb-b.yaml",
        "--out",
        out.to_str().unwrap(),
        "--peildatum",
        "2026-12-01",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let t = text(&out.join("vergaderingen/2026-12-10-ogb-b/vergaderstukken-2026-12-10-ogb-b.pdf"));
    assert!(t.contains("Besluitnota 2"), "{t}");
    assert!(t.contains("Beheerconsequenties"));
    // The note on the jaarrekening 2025 (item 3) names the files its figures come from: the
    // realisaties of 2025, each with the date of its receipt for its current content (read here
    // from the register and the files themselves), not the plans of the meeting's cycle year.
    let nota = rows(&out.join("vergaderingen/2026-12-10-ogb-b/besluitnota-3.pdf"));
    let herkomst: Vec<&String> = nota.iter().skip_while(|r| !r.contains("Herkomst van de cijfers")).collect();
    assert!(!herkomst.iter().any(|r| r.starts_with("plan 2027")), "{herkomst:#?}");
    let register = std::fs::read_to_string(root().join("data/ontvangsten.yaml")).unwrap();
    let mut checked = 0;
    for org in ["bzk-sbo", "kadaster-tbo", "kadaster-obo", "geonovum", "rws-obo"] {
        let bytes = std::fs::read(root().join(format!("data/2025/{org}/realisatie.yaml"))).unwrap();
        let Some(date) = received_on(&register, &format!("2025/{org}/realisatie.yaml"), &bytes) else { continue };
        let want = format!("realisatie 2025 definitief {}", dutch(&date));
        assert!(herkomst.iter().any(|r| r.starts_with(&want)), "{want}\n{herkomst:#?}");
        checked += 1;
    }
    assert!(checked >= 4, "the default data has receipts for the realisaties 2025");
}

/// The `ontvangen_op` of the earliest receipt in `register` for `file` whose SHA-256 is that of
/// `bytes` (contract §15), read line by line.
fn received_on(register: &str, file: &str, bytes: &[u8]) -> Option<String> {
    use sha2::Digest;
    let sha: String = sha2::Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect();
    let entries = register.split("\n  - ").skip(1);
    let field = |e: &str, k: &str| -> Option<String> {
        e.lines()
            .find_map(|l| l.trim().trim_start_matches("- ").strip_prefix(k))
            .map(|v| v.trim().trim_matches('"').to_string())
    };
    entries
        .filter(|e| field(e, "bestand:").as_deref() == Some(file) && field(e, "sha256:").as_deref() == Some(&*sha))
        .filter_map(|e| field(e, "ontvangen_op:"))
        .min()
}

/// `2026-03-27` as `27 maart 2026`.
fn dutch(iso: &str) -> String {
    const MONTHS: [&str; 12] = [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ];
    let p: Vec<usize> = iso.split('-').map(|x| x.parse().unwrap()).collect();
    format!("{} {} {}", p[2], MONTHS[p[1] - 1], p[0])
}

#[test]
fn reminders_go_to_parties_with_overdue_documents_only() {
    let dir = tempfile::tempdir().unwrap();
    let data = tree(dir.path(), Some("rappels"));
    let o = stukken(dir.path(), &data, &["--peildatum", "2026-09-15", "--rappels"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let rappels = dir.path().join("out/rappels/2026-09-15");
    let mut names: Vec<String> =
        std::fs::read_dir(&rappels).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    // obo-a: plan and begroting 2027 missing; obo-b: realisatie 2025 without ingediend_op.
    // Not kad-tbo (due 1 October), not obo-a's late realisatie (W401).
    assert_eq!(names, ["obo-a.eml", "obo-a.txt", "obo-b.eml", "obo-b.txt"]);
    let a = std::fs::read_to_string(rappels.join("obo-a.txt")).unwrap();
    assert!(!a.contains("realisatie 2025"), "{a}");
    insta::assert_snapshot!("rappel_obo_a", a);
    insta::assert_snapshot!("rappel_obo_b", std::fs::read_to_string(rappels.join("obo-b.txt")).unwrap());
    let eml = std::fs::read_to_string(rappels.join("obo-b.eml")).unwrap();
    assert!(
        eml.starts_with("Date: Tue, 15 Sep 2026 09:00:00 +0000\r\nTo: \"Beheerorganisatie B\":;\r\nSubject: "),
        "{eml}"
    );
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
