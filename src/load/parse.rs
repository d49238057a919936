//! Parsing one file's text with serde-saphyr under strict options, and mapping its errors to
//! the contract's codes (E001 syntax, E002 unknown field, E003 type, E004 duplicate key, E005 budget).

use crate::diag::{Diagnostic, Pos, msg};
use serde::de::DeserializeOwned;
use serde_saphyr::budget::BudgetBreach;
use serde_saphyr::{Error, Options};

/// Strict options: duplicate keys refused, `yes`/`no` are not booleans, no merge keys,
/// alias and depth budgets on (the library's defaults, tightened for hand-written files).
fn options() -> Options {
    let mut o = serde_saphyr::options! {
        strict_booleans: true,
        merge_keys: serde_saphyr::options::MergeKeyPolicy::Error,
    };
    if let Some(b) = o.budget.as_mut() {
        b.max_aliases = 1_000;
        b.max_anchors = 1_000;
        b.max_depth = MAX_DEPTH;
        b.max_events = MAX_EVENTS;
        b.max_nodes = MAX_NODES;
    }
    o.alias_limits.max_total_replayed_events = 100_000;
    o.alias_limits.max_alias_expansions_per_anchor = 100;
    o.with_snippet = false;
    // Comments are never read into the model; not collecting them saves ~10 % of parsing.
    o.emit_comments = false;
    o
}

/// Parses `text` into a raw type, or reports the one structural problem that stops this file.
/// Plain files take the fast path (`super::fast`); anything it does not take is read by
/// serde-saphyr, which also reports every problem.
pub fn parse<T: DeserializeOwned>(text: &str) -> Result<T, Box<Diagnostic>> {
    if let Some(v) = super::fast::parse(text) {
        return Ok(v);
    }
    parse_full(text)
}

/// Reads `text` with serde-saphyr only (the reference the fast path is tested against).
pub fn parse_full<T: DeserializeOwned>(text: &str) -> Result<T, Box<Diagnostic>> {
    serde_saphyr::from_str_with_options::<T>(text, options()).map_err(|e| {
        let d = map_error(&e);
        Box::new(d.pos.and_then(|p| flow_comma_amount(text, p)).unwrap_or(d))
    })
}

/// A Dutch amount cut in two by flow style: in `{2027: 1.450.000,00}` the comma ends the value,
/// so the parser stumbles over `00` as the next key. When the problem it reports lies in such a
/// place, the finding names the amount itself, at its own column, as the editor does.
fn flow_comma_amount(text: &str, at: Pos) -> Option<Diagnostic> {
    let line: Vec<char> = text.lines().nth(at.line.checked_sub(1)? as usize)?.chars().collect();
    let at_col = at.column as usize;
    let mut i = 0;
    while i < line.len() {
        let start = i;
        while i < line.len() && (line[i].is_ascii_digit() || line[i] == '.') {
            i += 1;
        }
        let amount_end = i;
        let follows_value = start > 0 && line[..start].iter().rev().find(|c| **c != ' ').is_some_and(|c| *c == ':');
        if amount_end > start && follows_value && line.get(i) == Some(&',') {
            let mut j = i + 1;
            while line.get(j) == Some(&' ') {
                j += 1;
            }
            let cents = j;
            while line.get(j).is_some_and(char::is_ascii_digit) {
                j += 1;
            }
            let whole: String = line[start..amount_end].iter().collect();
            let grouped = whole.split('.').skip(1).all(|g| g.len() == 3) && whole.contains('.');
            let is_cents = (1..=2).contains(&(j - cents)) && !whole.contains('.');
            if j > cents && (grouped || is_cents) && (start + 1..=j + 1).contains(&at_col) {
                let written: String = line[start..j].iter().collect();
                return Some(msg::flow_comma_amount(&written).in_file("").at_pos(Pos::new(at.line, start as u32 + 1)));
            }
        }
        i = amount_end.max(start + 1);
    }
    None
}

