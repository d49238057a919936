//! Publishable documents (contract v4 §16): what a PDF/UA-1 validator checks first, kept from
//! regressing without one (the full check is `outloud` in `.ci/run`), and the board's language
//! outside the technical annex. On the default build and meeting pack (`board::out`).

use crate::board::pdfs;
use crate::common::*;
use std::collections::BTreeSet;
use std::path::Path;

/// Every PDF declares PDF/A-2b and PDF/UA-1, shows its title as the window title and is in Dutch.
#[test]
fn every_pdf_is_pdfa_2b_and_pdfua_1() {
    let all = pdfs();
    assert!(all.len() >= 14, "{all:?}");
    for pdf in all {
        let bytes = String::from_utf8_lossy(&std::fs::read(&pdf).unwrap()).into_owned();
        for needle in [
            "<pdfaid:part>2</pdfaid:part>",
            "<pdfaid:conformance>B</pdfaid:conformance>",
            "<pdfuaid:part>1</pdfuaid:part>",
            "/DisplayDocTitle true",
            "/Lang(nl-NL)",
            "/MarkInfo",
        ] {
            assert!(bytes.contains(needle), "{}: `{needle}` ontbreekt", pdf.display());
        }
    }
}

/// Headings nest without a skipped level, in the tag tree that assistive technology reads.
#[test]
fn headings_skip_no_level() {
    for pdf in pdfs() {
        let levels = pdf::heading_tags(&pdf);
        assert_eq!(levels.first(), Some(&1), "{}: {levels:?}", pdf.display());
        for w in levels.windows(2) {
            assert!(w[1] <= w[0] + 1, "{}: H{} followed by H{}", pdf.display(), w[0], w[1]);
        }
    }
}

/// A euro amount never breaks across lines: the € and its number are joined by a non-breaking
/// space (U+00A0), in running text and in tables.
#[test]
fn the_euro_sign_stays_with_its_amount() {
    let mut joined = 0;
    for pdf in pdfs() {
        let rows: Vec<String> = pdf::page_rows(&pdf).into_iter().flatten().collect();
        joined += rows.iter().filter(|r| r.contains("€\u{a0}")).count();
        for r in &rows {
            assert!(!r.trim_end().ends_with('€'), "{}: a row ends in €: {r}", pdf.display());
            assert!(!r.contains("€ "), "{}: € with a breaking space: {r}", pdf.display());
        }
    }
    assert!(joined > 500, "only {joined} rows with a € and a non-breaking space");
}

/// The English words the board documents avoid, from the word list in templates/README.md
/// (`| feature | functionaliteit |`), so that the list and the test cannot drift apart.
fn english_words() -> Vec<String> {
    let readme = std::fs::read_to_string(root().join("templates/README.md")).unwrap();
    let list = readme.split("## Woordenlijst").nth(1).expect("templates/README.md has a Woordenlijst");
    let words: Vec<String> = list
        .lines()
        .take_while(|l| !l.starts_with("## "))
        .filter_map(|l| l.strip_prefix("| ")?.split(" |").next().map(str::trim).map(str::to_string))
        .filter(|w| !w.is_empty() && w != "Engels" && !w.starts_with("---"))
        .collect();
    assert!(words.len() >= 8, "{words:?}");
    words
}

/// The ids of the default data that are not plain words: parties, perspectives, components,
/// features and budget lines with a hyphen or a digit in them (`rws-obo`, `iplo-wetgeving`,
/// `KO-AFBOUW-VIEWER`). A plain id such as `beheer` is also a Dutch word and stays allowed.
fn ids() -> BTreeSet<String> {
    let peil = jiff::civil::date(2026, 11, 29);
    let (tree, _) =
        jaarcyclus::load_and_check(&root().join("data"), &jaarcyclus::model::Scope::default(), peil).unwrap();
    let st = tree.stelsel.as_ref().unwrap();
    let mut ids: BTreeSet<String> = BTreeSet::new();
    ids.extend(st.organisaties.iter().map(|o| o.id.value.clone()));
    ids.extend(st.beleidsdoelen.iter().map(|b| b.id.value.clone()));
    ids.extend(st.componenten.iter().map(|c| c.id.value.clone()));
    ids.extend(st.features.iter().flatten().map(|f| f.id.value.clone()));
    for subs in tree.years.values() {
        for sub in subs.values() {
            ids.extend(sub.begroting.iter().flat_map(|b| b.regels.iter().map(|r| r.id.value.clone())));
        }
    }
    ids.retain(|id| id.contains(['-', '_']) || id.chars().any(|c| c.is_ascii_digit()));
    assert!(ids.iter().any(|i| i == "rws-obo") && ids.iter().any(|i| i.contains("AFBOUW")), "{ids:?}");
    ids
}

