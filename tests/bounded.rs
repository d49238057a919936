//! Bounded documents (issue 15): a party with far more budget lines than
//! `view::bound::PER_PARTY_FROM` gets documents of a bounded length, and what they show still
//! adds up: the rows shown plus the row of the other lines equal the party's total from the
//! roll-up.

use crate::common::*;
use jaarcyclus::model::{CycleDoc, Scope};
use jaarcyclus::nl;
use jaarcyclus::view::bound::{ABOVE_NORM_MAX, ATTENTION_MAX, LARGEST, PER_PARTY_FROM};
use rust_decimal::Decimal;
use std::path::Path;

const LINES: usize = 1500;

/// Reads `€ 1.234,56` / `€ -1.234` back.
fn eur(s: &str) -> Decimal {
    let t: String = s.chars().filter(|c| c.is_ascii_digit() || *c == ',' || *c == '-').collect();
    t.replace(',', ".").parse().unwrap_or_else(|_| panic!("{s}"))
}

#[test]
fn a_party_with_many_lines_gets_a_bounded_document_that_still_adds_up() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    jaarcyclus_synth::generate(&data, 1, LINES, 1).unwrap();
    let peil = jiff::civil::date(2026, 11, 29);
    let (tree, diags) = jaarcyclus::load_and_check(&data, &Scope::default(), peil).unwrap();
    assert!(!diags.blocks_build());
    let y = *tree.years.keys().find(|y| tree.years[y].values().any(|s| s.realisatie.is_some())).unwrap();
    let r = jaarcyclus::rollup::rollup(&tree, y, peil);
    let doc = jaarcyclus::view::build(CycleDoc::Jaarrekening, &tree, &r, &diags, peil);
    let party = &r.verantwoording.parties[0];
    assert!(party.lines.len() > PER_PARTY_FROM, "{} lines", party.lines.len());
    let p = &doc.verantwoording.partijen[0];
    assert!(p.regels.len() <= ATTENTION_MAX + LARGEST, "{} rows shown", p.regels.len());
    let overig = p.overig.as_ref().expect("a bounded table has a row for the other lines");
    assert_eq!(p.regels.len() + overig.aantal, party.lines.len());
    // Shown rows plus the other lines equal the party's totals, which are the roll-up's.
    let shown = |f: fn(&jaarcyclus::view::RegelVerantwoording) -> Option<&String>| -> Decimal {
        p.regels.iter().filter_map(f).map(|s| eur(s)).sum()
    };
    assert_eq!(shown(|x| Some(&x.gewijzigd)) + eur(&overig.gewijzigd), party.begroot.decimal());
    assert_eq!(eur(&p.gewijzigd), party.begroot.decimal());
    assert_eq!(shown(|x| x.gerealiseerd.as_ref()) + eur(&overig.gerealiseerd), party.gerealiseerd.decimal());
    assert_eq!(shown(|x| Some(&x.begroot)) + eur(&overig.begroot), party.begroting.decimal());
    assert_eq!(eur(&p.gerealiseerd), party.gerealiseerd.decimal());
    assert!(overig.zin.contains("‘verantwoording’"), "{}", overig.zin);
    assert_eq!(nl::money(party.begroot), p.gewijzigd);
    // Every line above the norm is shown (fewer than the maximum here).
    let above = party.lines.iter().filter(|l| l.above_norm).count();
    assert!(above <= ATTENTION_MAX);
    assert_eq!(p.regels.iter().filter(|x| x.boven_norm).count(), above);

    // The PDFs: bounded length, no file paths, and the bounded tables say so.
    let out = dir.path().join("out");
    let b =
        run(&["build", "--data", data.to_str().unwrap(), "--out", out.to_str().unwrap(), "--peildatum", "2026-11-29"]);
    assert_eq!(b.status.code(), Some(0), "{}", String::from_utf8_lossy(&b.stderr));
    let pdfs: Vec<_> = walkdir::WalkDir::new(&out)
        .sort_by_file_name()
        .into_iter()
        .map(|e| e.unwrap().into_path())
        .filter(|p| p.extension().is_some_and(|x| x == "pdf"))
        .collect();
    assert!(pdfs.len() >= 3, "{pdfs:?}");
    for pdf in &pdfs {
        let n = pdf::pages(pdf);
        assert!(n <= 40, "{}: {n} pages", pdf.display());
        // File names only in the technical annex (contract §16), not in the text for the board.
        let (body, annexes) = crate::publish::board_rows(pdf);
        let t = body.join("\n");
        assert!(annexes == 1 && !t.contains(".csv") && !t.contains("tabellen/"), "{}", pdf.display());
    }
    let jr = pdfs.iter().find(|p| p.to_string_lossy().contains("jaarrekening")).unwrap();
    let t = squeeze(&pdf::text(jr));
    assert!(t.contains("andere begrotingsregels"), "{t}");
    assert!(Path::new(&out).join(format!("{y}/tabellen/verantwoording-{y}.csv")).exists());
}

