//! Write stage, a folder of documents (a meeting's pack): every file atomically, under the same
//! lock on `out/` as `build`, with a manifest; PDFs, letters and mails left over from an earlier
//! run of the same meeting (an item since removed, a party that has since delivered) are removed.

use super::atomic::{lock_out, write_atomic};
use super::manifest::Manifest;
use anyhow::{Context, Result};
use std::collections::BTreeSet;
use std::path::Path;

/// Files this command owns in a folder it writes to: stale ones of these kinds are removed.
const OWNED: [&str; 3] = ["pdf", "txt", "eml"];

/// Writes `files` (paths relative to `out`, forward slashes) and a manifest at `manifest_rel`
/// recording them, under the output lock. Returns the written paths.
pub fn write_folder(
    out: &Path,
    files: &[(String, Vec<u8>)],
    mut manifest: Manifest,
    manifest_rel: &str,
) -> Result<Vec<String>> {
    let _lock = lock_out(out)?;
    let mut written = Vec::new();
    for (rel, bytes) in files {
        write_atomic(&out.join(rel), bytes)?;
        manifest.add_output(rel, bytes);
        written.push(rel.clone());
    }
    write_atomic(&out.join(manifest_rel), &manifest.to_json())?;
    written.push(manifest_rel.to_string());
    remove_stale(out, &written)?;
    Ok(written)
}

/// Removes, in every folder written to, the owned kinds of file that this run did not write.
fn remove_stale(out: &Path, written: &[String]) -> Result<()> {
    let keep: BTreeSet<&str> = written.iter().map(String::as_str).collect();
    let dirs: BTreeSet<&str> = written.iter().filter_map(|w| w.rsplit_once('/').map(|(d, _)| d)).collect();
    for dir in dirs {
        let path = out.join(dir);
        let entries =
            std::fs::read_dir(&path).with_context(|| format!("kan de map `{}` niet lezen", path.display()))?;
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            let ext = name.rsplit_once('.').map(|(_, x)| x).unwrap_or("");
            let rel = format!("{dir}/{name}");
            if OWNED.contains(&ext) && !name.starts_with('.') && e.path().is_file() && !keep.contains(rel.as_str()) {
                std::fs::remove_file(e.path())
                    .with_context(|| format!("kan het oude bestand `{}` niet verwijderen", e.path().display()))?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_and_removes_what_an_earlier_run_left() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path();
        std::fs::create_dir_all(out.join("v/m")).unwrap();
        std::fs::write(out.join("v/m/besluitnota-9.pdf"), b"oud").unwrap();
        std::fs::write(out.join("v/m/notities.md"), b"van de gebruiker").unwrap();
        let files = vec![("v/m/agenda.pdf".to_string(), b"pdf".to_vec())];
        let w = write_folder(out, &files, Manifest::new(jiff::civil::Date::constant(2026, 1, 1)), "v/m/manifest.json")
            .unwrap();
        assert_eq!(w, ["v/m/agenda.pdf", "v/m/manifest.json"]);
        assert!(!out.join("v/m/besluitnota-9.pdf").exists());
        assert!(out.join("v/m/notities.md").exists());
        assert!(out.join("v/m/manifest.json").exists());
    }
}
