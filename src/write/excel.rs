//! The program's XLSX conventions, for every workbook it writes (the controllers' tables and the
//! parties' workbooks of the spreadsheet route): one set of cell formats, a fixed creation date
//! so that equal content gives equal bytes, and the one place a number becomes a double.

use anyhow::Context;
use rust_decimal::Decimal;
use rust_xlsxwriter::{Color, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook};

/// The creation date written into every workbook: fixed, so that equal content gives equal bytes.
const WORKBOOK_DATE: (u16, u8, u8) = (2000, 1, 1);

/// A new workbook with the program's fixed properties (author, creation date).
pub fn workbook() -> anyhow::Result<Workbook> {
    let (year, month, day) = WORKBOOK_DATE;
    let created = ExcelDateTime::from_ymd(year, month, day).context("vaste werkmapdatum")?;
    let mut wb = Workbook::new();
    wb.set_properties(&DocProperties::new().set_creation_datetime(&created).set_author("jaarcyclus"));
    Ok(wb)
}

/// Every cell format the program uses, made once per workbook (a format is added to a
/// workbook only when a cell uses it).
pub struct Formats {
    /// A table's header row in the controllers' tables.
    pub bold: Format,
    /// An amount in euros, in the controllers' tables.
    pub euro: Format,
    /// A percentage, in the controllers' tables.
    pub pct: Format,
    /// A workbook's title.
    pub title: Format,
    /// A header field's label.
    pub label: Format,
    /// A field's note.
    pub note: Format,
    /// A table's header row in a party's workbook.
    pub header: Format,
    /// A text cell (kept as typed).
    pub text: Format,
    /// An amount to fill in.
    pub amount: Format,
    /// A date to fill in.
    pub date: Format,
    /// A whole number to fill in.
    pub int: Format,
    /// Information shown, not to fill in.
    pub info: Format,
    /// An amount shown, not to fill in.
    pub info_amount: Format,
}

impl Formats {
    /// The formats.
    pub fn new() -> Formats {
        let grey = Color::RGB(0x5A5A5A);
        Formats {
            bold: Format::new().set_bold(),
            euro: Format::new().set_num_format("\"€\" #,##0.00"),
            pct: Format::new().set_num_format("0.0#%"),
            title: Format::new().set_bold().set_font_size(14),
            label: Format::new().set_bold(),
            note: Format::new().set_italic().set_font_color(grey).set_text_wrap().set_align(FormatAlign::Top),
            header: Format::new()
                .set_bold()
                .set_background_color(Color::RGB(0xDDE6F0))
                .set_border_bottom(FormatBorder::Thin),
            text: Format::new().set_num_format("@").set_align(FormatAlign::Top),
            amount: Format::new().set_num_format("#,##0.00").set_align(FormatAlign::Top),
            date: Format::new().set_num_format("yyyy-mm-dd").set_align(FormatAlign::Top),
            int: Format::new().set_num_format("0").set_align(FormatAlign::Top),
            info: Format::new().set_font_color(grey).set_align(FormatAlign::Top),
            info_amount: Format::new().set_font_color(grey).set_num_format("#,##0.00").set_align(FormatAlign::Top),
        }
    }
}

impl Default for Formats {
    fn default() -> Formats {
        Formats::new()
    }
}

/// The one place a number becomes binary floating point: Excel stores every number as an
/// IEEE double. Going through the decimal text gives the double nearest to the exact value
/// (for amounts below 2^53 cents that double reads back as the same amount).
pub fn to_f64(value: Decimal) -> f64 {
    value.to_string().parse().unwrap_or(f64::NAN)
}
