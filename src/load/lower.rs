//! Lowering: raw YAML types to validated model types. Judges the form of every value
//! (E003, E201) and keeps every place; items missing a required field are reported and left out.

use super::raw::Spanned;
use super::raw::*;
use super::values::{Lx, YEARS, pos};
use crate::diag::{Pos, msg};
use crate::model::*;
use std::collections::BTreeMap;

fn each<R, T>(list: Option<Vec<Spanned<R>>>, mut f: impl FnMut(R, Pos) -> Option<T>) -> Vec<T> {
    list.unwrap_or_default()
        .into_iter()
        .filter_map(|s| {
            let p = pos(&s);
            f(s.value, p)
        })
        .collect()
}

/// `stelsel.yaml`.
pub fn stelsel(lx: &mut Lx, r: RawStelsel) -> Stelsel {
    let top = Pos::START;
    let naam = lx.text(r.naam, "naam", top, true).unwrap_or_default();
    lx.req(r.organisaties.as_ref().map(|_| ()), "organisaties", top);
    let organisaties = each(r.organisaties, |o, at| {
        let id = lx.id(o.id, "id", at, true, true);
        let naam = lx.text(o.naam, "naam", at, true);
        let rol = lx.pick(o.rol, "rol", at, true, Rol::parse, Rol::SPELLINGS);
        let rapporteert_aan = lx.id(o.rapporteert_aan, "rapporteert_aan", at, false, true);
        if rol.as_ref().is_some_and(|r| r.value != Rol::Sbo)
            && rapporteert_aan.is_none()
            && lx.diags.last().is_none_or(|d| d.pos != Some(at))
        {
            lx.push(msg::missing_field("rapporteert_aan"), at);
        }
        Some(Organisatie { id: id?, naam: naam?, rol: rol?.value, rapporteert_aan, pos: at })
    });
    lx.req(r.financiers.as_ref().map(|_| ()), "financiers", top);
    let financiers = each(r.financiers, |f, at| named(lx, f, at));
    lx.req(r.beleidsdoelen.as_ref().map(|_| ()), "beleidsdoelen", top);
    let beleidsdoelen = each(r.beleidsdoelen, |b, at| {
        let id = lx.id(b.id, "id", at, true, true);
        let naam = lx.text(b.naam, "naam", at, true);
        let beraad = lx.text(b.beraad, "beraad", at, true);
        Some(Beleidsdoel { id: id?, naam: naam?, beraad: beraad? })
    });
    lx.req(r.componenten.as_ref().map(|_| ()), "componenten", top);
    let componenten = each(r.componenten, |c, at| named(lx, c, at));
    let features = r.features.map(|fs| {
        each(Some(fs), |f, at| {
            let id = lx.id(f.id, "id", at, true, true);
            let naam = lx.text(f.naam, "naam", at, true);
            let component = lx.id(f.component, "component", at, false, true);
            Some(Feature { id: id?, naam: naam?, component })
        })
    });
    let taakstellend = each(r.taakstellend, |t, at| taakstellend(lx, t, at));
    let kalender = each(r.kalender, |k, at| termijn(lx, k, at));
    let normen = r.normen.map(|n| normen(lx, n)).unwrap_or_default();
    Stelsel { naam, organisaties, financiers, beleidsdoelen, componenten, features, taakstellend, kalender, normen }
}

fn named(lx: &mut Lx, n: RawNamed, at: Pos) -> Option<Named> {
    let id = lx.id(n.id, "id", at, true, true);
    let naam = lx.text(n.naam, "naam", at, true);
    Some(Named { id: id?, naam: naam? })
}

