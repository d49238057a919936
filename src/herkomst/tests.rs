//! The herkomst adds up to the roll-up's figures at every level — own, consolidated, integral —
//! for every perspective and kind of figure, on the default data (with wijzigingen and
//! progress reports) at several reference dates and on a generated tree; and each source line
//! points at the amount it names.

use super::*;
use crate::rollup::{Grid, progress, rollup};
use jiff::civil::Date;
use std::path::Path;

fn ask(jaar: Year, beleidsdoel: &str, stuk: Stuk, peildatum: Date) -> Vraag {
    Vraag {
        jaar,
        jaarschijf: None,
        beleidsdoel: beleidsdoel.to_string(),
        organisatie: None,
        stuk,
        kwartaal: None,
        peildatum,
    }
}

fn cell(g: Option<&Grid>, p: &str, y: Year) -> Decimal {
    g.map(|g| g.get(p, y).decimal()).unwrap_or_default()
}

/// Every level of every perspective of every cycle year, against the roll-up.
fn agrees_with_the_rollup(tree: &Tree, peildatum: Date) -> usize {
    let st = tree.stelsel.as_ref().unwrap();
    let mut compared = 0;
    for &y in tree.years.keys() {
        let r = rollup(tree, y, peildatum);
        let k = latest_quarter(tree, y);
        let pr = k.map(|k| progress(tree, &r.org, &st.normen, y, k, peildatum));
        for b in st.beleidsdoelen.iter().map(|b| b.id.value.as_str()) {
            for j in y..=y + 3 {
                let h =
                    herkomst(tree, &Vraag { jaarschijf: Some(j), ..ask(y, b, Stuk::Begroting, peildatum) }).unwrap();
                assert_eq!(h.integraal[&Kolom::Begroting], r.integral.get(b, j).decimal(), "{y}/{j} {b}");
                for p in &h.partijen {
                    assert_eq!(p.eigen[&Kolom::Begroting], cell(r.own.get(&p.id), b, j), "{y}/{j} {b} {}", p.id);
                    let c = p.totaal()[&Kolom::Begroting];
                    assert_eq!(c, cell(r.consolidated.get(&p.id), b, j), "{y}/{j} {b} {} consolidated", p.id);
                    if j == y && h.kolommen.contains(&Kolom::Gewijzigd) {
                        assert_eq!(p.eigen[&Kolom::Gewijzigd], cell(r.amended.own.get(&p.id), b, y));
                        assert_eq!(p.totaal()[&Kolom::Gewijzigd], cell(r.amended.consolidated.get(&p.id), b, y));
                    }
                    compared += 1;
                }
            }
            let h = herkomst(tree, &ask(y, b, Stuk::Realisatie, peildatum)).unwrap();
            assert_eq!(h.integraal[&Kolom::Gerealiseerd], r.realised.integral.get(b, y).decimal());
            for p in &h.partijen {
                assert_eq!(p.eigen[&Kolom::Gerealiseerd], cell(r.realised.own.get(&p.id), b, y), "{y} {b} {}", p.id);
                let c = p.totaal()[&Kolom::Gerealiseerd];
                assert_eq!(c, cell(r.realised.consolidated.get(&p.id), b, y), "{y} {b} {}", p.id);
                assert_eq!(p.onbekend_onder, r.realised.missing[&p.id]);
                compared += 1;
            }
            let Some(pr) = &pr else { continue };
            let h = herkomst(tree, &ask(y, b, Stuk::Voortgang, peildatum)).unwrap();
            let figures = |f: Option<&crate::rollup::Figures>| {
                f.map_or((Decimal::ZERO, Decimal::ZERO), |f| (f.besteed.decimal(), f.prognose.decimal()))
            };
            let pair = |x: &Bedragen| (x[&Kolom::Besteed], x[&Kolom::Prognose]);
            assert_eq!(pair(&h.integraal), figures(pr.integral.get(b)), "{y} {b}");
            for p in &h.partijen {
                let own = pr.parties.iter().find(|x| x.party == p.id).and_then(|x| x.own.get(b));
                assert_eq!(pair(&p.eigen), figures(own), "{y} {b} {}", p.id);
                assert_eq!(pair(p.totaal()), figures(pr.consolidated[&p.id].get(b)), "{y} {b} {}", p.id);
                compared += 1;
            }
        }
    }
    compared
}

