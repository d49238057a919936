//! Lowering a party's submission: plan, begroting and realisatie, with their shared header.

use crate::diag::Pos;
use crate::load::raw::*;
use crate::load::values::{Lx, YEARS, each, pos};
use crate::model::*;
use std::collections::BTreeMap;

pub(super) fn header(
    lx: &mut Lx,
    organisatie: Option<S>,
    jaar: Option<I>,
    status: Option<S>,
    ingediend_op: Option<S>,
) -> Option<Header> {
    let top = Pos::START;
    let field = |name, spec| Field { name, spec };
    let organisatie = lx.id(organisatie, &field("organisatie", ORGANISATIE), top);
    let jaar = lx.year(jaar, &field("jaar", JAAR), top, YEARS.0, YEARS.1);
    let status = lx.pick(status, &field("status", STATUS), top, Status::parse);
    let ingediend_op = lx.date(ingediend_op, &field("ingediend_op", INGEDIEND_OP), top);
    Some(Header { organisatie: organisatie?, jaar: jaar?, status: status?.value, ingediend_op })
}

/// `plan.yaml`; `y` is the folder's year (for the outlook's range).
pub fn plan(lx: &mut Lx, r: RawPlan, y: Year) -> Option<Plan> {
    let top = Pos::START;
    let f = &RawPlan::FIELDS;
    let header = header(lx, r.organisatie, r.jaar, r.status, r.ingediend_op);
    let niveau = lx.pick(r.dienstverleningsniveau, &f.dienstverleningsniveau, top, Niveau::parse);
    lx.req(r.doelen.as_ref().map(|_| ()), &f.doelen, top);
    lx.req(r.resultaten.as_ref().map(|_| ()), &f.resultaten, top);
    let doelen = each(r.doelen, |d, at| {
        let f = &RawDoel::FIELDS;
        let id = lx.id(d.id, &f.id, at);
        let beleidsdoel = lx.id(d.beleidsdoel, &f.beleidsdoel, at);
        let omschrijving = lx.text(d.omschrijving, &f.omschrijving, at);
        let indicator = lx.text(d.indicator, &f.indicator, at);
        let streefwaarde = lx.text(d.streefwaarde, &f.streefwaarde, at);
        Some(Doel { id: id?, beleidsdoel: beleidsdoel?, omschrijving: omschrijving?, indicator, streefwaarde })
    });
    let resultaten = each(r.resultaten, |x, at| {
        let f = &RawResultaat::FIELDS;
        let id = lx.id(x.id, &f.id, at);
        let doel = lx.id(x.doel, &f.doel, at);
        let omschrijving = lx.text(x.omschrijving, &f.omschrijving, at);
        let component = lx.id(x.component, &f.component, at);
        let gereed = lx.date(x.gereed, &f.gereed, at).map(|d| d.value);
        Some(Resultaat { id: id?, doel: doel?, omschrijving: omschrijving?, component, gereed })
    });
    let doorkijk = each(r.doorkijk, |x, at| {
        let f = &RawDoorkijk::FIELDS;
        let jaar = lx.year(x.jaar, &f.jaar, at, (y + 1) as i64, (y + 3) as i64);
        let omschrijving = lx.text(x.omschrijving, &f.omschrijving, at);
        let doel = lx.id(x.doel, &f.doel, at);
        let beleidsdoel = lx.id(x.beleidsdoel, &f.beleidsdoel, at);
        Some(Doorkijk { jaar: jaar?, omschrijving: omschrijving?, doel, beleidsdoel })
    });
    let risicos = each(r.risicos, |x, at| {
        let f = &RawRisico::FIELDS;
        let id = lx.id(x.id, &f.id, at);
        let omschrijving = lx.text(x.omschrijving, &f.omschrijving, at);
        let kans = lx.pick(x.kans, &f.kans, at, Klasse::parse);
        let impact = lx.pick(x.impact, &f.impact, at, Klasse::parse);
        let maatregel = lx.text(x.maatregel, &f.maatregel, at);
        let bedrag = lx.money(x.bedrag, &f.bedrag, at).map(|m| m.value);
        let beleidsdoel = lx.id(x.beleidsdoel, &f.beleidsdoel, at);
        Some(Risico {
            id: id?,
            omschrijving: omschrijving?,
            kans: kans?.value,
            impact: impact?.value,
            maatregel,
            bedrag,
            beleidsdoel,
        })
    });
    let beheerconsequenties = each(r.beheerconsequenties, |x, at| {
        let f = &RawBeheerconsequentie::FIELDS;
        let omschrijving = lx.text(x.omschrijving, &f.omschrijving, at);
        let bedrag = lx.money(x.bedrag_per_jaar, &f.bedrag_per_jaar, at);
        let vanaf = lx.year(x.vanaf, &f.vanaf, at, YEARS.0, YEARS.1);
        // `tot` is the last year, never before `vanaf` (E003).
        let from = vanaf.as_ref().map_or(YEARS.0, |v| i64::from(v.value));
        let tot = lx.year(x.tot, &f.tot, at, from, YEARS.1);
        let component = lx.id(x.component, &f.component, at);
        let beleidsdoel = lx.id(x.beleidsdoel, &f.beleidsdoel, at);
        let besluit = lx.text(x.besluit, &f.besluit, at);
        Some(Beheerconsequentie {
            omschrijving: omschrijving?,
            bedrag_per_jaar: bedrag?.value,
            vanaf: vanaf?,
            tot,
            component,
            beleidsdoel,
            besluit,
        })
    });
    Some(Plan {
        file: lx.file.to_string(),
        header: header?,
        dienstverleningsniveau: niveau?,
        doelen,
        resultaten,
        doorkijk,
        risicos,
        beheerconsequenties,
    })
}

