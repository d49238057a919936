//! `jaarcyclus build` on the default data: the three PDFs exist and read as documents with
//! the right figures (text extracted in Rust, `common::pdf`), the output is byte-identical across
//! runs, spreadsheets and manifest are written, and E0–E2 findings refuse the build.

use crate::common::*;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

const PEILDATUM: &str = "2026-11-29";

fn build_into(data: &Path, out: &Path, extra: &[&str]) -> std::process::Output {
    let mut args =
        vec!["build", "--data", data.to_str().unwrap(), "--out", out.to_str().unwrap(), "--peildatum", PEILDATUM];
    args.extend_from_slice(extra);
    run(&args)
}

/// One build of the default data per test binary.
fn default_build() -> &'static Path {
    static OUT: OnceLock<PathBuf> = OnceLock::new();
    OUT.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap().keep();
        let out = build_into(&root().join("data"), &dir, &[]);
        assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
        dir
    })
}

fn text(pdf: &Path) -> String {
    pdf::text(pdf)
}

#[test]
fn writes_the_three_documents_and_the_tables() {
    let out = default_build();
    for f in [
        "2027/meerjarenplan-2027-2030.pdf",
        "2027/jaarplan-2027.pdf",
        "2025/jaarrekening-2025.pdf",
        "2027/manifest.json",
        "2025/manifest.json",
        "2027/tabellen/consolidatie-2027.xlsx",
        "2027/tabellen/taakstellend-2027.csv",
        "2025/tabellen/verantwoording-2025.csv",
    ] {
        assert!(out.join(f).is_file(), "{f} missing");
    }
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("2027/manifest.json")).unwrap()).unwrap();
    assert!(manifest["inputs"]["data/stelsel.yaml"]["sha256"].as_str().unwrap().len() == 64);
    assert!(manifest["outputs"]["2027/jaarplan-2027.pdf"]["sha256"].is_string());
    let csv = String::from_utf8(std::fs::read(out.join("2027/tabellen/taakstellend-2027.csv")).unwrap()).unwrap();
    assert!(csv.contains("beheer;2027;41500000,00;44000000,00;2500000,00;rijk;475000,00"), "{csv}");
}

#[test]
fn jaarplan_shows_the_computed_figures_in_dutch() {
    let t = text(&default_build().join("2027/jaarplan-2027.pdf"));
    // Figures computed independently from the YAML of data/ (sum of every 2027 beheer line,
    // the cap of stelsel.yaml, and the gap split 19/70/6/5 over the financiers).
    for needle in [
        "Jaarplan en jaarbegroting 2027",
        "29 november 2026",
        "€ 44.000.000",
        "€ 41.500.000",
        "€ 2.500.000",
        "€ 475.000",
        "€ 1.750.000",
        "€ 150.000",
        "€ 125.000",
        "Wat willen we bereiken?",
        "Wat gaan we daarvoor doen?",
        "Wat mag het kosten?",
        "W601",
        "geen taakstellend budget",
    ] {
        assert!(t.contains(needle), "`{needle}` not in the jaarplan");
    }
}

#[test]
fn totals_of_the_rollup_appear_in_the_documents() {
    let (tree, diags) =
        jaarcyclus::load_and_check(&root().join("data"), &Default::default(), jiff::civil::date(2026, 11, 29)).unwrap();
    assert_eq!(diags.errors(), 0);
    let r = jaarcyclus::rollup::rollup(&tree, 2027, jiff::civil::date(2026, 11, 29));
    let t = text(&default_build().join("2027/meerjarenplan-2027-2030.pdf"));
    for y in 2027..=2030 {
        let total = jaarcyclus::nl::money(r.integral.year(y));
        assert!(t.contains(&total), "integral total {y} {total} not in the meerjarenplan");
    }
    let rr = jaarcyclus::rollup::rollup(&tree, 2025, jiff::civil::date(2026, 11, 29));
    let t = text(&default_build().join("2025/jaarrekening-2025.pdf"));
    for needle in
        [jaarcyclus::nl::money(rr.verantwoording.begroot), jaarcyclus::nl::money(rr.verantwoording.gerealiseerd)]
    {
        assert!(t.contains(&needle), "{needle} not in the jaarrekening");
    }
    assert!(t.contains("Wat heeft het gekost?"));
}

#[test]
fn same_input_gives_same_bytes() {
    let again = tempfile::tempdir().unwrap();
    let out = build_into(&root().join("data"), again.path(), &[]);
    assert_eq!(out.status.code(), Some(0));
    for f in [
        "2027/jaarplan-2027.pdf",
        "2027/meerjarenplan-2027-2030.pdf",
        "2025/jaarrekening-2025.pdf",
        "2027/tabellen/consolidatie-2027.xlsx",
        "2027/manifest.json",
    ] {
        assert!(
            std::fs::read(default_build().join(f)).unwrap() == std::fs::read(again.path().join(f)).unwrap(),
            "{f} differs between two builds"
        );
    }
}

