//! The roll-up tables: totals per level (own, consolidated, integral), the caps with the gap
//! over the financiers, and the portfolio (feature-based costing) with its breakdowns.

use super::cx::Ctx;
use super::plan::{accounts_kop, accounts_row};
use super::text::{fractie, key_percent, row};
use crate::model::{Money, Rol, Year};
use crate::nl;
use crate::rollup::allocate;
use crate::rollup::{Grid, Years};
use rust_decimal::Decimal;
use serde::Serialize;

/// The `niveaus` object.
#[derive(Clone, Debug, Serialize)]
pub struct Niveaus {
    /// The column headings: the years, or in the jaarrekening begroting, wijzigingen, na wijziging,
    /// gerealiseerd, verschil.
    pub kop: Vec<String>,
    /// One row per party (own), per TBO (consolidated) and the SBO (integral), all perspectives.
    pub rijen: Vec<NiveauRij>,
    /// The same rows per perspective.
    pub perspectieven: Vec<NiveausPerspectief>,
    /// What consolidated means.
    pub toelichting: &'static str,
}

/// The roll-up of one perspective.
#[derive(Clone, Debug, Serialize)]
pub struct NiveausPerspectief {
    /// The perspective's name.
    pub naam: String,
    /// Its rows.
    pub rijen: Vec<NiveauRij>,
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
    /// Per column.
    pub bedragen: Vec<String>,
    /// Their sum over the year columns (`null` when the columns are no years).
    pub totaal: Option<String>,
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
    pub begroting: String,
    /// Request − cap (`null` without a cap).
    pub verschil: Option<String>,
    /// Whether the request exceeds the cap.
    pub boven: bool,
    /// Whether there is no cap.
    pub geen_budget: bool,
    /// The difference over every financier, to the cent (empty without a cap).
    pub verdeling: Vec<Verdeling>,
    /// The request as a fraction of the chart maximum (this perspective, all columns).
    pub begroting_fractie: f64,
    /// The cap as a fraction of the chart maximum (0 without a cap).
    pub budget_fractie: f64,
    /// The jaarrekening's realisation against the cap (`null` in the plans).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub realisatie: Option<CapRealisatie>,
}

