//! Write stage, tables: renders the controllers' tables (`crate::table`) as CSV (Dutch Excel convention) and as
//! XLSX workbooks, both byte-for-byte deterministic.

use super::excel::{Formats, to_f64, workbook};
use crate::table::{Cell, Table};
use anyhow::Context;
use rust_decimal::{Decimal, RoundingStrategy};
use rust_xlsxwriter::Worksheet;

/// Percentages are shown with at most this many decimals (a verdeelsleutel has at most 4).
const PERCENT_DECIMALS: u32 = 4;

/// Renders `table` as CSV for Dutch Excel: `;` separator, decimal comma, no thousands
/// separator, UTF-8 with BOM, CRLF line ends, RFC 4180 quoting. Written field by field into
/// one buffer (no string per field or record).
pub fn csv(table: &Table) -> Vec<u8> {
    let mut out = Vec::with_capacity(64 * (table.rows.len() + 1));
    out.extend_from_slice("\u{feff}".as_bytes());
    for (i, h) in table.headers.iter().enumerate() {
        if i > 0 {
            out.push(b';');
        }
        push_quoted(&mut out, h);
    }
    out.extend_from_slice(b"\r\n");
    for row in &table.rows {
        for (i, cell) in row.iter().enumerate() {
            if i > 0 {
                out.push(b';');
            }
            push_field(&mut out, cell);
        }
        out.extend_from_slice(b"\r\n");
    }
    out
}

fn push_field(out: &mut Vec<u8>, cell: &Cell) {
    use std::io::Write;
    match cell {
        Cell::Text(text) => push_quoted(out, text),
        Cell::Money(amount) => push_decimal_comma(out, money(*amount)),
        Cell::Int(n) => {
            let _ = write!(out, "{n}");
        }
        // With the `%` sign Dutch Excel reads the cell as the number 0,125 shown as a percentage.
        Cell::Percent(p) => {
            push_decimal_comma(out, percent(*p));
            out.push(b'%');
        }
        Cell::Empty => {}
    }
}

/// A decimal with a comma for the point.
fn push_decimal_comma(out: &mut Vec<u8>, d: Decimal) {
    use std::io::Write;
    let start = out.len();
    let _ = write!(out, "{d}");
    if let Some(dot) = out[start..].iter().position(|&b| b == b'.') {
        out[start + dot] = b',';
    }
}

/// RFC 4180: a field with the separator, a quote or a line break is quoted, quotes doubled.
fn push_quoted(out: &mut Vec<u8>, text: &str) {
    if text.contains([';', '"', '\n', '\r']) {
        out.push(b'"');
        out.extend_from_slice(text.replace('"', "\"\"").as_bytes());
        out.push(b'"');
    } else {
        out.extend_from_slice(text.as_bytes());
    }
}

#[cfg(test)]
fn csv_field(cell: &Cell) -> String {
    let mut out = Vec::new();
    push_field(&mut out, cell);
    String::from_utf8(out).unwrap()
}

/// An amount rounded to whole cents (half away from zero) and always shown with two decimals.
fn money(amount: Decimal) -> Decimal {
    let mut cents = amount.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    cents.rescale(2);
    cents
}

/// A percentage rounded to `PERCENT_DECIMALS` without trailing zeros.
fn percent(p: Decimal) -> Decimal {
    p.round_dp_with_strategy(PERCENT_DECIMALS, RoundingStrategy::MidpointAwayFromZero).normalize()
}

/// Renders `tables` as one workbook, one sheet per table: bold frozen header row, amounts as
/// numbers in euro format, percentages as percentages. Each sheet is written in
/// rust_xlsxwriter's constant-memory mode (rows streamed to a temporary file, strings inline),
/// with three formats for the whole workbook and column widths computed from the text.
pub fn xlsx(tables: &[Table]) -> anyhow::Result<Vec<u8>> {
    let mut workbook = workbook()?;
    let formats = Formats::new();
    for table in tables {
        let sheet = workbook.add_worksheet_with_constant_memory().context("kan geen werkblad toevoegen")?;
        fill_sheet(sheet, table, &formats).with_context(|| format!("kan het werkblad `{}` niet maken", table.name))?;
    }
    workbook.save_to_buffer().context("kan de werkmap niet opslaan")
}

/// The widest a column gets, in characters.
const MAX_WIDTH: usize = 60;

