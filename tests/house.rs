//! The shape of the house (see `docs/huis.md`): the library's import graph has no circles, and
//! no source file grows past about 400 lines (the YAML fast path excepted). Read from the
//! sources, so a change that breaks either fails here rather than in a review.

use crate::common::root;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Source files allowed to be longer, with the reason.
const LONG: &[(&str, &str)] = &[("src/load/fast.rs", "one reader for the YAML subset, kept whole on purpose")];
const MAX_LINES: usize = 400;

/// Every `.rs` file under `src/` by module path (`crate::view::text`), tests and the binary's
/// own files (`main.rs`, `cmd/`) aside.
fn modules() -> BTreeMap<String, String> {
    let src = root().join("src");
    let mut out = BTreeMap::new();
    for e in walkdir::WalkDir::new(&src).sort_by_file_name() {
        let e = e.unwrap();
        let rel = e.path().strip_prefix(&src).unwrap().to_string_lossy().replace('\\', "/");
        if !rel.ends_with(".rs") || rel == "main.rs" || rel.starts_with("cmd/") || rel.ends_with("tests.rs") {
            continue;
        }
        let mut parts: Vec<&str> = rel.trim_end_matches(".rs").split('/').collect();
        if matches!(parts.last(), Some(&"mod") | Some(&"lib")) {
            parts.pop();
        }
        let path = std::iter::once("crate").chain(parts).collect::<Vec<_>>().join("::");
        out.insert(path, std::fs::read_to_string(e.path()).unwrap());
    }
    out
}

/// The code of a file without comments, string literals and `#[cfg(test)]` modules.
fn code(text: &str) -> String {
    // An inline test module runs to the end of the file (`#[cfg(test)] mod tests;` does not).
    let inline = text.match_indices("#[cfg(test)]\nmod ").find(|(i, _)| {
        let rest = &text[*i..];
        rest.find('{').is_some_and(|b| rest.find(';').is_none_or(|c| b < c))
    });
    let text = match inline {
        Some((i, _)) => &text[..i],
        None => text,
    };
    let mut out = String::new();
    for line in text.lines() {
        let line = line.trim_start();
        if line.starts_with("//") {
            continue;
        }
        let mut in_str = false;
        let mut prev = ' ';
        for c in line.chars() {
            if c == '"' && prev != '\\' {
                in_str = !in_str;
            } else if !in_str {
                out.push(c);
            }
            prev = c;
        }
        out.push('\n');
    }
    out
}

/// The module paths a file refers to: `use` trees and inline `crate::`/`super::` paths, and
/// its own child modules used by name.
fn references(module: &str, text: &str, all: &BTreeMap<String, String>) -> BTreeSet<String> {
    let code = code(text);
    let parent = module.rsplit_once("::").map(|(p, _)| p).unwrap_or("crate");
    let mut out = BTreeSet::new();
    // Flatten `use a::{b, c::{d}}` into paths.
    let mut paths: Vec<String> = Vec::new();
    for stmt in code.split(';') {
        let stmt = stmt.trim();
        let body = stmt.strip_prefix("pub ").unwrap_or(stmt);
        let body = body.strip_prefix("pub(crate) ").unwrap_or(body);
        if let Some(tree) = body.strip_prefix("use ") {
            expand(tree.trim(), "", &mut paths);
        }
    }
    let words: Vec<&str> = code.split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':')).collect();
    for w in words {
        if (w.starts_with("crate::") || w.starts_with("super::")) && !w.ends_with("::") {
            paths.push(w.to_string());
        } else if let Some((head, _)) = w.split_once("::") {
            let child = format!("{module}::{head}");
            if all.contains_key(&child) {
                paths.push(child);
            }
        }
    }
    for p in paths {
        let p = p.trim_end_matches("::");
        let abs = if let Some(rest) = p.strip_prefix("super::") {
            format!("{parent}::{rest}")
        } else if p == "super" {
            parent.to_string()
        } else if p.starts_with("crate") {
            p.to_string()
        } else {
            let child = format!("{module}::{p}");
            if !all.keys().any(|k| child.starts_with(k.as_str()) && k.len() > module.len()) {
                continue;
            }
            child
        };
        // The longest module that is a prefix of the path.
        let target =
            all.keys().filter(|k| abs == **k || abs.starts_with(&format!("{k}::"))).max_by_key(|k| k.len()).cloned();
        if let Some(t) = target
            && t != module
        {
            out.insert(t);
        }
    }
    out
}

fn expand(tree: &str, prefix: &str, out: &mut Vec<String>) {
    let tree = tree.trim();
    if let Some(open) = tree.find('{') {
        let head = tree[..open].trim().trim_end_matches("::");
        let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
        let base = if prefix.is_empty() { head.to_string() } else { format!("{prefix}::{head}") };
        let mut depth = 0;
        let mut start = 0;
        for (i, c) in inner.char_indices() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    expand(&inner[start..i], &base, out);
                    start = i + 1;
                }
                _ => {}
            }
        }
        expand(&inner[start..], &base, out);
    } else if !tree.is_empty() {
        let item = tree.split(" as ").next().unwrap_or(tree).trim();
        out.push(if prefix.is_empty() { item.to_string() } else { format!("{prefix}::{item}") });
    }
}

#[test]
fn the_import_graph_has_no_circles() {
    let all = modules();
    let graph: BTreeMap<&str, BTreeSet<String>> =
        all.iter().map(|(m, text)| (m.as_str(), references(m, text, &all))).collect();
    // Depth-first search for a back edge; report the circle found.
    fn visit<'a>(
        m: &'a str,
        graph: &'a BTreeMap<&str, BTreeSet<String>>,
        state: &mut BTreeMap<&'a str, u8>,
        stack: &mut Vec<&'a str>,
        circles: &mut Vec<String>,
    ) {
        state.insert(m, 1);
        stack.push(m);
        for next in graph.get(m).into_iter().flatten() {
            match state.get(next.as_str()) {
                Some(1) => {
                    let from = stack.iter().position(|s| *s == next).unwrap();
                    circles.push(format!("{} → {next}", stack[from..].join(" → ")));
                }
                None => visit(next, graph, state, stack, circles),
                _ => {}
            }
        }
        stack.pop();
        state.insert(m, 2);
    }
    if std::env::var_os("HOUSE_GRAPH").is_some() {
        for (m, refs) in &graph {
            eprintln!("{m} -> {refs:?}");
        }
    }
    let mut state = BTreeMap::new();
    let mut circles = Vec::new();
    for m in graph.keys() {
        if !state.contains_key(m) {
            visit(m, &graph, &mut state, &mut Vec::new(), &mut circles);
        }
    }
    assert!(circles.is_empty(), "import circles:\n{}", circles.join("\n"));
}

#[test]
fn no_source_file_passes_the_line_limit() {
    let mut long = Vec::new();
    for dir in ["src", "templates"] {
        for e in walkdir::WalkDir::new(root().join(dir)).sort_by_file_name() {
            let e = e.unwrap();
            let rel = e.path().strip_prefix(root()).unwrap().to_string_lossy().replace('\\', "/");
            if !(rel.ends_with(".rs") || rel.ends_with(".typ")) || LONG.iter().any(|(f, _)| *f == rel) {
                continue;
            }
            let n = std::fs::read_to_string(e.path()).unwrap().lines().count();
            if n > MAX_LINES && !Path::new(&rel).ends_with("tests.rs") {
                long.push(format!("{rel}: {n} regels"));
            }
        }
    }
    assert!(long.is_empty(), "longer than {MAX_LINES} lines:\n{}", long.join("\n"));
}
