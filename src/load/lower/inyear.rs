//! Lowering the year in execution (contract §11): budget amendments and progress reports.

use super::submission::header;
use crate::diag::Pos;
use crate::load::raw::*;
use crate::load::values::{Lx, each};
use crate::model::*;

/// `wijziging-<n>.yaml`.
pub fn wijziging(lx: &mut Lx, r: RawWijziging) -> Option<Wijziging> {
    let top = Pos::START;
    let f = &RawWijziging::FIELDS;
    let header = header(lx, r.organisatie, r.jaar, r.status, r.ingediend_op);
    let nummer = lx.number(r.nummer, &f.nummer, top);
    let omschrijving = lx.text(r.omschrijving, &f.omschrijving, top);
    let vastgesteld_op = lx.date(r.vastgesteld_op, &f.vastgesteld_op, top);
    lx.req(r.regels.as_ref().map(|_| ()), &f.regels, top);
    let regels = each(r.regels, |x, at| {
        let f = &RawMutatie::FIELDS;
        let regel = lx.id(x.regel, &f.regel, at);
        let mutatie = lx.signed(x.mutatie, &f.mutatie, at);
        let toelichting = lx.text(x.toelichting, &f.toelichting, at);
        let given = [x.omschrijving.is_some(), x.beleidsdoel.is_some(), x.component.is_some(), x.kostensoort.is_some()];
        let omschrijving = lx.text(x.omschrijving, &f.omschrijving, at);
        let beleidsdoel = lx.id(x.beleidsdoel, &f.beleidsdoel, at);
        let component = lx.id(x.component, &f.component, at);
        let kostensoort = lx.pick(x.kostensoort, &f.kostensoort, at, Kostensoort::parse);
        let feature = lx.id(x.feature, &f.feature, at);
        let resultaten = lx.codes(x.resultaten, &f.resultaten, at);
        let nieuw = match (omschrijving, beleidsdoel, component, kostensoort) {
            (Some(omschrijving), Some(beleidsdoel), Some(component), Some(k)) => {
                Some(NieuweRegel { omschrijving, beleidsdoel, component, kostensoort: k.value, feature, resultaten })
            }
            _ => None,
        };
        let onvolledig = nieuw.is_none() && given.iter().any(|g| *g);
        let aard = lx.pick(x.aard, &f.aard, at, Aard::parse).map_or(Aard::Incidenteel, |a| a.value);
        Some(Mutatie { regel: regel?, mutatie, toelichting: toelichting?, nieuw, onvolledig, aard, pos: at })
    });
    Some(Wijziging {
        file: lx.file.to_string(),
        header: header?,
        nummer: nummer.map(|n| At::new(n.value as u32, n.pos))?,
        omschrijving: omschrijving?,
        vastgesteld_op,
        regels,
    })
}

/// `voortgang-q<k>.yaml`.
pub fn voortgang(lx: &mut Lx, r: RawVoortgang) -> Option<Voortgang> {
    let top = Pos::START;
    let f = &RawVoortgang::FIELDS;
    let header = header(lx, r.organisatie, r.jaar, r.status, r.ingediend_op);
    let kwartaal = lx.number(r.kwartaal, &f.kwartaal, top);
    lx.req(r.regels.as_ref().map(|_| ()), &f.regels, top);
    lx.req(r.resultaten.as_ref().map(|_| ()), &f.resultaten, top);
    let regels = each(r.regels, |x, at| {
        let f = &RawVoortgangRegel::FIELDS;
        let regel = lx.id(x.regel, &f.regel, at);
        let tot_en_met = lx.money(x.tot_en_met, &f.tot_en_met, at);
        let prognose = lx.money(x.prognose, &f.prognose, at);
        let toelichting = lx.text(x.toelichting, &f.toelichting, at);
        Some(VoortgangRegel { regel: regel?, tot_en_met, prognose, toelichting })
    });
    let resultaten = each(r.resultaten, |x, at| {
        let f = &RawVoortgangResultaat::FIELDS;
        let resultaat = lx.id(x.resultaat, &f.resultaat, at);
        let status = lx.pick(x.status, &f.status, at, VoortgangStatus::parse);
        let toelichting = lx.text(x.toelichting, &f.toelichting, at);
        Some(VoortgangResultaat { resultaat: resultaat?, status: status?.value, toelichting })
    });
    Some(Voortgang {
        file: lx.file.to_string(),
        header: header?,
        kwartaal: kwartaal.map(|k| At::new(k.value as u8, k.pos))?,
        regels,
        resultaten,
    })
}
