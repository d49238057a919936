//! The beslispunten of an item that adopts a jaarrekening (`stuk: jaarrekening`, `soort:
//! besluit`, contract §14), generated from the closing account of `rollup::settlement`: the
//! result against the taakstellende budgetten, and what is settled with each financier — over
//! all perspectives, or for the item's own perspective when it names one (the board decides
//! within its mandate).

use super::cx::Cx;
use crate::model::{AgendaSoort, AgendaStuk, Agendapunt};
use crate::nl;
use crate::rollup::{SettledPerspective, settlement};
use crate::view::settlement::settle_words;
use crate::view::text::join;
use rust_decimal::Decimal;
use std::cmp::Ordering;

/// The settlement points of `item`; none for any other item.
pub(super) fn beslispunten(cx: &Cx, item: &Agendapunt) -> Vec<String> {
    if item.soort != AgendaSoort::Besluit || item.stuk != Some(AgendaStuk::Jaarrekening) {
        return Vec::new();
    }
    let Some(r) = item.jaar.as_ref().and_then(|j| cx.rollups.get(&j.value)) else { return Vec::new() };
    let (y, beraad) = (r.jaar, &cx.v.beraad);
    let s = settlement(cx.st, r);
    if !s.complete() {
        let names: Vec<String> = s.missing.iter().map(|p| cx.party(p)).collect();
        return vec![format!(
            "De verrekening met de financiers over {y} wordt vastgesteld zodra de realisatie van {} is aangeleverd.",
            join(&names)
        )];
    }
    if let Some(p) = item.beleidsdoel.as_ref().map(|b| b.value.as_str()) {
        let naam = cx.perspective(p);
        return vec![match s.perspectives.iter().find(|x| x.beleidsdoel == p) {
            Some(x) => format!(
                "Het {beraad} stelt het resultaat {y} voor {naam} vast: {}. Het verrekent dit met de financiers \
                 volgens de verdeelsleutel: {}.",
                result_words(x),
                settle_words(cx, &x.shares)
            ),
            None => format!(
                "Voor {naam} is er in {y} geen taakstellend budget; er is niets met de financiers te verrekenen."
            ),
        }];
    }
    if s.perspectives.is_empty() {
        return vec![format!("Voor {y} is er geen taakstellend budget; er is niets met de financiers te verrekenen.")];
    }
    let each: Vec<String> =
        s.perspectives.iter().map(|x| format!("{} {}", cx.perspective(&x.beleidsdoel), result_words(x))).collect();
    let net = s.result();
    let saldo = match net.cmp(&Decimal::ZERO) {
        Ordering::Greater => format!("per saldo {} onder de taakstellende budgetten", nl::eur(net)),
        Ordering::Less => format!("per saldo {} boven de taakstellende budgetten", nl::eur(-net)),
        Ordering::Equal => "per saldo precies de taakstellende budgetten".to_string(),
    };
    let shares: Vec<(String, Decimal)> = s.financiers.iter().map(|t| (t.financier.clone(), t.settlement)).collect();
    vec![
        format!("Het {beraad} stelt het resultaat {y} vast: {}; {saldo}.", join(&each)),
        format!(
            "Het {beraad} verrekent het resultaat met de financiers, per financier over alle beleidsdoelen samen: {}.",
            settle_words(cx, &shares)
        ),
    ]
}

/// "€ 4.237,59 boven het taakstellend budget".
fn result_words(x: &SettledPerspective) -> String {
    match x.result.cmp(&Decimal::ZERO) {
        Ordering::Greater => format!("{} onder het taakstellend budget", nl::eur(x.result)),
        Ordering::Less => format!("{} boven het taakstellend budget", nl::eur(-x.result)),
        Ordering::Equal => "precies het taakstellend budget".to_string(),
    }
}
