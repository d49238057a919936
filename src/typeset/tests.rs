//! Typeset stage tests: tiny documents, so that they stay quick in debug builds too.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use super::*;

/// One typesetter for all tests, as in a real run: fonts are parsed once.
static TYPESETTER: LazyLock<Typesetter> = LazyLock::new(|| Typesetter::new(&Templates::embedded().font_data()));

fn date(text: &str) -> jiff::civil::Date {
    text.parse().unwrap()
}

fn job(main: &str, extra: &[(&str, &str)]) -> Job {
    let mut files = BTreeMap::new();
    files.insert("main.typ".to_string(), main.as_bytes().to_vec());
    for (name, text) in extra {
        files.insert(name.to_string(), text.as_bytes().to_vec());
    }
    Job { files, main: "main.typ".to_string(), date: date("2025-11-01") }
}

/// What PDF/UA-1 asks of every document before anything else: a title and a language.
const HEAD: &str = "#set document(title: \"Proef\")\n#set text(lang: \"nl\")\n";

const MAIN: &str = r#"#set document(title: "Jaarplan 2026")
#set page(width: 8cm, height: 5cm)
#set text(font: "Noto Sans", lang: "nl")
#let data = json("data.json")
= #data.titel
Peildatum #datetime.today().display("[day]-[month]-[year]"), € #data.bedrag.
"#;

