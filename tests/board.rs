//! The documents as the board reads them (issue: a correct jaarrekening, decisions per
//! perspective, findings per document, Dutch house rules), on the default data: the build and
//! the meeting pack of 10 December 2026 at the reference date 29 November 2026. Figures are
//! recomputed from the library's roll-up and compared with what the PDFs show.

use crate::common::*;
use jaarcyclus::model::{Niveau, Scope};
use jaarcyclus::nl;
use rust_decimal::Decimal;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

const PEILDATUM: &str = "2026-11-29";

/// One build and one meeting pack of the default data per test binary.
pub(crate) fn out() -> &'static Path {
    static OUT: OnceLock<PathBuf> = OnceLock::new();
    OUT.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap().keep();
        let (d, o) = (root().join("data"), dir.to_str().unwrap().to_string());
        let b = run(&["build", "--data", d.to_str().unwrap(), "--out", &o, "--peildatum", PEILDATUM]);
        assert_eq!(b.status.code(), Some(0), "{}", String::from_utf8_lossy(&b.stderr));
        let meeting = d.join("vergaderingen/2026-12-10-ogb-b.yaml");
        let s = run(&[
            "stukken",
            meeting.to_str().unwrap(),
            "--data",
            d.to_str().unwrap(),
            "--out",
            &o,
            "--peildatum",
            PEILDATUM,
        ]);
        assert_eq!(s.status.code(), Some(0), "{}", String::from_utf8_lossy(&s.stderr));
        dir
    })
}

pub(crate) fn pdfs() -> Vec<PathBuf> {
    walkdir::WalkDir::new(out())
        .sort_by_file_name()
        .into_iter()
        .map(|e| e.unwrap().into_path())
        .filter(|p| p.extension().is_some_and(|x| x == "pdf"))
        .collect()
}

fn rollup(y: i32) -> jaarcyclus::rollup::Rollup {
    let peil = jiff::civil::date(2026, 11, 29);
    let (tree, diags) = jaarcyclus::load_and_check(&root().join("data"), &Scope::default(), peil).unwrap();
    assert_eq!(diags.errors(), 0);
    jaarcyclus::rollup::rollup(&tree, y, peil)
}

/// Every glyph is set in the house fonts: no fallback (Libertinus Serif for a missing arrow,
/// DejaVu Sans Mono for `raw` text) in any document.
#[test]
fn every_glyph_is_set_in_the_house_fonts() {
    let all = pdfs();
    assert!(all.len() >= 11, "{all:?}");
    for pdf in all {
        let fonts = pdf::fonts(&pdf);
        assert!(fonts.iter().all(|f| f.starts_with("NotoSans-")), "{}: {fonts:?}", pdf.display());
    }
}

/// No document shows a file path, a party id or technical wording.
#[test]
fn no_document_shows_a_file_path_or_an_id() {
    for pdf in pdfs() {
        let t = pdf::text(&pdf);
        for bad in
            [".yaml", "data/", "rws-obo", "kadaster-obo", "bzk-sbo", "dag(en)", "afspraken.yaml", "-€", "de SBO "]
        {
            assert!(!t.contains(bad), "{}: `{bad}` in\n{t}", pdf.display());
        }
    }
}

/// The jaarrekening shows budget, realisation and variance at every level and per perspective,
/// and the realised total per perspective against its cap.
#[test]
fn the_jaarrekening_shows_realisation_at_every_level() {
    let r = rollup(2025);
    let rows = pdf::rows(&out().join("2025/jaarrekening-2025.pdf"));
    let y = 2025;
    // The amounts of a roll-up row: begroting, wijzigingen, na wijziging, gerealiseerd, verschil
    // (contract §11: the variance is to the amended budget).
    let amounts = |b: jaarcyclus::model::Money, a: jaarcyclus::model::Money, g: jaarcyclus::model::Money| {
        format!(
            "{} {} {} {} {}",
            nl::money(b),
            nl::eur(a.decimal() - b.decimal()),
            nl::money(a),
            nl::money(g),
            nl::eur(g.decimal() - a.decimal())
        )
    };
    assert!(r.amended.any(), "the default data has wijzigingen in effect for 2025");
    // Every party's own row and every consolidated row, all perspectives together.
    for n in &r.org.nodes {
        let budget = r.own[&n.id].year(y);
        let amended = r.amended.own[&n.id].year(y);
        let real = r.realised.own[&n.id].year(y);
        // A long name wraps in its cell: the row starts with the name's first word and ends
        // with the role and the five amounts.
        let first = n.naam.split(' ').next().unwrap();
        let want = format!("{} {}", n.rol.as_str(), amounts(budget, amended, real));
        let found = rows.iter().any(|l| l.starts_with(first) && squeeze(l).ends_with(&want));
        assert!(found, "{first} … {want} not in\n{rows:#?}");
    }
    let sbo = r.org.nodes.iter().find(|n| n.parent.is_none()).unwrap();
    let (b, a, g) = (r.consolidated[&sbo.id].year(y), r.amended.integral.year(y), r.realised.integral.year(y));
    assert_ne!(a, b, "the wijzigingen change the integral budget");
    let integral = format!("SBO {}", amounts(b, a, g));
    let found =
        rows.iter().any(|l| l.starts_with(sbo.naam.split(' ').next().unwrap()) && squeeze(l).ends_with(&integral));
    assert!(found, "{integral}");
    // "Wat heeft het gekost?" shows realised cost per party, e.g. the SBO's beheer.
    let sbo_beheer = r.realised.own[&sbo.id].get("beheer", y);
    assert!(rows.iter().any(|l| l.contains(&nl::money(sbo_beheer))), "realised SBO beheer");
    // The realised total of beheer against its cap.
    let cap = r.cap("beheer").unwrap().jaren.iter().find(|j| j.jaar == y).unwrap().cap.unwrap();
    let real = r.realised.integral.get("beheer", y);
    let over = real.decimal() - cap.decimal();
    assert!(over > Decimal::ZERO, "the default data overruns beheer in 2025");
    let line = format!(
        "{y} {} {} {} {} boven budget",
        nl::money(cap),
        nl::money(r.integral.get("beheer", y)),
        nl::money(real),
        nl::eur(over)
    );
    assert!(rows.iter().any(|l| squeeze(l) == line), "{line} not in\n{rows:#?}");
    // The overrun over the financiers is in the chapter "Resultaat en verrekening" (tests/verrekening.rs).
    // The summary says it in words.
    let t = squeeze(&pdf::text(&out().join("2025/jaarrekening-2025.pdf")));
    // (The words between may be hyphenated over a line break.)
    let said = [
        format!("is {} gerealiseerd,", nl::money(real)),
        format!("{} boven het taakstellend budget van {}", nl::eur(over), nl::money(cap)),
    ];
    assert!(said.iter().all(|s| t.contains(s)), "{said:?} in\n{t}");
    // Goals show the achieved value beside the target.
    assert!(rows.iter().any(|l| l.contains("99,5% 99,7%")), "achieved beside target");
}

