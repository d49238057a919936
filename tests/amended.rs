//! The jaarrekening against the amended budget (contract §11): per line and in every roll-up
//! the begroting, the wijzigingen in effect, the amended budget, the realisation and the
//! variance to the amended budget; the list of wijzigingen in effect. On the default data
//! (three wijzigingen for 2025) and on a copy with a new line and a proposed wijziging.

use crate::common::*;
use jaarcyclus::model::{Money, Scope};
use jaarcyclus::nl;
use std::path::{Path, PathBuf};

const PEILDATUM: &str = "2026-11-29";
const PDF: &str = "2025/jaarrekening-2025.pdf";

fn build(data: &Path) -> PathBuf {
    let dir = tempfile::tempdir().unwrap().keep();
    let o = run(&["build", "--data", data.to_str().unwrap(), "--out", dir.to_str().unwrap(), "--peildatum", PEILDATUM]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    dir
}

fn rollup(data: &Path) -> jaarcyclus::rollup::Rollup {
    let peil = jiff::civil::date(2026, 11, 29);
    let (tree, diags) = jaarcyclus::load_and_check(data, &Scope::default(), peil).unwrap();
    assert_eq!(diags.errors(), 0, "{diags:?}");
    jaarcyclus::rollup::rollup(&tree, 2025, peil)
}

/// The short name of each party (the narrow tables use it).
fn short(data: &Path, id: &str) -> String {
    let peil = jiff::civil::date(2026, 11, 29);
    let (tree, _) = jaarcyclus::load_and_check(data, &Scope::default(), peil).unwrap();
    let o = tree.stelsel.unwrap().organisaties.into_iter().find(|o| o.id.value == id).unwrap();
    o.kortenaam.unwrap_or(o.naam)
}

/// "begroting wijzigingen na-wijziging gerealiseerd verschil", as the tables show them.
fn amounts(b: Money, mutaties: rust_decimal::Decimal, a: Money, g: Option<Money>) -> String {
    let real = g.map_or("niet aangeleverd".to_string(), nl::money);
    let diff = g.map_or("—".to_string(), |g| nl::eur(g.decimal() - a.decimal()));
    format!("{} {} {} {real} {diff}", nl::money(b), nl::eur(mutaties), nl::money(a))
}

/// Every line of every party, the party totals and the overall total show the five amounts in
/// their columns; every wijziging in effect is listed with its date and total.
#[test]
fn every_line_and_total_shows_the_amendment_columns() {
    let data = root().join("data");
    let r = rollup(&data);
    let out = build(&data);
    let rows: Vec<String> = pdf::rows(&out.join(PDF)).iter().map(|r| squeeze(r)).collect();
    let v = &r.verantwoording;
    assert!(v.mutaties != rust_decimal::Decimal::ZERO);
    for p in &v.parties {
        for l in &p.lines {
            let want = amounts(l.begroting, l.mutaties, l.budget, l.realisation);
            assert!(rows.iter().any(|r| r.contains(&want)), "{} {}: {want}", p.party, l.id);
        }
        let pct = jaarcyclus::model::variance_percent(p.begroot, p.gerealiseerd).map(nl::percent).unwrap();
        let total = format!("Totaal {} {pct}", amounts(p.begroting, p.mutaties, p.begroot, Some(p.gerealiseerd)));
        assert!(rows.contains(&total), "{total} not in\n{rows:#?}");
    }
    for w in &r.amended.in_effect {
        let short = short(&data, &w.party);
        let date = nl::date(w.vastgesteld_op.unwrap());
        let found = rows.iter().any(|row| {
            row.starts_with(&format!("{short} {} ", w.nummer))
                && row.ends_with(&format!("{date} {}", nl::eur(w.totaal)))
        });
        assert!(found, "wijziging {} of {short} ({date}) not listed:\n{rows:#?}", w.nummer);
    }
    let all = format!("Totaal {}", nl::eur(r.amended.mutaties()));
    assert!(rows.contains(&all), "{all}");
    // The summary names the original budget and the change.
    let text = squeeze(&pdf::text(&out.join(PDF)));
    let said = format!("de oorspronkelijke begroting van {},", nl::money(v.begroting));
    assert!(text.contains(&said), "{said}");
}

/// A new line brought by a wijziging in effect is a line of the jaarrekening (begroting € 0,
/// its omschrijving from the wijziging, marked new); a proposed wijziging changes nothing.
#[test]
fn a_new_line_counts_and_a_proposed_wijziging_does_not() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&root().join("data"), dir.path());
    let gn = dir.path().join("2025/geonovum");
    let before = rollup(dir.path());
    std::fs::write(
        gn.join("wijziging-2.yaml"),
        "organisatie: geonovum\njaar: 2025\nnummer: 2\nstatus: definitief\ningediend_op: 2025-11-20\n\
         omschrijving: Quickscan toegankelijkheid viewer\nvastgesteld_op: 2025-12-10\nregels:\n\
         \x20 - regel: GN-TOEGANKELIJK\n    omschrijving: Quickscan digitale toegankelijkheid\n\
         \x20   beleidsdoel: beheer\n    component: standaarden\n    kostensoort: inhuur\n\
         \x20   mutatie: 25000\n    toelichting: Nieuwe activiteit op verzoek van het OGB-B\n",
    )
    .unwrap();
    std::fs::write(
        gn.join("wijziging-3.yaml"),
        "organisatie: geonovum\njaar: 2025\nnummer: 3\nstatus: concept\n\
         omschrijving: Nog niet besproken\nregels:\n\
         \x20 - {regel: GN-STOP, mutatie: 1000000, toelichting: Voorstel}\n",
    )
    .unwrap();
    // Every progress report of 2025 now needs a line for it too (E308).
    for k in 1..=3 {
        let f = gn.join(format!("voortgang-q{k}.yaml"));
        let text = std::fs::read_to_string(&f).unwrap();
        let line = "regels:\n  - {regel: GN-TOEGANKELIJK, tot_en_met: 0, prognose: 25000}\n";
        std::fs::write(&f, text.replace("regels:\n", line)).unwrap();
    }
    let real = std::fs::read_to_string(gn.join("realisatie.yaml")).unwrap();
    let real = real.replace("regels:\n", "regels:\n  - regel: GN-TOEGANKELIJK\n    bedrag: 24000\n");
    std::fs::write(gn.join("realisatie.yaml"), real).unwrap();
    let after = rollup(dir.path());
    let new = after.verantwoording.parties.iter().flat_map(|p| &p.lines).find(|l| l.id == "GN-TOEGANKELIJK").unwrap();
    assert_eq!((new.begroting, new.budget, new.nieuw), (Money::ZERO, Money::from_euros(25_000), Some(2)));
    // Only the adopted wijziging counts: the integral amended budget rises by its 25.000.
    let rise = after.amended.integral.year(2025).decimal() - before.amended.integral.year(2025).decimal();
    assert_eq!(rise, 25_000.into());
    assert_eq!(after.amended.proposed.len(), 1);
    let out = build(dir.path());
    let rows: Vec<String> = pdf::rows(&out.join(PDF)).iter().map(|r| squeeze(r)).collect();
    let text = squeeze(&pdf::text(&out.join(PDF)));
    // By its omschrijving and perspective name; the line id stays out of the board text (§16).
    assert!(text.contains("Quickscan digitale toegankelijkheid"), "{text}");
    let body = squeeze(&crate::publish::board_rows(&out.join(PDF)).0.join("\n"));
    assert!(body.contains("· nieuw in wijziging 2") && !body.contains("GN-TOEGANKELIJK"), "{body}");
    let want = amounts(Money::ZERO, 25_000.into(), Money::from_euros(25_000), Some(Money::from_euros(24_000)));
    assert!(rows.iter().any(|r| r.contains(&want)), "{want} not in\n{rows:#?}");
    assert!(!text.contains("Nog niet besproken"), "a proposed wijziging is not in the jaarrekening");
}