#[test]
fn the_default_data_adds_up_at_every_level() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    // Before and after wijzigingen took effect and progress reports were delivered.
    for peil in [jiff::civil::date(2025, 6, 1), jiff::civil::date(2026, 8, 1), jiff::civil::date(2026, 11, 29)] {
        let (tree, diags) = crate::load_and_check(&root, &Scope::default(), peil).unwrap();
        assert!(!diags.blocks_build());
        assert!(agrees_with_the_rollup(&tree, peil) > 100);
    }
}

#[test]
fn a_generated_tree_adds_up_at_every_level() {
    let dir = tempfile::tempdir().unwrap();
    jaarcyclus_synth::generate(dir.path(), 25, 6, 11).unwrap();
    let peil = jiff::civil::date(2026, 11, 29);
    let (tree, diags) = crate::load_and_check(dir.path(), &Scope::default(), peil).unwrap();
    assert!(!diags.blocks_build());
    assert!(agrees_with_the_rollup(&tree, peil) > 100);
}

/// A quarter's own yardstick (§14): a Q1 report written before a wijziging adopted in Q2 lacks
/// the line it added; the herkomst counts that line by the roll-up's rule (amended budget as
/// prognosis, nothing spent) and says why.
#[test]
fn a_line_added_after_the_quarter_is_traced_as_the_rollup_counts_it() {
    let dir = tempfile::tempdir().unwrap();
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    for from in [manifest.join("tests/fixtures/base"), manifest.join("tests/fixtures/cases/e308-quarter-yardstick")] {
        for e in walkdir::WalkDir::new(&from).min_depth(1).into_iter().map(Result::unwrap) {
            let to = dir.path().join(e.path().strip_prefix(&from).unwrap());
            if e.file_type().is_dir() {
                std::fs::create_dir_all(&to).unwrap();
            } else if e.file_name() != "expect" {
                std::fs::copy(e.path(), &to).unwrap();
            }
        }
    }
    // Without the proposed wijziging's line (E308 stays for that one).
    std::fs::remove_file(dir.path().join("2025/obo-a/wijziging-2.yaml")).unwrap();
    let q1 = dir.path().join("2025/obo-a/voortgang-q1.yaml");
    let text = std::fs::read_to_string(&q1).unwrap();
    std::fs::write(&q1, text.lines().filter(|l| !l.contains("VOORSTEL")).collect::<Vec<_>>().join("\n")).unwrap();
    let peil = jiff::civil::date(2026, 6, 1);
    let (tree, diags) = crate::load_and_check(dir.path(), &Scope::default(), peil).unwrap();
    assert!(!diags.blocks_build());
    let st = tree.stelsel.as_ref().unwrap();
    let org = crate::rollup::OrgTree::new(st);
    let pr = progress(&tree, &org, &st.normen, 2025, 1, peil);
    let h = herkomst(&tree, &Vraag { kwartaal: Some(1), ..ask(2025, "beheer", Stuk::Voortgang, peil) }).unwrap();
    let p = h.partij("obo-a").unwrap();
    let own = &pr.parties.iter().find(|x| x.party == "obo-a").unwrap().own["beheer"];
    assert_eq!((p.eigen[&Kolom::Besteed], p.eigen[&Kolom::Prognose]), (own.besteed.decimal(), own.prognose.decimal()));
    assert_eq!(own.later, 1);
    assert!(p.opmerkingen.iter().any(|o| o.contains("`OBO_A-NIEUW` kwam na kwartaal 1")), "{:?}", p.opmerkingen);
}

