//! The decision note (besluitnota) of one decision item: the beslispunten, the proposal (the
//! preferred alternative, by its letter), every alternative with its amount (computed from the
//! submissions for a `niveau`), its difference and — for a decision on one perspective — that
//! difference over the financiers by the perspective's verdeelsleutel, the risks, and the
//! management consequences. For a perspective the figures are those the jaarplan shows for it;
//! without one they are integral totals against the integral begroting, with no split
//! (contract §8).

use super::consequences::gevolgen;
use super::cx::Cx;
use super::effects::{EffectenView, effecten};
use super::financiers::{Verdeling, verdeling};
use crate::model::{AgendaAlternatief, Agendapunt, Money, Year};
use crate::nl;
use crate::rollup::Rollup;
use crate::view::consequences::Beheerconsequenties;
use crate::view::text::letter;
use rust_decimal::Decimal;
use serde::Serialize;

/// One decision note.
#[derive(Clone, Debug, Serialize)]
pub struct Nota {
    /// The agenda number.
    pub nr: i64,
    /// The subject.
    pub onderwerp: String,
    /// What the board is asked to decide, one point each.
    pub beslispunten: Vec<String>,
    /// The proposal as the meeting file words it (`null` when it has none).
    pub voorstel: Option<String>,
    /// The preferred alternative, `B: Binnen taakstellend budget` (`null`: none marked).
    pub voorkeur: Option<String>,
    /// The year the amounts are about (`null`: the item names none).
    pub jaar: Option<Year>,
    /// The perspective decided on (`null`: integral).
    pub beleidsdoel: Option<String>,
    /// The cycle document it concerns, with its appendix letter, in words.
    pub stuk: Option<String>,
    /// The perspective's capped budget for the year (`null`: integral, or no cap).
    pub budget: Option<String>,
    /// What the amounts are compared with, in a sentence.
    pub budget_toelichting: String,
    /// Whether any alternative is compared (else no such columns).
    pub vergelijking: bool,
    /// The heading of the difference column: `Verschil met budget` or `Verschil met begroting`.
    pub verschil_kop: String,
    /// The alternatives.
    pub alternatieven: Vec<AgendaAlternatiefView>,
    /// The differences over the financiers (only for a perspective with a cap).
    pub verdeling: Option<Verdeling>,
    /// The management consequences concerned.
    pub gevolgen: Beheerconsequenties,
    /// Concept submissions behind the cycle document, for a warning at the top.
    pub concept: Vec<String>,
    /// Other notes for the reader.
    pub opmerkingen: Vec<String>,
    /// For an item decided as effects over a baseline (contract §13): its figures per
    /// alternative and year (`null`: an item with plain totals, §8).
    pub effecten: Option<EffectenView>,
    /// Other decision items of the meeting on the same perspective and years, in sentences.
    pub samenhang: Vec<String>,
    /// What the check found about this item (W403, W404), in words for the board.
    pub waarschuwingen: Vec<String>,
    /// The files its figures come from: the document it concerns (else the plans of its year);
    /// `null`: the meeting's own appendix (an item without a document or year).
    pub herkomst: Option<crate::view::herkomst::HerkomstView>,
}

/// One alternative of a decision.
#[derive(Clone, Debug, Serialize)]
pub struct AgendaAlternatiefView {
    /// `A`, `B`, …
    pub letter: String,
    /// Its name.
    pub naam: String,
    /// Whether it is the proposal.
    pub voorkeur: bool,
    /// Where the amount comes from.
    pub grondslag: String,
    /// The amount (`null` when it cannot be computed).
    pub bedrag: Option<String>,
    /// Amount − capped budget, or − integral begroting (`null` without a comparison).
    pub verschil: Option<String>,
    /// `boven`, `binnen`, `meer`, `minder` or `geen` (no comparison).
    pub oordeel: &'static str,
    /// Its risks.
    pub risicos: Vec<String>,
}

/// What the amounts of an item rest on.
struct Basis<'a> {
    /// The year the item names.
    jaar: Option<Year>,
    /// The year a `niveau` is computed for: the item's, else the meeting's cycle year.
    calc_year: Option<Year>,
    /// That year's roll-up.
    r: Option<&'a Rollup>,
    /// Whether there are submissions for that year.
    has_data: bool,
    /// The perspective decided on.
    beleidsdoel: Option<&'a str>,
    /// What the amounts are compared with: the perspective's cap, or the integral begroting
    /// (only for an item that names its year).
    base: Option<Money>,
    /// Whether `base` is a cap (else the integral begroting).
    is_cap: bool,
}

