//! The model as [`FileValues`]s: a party's current files exactly as the loader read them, and blank
//! realisatie and voortgang files (every line and result listed, amounts to fill in).

use super::values::{FileValues, Kind, Record, Val};
use crate::model::*;

/// A budget line shown beside its realisation or progress line: id, omschrijving, budget.
pub type LineInfo = (String, String, Money);
/// A plan result shown beside its status: id, omschrijving.
pub type ResultInfo = (String, String);

fn kop(kind: Kind, h: &Header) -> FileValues {
    let mut d = FileValues::new(kind);
    d.kop.put("organisatie", Val::Text(h.organisatie.value.clone()));
    d.kop.put("jaar", Val::Int(h.jaar.value.into()));
    d.kop.put("status", Val::Text(h.status.as_str().into()));
    if let Some(at) = &h.ingediend_op {
        d.kop.put("ingediend_op", Val::Date(at.value));
    }
    d
}

fn id(r: &mut Record, field: &'static str, v: Option<&At<String>>) {
    r.text(field, v.map(|a| a.value.as_str()));
}

fn money(m: Money) -> Val {
    Val::Amount(m.decimal())
}

/// A plan as values.
pub fn plan(p: &Plan) -> FileValues {
    let mut d = kop(Kind::Plan, &p.header);
    d.kop.put("dienstverleningsniveau", Val::Text(p.dienstverleningsniveau.value.as_str().into()));
    let doelen = p.doelen.iter().map(|x| {
        let mut r = Record::default();
        r.put("id", Val::Text(x.id.value.clone()));
        r.put("beleidsdoel", Val::Text(x.beleidsdoel.value.clone()));
        r.put("omschrijving", Val::Text(x.omschrijving.clone()));
        r.text("indicator", x.indicator.as_deref());
        r.text("streefwaarde", x.streefwaarde.as_deref());
        r
    });
    let resultaten = p.resultaten.iter().map(|x| {
        let mut r = Record::default();
        r.put("id", Val::Text(x.id.value.clone()));
        r.put("doel", Val::Text(x.doel.value.clone()));
        r.put("omschrijving", Val::Text(x.omschrijving.clone()));
        id(&mut r, "component", x.component.as_ref());
        if let Some(g) = x.gereed {
            r.put("gereed", Val::Date(g));
        }
        r
    });
    let doorkijk = p.doorkijk.iter().map(|x| {
        let mut r = Record::default();
        r.put("jaar", Val::Int(x.jaar.value.into()));
        r.put("omschrijving", Val::Text(x.omschrijving.clone()));
        id(&mut r, "doel", x.doel.as_ref());
        id(&mut r, "beleidsdoel", x.beleidsdoel.as_ref());
        r
    });
    let risicos = p.risicos.iter().map(|x| {
        let mut r = Record::default();
        r.put("id", Val::Text(x.id.value.clone()));
        r.put("omschrijving", Val::Text(x.omschrijving.clone()));
        r.put("kans", Val::Text(x.kans.as_str().into()));
        r.put("impact", Val::Text(x.impact.as_str().into()));
        r.text("maatregel", x.maatregel.as_deref());
        if let Some(b) = x.bedrag {
            r.put("bedrag", money(b));
        }
        id(&mut r, "beleidsdoel", x.beleidsdoel.as_ref());
        r
    });
    let gevolgen = p.beheerconsequenties.iter().map(|x| {
        let mut r = Record::default();
        r.put("omschrijving", Val::Text(x.omschrijving.clone()));
        r.put("bedrag_per_jaar", money(x.bedrag_per_jaar));
        r.put("vanaf", Val::Int(x.vanaf.value.into()));
        if let Some(t) = &x.tot {
            r.put("tot", Val::Int(t.value.into()));
        }
        id(&mut r, "component", x.component.as_ref());
        id(&mut r, "beleidsdoel", x.beleidsdoel.as_ref());
        r.text("besluit", x.besluit.as_deref());
        r
    });
    d.lists = vec![
        ("doelen", doelen.collect()),
        ("resultaten", resultaten.collect()),
        ("doorkijk", doorkijk.collect()),
        ("risicos", risicos.collect()),
        ("beheerconsequenties", gevolgen.collect()),
    ];
    d
}

/// A begroting as values.
pub fn begroting(b: &Begroting) -> FileValues {
    let mut d = kop(Kind::Begroting, &b.header);
    let regels = b.regels.iter().map(|x| {
        let mut r = Record::default();
        r.put("id", Val::Text(x.id.value.clone()));
        r.put("omschrijving", Val::Text(x.omschrijving.clone()));
        r.put("beleidsdoel", Val::Text(x.beleidsdoel.value.clone()));
        r.put("component", Val::Text(x.component.value.clone()));
        r.put("kostensoort", Val::Text(x.kostensoort.as_str().into()));
        id(&mut r, "feature", x.feature.as_ref());
        if !x.resultaten.is_empty() {
            r.put("resultaten", Val::List(x.resultaten.iter().map(|a| a.value.clone()).collect()));
        }
        if x.aard != Aard::Structureel {
            r.put("aard", Val::Text(x.aard.as_str().into()));
        }
        let years = x.bedragen.iter().map(|(y, m)| (i64::from(*y), Box::new(money(m.value)), None)).collect();
        r.put("bedragen", Val::Years(years));
        r
    });
    let alternatieven = b.alternatieven.iter().map(|x| {
        let mut r = Record::default();
        r.put("niveau", Val::Text(x.niveau.value.as_str().into()));
        r.put("totaal", money(x.totaal));
        r.put("omschrijving", Val::Text(x.omschrijving.clone()));
        if !x.risicos.is_empty() {
            r.put("risicos", Val::List(x.risicos.clone()));
        }
        id(&mut r, "beleidsdoel", x.beleidsdoel.as_ref());
        r
    });
    d.lists = vec![("regels", regels.collect()), ("alternatieven", alternatieven.collect())];
    d
}

