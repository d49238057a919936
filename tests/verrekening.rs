//! The closing account of the jaarrekening 2025 ("Resultaat en verrekening", issue 27 item 4,
//! contract §14) on the default data, against figures this test computes from the YAML itself —
//! caps and keys from stelsel.yaml, the amended budget from the begrotingen and the wijzigingen
//! in effect, the realisation from the realisaties, the split by its own largest remainder —
//! never from the library's roll-up: the chapter's tables and the summary of the PDF, the table
//! `verrekening-2025.csv`, and the beslispunten of the default meeting's jaarrekening item.

use crate::board::out;
use crate::common::*;
use jaarcyclus::nl;
use rust_decimal::Decimal;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;
use std::str::FromStr;

/// The default build's reference date: wijzigingen adopted on or before it are in effect.
const PEILDATUM: &str = "2026-11-29";

fn yaml(p: &Path) -> Value {
    serde_saphyr::from_str(&std::fs::read_to_string(p).unwrap()).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// A YAML number as written (serde_json keeps the shortest form that reads back the same,
/// which is the literal for amounts with cents).
fn dec(v: &Value) -> Decimal {
    Decimal::from_str(&v.to_string()).unwrap_or_else(|e| panic!("{v}: {e}"))
}

fn cents(d: Decimal) -> i128 {
    let d = d * Decimal::ONE_HUNDRED;
    assert!(d.fract().is_zero(), "{d}");
    d.trunc().mantissa() / 10i128.pow(d.trunc().scale())
}

fn euros(c: i128) -> Decimal {
    Decimal::from_i128_with_scale(c, 2)
}

/// A capped perspective of 2025 as the stelsel gives it.
struct Capped {
    id: String,
    naam: String,
    cap: i128,
    /// (financier id, percentage in ten-thousandths).
    key: Vec<(String, i128)>,
}

/// Everything of 2025 this test needs, read from `data/`.
struct Data {
    /// (id, naam) in stelsel order.
    financiers: Vec<(String, String)>,
    /// (id, naam) in stelsel order.
    perspectives: Vec<(String, String)>,
    capped: Vec<Capped>,
    /// Realised and amended budget per perspective, in cents.
    realised: BTreeMap<String, i128>,
    amended: BTreeMap<String, i128>,
}

fn data() -> Data {
    let root = root().join("data");
    let st = yaml(&root.join("stelsel.yaml"));
    let pairs = |k: &str| -> Vec<(String, String)> {
        st[k]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| (x["id"].as_str().unwrap().into(), x["naam"].as_str().unwrap().into()))
            .collect()
    };
    let (financiers, perspectives) = (pairs("financiers"), pairs("beleidsdoelen"));
    let capped = st["taakstellend"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| !t["bedragen"]["2025"].is_null())
        .map(|t| {
            let id = t["beleidsdoel"].as_str().unwrap().to_string();
            let naam = perspectives.iter().find(|(p, _)| *p == id).unwrap().1.clone();
            let key = t["verdeelsleutel"]
                .as_object()
                .unwrap()
                .iter()
                .map(|(f, p)| (f.clone(), cents(dec(p) * Decimal::ONE_HUNDRED)))
                .collect();
            Capped { id, naam, cap: cents(dec(&t["bedragen"]["2025"])), key }
        })
        .collect();
    let (mut realised, mut amended) = (BTreeMap::new(), BTreeMap::new());
    for party in std::fs::read_dir(root.join("2025")).unwrap().map(|e| e.unwrap().path()) {
        // Line id → (perspective, amended budget in cents).
        let mut lines: BTreeMap<String, (String, i128)> = BTreeMap::new();
        let b = yaml(&party.join("begroting.yaml"));
        for r in b["regels"].as_array().unwrap() {
            let amount = r["bedragen"].get("2025").map(|v| cents(dec(v))).unwrap_or(0);
            lines.insert(r["id"].as_str().unwrap().into(), (r["beleidsdoel"].as_str().unwrap().into(), amount));
        }
        let mut ws: Vec<Value> = std::fs::read_dir(&party)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with("wijziging-"))
            .map(|p| yaml(&p))
            .collect();
        ws.sort_by_key(|w| w["nummer"].as_i64().unwrap());
        for w in ws.iter().filter(|w| w["vastgesteld_op"].as_str().is_some_and(|d| d <= PEILDATUM)) {
            for m in w["regels"].as_array().unwrap() {
                let id = m["regel"].as_str().unwrap().to_string();
                let line = lines.entry(id).or_insert_with(|| (m["beleidsdoel"].as_str().unwrap().into(), 0));
                line.1 += cents(dec(&m["mutatie"]));
            }
        }
        for (p, a) in lines.values() {
            *amended.entry(p.clone()).or_insert(0) += a;
        }
        let r = yaml(&party.join("realisatie.yaml"));
        for x in r["regels"].as_array().unwrap() {
            let p = &lines[x["regel"].as_str().unwrap()].0;
            *realised.entry(p.clone()).or_insert(0) += cents(dec(&x["bedrag"]));
        }
    }
    Data { financiers, perspectives, capped, realised, amended }
}

