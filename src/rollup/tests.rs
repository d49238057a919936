//! Tests of the roll-up: allocation examples and properties, the tree, sums at every level.

use super::*;
use crate::diag::Pos;
use proptest::prelude::*;
use rust_decimal::Decimal;
use std::str::FromStr;

fn at<T>(v: T) -> At<T> {
    At::new(v, Pos::START)
}

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn key(entries: &[(&str, &str)]) -> Vec<(String, Decimal)> {
    entries.iter().map(|(f, p)| (f.to_string(), dec(p))).collect()
}

fn names(ids: &[&str]) -> Vec<String> {
    ids.iter().map(|s| s.to_string()).collect()
}

fn named(id: &str) -> Named {
    Named { id: at(id.to_string()), naam: id.to_uppercase() }
}

/// A stelsel with parties `(id, rol, parent)`, perspectives a/b/c, a cap on `a` only.
fn stelsel(orgs: &[(&str, Rol, Option<&str>)]) -> Stelsel {
    Stelsel {
        naam: "Test".into(),
        organisaties: orgs
            .iter()
            .map(|(id, rol, p)| Organisatie {
                id: at(id.to_string()),
                naam: format!("Partij {id}"),
                kortenaam: None,
                rol: *rol,
                rapporteert_aan: p.map(|p| at(p.to_string())),
                pos: Pos::START,
            })
            .collect(),
        financiers: ["rijk", "vng", "ipo", "uvw"].into_iter().map(named).collect(),
        beleidsdoelen: ["a", "b", "c"]
            .into_iter()
            .map(|p| Beleidsdoel { id: at(p.into()), naam: p.into(), beraad: "OGB-B".into() })
            .collect(),
        componenten: vec![named("comp")],
        features: None,
        taakstellend: vec![Taakstellend {
            beleidsdoel: at("a".into()),
            bedragen: [(2027, at(Money::from_euros(1000)))].into_iter().collect(),
            verdeelsleutel: vec![
                (at("rijk".into()), dec("19")),
                (at("vng".into()), dec("70")),
                (at("ipo".into()), dec("6")),
                (at("uvw".into()), dec("5")),
            ],
            verdeelsleutel_pos: Pos::START,
            pos: Pos::START,
        }],
        kalender: Vec::new(),
        normen: Normen::default(),
        weerstandscapaciteit: BTreeMap::new(),
    }
}

fn header(org: &str, y: Year) -> Header {
    Header { organisatie: at(org.into()), jaar: at(y), status: Status::Definitief, ingediend_op: None }
}

/// A budget line `(perspective, cents per year offset 0..3)`.
fn regel(i: usize, p: &str, cents: &[Option<i64>]) -> Regel {
    let bedragen = cents
        .iter()
        .enumerate()
        .filter_map(|(k, c)| c.map(|c| (2027 + k as Year, at(Money::from_decimal(Decimal::new(c, 2))))))
        .collect();
    Regel {
        id: at(format!("L{i}")),
        omschrijving: format!("regel {i}"),
        beleidsdoel: at(p.into()),
        component: at("comp".into()),
        kostensoort: Kostensoort::Personeel,
        feature: None,
        resultaten: Vec::new(),
        aard: if i.is_multiple_of(3) { Aard::Incidenteel } else { Aard::Structureel },
        bedragen,
        jaren: BTreeMap::new(),
        bedragen_pos: Pos::START,
        bedragen_invalid: false,
    }
}

fn tree(st: Stelsel, lines: &[(usize, Regel)]) -> Tree {
    let mut subs: BTreeMap<String, Submission> = BTreeMap::new();
    for (party, r) in lines {
        let id = st.organisaties[*party].id.value.clone();
        let sub = subs.entry(id.clone()).or_default();
        let b = sub.begroting.get_or_insert_with(|| Begroting {
            file: format!("2027/{id}/begroting.yaml"),
            header: header(&id, 2027),
            regels: Vec::new(),
            alternatieven: Vec::new(),
            alternatieven_pos: Pos::START,
        });
        b.regels.push(r.clone());
    }
    Tree { stelsel: Some(st), years: [(2027, subs)].into_iter().collect(), ..Tree::default() }
}

#[test]
fn allocates_the_beheer_example() {
    let k = key(&[("rijk", "19"), ("vng", "70"), ("ipo", "6"), ("uvw", "5")]);
    let got = allocate(dec("2500000"), &k, &names(&["rijk", "vng", "ipo", "uvw"]));
    let want = key(&[("rijk", "475000.00"), ("vng", "1750000.00"), ("ipo", "150000.00"), ("uvw", "125000.00")]);
    assert_eq!(got, want);
}

#[test]
fn ties_go_to_the_first_listed_in_the_key() {
    let k = key(&[("vng", "50"), ("rijk", "50")]);
    let got = allocate(dec("0.01"), &k, &names(&["rijk", "vng", "ipo"]));
    assert_eq!(got, key(&[("rijk", "0.00"), ("vng", "0.01"), ("ipo", "0.00")]));
    let got = allocate(dec("-0.01"), &k, &names(&["rijk", "vng", "ipo"]));
    assert_eq!(got, key(&[("rijk", "0.00"), ("vng", "-0.01"), ("ipo", "0.00")]));
}

