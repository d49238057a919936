//! Tests of the view on the default data set: totals recomputed from the YAML itself, the
//! shape, determinism, and a snapshot of the jaarplan 2027.

use super::*;
use crate::diag::Diagnostics;
use crate::model::{CycleDoc, Scope, Tree, Year};
use crate::rollup::rollup;
use jiff::civil::Date;
use rust_decimal::Decimal;
use serde_json::Value;
use std::path::Path;
use std::str::FromStr;

fn peildatum() -> Date {
    Date::constant(2026, 11, 29)
}

fn load() -> (Tree, Diagnostics) {
    crate::load_and_check(Path::new("data"), &Scope::default(), peildatum()).expect("the default data loads")
}

fn doc(kind: CycleDoc, y: Year) -> Value {
    let (tree, diags) = load();
    assert!(!diags.blocks_build(), "default data has no E0–E2 findings");
    document(kind, &tree, &rollup(&tree, y, peildatum()), &diags, peildatum())
}

/// The files `data/<y>/*/<name>.yaml`, read as plain YAML (not through `load`).
fn yaml(y: Year, name: &str) -> Vec<Value> {
    let mut dirs: Vec<_> = std::fs::read_dir(format!("data/{y}")).unwrap().map(|e| e.unwrap().path()).collect();
    dirs.sort();
    dirs.iter()
        .filter_map(|d| std::fs::read_to_string(d.join(format!("{name}.yaml"))).ok())
        .map(|t| serde_saphyr::from_str(&t).unwrap())
        .collect()
}

fn dec(v: &Value) -> Decimal {
    Decimal::from_str(v.to_string().trim_matches('"')).unwrap()
}

/// The sum of `bedragen[year]` over the lines of year-`y` begrotingen that match `keep`.
fn budget_sum(y: Year, year: Year, keep: impl Fn(&Value) -> bool) -> Decimal {
    let files = yaml(y, "begroting");
    let lines = files.iter().flat_map(|b| b["regels"].as_array().unwrap().iter()).filter(|l| keep(l));
    lines.filter_map(|l| l["bedragen"].get(year.to_string()).map(dec)).sum()
}

fn eur(d: Decimal) -> String {
    crate::nl::eur(d)
}

#[test]
fn jaarplan_2027_shows_the_yaml_totals() {
    let v = doc(CycleDoc::Jaarplan, 2027);
    assert_eq!(v["document"]["jaren"], serde_json::json!([2027]));
    // Every party's plan and begroting 2027 is definitief (the SBO's since 30 October 2026).
    assert_eq!(v["document"]["concept"], false);
    assert_eq!(v["document"]["concept_bronnen"], serde_json::json!([]));
    let persp = v["perspectieven"].as_array().unwrap();
    for p in ["basis", "beheer", "uitbouw", "iplo-wetgeving"] {
        let want = budget_sum(2027, 2027, |l| l["beleidsdoel"] == p);
        let got = persp.iter().find(|x| x["id"] == p).unwrap();
        assert_eq!(got["begroting"], eur(want), "{p}");
        assert_eq!(got["kosten"]["totaal"]["totaal"], eur(want), "{p}");
    }
    let beheer = persp.iter().find(|x| x["id"] == "beheer").unwrap();
    let gap = budget_sum(2027, 2027, |l| l["beleidsdoel"] == "beheer") - Decimal::from(41_500_000);
    assert_eq!(beheer["verschil"], eur(gap));
    assert_eq!(beheer["boven"], gap > Decimal::ZERO);
    let all = budget_sum(2027, 2027, |_| true);
    let integraal =
        v["niveaus"]["rijen"].as_array().unwrap().iter().find(|r| r["soort"] == "integraal").unwrap().clone();
    assert_eq!(integraal["totaal"], eur(all));
    assert_eq!(v["samenvatting"]["kerncijfers"][0]["exact"], eur(all));
    assert_eq!(v["samenvatting"]["kerncijfers"][0]["waarde"], crate::nl::mln(all));
    // The gap's allocation adds up to the gap, to the cent; room (a negative gap) as well.
    for (p, cap) in [("beheer", 41_500_000), ("basis", 3_000_000), ("uitbouw", 5_000_000)] {
        let gap = budget_sum(2027, 2027, |l| l["beleidsdoel"] == p) - Decimal::from(cap);
        let t = v["taakstellend"].as_array().unwrap().iter().find(|t| t["id"] == p).unwrap();
        let verdeling = t["jaren"][0]["verdeling"].as_array().unwrap();
        assert_eq!(verdeling.len(), 4, "every financier is listed");
        let shares: Decimal = verdeling.iter().map(|s| parse_eur(s["bedrag"].as_str().unwrap())).sum();
        assert_eq!(shares, gap, "{p}");
    }
}