impl<'a> Basis<'a> {
    fn of(cx: &'a Cx, item: &'a Agendapunt) -> Basis<'a> {
        let jaar = item.jaar.as_ref().map(|j| j.value);
        let calc_year = jaar.or(cx.cyclusjaar);
        let r = calc_year.and_then(|y| cx.rollups.get(&y));
        let has_data = calc_year.is_some_and(|y| cx.tree.years.contains_key(&y));
        let beleidsdoel = item.beleidsdoel.as_ref().map(|b| b.value.as_str());
        let (base, is_cap) = match (jaar.and(r), beleidsdoel) {
            (Some(r), Some(p)) => (r.cap(p).and_then(|c| c.jaren.iter().find(|j| j.jaar == r.jaar)?.cap), true),
            (Some(r), None) => (Some(r.integral.year(r.jaar)), false),
            (None, _) => (None, false),
        };
        Basis { jaar, calc_year, r, has_data, beleidsdoel, base, is_cap }
    }

    /// The amount of an alternative: as given, or computed for its `niveau` (contract §8).
    fn amount(&self, a: &AgendaAlternatief) -> Option<Money> {
        match (a.bedrag, a.niveau, self.r) {
            (Some(b), _, _) => Some(b),
            (None, Some(n), Some(r)) if self.has_data => r.level(n, self.beleidsdoel).map(|l| l.totaal),
            _ => None,
        }
    }
}

/// Builds the note of a decision item.
pub fn nota(cx: &Cx, item: &Agendapunt) -> Nota {
    let basis = Basis::of(cx, item);
    let amounts: Vec<Option<Money>> = item.alternatieven.iter().map(|a| basis.amount(a)).collect();
    let diffs: Vec<Option<Decimal>> =
        amounts.iter().map(|m| Some(m.as_ref()?.decimal() - basis.base?.decimal())).collect();
    let alternatieven: Vec<AgendaAlternatiefView> = item
        .alternatieven
        .iter()
        .zip(amounts.iter().zip(&diffs))
        .enumerate()
        .map(|(i, (a, (m, d)))| alternative(cx, i, a, *m, *d, &basis))
        .collect();
    let key = match (basis.r, basis.beleidsdoel, basis.is_cap) {
        (Some(r), Some(p), true) => r.cap(p).and_then(|c| c.verdeelsleutel.clone()),
        _ => None,
    };
    let perspective = basis.beleidsdoel.map(|p| cx.perspective(p));
    let voorkeur = alternatieven.iter().find(|a| a.voorkeur).map(|a| format!("{}: {}", a.letter, a.naam));
    let figures = crate::rollup::item_effects(cx.tree, cx.rollups, item, cx.peildatum);
    let (effecten, punten) = match &figures {
        Some(e) => {
            let (view, mut punten) = effecten(cx, item, e);
            if let Some(stuk) = cx.bijlage_of(item).filter(|b| b.ontbreekt.is_none()) {
                punten.insert(0, adopt(cx, item, &stuk.titel()));
            }
            (Some(view), punten)
        }
        None => {
            (None, [beslispunten(cx, item, &alternatieven, &basis), super::settlement::beslispunten(cx, item)].concat())
        }
    };
    Nota {
        nr: item.id.value,
        onderwerp: item.onderwerp.clone(),
        beslispunten: punten,
        effecten,
        samenhang: samenhang(cx, item),
        waarschuwingen: cx.item_findings(item),
        voorstel: item.voorstel.clone(),
        voorkeur,
        jaar: basis.jaar,
        beleidsdoel: perspective.clone(),
        stuk: cx.stuk_label(item),
        budget: basis.base.filter(|_| basis.is_cap).map(nl::money),
        budget_toelichting: budget_text(cx, item, &basis),
        vergelijking: diffs.iter().any(Option::is_some),
        verschil_kop: if basis.is_cap { "Verschil met budget" } else { "Verschil met begroting" }.to_string(),
        verdeling: key.and_then(|k| verdeling(cx, &k, &diffs, perspective.as_deref().unwrap_or_default())),
        alternatieven,
        // A year after the last cycle year: the plans of the latest one hold its consequences.
        gevolgen: basis
            .r
            .or_else(|| crate::rollup::latest_budget_year(cx.tree).and_then(|y| cx.rollups.get(&y)))
            .map(|r| gevolgen(cx, r, item))
            .unwrap_or_else(empty_gevolgen),
        concept: cx.concept_note(item),
        opmerkingen: notes(item, &basis),
        herkomst: herkomst(cx, item, basis.jaar),
    }
}

