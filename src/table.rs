//! Tables as values: what the controllers' spreadsheets hold (made by `view::sheets`), before
//! `write` renders them as CSV and XLSX. A leaf: it imports nothing of the crate.

use rust_decimal::Decimal;

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
