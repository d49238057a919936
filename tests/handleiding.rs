//! The user guide (`docs/handleiding/`) cannot go stale: every YAML example that names its file
//! (`# bestand: <pad>`) is laid over a copy of the default data and checked; the codes of the
//! errors about that file must be exactly those the example says (`# verwacht: geen fouten`, or
//! a list such as `E304`), and every warning it names must be found. The commands the guide
//! shows exist, and every shown finding's text is what the program prints.

use crate::common::*;
use std::collections::BTreeSet;

/// The examples of one guide file: (file, expected codes, YAML text).
fn examples(md: &str) -> Vec<(String, BTreeSet<String>, String)> {
    let mut out = Vec::new();
    let mut rest = md;
    while let Some(start) = rest.find("```yaml\n") {
        let body = &rest[start + 8..];
        let end = body.find("\n```").expect("a closed code block");
        let text = &body[..=end];
        rest = &body[end + 4..];
        let field = |key: &str| text.lines().find_map(|l| l.strip_prefix(key)).map(str::trim);
        let Some(file) = field("# bestand:") else { continue };
        let want = field("# verwacht:").unwrap_or_else(|| panic!("{file}: no `# verwacht:` line"));
        let codes = if want == "geen fouten" {
            BTreeSet::new()
        } else {
            want.split(',').map(|c| c.trim().to_string()).collect()
        };
        // The two marker lines are not part of the file (the guide says so).
        let file_text: String = text
            .lines()
            .filter(|l| !l.starts_with("# bestand:") && !l.starts_with("# verwacht:"))
            .map(|l| format!("{l}\n"))
            .collect();
        out.push((file.to_string(), codes, file_text));
    }
    out
}

fn guide() -> Vec<(String, String)> {
    let dir = root().join("docs/handleiding");
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    files
        .into_iter()
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read_to_string(&p).unwrap()))
        .collect()
}

#[test]
fn every_example_of_the_guide_checks_as_it_says() {
    let mut checked = 0;
    for (name, md) in guide() {
        for (file, want, text) in examples(&md) {
            let dir = tempfile::tempdir().unwrap();
            copy_tree(&root().join("data"), dir.path());
            let path = dir.path().join(&file);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, &text).unwrap();
            let (_, json) = check_json(dir.path(), &["--peildatum", "2026-11-29"]);
            let about: Vec<(String, Option<String>, Option<u64>)> =
                findings(&json).into_iter().filter(|(_, f, _)| f.as_deref() == Some(file.as_str())).collect();
            let errors: BTreeSet<String> =
                about.iter().filter(|(c, _, _)| c.starts_with('E')).map(|(c, _, _)| c.clone()).collect();
            let want_errors: BTreeSet<String> = want.iter().filter(|c| c.starts_with('E')).cloned().collect();
            assert_eq!(errors, want_errors, "{name}: {file}: {about:?}");
            for w in want.iter().filter(|c| c.starts_with('W')) {
                assert!(about.iter().any(|(c, _, _)| c == w), "{name}: {file}: {w} not found in {about:?}");
            }
            checked += 1;
        }
    }
    assert!(checked >= 8, "{checked} examples");
}

/// A finding the guide shows as the program prints it (a block that starts with `fout[` or
/// `waarschuwing[`) is printed by the program, word for word, for the example before it.
#[test]
fn the_findings_the_guide_shows_are_what_the_program_prints() {
    let mut shown = 0;
    for (name, md) in guide() {
        for block in md.split("```\n").skip(1).step_by(2) {
            let first = block.lines().next().unwrap_or_default();
            if !(first.starts_with("fout[") || first.starts_with("waarschuwing[")) {
                continue;
            }
            if block.lines().nth(1).is_some_and(|l| l.contains(".xlsx ")) {
                continue; // a finding of `import`, held to the program by tests/werkmap.rs
            }
            let code = &first[first.find('[').unwrap() + 1..first.find(']').unwrap()];
            let (file, _, text) = examples(&md)
                .into_iter()
                .find(|(_, want, _)| want.contains(code))
                .unwrap_or_else(|| panic!("{name}: no example for {code}"));
            let dir = tempfile::tempdir().unwrap();
            copy_tree(&root().join("data"), dir.path());
            std::fs::write(dir.path().join(&file), &text).unwrap();
            let o = run(&["check", "--data", dir.path().to_str().unwrap(), "--peildatum", "2026-11-29"]);
            let out = String::from_utf8_lossy(&o.stdout).into_owned();
            assert!(out.contains(block.trim_end()), "{name}: the guide shows\n{block}\nthe program prints\n{out}");
            shown += 1;
        }
    }
    assert!(shown >= 1);
}

/// Every `jaarcyclus <opdracht>` the guide names is a command of the program.
#[test]
fn the_commands_the_guide_names_exist() {
    let help = String::from_utf8(run(&["--help"]).stdout).unwrap();
    for (name, md) in guide() {
        for (i, _) in md.match_indices("jaarcyclus ") {
            let word: String = md[i + 11..].chars().take_while(|c| c.is_ascii_lowercase()).collect();
            if word.is_empty() || ["is", "de", "dat", "en"].contains(&word.as_str()) {
                continue;
            }
            assert!(help.contains(&format!("  {word} ")), "{name}: `jaarcyclus {word}` is no command");
        }
    }
}
