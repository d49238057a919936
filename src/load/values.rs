//! Judging the form of single values (ids, enums, amounts, dates, years) while lowering raw
//! YAML into model types; each refusal becomes a diagnostic at the value's own place.

use super::raw::{Field, I, Int, S, Shape, Spanned};
use crate::diag::{Diagnostic, Pos, msg};
use crate::model::{At, Money, Year, parse_amount};
use jiff::civil::Date;

/// Lowers every item of an optional list with its place; items that give `None` (already
/// reported) are left out.
pub fn each<R, T>(list: Option<Vec<Spanned<R>>>, mut f: impl FnMut(R, Pos) -> Option<T>) -> Vec<T> {
    list.unwrap_or_default()
        .into_iter()
        .filter_map(|s| {
            let p = pos(&s);
            f(s.value, p)
        })
        .collect()
}

/// The place of a spanned value.
pub fn pos<T>(s: &Spanned<T>) -> Pos {
    s.pos
}

/// Lowering context: the file being lowered and where its findings go.
pub struct Lx<'a> {
    /// Path relative to the data root.
    pub file: &'a str,
    /// Findings.
    pub diags: &'a mut Vec<Diagnostic>,
}

/// Whether an id is of the lowercase kind `[a-z0-9][a-z0-9-]*`.
pub fn is_lower_id(s: &str) -> bool {
    let b = s.as_bytes();
    !b.is_empty()
        && (b[0].is_ascii_lowercase() || b[0].is_ascii_digit())
        && b.iter().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'-')
}

