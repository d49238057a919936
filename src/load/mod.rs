//! Stage `load`: walks the data root, reads every file of the contract under size, encoding and
//! link limits, parses it strictly and lowers it into the validated model (`Tree`), reporting
//! every problem as a diagnostic. The only stage that reads the data root.

pub(crate) mod fast;
mod lower;
mod parallel;
mod parse;
pub mod raw;
mod values;

pub use values::{is_lower_id, parse_date};

/// For tests and fuzzing: whether the fast YAML path and serde-saphyr read `text` alike, as
/// every file kind (see `fast::agrees`).
#[doc(hidden)]
pub fn fast_path_agrees(text: &str) -> Result<usize, String> {
    fast::agrees(text)
}

use crate::diag::{Diagnostic, Pos, msg};
use crate::model::{FileKind, Scope, Submission, Tree, Year};
use anyhow::{Context, Result, bail};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use values::Lx;

/// Files larger than this are refused (E005): a realistic begroting is a few hundred kilobytes.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// Reads the data root (or, with a party in `scope`, only that party's folders plus
/// `stelsel.yaml` and `afspraken.yaml`). Fails (exit status 2) only when the root itself
/// cannot be read; every problem inside it is a diagnostic.
pub fn load(root: &Path, scope: &Scope) -> Result<(Tree, Vec<Diagnostic>)> {
    let meta = std::fs::metadata(root).with_context(|| format!("gegevensmap `{}` is niet leesbaar", root.display()))?;
    if !meta.is_dir() {
        bail!("gegevensmap `{}` is geen map", root.display());
    }
    let canon = root.canonicalize().with_context(|| format!("gegevensmap `{}` is niet leesbaar", root.display()))?;
    let mut l = Loader { root: canon, tree: Tree { scope: scope.clone(), ..Tree::default() }, diags: Vec::new() };
    let found = walk(&l.root.clone(), scope, &mut l.diags);
    for part in parallel::read_all(&l.root, found) {
        l.absorb(part);
    }
    Ok((l.tree, l.diags))
}

/// A path found under the root, relative with forward slashes, and what it is.
struct Found {
    rel: String,
    path: PathBuf,
    kind: Option<(FileKind, Option<(Year, String)>)>,
}