/// The decision note on a perspective shows the figures the jaarplan shows for it: the
/// request at the plan's own level, its difference from the cap and that difference over the
/// financiers, to the cent; the proposal is named by its letter.
#[test]
fn the_decision_note_equals_the_jaarplan_for_its_perspective() {
    let r = rollup(2027);
    let request = r.integral.get("beheer", 2027);
    let cap = r.cap("beheer").unwrap().jaren[0].cap.unwrap();
    let gap = request.decimal() - cap.decimal();
    let key = r.cap("beheer").unwrap().verdeelsleutel.clone().unwrap();
    let fins: Vec<String> = ["rijk", "vng", "ipo", "uvw"].iter().map(|s| s.to_string()).collect();
    let shares = jaarcyclus::rollup::allocate(gap, &key, &fins);
    let vng = nl::eur(shares[1].1);
    // The jaarplan shows the VNG share of the gap in beheer.
    let plan = pdf::rows(&out().join("2027/jaarplan-2027.pdf"));
    assert!(
        plan.iter().any(|l| l.contains(&format!("2027 {} {}", nl::eur(gap), nl::eur(shares[0].1)))),
        "jaarplan split"
    );
    assert!(plan.iter().any(|l| l.contains(&vng)), "VNG {vng} in the jaarplan");
    // The note: alternative B (zilver, the request) has the same gap and the same VNG share.
    let note = pdf::rows(&out().join("vergaderingen/2026-12-10-ogb-b/besluitnota-1.pdf"));
    let b = format!("{} {} boven budget", nl::money(request), nl::eur(gap));
    assert!(note.iter().any(|l| l.contains(&b)), "{b} not in\n{note:#?}");
    let vng_row =
        note.iter().find(|l| l.starts_with("Vereniging") || l.starts_with("VNG") || l.contains("(VNG)")).unwrap();
    assert!(vng_row.contains(&nl::eur_cents(shares[1].1)), "{vng_row}");
    // A (brons) is computed from the beheer alternatives and fits the cap.
    let brons = r.level(Niveau::Brons, Some("beheer")).unwrap().totaal;
    assert!(brons <= cap);
    let a = format!("{} {} binnen budget", nl::money(brons), nl::eur(brons.decimal() - cap.decimal()));
    assert!(note.iter().any(|l| l.contains(&a)), "{a} not in\n{note:#?}");
    let t = squeeze(&pdf::text(&out().join("vergaderingen/2026-12-10-ogb-b/besluitnota-1.pdf")));
    assert!(t.contains(&format!("alternatief A: Bronsniveau voor alle beheerpartijen ({})", nl::money(brons))), "{t}");
}

/// Each document lists the findings about its own years (and those about no year): the
/// jaarrekening 2025 shows none about 2027.
#[test]
fn each_document_shows_the_findings_about_its_own_years() {
    let jr = squeeze(&pdf::text(&out().join("2025/jaarrekening-2025.pdf")));
    assert!(!jr.contains("2027 van") && !jr.contains("die 2027 dekt"), "2027 findings in the jaarrekening 2025");
    assert!(jr.contains("Uitstel van drie dagen"), "the late realisation of 2025 is there, accepted with its reason");
    let jp = squeeze(&pdf::text(&out().join("2027/jaarplan-2027.pdf")));
    assert!(jp.contains("Gevraagd"), "the board table says what is asked of whom");
    assert!(jp.contains("Technische bijlage") && jp.contains("Bevindingen met code en vindplaats"));
    assert!(!jp.contains("die 2025 dekt"), "2025 findings in the jaarplan 2027");
}