fn map_error(e: &Error) -> Diagnostic {
    let pos =
        e.location().map(|l| Pos::new(l.line() as u32, l.column() as u32)).filter(|p| p.line > 0).unwrap_or(Pos::START);
    let inner = e.without_snippet();
    let d = match inner {
        Error::SerdeUnknownField { field, expected, .. } => msg::unknown_field(field, &expected.join(", ")),
        Error::SerdeMissingField { field, .. } => msg::missing_field(field),
        Error::DuplicateMappingKey { key, .. } => msg::duplicate_key(key.as_deref().unwrap_or("?")),
        Error::Budget { breach, .. } => budget_breached(breach),
        Error::AliasReplayCounterOverflow { .. }
        | Error::AliasReplayLimitExceeded { .. }
        | Error::AliasExpansionLimitExceeded { .. }
        | Error::AliasReplayStackDepthExceeded { .. } => {
            msg::unreadable(&format!("grens voor aliassen of nesting overschreden ({})", plain(inner)))
        }
        Error::SerdeInvalidType { unexpected, expected, .. } => {
            msg::wrong_type(&format!("{} gevonden, {} verwacht", dutch(unexpected), dutch(expected)))
        }
        Error::SerdeInvalidValue { .. }
        | Error::SerdeInvalidLength { .. }
        | Error::InvalidScalar { .. }
        | Error::NonFiniteFloat { .. } => msg::wrong_type(&plain(inner)),
        Error::Unexpected { expected, .. } => msg::wrong_type(&format!("{} verwacht", dutch(expected))),
        Error::InvalidBooleanStrict { .. } => {
            msg::wrong_type("alleen `true` of `false` is een geldige waarde (geen yes/no/on/off)")
        }
        Error::NullIntoString { .. } => msg::wrong_type("lege waarde (null) waar tekst verwacht wordt"),
        Error::MergeKeyNotAllowed { .. } => {
            msg::wrong_type("samenvoegsleutels (`<<`) worden niet ondersteund; schrijf de velden uit")
        }
        Error::UnknownAnchor { .. } => msg::syntax("verwijzing naar een onbekend anker"),
        Error::MultipleDocuments { .. } => msg::syntax("meer dan één YAML-document (`---`) in dit bestand"),
        Error::IOError { .. } => msg::unreadable(&plain(inner)),
        // The parser's own nesting ceiling (deeper than the budget's `max_depth` can see).
        Error::ExternalMessage { msg: m, .. } if m.contains("recursion limit exceeded") => {
            msg::unreadable(&format!("grens voor nesting overschreden ({m})"))
        }
        _ => msg::syntax(&plain(inner)),
    };
    d.in_file("").at_pos(pos)
}

/// The most YAML nodes (lists, mappings and single values) one file may hold.
pub const MAX_NODES: usize = 250_000;
/// The most parser events one file may produce.
const MAX_EVENTS: usize = 2_000_000;
/// The deepest nesting of lists and mappings.
const MAX_DEPTH: usize = 64;

/// Roughly how many budget lines fit within [`MAX_NODES`]: a line with every field and four
/// years takes 26 nodes, a bare one with one year 15 (measured by the test below).
const LINES_WITHIN_NODES: &str = "9.600 tot 16.600";

/// A breached budget of the YAML reader, in Dutch: what was counted, and the limit.
fn budget_breached(b: &BudgetBreach) -> Diagnostic {
    let more_than = |n: usize, what: &str| format!("meer dan {} {what}", crate::nl::number(n.into(), 0));
    let (reason, hint) = match b {
        BudgetBreach::Nodes { .. } => (
            format!(
                "{} (lijsten, mappings en waarden) in één bestand; dat zijn ruwweg {LINES_WITHIN_NODES} \
                 begrotingsregels",
                more_than(MAX_NODES, "YAML-knopen")
            ),
            "voeg regels samen (bijvoorbeeld per component, feature en kostensoort); de detail hoort in de eigen \
             administratie",
        ),
        BudgetBreach::Events { .. } => (more_than(MAX_EVENTS, "YAML-gebeurtenissen in één bestand"), SMALLER),
        BudgetBreach::Depth { .. } => (format!("grens voor nesting overschreden ({MAX_DEPTH} niveaus)"), SMALLER),
        BudgetBreach::Aliases { .. } | BudgetBreach::Anchors { .. } | BudgetBreach::AliasAnchorRatio { .. } => {
            ("grens voor aliassen overschreden".into(), "schrijf de waarden uit in plaats van ankers en aliassen")
        }
        BudgetBreach::Documents { .. } => ("meer dan één YAML-document (`---`) in dit bestand".into(), SMALLER),
        _ => ("grens van de YAML-lezer overschreden".into(), SMALLER),
    };
    msg::unreadable(&reason).hint(hint)
}

/// The hint for a file beyond the reader's limits.
const SMALLER: &str = "maak het bestand kleiner en eenvoudiger";

