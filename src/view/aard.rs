//! Structural and incidental (contract §14): per perspective and year the request split into
//! its structural and incidental part, the structural part beside the capped budget — a
//! "structureel tekort" where the structural part alone is above it —, and the same split
//! per party. Plans only (the jaarrekening uses the amended budget, which is not split).

use super::cx::Ctx;
use crate::model::{Money, Rol, Year};
use crate::nl;
use serde::Serialize;

/// The `aard` object.
#[derive(Clone, Debug, Default, Serialize)]
pub struct AardView {
    /// The year columns.
    pub jaren: Vec<Year>,
    /// Per perspective (stelsel order), integral: one entry per year column.
    pub perspectieven: Vec<AardPerspectief>,
    /// All perspectives together, per year column (no cap: the caps are per perspective).
    pub totaal: Vec<AardJaar>,
    /// Per party and perspective, the structural and the incidental amounts per year column;
    /// in an abridged document the SBO and each TBO with the parties below it.
    pub partijen: Vec<AardPartij>,
}

/// One perspective.
#[derive(Clone, Debug, Serialize)]
pub struct AardPerspectief {
    /// Its name.
    pub beleidsdoel: String,
    /// Its id.
    pub id: String,
    /// Per year column.
    pub jaren: Vec<AardJaar>,
    /// Whether the structural part is above the cap in some year column.
    pub tekort: bool,
}

/// One perspective (or all) and one year.
#[derive(Clone, Debug, Serialize)]
pub struct AardJaar {
    /// The year.
    pub jaar: Year,
    /// The cap (`null`: none).
    pub budget: Option<String>,
    /// The structural part of the request.
    pub structureel: String,
    /// The incidental part.
    pub incidenteel: String,
    /// The whole request.
    pub totaal: String,
    /// The structural part minus the cap, when positive: the structural shortfall.
    pub tekort: Option<String>,
    /// The cap minus the structural part, when not negative: room for incidental costs.
    pub ruimte: Option<String>,
}

/// One party in one perspective.
#[derive(Clone, Debug, Serialize)]
pub struct AardPartij {
    /// The party (in an abridged document with "en N partijen eronder").
    pub partij: String,
    /// The perspective's name.
    pub beleidsdoel: String,
    /// The structural amount per year column.
    pub structureel: Vec<String>,
    /// The incidental amount per year column.
    pub incidenteel: Vec<String>,
    /// The whole request per year column.
    pub totaal: Vec<String>,
    /// Whether some year column has a structural amount.
    pub heeft_structureel: bool,
    /// Whether some year column has an incidental amount.
    pub heeft_incidenteel: bool,
}

/// A perspective's structural shortfall: the years and amounts where the structural part of
/// the request alone is above the cap, over `years`.
pub fn shortfall(cx: &Ctx, perspective: &str, years: &[Year]) -> Vec<(Year, Money)> {
    let Some(cap) = cx.r.cap(perspective) else { return Vec::new() };
    years
        .iter()
        .filter_map(|&y| {
            let c = cap.jaren.iter().find(|j| j.jaar == y)?.cap?;
            let s = cx.r.structureel.integral.get(perspective, y);
            (s > c).then(|| (y, Money::from_decimal(s.decimal() - c.decimal())))
        })
        .collect()
}

/// The view of a plan (empty in the jaarrekening).
pub fn aard(cx: &Ctx) -> AardView {
    if !cx.is_plan() {
        return AardView::default();
    }
    let r = cx.r;
    let cell = |p: Option<&str>, y: Year| {
        let (s, t) = match p {
            Some(p) => (r.structureel.integral.get(p, y), r.integral.get(p, y)),
            None => (r.structureel.integral.year(y), r.integral.year(y)),
        };
        let cap = p.and_then(|p| r.cap(p)).and_then(|c| c.jaren.iter().find(|j| j.jaar == y)).and_then(|j| j.cap);
        let saldo = cap.map(|c| c.decimal() - s.decimal());
        AardJaar {
            jaar: y,
            budget: cap.map(nl::money),
            structureel: nl::money(s),
            incidenteel: nl::eur(t.decimal() - s.decimal()),
            totaal: nl::money(t),
            tekort: saldo.filter(|d| d.is_sign_negative() && !d.is_zero()).map(|d| nl::eur(-d)),
            ruimte: saldo.filter(|d| !d.is_sign_negative() || d.is_zero()).map(nl::eur),
        }
    };
    let perspectieven = perspectives(cx)
        .into_iter()
        .map(|p| {
            let jaren: Vec<AardJaar> = cx.jaren.iter().map(|&y| cell(Some(&p), y)).collect();
            AardPerspectief {
                beleidsdoel: cx.perspective(&p),
                tekort: jaren.iter().any(|j| j.tekort.is_some()),
                id: p,
                jaren,
            }
        })
        .collect();
    AardView {
        jaren: cx.jaren.clone(),
        perspectieven,
        totaal: cx.jaren.iter().map(|&y| cell(None, y)).collect(),
        partijen: parties(cx),
    }
}

