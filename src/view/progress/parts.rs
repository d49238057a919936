//! The parts of the voortgangsrapportage: the chart, the level tables per perspective, the
//! lines off track, the results, the wijzigingen, the prognosis per feature, the deliveries.

use super::model::*;
use crate::model::{FileKind, StukSoort};
use crate::nl;
use crate::rollup::{Figures, PerPerspective, WijzigingRow};
use crate::view::bound::{Begrenzing, Spec, bound};
use crate::view::register::{Aanlevering, aanlevering};
use crate::view::text::fractie;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

pub(super) fn grafiek(x: &Px) -> Vec<Staaf> {
    let ids = perspective_ids(x);
    let max = ids
        .iter()
        .flat_map(|id| {
            let f = &x.p.integral[*id];
            [f.besteed, f.prognose, f.gewijzigd].into_iter().chain(cap(x, id))
        })
        .map(|m| m.decimal())
        .max()
        .unwrap_or_default();
    ids.iter()
        .map(|id| {
            let f = &x.p.integral[*id];
            let c = cap(x, id);
            Staaf {
                label: x.base.perspective(id),
                besteed: nl::money(f.besteed),
                besteed_fractie: fractie(f.besteed.decimal(), max),
                prognose: nl::money(f.prognose),
                prognose_fractie: fractie(f.prognose.decimal(), max),
                gewijzigd: nl::money(f.gewijzigd),
                gewijzigd_fractie: fractie(f.gewijzigd.decimal(), max),
                budget: c.map(nl::money),
                budget_fractie: c.map(|c| fractie(c.decimal(), max)),
            }
        })
        .collect()
}

fn row(x: &Px, id: &str, f: &Figures, soort: &'static str) -> NiveauRij {
    let n = x.r.org.node(id);
    let g = f.gewijzigd.decimal();
    NiveauRij {
        naam: x.base.party(id),
        naam_kort: x.base.party_short(id),
        rol: n.map_or("", |n| n.rol.as_str()),
        diepte: n.map_or(0, |n| n.depth),
        soort,
        gewijzigd: nl::money(f.gewijzigd),
        besteed: nl::money(f.besteed),
        aandeel: (!g.is_zero()).then(|| nl::percent((f.besteed.decimal() * Decimal::from(100) / g).round_dp(1))),
        prognose: nl::money(f.prognose),
        afwijking: nl::eur(f.afwijking()),
        onbekend: match f.onbekend {
            0 => String::new(),
            1 => "1 partij zonder rapportage".into(),
            n => format!("{n} partijen zonder rapportage"),
        },
        later: match f.later {
            0 => String::new(),
            1 => "1 regel van na het kwartaal: prognose is gewijzigde begroting".into(),
            n => format!("{n} regels van na het kwartaal: prognose is gewijzigde begroting"),
        },
    }
}

fn levels(x: &Px, perspective: &str) -> Vec<NiveauRij> {
    let own: BTreeMap<&str, &PerPerspective> = x.p.parties.iter().map(|p| (p.party.as_str(), &p.own)).collect();
    let mut out = Vec::new();
    for n in &x.r.org.nodes {
        let Some(f) = own.get(n.id.as_str()).and_then(|m| m.get(perspective)) else { continue };
        out.push(row(x, &n.id, f, "eigen"));
    }
    for n in x.r.org.nodes.iter().filter(|n| !n.children.is_empty() && n.parent.is_some()) {
        if let Some(f) = x.p.consolidated.get(&n.id).and_then(|m| m.get(perspective)) {
            out.push(row(x, &n.id, f, "geconsolideerd"));
        }
    }
    if let Some(top) = x.r.org.nodes.iter().find(|n| n.parent.is_none())
        && let Some(f) = x.p.integral.get(perspective)
    {
        out.push(row(x, &top.id, f, "integraal"));
    }
    out
}

pub(super) fn perspectieven(x: &Px) -> Vec<PerspectiefView> {
    let mut out: Vec<PerspectiefView> = perspective_ids(x)
        .into_iter()
        .map(|id| {
            let c = cap(x, id);
            let prognose = x.p.integral[id].prognose;
            PerspectiefView {
                id: id.to_string(),
                naam: x.base.perspective(id),
                budget: c.map(nl::money),
                verschil_budget: c.map(|c| nl::eur(prognose.decimal() - c.decimal())),
                boven_budget: c.is_some_and(|c| prognose > c),
                rijen: levels(x, id),
            }
        })
        .collect();
    out.push(PerspectiefView {
        id: String::new(),
        naam: "Alle beleidsdoelen samen".into(),
        budget: None,
        verschil_budget: None,
        boven_budget: false,
        rijen: levels(x, ""),
    });
    out
}