#[test]
fn errors_of_families_e0_to_e2_refuse_the_build_and_write_nothing() {
    let data = tempfile::tempdir().unwrap();
    case_tree(&root().join("tests/fixtures/cases/e201-negative"), data.path());
    let out_dir = tempfile::tempdir().unwrap();
    let out = build_into(data.path(), out_dir.path(), &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("E201"));
    let written: Vec<_> = walkdir::WalkDir::new(out_dir.path())
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .collect();
    assert!(written.is_empty(), "{written:?}");
}

#[test]
fn completeness_findings_do_not_refuse_the_build() {
    let data = tempfile::tempdir().unwrap();
    case_tree(&root().join("tests/fixtures/cases/e304-variance"), data.path());
    let out_dir = tempfile::tempdir().unwrap();
    let out = build_into(data.path(), out_dir.path(), &[]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let t = text(&out_dir.path().join("2025/jaarrekening-2025.pdf"));
    assert!(t.contains("E304"), "the finding is listed in the document");
}

#[test]
fn a_year_without_realisations_gets_no_jaarrekening() {
    let out_dir = tempfile::tempdir().unwrap();
    let out = build_into(&root().join("data"), out_dir.path(), &["--jaar", "2026"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(out_dir.path().join("2026/jaarplan-2026.pdf").is_file());
    assert!(!out_dir.path().join("2026/jaarrekening-2026.pdf").exists());
}

#[test]
fn documents_are_pdfa_and_tagged() {
    let pdf = std::fs::read(default_build().join("2027/jaarplan-2027.pdf")).unwrap();
    let s = String::from_utf8_lossy(&pdf);
    assert!(s.contains("pdfaid:part") && s.contains("/StructTreeRoot"), "PDF/A-2b metadata and tags");
}

/// The binary carries its templates, house style and fonts: started from an empty folder with
/// the data and output elsewhere (as after `cargo install`), it builds every document and a
/// meeting pack, and they equal the ones made from the repository root.
#[test]
fn the_binary_needs_nothing_from_the_repository() {
    let cwd = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let data = root().join("data");
    let run_in = |args: &[&str]| {
        std::process::Command::new(bin()).args(args).current_dir(cwd.path()).env("NO_COLOR", "1").output().unwrap()
    };
    let (d, o) = (data.to_str().unwrap(), out.path().to_str().unwrap());
    let b = run_in(&["build", "--data", d, "--out", o, "--peildatum", PEILDATUM]);
    assert_eq!(b.status.code(), Some(0), "{}", String::from_utf8_lossy(&b.stderr));
    let meeting = data.join("vergaderingen/2026-12-10-ogb-b.yaml");
    let s = run_in(&["stukken", meeting.to_str().unwrap(), "--data", d, "--out", o, "--peildatum", PEILDATUM]);
    assert_eq!(s.status.code(), Some(0), "{}", String::from_utf8_lossy(&s.stderr));
    for f in ["2027/jaarplan-2027.pdf", "2027/meerjarenplan-2027-2030.pdf", "2025/jaarrekening-2025.pdf"] {
        assert_eq!(std::fs::read(out.path().join(f)).unwrap(), std::fs::read(default_build().join(f)).unwrap(), "{f}");
    }
    let pack = out.path().join("vergaderingen/2026-12-10-ogb-b/vergaderstukken-2026-12-10-ogb-b.pdf");
    assert!(pdf::pages(&pack) > 10);
    assert_eq!(std::fs::read_dir(cwd.path()).unwrap().count(), 0, "nothing written to the working folder");
}

/// `--templates DIR` lays a house style over the built-in templates: a file there replaces the
/// built-in one, everything else stays.
#[test]
fn a_house_style_directory_overrides_the_built_in_one() {
    let style = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(style.path().join("lib")).unwrap();
    let huisstijl = std::fs::read_to_string(root().join("templates/lib/huisstijl.typ")).unwrap();
    let marked = huisstijl.replacen("Opgesteld op basis van", "Opgemaakt in eigen huisstijl op basis van", 1);
    assert_ne!(huisstijl, marked, "the cover line to change is in lib/huisstijl.typ");
    std::fs::write(style.path().join("lib/huisstijl.typ"), marked).unwrap();
    let out = tempfile::tempdir().unwrap();
    let o = build_into(&root().join("data"), out.path(), &["--templates", style.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let t = text(&out.path().join("2027/jaarplan-2027.pdf"));
    assert!(t.contains("Opgemaakt in eigen huisstijl op basis van"), "{t}");
}
