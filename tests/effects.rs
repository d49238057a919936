//! Decisions as effects over a baseline (contract §13), on the default meeting of 10 December
//! 2026: every figure of besluitnota 2 (the viewer, effects from 2028) and besluitnota 7 (the RWS
//! wijziging) equals a second computation made here straight from the model — sums of the
//! submissions' lines, the caps of stelsel.yaml and the 19/70/6/5 key — not from `rollup`; and the
//! PDFs show those figures and the beslispunten that state them.

use crate::common::*;
use jaarcyclus::model::{Aard, Scope, Tree};
use jaarcyclus::nl;
use jaarcyclus::rollup::{Grondslag, item_effects, rollup, years_needed};
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::OnceLock;

const PEIL: jiff::civil::Date = jiff::civil::date(2026, 11, 26);

fn tree() -> &'static Tree {
    static T: OnceLock<Tree> = OnceLock::new();
    T.get_or_init(|| jaarcyclus::load_and_check(&root().join("data"), &Scope::default(), PEIL).unwrap().0)
}

fn dec(n: i64) -> Decimal {
    Decimal::from(n)
}

/// The default pack, made once (dated as sent: 26 November 2026).
fn pack() -> &'static PathBuf {
    static P: OnceLock<PathBuf> = OnceLock::new();
    P.get_or_init(|| {
        let out = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("effects-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&out);
        let o = run(&[
            "stukken",
            "data/vergaderingen/2026-12-10-ogb-b.yaml",
            "--peildatum",
            "2026-11-26",
            "--out",
            out.to_str().unwrap(),
        ]);
        assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
        out.join("vergaderingen/2026-12-10-ogb-b")
    })
}

/// The begroting amounts of `beleidsdoel` for year `y` in the begrotingen of cycle year `c`,
/// every party together.
fn begroot(t: &Tree, c: i32, beleidsdoel: &str, y: i32) -> Decimal {
    t.years[&c]
        .values()
        .filter_map(|s| s.begroting.as_ref())
        .flat_map(|b| &b.regels)
        .filter(|r| r.beleidsdoel.value == beleidsdoel)
        .map(|r| r.bedragen.get(&y).map(|m| m.value.decimal()).unwrap_or_default())
        .sum()
}

fn cap(t: &Tree, beleidsdoel: &str, y: i32) -> Decimal {
    let st = t.stelsel.as_ref().unwrap();
    st.taakstellend.iter().find(|x| x.beleidsdoel.value == beleidsdoel).unwrap().bedragen[&y].value.decimal()
}

fn item(t: &Tree, id: i64) -> &jaarcyclus::model::Agendapunt {
    t.vergaderingen[0].agenda.iter().find(|i| i.id.value == id).unwrap()
}

fn rollups(t: &Tree, i: &jaarcyclus::model::Agendapunt) -> BTreeMap<i32, jaarcyclus::rollup::Rollup> {
    years_needed(t, i).into_iter().map(|y| (y, rollup(t, y, PEIL))).collect()
}

