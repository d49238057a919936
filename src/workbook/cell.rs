//! One cell of a workbook as the contract reads it: the value a field's shape allows, or a
//! coded finding that says what the cell holds and what to do. Amounts are exact: a number is
//! accepted only when it is a whole number of cents — the double nearest to one, or within half
//! a millionth of a cent of one (what a sum of cents in a spreadsheet gives) — never rounded
//! silently; text is handed to the loader as text, so Dutch notation gets the loader's own hint.

use super::values::Val;
use crate::diag::{Diagnostic, msg};
use crate::load::raw::Shape;
use jiff::civil::Date;
use rust_decimal::Decimal;

/// What a cell holds, as read from the workbook.
#[derive(Clone, Debug, PartialEq)]
pub enum Raw {
    /// Text.
    Text(String),
    /// A whole number.
    Int(i64),
    /// A number.
    Float(f64),
    /// `WAAR` / `ONWAAR`.
    Bool(bool),
    /// A date or time as Excel stores it: year, month, day and whether a time of day is set;
    /// `None` when the serial number is no date.
    Date(Option<(i16, i8, i8)>, bool),
    /// A date or time written as ISO text (e.g. by other spreadsheet programs).
    DateIso(String),
    /// A duration.
    Duration,
    /// An error value such as `#DEEL/0!`.
    Error(String),
}

/// A cell: its value and the formula that computed it, if any.
#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    /// The value (for a formula: its stored result); `None` when empty.
    pub raw: Option<Raw>,
    /// The formula, without `=`.
    pub formula: Option<String>,
}

impl Cell {
    /// The cell as text, for headers and labels (`None` when it is no text).
    pub fn text(&self) -> Option<&str> {
        match &self.raw {
            Some(Raw::Text(t)) => Some(t.trim()),
            _ => None,
        }
    }

    /// Whether the cell holds nothing (blank text counts as nothing; a formula never does).
    pub fn is_blank(&self) -> bool {
        self.formula.is_none() && self.value_blank()
    }

    fn value_blank(&self) -> bool {
        match &self.raw {
            None => true,
            Some(Raw::Text(t)) => t.trim().is_empty(),
            _ => false,
        }
    }
}

/// An amount in cents from a stored number, when it is a whole number of cents.
pub fn whole_cents(v: f64) -> Option<Decimal> {
    // Beyond 10^13 euro a double no longer tells cents apart.
    if !v.is_finite() || v.abs() >= 1e13 {
        return None;
    }
    let c = v * 100.0;
    let n = c.round();
    ((c - n).abs() <= 0.5e-6 || n / 100.0 == v).then(|| Decimal::new(n as i64, 2))
}

fn integral(v: f64) -> Option<i64> {
    (v.is_finite() && v.fract() == 0.0 && v.abs() < 9e15).then_some(v as i64)
}

fn number_text(v: f64) -> String {
    format!("{v}")
}

const TEXT_HINT: &str = "typ de waarde als tekst: zet de cel op tekstnotatie of begin met een apostrof ('99,5%)";

