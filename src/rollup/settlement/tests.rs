//! The closing account against figures the test computes itself: the beheer example of issue 27
//! worked out by hand, and for random caps, keys and realisations that contributions add up to
//! the cap, settlements to the result with its sign and within a cent of their exact share, and
//! the totals per financier to the sum over the perspectives.

use super::*;
use crate::diag::Pos;
use crate::rollup::rollup;
use proptest::prelude::*;
use std::str::FromStr;

fn at<T>(v: T) -> At<T> {
    At::new(v, Pos::START)
}

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

const Y: Year = 2025;

/// A stelsel with one SBO, financiers f0..f(n-1) and perspectives p0..; `caps[i]` is perspective
/// i's cap for Y in cents (`None`: no taakstellend entry) with its key in ten-thousandths of a
/// percent.
fn stelsel(financiers: usize, caps: &[(Option<i64>, Vec<u32>)]) -> Stelsel {
    Stelsel {
        naam: "Test".into(),
        organisaties: vec![Organisatie {
            id: at("sbo".into()),
            naam: "SBO".into(),
            kortenaam: None,
            rol: Rol::Sbo,
            rapporteert_aan: None,
            pos: Pos::START,
        }],
        financiers: (0..financiers).map(|i| Named { id: at(format!("f{i}")), naam: format!("F{i}") }).collect(),
        beleidsdoelen: (0..caps.len())
            .map(|i| Beleidsdoel { id: at(format!("p{i}")), naam: format!("P{i}"), beraad: "OGB-B".into() })
            .collect(),
        componenten: Vec::new(),
        features: None,
        taakstellend: caps
            .iter()
            .enumerate()
            .filter_map(|(i, (cap, key))| {
                Some(Taakstellend {
                    beleidsdoel: at(format!("p{i}")),
                    bedragen: [(Y, at(Money::from_decimal(Decimal::new((*cap)?, 2))))].into_iter().collect(),
                    verdeelsleutel: key
                        .iter()
                        .enumerate()
                        .map(|(f, w)| (at(format!("f{f}")), Decimal::new(i64::from(*w), 4)))
                        .collect(),
                    verdeelsleutel_pos: Pos::START,
                    pos: Pos::START,
                })
            })
            .collect(),
        kalender: Vec::new(),
        normen: Normen::default(),
        weerstandscapaciteit: Default::default(),
    }
}

/// The roll-up of an empty tree over `st`, with realisations and amended budgets set per
/// perspective (cents).
fn rolled(st: &Stelsel, realised: &[i64], amended: &[i64]) -> Rollup {
    let tree = Tree { stelsel: Some(st.clone()), ..Tree::default() };
    let mut r = rollup(&tree, Y, jiff::civil::date(2026, 3, 1));
    for (i, c) in realised.iter().enumerate() {
        r.realised.integral.add(&format!("p{i}"), Y, Money::from_decimal(Decimal::new(*c, 2)));
    }
    for (i, c) in amended.iter().enumerate() {
        r.amended.integral.add(&format!("p{i}"), Y, Money::from_decimal(Decimal::new(*c, 2)));
    }
    r
}

#[test]
fn the_beheer_overrun_of_2025_worked_out_by_hand() {
    // Cap € 40.000.000, realised € 40.004.237,59: a result of € -4.237,59 over 19/70/6/5.
    // Exact cents 80.514,21 / 296.631,3 / 25.425,54 / 21.187,95: the floors leave 2 cents, which
    // go to the largest remainders (uvw ,95 and ipo ,54).
    let st = stelsel(4, &[(Some(4_000_000_000), vec![190_000, 700_000, 60_000, 50_000])]);
    let r = rolled(&st, &[4_000_423_759], &[4_126_900_000]);
    let s = settlement(&st, &r);
    let p = &s.perspectives[0];
    assert_eq!(p.result, dec("-4237.59"));
    let shares: Vec<Decimal> = p.shares.iter().map(|(_, d)| *d).collect();
    assert_eq!(shares, [dec("-805.14"), dec("-2966.31"), dec("-254.26"), dec("-211.88")]);
    let contributions: Vec<Decimal> = p.contributions.iter().map(|(_, d)| *d).collect();
    assert_eq!(contributions, [dec("7600000"), dec("28000000"), dec("2400000"), dec("2000000")]);
    // Against the amended budget of € 41.269.000,00: € 1.264.762,41 under, 3,06…%.
    assert_eq!(s.against_amended[0].result, dec("1264762.41"));
    assert_eq!(s.integral.result, dec("1264762.41"));
    assert_eq!(s.integral.percent.unwrap().round_dp(2), dec("3.06"));
    // The SBO has no begroting here, so it owes no realisation; with a budget it does.
    assert!(s.complete());
    let mut r = r;
    r.amended.own.insert("sbo".into(), crate::rollup::Grid::default());
    assert_eq!(settlement(&st, &r).missing, ["sbo"]);
}