#[test]
fn the_viewer_decision_is_its_effect_over_the_multi_year_estimate() {
    let t = tree();
    let it = item(t, 2);
    let e = item_effects(t, &rollups(t, it), it, PEIL).expect("item 2 is an effect item");
    assert_eq!(e.horizon, vec![2028, 2029, 2030]);
    // Alternative A: 650.000 structural from 2028; B adds 450.000 incidental in 2028.
    for (alt, incidental_2028) in [(0usize, dec(0)), (1, dec(450_000))] {
        for y in &e.alternatives[alt] {
            // Second computation: the estimate in the begrotingen of 2027 (no cycle year 2028).
            let base = begroot(t, 2027, "beheer", y.jaar);
            let c = cap(t, "beheer", y.jaar);
            let inc = if y.jaar == 2028 { incidental_2028 } else { dec(0) };
            let after = base + dec(650_000) + inc;
            assert_eq!(y.grondslag, Grondslag::Raming { cyclusjaar: 2027 });
            assert_eq!(y.baseline, Some(base), "{}", y.jaar);
            assert_eq!((y.structureel, y.incidenteel), (dec(650_000), inc), "{}", y.jaar);
            assert_eq!(y.na, Some(after));
            assert_eq!(y.cap, Some(c));
            assert_eq!(y.verschil_na, Some(after - c));
            let own = (after - c).max(dec(0)) - (base - c).max(dec(0));
            assert_eq!(y.eigen_deel, Some(own));
            // 19/70/6/5 of the own part, to the cent, adding up to it.
            let shares: Vec<Decimal> = y.per_financier.iter().map(|(_, d)| *d).collect();
            let want: Vec<Decimal> = [19, 70, 6, 5].iter().map(|p| own * dec(*p) / dec(100)).collect();
            assert_eq!(shares, want, "{}", y.jaar);
            assert_eq!(shares.iter().copied().sum::<Decimal>(), own);
        }
    }
    // The baseline alternative: no effect, no own part.
    assert!(e.alternatives[3].iter().all(|y| y.effect().is_zero() && y.eigen_deel == Some(dec(0))));
    let base_2028 = begroot(t, 2027, "beheer", 2028);
    let text = squeeze(&crate::common::pdf::text(&pack().join("besluitnota-2.pdf")));
    for want in [
        "structureel € 650.000 per jaar vanaf 2028".to_string(),
        format!("2028 {}", nl::eur(base_2028 + dec(650_000))),
        "2028 tot en met 2030 elk jaar € 650.000".to_string(),
        "€ 123.500".to_string(),
        "€ 455.000".to_string(),
        "de meerjarenraming 2027–2030".to_string(),
        nl::eur(base_2028),
    ] {
        assert!(text.contains(&want), "`{want}` ontbreekt in besluitnota 2:\n{text}");
    }
}

