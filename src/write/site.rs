//! Writing a year's website while the documents are typeset, put in place with the PDFs. The
//! pages come from the caller (`crate::site` makes them); this module owns their files.
//!
//! - **No site yet** (`out/<Y>/site/` absent): every page goes into a fresh hidden folder beside
//!   it (`out/<Y>/.site.<pid>.<n>.tmp/`), renamed into place whole.
//! - **A site from an earlier build**: a page whose file already holds the same bytes is left
//!   alone; a changed or new page is written beside its file (`.<name>.<pid>.<n>.tmp`) and
//!   renamed over it; with the PDFs, the pages the build no longer makes are removed. A
//!   rebuild of a thousand parties thus creates almost no files — making and deleting some
//!   8,000 files per build was most of the site's cost (ext4's inode allocator searches past
//!   the inodes just freed). Every page is at any moment the old or the new version, whole.
//!
//! Pages are not synced one by one: a crash leaves the old page or none, and the next build
//! makes every page again from the inputs. None is held in memory longer than it takes to write.
//! Callers hold the lock on `out/` from before the pages are written until [`SiteTmp::swap`],
//! so a temporary file found under `out/<Y>/` is always a killed build's leftover.

use super::atomic::{holds, temp_name};
use super::manifest::Manifest;
use anyhow::{Context, Result};
use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};

/// A site written but not yet in place. Dropped without [`SiteTmp::swap`] (a failed build) it
/// removes what it wrote, and the live site stays as it was.
pub struct SiteTmp {
    /// `<Y>/site/`, relative to `out`.
    pub rel: String,
    live: PathBuf,
    staged: Staged,
}

enum Staged {
    /// The whole site in a fresh folder, to be renamed to `live`.
    Folder(PathBuf),
    /// Changed pages beside their files in `live`: (temporary file, page). `keep` holds every
    /// page of the build, relative to `live`.
    Pages { changed: Vec<(PathBuf, PathBuf)>, keep: HashSet<PathBuf> },
}

impl Drop for SiteTmp {
    fn drop(&mut self) {
        match &self.staged {
            Staged::Folder(dir) => {
                if dir.exists() {
                    let _ = std::fs::remove_dir_all(dir);
                }
            }
            Staged::Pages { changed, .. } => {
                for (tmp, _) in changed {
                    let _ = std::fs::remove_file(tmp);
                }
            }
        }
    }
}

impl SiteTmp {
    /// Puts the site in place of `out/<Y>/site/`.
    pub fn swap(mut self) -> Result<()> {
        match &mut self.staged {
            Staged::Folder(dir) => std::fs::rename(&*dir, &self.live)
                .with_context(|| format!("kan de nieuwe site niet op `{}` zetten", self.live.display())),
            Staged::Pages { changed, keep } => {
                for (tmp, page) in std::mem::take(changed) {
                    if let Err(e) = std::fs::rename(&tmp, &page) {
                        let _ = std::fs::remove_file(&tmp);
                        return Err(e).with_context(|| format!("kan `{}` niet schrijven", page.display()));
                    }
                }
                remove_others(&self.live, keep);
                Ok(())
            }
        }
    }
}

/// Removes every file under `live` that is not a page of this build (a page of a party that is
/// gone, a killed build's temporary file), then the folders left empty.
fn remove_others(live: &Path, keep: &HashSet<PathBuf>) {
    let mut dirs = Vec::new();
    for entry in walkdir::WalkDir::new(live).min_depth(1).into_iter().filter_map(Result::ok) {
        let Ok(rel) = entry.path().strip_prefix(live) else { continue };
        if entry.file_type().is_dir() {
            dirs.push(entry.path().to_path_buf());
        } else if !keep.contains(rel) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
    // Deepest first; a folder that still holds pages stays (remove_dir refuses).
    for dir in dirs.iter().rev() {
        let _ = std::fs::remove_dir(dir);
    }
}

/// Whether a name in `out/<Y>/` is a temporary site folder (`.site.<ids>.tmp`).
fn is_temporary(name: &str) -> bool {
    name.strip_prefix(".site.").and_then(|r| r.strip_suffix(".tmp")).is_some_and(|r| !r.is_empty())
}

/// A sink for pages: (path relative to the site, bytes).
pub type Sink<'a> = dyn FnMut(&str, &[u8]) -> Result<()> + 'a;

/// Writes the site of year `y` beside `out/<y>/site/` (see the module): `pages` hands every
/// page to the sink it is given; each is added to `man` as an output under `<y>/site/`.
/// Temporary site folders a killed build left are removed first.
pub fn write_site(
    out: &Path,
    y: i32,
    man: &mut Manifest,
    pages: impl FnOnce(&mut Sink) -> Result<()>,
) -> Result<SiteTmp> {
    let year = out.join(y.to_string());
    std::fs::create_dir_all(&year).with_context(|| format!("kan de map `{}` niet aanmaken", year.display()))?;
    for entry in std::fs::read_dir(&year).into_iter().flatten().flatten() {
        if is_temporary(&entry.file_name().to_string_lossy()) {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
    let live = year.join("site");
    let staged = if live.is_dir() {
        Staged::Pages { changed: Vec::new(), keep: HashSet::new() }
    } else {
        Staged::Folder(year.join(temp_name("site")))
    };
    let mut tmp = SiteTmp { rel: format!("{y}/site/"), live, staged };
    // Each folder made once (a thousand parties: thousands of pages in a handful of folders).
    let mut made: HashSet<PathBuf> = HashSet::new();
    let mut buf = Vec::new();
    pages(&mut |rel, bytes| {
        man.add_output(&format!("{y}/site/{rel}"), bytes);
        let path = match &mut tmp.staged {
            Staged::Folder(dir) => dir.join(rel),
            Staged::Pages { changed, keep } => {
                let page = tmp.live.join(rel);
                keep.insert(PathBuf::from(rel));
                if holds(&page, bytes, &mut buf) {
                    return Ok(());
                }
                let name = page.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                let t = page.with_file_name(temp_name(&name));
                changed.push((t.clone(), page));
                t
            }
        };
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
        Ok(())
    })?;
    Ok(tmp)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temporary_names() {
        assert!(is_temporary(".site.12.3.tmp"));
        assert!(!is_temporary("site"));
        assert!(!is_temporary(".site.tmp"));
    }

    #[test]
    fn only_pages_of_the_build_remain() {
        let dir = tempfile::tempdir().unwrap();
        let live = dir.path();
        for f in ["index.html", "partij/a.html", "partij/weg.html", "partij/.a.html.1.2.tmp", "oud/x.html"] {
            std::fs::create_dir_all(live.join(f).parent().unwrap()).unwrap();
            std::fs::write(live.join(f), b"x").unwrap();
        }
        let keep: HashSet<PathBuf> = ["index.html", "partij/a.html"].iter().map(PathBuf::from).collect();
        remove_others(live, &keep);
        let mut left: Vec<String> = walkdir::WalkDir::new(live)
            .min_depth(1)
            .into_iter()
            .filter_map(Result::ok)
            .map(|e| e.path().strip_prefix(live).unwrap().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(left, ["index.html", "partij", "partij/a.html"]);
    }
}
