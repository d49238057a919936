//! The besluitnota of an item decided as effects over a baseline (contract §13), from the
//! figures of `rollup::item_effects` only: per alternative and year the baseline, the structural
//! and incidental effect, the position after, the cap, the difference after and the part the
//! decision itself causes; the preferred alternative's own part per financier and year; and the
//! beslispunten, generated from the same figures so that text and table cannot disagree.

use super::cx::Cx;
use crate::model::{Aard, Agendapunt, Year};
use crate::nl;
use crate::rollup::{EffectYear, Grondslag, ItemEffects, adopts};
use crate::view::text::{join, letter, years_words};
use rust_decimal::Decimal;
use serde::Serialize;

/// The effect part of a besluitnota.
#[derive(Clone, Debug, Serialize)]
pub struct EffectenView {
    /// What the baseline is, per year, and what the table shows.
    pub toelichting: String,
    /// The years of the horizon, as column headers.
    pub jaren: Vec<String>,
    /// Per alternative: its figures per year.
    pub alternatieven: Vec<EffectAlternatief>,
    /// The preferred alternative's own part over the financiers (`null`: no preferred
    /// alternative, or it causes no overrun).
    pub verdeling: Option<EffectVerdeling>,
    /// For an item on a wijziging: its lines, and which alternative adopts which.
    pub wijziging: Option<WijzigingView>,
    /// For an item on a wijziging: the latest prognosis beside the amended budget after each
    /// alternative, in sentences.
    pub prognose: Vec<String>,
}

/// One alternative's figures.
#[derive(Clone, Debug, Serialize)]
pub struct EffectAlternatief {
    /// `A`, `B`, …
    pub letter: String,
    /// Its name.
    pub naam: String,
    /// Whether it is the proposal.
    pub voorkeur: bool,
    /// Its effects in words.
    pub effecten: Vec<String>,
    /// The rows of its table, one per quantity, a column per year.
    pub rijen: Vec<EffectRij>,
    /// Whether it causes any overrun of a cap in any year.
    pub overschrijdt: bool,
    /// Its risks.
    pub risicos: Vec<String>,
}

/// One row of an alternative's table.
#[derive(Clone, Debug, Serialize)]
pub struct EffectRij {
    /// What the row shows.
    pub label: String,
    /// One amount per year ("—" where there is none).
    pub bedragen: Vec<String>,
    /// Whether the row is a result (shown bold).
    pub nadruk: bool,
}

/// The preferred alternative's own part over the financiers.
#[derive(Clone, Debug, Serialize)]
pub struct EffectVerdeling {
    /// The alternative, `A: naam`.
    pub alternatief: String,
    /// What the table shows.
    pub toelichting: String,
    /// The years with an own part.
    pub jaren: Vec<String>,
    /// Per financier, one amount per year.
    pub rijen: Vec<FinancierRij>,
    /// The own part per year.
    pub totaal: Vec<String>,
}

/// One financier's shares.
#[derive(Clone, Debug, Serialize)]
pub struct FinancierRij {
    /// The financier's name.
    pub financier: String,
    /// Its share per year.
    pub bedragen: Vec<String>,
}

/// The lines of a wijziging decided on.
#[derive(Clone, Debug, Serialize)]
pub struct WijzigingView {
    /// Which wijziging, in words.
    pub titel: String,
    /// Its status: proposed, or adopted on a date.
    pub status: String,
    /// Its lines in the item's perspective.
    pub regels: Vec<WijzigingRegel>,
    /// The alternatives' letters, as column headers.
    pub kop: Vec<String>,
}

/// One line of a wijziging.
#[derive(Clone, Debug, Serialize)]
pub struct WijzigingRegel {
    /// What it is for (the mutatie's toelichting).
    pub omschrijving: String,
    /// The change.
    pub mutatie: String,
    /// Structural or incidental, in words.
    pub aard: String,
    /// Per alternative: "ja" or "nee".
    pub overgenomen: Vec<String>,
}

/// The effect part of `item`'s note and its beslispunten.
pub fn effecten(cx: &Cx, item: &Agendapunt, e: &ItemEffects) -> (EffectenView, Vec<String>) {
    let p = cx.perspective(&e.beleidsdoel);
    let alternatieven: Vec<EffectAlternatief> = item
        .alternatieven
        .iter()
        .zip(&e.alternatives)
        .enumerate()
        .map(|(i, (a, years))| EffectAlternatief {
            letter: letter(i),
            naam: a.naam.clone(),
            voorkeur: a.voorkeur,
            effecten: effect_words(item, e, i),
            rijen: rows(years),
            overschrijdt: years.iter().any(|y| y.eigen_deel.is_some_and(|d| d > Decimal::ZERO)),
            risicos: a.risicos.clone(),
        })
        .collect();
    let preferred = item.alternatieven.iter().position(|a| a.voorkeur);
    let verdeling = preferred.and_then(|i| verdeling(cx, &alternatieven[i], &e.alternatives[i]));
    let view = EffectenView {
        toelichting: toelichting(cx, e, &p),
        jaren: e.horizon.iter().map(|y| y.to_string()).collect(),
        verdeling,
        wijziging: wijziging_view(cx, item, e),
        prognose: prognose_words(e),
        alternatieven,
    };
    let punten = super::beslispunten::beslispunten(cx, item, e, &p, preferred);
    (view, punten)
}

