//! Generator, YAML text: quoting free text, writing amounts and dates exactly as the contract
//! reads them (plain numbers, at most two decimals, `YYYY-MM-DD`).

use jiff::civil::Date;

/// Free text as a double-quoted YAML scalar (safe for `:`, `#`, quotes and leading symbols).
pub fn q(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            _ => out.push(c),
        }
    }
    out.push('"');
    out
}

/// An amount in cents as a plain YAML number: `1250000` or `1250000.05`.
pub fn cents(c: i64) -> String {
    debug_assert!(c >= 0, "amounts are never negative");
    if c % 100 == 0 { format!("{}", c / 100) } else { format!("{}.{:02}", c / 100, c % 100) }
}

/// A date as `YYYY-MM-DD`.
pub fn date(d: Date) -> String {
    d.strftime("%Y-%m-%d").to_string()
}

/// A date in the contract's form from its parts (parts are always valid here).
pub fn ymd(y: i32, m: i8, d: i8) -> Date {
    Date::new(y as i16, m, d).expect("generator dates are valid")
}

/// `d` shifted by `days` (negative: earlier).
pub fn shift(d: Date, days: i64) -> Date {
    d.checked_add(jiff::Span::new().days(days)).expect("generator dates stay in range")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_and_quotes() {
        assert_eq!(cents(125_000_000), "1250000");
        assert_eq!(cents(125_000_005), "1250000.05");
        assert_eq!(q(r#"a "b" \ c: d"#), r#""a \"b\" \\ c: d""#);
        assert_eq!(date(shift(ymd(2025, 3, 1), -1)), "2025-02-28");
    }
}