/// Each source line's place holds the amount it names, as written in the file.
#[test]
fn every_source_line_points_at_its_amount() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let peil = jiff::civil::date(2026, 11, 29);
    let (tree, _) = crate::load_and_check(&root, &Scope::default(), peil).unwrap();
    let mut seen = 0;
    for (y, stuk) in
        [(2025, Stuk::Begroting), (2025, Stuk::Realisatie), (2026, Stuk::Voortgang), (2027, Stuk::Begroting)]
    {
        let h = herkomst(&tree, &ask(y, "beheer", stuk, peil)).unwrap();
        for b in h.partijen.iter().flat_map(|p| &p.bronnen) {
            let text = std::fs::read_to_string(root.join(&b.file)).unwrap();
            let line = text.lines().nth(b.pos.line as usize - 1).unwrap();
            let from: String = line.chars().skip(b.pos.column as usize - 1).collect();
            let written: String = from.chars().take_while(|c| c.is_ascii_digit() || *c == '.' || *c == '-').collect();
            assert_eq!(written.parse::<Decimal>().unwrap(), b.bedrag, "{}:{}:{}", b.file, b.pos.line, b.pos.column);
            seen += 1;
        }
    }
    assert!(seen > 50);
}

/// One party's branch: its ancestors as totals, itself with its lines; siblings summarised.
#[test]
fn a_branch_keeps_the_levels_above_as_totals() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let peil = jiff::civil::date(2026, 11, 29);
    let (tree, _) = crate::load_and_check(&root, &Scope::default(), peil).unwrap();
    let whole = herkomst(&tree, &ask(2027, "beheer", Stuk::Begroting, peil)).unwrap();
    let v = Vraag { organisatie: Some("geonovum".into()), ..ask(2027, "beheer", Stuk::Begroting, peil) };
    let h = herkomst(&tree, &v).unwrap();
    assert_eq!(h.integraal, whole.integraal);
    let ids: Vec<(&str, bool)> = h.partijen.iter().map(|p| (p.id.as_str(), p.uitgewerkt)).collect();
    assert_eq!(
        ids,
        [("bzk-sbo", false), ("kadaster-tbo", false), ("kadaster-obo", false), ("geonovum", true), ("rws-obo", false)]
    );
    assert!(h.partijen.iter().filter(|p| !p.uitgewerkt).all(|p| p.bronnen.is_empty()));
    assert_eq!(h.partij("geonovum"), whole.partij("geonovum"));
    let human = render::human(&h);
    assert!(human.contains("2027/geonovum/begroting.yaml:"), "{human}");
    assert!(!human.contains("2027/kadaster-obo/begroting.yaml:"), "{human}");
}

#[test]
fn questions_that_cannot_be_answered_say_why() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let peil = jiff::civil::date(2026, 11, 29);
    let (tree, _) = crate::load_and_check(&root, &Scope::default(), peil).unwrap();
    let err = |v: Vraag| herkomst(&tree, &v).unwrap_err().to_string();
    assert!(err(ask(2027, "onbekend", Stuk::Begroting, peil)).contains("staat niet in stelsel.yaml"));
    assert!(err(ask(2040, "beheer", Stuk::Begroting, peil)).contains("geen jaarmap 2040"));
    assert!(err(ask(2027, "beheer", Stuk::Voortgang, peil)).contains("geen voortgangsrapportage"));
    assert!(err(Vraag { jaarschijf: Some(2031), ..ask(2027, "beheer", Stuk::Begroting, peil) }).contains("buiten"));
    assert!(err(Vraag { kwartaal: Some(4), ..ask(2026, "beheer", Stuk::Voortgang, peil) }).contains("kwartaal 4"));
    assert!(err(Vraag { organisatie: Some("x".into()), ..ask(2027, "beheer", Stuk::Begroting, peil) }).contains("`x`"));
}