/// A large stelsel (an abridged jaarrekening) with more lines above the norm than
/// `ABOVE_NORM_MAX`: the accounts show the largest deviations over all parties together, and
/// one row adds up the others, so shown and left out are every line above the norm.
#[test]
fn a_large_stelsel_shows_only_the_largest_lines_above_the_norm() {
    let dir = tempfile::tempdir().unwrap();
    jaarcyclus_synth::generate(dir.path(), 150, 50, 2).unwrap();
    let peil = jiff::civil::date(2026, 11, 29);
    let (tree, diags) = jaarcyclus::load_and_check(dir.path(), &Scope::default(), peil).unwrap();
    assert!(!diags.blocks_build());
    let y = *tree.years.keys().find(|y| tree.years[y].values().any(|s| s.realisatie.is_some())).unwrap();
    let r = jaarcyclus::rollup::rollup(&tree, y, peil);
    let doc = jaarcyclus::view::build(CycleDoc::Jaarrekening, &tree, &r, &diags, peil);
    let ik = doc.ingekort.as_ref().expect("abridged");
    // Every line above the norm as (deviation in cents, party position, line id), largest first.
    let mut above: Vec<(i128, usize, &str, Decimal)> = r
        .verantwoording
        .parties
        .iter()
        .enumerate()
        .flat_map(|(k, p)| p.lines.iter().filter(|l| l.above_norm).map(move |l| (k, l)))
        .map(|(k, l)| {
            let d = l.difference.unwrap();
            (jaarcyclus::view::bound::weight(d), k, l.id.as_str(), d)
        })
        .collect();
    assert!(above.len() > ABOVE_NORM_MAX + 20, "{} lines above the norm", above.len());
    above.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(b.2)));
    let v = &doc.verantwoording;
    let shown: Vec<(usize, &str)> =
        v.partijen.iter().enumerate().flat_map(|(k, p)| p.regels.iter().map(move |l| (k, l.id.as_str()))).collect();
    assert_eq!(shown.len(), ABOVE_NORM_MAX);
    assert!(v.partijen.iter().flat_map(|p| &p.regels).all(|l| l.boven_norm));
    let mut want: Vec<(usize, &str)> = above[..ABOVE_NORM_MAX].iter().map(|a| (a.1, a.2)).collect();
    want.sort();
    let mut got = shown.clone();
    got.sort();
    assert_eq!(got, want, "the largest deviations");
    assert!(shown.windows(2).all(|w| w[0].0 <= w[1].0), "in the parties' order");
    // The row of the others: how many, of how many parties, and their deviation added up.
    let o = v.overig.as_ref().expect("a row for the lines above the norm left out");
    let rest = &above[ABOVE_NORM_MAX..];
    assert_eq!((o.totaal, o.getoond, o.aantal), (above.len(), ABOVE_NORM_MAX, rest.len()));
    assert_eq!(ik.weggelaten.boven_norm, rest.len());
    let parties: std::collections::BTreeSet<usize> = rest.iter().map(|a| a.1).collect();
    assert_eq!(o.partijen, parties.len());
    assert_eq!(eur(&o.verschil), rest.iter().map(|a| a.3).sum::<Decimal>());
    let shown_diff: Decimal =
        v.partijen.iter().flat_map(|p| &p.regels).map(|l| eur(l.verschil.as_ref().unwrap())).sum();
    assert_eq!(shown_diff + eur(&o.verschil), above.iter().map(|a| a.3).sum::<Decimal>());
    // Per party no row of its own bound (the accounts' bound covers it).
    assert!(v.partijen.iter().all(|p| p.overig.is_none()));
}