/// The perspectives with a request or a cap in the document's years, in stelsel order (then
/// any only the lines name).
fn perspectives(cx: &Ctx) -> Vec<String> {
    let mut out: Vec<String> = cx.st.beleidsdoelen.iter().map(|b| b.id.value.clone()).collect();
    for p in cx.r.integral.perspectives() {
        if !out.iter().any(|x| x == p) {
            out.push(p.to_string());
        }
    }
    out.retain(|p| {
        cx.jaren.iter().any(|&y| !cx.r.integral.get(p, y).decimal().is_zero())
            || cx.r.cap(p).is_some_and(|c| c.jaren.iter().any(|j| cx.jaren.contains(&j.jaar) && j.cap.is_some()))
    });
    out
}

/// Per party (tree order) and perspective with a request in the document's years.
fn parties(cx: &Ctx) -> Vec<AardPartij> {
    let r = cx.r;
    let mut out = Vec::new();
    for n in &r.org.nodes {
        // Abridged: the SBO on its own, each TBO with everything below it; OBOs folded in.
        let (total, structural, label) = if cx.compact {
            match n.rol {
                Rol::Obo => continue,
                Rol::Sbo => (r.own.get(&n.id), r.structureel.own.get(&n.id), cx.party_short(&n.id)),
                Rol::Tbo => {
                    let below = r.org.descendants(&n.id).len();
                    let label = match below {
                        0 => cx.party(&n.id),
                        1 => format!("{} en 1 partij eronder", cx.party(&n.id)),
                        k => format!("{} en {k} partijen eronder", cx.party(&n.id)),
                    };
                    (r.consolidated.get(&n.id), r.structureel.consolidated.get(&n.id), label)
                }
            }
        } else {
            (r.own.get(&n.id), r.structureel.own.get(&n.id), cx.party_short(&n.id))
        };
        let (Some(total), Some(structural)) = (total, structural) else { continue };
        for p in perspectives(cx) {
            if cx.jaren.iter().all(|&y| total.get(&p, y).decimal().is_zero()) {
                continue;
            }
            let cells: Vec<(Money, Money)> =
                cx.jaren.iter().map(|&y| (structural.get(&p, y), total.get(&p, y))).collect();
            out.push(AardPartij {
                partij: label.clone(),
                beleidsdoel: cx.perspective(&p),
                structureel: cells.iter().map(|(s, _)| nl::money(*s)).collect(),
                incidenteel: cells.iter().map(|(s, t)| nl::eur(t.decimal() - s.decimal())).collect(),
                totaal: cells.iter().map(|(_, t)| nl::money(*t)).collect(),
                heeft_structureel: cells.iter().any(|(s, _)| *s > Money::ZERO),
                heeft_incidenteel: cells.iter().any(|(s, t)| t > s),
            });
        }
    }
    out
}

/// The summary's points: the split of Y, and per capped perspective its structural shortfall
/// over Y..Y+3, or that a gap over the cap is incidental only.
pub fn points(cx: &Ctx) -> Vec<String> {
    let r = cx.r;
    let y = r.jaar;
    let mut out = Vec::new();
    let (s, t) = (r.structureel.integral.year(y), r.integral.year(y));
    let i = t.decimal() - s.decimal();
    if t > Money::ZERO {
        out.push(if i.is_zero() {
            format!("De begroting {y} ({}) is geheel structureel.", nl::money(t))
        } else {
            format!(
                "Van de begroting {y} ({}) is {} structureel en {} incidenteel.",
                nl::money(t),
                nl::money(s),
                nl::eur(i)
            )
        });
    }
    for cap in &r.caps {
        let naam = cx.perspective(&cap.beleidsdoel);
        let tekort = shortfall(cx, &cap.beleidsdoel, &r.jaren);
        if !tekort.is_empty() {
            let parts: Vec<String> = tekort.iter().map(|(j, m)| format!("{} in {j}", nl::money(*m))).collect();
            let when = if tekort.iter().all(|(j, _)| *j > y) && cx.kind == crate::model::CycleDoc::Jaarplan {
                " in de meerjarenraming"
            } else {
                ""
            };
            out.push(format!(
                "Het structurele deel van de begroting voor {naam} ligt{when} boven het taakstellend budget: een \
                 structureel tekort van {}.",
                super::text::join(&parts)
            ));
        } else if let Some(j) = cap.jaren.iter().find(|j| j.jaar == y && j.over())
            && let Some(c) = j.cap
        {
            let room = c.decimal() - r.structureel.integral.get(&cap.beleidsdoel, y).decimal();
            out.push(format!(
                "De overschrijding voor {naam} in {y} is incidenteel: het structurele deel blijft {} onder het \
                 taakstellend budget.",
                nl::eur(room)
            ));
        }
    }
    out
}

/// The largest structural shortfall over Y..Y+3 (year and amount, summed over perspectives),
/// for the key figures.
pub fn largest_shortfall(cx: &Ctx) -> Option<(Year, Money)> {
    let mut per_year: Vec<(Year, Money)> = Vec::new();
    for cap in &cx.r.caps {
        for (j, m) in shortfall(cx, &cap.beleidsdoel, &cx.r.jaren) {
            match per_year.iter_mut().find(|(y, _)| *y == j) {
                Some((_, sum)) => *sum = *sum + m,
                None => per_year.push((j, m)),
            }
        }
    }
    // The largest; on equal amounts the earliest year.
    per_year.into_iter().rev().max_by_key(|(_, m)| *m)
}
