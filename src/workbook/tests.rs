//! The spreadsheet route both ways: every file of the default data through a workbook and back
//! reads as the same model; cells become values exactly or a coded finding.

use super::cell::{Cell, Raw, value, whole_cents};
use super::values::Kind;
use super::write::{Registers, workbook};
use crate::load::raw::Shape;
use crate::model::{Scope, Tree};
use crate::pipeline::{party_docs, workbook_yaml};
use jiff::civil::date;
use rust_decimal::Decimal;
use std::path::Path;

/// The Debug text of a value without places (`Pos { line, column }`), which differ between a
/// file and its round trip by design.
fn without_places(s: String) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s.as_str();
    while let Some(i) = rest.find("Pos { line: ") {
        out.push_str(&rest[..i]);
        let end = rest[i..].find('}').expect("a closing brace");
        rest = &rest[i + end + 1..];
    }
    out.push_str(rest);
    out
}

fn default_tree() -> Tree {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    crate::load_and_check(&root, &Scope::default(), date(2026, 11, 29)).unwrap().0
}

fn registers(t: &Tree) -> Registers {
    let st = t.stelsel.as_ref().unwrap();
    Registers {
        beleidsdoelen: st.beleidsdoelen.iter().map(|b| b.id.value.clone()).collect(),
        componenten: st.componenten.iter().map(|c| c.id.value.clone()).collect(),
        features: st.features.iter().flatten().map(|f| f.id.value.clone()).collect(),
    }
}

/// Every party, year and kind of the default data: model → workbook → YAML → the same model.
#[test]
fn default_data_round_trips_through_a_workbook() {
    let t = default_tree();
    let reg = registers(&t);
    let mut compared = std::collections::BTreeMap::<Kind, usize>::new();
    for (&y, parties) in &t.years {
        for (org, sub) in parties {
            for k in [None, Some(1), Some(2), Some(3)] {
                let docs = party_docs(&t, y, org, k, date(2026, 11, 29)).expect("files to start from");
                let bytes = workbook(&docs, org, &["toelichting".into()], &reg).unwrap();
                let (files, diags) = workbook_yaml(&bytes, "werkmap.xlsx");
                assert!(diags.is_empty(), "{y} {org} {k:?}: {diags:?}");
                let texts: Vec<(String, String)> = files.into_iter().collect();
                let (back, load_diags) = crate::load::load_texts(&texts);
                // A blank progress report or realisatie (amounts still to fill in) has findings.
                let blank = |f: &str| {
                    f.contains("voortgang") && !k.is_some_and(|k| sub.voortgang.contains_key(&k))
                        || f.ends_with("realisatie.yaml") && sub.realisatie.is_none()
                };
                let load_diags: Vec<_> =
                    load_diags.iter().filter(|d| !blank(d.file.as_deref().unwrap_or(""))).collect();
                assert!(load_diags.is_empty(), "{y} {org} {k:?}: {load_diags:?}\n{texts:?}");
                let again = &back.years[&y][org];
                for d in &docs {
                    let (a, b) = match d.kind {
                        Kind::Plan => (format!("{:?}", sub.plan), format!("{:?}", again.plan)),
                        Kind::Begroting => (format!("{:?}", sub.begroting), format!("{:?}", again.begroting)),
                        Kind::Realisatie if sub.realisatie.is_some() => {
                            (format!("{:?}", sub.realisatie), format!("{:?}", again.realisatie))
                        }
                        Kind::Voortgang if k.is_some_and(|k| sub.voortgang.contains_key(&k)) => {
                            let k = k.unwrap();
                            (format!("{:?}", sub.voortgang.get(&k)), format!("{:?}", again.voortgang.get(&k)))
                        }
                        _ => continue,
                    };
                    assert_eq!(without_places(a), without_places(b), "{y} {org} {:?} {k:?}", d.kind);
                    *compared.entry(d.kind).or_default() += 1;
                }
            }
        }
    }
    // Every kind was compared, for every party of every year that has it.
    assert!(compared[&Kind::Plan] >= 15 * 4 && compared[&Kind::Begroting] >= 15 * 4, "{compared:?}");
    assert!(compared[&Kind::Realisatie] >= 5 && compared[&Kind::Voortgang] >= 30, "{compared:?}");
}