fn data_job() -> Job {
    job(MAIN, &[("data.json", r#"{"titel": "Jaarplan 2026", "bedrag": "1.250.000,00"}"#)])
}

fn errors(job: &Job) -> Vec<TemplateError> {
    TYPESETTER.pdf(job).expect_err("compilation should fail")
}

#[test]
fn typesetter_is_shareable_across_threads() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Typesetter>();
    assert_send_sync::<Job>();
}

#[test]
fn bundled_sans_is_loaded() {
    let families = TYPESETTER.families();
    assert!(families.iter().any(|f| f == "Noto Sans"), "{families:?}");
}

#[test]
fn minimal_job_gives_a_pdf_without_warnings() {
    let compiled = TYPESETTER.compile(&data_job());
    let pdf = compiled.pdf.expect("pdf");
    assert!(pdf.starts_with(b"%PDF"));
    assert_eq!(compiled.warnings, []);
}

#[test]
fn every_pdf_declares_pdfa_2b_and_pdfua_1() {
    let pdf = String::from_utf8_lossy(&TYPESETTER.pdf(&data_job()).expect("pdf")).into_owned();
    for needle in
        ["<pdfaid:part>2</pdfaid:part>", "<pdfaid:conformance>B</pdfaid:conformance>", "<pdfuaid:part>1</pdfuaid:part>"]
    {
        assert!(pdf.contains(needle), "{needle} missing from the XMP metadata");
    }
    assert!(pdf.contains("/DisplayDocTitle true"), "the window shows the file name, not the title");
}

/// PDF/UA-1 is the first gate: a document that breaks a rule typst can check is not written.
#[test]
fn a_document_that_breaks_pdfua_is_refused() {
    let untitled = errors(&job("#set text(lang: \"nl\")\n= Kop", &[]));
    assert!(untitled[0].message.contains("missing document title"), "{untitled:?}");
    let skipped = errors(&job(&format!("{HEAD}= Hoofdstuk\n==== Te diep"), &[]));
    assert!(skipped[0].message.contains("skipped from heading level 1 to 4"), "{skipped:?}");
    assert_eq!(skipped[0].line, Some(4), "{skipped:?}");
}

#[test]
fn same_job_gives_the_same_bytes() {
    let first = TYPESETTER.pdf(&data_job()).unwrap();
    let second = TYPESETTER.pdf(&data_job()).unwrap();
    assert!(first == second, "two compilations of one job differ");
    let later = TYPESETTER.pdf(&Job { date: date("2025-11-02"), ..data_job() }).unwrap();
    assert!(first != later, "the date must reach the PDF");
}

#[test]
fn parallel_compilations_share_one_typesetter() {
    let jobs: Vec<Job> =
        ["A", "B", "C"].iter().map(|t| job(&format!("{HEAD}#set page(width: 5cm, height: 3cm)\n= {t}"), &[])).collect();
    let parallel: Vec<Vec<u8>> = std::thread::scope(|scope| {
        let handles: Vec<_> = jobs.iter().map(|job| scope.spawn(|| TYPESETTER.pdf(job).unwrap())).collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    for (job, pdf) in jobs.iter().zip(&parallel) {
        assert!(TYPESETTER.pdf(job).unwrap() == *pdf);
    }
}

#[test]
fn today_is_the_job_date() {
    let check = format!("{HEAD}#assert.eq(datetime.today(), datetime(year: 2025, month: 11, day: 1))");
    assert!(TYPESETTER.pdf(&job(&check, &[])).is_ok());
    let other_day = Job { date: date("2025-11-02"), ..job(&check, &[]) };
    assert!(TYPESETTER.pdf(&other_day).is_err());
}

#[test]
fn reading_outside_the_job_fails() {
    let errs = errors(&job(r#"#read("/etc/passwd")"#, &[]));
    assert_eq!(errs[0].file, "main.typ");
    assert!(errs[0].message.contains("not found"), "{errs:?}");
}

#[test]
fn no_loader_reaches_a_file_outside_the_job() {
    // Real files on disk: absolute, above the root, and relative to the working directory
    // (the crate root when testing), which a disk-backed world would find.
    let manifest = concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml");
    let paths = ["/etc/passwd", "../../../../../../etc/passwd", "Cargo.toml", "templates/jaarplan.typ", manifest];
    let loaders = ["read", "json", "yaml", "toml", "csv", "xml", "cbor", "image", "plugin", "include"];
    for path in paths {
        for loader in loaders {
            let call = if loader == "include" { format!("#include {path:?}") } else { format!("#{loader}({path:?})") };
            let errs = errors(&job(&call, &[("data.json", "{}")]));
            assert_eq!(errs[0].file, "main.typ", "{call}: {errs:?}");
            let denied = ["not found", "escape the project root"].iter().any(|m| errs[0].message.contains(m));
            assert!(denied, "{call}: {errs:?}");
        }
    }
}

#[test]
fn including_above_the_root_fails() {
    let errs = errors(&job(r#"#include "../x.typ""#, &[("x.typ", "x")]));
    assert_eq!((errs[0].file.as_str(), errs[0].line), ("main.typ", Some(1)));
}

#[test]
fn packages_are_refused() {
    let errs = errors(&job(r#"#import "@preview/foo:0.1.0": bar"#, &[]));
    assert_eq!((errs[0].file.as_str(), errs[0].line), ("main.typ", Some(1)));
    assert!(errs[0].message.contains("pakketten"), "{errs:?}");
}

#[test]
fn syntax_error_reports_its_line_and_column() {
    let errs = errors(&job("= Titel\n\nTekst\nEen #(1 + ) twee\n", &[]));
    // Typst places the missing operand just before the closing parenthesis.
    let place = (errs[0].file.as_str(), errs[0].line, errs[0].column);
    assert_eq!(place, ("main.typ", Some(4), Some(10)), "{errs:?}");
    assert_eq!(errs[0].message, "expected expression");
}

#[test]
fn error_in_a_shared_part_names_that_file_and_the_call() {
    let lib = "#let kop(x) = {\n  x + 1\n}\n";
    let main = "#import \"lib/huisstijl.typ\": kop\n#kop(\"a\")\n";
    let errs = errors(&job(main, &[("lib/huisstijl.typ", lib)]));
    assert_eq!((errs[0].file.as_str(), errs[0].line), ("lib/huisstijl.typ", Some(2)));
    assert!(errs[0].hints.iter().any(|h| h.starts_with("main.typ:2:")), "{errs:?}");
}

#[test]
fn broken_data_points_into_the_data_file() {
    let errs = errors(&job("#json(\"data.json\")", &[("data.json", "{\n  \"a\": 1,\n}")]));
    assert_eq!(errs[0].file, "data.json", "{errs:?}");
    assert_eq!(errs[0].line, Some(3), "{errs:?}");
}

#[test]
fn missing_main_and_bad_names_are_reported() {
    let mut missing = job("x", &[]);
    missing.main = "jaarplan.typ".to_string();
    assert!(errors(&missing)[0].message.contains("ontbreekt"));
    let escaping = job("x", &[("../buiten.typ", "x")]);
    assert_eq!(errors(&escaping)[0].file, "../buiten.typ");
}
