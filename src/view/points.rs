//! The points of the plans' management summary: what the numbers say, in Dutch sentences.

use super::cx::Ctx;
use super::register::{aanleveringen, afspraken};
use super::text::{count, join};
use crate::diag::Diagnostics;
use crate::model::{CycleDoc, Money, Niveau};
use crate::nl;
use crate::rollup::CapYear;
use rust_decimal::Decimal;

/// The verb and the rest of "ligt € 2.500.000 boven het taakstellend budget van € 41.500.000",
/// so that a sentence can put the subject between them.
fn against_cap(j: &CapYear) -> Option<(&'static str, String)> {
    let (cap, d) = (j.cap?, j.difference?);
    let cap = nl::money(cap);
    Some(match d.cmp(&Decimal::ZERO) {
        std::cmp::Ordering::Greater => ("ligt", format!("{} boven het taakstellend budget van {cap}", nl::eur(d))),
        std::cmp::Ordering::Less => ("ligt", format!("{} onder het taakstellend budget van {cap}", nl::eur(-d))),
        std::cmp::Ordering::Equal => ("is", format!("gelijk aan het taakstellend budget van {cap}")),
    })
}

/// The points of the meerjarenplan and jaarplan.
pub fn plan(cx: &Ctx, diags: &Diagnostics) -> Vec<String> {
    let y = cx.r.jaar;
    let mut out = Vec::new();
    for cap in &cx.r.caps {
        let Some(j) = cap.jaren.first() else { continue };
        let naam = cx.perspective(&cap.beleidsdoel);
        match against_cap(j) {
            Some((verb, rest)) if cx.kind == CycleDoc::Meerjarenplan => {
                out.push(format!("In {y} {verb} de begroting voor {naam} {rest}."))
            }
            Some((verb, rest)) => out.push(format!("De begroting voor {naam} {verb} {rest}.")),
            None if j.request > Money::ZERO => out.push(format!(
                "Voor {naam} is geen taakstellend budget vastgesteld; de begroting {y} bedraagt {}.",
                nl::money(j.request)
            )),
            None => {}
        }
    }
    out.extend(allocation(cx));
    out.extend(against_previous(cx));
    if cx.kind == CycleDoc::Meerjarenplan {
        out.extend(cx.r.caps.iter().filter_map(|c| trend(cx, c)));
    }
    out.extend(levels(cx));
    out.extend(super::aard::points(cx));
    out.extend(super::risks::points(cx, cx.r));
    let without: Vec<String> =
        cx.r.options.iter().filter(|o| o.alternatives.is_empty()).map(|o| cx.party(&o.party)).collect();
    if !without.is_empty() {
        out.push(format!("Zonder alternatieven op een ander dienstverleningsniveau: {}.", join(&without)));
    }
    out.extend(consequences(cx));
    out.extend(deliveries(cx));
    out.extend(agreements(cx));
    out.push(closing(diags));
    out
}

/// The begroting of Y against the estimate for Y a year ago, with the perspective that moved
/// most ("Aansluiting op de vorige meerjarenraming").
fn against_previous(cx: &Ctx) -> Option<String> {
    let a = &cx.r.aansluiting;
    let y = cx.r.jaar;
    if !a.beschikbaar {
        return None;
    }
    let diff = |p: &crate::rollup::AansluitingPerspectief| p.huidig[&y].decimal() - p.vorig[&y].decimal();
    let total: rust_decimal::Decimal = a.perspectieven.iter().map(diff).sum();
    let most = a.perspectieven.iter().max_by_key(|p| diff(p).abs()).filter(|p| !diff(p).is_zero());
    let how = match total.cmp(&rust_decimal::Decimal::ZERO) {
        std::cmp::Ordering::Greater => format!("ligt {} boven", nl::eur(total)),
        std::cmp::Ordering::Less => format!("ligt {} onder", nl::eur(-total)),
        std::cmp::Ordering::Equal => "is gelijk aan".to_string(),
    };
    let mut s = format!("De begroting {y} {how} de raming voor {y} in de begroting {}", a.vorig);
    if let Some(p) = most {
        s.push_str(&format!(
            "; de grootste verschuiving is bij {} ({})",
            cx.perspective(&p.beleidsdoel),
            nl::eur(diff(p))
        ));
    }
    s.push('.');
    Some(s)
}

