//! Per perspective: what we want to achieve (goals), what we do for it (results, and in the
//! jaarrekening their status), the outlook, and what it costs per party.

use super::cx::Ctx;
use super::text::{Bedragen, row};
use crate::model::{CycleDoc, Plan, Year};
use crate::nl;
use crate::rollup::{Years, add_years};
use serde::Serialize;

/// One perspective of the document.
#[derive(Clone, Debug, Serialize)]
pub struct Perspectief {
    /// Its id.
    pub id: String,
    /// Its name.
    pub naam: String,
    /// Its governing board.
    pub beraad: String,
    /// The cap for Y; `null`: "geen taakstellend budget".
    pub taakstellend: Option<String>,
    /// The total request for Y.
    pub aanvraag: String,
    /// Request − cap; `null` without a cap.
    pub verschil: Option<String>,
    /// Whether the request exceeds the cap.
    pub boven: bool,
    /// Wat willen we bereiken?
    pub doelen: Vec<DoelView>,
    /// Wat gaan we daarvoor doen?
    pub resultaten: Vec<ResultaatView>,
    /// The outlook (meerjarenplan only).
    pub doorkijk: Vec<DoorkijkView>,
    /// Wat mag het kosten?
    pub kosten: Kosten,
}

/// A goal.
#[derive(Clone, Debug, Serialize)]
pub struct DoelView {
    /// The party.
    pub partij: String,
    /// The goal id.
    pub id: String,
    /// What is to be achieved.
    pub omschrijving: String,
    /// The indicator.
    pub indicator: Option<String>,
    /// The target value.
    pub streefwaarde: Option<String>,
}

/// A result.
#[derive(Clone, Debug, Serialize)]
pub struct ResultaatView {
    /// The party.
    pub partij: String,
    /// The result id.
    pub id: String,
    /// The goal it serves.
    pub doel: String,
    /// What will be done.
    pub omschrijving: String,
    /// The component's name.
    pub component: Option<String>,
    /// When it will be ready.
    pub gereed: Option<String>,
    /// Its status (jaarrekening only).
    pub status: Option<String>,
    /// The explanation of its status (jaarrekening only).
    pub toelichting: Option<String>,
}

/// An outlook entry.
#[derive(Clone, Debug, Serialize)]
pub struct DoorkijkView {
    /// The party.
    pub partij: String,
    /// The year.
    pub jaar: Year,
    /// What is foreseen.
    pub omschrijving: String,
}

/// Costs of one perspective per party and year column.
#[derive(Clone, Debug, Serialize)]
pub struct Kosten {
    /// One row per party with lines in the perspective.
    pub rijen: Vec<KostenRij>,
    /// The perspective's total.
    pub totaal: Bedragen,
    /// Parties whose rows were added to their TBO's row (abridged documents only).
    #[serde(skip)]
    pub samengevoegd: usize,
}

/// Costs of one party.
#[derive(Clone, Debug, Serialize)]
pub struct KostenRij {
    /// The party.
    pub partij: String,
    /// Amount per year column.
    pub bedragen: Vec<String>,
    /// Their sum.
    pub totaal: String,
}

/// Every perspective of the stelsel (and any only the lines name), in order.
pub fn perspectieven(cx: &Ctx) -> Vec<Perspectief> {
    let y = cx.r.jaar;
    cx.r.caps
        .iter()
        .map(|cap| {
            let p = cap.beleidsdoel.as_str();
            let first = cap.jaren.first();
            let beraad =
                cx.st.beleidsdoelen.iter().find(|b| b.id.value == p).map(|b| b.beraad.clone()).unwrap_or_default();
            Perspectief {
                id: p.to_string(),
                naam: cx.perspective(p),
                beraad,
                taakstellend: first.and_then(|j| j.cap).map(nl::money),
                aanvraag: nl::money(cx.r.integral.get(p, y)),
                verschil: first.and_then(|j| j.difference).map(nl::eur),
                boven: first.is_some_and(|j| j.over()),
                doelen: doelen(cx, p),
                resultaten: resultaten(cx, p),
                doorkijk: if cx.kind == CycleDoc::Meerjarenplan { doorkijk(cx, p) } else { Vec::new() },
                kosten: kosten(cx, p),
            }
        })
        .collect()
}

