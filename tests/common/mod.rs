//! Shared helpers of the integration tests: run the binary, build fixture trees.
#![allow(dead_code)]

pub mod agree;
pub mod html;
pub mod pdf;

use std::path::{Path, PathBuf};
use std::process::Output;

/// Text with every run of whitespace (line breaks of a PDF included) made one space.
pub fn squeeze(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The binary under test.
pub fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_jaarcyclus"))
}

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `jaarcyclus` with arguments in the repository root.
pub fn run(args: &[&str]) -> Output {
    std::process::Command::new(bin()).args(args).current_dir(root()).env("NO_COLOR", "1").output().expect("binary runs")
}

/// Copies a directory tree.
pub fn copy_tree(from: &Path, to: &Path) {
    for e in walkdir::WalkDir::new(from).sort_by_file_name() {
        let e = e.unwrap();
        let rel = e.path().strip_prefix(from).unwrap();
        let target = to.join(rel);
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(e.path(), &target).unwrap();
        }
    }
}

/// The base fixture with a case's files laid over it and its deletions applied.
pub fn case_tree(case: &Path, dir: &Path) {
    copy_tree(&root().join("tests/fixtures/base"), dir);
    overlay(case, dir);
}

/// Lays a case's files over an existing tree.
pub fn overlay(case: &Path, dir: &Path) {
    for e in walkdir::WalkDir::new(case).min_depth(1) {
        let e = e.unwrap();
        let rel = e.path().strip_prefix(case).unwrap();
        if rel == Path::new("expect") {
            continue;
        }
        let target = dir.join(rel);
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(e.path(), &target).unwrap();
        }
    }
}

/// `check --format json` over a data dir; returns (exit status, parsed JSON).
pub fn check_json(data: &Path, extra: &[&str]) -> (i32, serde_json::Value) {
    let mut args = vec!["check", "--data", data.to_str().unwrap(), "--format", "json"];
    args.extend_from_slice(extra);
    let out = run(&args);
    let text = String::from_utf8(out.stdout).unwrap();
    let json = serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("no JSON ({e}): {text}\n{}", String::from_utf8_lossy(&out.stderr)));
    (out.status.code().unwrap_or(-1), json)
}

/// The diagnostics of a JSON report as (code, file, line).
pub fn findings(json: &serde_json::Value) -> Vec<(String, Option<String>, Option<u64>)> {
    json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["code"].as_str().unwrap().to_string(), d["file"].as_str().map(str::to_string), d["line"].as_u64()))
        .collect()
}
