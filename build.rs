//! Embeds `templates/` in the binary: the typst sources, fonts and letter texts become static
//! bytes, so an installed `jaarcyclus` needs nothing from the repository. Generates
//! `$OUT_DIR/templates.rs` with one `include_bytes!` per file, sorted by path.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let root = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo")).join("templates");
    println!("cargo::rerun-if-changed=templates");
    let mut files = Vec::new();
    collect(&root, &root, &mut files);
    files.sort();
    let mut out = String::from("/// Every file under `templates/`, by path with forward slashes, sorted.\n");
    out.push_str("pub static FILES: &[(&str, &[u8])] = &[\n");
    for (rel, abs) in &files {
        writeln!(out, "    ({rel:?}, include_bytes!({abs:?})),").expect("writing to a string");
    }
    out.push_str("];\n");
    let dest = PathBuf::from(std::env::var_os("OUT_DIR").expect("set by cargo")).join("templates.rs");
    std::fs::write(dest, out).expect("OUT_DIR is writable");
    build_id(&root);
}

/// `JAARCYCLUS_BOUW`: a fingerprint of everything that decides what the program writes — the
/// sources, the templates, the manifest and the lock file — so that a manifest can tell
/// whether the same program made it (an unchanged rebuild writes nothing, `pipeline::unchanged`).
fn build_id(templates: &Path) {
    let crate_dir = templates.parent().expect("templates/ is in the crate");
    for p in ["src", "Cargo.toml", "Cargo.lock", "build.rs"] {
        println!("cargo::rerun-if-changed={p}");
    }
    let mut files = Vec::new();
    collect(crate_dir, &crate_dir.join("src"), &mut files);
    collect(crate_dir, templates, &mut files);
    for f in ["Cargo.toml", "Cargo.lock", "build.rs"] {
        files.push((f.to_string(), crate_dir.join(f).to_string_lossy().into_owned()));
    }
    files.sort();
    // FNV-1a, 64 bits: stable across Rust versions and platforms, and enough to notice a change.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for (rel, abs) in &files {
        let bytes = std::fs::read(abs).unwrap_or_default();
        for b in rel.as_bytes().iter().chain([0u8].iter()).chain(bytes.iter()) {
            h = (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    println!("cargo::rustc-env=JAARCYCLUS_BOUW={h:016x}");
}

/// Every regular file below `dir` as (relative path with `/`, absolute path).
fn collect(root: &Path, dir: &Path, out: &mut Vec<(String, String)>) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            collect(root, &path, out);
        } else if path.is_file() {
            let rel = path.strip_prefix(root).expect("below the root");
            let rel: Vec<String> = rel.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
            out.push((rel.join("/"), path.to_string_lossy().into_owned()));
        }
    }
}
