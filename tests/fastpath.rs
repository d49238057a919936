//! The fast YAML path (`src/load/fast.rs`) against serde-saphyr: on every YAML file in the
//! repository (default data, fixtures, fuzz seeds) and on generated trees, wherever the fast
//! path takes a file, both parsers must read exactly the same values at the same places.

use crate::common::root;
use std::path::{Path, PathBuf};

fn yaml_files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect();
    v.sort();
    v
}

/// Checks every file; returns the files the fast path took none of the kinds of, and the total.
fn check_all(files: &[PathBuf]) -> (Vec<String>, usize) {
    let (mut slow, mut total) = (Vec::new(), 0);
    let mut bad = Vec::new();
    for f in files {
        let Ok(text) = std::fs::read_to_string(f) else { continue };
        total += 1;
        match crate::common::agree::agrees(&text) {
            Ok(0) => slow.push(f.display().to_string()),
            Ok(_) => {}
            Err(e) => bad.push(format!("{}: {e}", f.display())),
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n\n"));
    (slow, total)
}

#[test]
fn repository_files_read_alike() {
    let mut files = Vec::new();
    for d in ["data", "tests/fixtures", "fuzz/corpus-seed"] {
        files.extend(yaml_files(&root().join(d)));
    }
    let (slow, total) = check_all(&files);
    assert!(total > 100, "only {total} files found");
    // The default data and the fixtures are plain YAML: the fast path must take most of them.
    assert!(slow.len() * 2 < total, "fast path left {} of {total} files", slow.len());
}

#[test]
fn default_data_is_all_fast() {
    let files = yaml_files(&root().join("data"));
    let (slow, _) = check_all(&files);
    assert!(slow.is_empty(), "not on the fast path: {slow:?}");
}

#[test]
fn generated_trees_are_all_fast() {
    let dir = tempfile::tempdir().unwrap();
    jaarcyclus_synth::generate(dir.path(), 12, 20, 7).unwrap();
    let files = yaml_files(dir.path());
    let (slow, _) = check_all(&files);
    assert!(slow.is_empty(), "not on the fast path: {slow:?}");
}

/// Edges of the subset, each read by both parsers. `fast` says whether the fast path must take
/// it (so that the test cannot pass by the fast path giving up on everything).
const EDGES: &[(&str, bool)] = &[
    // The calendar's `jaar: Y` is text under strict booleans; a negative mutatie is a number.
    ("naam: x\nkalender:\n  - {stuk: voortgang, kwartaal: 1, rol: OBO, jaar: Y, maand: 4, dag: 15}\n", true),
    ("kalender:\n  - stuk: plan\n    jaar: y\n", true),
    ("nummer: 1\nregels:\n  - {regel: A, mutatie: -85000, toelichting: x}\n  - regel: B\n    mutatie: -0.5\n", true),
    ("nummer: 1\nregels:\n  - {regel: A, mutatie: -85000.123, toelichting: -x}\n", false),
    // Comments everywhere, keys with a space before the colon, quoted scalars with escapes.
    ("# kop\nberaad: OGB-B # na\n\ndatum : 2026-12-10\nagenda: []\n", true),
    ("beraad: \"a \\\"b\\\" \\\\ \\u00e9 \\n\"\ndatum: '2026-12-10'\nagenda: []\n", true),
    ("beraad: 'it''s # geen commentaar'\ndatum: x\n", true),
    ("beraad: a#b\ndatum: a # b\n", true),
    ("beraad: http://x.nl:80/a\n", true),
    // Sequences at the key's own indent and nested mappings in entries.
    (
        "agenda:\n- id: 1\n  onderwerp: a\n- id: 2\n  alternatieven:\n  - naam: x\n    risicos: [a, 'b, c', \"d\"]\nberaad: x\n",
        true,
    ),
    ("agenda:\n  -   id: 1\n      onderwerp: a\n", true),
    ("agenda:\n  -\n    id: 1\n", true),
    // Block scalars: literal and folded, clipped and stripped, with blank lines inside.
    ("agenda:\n  - voorstel: |\n      regel 1\n      regel 2\n\n      # geen commentaar\n    onderwerp: x\n", true),
    ("agenda:\n  - voorstel: >\n      a\n      b\n\n\n      c\n\n    onderwerp: x\n", true),
    ("agenda:\n  - voorstel: >- # opmerking\n      a\n      b\n", true),
    ("agenda:\n  - voorstel: |-\n      a\n\n      b\n", true),
    ("agenda:\n  - voorstel: |\n      a\n\n\n", true),
    ("agenda:\n  - voorstel: |\n      a", false),
    ("agenda:\n  - voorstel: >-\n      a", false),
    ("beraad: zonder regeleinde", true),
    // Characters YAML does not count as printable (found by the `load` fuzzer: DEL).
    ("beraad: vie\u{7f}er\n", false),
    ("beraad: a\u{85}b\n", false),
    ("beraad: a\u{9f}b\n", false),
    ("beraad: a\u{2028}b\n", false),
    ("beraad: a\u{feff}b\n", false),
    ("beraad: a\u{fffe}b\n", false),
    ("beraad: é — ü ✓\n", true),
    // Flow mappings of scalars; empty collections; null in all its forms.
    ("organisatie: a\nregels:\n  - bedragen: {2026: 1, 2027: '2', 2028: \"3.5\"}\n    resultaten: []\n", true),
    ("organisatie: ~\nstatus: null\ningediend_op:\njaar: 2026\n", true),
    ("organisatie: a\nregels:\n  - id: x\n    bedragen: {}\n", true),
    // Text that YAML types otherwise: left to the full parser's policy.
    ("beraad: yes\n", false),
    ("beraad: true\n", false),
    ("beraad: -5\n", true),
    ("jaar: 02026\n", false),
    ("jaar: '2026'\n", false),
    ("jaar: 2026.0\n", false),
    // Outside the subset: the full parser decides (and reports).
    ("beraad: &a x\ndatum: *a\n", false),
    ("beraad: !!str x\n", false),
    ("beraad: a\n  vervolg op de volgende regel\n", false),
    ("beraad: \"open\n  dicht\"\n", false),
    ("beraad: a\nberaad: b\n", false),
    ("<<: {beraad: a}\n", false),
    ("beraad: a\r\n", false),
    ("\u{feff}beraad: a\n", false),
    ("beraad:\ta\n", false),
    ("---\nberaad: a\n", false),
    ("beraad: a\n...\n", false),
    ("agenda:\n  - - a\n", false),
    ("agenda: [a, [b]]\n", false),
    ("agenda: [a,]\n", false),
    ("agenda: [a\n", false),
    ("beraad: {a: b\n", false),
    ("beraad: a: b\n", false),
    ("beraad:x\n", false),
    ("  beraad: a\n", false),
    ("agenda:\n  - voorstel: |2\n      a\n", false),
    ("agenda:\n  - voorstel: |+\n      a\n\n", false),
    ("agenda:\n  - voorstel: >\n      a\n        meer ingesprongen\n", false),
    ("agenda:\n  - voorstel: >\n\n      a\n", false),
    ("agenda:\n  - id: 1\n   onderwerp: scheef\n", false),
    ("onbekend_veld: a\n", false),
    ("beraad: [a]\n", false),
    ("beraad:\n  a: b\n", false),
    ("", false),
    ("# alleen commentaar\n", false),
    ("- a\n", false),
    ("a\n", false),
];

#[test]
fn edges_of_the_subset_read_alike() {
    let mut wrong = Vec::new();
    for (i, (text, fast)) in EDGES.iter().enumerate() {
        match crate::common::agree::agrees(text) {
            Err(e) => wrong.push(format!("#{i} {text:?}: {e}")),
            Ok(n) if (n > 0) != *fast => wrong.push(format!("#{i} {text:?}: fast path took {n} kinds")),
            Ok(_) => {}
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n\n"));
}

/// Small deterministic mutations of every repository file (a byte deleted, a YAML-active
/// character inserted, a line's indent changed, a line doubled): both parsers read each
/// variant alike wherever the fast path takes it.
#[test]
fn mutated_files_read_alike() {
    let mut files = Vec::new();
    for d in ["data", "tests/fixtures/base"] {
        files.extend(yaml_files(&root().join(d)));
    }
    let inserts = [
        "#", " #", ":", ": ", "'", "\"", "- ", "-", " ", "\n", "|", ">", "~", "{", "[", "&a ", "*a", "\n  ", "null",
        "''", "\u{7f}", "\u{85}", "\u{a0}", "é", "\u{2028}", "\u{feff}", "\u{0}", "\t", "\r", "!", "%", "@", "`", "?",
        "...", "---",
    ];
    let mut state: u64 =
        std::env::var("JAARCYCLUS_FASTPATH_SEED").ok().and_then(|v| v.parse().ok()).unwrap_or(0x9e37_79b9_7f4a_7c15);
    let mut next = |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    // More with `JAARCYCLUS_FASTPATH_VARIANTS=N` (variants per file; 60 in CI).
    let per_file: usize = std::env::var("JAARCYCLUS_FASTPATH_VARIANTS").ok().and_then(|v| v.parse().ok()).unwrap_or(60);
    let (mut variants, mut taken) = (0usize, 0usize);
    let mut bad = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap();
        for _ in 0..per_file {
            let mut t = text.clone();
            let at = next(t.len() + 1);
            let at = (0..=at).rev().find(|i| t.is_char_boundary(*i)).unwrap_or(0);
            match next(4) {
                0 if at < t.len() => {
                    let c = t[at..].chars().next().unwrap();
                    t.replace_range(at..at + c.len_utf8(), "");
                }
                1 => t.insert_str(at, inserts[next(inserts.len())]),
                2 => {
                    let start = t[..at].rfind('\n').map_or(0, |i| i + 1);
                    if next(2) == 0 {
                        t.insert(start, ' ');
                    } else if t[start..].starts_with(' ') {
                        t.remove(start);
                    }
                }
                _ => {
                    let start = t[..at].rfind('\n').map_or(0, |i| i + 1);
                    let end = t[at..].find('\n').map_or(t.len(), |i| at + i + 1);
                    let line = t[start..end].to_string();
                    t.insert_str(start, &line);
                }
            }
            variants += 1;
            match crate::common::agree::agrees(&t) {
                Ok(n) => taken += usize::from(n > 0),
                Err(e) => bad.push(format!("{} (variant):\n{t}\n{e}", f.display())),
            }
            if bad.len() > 3 {
                break;
            }
        }
    }
    eprintln!("{variants} variants, {taken} on the fast path");
    assert!(bad.is_empty(), "{}", bad.join("\n\n=====\n\n"));
    // Most single mutations keep a file valid YAML: the fast path must take a fair share.
    assert!(taken * 4 > variants, "fast path took {taken} of {variants} variants");
}