pub(super) fn signalen(x: &Px) -> (Vec<Signaal>, Vec<Begrenzing>) {
    let mut out = Vec::new();
    for p in &x.p.parties {
        for l in p.lines.iter().filter(|l| l.signaal) {
            // Judged by the quarter's own yardstick (§14), and shown against it.
            let d = l.prognose.decimal() - l.maatstaf.decimal();
            let s = Signaal {
                partij: x.base.party(&p.party),
                partij_kort: x.base.party_short(&p.party),
                regel: l.id.clone(),
                omschrijving: l.omschrijving.clone(),
                beleidsdoel: x.base.perspective(&l.beleidsdoel),
                gewijzigd: nl::money(l.maatstaf),
                besteed: l.besteed.map(nl::money).unwrap_or_else(|| "onbekend".into()),
                prognose: nl::money(l.prognose),
                afwijking: with_percent(d, l.maatstaf.decimal()),
                toelichting: l.toelichting.clone(),
            };
            out.push((s, crate::view::bound::weight(d)));
        }
    }
    // Every row is a signal: a party with very many shows the largest deviations.
    let spec = Spec {
        wat: "signalen",
        aandacht: None,
        overige: "de grootste",
        tabel: &format!("voortgang-q{}", x.p.kwartaal),
    };
    let (b, _) = bound(&mut out, |s| s.0.partij.clone(), |_| false, |s| s.1, &spec);
    (out.into_iter().map(|s| s.0).collect(), b)
}

pub(super) fn resultaten(x: &Px) -> (Vec<ResultaatView>, Vec<Begrenzing>) {
    let mut out: Vec<ResultaatView> =
        x.p.parties
            .iter()
            .flat_map(|p| {
                p.results.iter().map(|(id, omschrijving, status, toelichting)| ResultaatView {
                    partij: x.base.party(&p.party),
                    partij_kort: x.base.party_short(&p.party),
                    id: id.clone(),
                    omschrijving: omschrijving.clone(),
                    status: status.map_or("onbekend", |s| s.as_str()),
                    status_woord: status.map_or("geen rapportage", |s| s.label()),
                    toelichting: toelichting.clone(),
                })
            })
            .collect();
    let spec = Spec {
        wat: "resultaten",
        aandacht: Some("die achterlopen of waarover niet is gerapporteerd"),
        overige: "de eerste",
        tabel: "resultaten",
    };
    let attention = |r: &ResultaatView| matches!(r.status, "achter" | "onbekend");
    let (b, _) = bound(&mut out, |r| r.partij.clone(), attention, |_| 0, &spec);
    (out, b)
}

fn wijziging(x: &Px, w: &WijzigingRow) -> WijzigingView {
    WijzigingView {
        partij: x.base.party(&w.party),
        partij_kort: x.base.party_short(&w.party),
        nummer: w.nummer,
        omschrijving: w.omschrijving.clone(),
        vastgesteld_op: w.vastgesteld_op.map(nl::date),
        mutatie: nl::eur(w.totaal),
        regels: w.regels,
    }
}

pub(super) fn wijzigingen(x: &Px) -> Wijzigingen {
    Wijzigingen {
        van_kracht: x.p.in_effect.iter().map(|w| wijziging(x, w)).collect(),
        voorgesteld: x.p.proposed.iter().map(|w| wijziging(x, w)).collect(),
        totaal_van_kracht: nl::eur(x.p.in_effect.iter().map(|w| w.totaal).sum()),
    }
}

pub(super) fn portfolio(x: &Px) -> Vec<FeatureView> {
    let mut sums: BTreeMap<(usize, String), (crate::model::Money, crate::model::Money)> = BTreeMap::new();
    let order = |id: &str| x.base.st.beleidsdoelen.iter().position(|b| b.id.value == id).unwrap_or(usize::MAX);
    for l in x.p.parties.iter().flat_map(|p| &p.lines) {
        let key = (order(&l.beleidsdoel), format!("{}\u{0}{}", l.beleidsdoel, l.feature.clone().unwrap_or_default()));
        let e = sums.entry(key).or_default();
        *e = (e.0 + l.gewijzigd, e.1 + l.prognose);
    }
    sums.into_iter()
        .map(|((_, key), (g, p))| {
            let (b, f) = key.split_once('\u{0}').unwrap_or((&key, ""));
            FeatureView {
                beleidsdoel: x.base.perspective(b),
                feature: if f.is_empty() { "zonder functionaliteit".into() } else { x.base.feature(f) },
                gewijzigd: nl::money(g),
                prognose: nl::money(p),
                afwijking: nl::eur(p.decimal() - g.decimal()),
            }
        })
        .collect()
}

pub(super) fn aanleveringen(x: &Px) -> Vec<Aanlevering> {
    let (y, k) = (x.p.jaar, x.p.kwartaal);
    let mut out = Vec::new();
    for n in &x.r.org.nodes {
        let due = x.base.tree.due(x.base.st, &n.id, n.rol, y, Some(StukSoort::Voortgang), x.base.peildatum);
        let quarter = due.iter().filter(|d| d.kind == FileKind::Voortgang && d.kwartaal == Some(k));
        out.extend(quarter.map(|d| aanlevering(&n.naam, d, y)));
    }
    out
}