/// `total` cents over `key` by largest remainder (ties to the first in the key), each share with
/// the sign of `total`; in key order.
fn split(total: i128, key: &[(String, i128)]) -> Vec<(String, i128)> {
    let sum: i128 = key.iter().map(|(_, w)| w).sum();
    let abs = total.abs();
    let mut shares: Vec<i128> = key.iter().map(|(_, w)| abs * w / sum).collect();
    let mut order: Vec<usize> = (0..key.len()).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(abs * key[i].1 % sum), i));
    let left = abs - shares.iter().sum::<i128>();
    for &i in order.iter().take(left as usize) {
        shares[i] += 1;
    }
    key.iter().zip(shares).map(|((f, _), s)| (f.clone(), s * total.signum())).collect()
}

fn richting(c: i128) -> &'static str {
    match c.signum() {
        1 => "terugbetalen",
        -1 => "nog te ontvangen",
        _ => "niets te verrekenen",
    }
}

fn oordeel(c: i128, equal: &str) -> String {
    match c.signum() {
        1 => "onderbesteding".into(),
        -1 => "overschrijding".into(),
        _ => equal.into(),
    }
}

fn rows_of(pdf: &Path) -> Vec<String> {
    pdf::rows(pdf).iter().map(|l| squeeze(l)).collect()
}

/// A table row that starts with the first word of `name` (a long name wraps in its cell) and
/// ends with `rest`.
fn has_row(rows: &[String], name: &str, rest: &str) -> bool {
    let first = name.split(' ').next().unwrap();
    rows.iter().any(|l| l.starts_with(first) && l.ends_with(rest))
}

