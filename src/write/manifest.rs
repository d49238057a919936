//! Write stage, manifest: records the SHA-256 of every input read and every file written, so a
//! published document can be traced to the exact data it was made from.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Serialize;
use sha2::{Digest, Sha256};

/// The manifest of one run: program version and build, peildatum, and a hash per input and
/// output.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Manifest {
    program: &'static str,
    version: &'static str,
    /// The build of the program (sources and templates, `build.rs`).
    bouw: &'static str,
    peildatum: jiff::civil::Date,
    /// The SHA-256 of the findings the documents list (a `build`; they also depend on files
    /// that are not read, such as an unexpected file, W007).
    #[serde(skip_serializing_if = "Option::is_none")]
    bevindingen: Option<String>,
    inputs: BTreeMap<String, Entry>,
    outputs: BTreeMap<String, Entry>,
}

/// The fingerprint of one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
struct Entry {
    sha256: String,
    bytes: usize,
}

impl Entry {
    fn of(bytes: &[u8]) -> Entry {
        let mut hex = String::with_capacity(64);
        for byte in Sha256::digest(bytes) {
            let _ = write!(hex, "{byte:02x}");
        }
        Entry { sha256: hex, bytes: bytes.len() }
    }
}

impl Manifest {
    /// An empty manifest for a run at `peildatum`; no wall clock is recorded, so the same run
    /// gives the same manifest.
    pub fn new(peildatum: jiff::civil::Date) -> Manifest {
        Manifest {
            program: env!("CARGO_PKG_NAME"),
            version: env!("CARGO_PKG_VERSION"),
            bouw: env!("JAARCYCLUS_BOUW"),
            peildatum,
            bevindingen: None,
            inputs: BTreeMap::new(),
            outputs: BTreeMap::new(),
        }
    }

    /// Records an input file by its path relative to the data root (or templates directory).
    pub fn add_input(&mut self, rel_path: &str, bytes: &[u8]) {
        self.inputs.insert(normalise(rel_path), Entry::of(bytes));
    }

    /// Records an input whose digest was taken when it was read (the loader hashes every file).
    pub fn add_input_digest(&mut self, rel_path: &str, sha256: &[u8; 32], bytes: usize) {
        let mut hex = String::with_capacity(64);
        for byte in sha256 {
            let _ = write!(hex, "{byte:02x}");
        }
        self.inputs.insert(normalise(rel_path), Entry { sha256: hex, bytes });
    }

    /// Records the findings of the run by their fingerprint.
    pub fn add_findings(&mut self, text: &[u8]) {
        self.bevindingen = Some(Entry::of(text).sha256);
    }

    /// Records an output file by its path relative to the output directory.
    pub fn add_output(&mut self, rel_path: &str, bytes: &[u8]) {
        self.outputs.insert(normalise(rel_path), Entry::of(bytes));
    }

    /// The manifest as pretty JSON with sorted keys and a final newline.
    pub fn to_json(&self) -> Vec<u8> {
        // Serialising plain strings, numbers and ordered maps cannot fail.
        let mut json = serde_json::to_vec_pretty(self).unwrap_or_default();
        json.push(b'\n');
        json
    }
}

/// Forward slashes on every platform, so a manifest made on Windows compares equal.
fn normalise(rel_path: &str) -> String {
    rel_path.replace('\\', "/")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn manifest(order: &[&str]) -> Manifest {
        let mut manifest = Manifest::new("2025-11-01".parse().unwrap());
        for name in order {
            manifest.add_input(name, name.as_bytes());
        }
        manifest.add_output("2025/jaarplan-2025.pdf", b"%PDF");
        manifest
    }

    #[test]
    fn json_is_sorted_and_independent_of_insertion_order() {
        let a = manifest(&["stelsel.yaml", "2025/geonovum/plan.yaml", "afspraken.yaml"]);
        let b = manifest(&["afspraken.yaml", "stelsel.yaml", "2025/geonovum/plan.yaml"]);
        assert_eq!(a.to_json(), b.to_json());
        let text = String::from_utf8(a.to_json()).unwrap();
        let first = text.find("2025/geonovum/plan.yaml").unwrap();
        assert!(first < text.find("afspraken.yaml").unwrap());
        assert!(text.find("afspraken.yaml").unwrap() < text.find("stelsel.yaml").unwrap());
        assert!(text.contains("\"peildatum\": \"2025-11-01\""), "{text}");
        assert!(text.contains(concat!("\"version\": \"", env!("CARGO_PKG_VERSION"), "\"")));
    }

    #[test]
    fn hashes_are_sha256_hex() {
        let mut manifest = Manifest::new("2025-11-01".parse().unwrap());
        manifest.add_input("leeg.yaml", b"");
        let text = String::from_utf8(manifest.to_json()).unwrap();
        assert!(text.contains("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    }
}