/// The appendix "Herkomst van de cijfers" of one note: the files of the document the item is
/// about (a jaarrekening item: the realisaties of its year), else the plans of its year.
fn herkomst(cx: &Cx, item: &Agendapunt, jaar: Option<Year>) -> Option<crate::view::herkomst::HerkomstView> {
    let (doc, y) = match cx.bijlage_of(item) {
        Some(b) => (b.kind, b.jaar),
        None => (crate::model::Doc::Cycle(crate::model::CycleDoc::Jaarplan), jaar?),
    };
    let compact = cx.st.organisaties.len() >= crate::view::document::ABRIDGE_FROM;
    Some(crate::view::herkomst::item(&cx.base, &cx.v.file, doc, y, compact))
}

/// The points the board decides on: the choice between the alternatives (the preferred one
/// named by its letter), for which perspective and year, and the document to adopt.
fn beslispunten(cx: &Cx, item: &Agendapunt, alts: &[AgendaAlternatiefView], basis: &Basis) -> Vec<String> {
    let beraad = &cx.v.beraad;
    let scope = match (basis.beleidsdoel, basis.jaar) {
        (Some(p), Some(y)) => format!(" voor {} in {y}", cx.perspective(p)),
        (Some(p), None) => format!(" voor {}", cx.perspective(p)),
        (None, Some(y)) => format!(" voor {y}, alle beleidsdoelen samen"),
        (None, None) => String::new(),
    };
    let mut out = Vec::new();
    if let Some(stuk) = cx.bijlage_of(item).filter(|b| b.ontbreekt.is_none()) {
        out.push(adopt(cx, item, &stuk.titel()));
    }
    let letters: Vec<&str> = alts.iter().map(|a| a.letter.as_str()).collect();
    match alts.iter().find(|a| a.voorkeur) {
        Some(a) => {
            let amount = a.bedrag.as_ref().map(|b| format!(" ({b})")).unwrap_or_default();
            out.push(format!("Het {beraad} kiest{scope} alternatief {}: {}{amount}.", a.letter, a.naam))
        }
        None if !alts.is_empty() => out.push(format!(
            "Het {beraad} kiest{scope} een van de alternatieven {}; geen ervan is als voorstel aangewezen.",
            crate::view::text::join(&letters.iter().map(|s| s.to_string()).collect::<Vec<_>>())
        )),
        None => {}
    }
    out
}