fn plain(e: &Error) -> String {
    let s = e.to_string();
    // The library appends " at line L, column C"; the place is shown separately.
    match s.rfind(" at line ") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

/// Translates serde's type names in messages to Dutch.
fn dutch(s: &str) -> String {
    let mut out = s.to_string();
    for (en, nl) in [
        ("sequence start", "een lijst"),
        ("mapping start", "een mapping"),
        ("string scalar", "een enkele waarde"),
        ("a sequence", "een lijst"),
        ("sequence", "een lijst"),
        ("a mapping", "een mapping"),
        ("map", "een mapping"),
        ("struct", "een mapping"),
        ("a string", "tekst"),
        ("string", "tekst"),
        ("i64", "een geheel getal"),
        ("integer", "een geheel getal"),
        ("a boolean", "true of false"),
        ("boolean", "true of false"),
        ("floating point", "een kommagetal"),
    ] {
        if out.contains(en) {
            out = out.replace(en, nl);
            break;
        }
    }
    out
}

trait AtPos {
    fn at_pos(self, pos: Pos) -> Diagnostic;
}

impl AtPos for Diagnostic {
    fn at_pos(mut self, pos: Pos) -> Diagnostic {
        self.file = None;
        self.pos = Some(pos);
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Code;
    use crate::load::raw::{RawBegroting, RawRealisatie};

    fn err(text: &str) -> Diagnostic {
        *parse::<RawRealisatie>(text).unwrap_err()
    }

    /// The fast path stays below the full parser's node budget, so that near the budget the
    /// full parser (and its E005) decides.
    #[test]
    fn fast_path_cap_is_below_the_budget() {
        assert_eq!(MAX_NODES - crate::load::fast::MAX_NODES, 10_000);
    }

    #[test]
    fn structural_errors_map_to_codes() {
        assert_eq!(err("regels: [\n").code, Code::E001);
        let d = err("organisatie: x\nfoo: 1\n");
        assert_eq!((d.code, d.pos), (Code::E002, Some(Pos::new(2, 1))));
        assert_eq!(err("organisatie: x\norganisatie: y\n").code, Code::E004);
        assert_eq!(err("regels: {a: 1}\n").code, Code::E003);
        assert_eq!(err("- a\n").code, Code::E003);
        assert_eq!(err("a: &a [1,2]\nb: *a\n").code, Code::E002);
    }

    /// A Dutch amount in flow style is named at its own column, not at the `00` the parser
    /// stumbled over after the comma.
    #[test]
    fn a_dutch_amount_cut_by_a_flow_comma_is_named_where_it_starts() {
        let text = "organisatie: obo-a\njaar: 2027\nstatus: concept\nregels:\n  - id: L1\n    omschrijving: x\n    beleidsdoel: b\n    component: c\n    kostensoort: overig\n    bedragen: {2027: 1.450.000,00}\n";
        let d = *parse::<RawBegroting>(text).unwrap_err();
        assert_eq!((d.code, d.pos), (Code::E003, Some(Pos::new(10, 22))), "{d:?}");
        assert!(d.message.contains("`1.450.000,00`"), "{d:?}");
        let d = *parse::<RawBegroting>(&text.replace("1.450.000,00", "1450000,5")).unwrap_err();
        assert_eq!(d.pos, Some(Pos::new(10, 22)), "{d:?}");
        assert!(d.message.contains("`1450000,5`"), "{d:?}");
        // Two amounts in one flow mapping without a Dutch comma: no such finding.
        assert!(flow_comma_amount("bedragen: {2027: 1, 2028: 2}", Pos::new(1, 27)).is_none());
    }

    #[test]
    fn alias_bomb_is_refused() {
        let mut s = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..12 {
            s.push_str(&format!(
                "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n",
                p = i - 1
            ));
        }
        let d = err(&s);
        assert!(matches!(d.code, Code::E005 | Code::E002), "{d:?}");
    }

    /// A begroting of `n` lines: `full` with every field and four years (26 nodes a line),
    /// else bare with one year (15).
    fn begroting(n: usize, full: bool) -> String {
        let mut s =
            String::from("organisatie: obo-a\njaar: 2027\nstatus: concept\ningediend_op: 2026-08-28\nregels:\n");
        for i in 0..n {
            s.push_str(&format!("  - id: L{i}\n    omschrijving: regel {i}\n    beleidsdoel: beheer\n"));
            s.push_str("    component: viewer\n    kostensoort: overig\n");
            if full {
                s.push_str("    feature: f\n    resultaten: [R1]\n");
                s.push_str("    bedragen: {2027: 1, 2028: 2, 2029: 3, 2030: 4}\n");
            } else {
                s.push_str("    bedragen: {2027: 1}\n");
            }
        }
        s
    }

    /// The node budget, in Dutch with the limit and the number of lines it allows; and that
    /// number measured at both ends.
    #[test]
    fn the_node_budget_is_stated_in_dutch_with_the_lines_it_allows() {
        let fits = |n, full| parse::<RawBegroting>(&begroting(n, full)).is_ok();
        assert!(fits(9_600, true) && !fits(9_700, true));
        assert!(fits(16_600, false) && !fits(16_700, false));
        let d = *parse::<RawBegroting>(&begroting(9_700, true)).unwrap_err();
        assert_eq!(d.code, Code::E005);
        let text = &d.message;
        assert!(text.contains("meer dan 250.000 YAML-knopen"), "{text}");
        assert!(text.contains("ruwweg 9.600 tot 16.600 begrotingsregels"), "{text}");
        assert!(!text.contains("budget") && !text.contains("Nodes"), "{text}");
    }
}
