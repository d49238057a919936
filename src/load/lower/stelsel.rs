//! Lowering `stelsel.yaml` and `afspraken.yaml`: the construct and its register of agreements.

use crate::diag::{Pos, msg};
use crate::load::raw::*;
use crate::load::values::{Lx, YEARS, each, pos};
use crate::model::*;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// `stelsel.yaml`.
pub fn stelsel(lx: &mut Lx, r: RawStelsel) -> Stelsel {
    let top = Pos::START;
    let f = &RawStelsel::FIELDS;
    let naam = lx.text(r.naam, &f.naam, top).unwrap_or_default();
    lx.req(r.organisaties.as_ref().map(|_| ()), &f.organisaties, top);
    let organisaties = each(r.organisaties, |o, at| {
        let f = &RawOrganisatie::FIELDS;
        let id = lx.id(o.id, &f.id, at);
        let naam = lx.text(o.naam, &f.naam, at);
        let rol = lx.pick(o.rol, &f.rol, at, Rol::parse);
        let rapporteert_aan = lx.id(o.rapporteert_aan, &f.rapporteert_aan, at);
        let kortenaam = lx.text(o.kortenaam, &f.kortenaam, at);
        if rol.as_ref().is_some_and(|r| r.value != Rol::Sbo)
            && rapporteert_aan.is_none()
            && lx.diags.last().is_none_or(|d| d.pos != Some(at))
        {
            // Rule::RequiredUnless: every party but the SBO reports to someone.
            lx.push(msg::missing_field(f.rapporteert_aan.name), at);
        }
        Some(Organisatie { id: id?, naam: naam?, kortenaam, rol: rol?.value, rapporteert_aan, pos: at })
    });
    lx.req(r.financiers.as_ref().map(|_| ()), &f.financiers, top);
    let financiers = each(r.financiers, |n, at| {
        let f = &RawFinancier::FIELDS;
        named(lx, (n.id, &f.id), (n.naam, &f.naam), at)
    });
    lx.req(r.beleidsdoelen.as_ref().map(|_| ()), &f.beleidsdoelen, top);
    let beleidsdoelen = each(r.beleidsdoelen, |b, at| {
        let f = &RawBeleidsdoel::FIELDS;
        let id = lx.id(b.id, &f.id, at);
        let naam = lx.text(b.naam, &f.naam, at);
        let beraad = lx.text(b.beraad, &f.beraad, at);
        Some(Beleidsdoel { id: id?, naam: naam?, beraad: beraad? })
    });
    lx.req(r.componenten.as_ref().map(|_| ()), &f.componenten, top);
    let componenten = each(r.componenten, |n, at| {
        let f = &RawComponent::FIELDS;
        named(lx, (n.id, &f.id), (n.naam, &f.naam), at)
    });
    let features = r.features.map(|fs| {
        each(Some(fs), |x, at| {
            let f = &RawFeature::FIELDS;
            let id = lx.id(x.id, &f.id, at);
            let naam = lx.text(x.naam, &f.naam, at);
            let component = lx.id(x.component, &f.component, at);
            Some(Feature { id: id?, naam: naam?, component })
        })
    });
    let taakstellend = each(r.taakstellend, |t, at| taakstellend(lx, t, at));
    let kalender = each(r.kalender, |k, at| termijn(lx, k, at));
    let normen = r.normen.map(|n| normen(lx, n)).unwrap_or_default();
    let mut weerstandscapaciteit = BTreeMap::new();
    let f = &RawStelsel::FIELDS;
    for (y, v) in r.weerstandscapaciteit.map(|b| b.value.0).unwrap_or_default() {
        let year = lx.year_as(Some(y), f.weerstandscapaciteit.name, top, true, YEARS.0, YEARS.1);
        let m = lx.money_as(Some(v), f.weerstandscapaciteit.name, top, true);
        if let (Some(y), Some(m)) = (year, m) {
            weerstandscapaciteit.insert(y.value, m.value);
        }
    }
    Stelsel {
        naam,
        organisaties,
        financiers,
        beleidsdoelen,
        componenten,
        features,
        taakstellend,
        kalender,
        normen,
        weerstandscapaciteit,
    }
}

fn named(lx: &mut Lx, id: (Option<S>, &Field), naam: (Option<S>, &Field), at: Pos) -> Option<Named> {
    let id = lx.id(id.0, id.1, at);
    let naam = lx.text(naam.0, naam.1, at);
    Some(Named { id: id?, naam: naam? })
}

fn taakstellend(lx: &mut Lx, t: RawTaakstellend, at: Pos) -> Option<Taakstellend> {
    let f = &RawTaakstellend::FIELDS;
    let beleidsdoel = lx.id(t.beleidsdoel, &f.beleidsdoel, at);
    let bedragen_raw = lx.req(t.bedragen, &f.bedragen, at);
    let sleutel_raw = lx.req(t.verdeelsleutel, &f.verdeelsleutel, at);
    let mut bedragen = BTreeMap::new();
    for (y, v) in bedragen_raw.map(|b| b.value.0).unwrap_or_default() {
        let year = lx.year_as(Some(y), f.bedragen.name, at, true, YEARS.0, YEARS.1);
        let m = lx.money_as(Some(v), f.bedragen.name, at, true);
        if let (Some(y), Some(m)) = (year, m) {
            bedragen.insert(y.value, m);
        }
    }
    let verdeelsleutel_pos = sleutel_raw.as_ref().map(pos).unwrap_or(at);
    let mut verdeelsleutel = Vec::new();
    for (k, v) in sleutel_raw.map(|s| s.value.0).unwrap_or_default() {
        let id = lx.id_as(Some(k), f.verdeelsleutel.name, at, true, true);
        let p = pos(&v);
        match parse_percentage(&v.value) {
            Ok(pct) => {
                if let Some(id) = id {
                    verdeelsleutel.push((id, pct));
                }
            }
            Err(AmountError::Negative) => {
                lx.push(msg::bad_amount("verdeelsleutel", &v.value, &AmountError::Negative), p)
            }
            Err(_) => lx.push(msg::bad_percentage(&v.value), p),
        }
    }
    Some(Taakstellend { beleidsdoel: beleidsdoel?, bedragen, verdeelsleutel, verdeelsleutel_pos, pos: at })
}