/// Reads `€ 1.234,56` / `-€ 1.234,56` back (test only; either minus sign).
fn parse_eur(s: &str) -> Decimal {
    let neg = s.starts_with(['-', '−']);
    let digits = s.trim_start_matches(['-', '−']).trim_start_matches("€ ").replace('.', "").replace(',', ".");
    let d = Decimal::from_str(&digits).unwrap();
    if neg { -d } else { d }
}

#[test]
fn consolidated_rows_add_up() {
    let v = doc(CycleDoc::Meerjarenplan, 2027);
    assert_eq!(v["document"]["jaren"], serde_json::json!([2027, 2028, 2029, 2030]));
    let rows = v["niveaus"]["rijen"].as_array().unwrap();
    let total = |id: &str, soort: &str| {
        parse_eur(rows.iter().find(|r| r["id"] == id && r["soort"] == soort).unwrap()["totaal"].as_str().unwrap())
    };
    let own = |id: &str| total(id, "eigen");
    assert_eq!(total("kadaster-tbo", "geconsolideerd"), own("kadaster-tbo") + own("kadaster-obo") + own("geonovum"));
    let all: Decimal = ["bzk-sbo", "kadaster-tbo", "kadaster-obo", "geonovum", "rws-obo"].iter().map(|p| own(p)).sum();
    assert_eq!(total("bzk-sbo", "integraal"), all);
    let yaml_all: Decimal = (2027..=2030).map(|y| budget_sum(2027, y, |_| true)).sum();
    assert_eq!(all, yaml_all);
    let rws = rows.iter().find(|r| r["id"] == "rws-obo").unwrap();
    assert_eq!(rws["buiten_lijn"], true);
}

#[test]
fn jaarrekening_2025_shows_the_realisation() {
    let v = doc(CycleDoc::Jaarrekening, 2025);
    let real: Decimal = yaml(2025, "realisatie")
        .iter()
        .flat_map(|r| r["regels"].as_array().unwrap().clone())
        .map(|l| dec(&l["bedrag"]))
        .sum();
    let budget = budget_sum(2025, 2025, |_| true);
    // Every wijziging of 2025 in the default data is adopted before the reference date.
    let mutaties: Decimal = yaml(2025, "wijziging-1")
        .iter()
        .flat_map(|w| w["regels"].as_array().unwrap().clone())
        .map(|l| dec(&l["mutatie"]))
        .sum();
    assert!(!mutaties.is_zero());
    let t = &v["verantwoording"]["totaal"];
    assert_eq!(t["gerealiseerd"], eur(real));
    assert_eq!(t["begroot"], eur(budget));
    assert_eq!(t["mutaties"], eur(mutaties));
    assert_eq!(t["gewijzigd"], eur(budget + mutaties));
    assert_eq!(t["verschil"], eur(real - budget - mutaties));
    assert_eq!(v["document"]["concept"], false);
    assert_eq!(v["document"]["status"], "Ter vaststelling");
    assert_eq!(v["vragen"][0], "Wat hebben we bereikt?");
    let statuses: u64 =
        v["verantwoording"]["resultaatstatus"].as_array().unwrap().iter().map(|s| s["aantal"].as_u64().unwrap()).sum();
    let results: usize = yaml(2025, "realisatie").iter().map(|r| r["resultaten"].as_array().unwrap().len()).sum();
    assert_eq!(statuses as usize, results);
    assert!(v["alternatieven"]["partijen"].as_array().unwrap().is_empty());
    assert!(
        v["aanleveringen"]
            .as_array()
            .unwrap()
            .iter()
            .all(|a| a["stuk"].as_str().unwrap().starts_with("realisatie 2025"))
    );
}

