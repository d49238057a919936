//! The origin (herkomst) of a figure: for a cycle year, a perspective and one kind of figure —
//! the begroting (with the mutaties in effect), the realisation, or the progress of a quarter —
//! the amount at every level of the roll-up (SBO integral, each consolidated party, each
//! party's own) down to every source line that adds to it, with its file, line and column.
//!
//! Computed from the checked tree, beside `rollup` and by the same rules (the amended budget
//! of `model::amended`, the delivered progress report, the realisation line per budget line),
//! so that every level adds up to the figure the documents show, to the cent. Pure; the
//! binary prints it with `render::human` or `render::json`.

mod bronnen;
pub mod render;
mod types;

pub use types::{Bedragen, Bron, Herkomst, Kolom, Onbeantwoord, Partij, Soort, Stuk, Vraag};

use crate::model::*;
use crate::rollup::{OrgTree, latest_quarter};
use rust_decimal::Decimal;
use std::collections::{BTreeMap, BTreeSet};

/// Traces a figure, or says why the question cannot be answered (exit status 2): an unknown
/// perspective or party, no such year, no progress report, a year slice outside Y..Y+3.
pub fn herkomst(tree: &Tree, v: &Vraag) -> Result<Herkomst, Onbeantwoord> {
    let st = tree.stelsel.as_ref().ok_or(Onbeantwoord::GeenStelsel)?;
    if !st.beleidsdoelen.iter().any(|b| b.id.value == v.beleidsdoel) {
        let bekend = st.beleidsdoelen.iter().map(|b| b.id.value.clone()).collect();
        return Err(Onbeantwoord::Beleidsdoel { id: v.beleidsdoel.clone(), bekend });
    }
    if let Some(o) = &v.organisatie
        && !st.organisaties.iter().any(|x| x.id.value == *o)
    {
        return Err(Onbeantwoord::Organisatie(o.clone()));
    }
    if !tree.years.contains_key(&v.jaar) {
        return Err(Onbeantwoord::GeenJaar(v.jaar));
    }
    if v.jaarschijf.is_some() && v.stuk != Stuk::Begroting {
        return Err(Onbeantwoord::JaarschijfZonderBegroting);
    }
    if v.kwartaal.is_some() && v.stuk != Stuk::Voortgang {
        return Err(Onbeantwoord::KwartaalZonderVoortgang);
    }
    let jaarschijf = v.jaarschijf.unwrap_or(v.jaar);
    if !(v.jaar..=v.jaar + 3).contains(&jaarschijf) {
        return Err(Onbeantwoord::Jaarschijf { jaarschijf, jaar: v.jaar });
    }
    let kwartaal = match v.stuk {
        Stuk::Voortgang => Some(match v.kwartaal {
            Some(k) if (1..=3).contains(&k) => k,
            Some(k) => return Err(Onbeantwoord::Kwartaal(k)),
            None => latest_quarter(tree, v.jaar).ok_or(Onbeantwoord::GeenVoortgang(v.jaar))?,
        }),
        _ => None,
    };
    let kolommen = kolommen(tree, v, jaarschijf);
    let org = OrgTree::new(st);
    let ask = bronnen::Ask { jaar: v.jaar, jaarschijf, beleidsdoel: &v.beleidsdoel, peildatum: v.peildatum, kwartaal };
    let mut partijen: Vec<Partij> = org
        .nodes
        .iter()
        .map(|n| {
            let own = bronnen::own(tree.submission(v.jaar, &n.id), v.stuk, &ask);
            Partij {
                id: n.id.clone(),
                naam: n.naam.clone(),
                rol: n.rol,
                rapporteert_aan: n.parent.clone(),
                kinderen: n.children.iter().filter(|c| org.node(c).is_some()).cloned().collect(),
                eigen: sum(&kolommen, own.bronnen.iter()),
                geconsolideerd: None,
                bronnen: own.bronnen,
                opmerkingen: own.opmerkingen,
                onbekend: own.onbekend,
                onbekend_onder: 0,
                uitgewerkt: true,
            }
        })
        .collect();
    consolidate(&org, &mut partijen);
    let integraal = sum(&kolommen, partijen.iter().flat_map(|p| &p.bronnen));
    let onbekend = partijen.iter().filter(|p| p.onbekend).count();
    if let Some(o) = &v.organisatie {
        partijen = branch(&org, partijen, o);
    }
    Ok(Herkomst {
        vraag: v.clone(),
        beleidsdoel_naam: st.perspective_name(&v.beleidsdoel),
        jaarschijf,
        kwartaal,
        kolommen,
        partijen,
        integraal,
        onbekend,
    })
}

