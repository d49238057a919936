//! Writing a year's website: every page straight into a fresh folder beside the live one
//! (`out/<Y>/.site.<pid>.<n>.tmp/`) while the documents are typeset, then, with the PDFs, put
//! in place by renaming folders. A reader sees the old site or the new one, never a mix, and
//! no page of a party or file that is gone survives. A thousand parties make thousands of
//! pages: they are not synced one by one (a crash leaves the old site; the pages are made again
//! from the inputs by the next build), and none is held in memory longer than it takes to write it.
//!
//! Callers hold the lock on `out/` from before the pages are written until the swap.

use crate::site::Input;
use crate::write::Manifest;
use anyhow::{Context, Result};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

static COUNTER: AtomicU64 = AtomicU64::new(0);

/// A site written to its temporary folder, not yet in place. Dropped without [`SiteTmp::swap`]
/// (a failed build) it removes the folder.
pub struct SiteTmp {
    /// `<Y>/site/`, relative to `out`.
    pub rel: String,
    dir: PathBuf,
    live: PathBuf,
}

impl Drop for SiteTmp {
    fn drop(&mut self) {
        if self.dir.exists() {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

impl SiteTmp {
    /// Puts the site in place of `out/<Y>/site/`: the old folder is renamed aside, the new one
    /// renamed in, the old one removed.
    pub fn swap(self) -> Result<()> {
        let old = self.live.with_file_name(format!(".site.{}.{}.oud.tmp", std::process::id(), next()));
        let had = self.live.exists();
        if had {
            std::fs::rename(&self.live, &old)
                .with_context(|| format!("kan de oude site `{}` niet opzij zetten", self.live.display()))?;
        }
        std::fs::rename(&self.dir, &self.live)
            .with_context(|| format!("kan de nieuwe site niet op `{}` zetten", self.live.display()))?;
        if had {
            let _ = std::fs::remove_dir_all(&old);
        }
        Ok(())
    }
}

fn next() -> u64 {
    COUNTER.fetch_add(1, Ordering::Relaxed)
}

/// Whether a name in `out/<Y>/` is a temporary site folder (`.site.<ids>.tmp`).
fn is_temporary(name: &str) -> bool {
    name.strip_prefix(".site.").and_then(|r| r.strip_suffix(".tmp")).is_some_and(|r| !r.is_empty())
}

/// Writes the site of `input`'s year into a temporary folder in `out/<y>/`, each page added to
/// `man` as an output under `<y>/site/`. Temporary site folders a killed build left are removed
/// first (the caller holds the lock, so no other build is writing one).
pub fn write(out: &Path, input: &Input, man: &mut Manifest) -> Result<SiteTmp> {
    let y = input.r.jaar;
    let year = out.join(y.to_string());
    std::fs::create_dir_all(&year).with_context(|| format!("kan de map `{}` niet aanmaken", year.display()))?;
    for entry in std::fs::read_dir(&year).into_iter().flatten().flatten() {
        if is_temporary(&entry.file_name().to_string_lossy()) {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
    let tmp = SiteTmp {
        rel: format!("{y}/site/"),
        dir: year.join(format!(".site.{}.{}.tmp", std::process::id(), next())),
        live: year.join("site"),
    };
    // Each folder made once (a thousand parties: thousands of pages in a handful of folders).
    let mut made: std::collections::HashSet<PathBuf> = std::collections::HashSet::new();
    crate::site::site(input, &mut |rel, bytes| {
        let path = tmp.dir.join(rel);
        if let Some(parent) = path.parent()
            && !made.contains(parent)
        {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("kan de map `{}` niet aanmaken", parent.display()))?;
            made.insert(parent.to_path_buf());
        }
        let mut file =
            std::fs::File::create(&path).with_context(|| format!("kan `{}` niet schrijven", path.display()))?;
        file.write_all(bytes).with_context(|| format!("kan `{}` niet schrijven", path.display()))?;
        man.add_output(&format!("{y}/site/{rel}"), bytes);
        Ok(())
    })?;
    Ok(tmp)
}

#[cfg(test)]
mod tests {
    #[test]
    fn temporary_names() {
        assert!(super::is_temporary(".site.12.3.tmp"));
        assert!(!super::is_temporary("site"));
        assert!(!super::is_temporary(".site.tmp"));
    }
}