#[test]
fn largest_remainder_beats_order() {
    // 1 cent over 33.3333 / 66.6667: exact 0.333333 and 0.666667 cent → the second gets it.
    let k = key(&[("rijk", "33.3333"), ("vng", "66.6667")]);
    let got = allocate(dec("0.01"), &k, &names(&["rijk", "vng"]));
    assert_eq!(got, key(&[("rijk", "0.00"), ("vng", "0.01")]));
    let got = allocate(dec("1.00"), &k, &names(&["rijk", "vng"]));
    assert_eq!(got, key(&[("rijk", "0.33"), ("vng", "0.67")]));
}

#[test]
fn unknown_key_financier_is_kept_so_the_sum_holds() {
    let k = key(&[("rijk", "50"), ("koop", "50")]);
    let got = allocate(dec("10"), &k, &names(&["rijk", "vng"]));
    assert_eq!(got, key(&[("rijk", "5.00"), ("vng", "0.00"), ("koop", "5.00")]));
}

#[test]
fn org_tree_orders_and_flags() {
    let st = stelsel(&[
        ("sbo", Rol::Sbo, None),
        ("obo2", Rol::Obo, Some("sbo")),
        ("tbo", Rol::Tbo, Some("sbo")),
        ("obo1", Rol::Obo, Some("tbo")),
        ("sub", Rol::Obo, Some("obo1")),
    ]);
    let org = OrgTree::new(&st);
    let order: Vec<(&str, usize, bool)> = org.nodes.iter().map(|n| (n.id.as_str(), n.depth, n.buiten_lijn)).collect();
    assert_eq!(order, [("sbo", 0, false), ("obo2", 1, true), ("tbo", 1, false), ("obo1", 2, false), ("sub", 3, true)]);
    assert_eq!(org.descendants("tbo"), ["obo1", "sub"]);
    assert_eq!(org.descendants("sbo"), ["obo2", "tbo", "obo1", "sub"]);
}

#[test]
fn cycles_do_not_hang_and_lose_nothing() {
    let st = stelsel(&[("sbo", Rol::Sbo, None), ("x", Rol::Obo, Some("y")), ("y", Rol::Tbo, Some("x"))]);
    let org = OrgTree::new(&st);
    assert_eq!(org.nodes.len(), 3);
    assert_eq!(org.descendants("x"), ["y"]);
}

#[test]
fn caps_gap_and_room() {
    let st = stelsel(&[("sbo", Rol::Sbo, None), ("tbo", Rol::Tbo, Some("sbo"))]);
    let t = tree(
        st,
        &[
            (0, regel(1, "a", &[Some(60_000), Some(10)])),
            (1, regel(2, "a", &[Some(65_000)])),
            (1, regel(3, "b", &[Some(1)])),
        ],
    );
    let r = rollup(&t, 2027, jiff::civil::date(2026, 11, 29));
    let a = r.cap("a").unwrap();
    assert_eq!(a.jaren[0].request, Money::from_euros(1250));
    assert_eq!(a.jaren[0].difference, Some(dec("250")));
    assert!(a.jaren[0].over());
    assert_eq!(a.jaren[0].allocation, key(&[("rijk", "47.50"), ("vng", "175.00"), ("ipo", "15.00"), ("uvw", "12.50")]));
    assert_eq!(a.jaren[1].cap, None);
    assert!(a.jaren[1].allocation.is_empty());
    assert_eq!(r.cap("b").unwrap().jaren[0].difference, None);
    assert_eq!(r.budget(2027), Some(Money::from_euros(1000)));
    assert_eq!(r.consolidated["sbo"].year(2027), r.integral.year(2027));
    assert_eq!(r.consolidated["tbo"].total(), r.own["tbo"].total());
    // The check's request agrees with the roll-up.
    assert_eq!(crate::check::budget::request(&t, 2027, "a"), a.jaren[0].request);
}

/// Parent indexes: party i > 0 reports to some party before it.
fn org_strategy() -> impl Strategy<Value = Vec<(Rol, usize)>> {
    (1usize..8).prop_flat_map(|n| {
        let parts: Vec<_> = (1..n).map(|i| (prop_oneof![Just(Rol::Tbo), Just(Rol::Obo)], 0..i)).collect();
        parts.prop_map(|v| std::iter::once((Rol::Sbo, 0)).chain(v).collect::<Vec<_>>())
    })
}

fn line_strategy(parties: usize) -> impl Strategy<Value = Vec<(usize, usize, Vec<Option<i64>>)>> {
    let amount = prop::option::weighted(0.8, 0i64..100_000_000_000);
    prop::collection::vec((0..parties, 0usize..3, prop::collection::vec(amount, 4)), 0..20)
}