/// Whether an id is of the case-sensitive kind: text without spaces.
pub fn is_text_id(s: &str) -> bool {
    !s.is_empty() && !s.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// Reads a date written exactly as `YYYY-MM-DD`.
pub fn parse_date(s: &str) -> Option<Date> {
    let b = s.as_bytes();
    let shape = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape {
        return None;
    }
    s.parse::<Date>().ok()
}

impl Lx<'_> {
    /// Reports a finding at a place.
    pub fn push(&mut self, d: Diagnostic, at: Pos) {
        self.diags.push(d.at(self.file, at));
    }

    /// A required value: reports it missing at `at` (the enclosing mapping).
    pub fn req_as<T>(&mut self, v: Option<T>, field: &str, at: Pos) -> Option<T> {
        if v.is_none() {
            self.push(msg::missing_field(field), at);
        }
        v
    }

    /// Free text; required text must not be empty.
    pub fn text_as(&mut self, v: Option<S>, field: &str, at: Pos, required: bool) -> Option<String> {
        match v {
            None if required => self.req_as(None, field, at),
            None => None,
            Some(s) if s.value.trim().is_empty() => {
                if required {
                    self.push(msg::empty_value(field), pos(&s));
                }
                None
            }
            Some(s) => Some(s.value),
        }
    }

    /// An id, lowercase (parties, perspectives, …) or case-sensitive text (goals, lines, …).
    pub fn id_as(&mut self, v: Option<S>, field: &str, at: Pos, required: bool, lower: bool) -> Option<At<String>> {
        let s = if required { self.req_as(v, field, at)? } else { v? };
        let ok = if lower { is_lower_id(&s.value) } else { is_text_id(&s.value) };
        if !ok {
            self.push(msg::bad_id(field, &s.value, lower), pos(&s));
            return None;
        }
        Some(At::new(s.value.clone(), pos(&s)))
    }

    /// A value of a closed list.
    pub fn pick_as<E>(
        &mut self,
        v: Option<S>,
        field: &str,
        at: Pos,
        required: bool,
        parse: fn(&str) -> Option<E>,
        allowed: &[&str],
    ) -> Option<At<E>> {
        let s = if required { self.req_as(v, field, at)? } else { v? };
        match parse(&s.value) {
            Some(e) => Some(At::new(e, pos(&s))),
            None => {
                self.push(msg::bad_enum(field, &s.value, allowed), pos(&s));
                None
            }
        }
    }

    /// An amount, exactly as written.
    pub fn money_as(&mut self, v: Option<S>, field: &str, at: Pos, required: bool) -> Option<At<Money>> {
        let s = if required { self.req_as(v, field, at)? } else { v? };
        match parse_amount(&s.value) {
            Ok(m) => Some(At::new(m, pos(&s))),
            Err(e) => {
                self.push(msg::bad_amount(field, &s.value, &e), pos(&s));
                None
            }
        }
    }

    /// A date `YYYY-MM-DD`.
    pub fn date_as(&mut self, v: Option<S>, field: &str, at: Pos, required: bool) -> Option<At<Date>> {
        let s = if required { self.req_as(v, field, at)? } else { v? };
        match parse_date(&s.value) {
            Some(d) => Some(At::new(d, pos(&s))),
            None => {
                self.push(msg::bad_date(field, &s.value), pos(&s));
                None
            }
        }
    }

    /// A year within `from..=to`.
    pub fn year_as(
        &mut self,
        v: Option<I>,
        field: &str,
        at: Pos,
        required: bool,
        from: i64,
        to: i64,
    ) -> Option<At<Year>> {
        let s = if required { self.req_as(v, field, at)? } else { v? };
        let n = self.integer(&s, field)?;
        if n < from || n > to {
            self.push(msg::bad_year(field, n, from, to), pos(&s));
            return None;
        }
        Some(At::new(n as Year, pos(&s)))
    }

    /// A whole number within `from..=to`.
    pub fn number_as(
        &mut self,
        v: Option<I>,
        field: &str,
        at: Pos,
        required: bool,
        from: i64,
        to: i64,
    ) -> Option<At<i64>> {
        let s = if required { self.req_as(v, field, at)? } else { v? };
        let n = self.integer(&s, field)?;
        if n < from || n > to {
            self.push(msg::bad_number(field, n, from, to), pos(&s));
            return None;
        }
        Some(At::new(n, pos(&s)))
    }

    /// A plain integer; anything else in its place (a quoted number too) is reported.
    fn integer(&mut self, s: &I, field: &str) -> Option<i64> {
        match &s.value {
            Int::Plain(n) => Some(*n),
            Int::Not { text, quoted } => {
                self.push(msg::not_an_integer(field, text, *quoted), pos(s));
                None
            }
        }
    }

    /// A list of texts; empty entries are refused.
    pub fn texts_as(&mut self, v: Option<Vec<S>>, field: &str) -> Vec<String> {
        let mut out = Vec::new();
        for s in v.unwrap_or_default() {
            if s.value.trim().is_empty() {
                self.push(msg::empty_value(field), pos(&s));
            } else {
                out.push(s.value);
            }
        }
        out
    }
}

