//! The voortgangsrapportage (contract §11) on the default data: quarter 3 of 2026 at the
//! reference date 29 November 2026. Figures are recomputed from the library's roll-up and
//! compared with what the PDF shows in the column that names them.

use crate::common::*;
use jaarcyclus::model::Scope;
use jaarcyclus::nl;
use jaarcyclus::rollup::{OrgTree, progress};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

const PEILDATUM: &str = "2026-11-29";
const PDF: &str = "2026/voortgangsrapportage-2026-q3.pdf";

fn build(data: &Path) -> PathBuf {
    let dir = tempfile::tempdir().unwrap().keep();
    let o = run(&["build", "--data", data.to_str().unwrap(), "--out", dir.to_str().unwrap(), "--peildatum", PEILDATUM]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    dir
}

fn out() -> &'static Path {
    static OUT: OnceLock<PathBuf> = OnceLock::new();
    OUT.get_or_init(|| build(&root().join("data")))
}

/// Every level of every perspective shows amended budget, spent, share, prognosis and the
/// expected variance of the roll-up; the summary says the integral figures in words.
#[test]
fn the_report_shows_every_level_against_the_amended_budget() {
    let peil = jiff::civil::date(2026, 11, 29);
    let (tree, _) = jaarcyclus::load_and_check(&root().join("data"), &Scope::default(), peil).unwrap();
    let st = tree.stelsel.as_ref().unwrap();
    let org = OrgTree::new(st);
    let p = progress(&tree, &org, &st.normen, 2026, 3, peil);
    let rows: Vec<String> = pdf::rows(&out().join(PDF)).iter().map(|r| squeeze(r)).collect();
    let sbo = org.nodes.iter().find(|n| n.parent.is_none()).unwrap();
    for (id, f) in &p.integral {
        let share = f.besteed.decimal() * rust_decimal::Decimal::from(100) / f.gewijzigd.decimal();
        let want = format!(
            "SBO (BZK) {} {} {} {} {} {}",
            sbo.rol.as_str(),
            nl::money(f.gewijzigd),
            nl::money(f.besteed),
            nl::percent(share.round_dp(1)),
            nl::money(f.prognose),
            nl::eur(f.afwijking())
        );
        assert!(rows.contains(&want), "{id:?}: {want} not in\n{rows:#?}");
    }
    let all = &p.integral[""];
    let text = squeeze(&pdf::text(&out().join(PDF)));
    let said = format!("De prognose voor 2026 is {},", nl::money(all.prognose));
    assert!(text.contains(&said), "{said}");
    // The amended budget of beheer includes the adopted wijziging's new line.
    assert!(
        p.parties.iter().flat_map(|x| &x.lines).any(|l| l.id == "KO-CLOUD-MIGRATIE" && l.begroting.decimal().is_zero())
    );
    // The proposed wijziging is listed, not counted.
    assert!(text.contains("Voorgesteld en nog niet vastgesteld: wijziging 1 van Rijkswaterstaat"), "{text}");
    // The line off track, with its toelichting.
    assert!(rows.iter().any(|r| r.contains("€ 900.000 € 1.080.000 € 180.000 (20,0%)")), "{rows:#?}");
}

/// A party without a report for the quarter is listed, counts its amended budget as its
/// prognosis, and the spending totals say how many parties they lack.
#[test]
fn a_party_without_a_report_is_visible() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&root().join("data"), dir.path());
    std::fs::remove_file(dir.path().join("2026/geonovum/voortgang-q3.yaml")).unwrap();
    let out = build(dir.path());
    let text = squeeze(&pdf::text(&out.join(PDF)));
    assert!(text.contains("Zonder rapportage over dit kwartaal: Geonovum"), "{text}");
    assert!(text.contains("1 partij zonder rapportage"), "{text}");
    assert!(text.contains("4 van 5"), "{text}");
}

/// Reads a CSV the program wrote (BOM, `;`, quoted fields, decimal comma) into rows of fields.
fn csv(path: &Path) -> Vec<Vec<String>> {
    let text = std::fs::read_to_string(path).unwrap();
    let text = text.trim_start_matches('\u{feff}');
    let mut rows = Vec::new();
    for line in text.lines() {
        let (mut fields, mut cur, mut quoted) = (Vec::new(), String::new(), false);
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            match (c, quoted) {
                ('"', true) if chars.peek() == Some(&'"') => {
                    cur.push('"');
                    chars.next();
                }
                ('"', _) => quoted = !quoted,
                (';', false) => fields.push(std::mem::take(&mut cur)),
                _ => cur.push(c),
            }
        }
        fields.push(cur);
        rows.push(fields);
    }
    rows
}

fn amount(s: &str) -> rust_decimal::Decimal {
    s.replace(',', ".").parse().unwrap()
}

/// The progress table next to the report has a row per line of the amended budget, and its
/// columns add up to the report's integral figures; the wijzigingen table lists every mutatie,
/// and the manifest lists both.
#[test]
fn the_tables_next_to_the_report_add_up_to_its_figures() {
    let peil = jiff::civil::date(2026, 11, 29);
    let (tree, _) = jaarcyclus::load_and_check(&root().join("data"), &Scope::default(), peil).unwrap();
    let st = tree.stelsel.as_ref().unwrap();
    let org = OrgTree::new(st);
    let p = progress(&tree, &org, &st.normen, 2026, 3, peil);
    let rows = csv(&out().join("2026/tabellen/voortgang-q3-2026.csv"));
    let head = &rows[0];
    let col = |name: &str| head.iter().position(|h| h == name).unwrap_or_else(|| panic!("column {name}"));
    let sum = |name: &str| rows[1..].iter().map(|r| amount(&r[col(name)])).sum::<rust_decimal::Decimal>();
    let all = &p.integral[""];
    assert_eq!(rows.len() - 1, p.parties.iter().map(|x| x.lines.len()).sum::<usize>());
    assert_eq!(sum("begroting_na_wijziging"), all.gewijzigd.decimal());
    assert_eq!(sum("besteed_tot_en_met"), all.besteed.decimal());
    assert_eq!(sum("prognose"), all.prognose.decimal());
    assert_eq!(sum("afwijking"), all.afwijking());
    let signal = rows.iter().find(|r| r[col("regel")] == "KO-AFBOUW-VIEWER").unwrap();
    assert_eq!((signal[col("signaal")].as_str(), amount(&signal[col("afwijking")])), ("ja", 180_000.into()));
    // Every mutatie of every wijziging of 2026, in effect or proposed.
    let w = csv(&out().join("2026/tabellen/wijzigingen-2026.csv"));
    let subs = tree.years[&2026].values();
    let mutaties: usize = subs.flat_map(|s| &s.wijzigingen).map(|w| w.regels.len()).sum();
    assert_eq!(w.len() - 1, mutaties);
    assert!(w.iter().any(|r| r[0] == "rws-obo" && r[3] == "voorgesteld"));
    let manifest = std::fs::read_to_string(out().join("2026/manifest.json")).unwrap();
    for f in ["tabellen/voortgang-q3-2026.csv", "tabellen/wijzigingen-2026.csv", "voortgangsrapportage-2026-q3.pdf"] {
        assert!(manifest.contains(f), "{f} in the manifest");
    }
}
