//! Lowering a board meeting and its agenda, and the accepted findings of aanvaard.yaml.

use crate::diag::{Pos, msg};
use crate::load::raw::*;
use crate::load::values::{Lx, YEARS, each};
use crate::model::*;

/// `vergaderingen/<date>-<beraad>.yaml`.
pub fn vergadering(lx: &mut Lx, r: RawVergadering, stem: &str) -> Option<Vergadering> {
    let top = Pos::START;
    let f = &RawVergadering::FIELDS;
    let beraad = lx.text(r.beraad, &f.beraad, top);
    let datum = lx.date(r.datum, &f.datum, top);
    let verzonden = lx.date(r.stukken_verzonden_op, &f.stukken_verzonden_op, top);
    lx.req(r.agenda.as_ref().map(|_| ()), &f.agenda, top);
    let agenda = each(r.agenda, |x, at| {
        let f = &RawAgendapunt::FIELDS;
        let id = lx.number(x.id, &f.id, at);
        let onderwerp = lx.text(x.onderwerp, &f.onderwerp, at);
        let soort = lx.pick(x.soort, &f.soort, at, AgendaSoort::parse);
        let stuk = lx.pick(x.stuk, &f.stuk, at, AgendaStuk::parse);
        // Rule::RequiredWith: a document needs its year.
        let jaar = lx.year_as(x.jaar, f.jaar.name, at, stuk.is_some(), YEARS.0, YEARS.1);
        // Rule::OnlyWhen: a quarter with, and only with, a progress report.
        let voortgang = stuk.as_ref().is_some_and(|s| s.value == AgendaStuk::Voortgangsrapportage);
        let kwartaal_pos = x.kwartaal.as_ref().map(crate::load::values::pos);
        let kwartaal = lx.number_as(x.kwartaal, f.kwartaal.name, at, voortgang, 1, 3);
        if let Some(p) = kwartaal_pos
            && !voortgang
        {
            lx.push(msg::only_when(f.kwartaal.name, f.stuk.name, "voortgangsrapportage"), p);
        }
        let beleidsdoel = lx.id(x.beleidsdoel, &f.beleidsdoel, at);
        let voorstel = lx.text(x.voorstel, &f.voorstel, at);
        let wijziging = x.wijziging.and_then(|w| {
            let wpos = w.pos;
            let f = &RawWijzigingRef::FIELDS;
            let organisatie = lx.id(w.value.organisatie, &f.organisatie, wpos);
            let nummer = lx.number(w.value.nummer, &f.nummer, wpos);
            Some(WijzigingRef {
                organisatie: organisatie?,
                nummer: nummer.map(|n| At::new(n.value as u32, n.pos))?,
                pos: wpos,
            })
        });
        let on_wijziging = wijziging.is_some();
        let alternatieven = each(x.alternatieven, |a, apos| {
            let f = &RawAgendaAlternatief::FIELDS;
            let naam = lx.text(a.naam, &f.naam, apos);
            let niveau = lx.pick(a.niveau, &f.niveau, apos, Niveau::parse).map(|n| n.value);
            let effecten = a.effecten.map(|list| {
                each(Some(list), |e, epos| {
                    let f = &RawEffect::FIELDS;
                    let jaar = lx.year(e.jaar, &f.jaar, epos, YEARS.0, YEARS.1);
                    let bedrag = lx.signed(e.bedrag, &f.bedrag, epos);
                    let aard = lx.pick(e.aard, &f.aard, epos, Aard::parse);
                    let omschrijving = lx.text(e.omschrijving, &f.omschrijving, epos);
                    Some(Effect { jaar: jaar?, bedrag: bedrag?.value, aard: aard?.value, omschrijving, pos: epos })
                })
            });
            // Rule::EachRequiredUnless: an amount unless a level gives it, or effects (contract §13)
            // or the item's wijziging do.
            let needs_amount = niveau.is_none() && effecten.is_none() && !on_wijziging;
            let bedrag = lx.money_as(a.bedrag, f.bedrag.name, apos, needs_amount).map(|m| m.value);
            let risicos = lx.texts(a.risicos, &f.risicos);
            let voorkeur = a.voorkeur.is_some_and(|v| v.value);
            let regels = a.regels.map(|r| lx.codes(Some(r), &f.regels, apos));
            Some(AgendaAlternatief { naam: naam?, bedrag, niveau, risicos, voorkeur, effecten, regels, pos: apos })
        });
        Some(Agendapunt {
            id: id?,
            onderwerp: onderwerp?,
            soort: soort?.value,
            stuk: stuk.map(|s| s.value),
            jaar,
            kwartaal: kwartaal.filter(|_| voortgang).map(|k| k.value as u8),
            beleidsdoel,
            voorstel,
            alternatieven,
            wijziging,
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

/// `aanvaard.yaml`: entries with a code that is no warning are E003 and left out; the others
/// are kept even when another field is wrong (the rest of the entry is reported apart).
pub fn aanvaard(lx: &mut Lx, r: RawAanvaard) -> Vec<Aanvaarding> {
    each(r.aanvaard, |a, at| {
        let f = &RawAanvaarding::FIELDS;
        let organisatie = lx.id(a.organisatie, &f.organisatie, at);
        let jaar = lx.year(a.jaar, &f.jaar, at, YEARS.0, YEARS.1);
        let code_at = lx.id(a.code, &f.code, at);
        let reden = lx.text(a.reden, &f.reden, at);
        let tot = lx.date(a.tot, &f.tot, at).map(|d| d.value);
        let besluit = lx.text(a.besluit, &f.besluit, at);
        let code_at = code_at?;
        let code = crate::diag::Code::ALL
            .iter()
            .copied()
            .find(|c| c.as_str() == code_at.value && c.severity() == crate::diag::Severity::Warning);
        if code.is_none() {
            let d = msg::not_acceptable(&code_at.value)
                .about(organisatie.as_ref().map(|o| o.value.as_str()), jaar.as_ref().map(|j| j.value));
            lx.push(d, code_at.pos);
        }
        Some(Aanvaarding { code: code?, organisatie, jaar, reden: reden?, tot, besluit, pos: at })
    })
}