/// The loader's rules for a declared field (`raw::Field`): its key, whether it is required and
/// what it looks like come from the one declaration the JSON Schemas are made from too.
impl Lx<'_> {
    /// A field that must be present when declared required (reported at `at`, the mapping).
    pub fn req<T>(&mut self, v: Option<T>, f: &Field, at: Pos) -> Option<T> {
        if f.spec.required { self.req_as(v, f.name, at) } else { v }
    }

    /// Free text.
    pub fn text(&mut self, v: Option<S>, f: &Field, at: Pos) -> Option<String> {
        debug_assert!(matches!(f.spec.shape, Shape::Text), "{} is no text", f.name);
        self.text_as(v, f.name, at, f.spec.required)
    }

    /// An id: lowercase for `Shape::Id`, case-sensitive text for `Shape::Code`.
    pub fn id(&mut self, v: Option<S>, f: &Field, at: Pos) -> Option<At<String>> {
        let lower = match f.spec.shape {
            Shape::Id => true,
            Shape::Code => false,
            _ => unreachable!("{} is no id", f.name),
        };
        self.id_as(v, f.name, at, f.spec.required, lower)
    }

    /// A value of the field's closed list.
    pub fn pick<E>(&mut self, v: Option<S>, f: &Field, at: Pos, parse: fn(&str) -> Option<E>) -> Option<At<E>> {
        let Shape::Choice(allowed) = f.spec.shape else { unreachable!("{} is no choice", f.name) };
        self.pick_as(v, f.name, at, f.spec.required, parse, allowed)
    }

    /// An amount.
    pub fn money(&mut self, v: Option<S>, f: &Field, at: Pos) -> Option<At<Money>> {
        debug_assert!(matches!(f.spec.shape, Shape::Amount), "{} is no amount", f.name);
        self.money_as(v, f.name, at, f.spec.required)
    }

    /// A signed amount (a wijziging's `mutatie`).
    pub fn signed(&mut self, v: Option<S>, f: &Field, at: Pos) -> Option<At<rust_decimal::Decimal>> {
        debug_assert!(matches!(f.spec.shape, Shape::SignedAmount), "{} is no signed amount", f.name);
        let s = if f.spec.required { self.req_as(v, f.name, at)? } else { v? };
        match crate::model::parse_signed_amount(&s.value) {
            Ok(d) => Some(At::new(d, pos(&s))),
            Err(e) => {
                self.push(msg::bad_amount(f.name, &s.value, &e), pos(&s));
                None
            }
        }
    }

    /// A date.
    pub fn date(&mut self, v: Option<S>, f: &Field, at: Pos) -> Option<At<Date>> {
        debug_assert!(matches!(f.spec.shape, Shape::Date), "{} is no date", f.name);
        self.date_as(v, f.name, at, f.spec.required)
    }

    /// A year within `from..=to` (the range depends on the cycle year, so the caller gives it).
    pub fn year(&mut self, v: Option<I>, f: &Field, at: Pos, from: i64, to: i64) -> Option<At<Year>> {
        debug_assert!(matches!(f.spec.shape, Shape::Year), "{} is no year", f.name);
        self.year_as(v, f.name, at, f.spec.required, from, to)
    }

    /// A whole number within the field's range.
    pub fn number(&mut self, v: Option<I>, f: &Field, at: Pos) -> Option<At<i64>> {
        let Shape::Whole { min, max } = f.spec.shape else { unreachable!("{} is no whole number", f.name) };
        self.number_as(v, f.name, at, f.spec.required, min, max)
    }

    /// A list of texts.
    pub fn texts(&mut self, v: Option<Vec<S>>, f: &Field) -> Vec<String> {
        debug_assert!(matches!(f.spec.shape, Shape::Texts), "{} is no list of texts", f.name);
        self.texts_as(v, f.name)
    }

    /// A list of case-sensitive codes (e.g. the results a line pays for); invalid ones are
    /// reported and left out.
    pub fn codes(&mut self, v: Option<Vec<S>>, f: &Field, at: Pos) -> Vec<At<String>> {
        debug_assert!(matches!(f.spec.shape, Shape::Codes), "{} is no list of codes", f.name);
        v.unwrap_or_default().into_iter().filter_map(|s| self.id_as(Some(s), f.name, at, true, false)).collect()
    }
}

/// The widest range of years accepted anywhere; finer ranges are judged per field.
pub const YEARS: (i64, i64) = (2000, 2100);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_must_be_exact() {
        assert!(parse_date("2025-09-01").is_some());
        assert!(parse_date("2025-9-01").is_none());
        assert!(parse_date("2024-01-31T10:00:00").is_none());
        assert!(parse_date("2025-02-30").is_none());
        assert!(parse_date("2024-02-29").is_some());
        assert!(parse_date(" 2025-09-01").is_none());
    }

    #[test]
    fn ids() {
        assert!(is_lower_id("kadaster-obo"));
        assert!(is_lower_id("2e-lijn"));
        assert!(!is_lower_id("-x"));
        assert!(!is_lower_id("Kadaster"));
        assert!(!is_lower_id("../x"));
        assert!(!is_lower_id("kadaster obo"));
        assert!(!is_lower_id("kadastér"));
        assert!(is_text_id("OL-BEHEER"));
        assert!(!is_text_id("OL BEHEER"));
        assert!(!is_text_id(""));
    }
}
