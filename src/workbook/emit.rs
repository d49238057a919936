//! A [`FileValues`] as the contract's YAML, with the cell of every value remembered by its line and
//! column, so that a finding of the loader about the YAML lands on the cell it came from.

use super::sheets::top;
use super::values::{FileValues, Record, Src, Val};
use crate::diag::Pos;
use crate::load::raw::{Mapping, Shape};
use crate::sjabloon::yaml::{amount, q};

/// YAML text and where its values came from.
#[derive(Clone, Debug, Default)]
pub struct Emitted {
    /// The file's text.
    pub text: String,
    /// (line, column, cell) of every value and of every record's start, in text order.
    pub places: Vec<(u32, u32, Src)>,
}

impl Emitted {
    /// The cell a position of the text came from: the last value that starts on its line at or
    /// before its column, else the first one on its line.
    pub fn cell(&self, pos: Pos) -> Option<&Src> {
        let on_line = || self.places.iter().filter(|(l, _, _)| *l == pos.line);
        on_line().rfind(|(_, c, _)| *c <= pos.column).or_else(|| on_line().next()).map(|(_, _, s)| s)
    }

    fn line(&self) -> u32 {
        self.text.matches('\n').count() as u32 + 1
    }

    /// Writes `indent` + `key: ` + `value` on a new line, remembering the value's cell.
    fn field(&mut self, indent: &str, key: &str, value: &str, src: Option<&Src>) {
        if let Some(s) = src {
            let col = (indent.chars().count() + key.len() + 3) as u32;
            self.places.push((self.line(), col, s.clone()));
        }
        self.text.push_str(&format!("{indent}{key}: {value}\n"));
    }
}

/// One scalar or flow value as YAML.
fn scalar(v: &Val) -> String {
    match v {
        Val::Text(t) => q(t),
        Val::Amount(d) => amount(*d),
        Val::Date(d) => d.to_string(),
        Val::Int(n) => n.to_string(),
        Val::List(items) => format!("[{}]", items.iter().map(|i| q(i)).collect::<Vec<_>>().join(", ")),
        Val::Years(_) => String::new(),
    }
}

fn record(out: &mut Emitted, mapping: &Mapping, r: &Record, indent: &str, first: &str) {
    let mut lead = first.to_string();
    if let Some(s) = &r.src {
        out.places.push((out.line(), 1, s.clone()));
    }
    let mut wrote = false;
    for f in mapping.fields {
        let Some(v) = r.fields.iter().find(|v| v.field == f.name) else { continue };
        match &v.val {
            Val::Years(years) if !years.is_empty() => {
                if let Some(src) = &v.src {
                    out.places.push((out.line(), 1, src.clone()));
                }
                out.text.push_str(&format!("{lead}{}:\n", f.name));
                for (y, d, src) in years {
                    if let Some(s) = src.as_ref().or(v.src.as_ref()) {
                        out.places.push((out.line(), 1, s.clone()));
                    }
                    out.text.push_str(&format!("{indent}  {y}: {}\n", scalar(d)));
                }
            }
            Val::Years(_) => out.field(&lead, f.name, "{}", v.src.as_ref()),
            val => out.field(&lead, f.name, &scalar(val), v.src.as_ref()),
        }
        lead = indent.to_string();
        wrote = true;
    }
    if !wrote {
        out.text.push_str(&format!("{}{{}}\n", first.trim_end()));
    }
}

/// The YAML of a file, with a comment saying where it came from.
pub fn yaml(doc: &FileValues, origin: &str) -> Emitted {
    let mapping = top(doc.kind);
    let mut out = Emitted::default();
    out.text.push_str(&format!(
        "# {}\n# Ingelezen uit de werkmap {origin} met `jaarcyclus import`; achter elke regel staat\n\
         # de rij in de werkmap. Werk de werkmap bij en lees opnieuw in, of werk voortaan hier.\n\n",
        doc.rel().unwrap_or_default()
    ));
    for f in mapping.fields {
        match f.spec.shape {
            Shape::List(item) => {
                let records = doc.list(f.name);
                let present = doc.lists.iter().any(|(k, _)| *k == f.name);
                if records.is_empty() {
                    if present && f.spec.required {
                        out.text.push_str(&format!("{}: []\n", f.name));
                    }
                    continue;
                }
                out.text.push_str(&format!("{}:\n", f.name));
                for r in records {
                    let start = out.text.len();
                    record(&mut out, item, r, "    ", "  - ");
                    if let Some(src) = &r.src {
                        // The row in the workbook, as a comment after the record's first line.
                        let end = out.text[start..].find('\n').map_or(out.text.len(), |i| start + i);
                        out.text.insert_str(end, &format!("  # {}, rij {}", src.sheet, src.row));
                    }
                }
            }
            _ => {
                if let Some(v) = doc.kop.fields.iter().find(|v| v.field == f.name) {
                    out.field("", f.name, &scalar(&v.val), v.src.as_ref());
                }
            }
        }
    }
    out
}