/// What the amounts are compared with, and how a `niveau` amount is computed.
fn budget_text(cx: &Cx, item: &Agendapunt, basis: &Basis) -> String {
    let base = match (basis.jaar, basis.beleidsdoel, basis.base) {
        (None, _, _) => {
            "Dit besluitpunt noemt geen jaar; de bedragen zijn daarom niet tegen een budget of begroting afgezet."
                .to_string()
        }
        (Some(y), Some(p), Some(cap)) => format!(
            "De bedragen gelden voor {} alleen en staan tegenover het taakstellend budget {y} van dat beleidsdoel: {}. \
             Het verschil wordt volgens de verdeelsleutel van het beleidsdoel over de financiers verdeeld, zoals in het jaarplan.",
            cx.perspective(p),
            nl::money(cap)
        ),
        (Some(y), Some(p), None) => {
            format!(
                "Voor {} is er in {y} geen taakstellend budget; een verschil is niet te berekenen.",
                cx.perspective(p)
            )
        }
        (Some(y), None, Some(request)) => format!(
            "De bedragen zijn integrale totalen voor {y}, alle beleidsdoelen samen, en staan tegenover de integrale \
             begroting {y} van {}. Voor alle beleidsdoelen samen geldt geen taakstellend budget en geen verdeelsleutel; \
             een verdeling over de financiers staat daarom bij een besluit per beleidsdoel.",
            nl::money(request)
        ),
        (Some(y), None, None) => format!("Voor {y} zijn er geen begrotingen; een verschil is niet te berekenen."),
    };
    if item.alternatieven.iter().any(|a| a.bedrag.is_none() && a.niveau.is_some()) {
        let how = match basis.beleidsdoel {
            Some(_) => {
                "Bij een alternatief op een niveau is het bedrag het totaal van alle partijen op dat niveau voor dit \
                 beleidsdoel, uit hun alternatieven voor dit beleidsdoel; een partij zonder zo'n alternatief telt mee \
                 met haar begroting voor dit beleidsdoel."
            }
            None => {
                "Bij een alternatief op een niveau is het bedrag het totaal van het stelsel op dat niveau, berekend uit \
                 de ingediende begrotingen; een partij zonder alternatief op dat niveau telt mee met haar begroting."
            }
        };
        format!("{base} {how}")
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

fn alternative(
    cx: &Cx,
    i: usize,
    a: &AgendaAlternatief,
    m: Option<Money>,
    d: Option<Decimal>,
    basis: &Basis,
) -> AgendaAlternatiefView {
    let y = basis.calc_year.map(|y| y.to_string()).unwrap_or_default();
    let scope = match basis.beleidsdoel {
        Some(p) => format!("{} {y}", cx.perspective(p)),
        None => format!("het stelsel {y}"),
    };
    let grondslag = match (a.bedrag, a.niveau) {
        (Some(_), _) => "opgegeven bedrag, niet berekend uit de aanleveringen".to_string(),
        (None, Some(n)) if m.is_some() => format!("berekend: totaal van {scope} op niveau {}", n.label()),
        (None, Some(n)) => format!("niveau {}: niet te berekenen", n.label()),
        (None, None) => "geen bedrag".to_string(),
    };
    let oordeel = match (d, basis.is_cap) {
        (Some(d), true) if d > Decimal::ZERO => "boven",
        (Some(_), true) => "binnen",
        (Some(d), false) if d > Decimal::ZERO => "meer",
        (Some(_), false) => "minder",
        (None, _) => "geen",
    };
    AgendaAlternatiefView {
        letter: letter(i),
        naam: a.naam.clone(),
        voorkeur: a.voorkeur,
        grondslag,
        bedrag: m.map(nl::money),
        verschil: d.map(nl::eur),
        oordeel,
        risicos: a.risicos.clone(),
    }
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

/// The years an item touches: an effect item's horizon, else its year.
fn touched(cx: &Cx, item: &Agendapunt) -> Vec<Year> {
    let Some(jaar) = item.jaar.as_ref().map(|j| j.value) else { return Vec::new() };
    match (crate::rollup::is_effect_item(item), crate::rollup::latest_budget_year(cx.tree)) {
        (true, Some(last)) => (jaar..=last + 3).collect(),
        _ => vec![jaar],
    }
}

/// Decision items of the same meeting on the same perspective whose years overlap with this
/// one's (contract §13, samenhang): each named, with the years both touch, and that its
/// alternatives are not in this item's baseline.
fn samenhang(cx: &Cx, item: &Agendapunt) -> Vec<String> {
    let Some(p) = item.beleidsdoel.as_ref().map(|b| b.value.as_str()) else { return Vec::new() };
    let mine = touched(cx, item);
    cx.v.agenda
        .iter()
        .filter(|o| o.id.value != item.id.value && o.soort == crate::model::AgendaSoort::Besluit)
        .filter(|o| o.beleidsdoel.as_ref().is_some_and(|b| b.value == p))
        .filter_map(|o| {
            let both: Vec<String> = touched(cx, o).into_iter().filter(|y| mine.contains(y)).map(|y| y.to_string()).collect();
            (!both.is_empty()).then(|| {
                format!(
                    "Samenhang met agendapunt {} ({}): raakt ook {} in {}. De uitgangssituatie van dit besluit bevat de \
                     alternatieven van dat agendapunt niet; de stand na beide besluiten is de som van beide effecten.",
                    o.id.value,
                    o.onderwerp,
                    cx.perspective(p),
                    crate::view::text::join(&both)
                )
            })
        })
        .collect()
}

/// The beslispunt that adopts the item's document: for a decision on one perspective, only the
/// part about it (the rest of the document may belong to another board's mandate).
fn adopt(cx: &Cx, item: &Agendapunt, titel: &str) -> String {
    match item.beleidsdoel.as_ref() {
        Some(p) => format!(
            "Het {} stelt het stuk {titel} vast voor zover het over {} gaat.",
            cx.v.beraad,
            cx.perspective(&p.value)
        ),
        None => format!("Het {} stelt het stuk {titel} vast.", cx.v.beraad),
    }
}