/// The quantities of one alternative, a column per year.
fn rows(years: &[EffectYear]) -> Vec<EffectRij> {
    let amount = |d: Option<Decimal>| d.map(nl::eur).unwrap_or_else(|| "—".to_string());
    let row = |label: &str, nadruk: bool, f: &dyn Fn(&EffectYear) -> String| EffectRij {
        label: label.to_string(),
        bedragen: years.iter().map(f).collect(),
        nadruk,
    };
    vec![
        row("Uitgangssituatie", false, &|y| amount(y.baseline)),
        row("Effect structureel", false, &|y| nl::eur(y.structureel)),
        row("Effect incidenteel", false, &|y| nl::eur(y.incidenteel)),
        row("Na besluit", true, &|y| amount(y.na)),
        row("Taakstellend budget", false, &|y| y.cap.map(nl::eur).unwrap_or_else(|| "geen".to_string())),
        row("Verschil na besluit", false, &|y| amount(y.verschil_na)),
        row("Waarvan door dit besluit", true, &|y| amount(y.eigen_deel)),
    ]
}

/// What the baseline rests on, per year, in a paragraph.
fn toelichting(cx: &Cx, e: &ItemEffects, p: &str) -> String {
    let mut by_source: Vec<(String, Vec<Year>)> = Vec::new();
    for (y, g) in
        e.horizon.iter().zip(e.alternatives.first().map(|a| a.iter().map(|y| y.grondslag)).into_iter().flatten())
    {
        let words = grondslag(g);
        match by_source.iter_mut().find(|(w, _)| *w == words) {
            Some((_, ys)) => ys.push(*y),
            None => by_source.push((words, vec![*y])),
        }
    }
    let parts: Vec<String> = by_source.iter().map(|(w, ys)| format!("{} voor {}", w, years_words(ys))).collect();
    let mut out = format!(
        "De uitgangssituatie is de stand van {p} zonder dit besluit, voor alle partijen samen: {}. \
         Een structureel effect telt vanaf zijn jaar in elk volgend jaar mee, een incidenteel effect alleen in zijn jaar. \
         \"Waarvan door dit besluit\" is het deel van de overschrijding van het taakstellend budget dat dit besluit zelf \
         veroorzaakt (negatief als het besluit een overschrijding verkleint).",
        join(&parts)
    );
    if let Some(a) = &e.amendment {
        let party = cx.party(&a.organisatie);
        out.push_str(&match a.vastgesteld_op {
            Some(d) => format!(
                " De wijziging van {party} is op {} vastgesteld; de uitgangssituatie voor {} is de gewijzigde begroting zonder haar.",
                nl::date(d),
                e.horizon.first().copied().unwrap_or_default()
            ),
            None => format!(
                " De wijziging van {party} is voorgesteld en nog niet vastgesteld; de uitgangssituatie voor {} is de gewijzigde begroting zonder haar.",
                e.horizon.first().copied().unwrap_or_default()
            ),
        });
    }
    out
}

/// A baseline's source in words.
fn grondslag(g: Grondslag) -> String {
    match g {
        Grondslag::Prognose { jaar, kwartaal } => {
            format!("de prognose na het {} kwartaal {jaar}", nl::ordinal(kwartaal))
        }
        Grondslag::Gewijzigd { jaar } => format!("de gewijzigde begroting {jaar}"),
        Grondslag::Raming { cyclusjaar } => format!("de meerjarenraming {cyclusjaar}–{}", cyclusjaar + 3),
        Grondslag::Geen => "geen begroting (niet bekend)".to_string(),
    }
}

/// An alternative's effects in words: for effect items as given, for a wijziging the lines it
/// adopts.
fn effect_words(item: &Agendapunt, e: &ItemEffects, i: usize) -> Vec<String> {
    let alt = &item.alternatieven[i];
    if let Some(a) = &e.amendment {
        let lines: Vec<String> = a
            .regels
            .iter()
            .filter(|(id, _, _, _)| adopts(alt, id))
            .map(|(_, m, aard, t)| format!("{t}: {} ({})", nl::eur(*m), aard_word(*aard)))
            .collect();
        return if lines.is_empty() { vec!["Neemt geen regel van de wijziging over.".to_string()] } else { lines };
    }
    let effects: Vec<String> = alt
        .effecten
        .iter()
        .flatten()
        .map(|x| {
            let what = x.omschrijving.as_deref().map(|o| format!("{o}: ")).unwrap_or_default();
            match x.aard {
                Aard::Structureel => {
                    format!("{what}{} per jaar vanaf {} (structureel)", nl::eur(x.bedrag), x.jaar.value)
                }
                Aard::Incidenteel => format!("{what}{} in {} (incidenteel)", nl::eur(x.bedrag), x.jaar.value),
            }
        })
        .collect();
    if effects.is_empty() { vec!["Geen effect: de uitgangssituatie blijft zoals ze is.".to_string()] } else { effects }
}

