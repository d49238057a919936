//! Parsing one file's text with serde-saphyr under strict options, and mapping its errors to
//! the contract's codes (E001 syntax, E002 unknown field, E003 type, E004 duplicate key, E005 budget).

use crate::diag::{Diagnostic, Pos, msg};
use serde::de::DeserializeOwned;
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
        b.max_depth = 64;
        b.max_events = 2_000_000;
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
    serde_saphyr::from_str_with_options::<T>(text, options()).map_err(|e| Box::new(map_error(&e)))
}

fn map_error(e: &Error) -> Diagnostic {
    let pos =
        e.location().map(|l| Pos::new(l.line() as u32, l.column() as u32)).filter(|p| p.line > 0).unwrap_or(Pos::START);
    let inner = e.without_snippet();
    let d = match inner {
        Error::SerdeUnknownField { field, expected, .. } => msg::unknown_field(field, &expected.join(", ")),
        Error::SerdeMissingField { field, .. } => msg::missing_field(field),
        Error::DuplicateMappingKey { key, .. } => msg::duplicate_key(key.as_deref().unwrap_or("?")),
        Error::Budget { .. }
        | Error::AliasReplayCounterOverflow { .. }
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
    use crate::load::raw::RawRealisatie;

    fn err(text: &str) -> Diagnostic {
        *parse::<RawRealisatie>(text).unwrap_err()
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
}
