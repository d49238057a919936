//! Per perspective: what we want to achieve (goals), what we do for it (results, and in the
//! jaarrekening their status), the outlook, and what it costs per party.

use super::cx::Ctx;
use super::text::{Bedragen, row};
use crate::model::{CycleDoc, Money, Plan, Year};
use crate::nl;
use crate::rollup::{Years, add_years};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

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
    pub begroting: String,
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
    /// Per party with more than `bound::PER_PARTY_FROM` goals, results or outlook entries here:
    /// what the tables leave out (absent when nothing).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub begrensd: Vec<super::bound::Begrenzing>,
}

/// A goal.
#[derive(Clone, Debug, Serialize)]
pub struct DoelView {
    /// The party.
    pub partij: String,
    /// The party's short name, for the narrow column.
    pub partij_kort: String,
    /// The goal id.
    pub id: String,
    /// What is to be achieved.
    pub omschrijving: String,
    /// The indicator.
    pub indicator: Option<String>,
    /// The target value.
    pub streefwaarde: Option<String>,
    /// The value achieved (jaarrekening, from the realisation; `null` when not reported).
    pub behaald: Option<String>,
    /// The explanation of the value achieved.
    pub behaald_toelichting: Option<String>,
}

/// A result.
#[derive(Clone, Debug, Serialize)]
pub struct ResultaatView {
    /// The party.
    pub partij: String,
    /// The party's short name, for the narrow column.
    pub partij_kort: String,
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
    /// The party's short name, for the narrow column.
    pub partij_kort: String,
    /// The year.
    pub jaar: Year,
    /// What is foreseen.
    pub omschrijving: String,
}

/// Costs of one perspective per party and year column.
#[derive(Clone, Debug, Serialize)]
pub struct Kosten {
    /// The column headings when they are not the year columns (jaarrekening: begroot,
    /// gerealiseerd, verschil).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kop: Option<Vec<String>>,
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
    /// Amount per column.
    pub bedragen: Vec<String>,
    /// Their sum over the year columns (`null` when the columns are no years).
    pub totaal: Option<String>,
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
            let mut doelen = doelen(cx, p);
            let mut resultaten = resultaten(cx, p);
            let mut doorkijk = if cx.kind == CycleDoc::Meerjarenplan { doorkijk(cx, p) } else { Vec::new() };
            let begrensd = bound_lists(cx, &mut doelen, &mut resultaten, &mut doorkijk);
            Perspectief {
                id: p.to_string(),
                naam: cx.perspective(p),
                beraad,
                taakstellend: first.and_then(|j| j.cap).map(nl::money),
                begroting: nl::money(cx.r.integral.get(p, y)),
                verschil: first.and_then(|j| j.difference).map(nl::eur),
                boven: first.is_some_and(|j| j.over()),
                doelen,
                resultaten,
                doorkijk,
                kosten: kosten(cx, p),
                begrensd,
            }
        })
        .collect()
}