fn taakstellend(lx: &mut Lx, t: RawTaakstellend, at: Pos) -> Option<Taakstellend> {
    let beleidsdoel = lx.id(t.beleidsdoel, "beleidsdoel", at, true, true);
    let bedragen_raw = lx.req(t.bedragen, "bedragen", at);
    let sleutel_raw = lx.req(t.verdeelsleutel, "verdeelsleutel", at);
    let mut bedragen = BTreeMap::new();
    for (y, v) in bedragen_raw.map(|b| b.value.0).unwrap_or_default() {
        let year = lx.year(Some(y), "bedragen", at, true, YEARS.0, YEARS.1);
        let m = lx.money(Some(v), "bedragen", at, true);
        if let (Some(y), Some(m)) = (year, m) {
            bedragen.insert(y.value, m);
        }
    }
    let verdeelsleutel_pos = sleutel_raw.as_ref().map(pos).unwrap_or(at);
    let mut verdeelsleutel = Vec::new();
    for (k, v) in sleutel_raw.map(|s| s.value.0).unwrap_or_default() {
        let id = lx.id(Some(k), "verdeelsleutel", at, true, true);
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
    let stuk = lx.pick(k.stuk, "stuk", at, true, StukSoort::parse, StukSoort::SPELLINGS);
    let rol = lx.pick(k.rol, "rol", at, true, Rol::parse, Rol::SPELLINGS);
    let jaar = lx.req(k.jaar, "jaar", at).and_then(|j| {
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
    let maand = lx.number(k.maand, "maand", at, true, 1, 12);
    let dag = lx.number(k.dag, "dag", at, true, 1, 31);
    if let (Some(m), Some(d)) = (&maand, &dag) {
        let max = jiff::civil::Date::new(2024, m.value as i8, 1).map(|x| x.days_in_month() as i64).unwrap_or(31);
        if d.value > max {
            lx.push(msg::bad_number("dag", d.value, 1, max), d.pos);
            return None;
        }
    }
    Some(Termijn {
        stuk: stuk?.value,
        rol: rol?.value,
        jaar_offset: jaar?,
        maand: maand?.value as i8,
        dag: dag?.value as i8,
    })
}

fn normen(lx: &mut Lx, n: Spanned<RawNormen>) -> Normen {
    let at = pos(&n);
    let n = n.value;
    let mut out = Normen::default();
    if let Some(s) = n.afwijking_procent {
        match parse_percentage(&s.value) {
            Ok(p) => out.afwijking_procent = p,
            Err(e) => lx.push(msg::bad_amount("afwijking_procent", &s.value, &e), pos(&s)),
        }
    }
    if let Some(m) = lx.money(n.afwijking_bedrag, "afwijking_bedrag", at, false) {
        out.afwijking_bedrag = m.value;
    }
    if let Some(v) = lx.number(n.minimaal_alternatieven, "minimaal_alternatieven", at, false, 0, 4) {
        out.minimaal_alternatieven = v.value as u32;
    }
    if let Some(v) = lx.number(n.stukken_dagen_voor_vergadering, "stukken_dagen_voor_vergadering", at, false, 0, 366) {
        out.stukken_dagen_voor_vergadering = v.value as u32;
    }
    out
}

/// `afspraken.yaml`.
pub fn afspraken(lx: &mut Lx, r: RawAfspraken) -> Vec<Afspraak> {
    each(r.afspraken, |a, at| {
        let organisatie = lx.id(a.organisatie, "organisatie", at, true, true);
        let soort = lx.pick(a.soort, "soort", at, true, AfspraakSoort::parse, AfspraakSoort::SPELLINGS);
        let van = lx.date(a.van, "van", at, false).map(|d| d.value);
        let tot = lx.date(a.tot, "tot", at, false).map(|d| d.value);
        let getekend_op = lx.date(a.getekend_op, "getekend_op", at, false).map(|d| d.value);
        let status =
            lx.pick(a.status, "status", at, false, AfspraakStatus::parse, AfspraakStatus::SPELLINGS).map(|s| s.value);
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

fn header(
    lx: &mut Lx,
    organisatie: Option<S>,
    jaar: Option<I>,
    status: Option<S>,
    ingediend_op: Option<S>,
) -> Option<Header> {
    let top = Pos::START;
    let organisatie = lx.id(organisatie, "organisatie", top, true, true);
    let jaar = lx.year(jaar, "jaar", top, true, YEARS.0, YEARS.1);
    let status = lx.pick(status, "status", top, true, Status::parse, Status::SPELLINGS);
    let ingediend_op = lx.date(ingediend_op, "ingediend_op", top, false);
    Some(Header { organisatie: organisatie?, jaar: jaar?, status: status?.value, ingediend_op })
}

/// `plan.yaml`; `y` is the folder's year (for the outlook's range).
pub fn plan(lx: &mut Lx, r: RawPlan, y: Year) -> Option<Plan> {
    let top = Pos::START;
    let header = header(lx, r.organisatie, r.jaar, r.status, r.ingediend_op);
    let niveau =
        lx.pick(r.dienstverleningsniveau, "dienstverleningsniveau", top, true, Niveau::parse, Niveau::SPELLINGS);
    lx.req(r.doelen.as_ref().map(|_| ()), "doelen", top);
    lx.req(r.resultaten.as_ref().map(|_| ()), "resultaten", top);
    let doelen = each(r.doelen, |d, at| {
        let id = lx.id(d.id, "id", at, true, false);
        let beleidsdoel = lx.id(d.beleidsdoel, "beleidsdoel", at, true, true);
        let omschrijving = lx.text(d.omschrijving, "omschrijving", at, true);
        let indicator = lx.text(d.indicator, "indicator", at, false);
        let streefwaarde = lx.text(d.streefwaarde, "streefwaarde", at, false);
        Some(Doel { id: id?, beleidsdoel: beleidsdoel?, omschrijving: omschrijving?, indicator, streefwaarde })
    });
    let resultaten = each(r.resultaten, |x, at| {
        let id = lx.id(x.id, "id", at, true, false);
        let doel = lx.id(x.doel, "doel", at, true, false);
        let omschrijving = lx.text(x.omschrijving, "omschrijving", at, true);
        let component = lx.id(x.component, "component", at, false, true);
        let gereed = lx.date(x.gereed, "gereed", at, false).map(|d| d.value);
        Some(Resultaat { id: id?, doel: doel?, omschrijving: omschrijving?, component, gereed })
    });
    let doorkijk = each(r.doorkijk, |x, at| {
        let jaar = lx.year(x.jaar, "jaar", at, true, (y + 1) as i64, (y + 3) as i64);
        let omschrijving = lx.text(x.omschrijving, "omschrijving", at, true);
        let doel = lx.id(x.doel, "doel", at, false, false);
        let beleidsdoel = lx.id(x.beleidsdoel, "beleidsdoel", at, false, true);
        Some(Doorkijk { jaar: jaar?, omschrijving: omschrijving?, doel, beleidsdoel })
    });
    let risicos = each(r.risicos, |x, at| {
        let id = lx.id(x.id, "id", at, true, false);
        let omschrijving = lx.text(x.omschrijving, "omschrijving", at, true);
        let kans = lx.pick(x.kans, "kans", at, true, Klasse::parse, Klasse::SPELLINGS);
        let impact = lx.pick(x.impact, "impact", at, true, Klasse::parse, Klasse::SPELLINGS);
        let maatregel = lx.text(x.maatregel, "maatregel", at, false);
        let bedrag = lx.money(x.bedrag, "bedrag", at, false).map(|m| m.value);
        Some(Risico {
            id: id?,
            omschrijving: omschrijving?,
            kans: kans?.value,
            impact: impact?.value,
            maatregel,
            bedrag,
        })
    });
    let beheerconsequenties = each(r.beheerconsequenties, |x, at| {
        let omschrijving = lx.text(x.omschrijving, "omschrijving", at, true);
        let bedrag = lx.money(x.bedrag_per_jaar, "bedrag_per_jaar", at, true);
        let vanaf = lx.year(x.vanaf, "vanaf", at, true, YEARS.0, YEARS.1);
        let component = lx.id(x.component, "component", at, false, true);
        let beleidsdoel = lx.id(x.beleidsdoel, "beleidsdoel", at, false, true);
        let besluit = lx.text(x.besluit, "besluit", at, false);
        Some(Beheerconsequentie {
            omschrijving: omschrijving?,
            bedrag_per_jaar: bedrag?.value,
            vanaf: vanaf?,
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
    let header = header(lx, r.organisatie, r.jaar, r.status, r.ingediend_op);
    lx.req(r.regels.as_ref().map(|_| ()), "regels", top);
    let regels = each(r.regels, |x, at| {
        let id = lx.id(x.id, "id", at, true, false);
        let omschrijving = lx.text(x.omschrijving, "omschrijving", at, true);
        let beleidsdoel = lx.id(x.beleidsdoel, "beleidsdoel", at, true, true);
        let component = lx.id(x.component, "component", at, true, true);
        let kostensoort = lx.pick(x.kostensoort, "kostensoort", at, true, Kostensoort::parse, Kostensoort::SPELLINGS);
        let feature = lx.id(x.feature, "feature", at, false, true);
        let resultaten = x
            .resultaten
            .unwrap_or_default()
            .into_iter()
            .filter_map(|s| lx.id(Some(s), "resultaten", at, true, false))
            .collect();
        let raw = lx.req(x.bedragen, "bedragen", at);
        let bedragen_pos = raw.as_ref().map(pos).unwrap_or(at);
        let mut bedragen = BTreeMap::new();
        let mut bedragen_invalid = raw.is_none();
        for (y, v) in raw.map(|b| b.value.0).unwrap_or_default() {
            let year = lx.year(Some(y), "bedragen", at, true, 1000, 9999);
            let m = lx.money(Some(v), "bedragen", at, true);
            match (year, m) {
                (Some(y), Some(m)) => {
                    bedragen.insert(y.value, At::new(m.value, y.pos));
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
            bedragen,
            bedragen_pos,
            bedragen_invalid,
        })
    });
    let alternatieven_pos = r.alternatieven.as_ref().map(pos).unwrap_or(top);
    let alternatieven = each(r.alternatieven.map(|a| a.value), |x, at| {
        let niveau = lx.pick(x.niveau, "niveau", at, true, Niveau::parse, Niveau::SPELLINGS);
        let totaal = lx.money(x.totaal, "totaal", at, true);
        let omschrijving = lx.text(x.omschrijving, "omschrijving", at, true);
        let risicos = lx.texts(x.risicos, "risicos");
        Some(Alternatief { niveau: niveau?, totaal: totaal?.value, omschrijving: omschrijving?, risicos })
    });
    Some(Begroting { file: lx.file.to_string(), header: header?, regels, alternatieven, alternatieven_pos })
}

/// `realisatie.yaml`.
pub fn realisatie(lx: &mut Lx, r: RawRealisatie) -> Option<Realisatie> {
    let top = Pos::START;
    let header = header(lx, r.organisatie, r.jaar, r.status, r.ingediend_op);
    lx.req(r.regels.as_ref().map(|_| ()), "regels", top);
    lx.req(r.resultaten.as_ref().map(|_| ()), "resultaten", top);
    let regels = each(r.regels, |x, at| {
        let regel = lx.id(x.regel, "regel", at, true, false);
        let bedrag = lx.money(x.bedrag, "bedrag", at, true);
        let toelichting = lx.text(x.toelichting, "toelichting", at, false);
        Some(RealisatieRegel { regel: regel?, bedrag, toelichting })
    });
    let resultaten = each(r.resultaten, |x, at| {
        let resultaat = lx.id(x.resultaat, "resultaat", at, true, false);
        let status = lx.pick(x.status, "status", at, true, ResultaatStatus::parse, ResultaatStatus::SPELLINGS);
        let toelichting = lx.text(x.toelichting, "toelichting", at, false);
        Some(ResultaatStatusRegel { resultaat: resultaat?, status: status?.value, toelichting })
    });
    Some(Realisatie { file: lx.file.to_string(), header: header?, regels, resultaten })
}

/// `vergaderingen/<date>-<beraad>.yaml`.
pub fn vergadering(lx: &mut Lx, r: RawVergadering, stem: &str) -> Option<Vergadering> {
    let top = Pos::START;
    let beraad = lx.text(r.beraad, "beraad", top, true);
    let datum = lx.date(r.datum, "datum", top, true);
    let verzonden = lx.date(r.stukken_verzonden_op, "stukken_verzonden_op", top, false);
    lx.req(r.agenda.as_ref().map(|_| ()), "agenda", top);
    let agenda = each(r.agenda, |x, at| {
        let id = lx.number(x.id, "id", at, true, 0, i64::from(u32::MAX));
        let onderwerp = lx.text(x.onderwerp, "onderwerp", at, true);
        let soort = lx.pick(x.soort, "soort", at, true, AgendaSoort::parse, AgendaSoort::SPELLINGS);
        let stuk = lx.pick(x.stuk, "stuk", at, false, CycleDoc::parse, CycleDoc::SPELLINGS);
        let jaar = lx.year(x.jaar, "jaar", at, stuk.is_some(), YEARS.0, YEARS.1);
        let voorstel = lx.text(x.voorstel, "voorstel", at, false);
        let alternatieven = each(x.alternatieven, |a, apos| {
            let naam = lx.text(a.naam, "naam", apos, true);
            let niveau = lx.pick(a.niveau, "niveau", apos, false, Niveau::parse, Niveau::SPELLINGS).map(|n| n.value);
            let bedrag = lx.money(a.bedrag, "bedrag", apos, niveau.is_none()).map(|m| m.value);
            let risicos = lx.texts(a.risicos, "risicos");
            Some(AgendaAlternatief { naam: naam?, bedrag, niveau, risicos, pos: apos })
        });
        Some(Agendapunt {
            id: id?,
            onderwerp: onderwerp?,
            soort: soort?.value,
            stuk: stuk.map(|s| s.value),
            jaar,
            voorstel,
            alternatieven,
            pos: at,
        })
    });
    Some(Vergadering {
        file: lx.file.to_string(),
        stem: stem.to_string(),
        beraad: beraad?,
        datum: datum?,
        stukken_verzonden_op: verzonden,
        agenda,
    })
}
