//! Stage `load`, one file: reads its bytes under the size limit, checks the encoding, parses it
//! and lowers it into its place in the tree.

use super::lower;
use super::parse;
use super::raw;
use super::values::Lx;
use super::walk::{Found, io_reason};
use crate::diag::{Diagnostic, Pos, msg};
use crate::layout::{self, Place, file_name};
use crate::model::{FileKind, Submission, Tree, Year};
use sha2::{Digest, Sha256};
use std::path::PathBuf;

/// Files larger than this are refused (E005): a realistic begroting is a few hundred kilobytes.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

pub(super) struct Loader {
    pub root: PathBuf,
    pub tree: Tree,
    pub diags: Vec<Diagnostic>,
}

impl Loader {
    pub fn read(&mut self, f: Found) {
        let Some((kind, party)) = f.kind.clone() else {
            // A folder: register party folders `<Y>/<org>` so that unknown parties are seen.
            if let Place::PartyFolder { jaar, org } = layout::place(&f.rel) {
                self.tree.years.entry(jaar).or_default().entry(org.to_string()).or_default();
            }
            return;
        };
        if let Some((y, org)) = &party {
            self.tree.years.entry(*y).or_default().entry(org.clone()).or_default();
        }
        let text = match self.text(&f) {
            Some(t) => t,
            None => return self.mark_unreadable(kind, &party, &f.rel),
        };
        let mut diags = Vec::new();
        let ok = {
            let mut lx = Lx { file: &f.rel, diags: &mut diags };
            self.lower(&mut lx, kind, &party, &f.rel, &text)
        };
        self.diags.extend(diags);
        if !ok {
            self.mark_unreadable(kind, &party, &f.rel);
        }
        self.tree.sources.insert(f.rel, text);
    }

    /// Reads a file given as text (not from disk): for files made in memory.
    pub fn read_text(&mut self, rel: &str, text: &str) {
        let Some((kind, party)) = super::walk::classify(rel) else { return };
        let mut diags = Vec::new();
        {
            let mut lx = Lx { file: rel, diags: &mut diags };
            self.lower(&mut lx, kind, &party, rel, text);
        }
        self.diags.extend(diags);
        self.tree.sources.insert(rel.to_string(), text.to_string());
    }

    fn mark_unreadable(&mut self, kind: FileKind, party: &Option<(Year, String)>, rel: &str) {
        if let Some((y, org)) = party {
            let sub = self.tree.years.entry(*y).or_default().entry(org.clone()).or_default();
            sub.unreadable.insert(kind);
            if let Some((FileKind::Voortgang, k)) = FileKind::numbered(file_name(rel)) {
                sub.unreadable_kwartalen.insert(k as u8);
            }
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
        let bytes = match &f.over {
            Some(text) => text.clone().into_bytes(),
            None => self.bytes(f)?,
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

    /// The bytes of a file on disk: a regular file under the size limit.
    fn bytes(&mut self, f: &Found) -> Option<Vec<u8>> {
        let fail = |diags: &mut Vec<Diagnostic>, reason: String| {
            diags.push(msg::unreadable(&reason).in_file(&f.rel));
            None
        };
        match std::fs::metadata(&f.path) {
            // A FIFO or device would block or never end: only regular files are read.
            Ok(m) if !m.is_file() => {
                return fail(&mut self.diags, "dit is geen gewoon bestand (maar bijvoorbeeld een pipe)".into());
            }
            Ok(m) if m.len() > MAX_FILE_BYTES => {
                return fail(
                    &mut self.diags,
                    format!("het bestand is {} bytes, de grens is {} bytes", m.len(), MAX_FILE_BYTES),
                );
            }
            Err(e) => return fail(&mut self.diags, io_reason(Some(&e))),
            _ => {}
        }
        match std::fs::read(&f.path) {
            Ok(b) => Some(b),
            Err(e) => fail(&mut self.diags, io_reason(Some(&e))),
        }
    }

    /// Parses and lowers one file into the tree; false when it could not be read at all.
    fn lower(&mut self, lx: &mut Lx, kind: FileKind, party: &Option<(Year, String)>, rel: &str, text: &str) -> bool {
        let is_empty =
            text.lines().all(|l| l.trim().is_empty() || l.trim_start().starts_with('#') || l.trim() == "---");
        if is_empty && !matches!(kind, FileKind::Afspraken | FileKind::Aanvaard | FileKind::Ontvangsten) {
            lx.push(msg::empty_file(), Pos::START);
            return false;
        }
        macro_rules! parsed {
            ($t:ty) => {
                match parse::parse::<$t>(text) {
                    Ok(r) => r,
                    Err(d) => {
                        lx.diags.push(Diagnostic { file: Some(rel.to_string()), ..*d });
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
            FileKind::Aanvaard => {
                if !is_empty {
                    self.tree.aanvaard = lower::aanvaard(lx, parsed!(raw::RawAanvaard));
                }
            }
            FileKind::Ontvangsten => {
                if !is_empty {
                    self.tree.ontvangsten = lower::ontvangsten(lx, parsed!(raw::RawOntvangsten));
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
            FileKind::Wijziging => {
                let w = lower::wijziging(lx, parsed!(raw::RawWijziging));
                let ok = w.is_some();
                if let Some(w) = w {
                    let sub = sub(&mut self.tree, party);
                    let at = sub.wijzigingen.partition_point(|x| x.nummer.value <= w.nummer.value);
                    sub.wijzigingen.insert(at, w);
                }
                return ok;
            }
            FileKind::Voortgang => {
                let v = lower::voortgang(lx, parsed!(raw::RawVoortgang));
                let ok = v.is_some();
                if let (Some(v), Some((_, k))) = (v, FileKind::numbered(file_name(rel))) {
                    sub(&mut self.tree, party).voortgang.insert(k as u8, v);
                }
                return ok;
            }
            FileKind::Vergadering => {
                let stem = file_name(rel).trim_end_matches(".yaml").to_string();
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