#[test]
fn the_jaarrekening_settles_each_result_with_the_financiers() {
    let d = data();
    let pdf = out().join("2025/jaarrekening-2025.pdf");
    let rows = rows_of(&pdf);
    let fin_name = |f: &str| d.financiers.iter().find(|(i, _)| i == f).unwrap().1.clone();
    // The issue's own case: beheer overruns its cap by € 4.237,59.
    let beheer = d.capped.iter().find(|c| c.id == "beheer").unwrap();
    assert_eq!(beheer.cap - d.realised["beheer"], -423_759, "the default data's beheer overrun");
    let mut totals: BTreeMap<String, (i128, i128)> = BTreeMap::new();
    for c in &d.capped {
        let real = d.realised.get(&c.id).copied().unwrap_or(0);
        let result = c.cap - real;
        let contributions = split(c.cap, &c.key);
        let shares = split(result, &c.key);
        assert_eq!(shares.iter().map(|(_, s)| s).sum::<i128>(), result, "{}", c.id);
        assert_eq!(contributions.iter().map(|(_, s)| s).sum::<i128>(), c.cap, "{}", c.id);
        // The result against the cap.
        let want = format!(
            "{} {} {} {}",
            nl::eur(euros(c.cap)),
            nl::eur(euros(real)),
            nl::eur(euros(result)),
            oordeel(result, "gelijk aan het budget")
        );
        assert!(has_row(&rows, &c.naam, &want), "{} … {want} not in\n{rows:#?}", c.naam);
        // Each financier's contribution and settlement in the perspective's own table.
        for ((f, w), ((_, contribution), (_, share))) in c.key.iter().zip(contributions.iter().zip(&shares)) {
            let p = Decimal::new(*w as i64, 4).normalize();
            let pct = nl::number(p, p.scale());
            let want = format!(
                "{pct}% {} {} {}",
                nl::eur_cents(euros(*contribution)),
                nl::eur_cents(euros(*share)),
                richting(*share)
            );
            assert!(has_row(&rows, &fin_name(f), &want), "{f} {want} not in\n{rows:#?}");
            let t = totals.entry(f.clone()).or_default();
            t.0 += share;
            t.1 += contribution;
        }
    }
    // Per financier over all perspectives: each perspective's share, the balance, the direction.
    for (f, naam) in &d.financiers {
        let per: Vec<String> = d
            .capped
            .iter()
            .map(|c| {
                let shares = split(c.cap - d.realised.get(&c.id).copied().unwrap_or(0), &c.key);
                nl::eur_cents(euros(shares.iter().find(|(g, _)| g == f).map_or(0, |(_, s)| *s)))
            })
            .collect();
        let saldo = totals.get(f).map_or(0, |t| t.0);
        let want = format!("{} {} {}", per.join(" "), nl::eur_cents(euros(saldo)), richting(saldo));
        assert!(has_row(&rows, naam, &want), "{naam} {want} not in\n{rows:#?}");
    }
    // Against the amended budget, per perspective and integral.
    let pct = |result: i128, budget: i128| {
        nl::percent(Decimal::from_i128_with_scale(result * 100, 0) / Decimal::from_i128_with_scale(budget, 0))
    };
    for (p, naam) in &d.perspectives {
        let (a, r) = (d.amended.get(p).copied().unwrap_or(0), d.realised.get(p).copied().unwrap_or(0));
        let want = format!(
            "{} {} {} {} {}",
            nl::eur(euros(a)),
            nl::eur(euros(r)),
            nl::eur(euros(a - r)),
            pct(a - r, a),
            oordeel(a - r, "gelijk aan de begroting")
        );
        assert!(has_row(&rows, naam, &want), "{naam} {want} not in\n{rows:#?}");
    }
    let (a, r): (i128, i128) = (d.amended.values().sum(), d.realised.values().sum());
    let want =
        format!("Integraal {} {} {} {}", nl::eur(euros(a)), nl::eur(euros(r)), nl::eur(euros(a - r)), pct(a - r, a));
    assert!(rows.iter().any(|l| l.starts_with(&want)), "{want} not in\n{rows:#?}");
    // The figure: beheer is € 1.269.237,59 (3,3%) over its amended budget.
    assert_eq!(d.amended["beheer"] - d.realised["beheer"], -126_923_759);

    // The summary: a key figure with the net result and a point per financier.
    let t = squeeze(&pdf::text(&pdf));
    let net: i128 = d.capped.iter().map(|c| c.cap - d.realised.get(&c.id).copied().unwrap_or(0)).sum();
    assert!(net > 0, "the default data returns money to the financiers on balance");
    // (The key figures stand in a grid: the text runs across its cells line by line.)
    assert!(t.contains("Terug te betalen aan de") && t.contains(&nl::mln(euros(net))), "{t}");
    assert!(t.contains(&nl::eur(euros(net))), "the exact net result");
    let back: Vec<String> = d
        .financiers
        .iter()
        .filter(|(f, _)| totals.get(f).is_some_and(|t| t.0 > 0))
        .map(|(f, n)| format!("aan {n} {}", nl::eur_cents(euros(totals[f].0))))
        .collect();
    assert!(!back.is_empty());
    for b in &back {
        assert!(t.contains(b), "`{b}` not in the summary:\n{t}");
    }
    assert!(t.contains("Resultaat en verrekening"), "the chapter");
    assert!(pdf::bookmarks(&pdf).iter().any(|b| b.contains("Resultaat en verrekening")), "in the outline");

    // The table beside the PDF: one row per financier with its totals (exact, decimal comma).
    let csv = std::fs::read_to_string(out().join("2025/tabellen/verrekening-2025.csv")).unwrap();
    for (f, _) in &d.financiers {
        let (s, c) = totals.get(f).copied().unwrap_or_default();
        let comma = |x: i128| euros(x).to_string().replace('.', ",");
        let want = format!("financier;;{f};;;;;;{};{};", comma(c), comma(s));
        assert!(csv.lines().any(|l| l == want), "{want} not in\n{csv}");
    }
}