/// The realised total of a perspective against its cap (jaarrekening).
#[derive(Clone, Debug, Serialize)]
pub struct CapRealisatie {
    /// The realised total (`null` when a party has not delivered its realisation).
    pub gerealiseerd: Option<String>,
    /// Realised − cap (`null` without a cap or a complete realisation).
    pub verschil: Option<String>,
    /// Whether the realisation exceeds the cap.
    pub boven: bool,
    /// An overrun over every financier, to the cent (empty without an overrun).
    pub verdeling: Vec<Verdeling>,
    /// The realisation as a fraction of the chart maximum.
    pub fractie: f64,
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

/// Every party's own total, each TBO's (and any other party with parties below it)
/// consolidated total after its subtree, and the SBO's integral total last; for all
/// perspectives together and per perspective. In the jaarrekening: begroting, wijzigingen,
/// amended budget, gerealiseerd and verschil at every level.
pub fn niveaus(cx: &Ctx) -> Niveaus {
    let kop = if cx.is_plan() { cx.kop() } else { accounts_kop(cx.r.jaar) };
    let perspectieven =
        cx.r.caps
            .iter()
            .filter(|c| cx.r.integral.perspectives().any(|p| p == c.beleidsdoel))
            .map(|c| NiveausPerspectief { naam: cx.perspective(&c.beleidsdoel), rijen: rows(cx, Some(&c.beleidsdoel)) })
            .collect();
    Niveaus {
        kop,
        rijen: rows(cx, None),
        perspectieven,
        toelichting: "Eigen = de eigen begroting van de partij. Geconsolideerd = eigen begroting plus die van de \
                      partijen die (direct of indirect) aan de partij rapporteren. Integraal = alle partijen samen.",
    }
}

/// The rows of one roll-up table, for one perspective or all.
fn rows(cx: &Ctx, p: Option<&str>) -> Vec<NiveauRij> {
    let mut rijen = Vec::new();
    let mut open: Vec<(usize, &str)> = Vec::new(); // consolidated rows waiting for their subtree to end
    let push = |rijen: &mut Vec<NiveauRij>, id: &str, soort: &'static str| {
        let n = cx.r.org.node(id).expect("a node of the tree");
        let (budget, amended, real) = match soort {
            "eigen" => (cx.r.own.get(id), cx.r.amended.own.get(id), cx.r.realised.own.get(id)),
            _ => (cx.r.consolidated.get(id), cx.r.amended.consolidated.get(id), cx.r.realised.consolidated.get(id)),
        };
        let empty = Grid::default();
        let cell = |g: &Grid, y: Year| p.map_or_else(|| g.year(y), |p| g.get(p, y));
        let (bedragen, totaal) = if cx.is_plan() {
            let years: Years = cx.jaren.iter().map(|j| (*j, cell(budget.unwrap_or(&empty), *j))).collect();
            let b = row(&years, &cx.jaren);
            (b.bedragen, Some(b.totaal))
        } else {
            let y = cx.r.jaar;
            // A level is complete when every party counted in it delivered its realisation.
            let complete = match soort {
                "eigen" => real.is_some(),
                _ => cx.r.realised.missing.get(id).is_none_or(|&m| m == 0),
            };
            let r = real.filter(|_| complete).map(|g| cell(g, y)).or(complete.then_some(Money::ZERO));
            (accounts_row(cell(budget.unwrap_or(&empty), y), cell(amended.unwrap_or(&empty), y), r), None)
        };
        rijen.push(NiveauRij {
            naam: n.naam.clone(),
            id: n.id.clone(),
            rol: n.rol.as_str(),
            rapporteert_aan: n.parent.as_ref().map(|p| cx.party(p)),
            diepte: n.depth,
            soort,
            buiten_lijn: n.buiten_lijn,
            bedragen,
            totaal,
        });
    };
    for n in &cx.r.org.nodes {
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
    rijen
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
            let complete = cx.r.verantwoording.parties.len() == cx.r.options.len()
                && cx.r.realised.missing.values().all(|&m| m == 0);
            let real = (!cx.is_plan() && complete).then(|| cx.r.realised.integral.get(&cap.beleidsdoel, cx.r.jaar));
            let max = cols
                .iter()
                .flat_map(|j| [Some(j.request), j.cap, real])
                .flatten()
                .max()
                .unwrap_or(Money::ZERO)
                .decimal();
            let key = cap.verdeelsleutel.as_deref().unwrap_or_default();
            let percent = |f: &str| key.iter().filter(|(k, _)| k == f).map(|(_, p)| *p).sum();
            let shares = |d: Decimal| -> Vec<Verdeling> {
                let ids: Vec<String> = cx.st.financiers.iter().map(|f| f.id.value.clone()).collect();
                allocate(d, key, &ids)
                    .into_iter()
                    .map(|(f, d)| Verdeling {
                        financier: cx.financier(&f),
                        percentage: key_percent(percent(&f)),
                        bedrag: nl::eur_cents(d),
                    })
                    .collect()
            };
            let jaren = cols
                .iter()
                .map(|j| CapJaar {
                    jaar: j.jaar,
                    budget: j.cap.map(nl::money),
                    begroting: nl::money(j.request),
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
                    begroting_fractie: fractie(j.request.decimal(), max),
                    budget_fractie: j.cap.map(|c| fractie(c.decimal(), max)).unwrap_or(0.0),
                    realisatie: (!cx.is_plan()).then(|| {
                        let diff = real.zip(j.cap).map(|(r, c)| r.decimal() - c.decimal());
                        let boven = diff.is_some_and(|d| d > Decimal::ZERO);
                        CapRealisatie {
                            gerealiseerd: real.map(nl::money),
                            verschil: diff.map(nl::eur),
                            boven,
                            verdeling: diff.filter(|_| boven && !key.is_empty()).map(shares).unwrap_or_default(),
                            fractie: real.map(|r| fractie(r.decimal(), max)).unwrap_or(0.0),
                        }
                    }),
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
