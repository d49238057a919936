//! Dutch formatting for everything people read: `€ 1.234.567,89`, `1 juli 2027`, `12,5%`.
//! Typst does not localise numbers or month names, so the view model carries these strings.

use crate::model::Money;
use jiff::civil::Date;
use rust_decimal::{Decimal, RoundingStrategy};

const MONTHS: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];

/// Groups the digits of a non-negative integer string with points: `1234567` → `1.234.567`.
fn group(int: &str) -> String {
    let mut out = String::with_capacity(int.len() + int.len() / 3);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// A decimal with `places` decimals, Dutch separators, and a minus sign when negative.
pub fn number(d: Decimal, places: u32) -> String {
    let r = d.round_dp_with_strategy(places, RoundingStrategy::MidpointAwayFromZero);
    let neg = r.is_sign_negative() && !r.is_zero();
    let s = r.abs().to_string();
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    let mut out = String::new();
    if neg {
        out.push('-');
    }
    out.push_str(&group(int));
    if places > 0 {
        out.push(',');
        let mut f = frac.to_string();
        while f.len() < places as usize {
            f.push('0');
        }
        out.push_str(&f[..places as usize]);
    }
    out
}

/// Euros exact to the cent: `€ 1.234.567,89`; whole amounts without cents: `€ 1.234.567`;
/// negative amounts the Dutch way, the sign after the euro sign: `€ -500.000`.
pub fn eur(d: Decimal) -> String {
    let places = if d.fract().is_zero() { 0 } else { 2 };
    format!("€ {}", number(d, places))
}

/// Euros always with cents: `€ 1.234.567,00`, `€ -0,01`.
pub fn eur_cents(d: Decimal) -> String {
    format!("€ {}", number(d, 2))
}

/// Millions of euros with one decimal, for key figures beside an exact amount: `€ 59,3 mln`.
pub fn mln(d: Decimal) -> String {
    format!("€ {} mln", number(d / Decimal::from(1_000_000), 1))
}

/// Money as `€ …`.
pub fn money(m: Money) -> String {
    eur(m.decimal())
}

/// A percentage with one decimal: `12,5%`.
pub fn percent(d: Decimal) -> String {
    format!("{}%", number(d, 1))
}

/// A date in words: `1 juli 2027`.
pub fn date(d: Date) -> String {
    format!("{} {} {}", d.day(), MONTHS[(d.month() - 1) as usize], d.year())
}

/// Wraps every line longer than `width` at spaces; lines that start with a space (lists,
/// commands) are kept as written. Used for `uitleg` and the `omloop` filter of the reminder templates.
pub fn wrap(text: &str, width: usize) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if line.starts_with(' ') || line.chars().count() <= width {
            out.push_str(line);
            continue;
        }
        let mut col = 0;
        for word in line.split(' ').filter(|w| !w.is_empty()) {
            let n = word.chars().count();
            if col > 0 && col + 1 + n > width {
                out.push('\n');
                col = 0;
            } else if col > 0 {
                out.push(' ');
                col += 1;
            }
            out.push_str(word);
            col += n;
        }
    }
    out
}

/// A quarter as an ordinal word: "eerste", "tweede", "derde".
pub fn ordinal(k: u8) -> &'static str {
    match k {
        1 => "eerste",
        2 => "tweede",
        _ => "derde",
    }
}

/// An operating system's refusal in Dutch words: "bestand of map bestaat niet" rather than
/// "No such file or directory (os error 2)". The error number stays for a technician.
pub fn io_error(e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    let words = match e.kind() {
        NotFound => "bestand of map bestaat niet",
        PermissionDenied => "geen toegang (rechten)",
        AlreadyExists => "bestaat al",
        NotADirectory => "is geen map",
        IsADirectory => "is een map, geen bestand",
        DirectoryNotEmpty => "map is niet leeg",
        ReadOnlyFilesystem => "het bestandssysteem is alleen-lezen",
        StorageFull => "de schijf is vol",
        QuotaExceeded => "de schijfruimte (quota) is op",
        FileTooLarge => "bestand is te groot",
        InvalidFilename => "ongeldige bestandsnaam",
        InvalidData => "ongeldige inhoud",
        CrossesDevices => "kan niet over schijven heen verplaatsen",
        TimedOut => "duurde te lang",
        Interrupted => "onderbroken",
        UnexpectedEof => "bestand houdt onverwacht op",
        OutOfMemory => "onvoldoende geheugen",
        ResourceBusy | ExecutableFileBusy => "is in gebruik",
        _ => "fout van het besturingssysteem",
    };
    match e.raw_os_error() {
        Some(n) => format!("{words} (systeemfout {n})"),
        None => words.to_string(),
    }
}

/// An error and its causes, outermost first, joined with ": ", each operating-system error in
/// Dutch words (`io_error`).
pub fn error_chain(e: &(dyn std::error::Error + 'static)) -> String {
    let mut parts = Vec::new();
    let mut cur = Some(e);
    while let Some(err) = cur {
        parts.push(match err.downcast_ref::<std::io::Error>() {
            Some(io) => match io.get_ref().and_then(|inner| inner.downcast_ref::<std::io::Error>()) {
                Some(inner) => io_error(inner),
                None if io.get_ref().is_none() => io_error(io),
                None => err.to_string(),
            },
            None => err.to_string(),
        });
        cur = err.source();
    }
    parts.join(": ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn dec(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn euros() {
        assert_eq!(eur(dec("1234567")), "€ 1.234.567");
        assert_eq!(eur(dec("1234567.8")), "€ 1.234.567,80");
        assert_eq!(eur(dec("0")), "€ 0");
        assert_eq!(eur(dec("999")), "€ 999");
        assert_eq!(eur(dec("1000")), "€ 1.000");
        assert_eq!(eur(dec("-2500000")), "€ -2.500.000");
        assert_eq!(eur_cents(dec("12.5")), "€ 12,50");
        assert_eq!(eur_cents(dec("-0.01")), "€ -0,01");
        assert_eq!(mln(dec("59347488.09")), "€ 59,3 mln");
        assert_eq!(mln(dec("-2500000")), "€ -2,5 mln");
        assert_eq!(mln(dec("49999")), "€ 0,0 mln");
    }

    #[test]
    fn dates_and_percentages() {
        assert_eq!(date(Date::constant(2027, 7, 1)), "1 juli 2027");
        assert_eq!(percent(dec("12.345")), "12,3%");
        assert_eq!(percent(dec("-0.04")), "0,0%");
    }

    #[test]
    fn operating_system_errors_are_worded_in_dutch() {
        let e = std::io::Error::from_raw_os_error(2);
        assert_eq!(super::io_error(&e), "bestand of map bestaat niet (systeemfout 2)");
        let chained = std::io::Error::other(std::io::Error::from(std::io::ErrorKind::PermissionDenied));
        assert!(super::error_chain(&chained).contains("geen toegang"), "{}", super::error_chain(&chained));
    }
}
