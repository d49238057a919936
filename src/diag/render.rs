//! Rendering of diagnostics: rustc-like text for people, one JSON object for machines.

use super::diagnostic::{Diagnostic, Diagnostics, Sources, accepted_by_entry};
use crate::codes::Severity;
use serde_json::json;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// Renders every finding like rustc: code, message, `file:line:col`, the source line with a
/// marker under the value, and the hint; then a summary line.
pub fn render_human(diags: &Diagnostics, sources: &Sources, color: bool) -> String {
    let mut out = String::new();
    let mut lines = Lines { sources, split: BTreeMap::new() };
    for d in diags.items().iter().filter(|d| d.aanvaard.is_none()) {
        render_one(&mut out, d, &mut lines, color);
        out.push('\n');
    }
    render_accepted(&mut out, diags, color);
    out.push_str(&summary_line(diags));
    out.push('\n');
    out
}

/// The accepted findings (contract §12), apart and briefly: per entry of aanvaard.yaml its
/// code, how many findings it covers and where (the first three places), and the reason.
fn render_accepted(out: &mut String, diags: &Diagnostics, color: bool) {
    let st = Style { on: color };
    let mut groups = accepted_by_entry(diags.items());
    if groups.is_empty() {
        return;
    }
    let line = |ds: &[&Diagnostic]| ds[0].aanvaard.as_ref().map_or(0, |a| a.line);
    groups.sort_by_key(|ds| line(ds));
    let _ = writeln!(out, "{}", st.paint("1", &format!("aanvaard volgens aanvaard.yaml ({}):", diags.accepted())));
    for ds in groups {
        let (line, code) = (line(&ds), ds[0].code.as_str());
        // The distinct places in order of first mention; a set beside the list, as one entry
        // of aanvaard.yaml may accept many thousands of findings.
        let mut all: Vec<String> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for d in &ds {
            let place = match (&d.file, d.pos) {
                (Some(f), Some(p)) => format!("{f}:{}", p.line),
                (Some(f), None) => f.clone(),
                (None, _) => "—".to_string(),
            };
            if seen.insert(place.clone()) {
                all.push(place);
            }
        }
        let places: Vec<String> = all.iter().take(3).cloned().collect();
        let more = if all.len() > 3 { format!(" en {} andere", all.len() - 3) } else { String::new() };
        let n = if ds.len() == 1 { "1 bevinding".to_string() } else { format!("{} bevindingen", ds.len()) };
        let reden = &ds[0].aanvaard.as_ref().expect("grouped").reden;
        let _ = writeln!(out, "  {} {n} ({}{more}) — regel {line}", st.paint("1", code), places.join(", "));
        let _ = writeln!(out, "       {reden}");
    }
    out.push('\n');
}

/// "2 fouten, 1 waarschuwing, 3 aanvaard" — the closing line of a check.
pub fn summary_line(diags: &Diagnostics) -> String {
    let (e, w) = (diags.errors(), diags.warnings());
    let fouten = match e {
        0 => "geen fouten".to_string(),
        1 => "1 fout".to_string(),
        n => format!("{n} fouten"),
    };
    let waarsch = match w {
        0 => "geen waarschuwingen".to_string(),
        1 => "1 waarschuwing".to_string(),
        n => format!("{n} waarschuwingen"),
    };
    match diags.accepted() {
        0 => format!("{fouten}, {waarsch}"),
        n => format!("{fouten}, {waarsch} ({n} aanvaard)"),
    }
}

/// The lines of each source file, split once: a file with many findings (a stelsel of 20.000
/// parties) is not scanned again for each of them.
struct Lines<'a> {
    sources: &'a Sources,
    split: BTreeMap<&'a str, Vec<&'a str>>,
}

impl<'a> Lines<'a> {
    /// Line `n` (1-based) of `file`.
    fn get(&mut self, file: &str, n: u32) -> Option<&'a str> {
        let (name, text) = self.sources.get_key_value(file)?;
        let lines = self.split.entry(name.as_str()).or_insert_with(|| text.lines().collect());
        lines.get(n.saturating_sub(1) as usize).copied()
    }
}

struct Style {
    on: bool,
}

impl Style {
    fn paint(&self, code: &str, s: &str) -> String {
        if self.on { format!("\x1b[{code}m{s}\x1b[0m") } else { s.to_string() }
    }
}