/// The largest gap of Y over the financiers.
fn allocation(cx: &Ctx) -> Option<String> {
    let (cap, j) =
        cx.r.caps
            .iter()
            .filter_map(|c| c.jaren.first().map(|j| (c, j)))
            .filter(|(_, j)| j.over())
            .max_by_key(|(_, j)| j.difference)?;
    let parts: Vec<String> = j
        .allocation
        .iter()
        .filter(|(_, d)| !d.is_zero())
        .map(|(f, d)| format!("{} voor {}", nl::eur(*d), cx.financier(f)))
        .collect();
    Some(format!(
        "Volgens de verdeelsleutel valt het tekort van {} op {} uiteen in {}.",
        nl::eur(j.difference?),
        cx.perspective(&cap.beleidsdoel),
        join(&parts)
    ))
}

/// How the gap of a capped perspective develops over Y..Y+3 (only when it is over in a year).
fn trend(cx: &Ctx, cap: &crate::rollup::Cap) -> Option<String> {
    let (first, last) = (cap.jaren.first()?, cap.jaren.last()?);
    let (a, b) = (first.difference?, last.difference?);
    if !cap.jaren.iter().any(CapYear::over) {
        return None;
    }
    let naam = cx.perspective(&cap.beleidsdoel);
    let (y0, y3) = (first.jaar, last.jaar);
    Some(match (a > Decimal::ZERO, b > Decimal::ZERO) {
        (true, true) if b > a => {
            format!("Het tekort op {naam} loopt op van {} in {y0} tot {} in {y3}.", nl::eur(a), nl::eur(b))
        }
        (true, true) if b < a => {
            format!("Het tekort op {naam} loopt af van {} in {y0} tot {} in {y3}.", nl::eur(a), nl::eur(b))
        }
        (true, true) => format!("Het tekort op {naam} blijft {} per jaar tot en met {y3}.", nl::eur(a)),
        (true, false) => {
            let (verb, rest) = against_cap(last)?;
            format!(
                "Het tekort op {naam} van {} in {y0} is in {y3} verdwenen: de begroting {verb} dan {rest}.",
                nl::eur(a)
            )
        }
        (false, true) => {
            let (verb, rest) = against_cap(last)?;
            format!("Voor {naam} ontstaat een tekort: in {y3} {verb} de begroting {rest}.")
        }
        (false, false) => format!("Voor {naam} ligt de begroting alleen tussentijds boven het taakstellend budget."),
    })
}

/// `bronsniveau`, `brons- en zilverniveau`, `brons-, zilver- en goudniveau`.
fn level_words(levels: &[Niveau]) -> String {
    match levels {
        [] => String::new(),
        [one] => format!("{one}niveau"),
        [init @ .., last] => {
            let init: Vec<String> = init.iter().map(|l| format!("{l}-")).collect();
            format!("{} en {last}niveau", init.join(", "))
        }
    }
}

/// Per perspective over its cap in Y: the service levels at which its begroting fits the cap.
fn levels(cx: &Ctx) -> Vec<String> {
    let y = cx.r.jaar;
    let mut out = Vec::new();
    for cap in cx.r.caps.iter().filter(|c| c.jaren.iter().any(|j| j.jaar == y && j.over())) {
        let p = cap.beleidsdoel.as_str();
        let rows: Vec<_> = cx.r.levels.iter().filter(|l| l.beleidsdoel.as_deref() == Some(p)).collect();
        let Some(budget) = rows.first().and_then(|l| l.cap) else { continue };
        let naam = cx.perspective(p);
        let within: Vec<Niveau> = rows.iter().filter(|l| l.totaal <= budget).map(|l| l.niveau).collect();
        let b = nl::money(budget);
        if within.is_empty() {
            let Some(low) = rows.iter().min_by_key(|l| l.totaal) else { continue };
            out.push(format!(
                "Voor {naam} past de begroting op geen enkel dienstverleningsniveau binnen het taakstellend budget \
                 van {b}; ook op {} ({}) blijft een tekort van {}.",
                level_words(&[low.niveau]),
                nl::money(low.totaal),
                nl::eur(low.difference.unwrap_or_default())
            ));
        } else {
            let only = if within.len() == 1 { "alleen op" } else { "op" };
            out.push(format!(
                "Voor {naam} past de begroting {only} {} binnen het taakstellend budget van {b}.",
                level_words(&within)
            ));
        }
    }
    out
}

