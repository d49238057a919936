//! A source page: the input files of a party and year (or one file of the construct) as
//! written, line by line with numbers, every line anchored (`#begroting-L14`, `#L14`) and the
//! line a link points to highlighted, like a forge's code view; beside a line that holds an
//! amount of a budget line, the way back to that line on its party's page, and beside a line
//! with a finding, the finding.
//!
//! The numbered lines are the bulk of a large site (a thousand parties write a million lines),
//! so they are written here rather than by a template loop — escaped by the same function as
//! every value the templates write (`links::escape`), then handed to the template as safe text.

use super::links::{escape, root_of};
use super::model::{Link, Site};
use super::pages::Page;
use minijinja::Value;
use serde::Serialize;
use std::collections::HashMap;
use std::fmt::Write;

/// Findings per file, then per line: (code, message).
pub type Marks<'s> = HashMap<&'s str, HashMap<u32, Vec<(&'static str, String)>>>;

/// The ways back per file, then per line: (address of a budget line on its party's page, label).
pub type Back<'s> = HashMap<&'s str, HashMap<u32, Vec<(String, String)>>>;

/// The findings of the site by file and line.
pub fn finding_marks<'s>(site: &'s Site) -> Marks<'s> {
    let mut out: Marks = HashMap::new();
    for d in &site.bevindingen {
        if let (Some(f), Some(p)) = (d.file.as_deref(), d.pos) {
            out.entry(f).or_default().entry(p.line).or_default().push((d.code.as_str(), d.message.clone()));
        }
    }
    out
}

impl Site<'_> {
    /// The source page `page` with the input files `files` (relative to the data root, in the
    /// order of the files): one file on a page of its own, or a party's files of a year, each in
    /// its section.
    pub fn source(&self, page: &str, files: &[&str], back: &Back, marks: &Marks) -> Page {
        let root = root_of(page);
        let owner = files.first().and_then(|f| self.owner(f)).filter(|o| self.partijen.get(o).is_some());
        let groep = files.first().and_then(|f| self.bronnen.get(*f)).is_some_and(|p| p.sectie.is_some());
        let bestanden: Vec<BronBestand> = files.iter().map(|f| self.source_file(f, &root, back, marks)).collect();
        // A shared page is named after the party's folder, a file's own page after the file.
        let titel = match (groep, files.first()) {
            (true, Some(f)) => f.rsplit_once('/').map_or(*f, |(dir, _)| dir).to_string(),
            (_, f) => f.map(|f| f.to_string()).unwrap_or_default(),
        };
        let p = Bron { groep, titel: titel.clone(), partij: owner.map(|o| self.party_link(&root, o)), bestanden };
        let crumbs =
            vec![self.home(&root), Link { tekst: "Bronbestanden".into(), href: format!("{root}bronnen.html") }];
        self.page(page.to_string(), "bron.html", titel, crumbs, p)
    }

    /// One file's numbered lines, with the ways back and the findings beside them.
    fn source_file(&self, file: &str, root: &str, back: &Back, marks: &Marks) -> BronBestand {
        let plek = self.bronnen.get(file);
        let prefix = plek.and_then(|p| p.sectie.as_deref()).map(|s| format!("{s}-")).unwrap_or_default();
        let text = self.i.tree.sources.get(file).map(String::as_str).unwrap_or_default();
        let mut body = String::with_capacity(text.len() * 3);
        let mut n = 0u32;
        // Looked up once per file, not per line (a thousand parties write a million lines).
        let (back, marks) = (back.get(file), marks.get(file));
        for line in text.lines() {
            n += 1;
            // Kept small: the anchor is `Plek::line(n)`, written without a string of its own.
            let _ = write!(body, "<span id=\"{prefix}L{n}\"><a href=\"#{prefix}L{n}\">{n}</a>");
            let _ = escape(line, &mut body);
            for (href, label) in back.and_then(|b| b.get(&n)).into_iter().flatten() {
                let _ = write!(body, "<a class=\"terug\" href=\"{root}");
                let _ = escape(href, &mut body);
                body.push_str("\">");
                let _ = escape(label, &mut body);
                body.push_str("</a>");
            }
            for (code, message) in marks.and_then(|m| m.get(&n)).into_iter().flatten() {
                let _ = write!(body, "<a class=\"melding\" href=\"{root}bevindingen.html\" title=\"");
                let _ = escape(message, &mut body);
                let _ = write!(body, "\">{code}</a>");
            }
            // No newline between the lines: each is a block of its own (copying still gives one per line).
            body.push_str("</span>");
        }
        BronBestand {
            bestand: file.to_string(),
            regels: n,
            anker: plek.and_then(|p| p.sectie.clone()),
            tekst: Value::from_safe_string(body),
        }
    }
}

#[derive(Serialize)]
struct Bron {
    /// A party's files of a year on one page (else one file on a page of its own).
    groep: bool,
    titel: String,
    partij: Option<Link>,
    bestanden: Vec<BronBestand>,
}

#[derive(Serialize)]
struct BronBestand {
    bestand: String,
    regels: u32,
    /// The file's section on a shared page.
    anker: Option<String>,
    tekst: Value,
}
