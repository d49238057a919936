//! YAML text for the scaffolded files: free text always double-quoted with every character
//! that needs it escaped, amounts as plain numbers (at most two decimals), dates `YYYY-MM-DD`
//! — exactly as the contract reads them back.

use rust_decimal::Decimal;

/// Free text as a double-quoted YAML scalar: safe for `:`, `#`, quotes, leading symbols,
/// line breaks and control characters.
pub fn q(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// An amount as a plain YAML number: `1250000`, `1250000.05`, `-85000`.
pub fn amount(d: Decimal) -> String {
    let n = d.normalize();
    if n.scale() == 0 { n.to_string() } else { format!("{:.2}", d.round_dp(2)) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_amounts_read_back_as_written() {
        assert_eq!(q("a \"b\" \\ c: d # e"), r#""a \"b\" \\ c: d # e""#);
        assert_eq!(q("regel\nnieuw\u{7}"), r#""regel\nnieuw\u0007""#);
        assert_eq!(amount(Decimal::new(125_000_000, 2)), "1250000");
        assert_eq!(amount(Decimal::new(125_000_005, 2)), "1250000.05");
        assert_eq!(amount(Decimal::new(125_000_050, 2)), "1250000.50");
        assert_eq!(amount(Decimal::new(-85_000, 0)), "-85000");
        for text in ["gewoon", "met: dubbele punt", "# geen commentaar", "- geen lijst", "'quote'", "ja", "null", "1e3"]
        {
            let back: String = serde_saphyr::from_str(&q(text)).unwrap();
            assert_eq!(back, text);
        }
    }
}
