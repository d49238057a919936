//! The beslispunten of an item decided as effects over a baseline (contract §13), generated from
//! the figures of `rollup::item_effects`: the alternative by its letter and name, what it
//! commits per year (structural from its first year, incidental with its year), the position
//! after against the cap, and who bears the part above it — so that text and table cannot
//! disagree. The secretariat's `voorstel` stays above them as the explanation.

use super::cx::Cx;
use crate::model::{Aard, Agendapunt, Year};
use crate::nl;
use crate::rollup::{EffectYear, ItemEffects, adopts};
use crate::view::text::{join, letter, years_words};
use rust_decimal::Decimal;

/// The beslispunten: the choice, what it commits per year (structural from its first year,
/// incidental with its year), the position after against the cap, and who bears the part
/// above it.
pub(super) fn beslispunten(
    cx: &Cx,
    item: &Agendapunt,
    e: &ItemEffects,
    p: &str,
    preferred: Option<usize>,
) -> Vec<String> {
    let beraad = &cx.v.beraad;
    let mut out = Vec::new();
    let Some(i) = preferred else {
        let letters: Vec<String> = (0..item.alternatieven.len()).map(letter).collect();
        out.push(format!(
            "Het {beraad} kiest voor {p} een van de alternatieven {}; geen ervan is als voorstel aangewezen.",
            join(&letters)
        ));
        return out;
    };
    let alt = &item.alternatieven[i];
    let years = &e.alternatives[i];
    match &e.amendment {
        Some(a) => {
            let adopted: Vec<&(String, Decimal, Aard, String)> =
                a.regels.iter().filter(|(id, _, _, _)| adopts(alt, id)).collect();
            let party = cx.party(&a.organisatie);
            let choice = if adopted.len() == a.regels.len() && !adopted.is_empty() {
                format!("stelt begrotingswijziging {} van {party} vast", a.nummer)
            } else if adopted.is_empty() {
                format!("stelt begrotingswijziging {} van {party} niet vast", a.nummer)
            } else {
                let names: Vec<String> = adopted.iter().map(|(_, m, _, t)| format!("{t} ({})", nl::eur(*m))).collect();
                format!("stelt begrotingswijziging {} van {party} alleen vast voor: {}", a.nummer, join(&names))
            };
            out.push(format!("Het {beraad} kiest alternatief {}: {}, en {choice}.", letter(i), alt.naam));
        }
        None => out.push(format!("Het {beraad} kiest voor {p} alternatief {}: {}.", letter(i), alt.naam)),
    }
    out.push(commitment(item, e, i, p));
    out.push(position(years));
    out.push(bearers(cx, years));
    out
}

/// What the choice commits: structural per year from its first year, incidental with its year.
fn commitment(item: &Agendapunt, e: &ItemEffects, i: usize, p: &str) -> String {
    let alt = &item.alternatieven[i];
    let effects: Vec<(Year, Decimal, Aard)> = match &e.amendment {
        Some(a) => {
            let y = e.horizon.first().copied().unwrap_or_default();
            a.regels.iter().filter(|(id, _, _, _)| adopts(alt, id)).map(|(_, m, aard, _)| (y, *m, *aard)).collect()
        }
        None => alt.effecten.iter().flatten().map(|x| (x.jaar.value, x.bedrag, x.aard)).collect(),
    };
    let mut structural: Vec<(Year, Decimal)> = Vec::new();
    let mut incidental: Vec<(Year, Decimal)> = Vec::new();
    for (y, b, aard) in effects {
        let list = if aard == Aard::Structureel { &mut structural } else { &mut incidental };
        match list.iter_mut().find(|(j, _)| *j == y) {
            Some((_, sum)) => *sum += b,
            None => list.push((y, b)),
        }
    }
    structural.sort();
    incidental.sort();
    let mut parts: Vec<String> = structural
        .iter()
        .filter(|(_, b)| !b.is_zero())
        .map(|(y, b)| format!("structureel {} per jaar vanaf {y}", nl::eur(*b)))
        .collect();
    parts.extend(
        incidental.iter().filter(|(_, b)| !b.is_zero()).map(|(y, b)| format!("incidenteel {} in {y}", nl::eur(*b))),
    );
    if parts.is_empty() {
        format!("Dit besluit verandert de bedragen voor {p} niet.")
    } else {
        format!("Dit besluit betekent voor {p}: {}.", join(&parts))
    }
}

/// The position after the choice against the cap, per year.
fn position(years: &[EffectYear]) -> String {
    let parts: Vec<String> = years
        .iter()
        .map(|y| match (y.na, y.cap, y.verschil_na) {
            (Some(na), Some(_), Some(d)) if d > Decimal::ZERO => {
                format!("{} {} ({} boven het taakstellend budget)", y.jaar, nl::eur(na), nl::eur(d))
            }
            (Some(na), Some(_), Some(d)) if d.is_zero() => {
                format!("{} {} (gelijk aan het taakstellend budget)", y.jaar, nl::eur(na))
            }
            (Some(na), Some(_), Some(d)) => {
                format!("{} {} ({} binnen het taakstellend budget)", y.jaar, nl::eur(na), nl::eur(-d))
            }
            (Some(na), None, _) => format!("{} {} (geen taakstellend budget)", y.jaar, nl::eur(na)),
            _ => format!("{}: niet bekend", y.jaar),
        })
        .collect();
    format!("De stand na het besluit: {}.", join(&parts))
}

/// Who bears the part above the cap that the choice causes, per year and financier.
fn bearers(cx: &Cx, years: &[EffectYear]) -> String {
    // Consecutive years with the same shares are said once: "2028 tot en met 2030 elk jaar …".
    let mut groups: Vec<(Vec<Year>, &EffectYear)> = Vec::new();
    for y in years.iter().filter(|y| !y.per_financier.is_empty()) {
        match groups.last_mut() {
            Some((ys, first))
                if first.per_financier == y.per_financier && ys.last().is_some_and(|l| *l + 1 == y.jaar) =>
            {
                ys.push(y.jaar)
            }
            _ => groups.push((vec![y.jaar], y)),
        }
    }
    let with: Vec<String> = groups
        .iter()
        .map(|(ys, y)| {
            let shares: Vec<String> =
                y.per_financier.iter().map(|(f, d)| format!("{} {}", cx.financier(f), nl::eur(*d))).collect();
            let when = if ys.len() > 1 { format!("{} elk jaar", years_words(ys)) } else { years_words(ys) };
            format!("{when} {} ({})", y.eigen_deel.map(nl::eur).unwrap_or_default(), join(&shares))
        })
        .collect();
    if with.is_empty() {
        "Dit besluit veroorzaakt zelf geen overschrijding van het taakstellend budget; er is niets extra te dekken."
            .to_string()
    } else {
        format!(
            "Het deel boven het taakstellend budget dat dit besluit veroorzaakt, dekken de financiers volgens de verdeelsleutel: {}.",
            join(&with)
        )
    }
}