/// Bounds the goals, results and outlook of a perspective per party (see `bound`): results
/// not (fully) realised need attention in the jaarrekening; otherwise the first rows are shown.
fn bound_lists(
    cx: &Ctx,
    doelen: &mut Vec<DoelView>,
    resultaten: &mut Vec<ResultaatView>,
    doorkijk: &mut Vec<DoorkijkView>,
) -> Vec<super::bound::Begrenzing> {
    use super::bound::{Spec, bound};
    let first = "de eerste";
    let mut out = Vec::new();
    let spec = Spec { wat: "doelen", aandacht: None, overige: first, tabel: "doelen" };
    out.extend(bound(doelen, |x| x.partij.clone(), |_| false, |_| 0, &spec).0);
    let (aandacht, tabel) = if cx.kind == CycleDoc::Jaarrekening {
        (Some("die niet of deels gerealiseerd zijn"), "resultaten")
    } else {
        (None, "resultaten")
    };
    let spec = Spec { wat: "resultaten", aandacht, overige: first, tabel };
    let attention = |x: &ResultaatView| matches!(x.status.as_deref(), Some("niet" | "deels"));
    out.extend(bound(resultaten, |x| x.partij.clone(), attention, |_| 0, &spec).0);
    let spec = Spec { wat: "regels van de doorkijk", aandacht: None, overige: first, tabel: "doorkijk" };
    out.extend(bound(doorkijk, |x| x.partij.clone(), |_| false, |_| 0, &spec).0);
    out
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
        let achieved = match cx.kind {
            CycleDoc::Jaarrekening => cx
                .tree
                .submission(cx.r.jaar, party)
                .and_then(|s| s.realisatie.as_ref())
                .map(|r| r.doelen.as_slice())
                .unwrap_or_default(),
            _ => &[],
        };
        for d in plan.doelen.iter().filter(|d| d.beleidsdoel.value == p) {
            let w = achieved.iter().find(|w| w.doel.value == d.id.value);
            out.push(DoelView {
                partij: cx.party(party),
                partij_kort: cx.party_short(party),
                behaald: w.map(|w| w.waarde.clone()),
                behaald_toelichting: w.and_then(|w| w.toelichting.clone()),
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
    let realised: BTreeMap<&str, _> = cx.r.verantwoording.parties.iter().rev().map(|x| (x.party.as_str(), x)).collect();
    for (party, plan) in plans(cx) {
        let real = realised.get(party).copied();
        let in_p = |doel: &str| plan.doelen.iter().any(|d| d.id.value == doel && d.beleidsdoel.value == p);
        for res in plan.resultaten.iter().filter(|res| in_p(&res.doel)) {
            let status = match cx.kind {
                CycleDoc::Jaarrekening => real.and_then(|x| x.results.get(&res.id.value)),
                _ => None,
            };
            out.push(ResultaatView {
                partij: cx.party(party),
                partij_kort: cx.party_short(party),
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
                    partij_kort: cx.party_short(party),
                    jaar: d.jaar.value,
                    omschrijving: d.omschrijving.clone(),
                });
            }
        }
    }
    out.sort_by_key(|d| d.jaar);
    out
}

fn kosten<'a>(cx: &'a Ctx, p: &str) -> Kosten {
    // One pass over the lines, grouped by party, then the parties in tree order: linear in the
    // size of the tree (a filter per party was quadratic at a thousand parties).
    // Abridged: each OBO's lines are added to its TBO (the row then names how many parties).
    let key_of = |id: &'a str| if cx.compact { cx.r.org.upper(id) } else { id };
    let mut per_party: BTreeMap<&str, (Years, BTreeSet<&str>)> = BTreeMap::new();
    for l in cx.r.lines.iter().filter(|l| l.beleidsdoel == p) {
        let slot = per_party.entry(key_of(&l.party)).or_default();
        add_years(&mut slot.0, &l.bedragen);
        slot.1.insert(l.party.as_str());
    }
    let y = cx.r.jaar;
    if !cx.is_plan() {
        // A party whose only lines here are new lines of a wijziging in effect.
        for (id, g) in &cx.r.amended.own {
            if g.perspectives().any(|x| x == p) {
                per_party.entry(key_of(id)).or_default().1.insert(id.as_str());
            }
        }
    }
    let realised = |members: &BTreeSet<&str>| -> Option<Money> {
        let own = &cx.r.realised.own;
        members.iter().all(|m| own.contains_key(*m)).then(|| members.iter().map(|m| own[*m].get(p, y)).sum())
    };
    let amended = |members: &BTreeSet<&str>| -> Money {
        members.iter().filter_map(|m| cx.r.amended.own.get(*m)).map(|g| g.get(p, y)).sum()
    };
    let mut rijen = Vec::new();
    let mut total = Years::new();
    let mut all: BTreeSet<&str> = BTreeSet::new();
    let mut samengevoegd = 0;
    for n in &cx.r.org.nodes {
        let Some((years, members)) = per_party.get(n.id.as_str()) else { continue };
        add_years(&mut total, years);
        all.extend(members.iter().copied());
        let others = members.iter().filter(|m| **m != n.id).count();
        samengevoegd += others;
        let partij = match others {
            0 => cx.party(&n.id),
            1 => format!("{} en 1 partij eronder", cx.party(&n.id)),
            k => format!("{} en {k} partijen eronder", cx.party(&n.id)),
        };
        rijen.push(if cx.is_plan() {
            let b = row(years, &cx.jaren);
            KostenRij { partij, bedragen: b.bedragen, totaal: Some(b.totaal) }
        } else {
            let budget = years.get(&y).copied().unwrap_or_default();
            KostenRij { partij, bedragen: accounts_row(budget, amended(members), realised(members)), totaal: None }
        });
    }
    if cx.is_plan() {
        return Kosten { kop: None, rijen, totaal: row(&total, &cx.jaren), samengevoegd };
    }
    let budget = total.get(&y).copied().unwrap_or_default();
    Kosten {
        kop: Some(accounts_kop(y)),
        rijen,
        totaal: Bedragen { bedragen: accounts_row(budget, amended(&all), realised(&all)), totaal: String::new() },
        samengevoegd,
    }
}

/// The column heads of every roll-up in the jaarrekening (contract §11).
pub fn accounts_kop(y: Year) -> Vec<String> {
    vec![
        format!("Begroting {y}"),
        "Wijzigingen".to_string(),
        "Na wijziging".to_string(),
        format!("Gerealiseerd {y}"),
        "Verschil".to_string(),
    ]
}

/// A roll-up row of the jaarrekening: the begroting (primitief), the wijzigingen in effect,
/// the amended budget, the realisation and realisation − amended budget; without a realisation
/// (a party that delivered none) the realisation and the difference are unknown.
pub fn accounts_row(begroting: Money, gewijzigd: Money, realised: Option<Money>) -> Vec<String> {
    let (real, diff) = match realised {
        Some(r) => (nl::money(r), nl::eur(r.decimal() - gewijzigd.decimal())),
        None => ("niet aangeleverd".to_string(), "—".to_string()),
    };
    let mutaties = nl::eur(gewijzigd.decimal() - begroting.decimal());
    vec![nl::money(begroting), mutaties, nl::money(gewijzigd), real, diff]
}