/// A column's width in characters: its longest header or cell as shown, plus a margin.
fn widths(table: &Table) -> Vec<f64> {
    let mut w: Vec<usize> = table.headers.iter().map(|h| h.chars().count() + 2).collect();
    for row in &table.rows {
        for (col, cell) in row.iter().enumerate() {
            let n = match cell {
                Cell::Text(t) => t.chars().count(),
                // "€ 1.234.567,89": the digits, a separator per three, sign and symbol.
                Cell::Money(a) => {
                    let digits = money(*a).abs().trunc().to_string().len();
                    digits + digits.saturating_sub(1) / 3 + 6
                }
                Cell::Int(n) => n.to_string().len(),
                Cell::Percent(p) => percent(*p).to_string().len() + 2,
                Cell::Empty => 0,
            };
            if col >= w.len() {
                w.resize(col + 1, 0);
            }
            w[col] = w[col].max(n + 1);
        }
    }
    w.into_iter().map(|n| n.clamp(4, MAX_WIDTH) as f64).collect()
}

fn fill_sheet(sheet: &mut Worksheet, table: &Table, f: &Formats) -> anyhow::Result<()> {
    sheet.set_name(&table.name)?;
    for (col, width) in (0u16..).zip(widths(table)) {
        sheet.set_column_width(col, width)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    for (col, header) in (0u16..).zip(&table.headers) {
        sheet.write_string_with_format(0, col, header, &f.bold)?;
    }
    for (row, cells) in (1u32..).zip(&table.rows) {
        for (col, cell) in (0u16..).zip(cells) {
            match cell {
                Cell::Text(text) => sheet.write_string(row, col, text)?,
                Cell::Money(amount) => sheet.write_number_with_format(row, col, to_f64(money(*amount)), &f.euro)?,
                Cell::Int(n) => sheet.write_number(row, col, *n as f64)?,
                Cell::Percent(p) => {
                    // 12.5 (percent) is the fraction 0.125; dividing a decimal by 100 is exact.
                    let fraction = percent(*p) / Decimal::ONE_HUNDRED;
                    sheet.write_number_with_format(row, col, to_f64(fraction), &f.pct)?
                }
                Cell::Empty => continue,
            };
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    fn table() -> Table {
        Table {
            name: "Begroting 2025".to_string(),
            headers: vec!["regel".into(), "omschrijving".into(), "bedrag".into(), "afwijking".into()],
            rows: vec![
                vec![
                    Cell::Text("OL-BEHEER".into()),
                    Cell::Text("Beheer; \"onderhoud\"\nen support".into()),
                    Cell::Money(dec("1250000.5")),
                    Cell::Percent(dec("12.5")),
                ],
                vec![Cell::Int(2026), Cell::Empty, Cell::Money(dec("0")), Cell::Percent(dec("19"))],
            ],
        }
    }

    #[test]
    fn csv_follows_dutch_excel_and_rfc_4180() {
        let text = String::from_utf8(csv(&table())).unwrap();
        let expected = "\u{feff}regel;omschrijving;bedrag;afwijking\r\n\
            OL-BEHEER;\"Beheer; \"\"onderhoud\"\"\nen support\";1250000,50;12,5%\r\n\
            2026;;0,00;19%\r\n";
        assert_eq!(text, expected);
    }

    #[test]
    fn csv_rounds_money_to_cents_without_floating_point() {
        assert_eq!(csv_field(&Cell::Money(dec("0.005"))), "0,01");
        assert_eq!(csv_field(&Cell::Money(dec("-2.675"))), "-2,68");
        assert_eq!(csv_field(&Cell::Money(dec("12345678901234567.89"))), "12345678901234567,89");
        assert_eq!(csv_field(&Cell::Percent(dec("33.333333"))), "33,3333%");
    }

    #[test]
    fn xlsx_is_deterministic() {
        let tables = [table(), Table { name: "Leeg".into(), headers: vec![], rows: vec![] }];
        let first = xlsx(&tables).unwrap();
        let second = xlsx(&tables).unwrap();
        assert!(first.starts_with(b"PK"));
        assert!(first == second, "two workbooks of the same tables differ");
    }

    #[test]
    fn xlsx_refuses_a_bad_sheet_name_with_a_dutch_message() {
        let bad = Table { name: "a/b".into(), ..table() };
        let err = xlsx(&[bad]).unwrap_err();
        assert!(format!("{err:#}").contains("werkblad `a/b`"), "{err:#}");
    }

    #[test]
    fn money_reaches_excel_as_the_nearest_double() {
        assert_eq!(to_f64(money(dec("1250000.5"))), 1_250_000.5);
        assert_eq!(to_f64(dec("0.1")), 0.1);
    }
}