fn render_one(out: &mut String, d: &Diagnostic, lines: &mut Lines, color: bool) {
    let st = Style { on: color };
    let (label, col) = match d.severity() {
        Severity::Error => ("fout", "1;31"),
        Severity::Warning => ("waarschuwing", "1;33"),
    };
    let _ = writeln!(
        out,
        "{}{} {}",
        st.paint(col, &format!("{label}[{}]", d.code)),
        st.paint("1", ":"),
        st.paint("1", &d.message)
    );
    let Some(file) = &d.file else {
        if let Some(h) = &d.hint {
            let _ = writeln!(out, "  {} hint: {h}", st.paint("1;34", "="));
        }
        return;
    };
    let line_text = d.pos.and_then(|p| lines.get(file, p.line));
    let gutter = d.pos.map(|p| p.line.to_string().len()).unwrap_or(1).max(1);
    let pad = " ".repeat(gutter);
    let place = match (&d.cel, d.pos) {
        (Some(cel), _) => format!("{file} {cel}"),
        (None, Some(p)) => format!("{file}:{}:{}", p.line, p.column),
        (None, None) => file.clone(),
    };
    let _ = writeln!(out, "{pad}{} {place}", st.paint("1;34", "-->"));
    if let (Some(p), Some(text), None) = (d.pos, line_text, &d.cel) {
        let text = text.trim_end_matches('\r').replace('\t', " ");
        let bar = st.paint("1;34", "|");
        let _ = writeln!(out, "{pad} {bar}");
        let _ = writeln!(out, "{} {bar} {text}", st.paint("1;34", &p.line.to_string()));
        let start = (p.column.max(1) - 1) as usize;
        let width = marker_width(&text, start);
        let marker = format!("{}{}", " ".repeat(start), "^".repeat(width));
        let _ = writeln!(out, "{pad} {bar} {}", st.paint(col, &marker));
    }
    if let Some(h) = &d.hint {
        let _ = writeln!(out, "{pad} {} hint: {h}", st.paint("1;34", "="));
    }
}

/// The marker covers the token at the column: up to the next space, comma or closing bracket.
fn marker_width(text: &str, start: usize) -> usize {
    let rest: Vec<char> = text.chars().skip(start).collect();
    if rest.is_empty() {
        return 1;
    }
    let quoted = matches!(rest[0], '"' | '\'');
    let mut n = 0;
    for (i, c) in rest.iter().enumerate() {
        if quoted {
            if i > 0 && *c == rest[0] {
                n = i + 1;
                break;
            }
            n = i + 1;
        } else if c.is_whitespace() || matches!(c, ',' | '}' | ']') || (*c == ':' && i > 0) {
            break;
        } else {
            n = i + 1;
        }
    }
    n.clamp(1, 80)
}

/// Renders the JSON object of contract §9, with the subject (`organisatie`, `jaar`) of every
/// diagnostic, its acceptance (`aanvaard`: `{reden, line}` or null, §12) and the count of
/// accepted findings (plus a `hint`, an allowed extension).
pub fn render_json(diags: &Diagnostics) -> String {
    let list: Vec<_> = diags
        .items()
        .iter()
        .map(|d| {
            json!({
                "code": d.code.as_str(),
                "severity": d.severity(),
                "file": d.file,
                "line": d.pos.map(|p| p.line),
                "column": d.pos.map(|p| p.column),
                "cel": d.cel,
                "message": d.message,
                "hint": d.hint,
                "organisatie": d.organisatie,
                "jaar": d.jaar,
                "aanvaard": d.aanvaard.as_ref().map(|a| json!({"reden": a.reden, "line": a.line})),
            })
        })
        .collect();
    let obj = json!({
        "diagnostics": list,
        "errors": diags.errors(),
        "warnings": diags.warnings(),
        "aanvaard": diags.accepted(),
    });
    serde_json::to_string_pretty(&obj).expect("a JSON value always serialises")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::{Code, Pos};

    #[test]
    fn marker_covers_the_value() {
        assert_eq!(marker_width("    bedragen: {2025: -5}", 21), 2);
        assert_eq!(marker_width("  naam: \"a b\" # x", 8), 5);
        assert_eq!(marker_width("", 0), 1);
    }

    #[test]
    fn human_has_place_source_and_hint() {
        let mut ds = Diagnostics::new();
        ds.push(
            Diagnostic::new(Code::E201, "negatief bedrag `-5`")
                .hint("maak het bedrag 0 of hoger")
                .at("a.yaml", Pos::new(2, 7)),
        );
        let mut src = Sources::new();
        src.insert("a.yaml".into(), "x: 1\ny:    -5\n".into());
        let text = render_human(&ds, &src, false);
        assert!(text.contains("fout[E201]: negatief bedrag `-5`"), "{text}");
        assert!(text.contains("--> a.yaml:2:7"), "{text}");
        assert!(text.contains("2 | y:    -5"), "{text}");
        assert!(text.contains("  |       ^^"), "{text}");
        assert!(text.ends_with("1 fout, geen waarschuwingen\n"), "{text}");
    }
}
