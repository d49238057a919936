//! The decision note (besluitnota) of one decision item: the proposal, every alternative with
//! its amount (computed from the submissions for a `niveau`), its difference from the capped
//! budget and that difference over the financiers, the risks, and the management consequences.

use super::allocation::{self, Part};
use super::consequences::{Gevolgen, gevolgen};
use super::view::{Cx, join};
use crate::model::{AgendaAlternatief, Agendapunt, Money, Year};
use crate::nl;
use crate::rollup::Rollup;
use rust_decimal::Decimal;
use serde::Serialize;

/// One decision note.
#[derive(Clone, Debug, Serialize)]
pub struct Nota {
    /// The agenda number.
    pub nr: i64,
    /// The subject.
    pub onderwerp: String,
    /// The proposal (`null` when the meeting file has none).
    pub voorstel: Option<String>,
    /// The year the amounts are about (`null`: the item names none).
    pub jaar: Option<Year>,
    /// The cycle document it concerns, with its appendix letter, in words.
    pub stuk: Option<String>,
    /// The capped budget of the year, all perspectives with a cap together.
    pub budget: Option<String>,
    /// What the amounts are compared with, in a sentence.
    pub budget_toelichting: String,
    /// Whether any alternative is compared with a capped budget (else no such columns).
    pub vergelijking: bool,
    /// The alternatives.
    pub alternatieven: Vec<Alternatief>,
    /// What the budget leaves out (perspectives without a cap), under the alternatives.
    pub budget_opmerking: Option<String>,
    /// The differences over the financiers (`null` when no difference could be computed).
    pub verdeling: Option<Verdeling>,
    /// The management consequences concerned.
    pub gevolgen: Gevolgen,
    /// Concept submissions behind the cycle document, for a warning at the top.
    pub concept: Vec<String>,
    /// Other notes for the reader.
    pub opmerkingen: Vec<String>,
}

/// One alternative of a decision.
#[derive(Clone, Debug, Serialize)]
pub struct Alternatief {
    /// `A`, `B`, …
    pub letter: String,
    /// Its name.
    pub naam: String,
    /// Where the amount comes from.
    pub grondslag: String,
    /// The amount (`null` when it cannot be computed).
    pub bedrag: Option<String>,
    /// Amount − capped budget (`null` without a budget).
    pub verschil: Option<String>,
    /// `boven`, `binnen` or `geen` (no comparison).
    pub oordeel: &'static str,
    /// Its risks.
    pub risicos: Vec<String>,
}

/// The differences of the alternatives over the financiers.
#[derive(Clone, Debug, Serialize)]
pub struct Verdeling {
    /// One column per alternative that has a difference: its letter.
    pub kop: Vec<String>,
    /// One row per financier.
    pub rijen: Vec<VerdelingRij>,
    /// The differences themselves (the column totals).
    pub totaal: Vec<String>,
    /// How the difference was allocated.
    pub toelichting: String,
    /// The verdeelsleutels used, one line per perspective.
    pub sleutels: Vec<String>,
}

/// One financier's share of every difference.
#[derive(Clone, Debug, Serialize)]
pub struct VerdelingRij {
    /// The financier's name.
    pub financier: String,
    /// Its share per column, to the cent.
    pub bedragen: Vec<String>,
}