#[test]
fn a_perspective_without_a_cap_is_not_settled_but_counts_against_the_amended_budget() {
    // € 100 over 50/50; realised € 40 and € 70, amended € 90 and € 80 (in cents).
    let st = stelsel(2, &[(Some(10_000), vec![500_000, 500_000]), (None, vec![])]);
    let r = rolled(&st, &[4_000, 7_000], &[9_000, 8_000]);
    let s = settlement(&st, &r);
    assert_eq!(s.perspectives.len(), 1);
    assert_eq!(s.perspectives[0].shares, [("f0".into(), dec("30.00")), ("f1".into(), dec("30.00"))]);
    let results: Vec<Decimal> = s.against_amended.iter().map(|a| a.result).collect();
    assert_eq!(results, [dec("50.00"), dec("10.00")]);
    assert_eq!(s.integral.result, dec("60.00"));
    assert_eq!(s.result(), dec("60.00"));
}

/// Financiers, per perspective its cap (cents) and key, realised and amended amounts (cents).
type Case = (usize, Vec<(Option<i64>, Vec<u32>)>, Vec<i64>, Vec<i64>);

/// Up to 4 perspectives, each with a cap or none and a key over up to 5 financiers (weights of
/// at most 4 decimals, some 0); realised and amended amounts per perspective.
fn case() -> impl Strategy<Value = Case> {
    (1usize..=5, 1usize..=4).prop_flat_map(|(nf, np)| {
        let key = prop::collection::vec(prop_oneof![Just(0u32), 1u32..=1_000_000], nf)
            .prop_filter("a key with some weight", |k| k.iter().any(|w| *w > 0));
        let cap = prop::option::weighted(0.8, 0i64..10_000_000_000_000);
        (
            Just(nf),
            prop::collection::vec((cap, key), np),
            prop::collection::vec(0i64..10_000_000_000_000, np),
            prop::collection::vec(0i64..10_000_000_000_000, np),
        )
    })
}

proptest! {
    #[test]
    fn settlements_add_up_to_each_result_with_its_sign((nf, caps, realised, amended) in case()) {
        let st = stelsel(nf, &caps);
        let r = rolled(&st, &realised, &amended);
        let s = settlement(&st, &r);
        let capped: Vec<usize> = (0..caps.len()).filter(|i| caps[*i].0.is_some()).collect();
        prop_assert_eq!(s.perspectives.len(), capped.len());
        let mut want_contribution = vec![0i128; nf];
        let mut want_settlement = vec![0i128; nf];
        for (p, &i) in s.perspectives.iter().zip(&capped) {
            let (cap, key) = (caps[i].0.unwrap(), &caps[i].1);
            let result = i128::from(cap) - i128::from(realised[i]);
            let weights: i128 = key.iter().map(|w| i128::from(*w)).sum();
            prop_assert_eq!(&p.beleidsdoel, &format!("p{i}"));
            prop_assert_eq!(p.result, Decimal::from_i128_with_scale(result, 2));
            let mut sum_c = 0i128;
            let mut sum_s = 0i128;
            for (f, ((fc, c), (fs, sh))) in p.contributions.iter().zip(&p.shares).enumerate() {
                prop_assert_eq!(fc, &format!("f{f}"));
                prop_assert_eq!(fs, &format!("f{f}"));
                prop_assert_eq!((c.scale(), sh.scale()), (2, 2));
                let (c, sh) = (c.mantissa(), sh.mantissa());
                // Each within a cent of its exact share, never the other way round.
                let w = i128::from(key[f]);
                prop_assert!((c * weights - i128::from(cap) * w).abs() < weights);
                prop_assert!((sh * weights - result * w).abs() < weights);
                prop_assert!(sh == 0 || sh.signum() == result.signum());
                sum_c += c;
                sum_s += sh;
                want_contribution[f] += c;
                want_settlement[f] += sh;
            }
            prop_assert_eq!(sum_c, i128::from(cap));
            prop_assert_eq!(sum_s, result);
        }
        prop_assert_eq!(s.financiers.len(), nf);
        for (f, t) in s.financiers.iter().enumerate() {
            prop_assert_eq!(&t.financier, &format!("f{f}"));
            prop_assert_eq!(t.contribution, Decimal::from_i128_with_scale(want_contribution[f], 2));
            prop_assert_eq!(t.settlement, Decimal::from_i128_with_scale(want_settlement[f], 2));
        }
        let total: i128 = capped.iter().map(|&i| i128::from(caps[i].0.unwrap()) - i128::from(realised[i])).sum();
        prop_assert_eq!(s.result(), Decimal::from_i128_with_scale(total, 2));
        let integral: i128 = (0..caps.len()).map(|i| i128::from(amended[i]) - i128::from(realised[i])).sum();
        prop_assert_eq!(s.integral.result, Decimal::from_i128_with_scale(integral, 2));
    }
}
