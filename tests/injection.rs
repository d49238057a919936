//! Template safety: every free-text field of every file kind filled with strings that Typst
//! would execute as markup or code (`#read("/etc/passwd")`, `$…$`, `*`, `_`, `<…>`, `@`,
//! comments, headings and lists at line start, …). `build` and `stukken` must succeed and the
//! PDFs must show the text literally, and nothing of /etc/passwd. (That the typst World serves
//! nothing outside the job's files is unit-tested in src/typeset/tests.rs.)

use crate::common::*;
use std::path::Path;

const PEILDATUM: &str = "2026-11-29";

/// The keys of free text in the contract's files (`beraad` is left alone: a meeting's file
/// name must match it).
const TEXT_KEYS: &[&str] = &[
    "naam",
    "omschrijving",
    "toelichting",
    "maatregel",
    "indicator",
    "streefwaarde",
    "besluit",
    "onderwerp",
    "voorstel",
];

/// Typst-active strings, one per field in turn; each must reach the PDF literally.
const PAYLOADS: &[&str] = &[
    r#"#read("/etc/passwd")"#,
    r#"#include "x""#,
    r#"$x^2$ en $$"#,
    "*vet* en _schuin_",
    "`code` en ```rust x```",
    "<label> en @verwijzing",
    r"[inhoud] en \ en \u{41}",
    "// geen commentaar",
    "/* geen blok */",
    "= geen kop",
    "- geen lijst",
    "+ geen telling",
    r#"#set page(fill: red)"#,
    r#"#json("/etc/passwd").len()"#,
    r#"#image("/etc/passwd")"#,
    r#"#import "lib/huisstijl.typ": *"#,
    "#{ panic(\"x\") }",
    r"\#read \$ \* ~ --- ...",
    // HTML and JavaScript, for the website (`out/<Y>/site/`): shown as text, never run.
    "<script>alert(1)</script>",
    "\" onmouseover=\"alert(1)",
    "javascript:alert(1)",
    "<img src=x onerror=alert(1)>",
    "</td></tr></table><a href='javascript:alert(1)'>klik</a>",
];

/// The payloads that are HTML or JavaScript.
fn is_html(p: &str) -> bool {
    p.contains('<') || p.contains("javascript:") || p.contains("onmouseover")
}

/// The multi-line payload (YAML block scalar `|`): markup that only acts at line start.
const BLOCK_LINES: &[&str] = &["= Kop", "- lijst", "+ telling", "#let x = 1", "/ term: uitleg", "// regel", "/* open"];

/// Writes `s` as a YAML double-quoted scalar.
fn quoted(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

fn indent_of(l: &str) -> usize {
    l.len() - l.trim_start().len()
}

/// Rewrites every free-text value of a YAML file (block style, as in `data/`) with a payload
/// carrying a unique marker `Zq<n>Q`; returns the new text. `n` counts on across files.
fn rewrite(text: &str, n: &mut usize, shown: &mut Vec<(String, String, String)>) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let l = lines[i];
        let body = l.trim_start();
        let prefix_len = l.len() - body.len() + if body.starts_with("- ") { 2 } else { 0 };
        let (prefix, rest) = l.split_at(prefix_len);
        let key = rest.split(':').next().unwrap_or("");
        let is_text = TEXT_KEYS.contains(&key) && rest[key.len()..].starts_with(':');
        let is_risks = key == "risicos" && rest.trim_end() == "risicos:";
        i += 1;
        if is_text {
            let value = rest[key.len() + 1..].trim();
            // Skip a block scalar's continuation lines.
            if value.starts_with('>') || value.starts_with('|') {
                while i < lines.len() && (lines[i].trim().is_empty() || indent_of(lines[i]) > indent_of(l)) {
                    i += 1;
                }
            }
            *n += 1;
            let marker = format!("Zq{n}Q");
            if n.is_multiple_of(7) {
                let pad = " ".repeat(prefix_len + 2);
                out.push(format!("{prefix}{key}: |"));
                out.push(format!("{pad}{marker}"));
                for b in BLOCK_LINES {
                    out.push(format!("{pad}{b}"));
                }
                shown.push((key.to_string(), marker, BLOCK_LINES.join("\n")));
            } else {
                let payload = PAYLOADS[*n % PAYLOADS.len()];
                out.push(format!("{prefix}{key}: {}", quoted(&format!("{marker} {payload}"))));
                shown.push((key.to_string(), marker, payload.to_string()));
            }
        } else if is_risks {
            out.push(l.to_string());
            // A plan's `risicos` are mappings (`- id: RI1`); an alternative's are texts.
            let is_mapping = |item: &str| {
                let item = item.trim_start().trim_start_matches("- ");
                item.split_once(':').is_some_and(|(k, _)| k.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'))
            };
            while i < lines.len()
                && lines[i].trim_start().starts_with("- ")
                && indent_of(lines[i]) > indent_of(l)
                && !is_mapping(lines[i])
            {
                *n += 1;
                let marker = format!("Zq{n}Q");
                let payload = PAYLOADS[*n % PAYLOADS.len()];
                let pad = " ".repeat(indent_of(lines[i]));
                out.push(format!("{pad}- {}", quoted(&format!("{marker} {payload}"))));
                shown.push(("risicos".into(), marker, payload.to_string()));
                i += 1;
            }
        } else {
            out.push(l.to_string());
        }
    }
    out.join("\n") + "\n"
}

