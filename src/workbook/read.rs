//! A workbook of the spreadsheet route read back into [`FileValues`]s, cell by cell: streamed (a
//! hostile sheet with a value in row 1,048,576 costs one cell, not a dense grid), under limits
//! on the file, its unpacked size and its rows, with a coded finding at the sheet and cell for
//! everything that is not read as a value — hidden or unknown sheets, merged cells, unknown
//! columns, values outside the table, formulas without a stored result.

use super::cell::{Cell, Raw, value};
use super::sheets::{self, GUIDE_SHEET, LISTS_SHEET, SheetDef, kop_fields};
use super::values::{FileValues, Kind, Record, Src, Val, Value};
use crate::diag::{Diagnostic, msg};
use crate::load::raw::{Mapping, Shape};
use calamine::{DataRef, Reader, SheetVisible, Xlsx};
use std::collections::{BTreeMap, BTreeSet};
use std::io::Cursor;

/// Larger workbooks are refused: a workbook of a realistic party is well under a megabyte.
pub const MAX_WORKBOOK_BYTES: u64 = 32 * 1024 * 1024;
/// The most a workbook may unpack to (its declared sizes), against zip bombs.
pub const MAX_UNPACKED_BYTES: u64 = 256 * 1024 * 1024;
/// Rows of a sheet past this are not read (E005): far more than the contract's largest files.
pub const MAX_ROWS: u32 = 50_000;

/// The cells of one sheet: row → column → cell, 1-based.
type Grid = BTreeMap<u32, BTreeMap<u32, Cell>>;

/// What a workbook held.
#[derive(Debug, Default)]
pub struct Read {
    /// The files it holds, in the order plan, begroting, realisatie, voortgang.
    pub docs: Vec<FileValues>,
    /// Every problem, at its sheet and cell.
    pub diags: Vec<Diagnostic>,
    /// (sheet, row, field) of every cell whose value was refused (its field is left out).
    pub refused: BTreeSet<(String, u32, &'static str)>,
}

impl Read {
    fn at(&mut self, file: &str, d: Diagnostic, sheet: &str, row: u32, col: u32) {
        self.diags.push(d.at_cell(file, sheet, row, col));
    }
}

/// Reads a workbook; `file` names it in the findings.
pub fn read(bytes: &[u8], file: &str) -> Read {
    let mut out = Read::default();
    let fail = |out: &mut Read, reason: String| out.diags.push(msg::workbook_unreadable(&reason).in_file(file));
    if bytes.len() as u64 > MAX_WORKBOOK_BYTES {
        fail(&mut out, format!("het bestand is {} bytes, de grens is {MAX_WORKBOOK_BYTES} bytes", bytes.len()));
        return out;
    }
    let stale = match unpacked_size_ok(bytes) {
        Ok(stale) => stale,
        Err(reason) => {
            fail(&mut out, reason);
            return out;
        }
    };
    let mut wb = match Xlsx::new(Cursor::new(bytes)) {
        Ok(wb) => wb,
        Err(e) => {
            fail(&mut out, format!("geen Excel-werkmap ({e})"));
            return out;
        }
    };
    let mut grids: BTreeMap<&'static str, (Grid, Vec<calamine::Dimensions>)> = BTreeMap::new();
    for meta in wb.sheets_metadata().to_vec() {
        let name = meta.name.as_str();
        if name == GUIDE_SHEET || name == LISTS_SHEET {
            continue;
        }
        let Some(def) = sheets::named(name) else {
            out.at(file, msg::unknown_sheet(name), name, 1, 1);
            continue;
        };
        if meta.visible != SheetVisible::Visible {
            out.at(file, msg::hidden_sheet(name), name, 1, 1);
            continue;
        }
        let grid = match cells(&mut wb, def.name, stale) {
            Ok((grid, past)) => {
                if let Some(row) = past {
                    out.at(file, msg::too_many_rows(MAX_ROWS), def.name, row, 1);
                }
                grid
            }
            Err(e) => {
                fail(&mut out, format!("blad `{name}` is onleesbaar ({e})"));
                continue;
            }
        };
        let merged = wb.merge_cells_by_sheet_name(def.name).unwrap_or_default();
        grids.insert(def.name, (grid, merged));
    }
    for kind in [Kind::Plan, Kind::Begroting, Kind::Realisatie, Kind::Voortgang] {
        let defs = sheets::of_kind(kind);
        if !defs.iter().any(|d| grids.contains_key(d.name)) {
            continue;
        }
        let mut doc = FileValues::new(kind);
        if !grids.contains_key(defs[0].name) {
            for d in defs.iter().filter(|d| grids.contains_key(d.name)) {
                let what = format!("op blad `{}`: het hoort bij blad `{}`, dat ontbreekt", d.name, defs[0].name);
                out.at(file, msg::stray_value(&what), d.name, 1, 1);
            }
            continue;
        }
        for def in defs {
            if let Some((grid, merged)) = grids.get(def.name) {
                read_sheet(def, grid, merged, file, &mut out, &mut doc);
            }
        }
        out.docs.push(doc);
    }
    out
}

/// Checks the declared unpacked size of every part of the archive; `Ok(true)` when the
/// workbook asks to be recalculated on opening (`fullCalcOnLoad`, as written by programs that
/// store no formula results): its stored results are then not the formulas' values.
fn unpacked_size_ok(bytes: &[u8]) -> Result<bool, String> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| format!("geen Excel-werkmap ({e})"))?;
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let f = zip.by_index_raw(i).map_err(|e| format!("beschadigd archief ({e})"))?;
        total = total.saturating_add(f.size());
    }
    if total > MAX_UNPACKED_BYTES {
        return Err(format!("uitgepakt zou de werkmap {total} bytes zijn, de grens is {MAX_UNPACKED_BYTES} bytes"));
    }
    let mut text = String::new();
    if let Ok(f) = zip.by_name("xl/workbook.xml") {
        use std::io::Read;
        let _ = f.take(1 << 20).read_to_string(&mut text);
    }
    Ok(text.contains("fullCalcOnLoad=\"1\"") || text.contains("fullCalcOnLoad=\"true\""))
}

