//! The jaarrekening's closing account ("Resultaat en verrekening", contract §14) in Dutch: per
//! capped perspective the result against the taakstellend budget and its settlement with each
//! financier, the totals per financier, and the result against the amended budget; its
//! sentences for the summary and the beslispunten; and its table for CSV/XLSX.

use super::cx::Base;
use super::text::{join, key_percent};
use crate::model::Year;
use crate::nl;
use crate::rollup::{AmendedResult, Rollup, Settlement, settlement};
use crate::table::{Cell, Table};
use rust_decimal::Decimal;
use serde::Serialize;
use std::cmp::Ordering;

/// The `verrekening` object (jaarrekening only).
#[derive(Clone, Debug, Serialize)]
pub struct Verrekening {
    /// The year accounted for.
    pub jaar: Year,
    /// Set while a party's realisation is missing: the figures are provisional, and why.
    pub voorlopig: Option<String>,
    /// Per perspective with a taakstellend budget for the year.
    pub perspectieven: Vec<VerrekeningPerspectief>,
    /// The per-perspective column headings of the table per financier.
    pub kop: Vec<String>,
    /// Per financier over all perspectives.
    pub financiers: Vec<FinancierVerrekening>,
    /// All financiers together.
    pub totaal: FinancierVerrekening,
    /// The result against the amended budget per perspective with a budget or realisation.
    pub begroting: Vec<ResultaatRij>,
    /// The same, integral.
    pub begroting_totaal: ResultaatRij,
}

/// One perspective's result against its cap and its settlement.
#[derive(Clone, Debug, Serialize)]
pub struct VerrekeningPerspectief {
    /// The perspective's name.
    pub beleidsdoel: String,
    /// Its id.
    pub id: String,
    /// Its verdeelsleutel in words.
    pub verdeelsleutel: String,
    /// The taakstellend budget.
    pub budget: String,
    /// The realisation.
    pub gerealiseerd: String,
    /// Budget − realisation: positive is an underspend.
    pub resultaat: String,
    /// `onderbesteding`, `overschrijding` or `gelijk aan het budget`.
    pub oordeel: &'static str,
    /// Per financier.
    pub rijen: Vec<Aandeel>,
    /// All financiers together.
    pub totaal: Aandeel,
}

/// One financier's part of a perspective.
#[derive(Clone, Debug, Serialize)]
pub struct Aandeel {
    /// The financier's name.
    pub financier: String,
    /// Its percentage in the key.
    pub percentage: String,
    /// Its contribution: the budget over the key, with cents.
    pub bijdrage: String,
    /// Its part of the result, with cents: positive is paid back to it.
    pub verrekening: String,
    /// `terugbetalen`, `nog te ontvangen` or `niets te verrekenen`.
    pub richting: &'static str,
}

/// One financier over every perspective.
#[derive(Clone, Debug, Serialize)]
pub struct FinancierVerrekening {
    /// The financier's name (`Totaal` for the sum).
    pub financier: String,
    /// Its contributions together.
    pub bijdrage: String,
    /// Its settlement per perspective, in the order of `kop`.
    pub per_beleidsdoel: Vec<String>,
    /// Their sum: positive is paid back to it.
    pub saldo: String,
    /// `terugbetalen`, `nog te ontvangen` or `niets te verrekenen`.
    pub richting: &'static str,
}

/// A result against the amended budget.
#[derive(Clone, Debug, Serialize)]
pub struct ResultaatRij {
    /// The perspective's name (`Integraal` for the total).
    pub beleidsdoel: String,
    /// The amended budget.
    pub gewijzigd: String,
    /// The realisation.
    pub gerealiseerd: String,
    /// Amended − realisation: positive is an underspend.
    pub resultaat: String,
    /// In percent of the amended budget (`null` for a budget of 0).
    pub procent: Option<String>,
    /// `onderbesteding`, `overschrijding` or `gelijk aan de begroting`.
    pub oordeel: &'static str,
}

