//! The risk paragraph (contract §14): the plans' risks weighted by their chance, per
//! perspective and per party, the ten largest, those without an amount, and the
//! weerstandsvermogen. Shared by the plans and the voortgangsrapportage, from
//! `Rollup::risks`.

use super::cx::Base;
use crate::model::{Klasse, Rol};
use crate::nl;
use crate::rollup::{RiskSum, Risks, Rollup, WeightedRisk};
use crate::table::{Cell, Table};
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

/// The `risicoprofiel` object.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Risicoprofiel {
    /// The chance per class as the stelsel sets it: `laag 10%, midden 30%, hoog 60%`.
    pub kansen: String,
    /// Per perspective (stelsel order; risks without one last, as "Niet toegewezen").
    pub per_beleidsdoel: Vec<RisicoSom>,
    /// Per party (tree order; in an abridged document the SBO and TBOs, the rest together).
    pub per_partij: Vec<RisicoSom>,
    /// All risks together.
    pub totaal: RisicoSom,
    /// The largest weighted risks (at most 10).
    pub grootste: Vec<GewogenRisico>,
    /// The risks without an amount, named (party and description).
    pub zonder_bedrag: Vec<String>,
    /// The weerstandsvermogen of the document's year (`null` without weerstandscapaciteit).
    pub weerstand: Option<WeerstandView>,
}

/// Risks counted together.
#[derive(Clone, Debug, Default, Serialize)]
pub struct RisicoSom {
    /// The perspective's or party's name, or "Totaal".
    pub naam: String,
    /// How many risks.
    pub aantal: usize,
    /// How many of them have no amount.
    pub zonder_bedrag: usize,
    /// Their exposure together.
    pub bedrag: String,
    /// Their weighted amounts together.
    pub gewogen: String,
}

/// One risk with its weighted amount.
#[derive(Clone, Debug, Serialize)]
pub struct GewogenRisico {
    /// The party (short name).
    pub partij: String,
    /// The risk.
    pub omschrijving: String,
    /// The perspective's name (`null`: not assigned).
    pub beleidsdoel: Option<String>,
    /// Chance class.
    pub kans: &'static str,
    /// Impact class.
    pub impact: &'static str,
    /// The exposure.
    pub bedrag: String,
    /// Exposure × chance.
    pub gewogen: String,
    /// The mitigation.
    pub maatregel: Option<String>,
}

/// The means for risks against the weighted total.
#[derive(Clone, Debug, Serialize)]
pub struct WeerstandView {
    /// The year.
    pub jaar: i32,
    /// The weerstandscapaciteit.
    pub capaciteit: String,
    /// The weighted total of all risks.
    pub gewogen: String,
    /// Capacity ÷ weighted total with two decimals (`null`: nothing weighted).
    pub ratio: Option<String>,
    /// The class of the exact ratio, A–F.
    pub klasse: &'static str,
    /// What the class means, e.g. "onvoldoende".
    pub betekenis: &'static str,
}

/// Capacity ÷ weighted total as shown: two decimals, half away from zero.
pub fn ratio_text(ratio: Decimal) -> String {
    nl::number(ratio.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero), 2)
}

/// The risk paragraph of roll-up `r`; `compact`: the parties of an abridged document.
pub fn risicoprofiel(b: &Base, r: &Rollup, compact: bool) -> Risicoprofiel {
    let k = &r.risks;
    let som = |naam: String, s: &RiskSum| RisicoSom {
        naam,
        aantal: s.aantal,
        zonder_bedrag: s.zonder_bedrag,
        bedrag: nl::money(s.bedrag),
        gewogen: nl::money(s.gewogen),
    };
    let per_beleidsdoel = k
        .per_perspective
        .iter()
        .map(|(p, s)| som(p.as_ref().map_or_else(|| "Niet toegewezen".to_string(), |p| b.perspective(p)), s))
        .collect();
    let per_partij = parties(b, r, k, compact, &som);
    let n = &b.st.normen;
    let pct =
        |c: Klasse| format!("{} {}%", c.as_str(), nl::number(n.kans(c).normalize(), n.kans(c).normalize().scale()));
    let kansen = [Klasse::Laag, Klasse::Midden, Klasse::Hoog].map(pct).join(", ");
    Risicoprofiel {
        kansen,
        per_beleidsdoel,
        per_partij,
        totaal: som("Totaal".into(), &k.total),
        grootste: k.largest.iter().map(|&i| gewogen(b, &k.all[i])).collect(),
        zonder_bedrag: k
            .without_amount
            .iter()
            .map(|&i| format!("{}: {}", b.party_short(&k.all[i].party), k.all[i].omschrijving))
            .collect(),
        weerstand: k.weerstand.map(|w| WeerstandView {
            jaar: w.jaar,
            capaciteit: nl::money(w.capaciteit),
            gewogen: nl::money(k.total.gewogen),
            ratio: w.ratio.map(ratio_text),
            klasse: w.klasse.letter(),
            betekenis: w.klasse.betekenis(),
        }),
    }
}

