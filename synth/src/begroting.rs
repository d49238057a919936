//! Generator, money files: a party's `begroting.yaml` for a cycle year (lines with four years
//! of amounts, alternatives at other service levels) and its `realisatie.yaml` (an actual per
//! line, explained wherever the variance could need it; a status per result).

use super::portfolio::Portfolio;
use super::rng::Rng;
use super::spell::Niveau;
use super::tree::Party;
use super::words::{COMPONENTS, KOSTENSOORTEN, PERSPECTIVES, VARIANCE_REASONS};
use super::yaml::{cents, date, q};
use jiff::civil::Date;
use std::fmt::Write;

/// The header every submission starts with.
pub fn header(out: &mut String, title: &str, party: &Party, y: i32, concept: bool, ingediend: Date) {
    let status = if concept { "concept" } else { "definitief" };
    let _ = write!(
        out,
        "# {title} {y} - {}\n# Synthetische gegevens (jaarcyclus::gen).\n\norganisatie: {}\njaar: {y}\nstatus: {status}\ningediend_op: {}\n",
        party.naam,
        party.id,
        date(ingediend)
    );
}

/// The party's request for cycle year `y` in whole euros, all perspectives.
pub fn total(pf: &Portfolio, y: i32, first: i32) -> i64 {
    pf.lines.iter().filter_map(|l| l.amount(y, first)).sum()
}

/// `begroting.yaml` of cycle year `y`; alternatives at the two levels next to `niveau`.
pub fn begroting(party: &Party, pf: &Portfolio, y: i32, first: i32, niveau: Niveau, ingediend: Date) -> String {
    let mut out = String::with_capacity(400 * pf.lines.len() + 1000);
    header(&mut out, "Jaarbegroting", party, y, false, ingediend);
    out.push_str("\nregels:\n");
    for l in &pf.lines {
        let results: Vec<String> = l.results.iter().map(|r| format!("R{}", r + 1)).collect();
        let amounts: Vec<String> =
            (y..y + 4).filter_map(|yy| l.amount(yy, first).map(|a| format!("{yy}: {a}"))).collect();
        let _ = write!(
            out,
            "  - id: {}\n    omschrijving: {}\n    beleidsdoel: {}\n    component: {}\n    kostensoort: {}\n    feature: {}\n    resultaten: [{}]\n    bedragen: {{{}}}\n",
            l.id,
            q(&l.omschrijving),
            PERSPECTIVES[l.perspective].id,
            COMPONENTS[l.component].id,
            KOSTENSOORTEN[l.kostensoort].0,
            l.feature,
            results.join(", "),
            amounts.join(", ")
        );
    }
    out.push_str("\nalternatieven:\n");
    let own = total(pf, y, first);
    for (level, permille, text, risks) in alternatives(niveau) {
        let totaal = (own * permille / 1000 + 5_000) / 10_000 * 10_000;
        let _ =
            write!(out, "  - niveau: {}\n    totaal: {totaal}\n    omschrijving: {}\n    risicos:\n", level, q(text));
        for r in risks {
            let _ = writeln!(out, "      - {}", q(r));
        }
    }
    out
}

type Alt = (Niveau, i64, &'static str, &'static [&'static str]);

/// The two alternatives offered next to the plan's own level (always two: never E305).
fn alternatives(own: Niveau) -> [Alt; 2] {
    const LOWER: &[&str] = &["Langere hersteltijd bij verstoringen buiten kantoortijd", "Releases per half jaar"];
    const HIGHER: &[&str] = &["Extra dekking nodig boven het taakstellend budget"];
    let lower = (Niveau::Brons, 910, "Servicevenster alleen op werkdagen; minder doorontwikkeling", LOWER);
    match own {
        Niveau::Brons => [
            (Niveau::Zilver, 1080, "Servicevenster op werkdagen van 7.00 tot 22.00 uur", HIGHER),
            (Niveau::Goud, 1150, "24x7 bereikbaarheid en versnelde doorontwikkeling", HIGHER),
        ],
        Niveau::Zilver => [lower, (Niveau::Goud, 1090, "24x7 bereikbaarheid en een extra team", HIGHER)],
        _ => [lower, (Niveau::Zilver, 950, "Servicevenster op werkdagen van 7.00 tot 22.00 uur", LOWER)],
    }
}

/// `realisatie.yaml` of cycle year `y`: most lines within a few percent of the budget, some
/// far off and then always explained (a superset of what E304 asks).
pub fn realisatie(party: &Party, pf: &Portfolio, y: i32, first: i32, ingediend: Date, rng: &mut Rng) -> String {
    let mut out = String::with_capacity(150 * pf.lines.len() + 100 * pf.results.len() + 500);
    header(&mut out, "Jaarrekening en verantwoording", party, y, false, ingediend);
    out.push_str("\nregels:\n");
    for l in &pf.lines {
        let budget = l.amount(y, first).unwrap_or(0) * 100;
        let (actual, explain) = actual(budget, rng);
        let _ = write!(out, "  - regel: {}\n    bedrag: {}\n", l.id, cents(actual));
        if explain || rng.chance(10) {
            let _ = writeln!(out, "    toelichting: {}", q(rng.phrase(VARIANCE_REASONS)));
        }
    }
    out.push_str("\nresultaten:\n");
    for (i, _) in pf.results.iter().enumerate() {
        let status = ["gerealiseerd", "deels", "niet", "vervallen"][rng.weighted(&[70, 20, 7, 3])];
        let _ = write!(out, "  - resultaat: R{}\n    status: {status}\n", i + 1);
        if status != "gerealiseerd" {
            let _ = writeln!(
                out,
                "    toelichting: {}",
                q("Deels doorgeschoven naar het volgende jaar door capaciteitsgebrek")
            );
        }
    }
    out
}

/// An actual in cents for a budget in cents, and whether it must be explained.
fn actual(budget: i64, rng: &mut Rng) -> (i64, bool) {
    if budget == 0 {
        // A line that starts later: nothing spent, or a little preparation below both norms.
        return if rng.chance(70) { (0, false) } else { (rng.range(1_000, 40_000) * 100, true) };
    }
    let far = rng.chance(15);
    let permille = if far { rng.range(80, 250) } else { rng.range(0, 60) };
    let delta = budget * permille / 1000 + rng.range(0, 99);
    let actual = if rng.chance(50) { budget + delta } else { (budget - delta).max(0) };
    (actual, far)
}