/// The text of every PDF under `dir`, with line-end hyphenation undone and all whitespace
/// removed, so that a payload broken over lines or table cells is still found.
fn pdf_text(dir: &Path) -> String {
    let mut all = String::new();
    for e in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let e = e.unwrap();
        if e.path().extension().is_some_and(|x| x == "pdf") {
            all.push_str(&pdf::text(e.path()));
        }
    }
    squeeze(&all.replace("-\n", ""))
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn typst_active_text_is_shown_literally_and_never_executed() {
    let data = tempfile::tempdir().unwrap();
    copy_tree(&root().join("data"), data.path());
    let mut n = 0;
    let mut shown = Vec::new();
    let mut kinds = std::collections::BTreeSet::new();
    for e in walkdir::WalkDir::new(data.path()).sort_by_file_name() {
        let e = e.unwrap();
        if e.path().extension().is_some_and(|x| x == "yaml") {
            let text = std::fs::read_to_string(e.path()).unwrap();
            let before = shown.len();
            std::fs::write(e.path(), rewrite(&text, &mut n, &mut shown)).unwrap();
            if shown.len() > before {
                kinds.insert(e.file_name().to_string_lossy().into_owned());
            }
        }
    }
    // Every kind with free text is rewritten (afspraken.yaml has none).
    for kind in ["stelsel.yaml", "plan.yaml", "begroting.yaml", "realisatie.yaml", "2026-12-10-ogb-b.yaml"] {
        assert!(kinds.contains(kind), "no text rewritten in {kind}: {kinds:?}");
    }
    let out = tempfile::tempdir().unwrap();
    let (d, o) = (data.path().to_str().unwrap(), out.path().to_str().unwrap());
    let check = run(&["check", "--data", d, "--peildatum", PEILDATUM, "--format", "json"]);
    assert_eq!(check.status.code(), Some(0), "{}", String::from_utf8_lossy(&check.stdout));
    let build = run(&["build", "--data", d, "--out", o, "--peildatum", PEILDATUM]);
    assert_eq!(build.status.code(), Some(0), "{}", String::from_utf8_lossy(&build.stderr));
    let meeting = data.path().join("vergaderingen/2026-12-10-ogb-b.yaml");
    let stukken = run(&["stukken", meeting.to_str().unwrap(), "--data", d, "--out", o, "--peildatum", PEILDATUM]);
    assert_eq!(stukken.status.code(), Some(0), "{}", String::from_utf8_lossy(&stukken.stderr));
    let text = pdf_text(out.path());
    assert!(text.len() > 1_000, "the PDFs have text");

    // Nothing of /etc/passwd, whatever the machine's first line is.
    assert!(!text.contains("root:x:0:0"), "/etc/passwd leaked into a PDF");
    if let Ok(passwd) = std::fs::read_to_string("/etc/passwd") {
        for line in passwd.lines().filter(|l| l.len() > 12) {
            assert!(!text.contains(&squeeze(line)), "/etc/passwd line `{line}` in a PDF");
        }
    }
    // Every payload shows literally, behind its marker, somewhere in the documents.
    let mut missing_payloads = Vec::new();
    for p in PAYLOADS.iter().copied().chain(BLOCK_LINES.iter().copied()) {
        let found = shown.iter().filter(|(_, _, payload)| payload.contains(p)).any(|(_, m, payload)| {
            if payload == p { text.contains(&squeeze(&format!("{m} {p}"))) } else { text.contains(&squeeze(p)) }
        });
        if !found {
            missing_payloads.push(p);
        }
    }
    assert!(missing_payloads.is_empty(), "not shown literally: {missing_payloads:?}");
    // Every kind of text field shows up in some document.
    let mut fields = std::collections::BTreeMap::<&str, (usize, usize)>::new();
    for (key, marker, _) in &shown {
        let e = fields.entry(key.as_str()).or_default();
        e.0 += 1;
        e.1 += usize::from(text.contains(marker.as_str()));
    }
    let unseen: Vec<_> = fields.iter().filter(|(_, (_, seen))| *seen == 0).collect();
    assert!(unseen.is_empty(), "fields never shown: {unseen:?} (all: {fields:?})");
    site_shows_html_as_text(out.path(), &shown);
    eprintln!("{} fields rewritten; shown per field (total, in a PDF): {fields:?}", shown.len());
}

/// The website: no script, no event handler, no `javascript:` link anywhere, whatever the
/// input held; and the HTML payloads show as text, behind their markers, on some page.
fn site_shows_html_as_text(out: &Path, shown: &[(String, String, String)]) {
    use crate::common::html::{pages, sel, text};
    let pages = pages(out);
    assert!(pages.len() > 50, "the site was written: {} pages", pages.len());
    let mut all = String::new();
    for (path, page) in &pages {
        let at = path.display();
        assert_eq!(page.select(&sel("script, iframe, object, embed")).count(), 0, "{at}: active element");
        for e in page.select(&sel("*")) {
            for (name, value) in e.value().attrs() {
                assert!(!name.starts_with("on"), "{at}: event handler `{name}` on <{}>", e.value().name());
                assert!(!value.trim_start().to_ascii_lowercase().starts_with("javascript:"), "{at}: `{name}={value}`");
            }
        }
        // The payload in the `img` of a hostile text must not have become an element.
        assert_eq!(page.select(&sel("img")).count(), 0, "{at}: an image from the input");
        all.push_str(&text(page.select(&sel("html")).next().unwrap()));
        all.push('\n');
    }
    let mut missing = Vec::new();
    for p in PAYLOADS.iter().copied().filter(|p| is_html(p)) {
        let found =
            shown.iter().filter(|(_, _, payload)| payload == p).any(|(_, m, _)| all.contains(&format!("{m} {p}")));
        if !found {
            missing.push(p);
        }
    }
    assert!(missing.is_empty(), "not shown as text on the site: {missing:?}");
}