fn termijn(lx: &mut Lx, k: RawTermijn, at: Pos) -> Option<Termijn> {
    let f = &RawTermijn::FIELDS;
    let stuk = lx.pick(k.stuk, &f.stuk, at, StukSoort::parse);
    let rol = lx.pick(k.rol, &f.rol, at, Rol::parse);
    let jaar = lx.req(k.jaar, &f.jaar, at).and_then(|j| {
        let off = match j.value.as_str() {
            "Y-1" => Some(-1),
            "Y" => Some(0),
            "Y+1" => Some(1),
            _ => None,
        };
        if off.is_none() {
            lx.push(msg::bad_calendar_year(&j.value), pos(&j));
        }
        off
    });
    let maand = lx.number(k.maand, &f.maand, at);
    let dag = lx.number(k.dag, &f.dag, at);
    if let (Some(m), Some(d)) = (&maand, &dag) {
        let max = jiff::civil::Date::new(2024, m.value as i8, 1).map(|x| x.days_in_month() as i64).unwrap_or(31);
        if d.value > max {
            // Rule::DayOfMonth.
            lx.push(msg::bad_number(f.dag.name, d.value, 1, max), d.pos);
            return None;
        }
    }
    // Rule::OnlyWhen: a quarter with, and only with, a progress report.
    let voortgang = stuk.as_ref().is_some_and(|s| s.value == StukSoort::Voortgang);
    let kwartaal_pos = k.kwartaal.as_ref().map(pos);
    let kwartaal = lx.number_as(k.kwartaal, f.kwartaal.name, at, voortgang, 1, 3);
    if let (Some(p), Some(s)) = (kwartaal_pos, &stuk)
        && s.value != StukSoort::Voortgang
    {
        lx.push(msg::only_when(f.kwartaal.name, f.stuk.name, "voortgang"), p);
        return None;
    }
    if voortgang && kwartaal.is_none() {
        return None;
    }
    Some(Termijn {
        stuk: stuk?.value,
        kwartaal: kwartaal.map(|k| k.value as u8),
        rol: rol?.value,
        jaar_offset: jaar?,
        maand: maand?.value as i8,
        dag: dag?.value as i8,
    })
}

fn normen(lx: &mut Lx, n: Spanned<RawNormen>) -> Normen {
    let f = &RawNormen::FIELDS;
    let at = pos(&n);
    let n = n.value;
    let mut out = Normen::default();
    if let Some(s) = n.afwijking_procent {
        match parse_percentage(&s.value) {
            Ok(p) => out.afwijking_procent = p,
            Err(e) => lx.push(msg::bad_amount(f.afwijking_procent.name, &s.value, &e), pos(&s)),
        }
    }
    if let Some(m) = lx.money(n.afwijking_bedrag, &f.afwijking_bedrag, at) {
        out.afwijking_bedrag = m.value;
    }
    if let Some(v) = lx.number(n.minimaal_alternatieven, &f.minimaal_alternatieven, at) {
        out.minimaal_alternatieven = v.value as u32;
    }
    if let Some(v) = lx.number(n.stukken_dagen_voor_vergadering, &f.stukken_dagen_voor_vergadering, at) {
        out.stukken_dagen_voor_vergadering = v.value as u32;
    }
    if let Some(k) = n.kans {
        let f = &RawKans::FIELDS;
        let k = k.value;
        for (i, (given, field)) in [(k.laag, &f.laag), (k.midden, &f.midden), (k.hoog, &f.hoog)].into_iter().enumerate()
        {
            let Some(s) = given else { continue };
            match parse_percentage(&s.value) {
                Ok(p) if p > Decimal::from(100) => lx.push(msg::percentage_above(field.name, &s.value, 100), pos(&s)),
                Ok(p) => out.kans[i] = p,
                Err(e) => lx.push(msg::bad_amount(field.name, &s.value, &e), pos(&s)),
            }
        }
    }
    out
}

/// `afspraken.yaml`.
pub fn afspraken(lx: &mut Lx, r: RawAfspraken) -> Vec<Afspraak> {
    each(r.afspraken, |a, at| {
        let f = &RawAfspraak::FIELDS;
        let organisatie = lx.id(a.organisatie, &f.organisatie, at);
        let soort = lx.pick(a.soort, &f.soort, at, AfspraakSoort::parse);
        let van = lx.date(a.van, &f.van, at).map(|d| d.value);
        let tot = lx.date(a.tot, &f.tot, at).map(|d| d.value);
        let getekend_op = lx.date(a.getekend_op, &f.getekend_op, at).map(|d| d.value);
        let status = lx.pick(a.status, &f.status, at, AfspraakStatus::parse).map(|s| s.value);
        let financiele_paragraaf = a.financiele_paragraaf.map(|b| b.value);
        Some(Afspraak {
            organisatie: organisatie?,
            soort: soort?.value,
            van,
            tot,
            getekend_op,
            financiele_paragraaf,
            status,
            pos: at,
        })
    })
}
