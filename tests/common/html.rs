//! The website under `out/<Y>/site/` as parsed HTML pages, and what the site tests ask of them.

use scraper::{Html, Selector};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Every HTML page under `dir`, parsed, by path.
pub fn pages(dir: &Path) -> BTreeMap<PathBuf, Html> {
    let mut out = BTreeMap::new();
    for e in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let e = e.unwrap();
        if e.path().extension().is_some_and(|x| x == "html") {
            let text = std::fs::read_to_string(e.path()).unwrap();
            out.insert(e.path().to_path_buf(), Html::parse_document(&text));
        }
    }
    out
}

/// A CSS selector.
pub fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

/// The text of an element, whitespace squeezed.
pub fn text(e: scraper::ElementRef) -> String {
    super::squeeze(&e.text().collect::<String>())
}

/// Where a relative link on the page at `page` leads: the file and the fragment. `None` for a
/// link that is not relative (it must not exist on the site).
pub fn resolve(page: &Path, href: &str) -> Option<(PathBuf, Option<String>)> {
    if href.contains("://") || href.starts_with("//") || href.contains(':') {
        return None;
    }
    let (path, fragment) = match href.split_once('#') {
        Some((p, f)) => (p, Some(f.to_string())),
        None => (href, None),
    };
    let mut target = if path.is_empty() { page.to_path_buf() } else { page.parent().unwrap().to_path_buf() };
    for seg in path.split('/').filter(|s| !s.is_empty()) {
        match seg {
            ".." => {
                target.pop();
            }
            "." => {}
            s => target.push(s),
        }
    }
    Some((target, fragment))
}

/// Whether the parsed page has an element with this id.
pub fn has_id(page: &Html, id: &str) -> bool {
    page.select(&sel("[id]")).any(|e| e.value().attr("id") == Some(id))
}