/// The plans of Y in tree order, with their party ids.
pub fn plans<'a>(cx: &'a Ctx) -> impl Iterator<Item = (&'a str, &'a Plan)> {
    cx.r.org
        .nodes
        .iter()
        .filter_map(|n| cx.tree.submission(cx.r.jaar, &n.id).and_then(|s| s.plan.as_ref()).map(|p| (n.id.as_str(), p)))
}

fn doelen(cx: &Ctx, p: &str) -> Vec<DoelView> {
    let mut out = Vec::new();
    for (party, plan) in plans(cx) {
        for d in plan.doelen.iter().filter(|d| d.beleidsdoel.value == p) {
            out.push(DoelView {
                partij: cx.party(party),
                id: d.id.value.clone(),
                omschrijving: d.omschrijving.clone(),
                indicator: d.indicator.clone(),
                streefwaarde: d.streefwaarde.clone(),
            });
        }
    }
    out
}

fn resultaten(cx: &Ctx, p: &str) -> Vec<ResultaatView> {
    let mut out = Vec::new();
    for (party, plan) in plans(cx) {
        let real = cx.r.verantwoording.parties.iter().find(|x| x.party == party);
        let in_p = |doel: &str| plan.doelen.iter().any(|d| d.id.value == doel && d.beleidsdoel.value == p);
        for res in plan.resultaten.iter().filter(|res| in_p(&res.doel)) {
            let status = match cx.kind {
                CycleDoc::Jaarrekening => real.and_then(|x| x.results.get(&res.id.value)),
                _ => None,
            };
            out.push(ResultaatView {
                partij: cx.party(party),
                id: res.id.value.clone(),
                doel: res.doel.value.clone(),
                omschrijving: res.omschrijving.clone(),
                component: res.component.as_ref().map(|c| cx.component(c)),
                gereed: res.gereed.map(nl::date),
                status: status.map(|s| s.0.as_str().to_string()),
                toelichting: status.and_then(|s| s.1.clone()),
            });
        }
    }
    out
}

fn doorkijk(cx: &Ctx, p: &str) -> Vec<DoorkijkView> {
    let mut out = Vec::new();
    for (party, plan) in plans(cx) {
        let of_goal =
            |doel: &str| plan.doelen.iter().find(|d| d.id.value == doel).map(|d| d.beleidsdoel.value.as_str());
        for d in &plan.doorkijk {
            let persp =
                d.beleidsdoel.as_ref().map(|b| b.value.as_str()).or_else(|| d.doel.as_ref().and_then(|g| of_goal(g)));
            if persp == Some(p) {
                out.push(DoorkijkView {
                    partij: cx.party(party),
                    jaar: d.jaar.value,
                    omschrijving: d.omschrijving.clone(),
                });
            }
        }
    }
    out.sort_by_key(|d| d.jaar);
    out
}

fn kosten(cx: &Ctx, p: &str) -> Kosten {
    // One pass over the lines, grouped by party, then the parties in tree order: linear in the
    // size of the tree (a filter per party was quadratic at a thousand parties).
    // Abridged: each OBO's lines are added to its TBO (the row then names how many parties).
    let mut per_party: std::collections::BTreeMap<&str, (Years, std::collections::BTreeSet<&str>)> =
        std::collections::BTreeMap::new();
    for l in cx.r.lines.iter().filter(|l| l.beleidsdoel == p) {
        let key = if cx.compact { cx.r.org.upper(&l.party) } else { l.party.as_str() };
        let slot = per_party.entry(key).or_default();
        add_years(&mut slot.0, &l.bedragen);
        slot.1.insert(l.party.as_str());
    }
    let mut rijen = Vec::new();
    let mut total = Years::new();
    let mut samengevoegd = 0;
    for n in &cx.r.org.nodes {
        let Some((years, members)) = per_party.get(n.id.as_str()) else { continue };
        add_years(&mut total, years);
        let b = row(years, &cx.jaren);
        let others = members.iter().filter(|m| **m != n.id).count();
        samengevoegd += others;
        let partij = match others {
            0 => cx.party(&n.id),
            1 => format!("{} en 1 partij eronder", cx.party(&n.id)),
            k => format!("{} en {k} partijen eronder", cx.party(&n.id)),
        };
        rijen.push(KostenRij { partij, bedragen: b.bedragen, totaal: b.totaal });
    }
    Kosten { rijen, totaal: row(&total, &cx.jaren), samengevoegd }
}