fn rel_of(root: &Path, p: &Path) -> String {
    p.strip_prefix(root)
        .unwrap_or(p)
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

fn is_year(s: &str) -> Option<Year> {
    (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok()).flatten()
}

/// What a relative path is under the contract's layout.
fn classify(rel: &str) -> Option<(FileKind, Option<(Year, String)>)> {
    let parts: Vec<&str> = rel.split('/').collect();
    match parts.as_slice() {
        ["stelsel.yaml"] => Some((FileKind::Stelsel, None)),
        ["afspraken.yaml"] => Some((FileKind::Afspraken, None)),
        ["vergaderingen", f] if f.ends_with(".yaml") => Some((FileKind::Vergadering, None)),
        [y, org, f] => {
            let y = is_year(y)?;
            let kind = FileKind::SUBMISSION.iter().find(|(_, n)| n == f)?.0;
            Some((kind, Some((y, org.to_string()))))
        }
        _ => None,
    }
}

/// Walks the root in file-name order; links that leave the root, loops and unreadable
/// entries become E005; party folders are registered even when empty.
fn walk(root: &Path, scope: &Scope, diags: &mut Vec<Diagnostic>) -> Vec<Found> {
    let mut starts: Vec<PathBuf> = Vec::new();
    if let Some(org) = &scope.organisatie {
        for f in ["stelsel.yaml", "afspraken.yaml"] {
            if root.join(f).exists() || f == "stelsel.yaml" {
                starts.push(root.join(f));
            }
        }
        let mut years: Vec<PathBuf> =
            std::fs::read_dir(root).map(|rd| rd.filter_map(|e| e.ok()).map(|e| e.path()).collect()).unwrap_or_default();
        years.sort();
        for y in years {
            let name = y.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            if is_year(&name).is_some_and(|yy| scope.jaar.is_none_or(|j| j == yy)) && y.join(org).exists() {
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
                    let rel = e.path().map(|p| rel_of(root, p)).unwrap_or_default();
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
            let rel = rel_of(root, &path);
            if rel.is_empty() {
                continue;
            }
            let top = rel.split('/').next().unwrap_or("");
            if scope.organisatie.is_none() && is_year(top).is_some_and(|y| scope.jaar.is_some_and(|j| j != y)) {
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
                out.push(Found { rel, path, kind: None });
                continue;
            }
            if kind.is_none() {
                diags.push(msg::unexpected_file(&rel).in_file(&rel));
                continue;
            }
            out.push(Found { rel, path, kind });
        }
    }
    out
}

fn io_reason(e: Option<&std::io::Error>) -> String {
    match e.map(|e| e.kind()) {
        Some(std::io::ErrorKind::PermissionDenied) => "geen leesrechten".into(),
        Some(std::io::ErrorKind::NotFound) => "bestaat niet (meer)".into(),
        _ => e.map(|e| e.to_string()).unwrap_or_else(|| "onbekende fout".into()),
    }
}

struct Loader {
    root: PathBuf,
    tree: Tree,
    diags: Vec<Diagnostic>,
}

impl Loader {
    fn read(&mut self, f: Found) {
        let Some((kind, party)) = f.kind.clone() else {
            // A folder: register party folders `<Y>/<org>` so that unknown parties are seen.
            let parts: Vec<&str> = f.rel.split('/').collect();
            if let [y, org] = parts.as_slice()
                && let Some(y) = is_year(y)
            {
                self.tree.years.entry(y).or_default().entry(org.to_string()).or_default();
            }
            return;
        };
        if let Some((y, org)) = &party {
            self.tree.years.entry(*y).or_default().entry(org.clone()).or_default();
        }
        let text = match self.text(&f) {
            Some(t) => t,
            None => return self.mark_unreadable(kind, &party),
        };
        let mut diags = Vec::new();
        let ok = {
            let mut lx = Lx { file: &f.rel, diags: &mut diags };
            self.lower(&mut lx, kind, &party, &f.rel, &text)
        };
        self.diags.extend(diags);
        if !ok {
            self.mark_unreadable(kind, &party);
        }
        self.tree.sources.insert(f.rel, text);
    }

    fn mark_unreadable(&mut self, kind: FileKind, party: &Option<(Year, String)>) {
        if let Some((y, org)) = party {
            self.tree.years.entry(*y).or_default().entry(org.clone()).or_default().unreadable.insert(kind);
        }
    }

    /// Reads the bytes under the size limit, records their hash, and checks the encoding.
    fn text(&mut self, f: &Found) -> Option<String> {
        let fail = |diags: &mut Vec<Diagnostic>, reason: String, pos: Option<Pos>| {
            let d = msg::unreadable(&reason);
            diags.push(match pos {
                Some(p) => d.at(&f.rel, p),
                None => d.in_file(&f.rel),
            });
            None
        };
        match std::fs::metadata(&f.path) {
            // A FIFO or device would block or never end: only regular files are read.
            Ok(m) if !m.is_file() => {
                return fail(&mut self.diags, "dit is geen gewoon bestand (maar bijvoorbeeld een pipe)".into(), None);
            }
            Ok(m) if m.len() > MAX_FILE_BYTES => {
                return fail(
                    &mut self.diags,
                    format!("het bestand is {} bytes, de grens is {} bytes", m.len(), MAX_FILE_BYTES),
                    None,
                );
            }
            Err(e) => return fail(&mut self.diags, io_reason(Some(&e)), None),
            _ => {}
        }
        let bytes = match std::fs::read(&f.path) {
            Ok(b) => b,
            Err(e) => return fail(&mut self.diags, io_reason(Some(&e)), None),
        };
        if bytes.len() as u64 > MAX_FILE_BYTES {
            return fail(&mut self.diags, format!("het bestand is groter dan {MAX_FILE_BYTES} bytes"), None);
        }
        self.tree.inputs.insert(f.rel.clone(), (Sha256::digest(&bytes).into(), bytes.len()));
        let text = match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => {
                let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
                let p = pos_after(&String::from_utf8_lossy(valid));
                return fail(&mut self.diags, "het bestand is geen UTF-8-tekst".into(), Some(p));
            }
        };
        let text = text.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(text);
        if let Some(i) = text.find(|c: char| c.is_control() && !matches!(c, '\n' | '\r' | '\t')) {
            return fail(
                &mut self.diags,
                "het bestand bevat een stuurteken (bijvoorbeeld NUL)".into(),
                Some(pos_after(&text[..i])),
            );
        }
        Some(text)
    }

    /// Parses and lowers one file into the tree; false when it could not be read at all.
    fn lower(&mut self, lx: &mut Lx, kind: FileKind, party: &Option<(Year, String)>, rel: &str, text: &str) -> bool {
        let is_empty =
            text.lines().all(|l| l.trim().is_empty() || l.trim_start().starts_with('#') || l.trim() == "---");
        if is_empty && kind != FileKind::Afspraken {
            lx.push(msg::empty_file(), Pos::START);
            return false;
        }
        macro_rules! parsed {
            ($t:ty) => {
                match parse::parse::<$t>(text) {
                    Ok(r) => r,
                    Err(d) => {
                        lx.diags.push(Diagnostic { file: Some(rel.to_string()), ..d });
                        return false;
                    }
                }
            };
        }
        fn sub<'t>(tree: &'t mut Tree, party: &Option<(Year, String)>) -> &'t mut Submission {
            let (y, org) = party.clone().expect("submission files have a party");
            tree.years.entry(y).or_default().entry(org).or_default()
        }
        match kind {
            FileKind::Stelsel => self.tree.stelsel = Some(lower::stelsel(lx, parsed!(raw::RawStelsel))),
            FileKind::Afspraken => {
                if !is_empty {
                    self.tree.afspraken = lower::afspraken(lx, parsed!(raw::RawAfspraken));
                }
            }
            FileKind::Plan => {
                let y = party.as_ref().map(|p| p.0).unwrap_or_default();
                let p = lower::plan(lx, parsed!(raw::RawPlan), y);
                let ok = p.is_some();
                sub(&mut self.tree, party).plan = p;
                return ok;
            }
            FileKind::Begroting => {
                let b = lower::begroting(lx, parsed!(raw::RawBegroting));
                let ok = b.is_some();
                sub(&mut self.tree, party).begroting = b;
                return ok;
            }
            FileKind::Realisatie => {
                let r = lower::realisatie(lx, parsed!(raw::RawRealisatie));
                let ok = r.is_some();
                sub(&mut self.tree, party).realisatie = r;
                return ok;
            }
            FileKind::Vergadering => {
                let stem = rel.rsplit('/').next().unwrap_or(rel).trim_end_matches(".yaml").to_string();
                if let Some(v) = lower::vergadering(lx, parsed!(raw::RawVergadering), &stem) {
                    self.tree.vergaderingen.push(v);
                }
            }
        }
        true
    }
}

/// The place just after `prefix` (1-based line and character column).
fn pos_after(prefix: &str) -> Pos {
    let line = prefix.matches('\n').count() as u32 + 1;
    let col = prefix.rsplit('\n').next().map(|l| l.chars().count()).unwrap_or(0) as u32 + 1;
    Pos::new(line, col)
}

/// Reads one meeting file on its own (for `stukken`), with the stelsel beside it.
pub fn meeting_rel(root: &Path, file: &Path) -> Option<String> {
    let canon_root = root.canonicalize().ok()?;
    let canon = file.canonicalize().ok()?;
    canon.strip_prefix(&canon_root).ok().map(|p| rel_of(Path::new(""), p))
}