/// What a board member should not meet in the body of a document: a diagnostic code, a file
/// name, a line id, a data id, an option, the program's name, or English jargon.
fn technical(token: &str, ids: &BTreeSet<String>, english: &[String]) -> Option<&'static str> {
    let t = token.trim_matches(|c: char| "()[]{},.;:!?'\"‘’“”".contains(c));
    let code = t.len() == 4 && t.starts_with(['E', 'W']) && t[1..].chars().all(|c| c.is_ascii_digit());
    let file = [".csv", ".yaml", ".yml", ".xlsx", ".json", ".typ", ".pdf"].iter().any(|x| t.ends_with(x));
    let line_id = t.matches('-').count() >= 2
        && t.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-')
        && t.chars().any(|c| c.is_ascii_uppercase());
    if code {
        Some("een meldingscode")
    } else if file {
        Some("een bestandsnaam")
    } else if line_id || ids.contains(t) {
        Some("een id uit de gegevens")
    } else if t.starts_with("--") {
        Some("een optie van de opdrachtregel")
    } else if t.to_lowercase().contains("jaarcyclus") {
        Some("de naam van het programma")
    } else if english.iter().any(|w| w.eq_ignore_ascii_case(t)) {
        Some("een Engels woord")
    } else {
        None
    }
}

/// The rows a board member reads: everything except the technical annexes. A technical annex
/// runs from its heading ("Technische bijlage", numbered or not) to the next appendix divider of
/// the meeting pack ("Bijlage A: …") or the end.
pub(crate) fn board_rows(pdf: &Path) -> (Vec<String>, usize) {
    let mut body = Vec::new();
    let (mut annex, mut annexes) = (false, 0);
    for row in pdf::page_rows(pdf).into_iter().flatten() {
        let row = row.split_whitespace().collect::<Vec<_>>().join(" ");
        let heading = row.trim_start_matches(|c: char| c.is_ascii_digit() || c == ' ');
        if heading == "Technische bijlage" {
            annex = true;
            annexes += 1;
        } else if annex && row.starts_with("Bijlage ") && row.chars().nth(9) == Some(':') {
            annex = false;
        }
        if !annex {
            body.push(row);
        }
    }
    (body, annexes)
}

/// The body of every board document holds no code, id, path, program or command name and no
/// English jargon; each document has its technical annex, where those things go.
#[test]
fn board_text_has_no_codes_or_paths_outside_the_technical_annex() {
    let (ids, english) = (ids(), english_words());
    for pdf in pdfs() {
        let (rows, annexes) = board_rows(&pdf);
        assert!(annexes >= 1, "{}: no technical annex", pdf.display());
        let mut hits = Vec::new();
        for r in &rows {
            for t in r.split(' ') {
                if let Some(why) = technical(t, &ids, &english) {
                    hits.push(format!("{why}: `{t}` in «{r}»"));
                }
            }
        }
        assert!(hits.is_empty(), "{}:\n{}", pdf.display(), hits.join("\n"));
    }
}

/// The scan finds what it is meant to find (so that the test above can fail).
#[test]
fn the_scan_recognises_codes_paths_ids_and_jargon() {
    let ids: BTreeSet<String> = ["rws-obo".to_string()].into();
    let english = vec!["feature".to_string()];
    for (token, found) in [
        ("(W603),", true),
        ("tabellen/voortgang-q3-2026.csv", true),
        ("(KO-AFBOUW-VIEWER):", true),
        ("rws-obo", true),
        ("--jaar", true),
        ("jaarcyclus", true),
        ("Feature", true),
        ("OGB-B", false),
        ("DSO-LV", false),
        ("€\u{a0}5.000.000", false),
        ("beheer", false),
    ] {
        assert_eq!(technical(token, &ids, &english).is_some(), found, "{token}");
    }
}
