//! A file of the contract as values: header fields and lists of records, each value with the
//! cell it came from (on the way back from a workbook) — the form both directions share.

use jiff::civil::Date;
use rust_decimal::Decimal;

/// The file kinds of the spreadsheet route.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// `plan.yaml`.
    Plan,
    /// `begroting.yaml`.
    Begroting,
    /// `realisatie.yaml`.
    Realisatie,
    /// `voortgang-q<k>.yaml`.
    Voortgang,
}

/// A cell of a workbook: sheet, 1-based row and column.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Src {
    /// The sheet's name.
    pub sheet: String,
    /// 1-based row.
    pub row: u32,
    /// 1-based column.
    pub col: u32,
}

/// One value as the contract reads it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Val {
    /// Text, an id or a spelled value (written quoted; the loader judges it).
    Text(String),
    /// An amount, exact.
    Amount(Decimal),
    /// A date.
    Date(Date),
    /// A whole number or a year (written unquoted).
    Int(i64),
    /// A list of texts or codes.
    List(Vec<String>),
    /// Amounts per year (`bedragen`): the year, its amount (an [`Val::Amount`], or the text of
    /// a cell for the loader to judge) and its cell.
    Years(Vec<(i64, Box<Val>, Option<Src>)>),
}

/// One field's value with its cell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Value {
    /// The field's key.
    pub field: &'static str,
    /// The value.
    pub val: Val,
    /// The cell it came from, if any.
    pub src: Option<Src>,
}

/// A mapping: fields in the contract's order, the row it came from, and read-only information
/// shown beside it in a workbook (never read back).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Record {
    /// The fields present.
    pub fields: Vec<Value>,
    /// Its first cell (a list row's first column), if any.
    pub src: Option<Src>,
    /// Columns shown for information only: header and value.
    pub info: Vec<(String, Val)>,
}

impl Record {
    /// Adds a field.
    pub fn put(&mut self, field: &'static str, val: Val) {
        self.fields.push(Value { field, val, src: None });
    }

    /// Adds an optional text field.
    pub fn text(&mut self, field: &'static str, v: Option<&str>) {
        if let Some(v) = v {
            self.put(field, Val::Text(v.to_string()));
        }
    }

    /// The value of a field.
    pub fn get(&self, field: &str) -> Option<&Val> {
        self.fields.iter().find(|v| v.field == field).map(|v| &v.val)
    }
}

/// One file of the contract: its header fields and its lists, in the contract's order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileValues {
    /// What file.
    pub kind: Kind,
    /// The header fields (organisatie, jaar, status, …).
    pub kop: Record,
    /// Each list field with its records.
    pub lists: Vec<(&'static str, Vec<Record>)>,
}

impl FileValues {
    /// An empty file of a kind.
    pub fn new(kind: Kind) -> FileValues {
        FileValues { kind, kop: Record::default(), lists: Vec::new() }
    }

    /// The records of a list (empty when absent).
    pub fn list(&self, field: &str) -> &[Record] {
        self.lists.iter().find(|(f, _)| *f == field).map(|(_, r)| r.as_slice()).unwrap_or(&[])
    }

    /// The cycle year of the header, when it is a number.
    pub fn jaar(&self) -> Option<i64> {
        match self.kop.get("jaar") {
            Some(Val::Int(y)) => Some(*y),
            _ => None,
        }
    }

    /// The party of the header, when it is text.
    pub fn organisatie(&self) -> Option<&str> {
        match self.kop.get("organisatie") {
            Some(Val::Text(t)) => Some(t),
            _ => None,
        }
    }

    /// The quarter of a progress report's header.
    pub fn kwartaal(&self) -> Option<i64> {
        match self.kop.get("kwartaal") {
            Some(Val::Int(k)) => Some(*k),
            _ => None,
        }
    }

    /// The file's path relative to the data root, when the header names party and year.
    pub fn rel(&self) -> Option<String> {
        let (y, org) = (self.jaar()?, self.organisatie()?);
        let name = match self.kind {
            Kind::Plan => "plan.yaml".to_string(),
            Kind::Begroting => "begroting.yaml".to_string(),
            Kind::Realisatie => "realisatie.yaml".to_string(),
            Kind::Voortgang => format!("voortgang-q{}.yaml", self.kwartaal()?),
        };
        Some(crate::layout::party_file(i32::try_from(y).ok()?, org, &name))
    }
}