/// Builds the note of a decision item.
pub fn nota(cx: &Cx, item: &Agendapunt) -> Nota {
    let jaar = item.jaar.as_ref().map(|j| j.value);
    let calc_year = jaar.or(cx.cyclusjaar);
    let r = calc_year.and_then(|y| cx.rollups.get(&y));
    let has_data = calc_year.is_some_and(|y| cx.tree.years.contains_key(&y));
    let budget = jaar.and(r.as_ref()).and_then(|r| r.budget(r.jaar));
    let mut opmerkingen = Vec::new();
    let amounts: Vec<Option<Money>> = item
        .alternatieven
        .iter()
        .map(|a| match (a.bedrag, a.niveau, r) {
            (Some(b), _, _) => Some(b),
            (None, Some(n), Some(r)) if has_data => Some(r.level_total(n)),
            _ => None,
        })
        .collect();
    let diffs: Vec<Option<Decimal>> = amounts.iter().map(|m| Some(m.as_ref()?.decimal() - budget?.decimal())).collect();
    let alternatieven = item
        .alternatieven
        .iter()
        .zip(&amounts)
        .zip(&diffs)
        .enumerate()
        .map(|(i, ((a, m), d))| alternative(i, a, *m, *d, calc_year))
        .collect();
    let parts = match (r, budget) {
        (Some(r), Some(_)) => allocation::parts(r, r.jaar),
        _ => Vec::new(),
    };
    let verdeling = verdeling(cx, &parts, &diffs, jaar);
    let budget_toelichting = match (jaar, budget) {
        (None, _) => "Dit besluitpunt noemt geen jaar; de bedragen zijn daarom niet tegen een taakstellend budget afgezet.".to_string(),
        (Some(y), None) => format!("Voor {y} is er geen taakstellend budget; een verschil is niet te berekenen."),
        (Some(y), Some(b)) => format!(
            "Het taakstellend budget {y} is {}: de som van de taakstellende budgetten {y} van alle beleidsdoelen die er een hebben ({}).",
            nl::money(b),
            join(&parts.iter().map(|p| cx.perspective(&p.beleidsdoel)).collect::<Vec<_>>())
        ),
    };
    let budget_toelichting = match item.alternatieven.iter().any(|a| a.bedrag.is_none() && a.niveau.is_some()) {
        true => format!("{budget_toelichting} Bij een alternatief op een niveau is het bedrag het totaal van het stelsel op dat niveau, berekend uit de ingediende begrotingen; een partij zonder alternatief op dat niveau telt mee met haar aanvraag."),
        false => budget_toelichting,
    };
    let budget_opmerking = match (r, budget) {
        (Some(r), Some(_)) => uncapped(cx, r),
        _ => None,
    };
    if jaar.is_none() && item.alternatieven.iter().any(|a| a.bedrag.is_none() && a.niveau.is_some()) {
        if let Some(c) = calc_year {
            opmerkingen.push(format!("Alternatieven met een niveau zijn berekend voor {c}, het cyclusjaar van deze vergadering."));
        }
    }
    if calc_year.is_some() && !has_data && item.alternatieven.iter().any(|a| a.bedrag.is_none()) {
        opmerkingen.push(format!("Er zijn geen begrotingen voor {}; bedragen op een niveau zijn niet te berekenen.", calc_year.unwrap_or_default()));
    }
    let gevolgen = match r {
        Some(r) => gevolgen(cx.st, r, item),
        None => empty_gevolgen(),
    };
    Nota {
        nr: item.id.value,
        onderwerp: item.onderwerp.clone(),
        voorstel: item.voorstel.clone(),
        jaar,
        stuk: cx.stuk_label(item),
        budget: budget.map(nl::money),
        budget_toelichting,
        vergelijking: diffs.iter().any(Option::is_some),
        alternatieven,
        budget_opmerking,
        verdeling,
        gevolgen,
        concept: cx.concept_note(item),
        opmerkingen,
    }
}

fn alternative(i: usize, a: &AgendaAlternatief, m: Option<Money>, d: Option<Decimal>, y: Option<Year>) -> Alternatief {
    let grondslag = match (a.bedrag, a.niveau) {
        (Some(_), _) => "bedrag uit het vergaderbestand".to_string(),
        (None, Some(n)) if m.is_some() => format!("berekend: totaal van het stelsel {} op niveau {}", y.map(|y| y.to_string()).unwrap_or_default(), n.label()),
        (None, Some(n)) => format!("niveau {}: niet te berekenen", n.label()),
        (None, None) => "geen bedrag".to_string(),
    };
    Alternatief {
        letter: letter(i),
        naam: a.naam.clone(),
        grondslag,
        bedrag: m.map(nl::money),
        verschil: d.map(nl::eur),
        oordeel: match d {
            Some(d) if d > Decimal::ZERO => "boven",
            Some(_) => "binnen",
            None => "geen",
        },
        risicos: a.risicos.clone(),
    }
}

/// `A`, `B`, … `Z`, then `27`, `28`, …
pub fn letter(i: usize) -> String {
    if i < 26 { char::from(b'A' + i as u8).to_string() } else { (i + 1).to_string() }
}