fn gewogen(b: &Base, x: &WeightedRisk) -> GewogenRisico {
    GewogenRisico {
        partij: b.party_short(&x.party),
        omschrijving: x.omschrijving.clone(),
        beleidsdoel: x.beleidsdoel.as_ref().map(|p| b.perspective(p)),
        kans: x.kans.as_str(),
        impact: x.impact.as_str(),
        bedrag: x.bedrag.map(nl::money).unwrap_or_default(),
        gewogen: x.gewogen.map(nl::money).unwrap_or_default(),
        maatregel: x.maatregel.clone(),
    }
}

/// Per party; abridged: the SBO and TBOs, the OBOs together in one row.
fn parties(
    b: &Base,
    r: &Rollup,
    k: &Risks,
    compact: bool,
    som: &dyn Fn(String, &RiskSum) -> RisicoSom,
) -> Vec<RisicoSom> {
    let mut out = Vec::new();
    let mut rest = (0usize, RiskSum::default());
    for (party, s) in &k.per_party {
        let obo = r.org.node(party).is_some_and(|n| n.rol == Rol::Obo);
        if compact && obo {
            rest.0 += 1;
            rest.1.aantal += s.aantal;
            rest.1.zonder_bedrag += s.zonder_bedrag;
            rest.1.bedrag = rest.1.bedrag + s.bedrag;
            rest.1.gewogen = rest.1.gewogen + s.gewogen;
        } else {
            out.push(som(b.party_short(party), s));
        }
    }
    if rest.0 > 0 {
        out.push(som(format!("De andere {} partijen samen", rest.0), &rest.1));
    }
    out
}

/// The risks of the plans as a spreadsheet table: one row per risk, with its chance in percent
/// and its weighted amount.
pub fn table(r: &Rollup) -> Table {
    let text = |s: &str| Cell::Text(s.to_string());
    let headers = [
        "organisatie",
        "id",
        "omschrijving",
        "beleidsdoel",
        "kans",
        "impact",
        "maatregel",
        "bedrag",
        "kans_procent",
        "gewogen",
    ];
    let rows = r
        .risks
        .all
        .iter()
        .map(|k| {
            vec![
                text(&k.party),
                text(&k.id),
                text(&k.omschrijving),
                text(k.beleidsdoel.as_deref().unwrap_or_default()),
                text(k.kans.as_str()),
                text(k.impact.as_str()),
                text(k.maatregel.as_deref().unwrap_or_default()),
                k.bedrag.map_or(Cell::Empty, |m| Cell::Money(m.decimal())),
                Cell::Percent(k.kans_pct),
                k.gewogen.map_or(Cell::Empty, |m| Cell::Money(m.decimal())),
            ]
        })
        .collect();
    Table { name: "risicos".into(), headers: headers.iter().map(|h| h.to_string()).collect(), rows }
}

/// The summary's points: the exposure and the weighted total, the weerstandsvermogen, and the
/// risks that count without an amount.
pub fn points(b: &Base, r: &Rollup) -> Vec<String> {
    let k = &r.risks;
    let mut out = Vec::new();
    if k.total.aantal == 0 {
        return out;
    }
    let risicos = super::text::count(k.total.aantal, "risico", "risico's");
    out.push(format!(
        "De plannen noemen {risicos} met samen {} aan financieel risico; gewogen naar kans is dat {}.",
        nl::money(k.total.bedrag),
        nl::money(k.total.gewogen)
    ));
    if let Some(&i) = k.largest.first() {
        let x = &k.all[i];
        out.push(format!(
            "Het grootste gewogen risico, {} bij kans {}, is „{}” van {}.",
            x.gewogen.map(nl::money).unwrap_or_default(),
            x.kans.as_str(),
            x.omschrijving,
            b.party_short(&x.party)
        ));
    }
    if let Some(w) = k.weerstand {
        out.push(match w.ratio {
            Some(ratio) => format!(
                "Tegenover het gewogen risico staat een weerstandscapaciteit {} van {}: een ratio van {}, klasse {} \
                 ({}).",
                w.jaar,
                nl::money(w.capaciteit),
                ratio_text(ratio),
                w.klasse.letter(),
                w.klasse.betekenis()
            ),
            None => format!(
                "Er is geen gewogen risico; de weerstandscapaciteit {} van {} is vrij beschikbaar.",
                w.jaar,
                nl::money(w.capaciteit)
            ),
        });
    }
    if k.total.zonder_bedrag > 0 {
        let n = k.total.zonder_bedrag;
        out.push(format!(
            "{} zonder bedrag {} niet mee in het gewogen risico.",
            super::text::count(n, "risico", "risico's"),
            if n == 1 { "telt" } else { "tellen" }
        ));
    }
    out
}