/// Streams a sheet's cells; the second value is the first row past [`MAX_ROWS`], if reached.
/// With `stale`, formula results are not read (see [`unpacked_size_ok`]).
fn cells(wb: &mut Xlsx<Cursor<&[u8]>>, name: &str, stale: bool) -> Result<(Grid, Option<u32>), calamine::XlsxError> {
    let mut grid = Grid::new();
    let mut reader = wb.worksheet_cells_reader(name)?;
    while let Some(c) = reader.next_cell_with_formula()? {
        let (row, col) = (c.pos.0 + 1, c.pos.1 + 1);
        if row > MAX_ROWS {
            return Ok((grid, Some(row)));
        }
        let formula = c.formula.filter(|f| !f.is_empty());
        let raw = if stale && formula.is_some() { None } else { raw(&c.value) };
        if raw.is_none() && formula.is_none() {
            continue;
        }
        grid.entry(row).or_default().insert(col, Cell { raw, formula });
    }
    Ok((grid, None))
}

fn raw(v: &DataRef) -> Option<Raw> {
    Some(match v {
        DataRef::Empty => return None,
        DataRef::Int(n) => Raw::Int(*n),
        DataRef::Float(f) => Raw::Float(*f),
        DataRef::String(s) => Raw::Text(s.clone()),
        DataRef::SharedString(s) => Raw::Text(s.to_string()),
        DataRef::Bool(b) => Raw::Bool(*b),
        DataRef::DateTime(dt) if dt.is_duration() => Raw::Duration,
        DataRef::DateTime(dt) => {
            let serial = dt.as_f64();
            if !(1.0..=2_958_465.0).contains(&serial) {
                Raw::Date(None, false)
            } else {
                let (y, m, d, h, mi, s, ms) = dt.to_ymd_hms_milli();
                Raw::Date(Some((y as i16, m as i8, d as i8)), (h, mi, s, ms) != (0, 0, 0, 0))
            }
        }
        DataRef::DateTimeIso(s) => Raw::DateIso(s.clone()),
        DataRef::DurationIso(_) => Raw::Duration,
        DataRef::Error(e) => Raw::Error(e.to_string()),
    })
}