fn build(orgs: &[(Rol, usize)], lines: &[(usize, usize, Vec<Option<i64>>)]) -> Tree {
    let ids: Vec<String> = (0..orgs.len()).map(|i| format!("p{i}")).collect();
    let spec: Vec<(&str, Rol, Option<&str>)> = orgs
        .iter()
        .enumerate()
        .map(|(i, (rol, p))| (ids[i].as_str(), *rol, (i > 0).then(|| ids[*p].as_str())))
        .collect();
    let regels: Vec<(usize, Regel)> =
        lines.iter().enumerate().map(|(i, (party, p, c))| (*party, regel(i, ["a", "b", "c"][*p], c))).collect();
    tree(stelsel(&spec), &regels)
}

proptest! {
    #[test]
    fn parts_sum_to_the_whole_at_every_level((orgs, lines) in org_strategy().prop_flat_map(|o| { let n = o.len(); (Just(o), line_strategy(n)) })) {
        let t = build(&orgs, &lines);
        let r = rollup(&t, 2027, jiff::civil::date(2026, 11, 29));
        // Party j lies under party i when i is on j's chain of parents.
        let under = |i: usize, j: usize| { let mut k = j; while k != 0 { k = orgs[k].1; if k == i { return true; } } false };
        for i in 0..orgs.len() {
            let mut subtree = r.own[&format!("p{i}")].clone();
            for j in (0..orgs.len()).filter(|j| under(i, *j)) {
                subtree.merge(&r.own[&format!("p{j}")]);
            }
            prop_assert_eq!(&r.consolidated[&format!("p{i}")], &subtree);
        }
        prop_assert_eq!(&r.consolidated["p0"], &r.integral);
        for y in 2027..=2030 {
            for (pi, p) in ["a", "b", "c"].iter().enumerate() {
                let cents: i64 = lines.iter().filter(|l| l.1 == pi).map(|l| l.2[(y - 2027) as usize].unwrap_or(0)).sum();
                prop_assert_eq!(r.integral.get(p, y).decimal(), Decimal::new(cents, 2));
                let parties: Money = r.own.values().map(|g| g.get(p, y)).sum();
                prop_assert_eq!(parties, r.integral.get(p, y));
                prop_assert_eq!(r.cap(p).unwrap().jaren[(y - 2027) as usize].request, r.integral.get(p, y));
                // The structural part: the lines `regel` makes incidental are every third (i % 3 == 0).
                let structural: i64 = lines
                    .iter()
                    .enumerate()
                    .filter(|(i, l)| l.1 == pi && i % 3 != 0)
                    .map(|(_, l)| l.2[(y - 2027) as usize].unwrap_or(0))
                    .sum();
                prop_assert_eq!(r.structureel.integral.get(p, y).decimal(), Decimal::new(structural, 2));
                let own: Money = r.structureel.own.values().map(|g| g.get(p, y)).sum();
                prop_assert_eq!(own, r.structureel.integral.get(p, y));
                prop_assert_eq!(r.structureel.consolidated["p0"].get(p, y), r.structureel.integral.get(p, y));
            }
        }
    }

    #[test]
    fn allocation_sums_to_the_cent_and_stays_within_a_cent(cents in -1_000_000_000_000i64..1_000_000_000_000, cuts in prop::collection::vec(0u32..=1_000_000, 0..6)) {
        let mut cuts = cuts;
        cuts.sort();
        let mut weights = Vec::new();
        let mut last = 0;
        for c in cuts.iter().chain(std::iter::once(&1_000_000)) {
            weights.push(c - last);
            last = *c;
        }
        let k: Vec<(String, Decimal)> = weights.iter().enumerate().map(|(i, w)| (format!("f{i}"), Decimal::new(*w as i64, 4))).collect();
        let fin: Vec<String> = k.iter().map(|(f, _)| f.clone()).rev().collect();
        let total = Decimal::new(cents, 2);
        let got = allocate(total, &k, &fin);
        prop_assert_eq!(got.iter().map(|(_, d)| *d).sum::<Decimal>(), total);
        for (f, share) in &got {
            let w = weights[f[1..].parse::<usize>().unwrap()] as i128;
            prop_assert_eq!(share.scale(), 2);
            let share_cents = share.mantissa();
            prop_assert!((share_cents * 1_000_000 - cents as i128 * w).abs() < 1_000_000);
        }
        let neg = allocate(-total, &k, &fin);
        for ((f1, a), (f2, b)) in got.iter().zip(&neg) {
            prop_assert_eq!(f1, f2);
            prop_assert_eq!(*a, -*b);
        }
    }

    #[test]
    fn equal_weights_give_the_extra_cents_to_the_first(cents in 0i64..1_000_000, n in prop::sample::select(vec![2usize, 4, 5, 8, 10])) {
        let k: Vec<(String, Decimal)> = (0..n).map(|i| (format!("f{i}"), Decimal::from(100) / Decimal::from(n))).collect();
        let fin: Vec<String> = k.iter().map(|(f, _)| f.clone()).collect();
        let got = allocate(Decimal::new(cents, 2), &k, &fin);
        let base = cents / n as i64;
        for (i, (_, share)) in got.iter().enumerate() {
            let want = base + i64::from((i as i64) < cents % n as i64);
            prop_assert_eq!(*share, Decimal::new(want, 2));
        }
    }
}
