//! `ontvang`, the delivery (BRON): a folder of contract files of one party, or a workbook of the
//! spreadsheet route read as `import` reads it. Every name that is no contract file (another
//! file, a folder, a link) is refused by name; a file that names another party too; the cycle
//! year is `--jaar` or the one the files agree on. Nothing here writes.

use crate::diag::{Diagnostic, msg};
use crate::load::MAX_FILE_BYTES;
use crate::model::{FileKind, Year};
use crate::workbook::emit::{Emitted, yaml};
use crate::workbook::read::read;
use crate::workbook::values::FileValues;
use std::collections::BTreeSet;
use std::io::Read as _;
use std::path::Path;

/// A delivery read: its files (file name → text) and what reading them found.
pub struct Delivery {
    /// The files by name (`begroting.yaml`), with their text.
    pub files: Vec<(String, String)>,
    /// Findings of reading them (E005 for a file too large or not UTF-8; a workbook's cells).
    pub diags: Vec<Diagnostic>,
    /// For a workbook: its name as given, its files' YAML with their cells, and the cells
    /// refused, to move the check's findings to the cells their values came from.
    pub book: Option<Book>,
    /// The cycle year the files give, when they agree.
    pub jaar: Option<Year>,
}

/// A workbook's files, for moving findings to cells.
pub struct Book {
    /// The workbook as given.
    pub name: String,
    /// Per file: its path relative to the data root, its YAML with its cells, its values.
    pub files: Vec<(String, Emitted, FileValues)>,
    /// Cells whose value was refused (already reported).
    pub refused: BTreeSet<(String, u32, &'static str)>,
}

/// Why a delivery cannot be received at all (exit status 2, nothing written).
#[derive(Debug)]
pub struct Refused(pub String);

/// Whether `name` is the file name of a contract file a party delivers.
pub fn is_contract_name(name: &str) -> bool {
    FileKind::SUBMISSION.iter().any(|(_, n)| *n == name) || FileKind::numbered(name).is_some()
}

/// Reads the delivery at `bron` for party `org`.
pub fn read_bron(bron: &Path, org: &str) -> Result<Delivery, Refused> {
    let meta = std::fs::metadata(bron)
        .map_err(|e| Refused(format!("`{}` is niet leesbaar: {}", bron.display(), crate::nl::io_error(&e))))?;
    if meta.is_dir() {
        return folder(bron, org);
    }
    if bron.extension().is_some_and(|e| e.eq_ignore_ascii_case("xlsx")) {
        return workbook(bron, org);
    }
    Err(Refused(format!("`{}` is geen map met bestanden van het contract en geen werkmap (.xlsx)", bron.display())))
}

/// A folder: every entry a regular contract file (links, folders and other names refused).
fn folder(bron: &Path, org: &str) -> Result<Delivery, Refused> {
    let rd = std::fs::read_dir(bron)
        .map_err(|e| Refused(format!("map `{}` is niet leesbaar: {}", bron.display(), crate::nl::io_error(&e))))?;
    let mut entries: Vec<_> = rd.filter_map(Result::ok).collect();
    entries.sort_by_key(|e| e.file_name());
    let mut refused = Vec::new();
    let mut files = Vec::new();
    let mut diags = Vec::new();
    let mut heads = Vec::new();
    for e in entries {
        let name = e.file_name().to_string_lossy().into_owned();
        // The entry itself, not what a link points to: a link may lead anywhere.
        let kind = e.file_type().ok();
        if kind.is_some_and(|k| k.is_symlink()) {
            refused.push(format!("`{name}` (een koppeling)"));
            continue;
        }
        if kind.is_some_and(|k| k.is_dir()) {
            refused.push(format!("`{name}` (een map)"));
            continue;
        }
        if !kind.is_some_and(|k| k.is_file()) || !is_contract_name(&name) {
            refused.push(format!("`{name}`"));
            continue;
        }
        let mut bytes = Vec::new();
        let read = std::fs::File::open(e.path()).and_then(|f| f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes));
        if let Err(err) = read {
            return Err(Refused(format!("`{name}` is niet leesbaar: {}", crate::nl::io_error(&err))));
        }
        if bytes.len() as u64 > MAX_FILE_BYTES {
            // Its year still counts, from its head: the finding belongs in `<Y>/<ID>/`.
            heads.push((name.clone(), String::from_utf8_lossy(&bytes[..bytes.len().min(64 * 1024)]).into_owned()));
            diags.push(msg::unreadable(&format!("het bestand is groter dan {MAX_FILE_BYTES} bytes")).in_file(&name));
            continue;
        }
        match String::from_utf8(bytes) {
            Ok(text) => files.push((name, text)),
            Err(e) => {
                heads.push((name.clone(), String::from_utf8_lossy(e.as_bytes()).into_owned()));
                diags.push(msg::unreadable("het bestand is geen UTF-8-tekst").in_file(&name));
            }
        }
    }
    if !refused.is_empty() {
        return Err(Refused(format!(
            "{} in `{}` {} geen bestand van het contract (plan.yaml, begroting.yaml, realisatie.yaml, \
             wijziging-<n>.yaml, voortgang-q<k>.yaml); niets ontvangen",
            refused.join(", "),
            bron.display(),
            if refused.len() == 1 { "is" } else { "zijn" }
        )));
    }
    if files.is_empty() && diags.is_empty() {
        return Err(Refused(format!("`{}` bevat geen bestanden van het contract; niets ontvangen", bron.display())));
    }
    let mut jaren = BTreeSet::new();
    let mut others = Vec::new();
    for (name, text) in files.iter().chain(&heads) {
        let (o, y) = header(text);
        if let Some(o) = o.filter(|o| o != org) {
            others.push(format!("`{name}` is van `{o}`"));
        }
        jaren.extend(y);
    }
    if !others.is_empty() {
        return Err(Refused(format!(
            "{}, niet van `{org}`: een aanlevering bevat alleen bestanden van de eigen partij; niets ontvangen",
            others.join(", ")
        )));
    }
    Ok(Delivery { files, diags, book: None, jaar: agreed(jaren)? })
}

