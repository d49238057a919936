//! A quarter's own yardstick (contract §14): a line added after the quarter counted and marked,
//! a line judged by the budget at the quarter's end, a line outside the amended budget E308.

use crate::common::*;
use jaarcyclus::model::Scope;
use rust_decimal::Decimal;

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
