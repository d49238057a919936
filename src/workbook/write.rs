//! [`FileValues`]s as one workbook of the spreadsheet route: a sheet "Toelichting" that says what to
//! do, per file its sheets from [`sheets`] — header fields with their notes, then each table
//! with a notes row above the row of field names — drop-down lists for every spelled field and
//! every register of the stelsel (on a hidden sheet "Lijsten"), text columns formatted as text
//! so that a typed `99,5%` or `2026-09-01` stays what it was typed as, and a fixed creation
//! date, so that the same files give the same bytes.

use super::sheets::{self, Choices, GUIDE_SHEET, LISTS_SHEET, SheetDef, choices, kop_fields};
use super::values::{FileValues, Record, Val};
use crate::load::raw::{Field, Shape};
use crate::model::{Klasse, Kostensoort, Niveau, ResultaatStatus, Status, VoortgangStatus};
use crate::write::excel::{self, Formats, to_f64};
use anyhow::Context;
use rust_xlsxwriter::{DataValidation, ExcelDateTime, Format, Formula, Worksheet};

/// Empty rows below a table that still get the drop-down lists and formats.
const SPARE_ROWS: u32 = 500;

/// The registers of the stelsel, for the drop-down lists.
#[derive(Clone, Debug, Default)]
pub struct Registers {
    /// Ids of the beleidsdoelen.
    pub beleidsdoelen: Vec<String>,
    /// Ids of the componenten.
    pub componenten: Vec<String>,
    /// Ids of the features.
    pub features: Vec<String>,
}

/// The lists on the sheet "Lijsten", one per column.
fn lists(reg: &Registers) -> Vec<(Choices, Vec<String>)> {
    let spelled = |s: &'static [&'static str]| (Choices::Spelled(s), s.iter().map(|x| x.to_string()).collect());
    vec![
        spelled(Status::SPELLINGS),
        spelled(Niveau::SPELLINGS),
        spelled(Kostensoort::SPELLINGS),
        spelled(Klasse::SPELLINGS),
        spelled(ResultaatStatus::SPELLINGS),
        spelled(VoortgangStatus::SPELLINGS),
        (Choices::Beleidsdoelen, reg.beleidsdoelen.clone()),
        (Choices::Componenten, reg.componenten.clone()),
        (Choices::Features, reg.features.clone()),
    ]
}

/// The workbook of `docs` (one per file kind) for party `naam`; `guide` is the text of the
/// first sheet, one paragraph per row.
pub fn workbook(docs: &[FileValues], naam: &str, guide: &[String], reg: &Registers) -> anyhow::Result<Vec<u8>> {
    let mut wb = excel::workbook()?;
    let f = Formats::new();
    let sheet = wb.add_worksheet().set_name(GUIDE_SHEET)?;
    sheet.set_column_width(0, 110)?;
    sheet.write_string_with_format(0, 0, format!("Werkmap {naam}"), &f.title)?;
    for (row, p) in (2u32..).zip(guide) {
        sheet.write_string_with_format(row, 0, p, &Format::new().set_text_wrap())?;
    }
    let lists = lists(reg);
    for doc in docs {
        for def in sheets::of_kind(doc.kind) {
            let sheet = wb.add_worksheet().set_name(def.name)?;
            fill(sheet, def, doc, naam, &f, &lists).with_context(|| format!("kan blad `{}` niet maken", def.name))?;
        }
    }
    let sheet = wb.add_worksheet().set_name(LISTS_SHEET)?;
    for (col, (_, items)) in (0u16..).zip(&lists) {
        for (row, item) in (0u32..).zip(items) {
            sheet.write_string(row, col, item)?;
        }
    }
    sheet.set_hidden(true);
    wb.save_to_buffer().context("kan de werkmap niet opslaan")
}

/// A column of a table.
enum Col<'a> {
    Field(&'a Field),
    Year(i64),
    Info(String),
}

fn fill(
    sheet: &mut Worksheet,
    def: &SheetDef,
    doc: &FileValues,
    naam: &str,
    f: &Formats,
    lists: &[(Choices, Vec<String>)],
) -> anyhow::Result<()> {
    let y = doc.jaar().unwrap_or_default();
    let title = def.name;
    sheet.write_string_with_format(0, 0, format!("{title} {y} – {naam}"), &f.title)?;
    let mut row = 2u32;
    if def.kop {
        for field in kop_fields(doc.kind) {
            sheet.write_string_with_format(row, 0, field.name, &f.label)?;
            if let Some(v) = doc.kop.fields.iter().find(|v| v.field == field.name) {
                write_val(sheet, row, 1, field, &v.val, f)?;
            } else {
                sheet.write_blank(row, 1, cell_format(field, f))?;
            }
            sheet.write_string_with_format(row, 2, field.spec.description, &f.note)?;
            validate(sheet, field, row, row, 1, lists)?;
            row += 1;
        }
        sheet.set_column_width(2, 70)?;
        row += 1;
    }
    let Some((key, mapping)) = def.list else {
        sheet.set_column_width(0, 24)?;
        sheet.set_column_width(1, 24)?;
        return Ok(());
    };
    let records = doc.list(key);
    let mut cols: Vec<Col> = Vec::new();
    for field in mapping.fields {
        match field.spec.shape {
            Shape::Amounts => cols.extend((y..=y + 3).map(Col::Year)),
            _ => cols.push(Col::Field(field)),
        }
    }
    for r in records {
        for (h, _) in &r.info {
            if !cols.iter().any(|c| matches!(c, Col::Info(x) if x == h)) {
                cols.push(Col::Info(h.clone()));
            }
        }
    }
    let (notes, header) = (row, row + 1);
    for (c, col) in (0u16..).zip(&cols) {
        let (head, note, width) = match col {
            Col::Field(field) => (field.name.to_string(), field.spec.description.to_string(), width(field)),
            Col::Year(j) => {
                let note = format!("Bedrag voor {j} in euro's; leeg = geen bedrag voor dat jaar (telt als 0).");
                (j.to_string(), note, 14.0)
            }
            Col::Info(h) => (h.clone(), "Ter informatie; wordt niet ingelezen.".to_string(), 18.0),
        };
        sheet.write_string_with_format(notes, c, note, &f.note)?;
        sheet.write_string_with_format(header, c, head, &f.header)?;
        // The first columns of a main sheet also hold the header fields' names and values.
        let width = if def.kop && c <= 2 { width.max(24.0) } else { width };
        sheet.set_column_width(c, width)?;
    }
    sheet.set_row_height(notes, 60)?;
    sheet.set_freeze_panes(header + 1, 0)?;
    let first = header + 1;
    let last = first + records.len() as u32 + SPARE_ROWS;
    for (c, col) in (0u16..).zip(&cols) {
        if let Col::Field(field) = col {
            validate(sheet, field, first, last, c, lists)?;
        }
    }
    for (r, rec) in (first..).zip(records) {
        write_record(sheet, r, &cols, rec, f)?;
    }
    Ok(())
}