/// A workbook: its files as `import` makes them.
fn workbook(bron: &Path, org: &str) -> Result<Delivery, Refused> {
    let name = bron.display().to_string();
    let meta = std::fs::metadata(bron).map_err(|e| Refused(format!("`{name}`: {}", crate::nl::io_error(&e))))?;
    if meta.len() > crate::workbook::read::MAX_WORKBOOK_BYTES {
        return Err(Refused(format!(
            "werkmap `{name}` is groter dan {} bytes; niets ontvangen",
            crate::workbook::read::MAX_WORKBOOK_BYTES
        )));
    }
    let bytes = std::fs::read(bron).map_err(|e| Refused(format!("`{name}`: {}", crate::nl::io_error(&e))))?;
    let r = read(&bytes, &name);
    let origin = bron.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let mut book = Book { name: name.clone(), files: Vec::new(), refused: r.refused };
    let mut diags = r.diags;
    let mut jaren = BTreeSet::new();
    let mut others = Vec::new();
    for doc in r.docs {
        if let Some(o) = doc.organisatie().filter(|o| *o != org) {
            others.push(format!("een blad voor `{o}`"));
            continue;
        }
        jaren.extend(doc.jaar().map(|y| y as Year));
        match doc.rel() {
            Some(rel) if !book.files.iter().any(|(r, _, _)| *r == rel) => {
                let e = yaml(&doc, &origin);
                book.files.push((rel, e, doc));
            }
            Some(rel) => diags.push(msg::stray_value(&format!("voor `{rel}` staat twee keer in de werkmap")).at_cell(
                &name,
                crate::workbook::sheets::of_kind(doc.kind)[0].name,
                1,
                1,
            )),
            None => diags.push(msg::missing_field("organisatie en jaar").at_cell(
                &name,
                crate::workbook::sheets::of_kind(doc.kind)[0].name,
                3,
                2,
            )),
        }
    }
    if !others.is_empty() {
        return Err(Refused(format!(
            "werkmap `{name}` bevat {}, niet voor `{org}`; niets ontvangen",
            others.join(", ")
        )));
    }
    let files = book
        .files
        .iter()
        .map(|(rel, e, _)| (crate::layout::file_name(rel).to_string(), e.text.clone()))
        .collect::<Vec<_>>();
    if files.is_empty() && diags.is_empty() {
        return Err(Refused(format!("werkmap `{name}` bevat geen bestanden van het contract; niets ontvangen")));
    }
    Ok(Delivery { files, diags, book: Some(book), jaar: agreed(jaren)? })
}

/// The one year the files give, or none; files that disagree are refused.
fn agreed(jaren: BTreeSet<Year>) -> Result<Option<Year>, Refused> {
    match jaren.len() {
        0 | 1 => Ok(jaren.into_iter().next()),
        _ => Err(Refused(format!(
            "de bestanden noemen verschillende jaren ({}); lever één cyclusjaar per keer aan; niets ontvangen",
            jaren.iter().map(|y| y.to_string()).collect::<Vec<_>>().join(", ")
        ))),
    }
}

/// A file's `organisatie` and `jaar` as written at its top level, leniently (the check judges
/// them properly): `None` where absent or unreadable.
fn header(text: &str) -> (Option<String>, Option<Year>) {
    let mut org = None;
    let mut jaar = None;
    for line in text.lines() {
        let value = |key: &str| {
            line.strip_prefix(key)
                .and_then(|r| r.strip_prefix(':'))
                .map(|v| v.split(" #").next().unwrap_or("").trim().trim_matches(['"', '\'']).to_string())
        };
        if let Some(v) = value("organisatie").filter(|v| !v.is_empty()) {
            org.get_or_insert(v);
        }
        if let Some(v) = value("jaar").and_then(|v| v.parse::<Year>().ok()) {
            jaar.get_or_insert(v);
        }
    }
    (org, jaar)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_read_leniently() {
        let (o, y) = header("# kop\norganisatie: geonovum   # de partij\njaar: 2027\nregels:\n  - jaar: 2020\n");
        assert_eq!((o.as_deref(), y), (Some("geonovum"), Some(2027)));
        assert_eq!(header("organisatie: \"rws-obo\"\njaar: twee\n"), (Some("rws-obo".into()), None));
    }

    #[test]
    fn contract_names_only() {
        for ok in ["plan.yaml", "begroting.yaml", "realisatie.yaml", "wijziging-12.yaml", "voortgang-q2.yaml"] {
            assert!(is_contract_name(ok), "{ok}");
        }
        for no in ["stelsel.yaml", "ontvangsten.yaml", "plan.yml", ".plan.yaml", "../plan.yaml", "notities.txt"] {
            assert!(!is_contract_name(no), "{no}");
        }
    }
}