fn verdeling(cx: &Cx, parts: &[Part], diffs: &[Option<Decimal>], jaar: Option<Year>) -> Option<Verdeling> {
    let cols: Vec<(usize, Decimal)> = diffs.iter().enumerate().filter_map(|(i, d)| Some((i, (*d)?))).collect();
    if cols.is_empty() || parts.is_empty() {
        return None;
    }
    let ids: Vec<String> = cx.st.financiers.iter().map(|f| f.id.value.clone()).collect();
    let shares: Vec<Vec<(String, Decimal)>> = cols.iter().map(|(_, d)| allocation::over_financiers(*d, parts, &ids)).collect();
    let rijen = shares[0]
        .iter()
        .enumerate()
        .map(|(k, (f, _))| VerdelingRij { financier: cx.financier(f), bedragen: shares.iter().map(|s| nl::eur_cents(s[k].1)).collect() })
        .collect();
    Some(Verdeling {
        kop: cols.iter().map(|(i, _)| letter(*i)).collect(),
        rijen,
        totaal: cols.iter().map(|(_, d)| nl::eur_cents(*d)).collect(),
        toelichting: how_allocated(cx, parts, jaar.unwrap_or_default()),
        sleutels: parts.iter().map(|p| format!("{}: {}", cx.perspective(&p.beleidsdoel), key_text(cx, p))).collect(),
    })
}

/// A verdeelsleutel in words: `Rijk 19%, VNG 70%, …`.
fn key_text(cx: &Cx, p: &Part) -> String {
    p.key.iter().map(|(f, pct)| format!("{} {}", cx.financier(f), pct_text(*pct))).collect::<Vec<_>>().join(", ")
}

fn how_allocated(cx: &Cx, parts: &[Part], y: Year) -> String {
    let exact = "op hele centen volgens de methode van de grootste rest, zodat de delen precies optellen tot het verschil";
    if let [p] = parts {
        return format!("Het verschil is verdeeld volgens de verdeelsleutel van {}, {exact}.", cx.perspective(&p.beleidsdoel));
    }
    let total: Decimal = parts.iter().map(|p| p.cap).sum();
    let shares: Vec<String> = parts
        .iter()
        .map(|p| {
            let pct = if total.is_zero() { Decimal::ONE_HUNDRED / Decimal::from(parts.len()) } else { p.cap * Decimal::ONE_HUNDRED / total };
            format!("{} {}", cx.perspective(&p.beleidsdoel), nl::percent(pct))
        })
        .collect();
    format!(
        "Het verschil is eerst over de beleidsdoelen verdeeld naar rato van hun taakstellend budget {y} ({}) en daarna per beleidsdoel volgens zijn eigen verdeelsleutel over de financiers, {exact}.",
        join(&shares)
    )
}

/// A percentage of a verdeelsleutel as written: `19%`, `72,5%`.
fn pct_text(p: Decimal) -> String {
    let n = p.normalize();
    format!("{}%", nl::number(n, n.scale()))
}

/// The request in perspectives without a cap for the year: in the totals, not in the budget.
fn uncapped(cx: &Cx, r: &Rollup) -> Option<String> {
    let open: Vec<(String, Money)> = r
        .caps
        .iter()
        .filter_map(|c| {
            let y = c.jaren.iter().find(|j| j.jaar == r.jaar)?;
            (y.cap.is_none() && y.request > Money::ZERO).then(|| (cx.perspective(&c.beleidsdoel), y.request))
        })
        .collect();
    if open.is_empty() {
        return None;
    }
    let sum: Money = open.iter().map(|(_, m)| *m).sum();
    let names: Vec<String> = open.into_iter().map(|(n, _)| n).collect();
    Some(format!(
        "Let op: {} van de aanvraag {} valt onder beleidsdoelen zonder taakstellend budget ({}). Dat bedrag zit wel in de berekende totalen per niveau, maar niet in het taakstellend budget.",
        nl::money(sum),
        r.jaar,
        join(&names)
    ))
}

fn empty_gevolgen() -> Gevolgen {
    Gevolgen {
        toelichting: "Er zijn geen plannen voor het jaar van dit besluitpunt; beheerconsequenties zijn niet bekend.".into(),
        kop: Vec::new(),
        rijen: Vec::new(),
        totaal: None,
    }
}
