//! Stage `load`, the walk: finds every file under the data root in file-name order and says
//! what it is under the contract's layout; links that leave the root, loops and unreadable
//! entries become E005, unexpected files W007.

use crate::diag::{Diagnostic, msg};
use crate::layout::{self, Place};
use crate::model::{FileKind, Scope, Year};
use std::path::{Path, PathBuf};

/// A path found under the root, relative with forward slashes, and what it is.
pub(super) struct Found {
    pub rel: String,
    pub path: PathBuf,
    pub kind: Option<(FileKind, Option<(Year, String)>)>,
    /// The file's text when it is laid over the data root (`load::load_over`): read instead of
    /// the file on disk, which need not exist.
    pub over: Option<String>,
}

/// What a relative path is: the contract's file kind (and for a party's file, its year and
/// party), from the layout's reading of the path (`crate::layout`).
pub(super) fn classify(rel: &str) -> Option<(FileKind, Option<(Year, String)>)> {
    match layout::place(rel) {
        Place::Root("stelsel.yaml") => Some((FileKind::Stelsel, None)),
        Place::Root("afspraken.yaml") => Some((FileKind::Afspraken, None)),
        Place::Root("aanvaard.yaml") => Some((FileKind::Aanvaard, None)),
        Place::Root(layout::ONTVANGSTEN) => Some((FileKind::Ontvangsten, None)),
        Place::Vergadering(f) if f.ends_with(".yaml") => Some((FileKind::Vergadering, None)),
        Place::PartyFile { jaar, org, name } => {
            let kind = match FileKind::SUBMISSION.iter().find(|(_, n)| *n == name) {
                Some((k, _)) => *k,
                None => FileKind::numbered(name)?.0,
            };
            Some((kind, Some((jaar, org.to_string()))))
        }
        _ => None,
    }
}

/// Walks the root in file-name order; links that leave the root, loops and unreadable
/// entries become E005; party folders are registered even when empty.
pub(super) fn walk(root: &Path, scope: &Scope, diags: &mut Vec<Diagnostic>) -> Vec<Found> {
    let mut starts: Vec<PathBuf> = Vec::new();
    if let Some(org) = &scope.organisatie {
        for f in ["stelsel.yaml", "afspraken.yaml", "aanvaard.yaml", layout::ONTVANGSTEN] {
            if root.join(f).exists() || f == "stelsel.yaml" {
                starts.push(root.join(f));
            }
        }
        let mut years: Vec<PathBuf> =
            std::fs::read_dir(root).map(|rd| rd.filter_map(|e| e.ok()).map(|e| e.path()).collect()).unwrap_or_default();
        years.sort();
        for y in years {
            let name = y.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            if layout::year(&name).is_some_and(|yy| scope.jaar.is_none_or(|j| j == yy)) && y.join(org).exists() {
                starts.push(y.join(org));
            }
        }
    } else {
        starts.push(root.to_path_buf());
    }
    let mut out = Vec::new();
    // Directories already walked (canonical): a link to one of them is not walked again, so
    // links that fan out (a/x → b, a/y → b, b/x → c, …) cannot make the walk exponential.
    let mut seen_dirs = std::collections::HashSet::new();
    for start in starts {
        let mut it = walkdir::WalkDir::new(&start).follow_links(true).sort_by_file_name().into_iter();
        while let Some(entry) = it.next() {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    let rel = e.path().map(|p| layout::relative(root, p)).unwrap_or_default();
                    let reason = if e.loop_ancestor().is_some() {
                        "koppeling vormt een kring".to_string()
                    } else {
                        io_reason(e.io_error())
                    };
                    if rel.is_empty() && e.depth() == 0 && start.ends_with("stelsel.yaml") {
                        diags.push(
                            Diagnostic::new(crate::diag::Code::E005, "stelsel.yaml ontbreekt")
                                .hint("elke gegevensmap heeft een stelsel.yaml (contract §3)")
                                .in_file("stelsel.yaml"),
                        );
                    } else {
                        diags.push(msg::unreadable(&reason).in_file(&rel));
                    }
                    continue;
                }
            };
            let path = entry.path().to_path_buf();
            let rel = layout::relative(root, &path);
            if rel.is_empty() {
                continue;
            }
            if scope.organisatie.is_none() && layout::year_of(&rel).is_some_and(|y| scope.jaar.is_some_and(|j| j != y))
            {
                if entry.file_type().is_dir() {
                    it.skip_current_dir();
                }
                continue;
            }
            if entry.path_is_symlink() {
                let inside = path.canonicalize().map(|c| c.starts_with(root)).unwrap_or(false);
                if !inside {
                    diags.push(msg::unreadable("koppeling (symlink) wijst buiten de gegevensmap").in_file(&rel));
                    if entry.file_type().is_dir() {
                        it.skip_current_dir();
                    }
                    continue;
                }
            }
            let kind = classify(&rel);
            if entry.file_type().is_dir() {
                let canon = path.canonicalize().ok();
                if entry.path_is_symlink() && canon.as_ref().is_some_and(|c| seen_dirs.contains(c)) {
                    diags.push(msg::unreadable("koppeling naar een map die al gelezen is").in_file(&rel));
                    it.skip_current_dir();
                    continue;
                }
                seen_dirs.extend(canon);
                if kind.is_some() {
                    diags.push(msg::unreadable("dit is een map, geen bestand").in_file(&rel));
                }
                out.push(Found { rel, path, kind: None, over: None });
                continue;
            }
            if kind.is_none() {
                diags.push(msg::unexpected_file(&rel).in_file(&rel));
                continue;
            }
            out.push(Found { rel, path, kind, over: None });
        }
    }
    out
}

pub(super) fn io_reason(e: Option<&std::io::Error>) -> String {
    match e.map(|e| e.kind()) {
        Some(std::io::ErrorKind::PermissionDenied) => "geen leesrechten".into(),
        Some(std::io::ErrorKind::NotFound) => "bestaat niet (meer)".into(),
        _ => e.map(crate::nl::io_error).unwrap_or_else(|| "onbekende fout".into()),
    }
}
