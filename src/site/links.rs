//! Where each page of the site is and how pages link to each other: file names and anchors
//! made safe from the ids and paths in the input (user text), unique, and relative links only.

use std::collections::BTreeMap;

/// Keeps `[A-Za-z0-9._-]` and replaces anything else by `_`; an empty result or a result that
/// starts with a dot becomes `_…`, so that no name can climb out of its folder or hide.
pub fn slug(text: &str) -> String {
    let mut s: String =
        text.chars().map(|c| if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') { c } else { '_' }).collect();
    if s.is_empty() || s.starts_with('.') {
        s.insert(0, '_');
    }
    s
}

/// Gives every distinct key a distinct slug: the plain slug when it is free, else the slug with
/// `-2`, `-3`, … (two ids that differ only in characters a slug replaces stay apart). Keys are
/// assigned in the order they are first asked for, so the same input gives the same names.
#[derive(Clone, Debug, Default)]
pub struct Names {
    by_key: BTreeMap<String, String>,
    taken: std::collections::BTreeSet<String>,
}

impl Names {
    /// The slug of `key`, assigning one on first use.
    pub fn name(&mut self, key: &str) -> String {
        if let Some(s) = self.by_key.get(key) {
            return s.clone();
        }
        let base = slug(key);
        let mut s = base.clone();
        let mut n = 1;
        while self.taken.contains(&s.to_ascii_lowercase()) {
            n += 1;
            s = format!("{base}-{n}");
        }
        // Case-insensitive file systems would fold `A` and `a` into one file.
        self.taken.insert(s.to_ascii_lowercase());
        self.by_key.insert(key.to_string(), s.clone());
        s
    }

    /// The slug of `key` if it has one.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.by_key.get(key).map(String::as_str)
    }
}

/// Where the source page of an input file (relative to the data root) is, relative to the site,
/// each segment made safe. A party's files of a year share one page, each in a section named
/// after the file (returned beside the page): `bron/2027/kadaster-obo.html` and `begroting`, so
/// that a thousand parties make a thousand source pages a year, not several thousand files in
/// a thousand folders. The construct's own files and the meetings have a page each,
/// `bron/stelsel.yaml.html`, without a section.
pub fn source_page(rel: &str) -> (String, Option<String>) {
    let segments: Vec<String> = rel.split('/').map(slug).collect();
    match segments.as_slice() {
        [year, party, file] if year.bytes().all(|b| b.is_ascii_digit()) => {
            (format!("bron/{year}/{party}.html"), Some(file.strip_suffix(".yaml").unwrap_or(file).to_string()))
        }
        _ => (format!("bron/{}.html", segments.join("/")), None),
    }
}

/// The place of an input file's lines: its page and the prefix of its line anchors (the
/// section's name and `-`, or nothing on a page of its own).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plek {
    /// The page, relative to the site.
    pub page: String,
    /// The file's section on a shared page (`None`: the page is the file's own).
    pub sectie: Option<String>,
}

impl Plek {
    /// The anchor of line `n`: `begroting-L14` in a section, `L14` on a page of its own.
    pub fn line(&self, n: u32) -> String {
        match &self.sectie {
            Some(s) => format!("{s}-L{n}"),
            None => format!("L{n}"),
        }
    }

    /// The address of the file from the site's root: the page, and the section when shared.
    pub fn href(&self) -> String {
        match &self.sectie {
            Some(s) => format!("{}#{s}", self.page),
            None => self.page.clone(),
        }
    }
}

/// The way up from a page at `path` (relative to the site) to the site's root: `""`, `"../"`, ….
pub fn root_of(path: &str) -> String {
    "../".repeat(path.matches('/').count())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_safe_and_unique() {
        assert_eq!(slug("kadaster-obo"), "kadaster-obo");
        assert_eq!(slug("../x"), "_.._x");
        assert_eq!(slug(""), "_");
        assert_eq!(slug("<script>"), "_script_");
        let mut n = Names::default();
        assert_eq!(n.name("a b"), "a_b");
        assert_eq!(n.name("a/b"), "a_b-2");
        assert_eq!(n.name("A_B"), "A_B-3");
        assert_eq!(n.name("a b"), "a_b");
    }

    #[test]
    fn paths_and_roots() {
        assert_eq!(
            source_page("2027/kadaster-obo/begroting.yaml"),
            ("bron/2027/kadaster-obo.html".to_string(), Some("begroting".to_string()))
        );
        assert_eq!(source_page("2027/../x.yaml"), ("bron/2027/_...html".to_string(), Some("x".to_string())));
        assert_eq!(source_page("stelsel.yaml"), ("bron/stelsel.yaml.html".to_string(), None));
        assert_eq!(source_page("vergaderingen/a.yaml"), ("bron/vergaderingen/a.yaml.html".to_string(), None));
        assert_eq!(root_of("index.html"), "");
        assert_eq!(root_of("bron/2027/x.html"), "../../");
    }
}

/// HTML-escapes `text` for element content and quoted attribute values: `&`, `<`, `>`, `"`
/// and `'`. (The template engine's own escaping also turns every `/` into `&#x2f;`, which is
/// not needed for safety and makes every relative link three times as long.)
pub fn escape(text: &str, out: &mut impl std::fmt::Write) -> std::fmt::Result {
    let mut last = 0;
    for (i, b) in text.bytes().enumerate() {
        let rep = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.write_str(&text[last..i])?;
        out.write_str(rep)?;
        last = i + 1;
    }
    out.write_str(&text[last..])
}

#[cfg(test)]
mod escape_tests {
    #[test]
    fn escapes_what_html_needs() {
        let mut s = String::new();
        super::escape(r#"<a href="x" onclick='y'>&amp; ../z</a>"#, &mut s).unwrap();
        assert_eq!(s, "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;amp; ../z&lt;/a&gt;");
    }
}
