//! The decision note (besluitnota) of one decision item: the proposal, every alternative with
//! its amount (computed from the submissions for a `niveau`), its difference from the capped
//! budget and that difference over the financiers, the risks, and the management consequences.

use super::consequences::gevolgen;
use super::cx::Cx;
use super::financiers::{Verdeling, verdeling};
use crate::model::{AgendaAlternatief, Agendapunt, Money, Year};
use crate::nl;
use crate::rollup::{CapPart, Rollup};
use crate::view::consequences::Beheerconsequenties;
use crate::view::text::{join, letter};
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
    pub gevolgen: Beheerconsequenties,
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

/// What the amounts of an item rest on: its year, the year a `niveau` is computed for, that
/// year's roll-up and the capped budget compared with.
struct Basis<'a> {
    jaar: Option<Year>,
    calc_year: Option<Year>,
    r: Option<&'a Rollup>,
    has_data: bool,
    budget: Option<Money>,
}

impl<'a> Basis<'a> {
    fn of(cx: &'a Cx, item: &Agendapunt) -> Basis<'a> {
        let jaar = item.jaar.as_ref().map(|j| j.value);
        let calc_year = jaar.or(cx.cyclusjaar);
        let r = calc_year.and_then(|y| cx.rollups.get(&y));
        let has_data = calc_year.is_some_and(|y| cx.tree.years.contains_key(&y));
        // Only an item that names its year is compared with that year's capped budget.
        let budget = jaar.and(r).and_then(|r| r.budget(r.jaar));
        Basis { jaar, calc_year, r, has_data, budget }
    }

    /// The amount of an alternative: as given, or computed for its `niveau`.
    fn amount(&self, a: &AgendaAlternatief) -> Option<Money> {
        match (a.bedrag, a.niveau, self.r) {
            (Some(b), _, _) => Some(b),
            (None, Some(n), Some(r)) if self.has_data => Some(r.level_total(n)),
            _ => None,
        }
    }
}

/// Builds the note of a decision item.
pub fn nota(cx: &Cx, item: &Agendapunt) -> Nota {
    let basis = Basis::of(cx, item);
    let amounts: Vec<Option<Money>> = item.alternatieven.iter().map(|a| basis.amount(a)).collect();
    let diffs: Vec<Option<Decimal>> =
        amounts.iter().map(|m| Some(m.as_ref()?.decimal() - basis.budget?.decimal())).collect();
    let alternatieven = item
        .alternatieven
        .iter()
        .zip(amounts.iter().zip(&diffs))
        .enumerate()
        .map(|(i, (a, (m, d)))| alternative(i, a, *m, *d, basis.calc_year))
        .collect();
    let parts = match (basis.r, basis.budget) {
        (Some(r), Some(_)) => r.cap_parts(r.jaar),
        _ => Vec::new(),
    };
    Nota {
        nr: item.id.value,
        onderwerp: item.onderwerp.clone(),
        voorstel: item.voorstel.clone(),
        jaar: basis.jaar,
        stuk: cx.stuk_label(item),
        budget: basis.budget.map(nl::money),
        budget_toelichting: budget_text(cx, item, &basis, &parts),
        vergelijking: diffs.iter().any(Option::is_some),
        alternatieven,
        budget_opmerking: basis.budget.and(basis.r).and_then(|r| uncapped(cx, r)),
        verdeling: verdeling(cx, &parts, &diffs, basis.jaar),
        gevolgen: basis.r.map(|r| gevolgen(cx, r, item)).unwrap_or_else(empty_gevolgen),
        concept: cx.concept_note(item),
        opmerkingen: notes(item, &basis),
    }
}

/// What the amounts are compared with, and how a `niveau` amount is computed.
fn budget_text(cx: &Cx, item: &Agendapunt, basis: &Basis, parts: &[CapPart]) -> String {
    let base = match (basis.jaar, basis.budget) {
        (None, _) => {
            "Dit besluitpunt noemt geen jaar; de bedragen zijn daarom niet tegen een taakstellend budget afgezet."
                .to_string()
        }
        (Some(y), None) => format!("Voor {y} is er geen taakstellend budget; een verschil is niet te berekenen."),
        (Some(y), Some(b)) => format!(
            "Het taakstellend budget {y} is {}: de som van de taakstellende budgetten {y} van alle beleidsdoelen die er een hebben ({}).",
            nl::money(b),
            join(&parts.iter().map(|p| cx.perspective(&p.beleidsdoel)).collect::<Vec<_>>())
        ),
    };
    if item.alternatieven.iter().any(|a| a.bedrag.is_none() && a.niveau.is_some()) {
        format!(
            "{base} Bij een alternatief op een niveau is het bedrag het totaal van het stelsel op dat niveau, berekend uit de ingediende begrotingen; een partij zonder alternatief op dat niveau telt mee met haar aanvraag."
        )
    } else {
        base
    }
}

/// Notes on how `niveau` amounts were (or could not be) computed.
fn notes(item: &Agendapunt, basis: &Basis) -> Vec<String> {
    let by_level = item.alternatieven.iter().any(|a| a.bedrag.is_none() && a.niveau.is_some());
    let mut out = Vec::new();
    match basis.calc_year {
        Some(c) if by_level && !basis.has_data => {
            out.push(format!("Er zijn geen begrotingen voor {c}; bedragen op een niveau zijn niet te berekenen."))
        }
        Some(c) if by_level && basis.jaar.is_none() => out
            .push(format!("Alternatieven met een niveau zijn berekend voor {c}, het cyclusjaar van deze vergadering.")),
        None if by_level => out.push("Er zijn geen begrotingen; bedragen op een niveau zijn niet te berekenen.".into()),
        _ => {}
    }
    out
}

fn alternative(i: usize, a: &AgendaAlternatief, m: Option<Money>, d: Option<Decimal>, y: Option<Year>) -> Alternatief {
    let grondslag = match (a.bedrag, a.niveau) {
        (Some(_), _) => "bedrag uit het vergaderbestand".to_string(),
        (None, Some(n)) if m.is_some() => format!(
            "berekend: totaal van het stelsel {} op niveau {}",
            y.map(|y| y.to_string()).unwrap_or_default(),
            n.label()
        ),
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

fn empty_gevolgen() -> Beheerconsequenties {
    Beheerconsequenties {
        toelichting: Some(
            "Er zijn geen plannen voor het jaar van dit besluitpunt; beheerconsequenties zijn niet bekend.".into(),
        ),
        kop: Vec::new(),
        rijen: Vec::new(),
        totaal: None,
    }
}
