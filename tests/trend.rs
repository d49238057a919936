//! The trend in the voortgangsrapportage (contract §14) and a quarter's own yardstick: the Q3
//! report's prognosis after Q1 and Q2 equals what the Q1 and Q2 reports themselves say (each
//! built on its own, with only its files present) and the sum of the YAML; the lines that
//! changed most, from the YAML; a party missing in a quarter counted with its amended budget
//! and marked; a line added after the quarter counted and marked.

use crate::common::*;
use jaarcyclus::model::Scope;
use rust_decimal::Decimal;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::str::FromStr;

const PEILDATUM: &str = "2026-11-29";

/// Builds `data` and returns the voortgangsrapportage's view model and the output folder.
fn report(data: &Path) -> (Value, PathBuf) {
    let dir = tempfile::tempdir().unwrap().keep();
    let (emit, out) = (dir.join("typst"), dir.join("out"));
    let o = run(&[
        "build",
        "--data",
        data.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--peildatum",
        PEILDATUM,
        "--emit-typst",
        emit.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let v = serde_json::from_slice(&std::fs::read(emit.join("voortgangsrapportage/data.json")).unwrap()).unwrap();
    (v, out)
}

/// The default data with the progress reports of the quarters after `k` removed (and `also`).
fn data_up_to(k: u8, also: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&root().join("data"), dir.path());
    for e in walkdir::WalkDir::new(dir.path().join("2026")).into_iter().map(Result::unwrap) {
        let name = e.file_name().to_string_lossy().to_string();
        if (k + 1..=3).any(|j| name == format!("voortgang-q{j}.yaml")) {
            std::fs::remove_file(e.path()).unwrap();
        }
    }
    for f in also {
        std::fs::remove_file(dir.path().join(f)).unwrap();
    }
    dir
}

/// "€ 41.105.000" or "€ -180.000,50" as a number.
fn amount(s: &str) -> Decimal {
    Decimal::from_str(&s.trim_start_matches("€").trim().replace('.', "").replace(',', ".")).unwrap()
}

fn s(v: &Value) -> &str {
    v.as_str().unwrap_or_default()
}

/// A report's own prognosis per perspective name (integral) and per party short name (own, all
/// perspectives), as its level tables show it.
fn own_prognoses(v: &Value) -> (BTreeMap<String, String>, BTreeMap<String, String>) {
    let (mut by_perspective, mut by_party) = (BTreeMap::new(), BTreeMap::new());
    for p in v["perspectieven"].as_array().unwrap() {
        for r in p["rijen"].as_array().unwrap() {
            if s(&r["soort"]) == "integraal" {
                by_perspective.insert(s(&p["naam"]).to_string(), s(&r["prognose"]).to_string());
            }
            if s(&r["soort"]) == "eigen" && s(&p["id"]).is_empty() {
                by_party.insert(s(&r["naam_kort"]).to_string(), s(&r["prognose"]).to_string());
            }
        }
    }
    (by_perspective, by_party)
}

/// Each progress line of the default data's reports of quarter `k`: (party, line) → (prognosis,
/// toelichting), read from the YAML.
fn yaml_lines(data: &Path, k: u8) -> BTreeMap<(String, String), (Decimal, Option<String>)> {
    #[derive(serde::Deserialize)]
    struct Line {
        regel: String,
        prognose: Decimal,
        toelichting: Option<String>,
    }
    #[derive(serde::Deserialize)]
    struct Report {
        organisatie: String,
        regels: Vec<Line>,
    }
    let mut out = BTreeMap::new();
    for e in std::fs::read_dir(data.join("2026")).unwrap().map(Result::unwrap) {
        let f = e.path().join(format!("voortgang-q{k}.yaml"));
        let Ok(text) = std::fs::read_to_string(&f) else { continue };
        let r: Report = serde_saphyr::from_str(&text).unwrap();
        for l in r.regels {
            out.insert((r.organisatie.clone(), l.regel), (l.prognose, l.toelichting));
        }
    }
    out
}

/// The trend of the Q3 report is what the Q1 and Q2 reports said, each built on its own; the
/// change is Q3 minus Q2; the integral prognosis after Q1 is the sum of the Q1 YAML; the
/// summary says how it moved.
#[test]
fn the_trend_is_what_the_earlier_reports_said() {
    let (q1, q2) = (data_up_to(1, &[]), data_up_to(2, &[]));
    let (v1, _) = report(q1.path());
    let (v2, _) = report(q2.path());
    let (v3, out) = report(&root().join("data"));
    assert_eq!(
        (v1["kwartaal"].as_u64(), v2["kwartaal"].as_u64(), v3["kwartaal"].as_u64()),
        (Some(1), Some(2), Some(3))
    );
    let t = &v3["verloop"];
    assert_eq!(t["kwartalen"], serde_json::json!(["Q1", "Q2", "Q3"]));
    assert_eq!(s(&t["vorig"]), "Q2");
    let own: Vec<_> = [&v1, &v2, &v3].into_iter().map(own_prognoses).collect();
    for (rows, which) in [(&t["beleidsdoelen"], 0), (&t["partijen"], 1)] {
        let rows = rows.as_array().unwrap();
        assert!(!rows.is_empty());
        for r in rows {
            let name = s(&r["naam_kort"]).to_string();
            let shown: Vec<&str> = r["prognoses"].as_array().unwrap().iter().map(|c| s(&c["bedrag"])).collect();
            let said: Vec<&str> = own
                .iter()
                .map(|o| if which == 0 { &o.0 } else { &o.1 })
                .map(|m| m.get(&name).map(String::as_str).unwrap_or_else(|| panic!("{name} in {m:?}")))
                .collect();
            assert_eq!(shown, said, "{name}");
            let change = amount(shown[2]) - amount(shown[1]);
            assert_eq!(amount(s(&r["verandering"])), change, "{name}");
            assert!(r["prognoses"].as_array().unwrap().iter().all(|c| s(&c["markering"]).is_empty()));
        }
    }
    // Independently: every party delivered Q1 with every line, so the integral prognosis after
    // Q1 is the sum of the Q1 files' prognoses.
    let total: Decimal = yaml_lines(&root().join("data"), 1).values().map(|(p, _)| *p).sum();
    let all = t["beleidsdoelen"].as_array().unwrap().iter().find(|r| r["totaal"] == true).unwrap();
    assert_eq!(amount(s(&all["prognoses"][0]["bedrag"])), total);
    // The first report has no trend yet.
    assert_eq!(v1["verloop"]["kwartalen"].as_array().unwrap().len(), 1);
    // The summary says how the integral prognosis moved since the second quarter.
    let punten: Vec<&str> = v3["samenvatting"]["punten"].as_array().unwrap().iter().map(s).collect();
    let moved = punten.iter().find(|p| p.starts_with("Sinds het tweede kwartaal is de integrale prognose")).unwrap();
    assert!(moved.contains(s(&all["prognoses"][1]["bedrag"])) && moved.contains(s(&all["prognoses"][2]["bedrag"])));
    // The PDF shows the section, and the table beside it holds the same rows.
    let text = squeeze(&pdf::text(&out.join("2026/voortgangsrapportage-2026-q3.pdf")));
    assert!(text.contains("Verloop van de prognose") && text.contains("Grootste veranderingen sinds Q2"), "{text}");
    let csv = std::fs::read_to_string(out.join("2026/tabellen/verloop-q3-2026.csv")).unwrap();
    assert!(csv.contains("prognose_q1") && csv.contains("verandering_sinds_q2"), "{csv}");
}

/// The lines that changed most since Q2: at most 10, by absolute change, each with the change
/// the YAML gives and the Q3 toelichting; the sentence counts every changed line.
#[test]
fn the_lines_that_changed_most_come_from_the_reports() {
    let data = root().join("data");
    let (v, _) = report(&data);
    let (before, now) = (yaml_lines(&data, 2), yaml_lines(&data, 3));
    let mut changes: Vec<(Decimal, Option<String>)> = now
        .iter()
        .filter_map(|(key, (p, t))| before.get(key).map(|(b, _)| (*p - *b, t.clone())))
        .filter(|(d, _)| !d.is_zero())
        .collect();
    changes.sort_by_key(|(d, _)| std::cmp::Reverse(d.abs()));
    let rows = v["verloop"]["regels"].as_array().unwrap();
    assert_eq!(rows.len(), changes.len().min(10));
    assert!(!rows.is_empty(), "the default data's prognoses move");
    for (r, (d, _)) in rows.iter().zip(&changes) {
        assert_eq!(amount(s(&r["verandering"])).abs(), d.abs());
        assert_eq!(amount(s(&r["prognose"])) - amount(s(&r["vorige"])), amount(s(&r["verandering"])));
        let t = r["toelichting"].as_str().map(str::to_string);
        assert!(changes.iter().any(|(e, te)| *e == amount(s(&r["verandering"])) && *te == t), "{r}");
    }
    let zin = s(&v["verloop"]["regels_zin"]);
    assert!(zin.starts_with(&format!("Van {} regel", changes.len())), "{zin}");
}

/// A party without a report for Q2 counts there with its amended budget at the reference date,
/// marked in its row, in the integral rows and in the summary.
#[test]
fn a_party_missing_in_a_quarter_counts_with_its_amended_budget_marked() {
    let data = data_up_to(3, &["2026/geonovum/voortgang-q2.yaml"]);
    let (v, out) = report(data.path());
    let t = &v["verloop"];
    let party = t["partijen"].as_array().unwrap().iter().find(|r| s(&r["naam"]).starts_with("Geonovum")).unwrap();
    assert_eq!(s(&party["prognoses"][1]["markering"]), "1 partij zonder rapportage");
    assert_eq!(s(&party["prognoses"][0]["markering"]), "");
    // Its amended budget at the reference date, as the level table of the report shows it.
    let amended = v["perspectieven"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| s(&p["id"]).is_empty())
        .flat_map(|p| p["rijen"].as_array().unwrap())
        .find(|r| s(&r["naam"]).starts_with("Geonovum") && s(&r["soort"]) == "eigen")
        .map(|r| s(&r["gewijzigd"]).to_string())
        .unwrap();
    assert_eq!(s(&party["prognoses"][1]["bedrag"]), amended);
    let all = t["beleidsdoelen"].as_array().unwrap().iter().find(|r| r["totaal"] == true).unwrap();
    assert_eq!(s(&all["prognoses"][1]["markering"]), "1 partij zonder rapportage");
    let punten: Vec<&str> = v["samenvatting"]["punten"].as_array().unwrap().iter().map(s).collect();
    assert!(
        punten.iter().any(|p| p.contains("Na het tweede kwartaal telde 1 partij zonder rapportage mee")),
        "{punten:?}"
    );
    let text = squeeze(&pdf::text(&out.join("2026/voortgangsrapportage-2026-q3.pdf")));
    assert!(text.contains("1 partij zonder rapportage"), "{text}");
}

/// A Q1 report written before a wijziging adopted in Q2: the line that wijziging added is not
/// listed (no E308) and counts with its amended budget as prognosis and nothing spent, marked in
/// the level table and the table; the line it raised is judged against the budget at the end of
/// Q1 (no W603); a line of a proposed wijziging stays E308.
#[test]
fn a_quarter_has_its_own_yardstick() {
    let dir = tempfile::tempdir().unwrap();
    case_tree(&root().join("tests/fixtures/cases/e308-quarter-yardstick"), dir.path());
    let peil = jiff::civil::date(2026, 6, 1);
    let (_, json) = check_json(dir.path(), &["--peildatum", "2026-06-01"]);
    let q1: Vec<_> =
        findings(&json).into_iter().filter(|(_, f, _)| f.as_deref() == Some("2025/obo-a/voortgang-q1.yaml")).collect();
    assert_eq!(q1, vec![("E308".to_string(), Some("2025/obo-a/voortgang-q1.yaml".to_string()), Some(9))]);
    // Without the proposed line the tree builds; the roll-up counts the later line.
    std::fs::remove_file(dir.path().join("2025/obo-a/wijziging-2.yaml")).unwrap();
    let f = dir.path().join("2025/obo-a/voortgang-q1.yaml");
    let text = std::fs::read_to_string(&f).unwrap();
    std::fs::write(&f, text.lines().filter(|l| !l.contains("VOORSTEL")).collect::<Vec<_>>().join("\n")).unwrap();
    let (tree, diags) = jaarcyclus::load_and_check(dir.path(), &Scope::default(), peil).unwrap();
    assert!(!diags.blocks_build());
    let r = jaarcyclus::rollup::rollup(&tree, 2025, peil);
    let p = &r.progress[&1];
    let obo = p.parties.iter().find(|x| x.party == "obo-a").unwrap();
    let nieuw = obo.lines.iter().find(|l| l.id == "OBO_A-NIEUW").unwrap();
    let m = |n: i64| jaarcyclus::model::Money::from_decimal(Decimal::from(n));
    assert!(nieuw.later);
    assert_eq!((nieuw.besteed, nieuw.prognose), (Some(m(0)), m(60_000)));
    let beheer = obo.lines.iter().find(|l| l.id == "OBO_A-BEHEER").unwrap();
    assert_eq!((beheer.gewijzigd, beheer.maatstaf, beheer.signaal), (m(1_650_000), m(1_250_000), false));
    assert_eq!(obo.own[""].prognose, m(1_260_000 + 60_000));
    assert_eq!(obo.own[""].later, 1);
    let view = jaarcyclus::view::progress::build(&tree, &r, 1, &diags, peil);
    let marked: Vec<_> = view.perspectieven.iter().flat_map(|p| &p.rijen).filter(|x| !x.later.is_empty()).collect();
    assert!(marked.iter().any(|x| x.soort == "eigen") && marked.iter().any(|x| x.soort == "integraal"));
    assert!(marked.iter().all(|x| x.later == "1 regel van na het kwartaal: prognose is gewijzigde begroting"));
    let table = jaarcyclus::view::sheets::progress_table(p);
    let col = table.headers.iter().position(|h| h == "na_het_kwartaal").unwrap();
    let marked: Vec<_> = table.rows.iter().filter(|r| format!("{:?}", r[col]).contains("ja")).collect();
    assert_eq!(marked.len(), 1);
}