/// `begroting.yaml`.
pub fn begroting(lx: &mut Lx, r: RawBegroting) -> Option<Begroting> {
    let top = Pos::START;
    let f = &RawBegroting::FIELDS;
    let header = header(lx, r.organisatie, r.jaar, r.status, r.ingediend_op);
    lx.req(r.regels.as_ref().map(|_| ()), &f.regels, top);
    let regels = each(r.regels, |x, at| {
        let f = &RawRegel::FIELDS;
        let id = lx.id(x.id, &f.id, at);
        let omschrijving = lx.text(x.omschrijving, &f.omschrijving, at);
        let beleidsdoel = lx.id(x.beleidsdoel, &f.beleidsdoel, at);
        let component = lx.id(x.component, &f.component, at);
        let kostensoort = lx.pick(x.kostensoort, &f.kostensoort, at, Kostensoort::parse);
        let feature = lx.id(x.feature, &f.feature, at);
        let resultaten = lx.codes(x.resultaten, &f.resultaten, at);
        let aard = lx.pick(x.aard, &f.aard, at, Aard::parse).map_or(Aard::Structureel, |a| a.value);
        let raw = lx.req(x.bedragen, &f.bedragen, at);
        let bedragen_pos = raw.as_ref().map(pos).unwrap_or(at);
        let (mut bedragen, mut jaren) = (BTreeMap::new(), BTreeMap::new());
        let mut bedragen_invalid = raw.is_none();
        for (y, v) in raw.map(|b| b.value.0).unwrap_or_default() {
            let year = lx.year_as(Some(y), f.bedragen.name, at, true, 1000, 9999);
            let m = lx.money_as(Some(v), f.bedragen.name, at, true);
            match (year, m) {
                (Some(y), Some(m)) => {
                    bedragen.insert(y.value, m);
                    jaren.insert(y.value, y.pos);
                }
                _ => bedragen_invalid = true,
            }
        }
        Some(Regel {
            id: id?,
            omschrijving: omschrijving?,
            beleidsdoel: beleidsdoel?,
            component: component?,
            kostensoort: kostensoort?.value,
            feature,
            resultaten,
            aard,
            bedragen,
            jaren,
            bedragen_pos,
            bedragen_invalid,
        })
    });
    let alternatieven_pos = r.alternatieven.as_ref().map(pos).unwrap_or(top);
    let alternatieven = each(r.alternatieven.map(|a| a.value), |x, at| {
        let f = &RawAlternatief::FIELDS;
        let niveau = lx.pick(x.niveau, &f.niveau, at, Niveau::parse);
        let totaal = lx.money(x.totaal, &f.totaal, at);
        let omschrijving = lx.text(x.omschrijving, &f.omschrijving, at);
        let risicos = lx.texts(x.risicos, &f.risicos);
        let beleidsdoel = lx.id(x.beleidsdoel, &f.beleidsdoel, at);
        Some(Alternatief { niveau: niveau?, totaal: totaal?.value, omschrijving: omschrijving?, risicos, beleidsdoel })
    });
    Some(Begroting { file: lx.file.to_string(), header: header?, regels, alternatieven, alternatieven_pos })
}

/// `realisatie.yaml`.
pub fn realisatie(lx: &mut Lx, r: RawRealisatie) -> Option<Realisatie> {
    let top = Pos::START;
    let f = &RawRealisatie::FIELDS;
    let header = header(lx, r.organisatie, r.jaar, r.status, r.ingediend_op);
    lx.req(r.regels.as_ref().map(|_| ()), &f.regels, top);
    lx.req(r.resultaten.as_ref().map(|_| ()), &f.resultaten, top);
    let regels = each(r.regels, |x, at| {
        let f = &RawRealisatieRegel::FIELDS;
        let regel = lx.id(x.regel, &f.regel, at);
        let bedrag = lx.money(x.bedrag, &f.bedrag, at);
        let toelichting = lx.text(x.toelichting, &f.toelichting, at);
        Some(RealisatieRegel { regel: regel?, bedrag, toelichting })
    });
    let resultaten = each(r.resultaten, |x, at| {
        let f = &RawResultaatStatus::FIELDS;
        let resultaat = lx.id(x.resultaat, &f.resultaat, at);
        let status = lx.pick(x.status, &f.status, at, ResultaatStatus::parse);
        let toelichting = lx.text(x.toelichting, &f.toelichting, at);
        Some(ResultaatStatusRegel { resultaat: resultaat?, status: status?.value, toelichting })
    });
    let doelen = each(r.doelen, |x, at| {
        let f = &RawDoelWaarde::FIELDS;
        let doel = lx.id(x.doel, &f.doel, at);
        let waarde = lx.text(x.waarde, &f.waarde, at);
        let toelichting = lx.text(x.toelichting, &f.toelichting, at);
        Some(DoelWaarde { doel: doel?, waarde: waarde?, toelichting })
    });
    Some(Realisatie { file: lx.file.to_string(), header: header?, regels, resultaten, doelen })
}