/// A realisatie as values; `lines` gives each budget line's omschrijving and budget for Y,
/// shown beside it for information.
pub fn realisatie(r: &Realisatie, lines: &[LineInfo], results: &[ResultInfo]) -> FileValues {
    let mut d = kop(Kind::Realisatie, &r.header);
    let regels = r.regels.iter().map(|x| {
        let mut rec = Record::default();
        rec.put("regel", Val::Text(x.regel.value.clone()));
        if let Some(b) = &x.bedrag {
            rec.put("bedrag", money(b.value));
        }
        rec.text("toelichting", x.toelichting.as_deref());
        rec.info = line_info(lines, &x.regel.value);
        rec
    });
    let resultaten =
        r.resultaten.iter().map(|x| status_row(results, &x.resultaat.value, x.status.as_str(), &x.toelichting));
    let doelen = r.doelen.iter().map(|x| {
        let mut rec = Record::default();
        rec.put("doel", Val::Text(x.doel.value.clone()));
        rec.put("waarde", Val::Text(x.waarde.clone()));
        rec.text("toelichting", x.toelichting.as_deref());
        rec
    });
    d.lists = vec![("regels", regels.collect()), ("resultaten", resultaten.collect()), ("doelen", doelen.collect())];
    d
}

/// A voortgang as values (see [`realisatie`] for `lines` and `results`).
pub fn voortgang(v: &Voortgang, lines: &[LineInfo], results: &[ResultInfo]) -> FileValues {
    let mut d = kop(Kind::Voortgang, &v.header);
    insert_kwartaal(&mut d, v.kwartaal.value);
    let regels = v.regels.iter().map(|x| {
        let mut rec = Record::default();
        rec.put("regel", Val::Text(x.regel.value.clone()));
        if let Some(b) = &x.tot_en_met {
            rec.put("tot_en_met", money(b.value));
        }
        if let Some(b) = &x.prognose {
            rec.put("prognose", money(b.value));
        }
        rec.text("toelichting", x.toelichting.as_deref());
        rec.info = line_info(lines, &x.regel.value);
        rec
    });
    let resultaten =
        v.resultaten.iter().map(|x| status_row(results, &x.resultaat.value, x.status.as_str(), &x.toelichting));
    d.lists = vec![("regels", regels.collect()), ("resultaten", resultaten.collect())];
    d
}

/// A result's status row, with the result's omschrijving beside it.
fn status_row(results: &[ResultInfo], id: &str, status: &str, toelichting: &Option<String>) -> Record {
    let mut rec = Record::default();
    rec.put("resultaat", Val::Text(id.to_string()));
    rec.put("status", Val::Text(status.into()));
    rec.text("toelichting", toelichting.as_deref());
    rec.info = result_info(results, id);
    rec
}

fn insert_kwartaal(d: &mut FileValues, k: u8) {
    let at = d.kop.fields.iter().position(|v| v.field == "status").unwrap_or(d.kop.fields.len());
    d.kop.fields.insert(at, super::values::Value { field: "kwartaal", val: Val::Int(k.into()), src: None });
}

/// A blank realisatie (`kwartaal: None`) or voortgang for party `org` and year `y`: one row
/// per budget line and per plan result, with the amounts and statuses left to fill in.
pub fn blank(org: &str, y: Year, kwartaal: Option<u8>, lines: &[LineInfo], results: &[ResultInfo]) -> FileValues {
    let kind = if kwartaal.is_some() { Kind::Voortgang } else { Kind::Realisatie };
    let mut d = FileValues::new(kind);
    d.kop.put("organisatie", Val::Text(org.into()));
    d.kop.put("jaar", Val::Int(y.into()));
    d.kop.put("status", Val::Text(Status::Concept.as_str().into()));
    if let Some(k) = kwartaal {
        insert_kwartaal(&mut d, k);
    }
    let regels = lines.iter().map(|(regel, _, _)| {
        let mut rec = Record::default();
        rec.put("regel", Val::Text(regel.clone()));
        rec.info = line_info(lines, regel);
        rec
    });
    let resultaten = results.iter().map(|(res, _)| {
        let mut rec = Record::default();
        rec.put("resultaat", Val::Text(res.clone()));
        rec.info = result_info(results, res);
        rec
    });
    d.lists = vec![("regels", regels.collect()), ("resultaten", resultaten.collect())];
    d
}

/// The header of the information column with a line's budget.
pub const BUDGET_INFO: &str = "(begroting na wijziging)";

fn line_info(lines: &[LineInfo], regel: &str) -> Vec<(String, Val)> {
    match lines.iter().find(|(id, _, _)| id == regel) {
        Some((_, omschrijving, m)) => vec![
            ("(omschrijving)".into(), Val::Text(omschrijving.clone())),
            (BUDGET_INFO.into(), Val::Amount(m.decimal())),
        ],
        None => Vec::new(),
    }
}

fn result_info(results: &[ResultInfo], res: &str) -> Vec<(String, Val)> {
    results
        .iter()
        .find(|(id, _)| id == res)
        .map(|(_, o)| vec![("(omschrijving)".into(), Val::Text(o.clone()))])
        .unwrap_or_default()
}
