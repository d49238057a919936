//! Exact money: euros with at most two decimals, read from the YAML text, never via a float.

use rust_decimal::Decimal;
use std::str::FromStr;

/// A non-negative amount in euros, exact to the cent.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Money(Decimal);

impl Money {
    /// Zero euros.
    pub const ZERO: Money = Money(Decimal::ZERO);

    /// Whole euros.
    pub fn from_euros(e: i64) -> Money {
        Money(Decimal::from(e))
    }

    /// Wraps an exact decimal; callers guarantee at most two decimals.
    pub fn from_decimal(d: Decimal) -> Money {
        Money(d)
    }

    /// The exact value.
    pub fn decimal(self) -> Decimal {
        self.0
    }
}

/// Why an amount's text was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AmountError {
    /// Not a plain decimal number at all.
    NotANumber,
    /// Dutch notation such as `1.250.000,00` or `12,50`.
    DutchNotation,
    /// Exponent notation such as `1e6`.
    Exponent,
    /// `.inf`, `.nan` and friends.
    NonFinite,
    /// Digit separators such as `1_000`.
    Underscore,
    /// More decimals than allowed.
    TooManyDecimals(u32),
    /// Below zero (E201, not E003).
    Negative,
    /// Beyond what can be represented exactly.
    TooLarge,
}

/// Reads an amount exactly as written: digits, an optional point and at most two decimals.
/// A leading `+` is accepted (YAML reads it as the same number); anything else is refused
/// with the reason, so the message can say what to write instead.
pub fn parse_amount(text: &str) -> Result<Money, AmountError> {
    let d = parse_plain(text, 2)?;
    Ok(Money(d))
}

/// Reads a signed amount (a wijziging's `mutatie`, contract §11): like an amount, and a leading
/// `-` lowers.
pub fn parse_signed_amount(text: &str) -> Result<Decimal, AmountError> {
    let t = text.trim();
    match t.strip_prefix('-') {
        Some(rest) if !rest.starts_with(['-', '+']) => parse_plain(rest, 2).map(|d| -d),
        _ => parse_plain(t, 2),
    }
}

/// Reads a percentage of a verdeelsleutel: like an amount, with at most four decimals.
pub fn parse_percentage(text: &str) -> Result<Decimal, AmountError> {
    parse_plain(text, 4)
}

fn parse_plain(text: &str, max_decimals: u32) -> Result<Decimal, AmountError> {
    let t = text.trim();
    let lower = t.to_ascii_lowercase();
    let body = lower.strip_prefix('+').unwrap_or(&lower);
    let (negative, body) = match body.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, body),
    };
    if matches!(body, ".inf" | "inf" | ".nan" | "nan" | "infinity") {
        return Err(AmountError::NonFinite);
    }
    if body.contains('_') {
        return Err(AmountError::Underscore);
    }
    if body.contains(',') {
        return Err(AmountError::DutchNotation);
    }
    if body.matches('.').count() > 1 {
        return Err(AmountError::DutchNotation);
    }
    if body.contains('e') && body.chars().all(|c| c.is_ascii_digit() || matches!(c, 'e' | '.' | '+' | '-')) {
        return Err(AmountError::Exponent);
    }
    let (int, frac) = body.split_once('.').unwrap_or((body, ""));
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if int.is_empty() || !digits(int) || !digits(frac) || (body.ends_with('.') && frac.is_empty()) {
        return Err(AmountError::NotANumber);
    }
    // A Dutch thousands point: `1.250` with exactly three decimals reads as a thousand in NL.
    if frac.len() == 3 && max_decimals == 2 && int.len() <= 3 && !int.starts_with('0') {
        return Err(AmountError::DutchNotation);
    }
    let scale = frac.len() as u32;
    if scale > max_decimals {
        return Err(AmountError::TooManyDecimals(scale));
    }
    let d = Decimal::from_str(body).map_err(|_| AmountError::TooLarge)?;
    if int.trim_start_matches('0').len() > 20 {
        return Err(AmountError::TooLarge);
    }
    if negative && !d.is_zero() {
        return Err(AmountError::Negative);
    }
    Ok(d.abs())
}

impl std::ops::Add for Money {
    type Output = Money;
    /// Sums of realistic budgets stay far below Decimal's 28 digits; overflow would be a bug.
    fn add(self, o: Money) -> Money {
        Money(self.0.checked_add(o.0).expect("money sum within Decimal range"))
    }
}

impl std::iter::Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        iter.fold(Money::ZERO, |a, b| a + b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(s: &str) -> String {
        parse_amount(s).unwrap().decimal().to_string()
    }

    #[test]
    fn plain_amounts() {
        assert_eq!(ok("1250000"), "1250000");
        assert_eq!(ok("1250000.5"), "1250000.5");
        assert_eq!(ok("1250000.50"), "1250000.50");
        assert_eq!(ok("0"), "0");
        assert_eq!(ok("+5"), "5");
        assert_eq!(ok("12345678901234567.89"), "12345678901234567.89");
    }

    #[test]
    fn refused_amounts() {
        assert_eq!(parse_amount("1.250.000,00"), Err(AmountError::DutchNotation));
        assert_eq!(parse_amount("12,50"), Err(AmountError::DutchNotation));
        assert_eq!(parse_amount("1.250"), Err(AmountError::DutchNotation));
        assert_eq!(parse_amount("1e3"), Err(AmountError::Exponent));
        assert_eq!(parse_amount("1.5E+3"), Err(AmountError::Exponent));
        assert_eq!(parse_amount(".inf"), Err(AmountError::NonFinite));
        assert_eq!(parse_amount("-.inf"), Err(AmountError::NonFinite));
        assert_eq!(parse_amount(".NaN"), Err(AmountError::NonFinite));
        assert_eq!(parse_amount("1_000"), Err(AmountError::Underscore));
        assert_eq!(parse_amount("1.255"), Err(AmountError::DutchNotation));
        assert_eq!(parse_amount("10.255"), Err(AmountError::DutchNotation));
        assert_eq!(parse_amount("1000.255"), Err(AmountError::TooManyDecimals(3)));
        assert_eq!(parse_amount("-5"), Err(AmountError::Negative));
        assert_eq!(parse_amount("abc"), Err(AmountError::NotANumber));
        assert_eq!(parse_amount(""), Err(AmountError::NotANumber));
        assert_eq!(parse_amount("0x10"), Err(AmountError::NotANumber));
        assert_eq!(parse_amount("5."), Err(AmountError::NotANumber));
        assert_eq!(parse_amount("99999999999999999999999999999999"), Err(AmountError::TooLarge));
    }

    #[test]
    fn percentages_take_four_decimals() {
        assert_eq!(parse_percentage("33.3333").unwrap().to_string(), "33.3333");
        assert_eq!(parse_percentage("33.33333"), Err(AmountError::TooManyDecimals(5)));
    }
}