fn width(field: &Field) -> f64 {
    match (field.spec.shape, field.name) {
        (_, "omschrijving" | "toelichting" | "maatregel" | "besluit") => 48.0,
        (Shape::Text | Shape::Texts, _) => 30.0,
        (Shape::Amount | Shape::SignedAmount, _) => 14.0,
        (Shape::Date, _) => 12.0,
        _ => 16.0,
    }
}

fn cell_format<'a>(field: &Field, f: &'a Formats) -> &'a Format {
    match field.spec.shape {
        Shape::Amount | Shape::SignedAmount => &f.amount,
        Shape::Date => &f.date,
        Shape::Year | Shape::Whole { .. } => &f.int,
        _ => &f.text,
    }
}

fn write_record(sheet: &mut Worksheet, row: u32, cols: &[Col], rec: &Record, f: &Formats) -> anyhow::Result<()> {
    for (c, col) in (0u16..).zip(cols) {
        match col {
            Col::Field(field) => match rec.fields.iter().find(|v| v.field == field.name) {
                Some(v) => write_val(sheet, row, c, field, &v.val, f)?,
                None => {
                    sheet.write_blank(row, c, cell_format(field, f))?;
                }
            },
            Col::Year(j) => {
                let amount = rec.fields.iter().find_map(|v| match &v.val {
                    Val::Years(ys) => ys.iter().find(|(y, _, _)| y == j).map(|(_, a, _)| a.as_ref()),
                    _ => None,
                });
                match amount {
                    Some(Val::Amount(d)) => {
                        sheet.write_number_with_format(row, c, to_f64(*d), &f.amount)?;
                    }
                    Some(Val::Text(t)) => {
                        sheet.write_string_with_format(row, c, t, &f.text)?;
                    }
                    _ => {
                        sheet.write_blank(row, c, &f.amount)?;
                    }
                }
            }
            Col::Info(h) => match rec.info.iter().find(|(x, _)| x == h).map(|(_, v)| v) {
                Some(Val::Amount(d)) => {
                    sheet.write_number_with_format(row, c, to_f64(*d), &f.info_amount)?;
                }
                Some(Val::Text(t)) => {
                    sheet.write_string_with_format(row, c, t, &f.info)?;
                }
                _ => {}
            },
        }
    }
    Ok(())
}

fn write_val(sheet: &mut Worksheet, row: u32, col: u16, field: &Field, v: &Val, f: &Formats) -> anyhow::Result<()> {
    match v {
        Val::Text(t) => sheet.write_string_with_format(row, col, t, &f.text)?,
        Val::Amount(d) => sheet.write_number_with_format(row, col, to_f64(*d), &f.amount)?,
        Val::Int(n) => sheet.write_number_with_format(row, col, *n as f64, &f.int)?,
        Val::Date(d) => {
            let (y, m, day) = (d.year() as u16, d.month() as u8, d.day() as u8);
            let dt = ExcelDateTime::from_ymd(y, m, day).context("datum buiten het bereik van Excel")?;
            sheet.write_date_with_format(row, col, &dt, &f.date)?
        }
        Val::List(items) => {
            let sep = if matches!(field.spec.shape, Shape::Codes) { ", " } else { "\n" };
            sheet.write_string_with_format(row, col, items.join(sep), &f.text)?
        }
        Val::Years(_) => sheet,
    };
    Ok(())
}

/// The drop-down list of a field, from its column on the sheet "Lijsten".
fn validate(
    sheet: &mut Worksheet,
    field: &Field,
    first: u32,
    last: u32,
    col: u16,
    lists: &[(Choices, Vec<String>)],
) -> anyhow::Result<()> {
    let Some(want) = choices(field) else { return Ok(()) };
    let Some((at, (_, items))) = lists.iter().enumerate().find(|(_, (c, _))| *c == want) else { return Ok(()) };
    if items.is_empty() {
        return Ok(());
    }
    let letter = crate::diag::column_letters(at as u32 + 1);
    let range = format!("={LISTS_SHEET}!${letter}$1:${letter}${}", items.len());
    let dv = DataValidation::new()
        .allow_list_formula(Formula::new(range))
        .set_error_title("Ongeldige waarde")?
        .set_error_message(format!("Kies voor `{}` een waarde uit de lijst.", field.name))?;
    sheet.add_data_validation(first, col, last, col, &dv)?;
    Ok(())
}