/// The columns: the begroting, with mutaties and the amended budget when a wijziging of Y is
/// in effect anywhere in the tree (as in the jaarrekening); the realisation; spending to date
/// and the prognosis.
fn kolommen(tree: &Tree, v: &Vraag, jaarschijf: Year) -> Vec<Kolom> {
    match v.stuk {
        Stuk::Begroting => {
            let amended = jaarschijf == v.jaar
                && tree.years.get(&v.jaar).into_iter().flat_map(|m| m.values()).any(|s| s.amended_at(v.peildatum));
            if amended { vec![Kolom::Begroting, Kolom::Mutaties, Kolom::Gewijzigd] } else { vec![Kolom::Begroting] }
        }
        Stuk::Realisatie => vec![Kolom::Gerealiseerd],
        Stuk::Voortgang => vec![Kolom::Besteed, Kolom::Prognose],
    }
}

/// The sum of source lines per column; every column present, the amended budget derived.
fn sum<'a>(kolommen: &[Kolom], bronnen: impl Iterator<Item = &'a Bron>) -> Bedragen {
    let mut out: Bedragen = kolommen.iter().map(|k| (*k, Decimal::ZERO)).collect();
    for b in bronnen {
        *out.entry(b.kolom).or_default() += b.bedrag;
    }
    if out.contains_key(&Kolom::Gewijzigd) {
        out.insert(Kolom::Gewijzigd, out[&Kolom::Begroting] + out[&Kolom::Mutaties]);
    }
    out
}

fn add(into: &mut Bedragen, from: &Bedragen) {
    for (k, d) in from {
        *into.entry(*k).or_default() += *d;
    }
}

/// Fills in the consolidated figures (SBO, TBO, and any party with parties below) and the
/// unknown counts of every subtree.
fn consolidate(org: &OrgTree, partijen: &mut [Partij]) {
    let own: BTreeMap<&str, (&Bedragen, bool)> =
        partijen.iter().map(|p| (p.id.as_str(), (&p.eigen, p.onbekend))).collect();
    let own_of = |n: &crate::rollup::OrgNode| {
        own.get(n.id.as_str()).map_or_else(|| (Bedragen::new(), 0), |(b, u)| ((*b).clone(), usize::from(*u)))
    };
    let totals = org.subtree_totals(own_of, |a, b| {
        add(&mut a.0, &b.0);
        a.1 += b.1;
    });
    let totals: BTreeMap<&str, (Bedragen, usize)> = org.nodes.iter().map(|n| n.id.as_str()).zip(totals).collect();
    for p in partijen.iter_mut() {
        let Some((total, unknown)) = totals.get(p.id.as_str()) else { continue };
        p.onbekend_onder = *unknown;
        if p.rol != Rol::Obo || org.has_below(&p.id) {
            p.geconsolideerd = Some(total.clone());
        }
    }
}

/// Keeps the branch of one party: its ancestors and their direct children (as totals), and the
/// party itself with everything below it (down to the source lines).
fn branch(org: &OrgTree, partijen: Vec<Partij>, id: &str) -> Vec<Partij> {
    let mut ancestors = BTreeSet::new();
    let mut cur = org.node(id).and_then(|n| n.parent.clone());
    while let Some(a) = cur.filter(|a| !ancestors.contains(a) && a != id) {
        cur = org.node(&a).and_then(|n| n.parent.clone());
        ancestors.insert(a);
    }
    let below: BTreeSet<&str> = std::iter::once(id).chain(org.descendants(id)).collect();
    partijen
        .into_iter()
        .filter_map(|mut p| {
            if below.contains(&p.id.as_str()) {
                return Some(p);
            }
            let sibling = p.rapporteert_aan.as_ref().is_some_and(|a| ancestors.contains(a));
            if !ancestors.contains(&p.id) && !sibling {
                return None;
            }
            p.uitgewerkt = false;
            p.bronnen.clear();
            Some(p)
        })
        .collect()
}

#[cfg(test)]
mod tests;