#[test]
fn the_amendment_decision_starts_from_the_amended_budget_without_it() {
    let t = tree();
    let it = item(t, 7);
    let e = item_effects(t, &rollups(t, it), it, PEIL).expect("item 7 decides on a wijziging");
    // Second computation: the begroting 2026 for beheer plus the mutaties in beheer of every
    // wijziging in effect at the reference date — RWS's own is only proposed.
    let st_lines: BTreeMap<(String, String), String> = t.years[&2026]
        .iter()
        .filter_map(|(org, s)| Some((org, s.begroting.as_ref()?)))
        .flat_map(|(org, b)| {
            b.regels.iter().map(move |r| ((org.clone(), r.id.value.clone()), r.beleidsdoel.value.clone()))
        })
        .collect();
    let mut amended = begroot(t, 2026, "beheer", 2026);
    for (org, s) in &t.years[&2026] {
        for w in s.wijzigingen.iter().filter(|w| w.in_effect(PEIL)) {
            for m in &w.regels {
                let p = st_lines
                    .get(&(org.clone(), m.regel.value.clone()))
                    .cloned()
                    .or_else(|| m.nieuw.as_ref().map(|n| n.beleidsdoel.value.clone()));
                if p.as_deref() == Some("beheer") {
                    amended += m.mutatie.as_ref().unwrap().value;
                }
            }
        }
    }
    let rws = t.years[&2026]["rws-obo"].wijzigingen.iter().find(|w| w.nummer.value == 1).unwrap();
    assert!(!rws.in_effect(PEIL));
    let all: Decimal = rws.regels.iter().map(|m| m.mutatie.as_ref().unwrap().value).sum();
    let helpdesk = rws.regels.iter().find(|m| m.regel.value == "RWS-IPLO-HD").unwrap().mutatie.as_ref().unwrap().value;
    // Its vergunningcheck mutatie is structural (it recurs), the helpdesk's incidental.
    let part = |aard: Aard, only: Option<&str>| -> Decimal {
        rws.regels
            .iter()
            .filter(|m| m.aard == aard && only.is_none_or(|r| m.regel.value == r))
            .map(|m| m.mutatie.as_ref().unwrap().value)
            .sum()
    };
    assert!(part(Aard::Structureel, None) > dec(0) && part(Aard::Incidenteel, None) > dec(0));
    assert_eq!(part(Aard::Structureel, None) + part(Aard::Incidenteel, None), all);
    let helpdesk_only = Some("RWS-IPLO-HD");
    for (alt, (inc, str_)) in [
        (0usize, (part(Aard::Incidenteel, None), part(Aard::Structureel, None))),
        (1, (part(Aard::Incidenteel, helpdesk_only), part(Aard::Structureel, helpdesk_only))),
        (2, (dec(0), dec(0))),
    ] {
        let y = &e.alternatives[alt][0];
        assert_eq!((y.jaar, y.grondslag), (2026, Grondslag::Gewijzigd { jaar: 2026 }));
        assert_eq!(y.baseline, Some(amended));
        assert_eq!((y.incidenteel, y.structureel), (inc, str_));
        assert_eq!(y.na, Some(amended + inc + str_));
        // The later years of the horizon carry the structural part only, every year.
        assert!(e.alternatives[alt][1..].iter().all(|y| y.incidenteel.is_zero() && y.structureel == str_));
    }
    assert_eq!(helpdesk + part(Aard::Structureel, None), all);
    // The prognosis after Q3 beside it: per party, every line of its amended budget in beheer
    // (begroting lines and the new lines of wijzigingen in effect) at its reported prognosis, or
    // at its amended amount when the report lacks it (contract §11).
    let mut prognose = dec(0);
    for (org, s) in &t.years[&2026] {
        let mut lines: BTreeMap<String, (String, Decimal)> = BTreeMap::new();
        for r in s.begroting.iter().flat_map(|b| &b.regels) {
            let amount = r.bedragen.get(&2026).map(|m| m.value.decimal()).unwrap_or_default();
            lines.insert(r.id.value.clone(), (r.beleidsdoel.value.clone(), amount));
        }
        for w in s.wijzigingen.iter().filter(|w| w.in_effect(PEIL)) {
            for m in &w.regels {
                let d = m.mutatie.as_ref().unwrap().value;
                match (lines.get_mut(&m.regel.value), &m.nieuw) {
                    (Some(l), _) => l.1 += d,
                    (None, Some(n)) => {
                        lines.insert(m.regel.value.clone(), (n.beleidsdoel.value.clone(), d));
                    }
                    (None, None) => panic!("{org}: {}", m.regel.value),
                }
            }
        }
        let reported: BTreeMap<&str, Decimal> = s
            .voortgang
            .get(&3)
            .iter()
            .flat_map(|v| &v.regels)
            .map(|r| (r.regel.value.as_str(), r.prognose.as_ref().unwrap().value.decimal()))
            .collect();
        for (id, (p, amount)) in &lines {
            if p == "beheer" {
                prognose += reported.get(id.as_str()).copied().unwrap_or(*amount);
            }
        }
    }
    let (p, g) = e.amendment.as_ref().unwrap().prognose.unwrap();
    assert_eq!((p, g), (prognose, Grondslag::Prognose { jaar: 2026, kwartaal: 3 }));
    let c = cap(t, "beheer", 2026);
    let text = squeeze(&crate::common::pdf::text(&pack().join("besluitnota-7.pdf")));
    for want in [
        format!("prognose na het derde kwartaal 2026 {}", nl::eur(prognose)),
        format!("{} boven het taakstellend budget 2026", nl::eur(prognose - c)),
        format!("de gewijzigde begroting 2026 wordt {}", nl::eur(amended + all)),
        "Het OGB-B kiest alternatief A".to_string(),
        format!(
            "structureel {} per jaar vanaf 2026 en incidenteel {} in 2026",
            nl::eur(part(Aard::Structureel, None)),
            nl::eur(part(Aard::Incidenteel, None))
        ),
        "Samenhang met agendapunt 2".to_string(),
    ] {
        assert!(text.contains(&want), "`{want}` ontbreekt in besluitnota 7:\n{text}");
    }
}

#[test]
fn a_structural_mutatie_carries_into_the_later_years_of_the_horizon() {
    let mut t = tree().clone();
    let rws = t.years.get_mut(&2026).unwrap().get_mut("rws-obo").unwrap();
    let w = rws.wijzigingen.iter_mut().find(|w| w.nummer.value == 1).unwrap();
    w.regels.iter_mut().find(|m| m.regel.value == "RWS-RTR").unwrap().aard = Aard::Structureel;
    let it = item(&t, 7).clone();
    let e = item_effects(&t, &rollups(&t, &it), &it, PEIL).unwrap();
    let a = &e.alternatives[0];
    assert_eq!((a[0].structureel, a[0].incidenteel), (dec(180_000), dec(120_000)));
    for y in &a[1..] {
        assert_eq!((y.structureel, y.incidenteel), (dec(180_000), dec(0)), "{}", y.jaar);
        // Above the cap already in every later year: the whole 180.000 is the decision's own part.
        assert_eq!(y.eigen_deel, Some(dec(180_000)), "{}", y.jaar);
    }
}