fn aard_word(a: Aard) -> &'static str {
    match a {
        Aard::Structureel => "structureel",
        Aard::Incidenteel => "incidenteel",
    }
}

/// The preferred alternative's own part per financier, for the years where it is positive.
fn verdeling(cx: &Cx, a: &EffectAlternatief, years: &[EffectYear]) -> Option<EffectVerdeling> {
    let with: Vec<&EffectYear> = years.iter().filter(|y| !y.per_financier.is_empty()).collect();
    let first = with.first()?;
    let rijen = first
        .per_financier
        .iter()
        .enumerate()
        .map(|(i, (f, _))| FinancierRij {
            financier: cx.financier(f),
            bedragen: with.iter().map(|y| nl::eur(y.per_financier[i].1)).collect(),
        })
        .collect();
    Some(EffectVerdeling {
        alternatief: format!("{}: {}", a.letter, a.naam),
        toelichting: format!(
            "Het deel boven het taakstellend budget dat alternatief {} zelf veroorzaakt, verdeeld over de financiers \
             volgens de verdeelsleutel van het beleidsdoel (op de cent; de delen tellen op tot het geheel).",
            a.letter
        ),
        jaren: with.iter().map(|y| y.jaar.to_string()).collect(),
        rijen,
        totaal: with.iter().map(|y| y.eigen_deel.map(nl::eur).unwrap_or_default()).collect(),
    })
}

/// The wijziging's lines and which alternative adopts which.
fn wijziging_view(cx: &Cx, item: &Agendapunt, e: &ItemEffects) -> Option<WijzigingView> {
    let a = e.amendment.as_ref()?;
    Some(WijzigingView {
        titel: format!("Begrotingswijziging {} van {}: {}", a.nummer, cx.party(&a.organisatie), a.omschrijving),
        status: match a.vastgesteld_op {
            Some(d) => format!("vastgesteld op {}", nl::date(d)),
            None => "voorgesteld, nog niet vastgesteld".to_string(),
        },
        regels: a
            .regels
            .iter()
            .map(|(id, m, aard, t)| WijzigingRegel {
                omschrijving: t.clone(),
                mutatie: nl::eur(*m),
                aard: aard_word(*aard).to_string(),
                overgenomen: item
                    .alternatieven
                    .iter()
                    .map(|alt| if adopts(alt, id) { "ja" } else { "nee" }.to_string())
                    .collect(),
            })
            .collect(),
        kop: (0..item.alternatieven.len()).map(letter).collect(),
    })
}

/// For a wijziging: the latest prognosis of its year beside the amended budget after each
/// alternative and the cap.
fn prognose_words(e: &ItemEffects) -> Vec<String> {
    let (Some(a), Some(first)) = (&e.amendment, e.horizon.first()) else { return Vec::new() };
    let Some((prognose, g)) = a.prognose else { return Vec::new() };
    let mut out = Vec::new();
    let cap = e.alternatives.first().and_then(|y| y.first()).and_then(|y| y.cap);
    let mut head = format!("Los van dit besluit is {} {}", grondslag(g), nl::eur(prognose));
    match cap {
        Some(c) if prognose > c => {
            head.push_str(&format!(", {} boven het taakstellend budget {first}", nl::eur(prognose - c)))
        }
        Some(c) => head.push_str(&format!(", {} binnen het taakstellend budget {first}", nl::eur(c - prognose))),
        None => {}
    }
    head.push_str(
        ". De wijziging verandert het budget, niet de uitgaven: de prognose blijft bij elk alternatief gelijk.",
    );
    out.push(head);
    for (i, years) in e.alternatives.iter().enumerate() {
        let Some(y) = years.first() else { continue };
        let Some(na) = y.na else { continue };
        let d = prognose - na;
        let relation = if d > Decimal::ZERO {
            format!("{} boven", nl::eur(d))
        } else if d < Decimal::ZERO {
            format!("{} onder", nl::eur(-d))
        } else {
            "precies op".to_string()
        };
        out.push(format!(
            "Alternatief {}: de gewijzigde begroting {first} wordt {}; de prognose ligt {relation} die gewijzigde begroting.",
            letter(i),
            nl::eur(na),
        ));
    }
    out
}
