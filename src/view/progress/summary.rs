//! The first page of the voortgangsrapportage: what a board member reads in two minutes —
//! where the year is heading against the amended and the capped budget, what is off track and
//! by how much, what is proposed.

use super::model::{Px, cap, perspective_ids, with_percent};
use crate::diag::Diagnostics;
use crate::model::VoortgangStatus;
use crate::nl;
use crate::view::points::closing;
use crate::view::summary::{Samenvatting, kc, kcm};
use crate::view::text::{count, join};
use rust_decimal::Decimal;

/// Key figures and points.
pub(super) fn samenvatting(x: &Px, diags: &Diagnostics) -> Samenvatting {
    let (y, k) = (x.p.jaar, x.p.kwartaal);
    let all = x.p.integral.get("").cloned().unwrap_or_default();
    let delivered = x.p.parties.iter().filter(|p| p.report.is_some()).count();
    let signals = x.p.parties.iter().flat_map(|p| &p.lines).filter(|l| l.signaal).count();
    let behind = results(x, &[VoortgangStatus::Achter, VoortgangStatus::Risico]);
    let kerncijfers = vec![
        kcm(format!("Gewijzigde begroting {y}"), all.gewijzigd.decimal()),
        kcm(format!("Besteed tot en met Q{k}"), all.besteed.decimal()),
        kcm(format!("Prognose {y}"), all.prognose.decimal()),
        kcm("Verwachte afwijking", all.afwijking()),
        kc("Rapportages ontvangen", format!("{delivered} van {}", x.p.parties.len())),
        kc("Regels buiten de norm", signals.to_string()),
        kc("Resultaten achter of met risico", behind.len().to_string()),
    ];
    let mut punten = Vec::new();
    let share = if all.gewijzigd.decimal().is_zero() {
        String::new()
    } else {
        format!(
            " ({} van de gewijzigde begroting)",
            nl::percent((all.besteed.decimal() * Decimal::from(100) / all.gewijzigd.decimal()).round_dp(1))
        )
    };
    let direction = |d: Decimal| match d.cmp(&Decimal::ZERO) {
        std::cmp::Ordering::Greater => format!("{} boven", nl::eur(d)),
        std::cmp::Ordering::Less => format!("{} onder", nl::eur(-d)),
        std::cmp::Ordering::Equal => "gelijk aan".into(),
    };
    punten.push(format!(
        "Tot en met het {} kwartaal is {} besteed{share}. De prognose voor {y} is {}, {} de gewijzigde begroting van {}.",
        crate::nl::ordinal(k),
        nl::money(all.besteed),
        nl::money(all.prognose),
        direction(all.afwijking()),
        nl::money(all.gewijzigd)
    ));
    punten.extend(super::trend::punt(x));
    if all.onbekend > 0 {
        punten.push(format!(
            "Zonder rapportage over dit kwartaal: {}. Hun uitgaven tot nu toe zijn niet meegeteld; hun prognose is hun gewijzigde begroting.",
            join(&x.p.parties.iter().filter(|p| p.report.is_none()).map(|p| x.base.party(&p.party)).collect::<Vec<_>>())
        ));
    }
    for id in perspective_ids(x) {
        let Some(c) = cap(x, id) else { continue };
        let f = &x.p.integral[id];
        let d = f.prognose.decimal() - c.decimal();
        let how = match d.cmp(&Decimal::ZERO) {
            std::cmp::Ordering::Greater => format!("{} boven het budget", nl::eur(d)),
            std::cmp::Ordering::Less => format!("{} binnen het budget", nl::eur(-d)),
            std::cmp::Ordering::Equal => "precies het budget".into(),
        };
        punten.push(format!(
            "Voor {} is de prognose {} tegen een taakstellend budget van {}: {how}.",
            x.base.perspective(id),
            nl::money(f.prognose),
            nl::money(c)
        ));
    }
    let mut off: Vec<_> =
        x.p.parties.iter().flat_map(|p| p.lines.iter().filter(|l| l.signaal).map(move |l| (p, l))).collect();
    off.sort_by_key(|(_, l)| std::cmp::Reverse((l.prognose.decimal() - l.maatstaf.decimal()).abs()));
    if let Some((p, l)) = off.first() {
        let d = l.prognose.decimal() - l.maatstaf.decimal();
        punten.push(format!(
            "{} een prognose die meer dan de norm afwijkt van de gewijzigde begroting; de grootste is {} van {}: {}.",
            count(off.len(), "regel heeft", "regels hebben"),
            l.omschrijving,
            x.base.party(&p.party),
            with_percent(d, l.maatstaf.decimal())
        ));
    }
    let total: usize = x.p.parties.iter().map(|p| p.results.len()).sum();
    if total > 0 {
        let words = [
            (VoortgangStatus::Gerealiseerd, "gerealiseerd"),
            (VoortgangStatus::OpSchema, "op schema"),
            (VoortgangStatus::Risico, "met risico"),
            (VoortgangStatus::Achter, "achter"),
            (VoortgangStatus::Vervallen, "vervallen"),
        ];
        let parts: Vec<String> = words
            .iter()
            .map(|(s, w)| (results(x, &[*s]).len(), w))
            .filter(|(n, _)| *n > 0)
            .map(|(n, w)| format!("{n} {w}"))
            .collect();
        punten.push(format!("Van de {}: {}.", count(total, "resultaat", "resultaten"), join(&parts)));
        let achter = results(x, &[VoortgangStatus::Achter]);
        if !achter.is_empty() {
            punten.push(format!("Achter: {}.", achter.join("; ")));
        }
    }
    if !x.p.in_effect.is_empty() {
        let sum: Decimal = x.p.in_effect.iter().map(|w| w.totaal).sum();
        punten.push(format!(
            "{} van kracht, samen {}; de gewijzigde begroting telt ze mee.",
            count(x.p.in_effect.len(), "begrotingswijziging is", "begrotingswijzigingen zijn"),
            nl::eur(sum)
        ));
    }
    for w in &x.p.proposed {
        punten.push(format!(
            "Voorgesteld en nog niet vastgesteld: wijziging {} van {} ({}), nog niet meegeteld.",
            w.nummer,
            x.base.party(&w.party),
            nl::eur(w.totaal)
        ));
    }
    punten.extend(crate::view::risks::points(&x.base, x.r));
    punten.push(closing(diags));
    Samenvatting { kerncijfers, punten, fouten: diags.errors(), waarschuwingen: diags.warnings() }
}

/// "R5 van Kadaster (…)" for every result with one of `statuses`.
fn results(x: &Px, statuses: &[VoortgangStatus]) -> Vec<String> {
    x.p.parties
        .iter()
        .flat_map(|p| {
            p.results
                .iter()
                .filter(|(_, _, s, _)| s.is_some_and(|s| statuses.contains(&s)))
                .map(move |(_, omschrijving, _, _)| format!("{omschrijving} van {}", x.base.party_short(&p.party)))
        })
        .collect()
}