/// The workbook of a year without files is the scaffold of `sjabloon --format yaml`.
#[test]
fn a_new_year_starts_from_the_yaml_scaffold() {
    let t = default_tree();
    let next = t.years.keys().max().unwrap() + 1;
    let (files, _) = crate::sjabloon::next_year(&t, next, None);
    let (scaffold, _) = crate::load::load_texts(&files.into_iter().map(|f| (f.rel, f.text)).collect::<Vec<_>>());
    for (org, sub) in &scaffold.years[&next] {
        let docs = party_docs(&t, next, org, None, date(2026, 11, 29)).unwrap();
        assert_eq!(docs.iter().map(|d| d.kind).collect::<Vec<_>>(), [Kind::Plan, Kind::Begroting]);
        let bytes = workbook(&docs, org, &[], &registers(&t)).unwrap();
        let (files, diags) = workbook_yaml(&bytes, "w.xlsx");
        assert!(diags.is_empty());
        let (back, _) = crate::load::load_texts(&files.into_iter().collect::<Vec<_>>());
        let again = &back.years[&next][org];
        assert_eq!(without_places(format!("{:?}", sub.plan)), without_places(format!("{:?}", again.plan)));
        assert_eq!(without_places(format!("{:?}", sub.begroting)), without_places(format!("{:?}", again.begroting)));
    }
}

/// The same files give the same bytes.
#[test]
fn workbooks_are_reproducible() {
    let t = default_tree();
    let docs = party_docs(&t, 2026, "kadaster-obo", None, date(2026, 11, 29)).unwrap();
    let a = workbook(&docs, "Kadaster", &[], &registers(&t)).unwrap();
    let b = workbook(&docs, "Kadaster", &[], &registers(&t)).unwrap();
    assert_eq!(a, b);
}

#[test]
fn amounts_are_whole_cents_or_refused() {
    let d = |s: &str| Some(s.parse::<Decimal>().unwrap());
    assert_eq!(whole_cents(1_250_000.0), d("1250000.00"));
    assert_eq!(whole_cents(1_250_000.5), d("1250000.50"));
    assert_eq!(whole_cents(0.1 + 0.2), d("0.30"), "a spreadsheet's sum of cents");
    assert_eq!(whole_cents(123_456_789.01), d("123456789.01"), "the nearest double of a large amount");
    assert_eq!(whole_cents(9_999_999_999.99), d("9999999999.99"));
    assert_eq!(whole_cents(1_250_000.333), None);
    assert_eq!(whole_cents(0.005), None);
    assert_eq!(whole_cents(f64::NAN), None);
    assert_eq!(whole_cents(1e14), None);
}

#[test]
fn cells_become_values_or_coded_findings() {
    let c = |raw: Raw| Cell { raw: Some(raw), formula: None };
    let code = |r: Result<_, Box<crate::diag::Diagnostic>>| r.unwrap_err().code.as_str().to_string();
    assert_eq!(code(value("bedrag", Shape::Amount, &c(Raw::Float(1.333)))), "E003");
    assert_eq!(code(value("ingediend_op", Shape::Date, &c(Raw::Float(46000.0)))), "E003");
    assert_eq!(code(value("omschrijving", Shape::Text, &c(Raw::Float(99.5)))), "E003");
    assert_eq!(code(value("bedrag", Shape::Amount, &c(Raw::Error("#DIV/0!".into())))), "E003");
    let formula = Cell { raw: None, formula: Some("B2*2".into()) };
    let e = value("bedrag", Shape::Amount, &formula).unwrap_err();
    assert!(e.message.contains("B2*2"), "{}", e.message);
    use super::values::Val;
    assert_eq!(value("jaar", Shape::Year, &c(Raw::Text("2027".into()))).unwrap(), Some(Val::Int(2027)));
    assert_eq!(
        value("bedrag", Shape::Amount, &c(Raw::Text("1.250.000,00".into()))).unwrap(),
        Some(Val::Text("1.250.000,00".into())),
        "text goes to the loader, which gives the Dutch-notation hint"
    );
    assert_eq!(
        value("resultaten", Shape::Codes, &c(Raw::Text("R1, R2,".into()))).unwrap(),
        Some(Val::List(vec!["R1".into(), "R2".into()]))
    );
    assert_eq!(
        value("gereed", Shape::Date, &c(Raw::Date(Some((2027, 6, 30)), false))).unwrap(),
        Some(Val::Date(date(2027, 6, 30)))
    );
    assert_eq!(code(value("gereed", Shape::Date, &c(Raw::Date(Some((2027, 6, 30)), true)))), "E003");
    assert_eq!(value("omschrijving", Shape::Text, &c(Raw::Text("   ".into()))).unwrap(), None);
}

#[test]
fn cells_are_named_as_a_spreadsheet_names_them() {
    assert_eq!(crate::diag::cell_name("Begroting", 7, 6), "Begroting!F7");
    assert_eq!(crate::diag::cell_name("Risico's", 3, 27), "'Risico''s'!AA3");
    assert_eq!(crate::diag::cell_name("Realisatie resultaten", 5, 16384), "'Realisatie resultaten'!XFD5");
}