fn consequences(cx: &Ctx) -> Option<String> {
    let sum = |y| cx.r.consequences.iter().map(|c| c.bedragen.get(&y).copied().unwrap_or_default()).sum::<Money>();
    let (y0, y3) = (cx.r.jaar, cx.r.jaar + 3);
    let (a, b) = (sum(y0), sum(y3));
    if cx.r.consequences.is_empty() {
        return None;
    }
    let how = match a.cmp(&b) {
        std::cmp::Ordering::Less => format!("{} in {y0}, oplopend tot {} in {y3}", nl::money(a), nl::money(b)),
        std::cmp::Ordering::Greater => format!("{} in {y0}, aflopend tot {} in {y3}", nl::money(a), nl::money(b)),
        std::cmp::Ordering::Equal => format!("{} per jaar", nl::money(a)),
    };
    Some(format!("Ontwikkelbesluiten brengen beheerkosten mee van {how}; zie de beheerconsequenties."))
}

pub(super) fn deliveries(cx: &Ctx) -> Option<String> {
    let all = aanleveringen(cx);
    let n = |s: &str| all.iter().filter(|a| a.soort == s).count();
    let required = all.iter().filter(|a| a.soort != "nietverplicht").count();
    let (on_time, late, missing, open) = (n("optijd"), n("laat"), n("ontbreekt"), n("nogniet") + n("onbekend"));
    if required == 0 {
        return None;
    }
    let stukken = count(required, "verplicht stuk", "verplichte stukken");
    let mut s = match (on_time, late) {
        (a, 0) if a == required => return Some(format!("Alle {stukken} zijn op tijd aangeleverd.")),
        (0, 0) => format!("Van de {stukken} is er nog geen aangeleverd"),
        (a, 0) => format!("Van de {stukken} zijn er {a} op tijd aangeleverd"),
        (0, l) => format!("Van de {stukken} zijn er {l} te laat aangeleverd"),
        (a, l) => format!("Van de {stukken} zijn er {a} op tijd en {l} te laat aangeleverd"),
    };
    if missing > 0 {
        s.push_str(&format!(
            "; {missing} {} terwijl de termijn is verstreken",
            if missing == 1 { "ontbreekt" } else { "ontbreken" }
        ));
    }
    if open > 0 {
        s.push_str(&format!("; van {open} is de stand nog niet bekend"));
    }
    s.push('.');
    Some(s)
}

fn agreements(cx: &Ctx) -> Vec<String> {
    let all = afspraken(cx);
    let y = cx.r.jaar;
    let mut out = Vec::new();
    let missing: Vec<String> = all.iter().filter(|a| a.signalen.contains(&"W501")).map(|a| a.partij.clone()).collect();
    if !missing.is_empty() {
        out.push(format!("Geen overeenkomst die heel {y} dekt: {}.", join(&missing)));
    }
    for a in all.iter().filter(|a| a.rolacceptatie == Some("nee")) {
        out.push(format!("{} heeft de TBO-rol nog niet formeel geaccepteerd.", a.partij));
    }
    out
}

pub(super) fn closing(diags: &Diagnostics) -> String {
    let (e, w) = (count(diags.errors(), "fout", "fouten"), count(diags.warnings(), "waarschuwing", "waarschuwingen"));
    match diags.accepted() {
        0 => format!("De controle leverde {e} en {w} op; zie de bevindingen."),
        n => format!(
            "De controle leverde {e} en {w} op, naast {} die het beraad met een reden heeft aanvaard; zie de bevindingen.",
            count(n, "bevinding", "bevindingen")
        ),
    }
}
