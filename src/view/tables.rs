//! The roll-up tables: totals per level (own, consolidated, integral), the caps with the gap
//! over the financiers, and the portfolio (feature-based costing) with its breakdowns.

use super::cx::Ctx;
use super::text::{Bedragen, fractie, key_percent, row};
use crate::model::{Money, Rol, Year};
use crate::nl;
use crate::rollup::{Grid, Years};
use serde::Serialize;

/// The `niveaus` object.
#[derive(Clone, Debug, Serialize)]
pub struct Niveaus {
    /// The year columns.
    pub kop: Vec<String>,
    /// One row per party (own), per TBO (consolidated) and the SBO (integral).
    pub rijen: Vec<NiveauRij>,
    /// What consolidated means.
    pub toelichting: &'static str,
}

/// One row of the roll-up.
#[derive(Clone, Debug, Serialize)]
pub struct NiveauRij {
    /// The party.
    pub naam: String,
    /// Its id.
    pub id: String,
    /// Its role.
    pub rol: &'static str,
    /// The party it reports to.
    pub rapporteert_aan: Option<String>,
    /// Its depth in the tree (SBO 0).
    pub diepte: usize,
    /// `eigen`, `geconsolideerd` or `integraal`.
    pub soort: &'static str,
    /// Whether it reports outside the OBO → TBO → SBO line.
    pub buiten_lijn: bool,
    /// Per year column.
    pub bedragen: Vec<String>,
    /// Their sum.
    pub totaal: String,
}

/// One perspective against its cap.
#[derive(Clone, Debug, Serialize)]
pub struct TaakstellendView {
    /// The perspective's name.
    pub beleidsdoel: String,
    /// Its id.
    pub id: String,
    /// The allocation key in words (empty without a taakstellend entry).
    pub verdeelsleutel: String,
    /// Per year column.
    pub jaren: Vec<CapJaar>,
}

/// One perspective and year.
#[derive(Clone, Debug, Serialize)]
pub struct CapJaar {
    /// The year.
    pub jaar: Year,
    /// The cap (`null`: "geen taakstellend budget").
    pub budget: Option<String>,
    /// The total request.
    pub aanvraag: String,
    /// Request − cap (`null` without a cap).
    pub verschil: Option<String>,
    /// Whether the request exceeds the cap.
    pub boven: bool,
    /// Whether there is no cap.
    pub geen_budget: bool,
    /// The difference over every financier, to the cent (empty without a cap).
    pub verdeling: Vec<Verdeling>,
    /// The request as a fraction of the chart maximum (this perspective, all columns).
    pub aanvraag_fractie: f64,
    /// The cap as a fraction of the chart maximum (0 without a cap).
    pub budget_fractie: f64,
}

/// One financier's share of a difference.
#[derive(Clone, Debug, Serialize)]
pub struct Verdeling {
    /// The financier's name.
    pub financier: String,
    /// Its percentage in the key.
    pub percentage: String,
    /// Its share, with cents.
    pub bedrag: String,
}

fn grid_row(g: &Grid, jaren: &[Year]) -> Bedragen {
    let years: Years = jaren.iter().map(|j| (*j, g.year(*j))).collect();
    row(&years, jaren)
}

/// Every party's own total, each TBO's (and any other party with parties below it)
/// consolidated total after its subtree, and the SBO's integral total last.
pub fn niveaus(cx: &Ctx) -> Niveaus {
    let mut rijen = Vec::new();
    let nodes = &cx.r.org.nodes;
    let mut open: Vec<(usize, &str)> = Vec::new(); // consolidated rows waiting for their subtree to end
    let push = |rijen: &mut Vec<NiveauRij>, id: &str, soort: &'static str| {
        let n = cx.r.org.node(id).expect("a node of the tree");
        let grid = match soort {
            "eigen" => cx.r.own.get(id),
            _ => cx.r.consolidated.get(id),
        };
        let b = grid_row(grid.unwrap_or(&Grid::default()), &cx.jaren);
        rijen.push(NiveauRij {
            naam: n.naam.clone(),
            id: n.id.clone(),
            rol: n.rol.as_str(),
            rapporteert_aan: n.parent.as_ref().map(|p| cx.party(p)),
            diepte: n.depth,
            soort,
            buiten_lijn: n.buiten_lijn,
            bedragen: b.bedragen,
            totaal: b.totaal,
        });
    };
    for n in nodes {
        while open.last().is_some_and(|(d, _)| *d >= n.depth) {
            let (_, id) = open.pop().expect("checked");
            push(&mut rijen, id, consolidated_kind(cx, id));
        }
        push(&mut rijen, &n.id, "eigen");
        if n.rol == Rol::Sbo || n.rol == Rol::Tbo || !n.children.is_empty() {
            open.push((n.depth, &n.id));
        }
    }
    while let Some((_, id)) = open.pop() {
        push(&mut rijen, id, consolidated_kind(cx, id));
    }
    Niveaus {
        kop: cx.kop(),
        rijen,
        toelichting: "Eigen = de eigen begroting van de partij. Geconsolideerd = eigen begroting plus die van de \
                      partijen die (direct of indirect) aan de partij rapporteren. Integraal = alle partijen samen.",
    }
}

fn consolidated_kind(cx: &Ctx, id: &str) -> &'static str {
    match cx.r.org.node(id).map(|n| n.rol) {
        Some(Rol::Sbo) => "integraal",
        _ => "geconsolideerd",
    }
}

/// Every perspective against its cap per year column, with the gap over the financiers.
pub fn taakstellend(cx: &Ctx) -> Vec<TaakstellendView> {
    cx.r.caps
        .iter()
        .map(|cap| {
            let cols: Vec<_> = cap.jaren.iter().filter(|j| cx.jaren.contains(&j.jaar)).collect();
            let max =
                cols.iter().flat_map(|j| [Some(j.request), j.cap]).flatten().max().unwrap_or(Money::ZERO).decimal();
            let key = cap.verdeelsleutel.as_deref().unwrap_or_default();
            let percent = |f: &str| key.iter().filter(|(k, _)| k == f).map(|(_, p)| *p).sum();
            let jaren = cols
                .iter()
                .map(|j| CapJaar {
                    jaar: j.jaar,
                    budget: j.cap.map(nl::money),
                    aanvraag: nl::money(j.request),
                    verschil: j.difference.map(nl::eur),
                    boven: j.over(),
                    geen_budget: j.cap.is_none(),
                    verdeling: j
                        .allocation
                        .iter()
                        .map(|(f, d)| Verdeling {
                            financier: cx.financier(f),
                            percentage: key_percent(percent(f)),
                            bedrag: nl::eur_cents(*d),
                        })
                        .collect(),
                    aanvraag_fractie: fractie(j.request.decimal(), max),
                    budget_fractie: j.cap.map(|c| fractie(c.decimal(), max)).unwrap_or(0.0),
                })
                .collect();
            let words: Vec<String> =
                key.iter().map(|(f, p)| format!("{} {}", cx.financier(f), key_percent(*p))).collect();
            TaakstellendView {
                beleidsdoel: cx.perspective(&cap.beleidsdoel),
                id: cap.beleidsdoel.clone(),
                verdeelsleutel: words.join(", "),
                jaren,
            }
        })
        .collect()
}
