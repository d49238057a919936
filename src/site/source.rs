//! A source page: an input file as written, line by line with numbers, every line anchored
//! (`#L14`) and the line a link points to highlighted, like a forge's code view; beside a line
//! that holds an amount of a budget line, the way back to that line on its party's page, and
//! beside a line with a finding, the finding.
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
    /// The page of input file `file` (relative to the data root).
    pub fn source(&self, file: &str, back: &Back, marks: &Marks, owner: Option<&str>) -> Page {
        let path = self.bronnen.get(file).cloned().unwrap_or_default();
        let root = root_of(&path);
        let text = self.i.tree.sources.get(file).map(String::as_str).unwrap_or_default();
        let mut body = String::with_capacity(text.len() * 3);
        let mut n = 0u32;
        // Looked up once per file, not per line (a thousand parties write a million lines).
        let (back, marks) = (back.get(file), marks.get(file));
        for line in text.lines() {
            n += 1;
            // Kept small: the anchor is `line_anchor(n)`, written without a string of its own.
            let _ = write!(body, "<span id=\"L{n}\"><a href=\"#L{n}\">{n}</a>");
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
        let p = Bron {
            bestand: file.to_string(),
            regels: n,
            partij: owner.map(|o| self.party_link(&root, o)),
            tekst: Value::from_safe_string(body),
        };
        let crumbs =
            vec![self.home(&root), Link { tekst: "Bronbestanden".into(), href: format!("{root}bronnen.html") }];
        self.page(path, "bron.html", file.to_string(), crumbs, p)
    }
}

#[derive(Serialize)]
struct Bron {
    bestand: String,
    regels: u32,
    partij: Option<Link>,
    tekst: Value,
}
