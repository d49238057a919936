//! An unchanged rebuild: when every manifest of the years a `build` would write records the
//! same inputs (every file read from the data root and every template, by SHA-256), the same
//! findings (which also see files that are not read), the same peildatum, the same program
//! version and build (`build.rs`), the same documents, and every output it lists is still there
//! with its recorded SHA-256, a new build would write the same bytes. Then nothing is
//! rewritten. Reading and checking the inputs is needed for that (and cheap: ~10 ms on the
//! default data); the roll-up, typesetting and writing are skipped.

use super::documents::Planned;
use super::output::build_manifest;
use crate::diag::Diagnostics;
use crate::model::{Tree, Year};
use crate::typeset::Templates;
use crate::write::{lock_out, remove_stale_temps};
use jiff::civil::Date;
use serde_json::Value;
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Whether the last build in `out` already wrote exactly what `planned` would write now.
pub fn up_to_date(
    out: &Path,
    tree: &Tree,
    diags: &Diagnostics,
    planned: &[Planned],
    templates: &Templates,
    peildatum: Date,
) -> bool {
    let Ok(expected) = serde_json::to_value(build_manifest(tree, templates, diags, peildatum)) else { return false };
    let mut years: BTreeMap<Year, BTreeSet<&str>> = BTreeMap::new();
    for p in planned {
        years.entry(p.jaar).or_default().insert(p.rel.as_str());
    }
    let mut outputs = Vec::new();
    for (y, documents) in &years {
        let Some(recorded) = read_json(&out.join(format!("{y}/manifest.json"))) else { return false };
        if ["program", "version", "bouw", "peildatum", "bevindingen", "inputs"]
            .iter()
            .any(|k| recorded.get(k) != expected.get(k))
        {
            return false;
        }
        let Some(files) = recorded.get("outputs").and_then(Value::as_object) else { return false };
        let pdfs: BTreeSet<&str> = files.keys().map(String::as_str).filter(|f| f.ends_with(".pdf")).collect();
        if pdfs != *documents {
            return false;
        }
        for (rel, entry) in files {
            if !intact(&out.join(rel), entry) {
                return false;
            }
            outputs.push(rel.clone());
        }
        outputs.push(format!("{y}/manifest.json"));
    }
    // A killed build may have left temporary files beside the outputs; clear them as a build would.
    if let Ok(_lock) = lock_out(out) {
        for rel in &outputs {
            remove_stale_temps(&out.join(rel));
        }
    }
    !years.is_empty()
}

fn read_json(path: &Path) -> Option<Value> {
    serde_json::from_slice(&std::fs::read(path).ok()?).ok()
}

/// Whether the file at `path` has the size and SHA-256 a manifest entry records.
fn intact(path: &Path, entry: &Value) -> bool {
    let (Some(sha), Some(len)) =
        (entry.get("sha256").and_then(Value::as_str), entry.get("bytes").and_then(Value::as_u64))
    else {
        return false;
    };
    match std::fs::read(path) {
        Ok(bytes) if bytes.len() as u64 == len => hex(&Sha256::digest(&bytes)) == sha,
        _ => false,
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