#[test]
fn plans_have_no_verantwoording_and_the_shape_is_complete() {
    let v = doc(CycleDoc::Jaarplan, 2027);
    assert_eq!(v["verantwoording"], serde_json::json!({"partijen": []}));
    let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    let mut want = vec![
        "document",
        "vragen",
        "samenvatting",
        "perspectieven",
        "niveaus",
        "taakstellend",
        "financiers",
        "portfolio",
        "alternatieven",
        "beheerconsequenties",
        "risicos",
        "risicoprofiel",
        "aard",
        "verantwoording",
        "afspraken",
        "aanleveringen",
        "bevindingen",
        "herkomst",
        "aansluiting",
    ];
    want.sort();
    let mut keys = keys;
    keys.sort();
    assert_eq!(keys, want);
    let (f, w) = (v["samenvatting"]["fouten"].as_u64().unwrap(), v["samenvatting"]["waarschuwingen"].as_u64().unwrap());
    assert_eq!(v["bevindingen"]["punten"].as_array().unwrap().len() as u64, f + w);
    assert_eq!(v["bevindingen"]["technisch"].as_array().unwrap().len() as u64, f + w);
    // Only the findings about 2027 or about no year.
    let all = load().1;
    // (Accepted findings are listed apart, in `aanvaard`.)
    let own = all.items().iter().filter(|d| d.jaar.is_none_or(|y| y == 2027) && d.aanvaard.is_none()).count() as u64;
    assert_eq!(f + w, own);
    assert!(own < all.items().len() as u64, "the default data has findings about other years");
    let n = v["samenvatting"]["kerncijfers"].as_array().unwrap().len();
    assert!((4..=8).contains(&n));
}

#[test]
fn json_bytes_are_deterministic() {
    let (tree, diags) = load();
    let r = rollup(&tree, 2027, peildatum());
    let a = document_json(CycleDoc::Meerjarenplan, &tree, &r, &diags, peildatum());
    let b = document_json(CycleDoc::Meerjarenplan, &tree, &rollup(&tree, 2027, peildatum()), &diags, peildatum());
    assert_eq!(a, b);
}

#[test]
fn snapshot_jaarplan_2027() {
    let (tree, diags) = load();
    let json = document_json(CycleDoc::Jaarplan, &tree, &rollup(&tree, 2027, peildatum()), &diags, peildatum());
    insta::assert_snapshot!("jaarplan_2027", String::from_utf8(json).unwrap());
}

/// A generated stelsel of 60 parties (at least `ABRIDGE_FROM`): the per-party tables keep the
/// SBO and the TBOs, the costs are folded into the TBOs without changing any total, the
/// accounts keep only lines outside the norm, and the document says what it left out.
#[test]
fn a_large_stelsel_gives_an_abridged_document() {
    let dir = tempfile::tempdir().unwrap();
    jaarcyclus_synth::generate(dir.path(), 60, 8, 3).unwrap();
    let (tree, diags) = crate::load_and_check(dir.path(), &Scope::default(), peildatum()).unwrap();
    assert!(!diags.blocks_build());
    let y = *tree.years.keys().nth(1).expect("generated years");
    let r = rollup(&tree, y, peildatum());
    assert!(r.org.nodes.len() >= ABRIDGE_FROM);
    let upper: Vec<&str> =
        r.org.nodes.iter().filter(|n| n.rol != crate::model::Rol::Obo).map(|n| n.naam.as_str()).collect();
    let d = build(CycleDoc::Jaarplan, &tree, &r, &diags, peildatum());
    let ik = d.ingekort.as_ref().expect("abridged");
    assert_eq!(ik.partijen, r.org.nodes.len());
    assert_eq!(ik.bovenliggend, upper.len());
    assert_eq!(ik.getoond, "het SBO en de TBO's");
    assert!(ik.weggelaten.doelen > 0 && ik.weggelaten.resultaten > 0 && ik.weggelaten.kosten > 0);
    assert!(ik.bestanden.contains(&format!("tabellen/doelen-{y}.csv")));
    for p in &d.perspectieven {
        assert!(p.doelen.iter().all(|x| upper.contains(&x.partij.as_str())), "only SBO/TBO goals");
        assert!(p.resultaten.iter().all(|x| upper.contains(&x.partij.as_str())));
        assert!(p.kosten.rijen.len() <= upper.len());
        // The folded rows still add up to the perspective's request.
        assert_eq!(p.kosten.totaal.bedragen, vec![p.begroting.clone()], "{}", p.id);
    }
    assert!(d.alternatieven.partijen.iter().all(|x| upper.contains(&x.partij.as_str())));
    assert!(d.aanleveringen.iter().all(|a| !matches!(a.soort, "optijd" | "nietverplicht")));
    // The same tree's jaarrekening: only lines outside the norm.
    let y0 = *tree.years.keys().next().unwrap();
    let r0 = rollup(&tree, y0, peildatum());
    let j = build(CycleDoc::Jaarrekening, &tree, &r0, &diags, peildatum());
    assert!(j.verantwoording.partijen.iter().flat_map(|p| &p.regels).all(|l| l.boven_norm));
    assert!(j.ingekort.as_ref().unwrap().weggelaten.regels > 0);
}