/// The value of a cell for a field of this shape; `Ok(None)` for an empty cell.
pub fn value(field: &str, shape: Shape, cell: &Cell) -> Result<Option<Val>, Box<Diagnostic>> {
    if cell.is_blank() {
        return Ok(None);
    }
    let (Some(raw), false) = (&cell.raw, cell.value_blank()) else {
        return Err(Box::new(msg::formula_without_value(field, cell.formula.as_deref().unwrap_or(""))));
    };
    let kind = |found: &str, hint: &str| Err(Box::new(msg::cell_kind(field, found, hint)));
    match raw {
        Raw::Error(e) => {
            return kind(&format!("de cel bevat de foutwaarde {e}"), "herstel de formule of typ de waarde");
        }
        Raw::Bool(b) => {
            let w = if *b { "WAAR" } else { "ONWAAR" };
            return kind(&format!("de cel bevat de waarheidswaarde {w}"), "typ de waarde die het contract vraagt");
        }
        Raw::Duration => return kind("de cel bevat een tijdsduur", "typ de waarde die het contract vraagt"),
        _ => {}
    }
    match shape {
        Shape::Amount | Shape::SignedAmount => match raw {
            Raw::Int(n) => Ok(Some(Val::Amount(Decimal::from(*n)))),
            Raw::Float(v) => match whole_cents(*v) {
                Some(d) => Ok(Some(Val::Amount(d))),
                None => Err(Box::new(msg::not_whole_cents(field, *v))),
            },
            Raw::Text(t) => Ok(Some(Val::Text(t.trim().to_string()))),
            _ => kind("een datum waar een bedrag hoort", "typ het bedrag in euro's, bijvoorbeeld 1250000,50"),
        },
        Shape::Date => match raw {
            Raw::Date(Some((y, m, d)), false) => match Date::new(*y, *m, *d) {
                Ok(date) => Ok(Some(Val::Date(date))),
                Err(_) => kind("de cel bevat geen geldige datum", "typ de datum als JJJJ-MM-DD"),
            },
            Raw::Date(_, _) => {
                kind("een tijdstip of ongeldige datum waar een datum hoort", "typ alleen de datum, JJJJ-MM-DD")
            }
            Raw::DateIso(t) => {
                let day = t.strip_suffix("T00:00:00").unwrap_or(t);
                Ok(Some(Val::Text(day.to_string())))
            }
            Raw::Text(t) => Ok(Some(Val::Text(t.trim().to_string()))),
            Raw::Int(_) | Raw::Float(_) => kind(
                &format!("een getal ({}) waar een datum hoort; dat lijkt een Excel-datumnummer", number_of(raw)),
                "geef de cel de datumnotatie, of typ de datum als JJJJ-MM-DD",
            ),
            _ => unreachable!("handled above"),
        },
        Shape::Year | Shape::Whole { .. } => match raw {
            Raw::Int(n) => Ok(Some(Val::Int(*n))),
            Raw::Float(v) => match integral(*v) {
                Some(n) => Ok(Some(Val::Int(n))),
                None => kind(&format!("{} is geen geheel getal", number_text(*v)), "typ een geheel getal, bijv. 2027"),
            },
            Raw::Text(t)
                if !t.trim().is_empty() && t.trim().bytes().all(|b| b.is_ascii_digit()) && t.trim().len() <= 9 =>
            {
                Ok(Some(Val::Int(t.trim().parse().expect("digits"))))
            }
            Raw::Text(t) => Ok(Some(Val::Text(t.trim().to_string()))),
            _ => kind("een datum waar een jaar of getal hoort", "typ het jaar als getal, bijv. 2027"),
        },
        Shape::Texts | Shape::Codes => {
            let sep = if matches!(shape, Shape::Codes) { ',' } else { '\n' };
            match raw {
                Raw::Text(t) => Ok(Some(Val::List(
                    t.split(sep)
                        .map(|s| s.trim().trim_end_matches('\r').trim())
                        .filter(|s| !s.is_empty())
                        .map(String::from)
                        .collect(),
                ))),
                Raw::Int(n) => Ok(Some(Val::List(vec![n.to_string()]))),
                _ => kind("geen tekst", TEXT_HINT),
            }
        }
        _ => match raw {
            Raw::Text(t) => Ok(Some(Val::Text(t.clone()))),
            Raw::Int(n) => Ok(Some(Val::Text(n.to_string()))),
            Raw::Float(v) => match integral(*v) {
                Some(n) => Ok(Some(Val::Text(n.to_string()))),
                None => kind(&format!("een getal ({}) waar tekst hoort", number_text(*v)), TEXT_HINT),
            },
            Raw::DateIso(t) => Ok(Some(Val::Text(t.clone()))),
            _ => kind("een datum waar tekst hoort", TEXT_HINT),
        },
    }
}

fn number_of(raw: &Raw) -> String {
    match raw {
        Raw::Int(n) => n.to_string(),
        Raw::Float(v) => number_text(*v),
        _ => String::new(),
    }
}
