//! Write stage, tables: renders the controllers' tables as CSV (Dutch Excel convention) and as
//! XLSX workbooks, both byte-for-byte deterministic.

use anyhow::Context;
use rust_decimal::{Decimal, RoundingStrategy};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet};

/// A table for controllers' spreadsheets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// The sheet name in a workbook: at most 31 characters, none of `[]:*?/\`.
    pub name: String,
    /// The column headers, written as the first row.
    pub headers: Vec<String>,
    /// The rows below the header, one `Cell` per column.
    pub rows: Vec<Vec<Cell>>,
}

/// One cell of a `Table`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    /// Free text.
    Text(String),
    /// An amount in euros, shown with two decimals.
    Money(Decimal),
    /// A whole number, such as a year.
    Int(i64),
    /// A percentage in percent: `12.5` means 12,5%.
    Percent(Decimal),
    /// No value.
    Empty,
}

/// Percentages are shown with at most this many decimals (a verdeelsleutel has at most 4).
const PERCENT_DECIMALS: u32 = 4;

/// The creation date written into every workbook: fixed, so that equal tables give equal bytes.
pub(crate) const WORKBOOK_DATE: (u16, u8, u8) = (2000, 1, 1);

/// Renders `table` as CSV for Dutch Excel: `;` separator, decimal comma, no thousands
/// separator, UTF-8 with BOM, CRLF line ends, RFC 4180 quoting.
pub fn csv(table: &Table) -> Vec<u8> {
    let mut out = String::from("\u{feff}");
    push_record(&mut out, table.headers.iter().map(|h| quote(h)));
    for row in &table.rows {
        push_record(&mut out, row.iter().map(csv_field));
    }
    out.into_bytes()
}

fn push_record(out: &mut String, fields: impl Iterator<Item = String>) {
    let fields: Vec<String> = fields.collect();
    out.push_str(&fields.join(";"));
    out.push_str("\r\n");
}

fn csv_field(cell: &Cell) -> String {
    match cell {
        Cell::Text(text) => quote(text),
        Cell::Money(amount) => decimal_comma(&money(*amount).to_string()),
        Cell::Int(n) => n.to_string(),
        // With the `%` sign Dutch Excel reads the cell as the number 0,125 shown as a percentage.
        Cell::Percent(p) => format!("{}%", decimal_comma(&percent(*p).to_string())),
        Cell::Empty => String::new(),
    }
}

/// RFC 4180: a field with the separator, a quote or a line break is quoted, quotes doubled.
fn quote(text: &str) -> String {
    if text.contains([';', '"', '\n', '\r']) { format!("\"{}\"", text.replace('"', "\"\"")) } else { text.to_string() }
}

fn decimal_comma(number: &str) -> String {
    number.replace('.', ",")
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
/// numbers in euro format, percentages as percentages.
pub fn xlsx(tables: &[Table]) -> anyhow::Result<Vec<u8>> {
    let (year, month, day) = WORKBOOK_DATE;
    let created = ExcelDateTime::from_ymd(year, month, day).context("vaste werkmapdatum")?;
    let mut workbook = Workbook::new();
    workbook.set_properties(&DocProperties::new().set_creation_datetime(&created).set_author("jaarcyclus"));
    for table in tables {
        let sheet = workbook.add_worksheet();
        fill_sheet(sheet, table).with_context(|| format!("kan het werkblad `{}` niet maken", table.name))?;
    }
    workbook.save_to_buffer().context("kan de werkmap niet opslaan")
}

fn fill_sheet(sheet: &mut Worksheet, table: &Table) -> anyhow::Result<()> {
    let bold = Format::new().set_bold();
    let euro = Format::new().set_num_format("\"€\" #,##0.00");
    let pct = Format::new().set_num_format("0.0#%");
    sheet.set_name(&table.name)?;
    for (col, header) in (0u16..).zip(&table.headers) {
        sheet.write_string_with_format(0, col, header, &bold)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    for (row, cells) in (1u32..).zip(&table.rows) {
        for (col, cell) in (0u16..).zip(cells) {
            match cell {
                Cell::Text(text) => sheet.write_string(row, col, text)?,
                Cell::Money(amount) => sheet.write_number_with_format(row, col, to_f64(money(*amount)), &euro)?,
                Cell::Int(n) => sheet.write_number(row, col, to_f64(Decimal::from(*n)))?,
                Cell::Percent(p) => {
                    // 12.5 (percent) is the fraction 0.125; dividing a decimal by 100 is exact.
                    let fraction = percent(*p) / Decimal::ONE_HUNDRED;
                    sheet.write_number_with_format(row, col, to_f64(fraction), &pct)?
                }
                Cell::Empty => continue,
            };
        }
    }
    sheet.autofit();
    Ok(())
}

/// The one place a number becomes binary floating point: Excel stores every number as an
/// IEEE double. Going through the decimal text gives the double nearest to the exact value
/// (for amounts below 2^53 cents that double reads back as the same amount).
pub(crate) fn to_f64(value: Decimal) -> f64 {
    value.to_string().parse().unwrap_or(f64::NAN)
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
