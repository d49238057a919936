//! Small formatting helpers of the view: names from ids, rows of amounts, chart fractions,
//! Dutch enumerations and counts.

use crate::model::{Money, Year};
use crate::nl;
use crate::rollup::Years;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde::Serialize;

/// Amounts per year column and their total, formatted.
#[derive(Clone, Debug, Serialize)]
pub struct Bedragen {
    /// One amount per year column.
    pub bedragen: Vec<String>,
    /// Their sum.
    pub totaal: String,
}

/// Formats a row over the year columns `jaren`.
pub fn row(years: &Years, jaren: &[Year]) -> Bedragen {
    let amounts: Vec<Money> = jaren.iter().map(|j| years.get(j).copied().unwrap_or_default()).collect();
    Bedragen { bedragen: amounts.iter().map(|m| nl::money(*m)).collect(), totaal: nl::money(amounts.into_iter().sum()) }
}

/// `value / max`, exact, rounded to 4 decimals, then a float for drawing; 0 when `max` ≤ 0.
pub fn fractie(value: Decimal, max: Decimal) -> f64 {
    if max <= Decimal::ZERO {
        return 0.0;
    }
    value.checked_div(max).map(|f| f.round_dp(4)).and_then(|f| f.to_f64()).unwrap_or(0.0)
}

/// A percentage of a verdeelsleutel as written: `19%`, `72,5%`, `33,3333%`.
pub fn key_percent(p: Decimal) -> String {
    let n = p.normalize();
    format!("{}%", nl::number(n, n.scale()))
}

/// `a`, `a en b`, `a, b en c`.
pub fn join(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} en {last}", init.join(", ")),
    }
}

/// `A`, `B`, … `Z`, then `27`, `28`, … (alternatives, appendices).
pub fn letter(i: usize) -> String {
    if i < 26 { char::from(b'A' + i as u8).to_string() } else { (i + 1).to_string() }
}

/// `1 dag`, `3 dagen` and the like.
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// `2026`, `2027 en 2028`, `2028 tot en met 2030`.
pub fn years_words(ys: &[Year]) -> String {
    match ys {
        [] => String::new(),
        [one] => one.to_string(),
        [a, b] => format!("{a} en {b}"),
        [first, .., last] if ys.windows(2).all(|w| w[1] == w[0] + 1) => format!("{first} tot en met {last}"),
        _ => join(&ys.iter().map(|y| y.to_string()).collect::<Vec<_>>()),
    }
}