/// What a share of a result means for the financier.
pub fn richting(d: Decimal) -> &'static str {
    match d.cmp(&Decimal::ZERO) {
        Ordering::Greater => "terugbetalen",
        Ordering::Less => "nog te ontvangen",
        Ordering::Equal => "niets te verrekenen",
    }
}

fn oordeel(d: Decimal, equal: &'static str) -> &'static str {
    match d.cmp(&Decimal::ZERO) {
        Ordering::Greater => "onderbesteding",
        Ordering::Less => "overschrijding",
        Ordering::Equal => equal,
    }
}

/// "Rijk, VNG en UvW" missing: the sentence that makes every figure provisional.
fn provisional(cx: &Base, s: &Settlement) -> Option<String> {
    (!s.complete()).then(|| {
        let names: Vec<String> = s.missing.iter().map(|p| cx.party(p)).collect();
        format!("De realisatie van {} ontbreekt nog; de cijfers hieronder zijn daarom voorlopig.", join(&names))
    })
}

/// The closing account of `r`'s year as the jaarrekening shows it.
pub fn verrekening(cx: &Base, r: &Rollup) -> Verrekening {
    let s = settlement(cx.st, r);
    let perspectieven = s
        .perspectives
        .iter()
        .map(|p| {
            let percent = |f: &str| key_percent(p.key.iter().filter(|(k, _)| k == f).map(|(_, x)| *x).sum());
            let rijen = p
                .contributions
                .iter()
                .zip(&p.shares)
                .map(|((f, c), (_, sh))| Aandeel {
                    financier: cx.financier(f),
                    percentage: percent(f),
                    bijdrage: nl::eur_cents(*c),
                    verrekening: nl::eur_cents(*sh),
                    richting: richting(*sh),
                })
                .collect();
            let words: Vec<String> =
                p.key.iter().map(|(f, x)| format!("{} {}", cx.financier(f), key_percent(*x))).collect();
            VerrekeningPerspectief {
                beleidsdoel: cx.perspective(&p.beleidsdoel),
                id: p.beleidsdoel.clone(),
                verdeelsleutel: words.join(", "),
                budget: nl::money(p.cap),
                gerealiseerd: nl::money(p.realised),
                resultaat: nl::eur(p.result),
                oordeel: oordeel(p.result, "gelijk aan het budget"),
                rijen,
                totaal: Aandeel {
                    financier: "Totaal".into(),
                    percentage: key_percent(p.key.iter().map(|(_, x)| *x).sum()),
                    bijdrage: nl::eur_cents(p.cap.decimal()),
                    verrekening: nl::eur_cents(p.result),
                    richting: richting(p.result),
                },
            }
        })
        .collect();
    let financiers = s
        .financiers
        .iter()
        .map(|t| FinancierVerrekening {
            financier: cx.financier(&t.financier),
            bijdrage: nl::eur_cents(t.contribution),
            per_beleidsdoel: s
                .perspectives
                .iter()
                .map(|p| p.shares.iter().find(|(f, _)| *f == t.financier).map(|(_, d)| *d).unwrap_or_default())
                .map(nl::eur_cents)
                .collect(),
            saldo: nl::eur_cents(t.settlement),
            richting: richting(t.settlement),
        })
        .collect();
    let cap_total: Decimal = s.perspectives.iter().map(|p| p.cap.decimal()).sum();
    Verrekening {
        jaar: s.jaar,
        voorlopig: provisional(cx, &s),
        kop: s.perspectives.iter().map(|p| cx.perspective(&p.beleidsdoel)).collect(),
        perspectieven,
        financiers,
        totaal: FinancierVerrekening {
            financier: "Totaal".into(),
            bijdrage: nl::eur_cents(cap_total),
            per_beleidsdoel: s.perspectives.iter().map(|p| nl::eur_cents(p.result)).collect(),
            saldo: nl::eur_cents(s.result()),
            richting: richting(s.result()),
        },
        begroting: s.against_amended.iter().map(|a| against_amended(cx, a)).collect(),
        begroting_totaal: ResultaatRij { beleidsdoel: "Integraal".into(), ..against_amended(cx, &s.integral) },
    }
}

fn against_amended(cx: &Base, a: &AmendedResult) -> ResultaatRij {
    ResultaatRij {
        beleidsdoel: if a.beleidsdoel.is_empty() { String::new() } else { cx.perspective(&a.beleidsdoel) },
        gewijzigd: nl::money(a.amended),
        gerealiseerd: nl::money(a.realised),
        resultaat: nl::eur(a.result),
        procent: a.percent.map(nl::percent),
        oordeel: oordeel(a.result, "gelijk aan de begroting"),
    }
}

/// "terugbetalen aan Rijk € 1.000,00, aan VNG € 2.000,00; nog te ontvangen van IPO € 3,00":
/// each financier's settlement with its direction, those paid back first.
pub fn settle_words(cx: &Base, shares: &[(String, Decimal)]) -> String {
    let part = |sign: Ordering, lead: &str, prep: &str| -> Option<String> {
        let items: Vec<String> = shares
            .iter()
            .filter(|(_, d)| d.cmp(&Decimal::ZERO) == sign)
            .enumerate()
            .map(|(i, (f, d))| {
                let p = if i == 0 { format!("{lead} {prep}") } else { prep.to_string() };
                format!("{p} {} {}", cx.financier(f), nl::eur_cents(d.abs()))
            })
            .collect();
        (!items.is_empty()).then(|| join(&items))
    };
    let parts: Vec<String> = [
        part(Ordering::Greater, "terugbetalen", "aan"),
        part(Ordering::Less, "nog te ontvangen", "van"),
        part(Ordering::Equal, "niets te verrekenen", "met"),
    ]
    .into_iter()
    .flatten()
    .collect();
    parts.join("; ")
}

/// "€ 4.237,59 boven het taakstellend budget van € 40.000.000".
fn against_cap_words(result: Decimal, cap: String) -> String {
    match result.cmp(&Decimal::ZERO) {
        Ordering::Greater => format!("{} onder het taakstellend budget van {cap}", nl::eur(result)),
        Ordering::Less => format!("{} boven het taakstellend budget van {cap}", nl::eur(-result)),
        Ordering::Equal => format!("precies het taakstellend budget van {cap}"),
    }
}

/// The summary's points: per capped perspective its result against the cap and against the
/// amended budget, and the settlement per financier over all perspectives.
pub fn points(cx: &Base, r: &Rollup) -> Vec<String> {
    let s = settlement(cx.st, r);
    if !s.complete() {
        let names: Vec<String> = s.missing.iter().map(|p| cx.party(p)).collect();
        return vec![format!(
            "Het resultaat en de verrekening met de financiers zijn voorlopig: de realisatie van {} ontbreekt nog.",
            join(&names)
        )];
    }
    let mut out = Vec::new();
    for p in &s.perspectives {
        let mut line = format!(
            "Voor {} is {} gerealiseerd, {}",
            cx.perspective(&p.beleidsdoel),
            nl::money(p.realised),
            against_cap_words(p.result, nl::money(p.cap))
        );
        if let Some(a) = s.against_amended.iter().find(|a| a.beleidsdoel == p.beleidsdoel) {
            let pct = a.percent.map(|x| format!(" ({})", nl::percent(x.abs()))).unwrap_or_default();
            line.push_str(&match a.result.cmp(&Decimal::ZERO) {
                Ordering::Greater => format!(
                    "; tegenover de gewijzigde begroting van {} is dat {}{pct} minder",
                    nl::money(a.amended),
                    nl::eur(a.result)
                ),
                Ordering::Less => format!(
                    "; tegenover de gewijzigde begroting van {} is dat {}{pct} meer",
                    nl::money(a.amended),
                    nl::eur(-a.result)
                ),
                Ordering::Equal => format!("; dat is precies de gewijzigde begroting van {}", nl::money(a.amended)),
            });
        }
        line.push('.');
        out.push(line);
    }
    if !s.perspectives.is_empty() {
        let shares: Vec<(String, Decimal)> = s.financiers.iter().map(|t| (t.financier.clone(), t.settlement)).collect();
        out.push(format!(
            "Verrekening met de financiers, over alle beleidsdoelen samen: {} (hoofdstuk Resultaat en verrekening).",
            settle_words(cx, &shares)
        ));
    }
    out
}

/// The key figure: its label, by the direction of the net result against the caps, and the
/// amount (the summary formats it; `None` without any cap).
pub fn kerncijfer(cx: &Base, r: &Rollup) -> Option<(String, Decimal)> {
    let s = settlement(cx.st, r);
    if s.perspectives.is_empty() {
        return None;
    }
    let net = s.result();
    let label = match net.cmp(&Decimal::ZERO) {
        Ordering::Greater => "Terug te betalen aan de financiers",
        Ordering::Less => "Nog te ontvangen van de financiers",
        Ordering::Equal => "Te verrekenen met de financiers",
    };
    let label = if s.complete() { label.to_string() } else { format!("{label} (voorlopig)") };
    Some((label, net.abs()))
}

/// The table `verrekening-<Y>`: one row per capped perspective and financier (contribution and
/// settlement), a row per financier over all perspectives, and a row per perspective and the
/// integral total against the amended budget. Ids, exact amounts; positive is an underspend.
pub fn table(st: &crate::model::Stelsel, r: &Rollup) -> Table {
    let s = settlement(st, r);
    let headers = [
        "soort",
        "beleidsdoel",
        "financier",
        "percentage",
        "taakstellend",
        "gewijzigde_begroting",
        "gerealiseerd",
        "resultaat",
        "bijdrage",
        "verrekening",
        "resultaat_procent",
    ];
    let text = |t: &str| Cell::Text(t.to_string());
    let money = |m: crate::model::Money| Cell::Money(m.decimal());
    let mut rows = Vec::new();
    for p in &s.perspectives {
        for ((f, c), (_, sh)) in p.contributions.iter().zip(&p.shares) {
            let pct: Decimal = p.key.iter().filter(|(k, _)| k == f).map(|(_, x)| *x).sum();
            rows.push(vec![
                text("taakstellend"),
                text(&p.beleidsdoel),
                text(f),
                Cell::Percent(pct),
                money(p.cap),
                Cell::Empty,
                money(p.realised),
                Cell::Money(p.result),
                Cell::Money(*c),
                Cell::Money(*sh),
                Cell::Empty,
            ]);
        }
    }
    for t in &s.financiers {
        let mut row = vec![text("financier"), Cell::Empty, text(&t.financier), Cell::Empty];
        row.extend([Cell::Empty, Cell::Empty, Cell::Empty, Cell::Empty]);
        row.extend([Cell::Money(t.contribution), Cell::Money(t.settlement), Cell::Empty]);
        rows.push(row);
    }
    for a in s.against_amended.iter().chain(std::iter::once(&s.integral)) {
        let soort = if a.beleidsdoel.is_empty() { "integraal" } else { "gewijzigde_begroting" };
        rows.push(vec![
            text(soort),
            text(&a.beleidsdoel),
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
            money(a.amended),
            money(a.realised),
            Cell::Money(a.result),
            Cell::Empty,
            Cell::Empty,
            a.percent.map(Cell::Percent).unwrap_or(Cell::Empty),
        ]);
    }
    Table { name: "verrekening".into(), headers: headers.iter().map(|h| h.to_string()).collect(), rows }
}