#[test]
fn the_meeting_settles_beheer_with_each_financier() {
    let d = data();
    let beheer = d.capped.iter().find(|c| c.id == "beheer").unwrap();
    let result = beheer.cap - d.realised["beheer"];
    let shares = split(result, &beheer.key);
    assert!(shares.iter().all(|(_, s)| *s < 0), "every financier still owes its part of the overrun");
    let names: Vec<String> = d
        .financiers
        .iter()
        .map(|(f, n)| format!("{n} {}", nl::eur_cents(euros(-shares.iter().find(|(g, _)| g == f).unwrap().1))))
        .collect();
    let t = squeeze(&pdf::text(&out().join("vergaderingen/2026-12-10-ogb-b/besluitnota-3.pdf")));
    for want in [
        "Het OGB-B stelt het stuk Jaarrekening en verantwoording 2025 vast voor zover het over Beheer".to_string(),
        format!("{} boven het taakstellend budget", nl::eur(euros(-result))),
        format!("nog te ontvangen van {}, van {}, van {} en van {}", names[0], names[1], names[2], names[3]),
    ] {
        assert!(t.contains(&want), "`{want}` not in the note:\n{t}");
    }
}

/// Runs `stukken` for the fixture meeting of 15 June 2026 over the base fixture with `case` laid
/// over it (none: the base itself), and returns the text of besluitnota 1.
fn fixture_note(case: Option<&str>) -> String {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    match case {
        Some(c) => case_tree(&root().join("tests/fixtures/stukken").join(c), &data),
        None => copy_tree(&root().join("tests/fixtures/base"), &data),
    }
    let (meeting, out) = (data.join("vergaderingen/2026-06-15-ogb-b.yaml"), dir.path().join("out"));
    let o = run(&[
        "stukken",
        meeting.to_str().unwrap(),
        "--data",
        data.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--peildatum",
        "2026-06-01",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    squeeze(&pdf::text(&out.join("vergaderingen/2026-06-15-ogb-b/besluitnota-1.pdf")))
}

/// A jaarrekening item without a perspective settles each financier's total over all of them;
/// while a party's realisation is missing, it settles nothing yet.
#[test]
fn a_jaarrekening_item_settles_the_totals_over_all_perspectives() {
    // Worked out by hand: beheer is the only perspective with a cap (€ 5.000.000, 19/70/6/5);
    // realised 2 × 1.310.450,25 + 1.180.000,01 + 60.000 = 3.860.900,51, a result of
    // 1.139.099,49 under the cap. Exact cents 21.642.890,31 / 79.736.964,3 / 6.834.596,94 /
    // 5.695.497,45: the floors leave 2 cents, for IPO (,94) and UvW (,45).
    let t = fixture_note(Some("jaarrekening"));
    for want in [
        "Het OGB-B stelt het stuk Jaarrekening en verantwoording 2025 vast.",
        "Het OGB-B stelt het resultaat 2025 vast: Beheer en doorontwikkeling basisniveau € 1.139.099,49 onder het \
         taakstellend budget; per saldo € 1.139.099,49 onder de taakstellende budgetten.",
        "Het OGB-B verrekent het resultaat met de financiers, per financier over alle beleidsdoelen samen: \
         terugbetalen aan Rijk € 216.428,90, aan VNG € 797.369,64, aan IPO € 68.345,97 en aan UvW € 56.954,98.",
    ] {
        assert!(t.contains(want), "`{want}` not in the note:\n{t}");
    }
    // The base fixture: Kadaster (TBO) has a budget for 2025 but no realisation.
    let t = fixture_note(None);
    let want = "De verrekening met de financiers over 2025 wordt vastgesteld zodra de realisatie van Kadaster (TBO) is \
                aangeleverd.";
    assert!(t.contains(want), "`{want}` not in the note:\n{t}");
}