/// The column of each field in a header row.
enum Column {
    Field(&'static str, Shape),
    Year(i64),
    Info,
}

fn read_sheet(
    def: &SheetDef,
    grid: &Grid,
    merged: &[calamine::Dimensions],
    file: &str,
    out: &mut Read,
    doc: &mut FileValues,
) {
    let src = |row: u32, col: u32| Src { sheet: def.name.to_string(), row, col };
    // The header fields: a row whose first cell names one, its value beside it.
    let mut kop_rows = BTreeSet::new();
    if def.kop {
        for (&row, cells) in grid {
            let Some(field) =
                cells.get(&1).and_then(Cell::text).and_then(|t| kop_fields(def.kind).find(|f| f.name == t))
            else {
                continue;
            };
            kop_rows.insert(row);
            if doc.kop.fields.iter().any(|v| v.field == field.name) {
                out.at(file, msg::duplicate_key(field.name), def.name, row, 1);
                continue;
            }
            let empty = Cell { raw: None, formula: None };
            match value(field.name, field.spec.shape, cells.get(&2).unwrap_or(&empty)) {
                Ok(Some(val)) => doc.kop.fields.push(Value { field: field.name, val, src: Some(src(row, 2)) }),
                Ok(None) => {}
                Err(d) => {
                    out.refused.insert((def.name.to_string(), row, field.name));
                    out.at(file, *d, def.name, row, 2);
                }
            }
        }
    }
    let Some((key, mapping)) = def.list else {
        stray(def, grid, &kop_rows, u32::MAX, file, out);
        return;
    };
    let names: Vec<&str> =
        mapping.fields.iter().filter(|f| !matches!(f.spec.shape, Shape::Amounts)).map(|f| f.name).collect();
    let header = grid.iter().find(|(row, cells)| {
        !kop_rows.contains(row) && cells.values().any(|c| c.text().is_some_and(|t| names.contains(&t)))
    });
    let Some((&hrow, hcells)) = header else {
        let below_kop =
            grid.iter().any(|(r, cells)| *r > 1 && !kop_rows.contains(r) && cells.values().any(|c| !c.is_blank()));
        if below_kop {
            out.at(file, msg::no_header(names[0]), def.name, 1, 1);
        }
        doc.lists.push((key, Vec::new()));
        return;
    };
    stray(def, grid, &kop_rows, hrow, file, out);
    let columns = header_columns(def, mapping, hrow, hcells, file, out);
    for m in merged.iter().filter(|m| m.end.0 + 1 >= hrow) {
        let range = format!(
            "{}{}:{}{}",
            crate::diag::column_letters(m.start.1 + 1),
            m.start.0 + 1,
            crate::diag::column_letters(m.end.1 + 1),
            m.end.0 + 1
        );
        out.at(file, msg::merged(&range), def.name, m.start.0 + 1, m.start.1 + 1);
    }
    let mut records = Vec::new();
    for (&row, cells) in grid.range(hrow + 1..) {
        let mut rec = Record { src: Some(src(row, 1)), ..Record::default() };
        let mut years: Vec<(i64, Box<Val>, Option<Src>)> = Vec::new();
        let mut any = false;
        for (&col, cell) in cells {
            if cell.is_blank() {
                continue;
            }
            let Some(column) = columns.get(&col) else {
                out.at(file, msg::stray_value("in een kolom zonder kop"), def.name, row, col);
                continue;
            };
            let (field, shape) = match column {
                Column::Info => continue,
                Column::Field(f, s) => (*f, *s),
                Column::Year(_) => ("bedragen", Shape::Amount),
            };
            any = true;
            match value(field, shape, cell) {
                Ok(Some(val)) => match column {
                    Column::Year(y) => years.push((*y, Box::new(val), Some(src(row, col)))),
                    _ => rec.fields.push(Value { field, val, src: Some(src(row, col)) }),
                },
                Ok(None) => {}
                Err(d) => {
                    out.refused.insert((def.name.to_string(), row, field));
                    out.at(file, *d, def.name, row, col);
                }
            }
        }
        if !any {
            continue;
        }
        if columns.values().any(|c| matches!(c, Column::Year(_))) {
            let at = columns.iter().find(|(_, c)| matches!(c, Column::Year(_))).map(|(c, _)| *c).unwrap_or(1);
            rec.fields.push(Value { field: "bedragen", val: Val::Years(years), src: Some(src(row, at)) });
        }
        records.push(rec);
    }
    doc.lists.push((key, records));
}

/// Reads the header row: field columns, year columns (for `bedragen`) and columns for
/// information only (a header in parentheses).
fn header_columns(
    def: &SheetDef,
    mapping: &Mapping,
    hrow: u32,
    hcells: &BTreeMap<u32, Cell>,
    file: &str,
    out: &mut Read,
) -> BTreeMap<u32, Column> {
    let years = mapping.fields.iter().any(|f| matches!(f.spec.shape, Shape::Amounts));
    let mut columns = BTreeMap::new();
    let mut seen = BTreeSet::new();
    for (&col, cell) in hcells {
        if cell.is_blank() {
            continue;
        }
        let text = match &cell.raw {
            Some(Raw::Text(t)) => t.trim().to_string(),
            Some(Raw::Int(n)) => n.to_string(),
            Some(Raw::Float(f)) if f.fract() == 0.0 && f.abs() < 1e6 => format!("{}", *f as i64),
            _ => String::new(),
        };
        if !seen.insert(text.clone()) {
            out.at(file, msg::column_twice(&text), def.name, hrow, col);
            continue;
        }
        let column = if text.starts_with('(') {
            Column::Info
        } else if let Some(f) =
            mapping.fields.iter().find(|f| f.name == text && !matches!(f.spec.shape, Shape::Amounts))
        {
            Column::Field(f.name, f.spec.shape)
        } else if years && text.len() == 4 && text.bytes().all(|b| b.is_ascii_digit()) {
            Column::Year(text.parse().expect("four digits"))
        } else {
            let expected: Vec<&str> = mapping.fields.iter().map(|f| f.name).collect();
            out.at(file, msg::unknown_column(&text, &expected.join(", ")), def.name, hrow, col);
            continue;
        };
        columns.insert(col, column);
    }
    for f in mapping.fields.iter().filter(|f| f.spec.required) {
        let present = match f.spec.shape {
            Shape::Amounts => columns.values().any(|c| matches!(c, Column::Year(_))),
            _ => columns.values().any(|c| matches!(c, Column::Field(n, _) if *n == f.name)),
        };
        if !present {
            out.at(file, msg::missing_column(f.name), def.name, hrow, 1);
        }
    }
    columns
}

/// Values above the table that are neither the title (row 1), a header field (its name, value
/// and note), nor the notes row just above the header.
fn stray(def: &SheetDef, grid: &Grid, kop_rows: &BTreeSet<u32>, hrow: u32, file: &str, out: &mut Read) {
    for (&row, cells) in grid.range(2..hrow) {
        if row + 1 == hrow {
            continue;
        }
        for (&col, cell) in cells {
            if cell.is_blank() || (kop_rows.contains(&row) && col <= 3) {
                continue;
            }
            out.at(file, msg::stray_value("buiten de tabel"), def.name, row, col);
        }
    }
}
