//! What a Dutch board expects (issue 27, contract v4 §14): structural and incidental, and the
//! risks weighted against the weerstandscapaciteit. Every figure is recomputed here from the
//! YAML of the default data — read as plain YAML values, summed in whole cents, rounded by hand —
//! and compared with what the documents and tables next to them show.

use crate::board::out;
use crate::common::pdf;
use crate::common::*;
use std::collections::BTreeMap;

/// A YAML file of the default data as plain values.
fn yaml(rel: &str) -> serde_json::Value {
    let text = std::fs::read_to_string(root().join("data").join(rel)).unwrap();
    serde_saphyr::from_str(&text).unwrap()
}

/// An amount as whole cents (amounts in the data have at most two decimals).
fn cents(v: &serde_json::Value) -> i64 {
    let s = match v {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    let frac = format!("{frac:0<2}");
    int.parse::<i64>().unwrap() * 100 + frac[..2].parse::<i64>().unwrap()
}

/// Whole cents the Dutch way, as the documents write them: `€ 1.234.567` or `€ 1.234,50`.
fn eur(c: i64) -> String {
    let neg = c < 0;
    let c = c.abs();
    let whole = (c / 100).to_string();
    let mut grouped = String::new();
    for (i, ch) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            grouped.push('.');
        }
        grouped.push(ch);
    }
    let sign = if neg { "-" } else { "" };
    if c % 100 == 0 { format!("€ {sign}{grouped}") } else { format!("€ {sign}{grouped},{:02}", c % 100) }
}

fn parties() -> Vec<String> {
    let st = yaml("stelsel.yaml");
    st["organisaties"].as_array().unwrap().iter().map(|o| o["id"].as_str().unwrap().to_string()).collect()
}

/// Structural and incidental cents per (perspective, year) over every begroting of `y`.
fn split(y: i32) -> BTreeMap<(String, i64), (i64, i64)> {
    let mut out: BTreeMap<(String, i64), (i64, i64)> = BTreeMap::new();
    for p in parties() {
        let path = format!("{y}/{p}/begroting.yaml");
        if !root().join("data").join(&path).exists() {
            continue;
        }
        for r in yaml(&path)["regels"].as_array().unwrap() {
            let incidental = r.get("aard").and_then(|a| a.as_str()) == Some("incidenteel");
            for (jaar, v) in r["bedragen"].as_object().unwrap() {
                let cell =
                    out.entry((r["beleidsdoel"].as_str().unwrap().to_string(), jaar.parse().unwrap())).or_default();
                if incidental {
                    cell.1 += cents(v);
                } else {
                    cell.0 += cents(v);
                }
            }
        }
    }
    out
}

/// The cap in cents per (perspective, year).
fn caps() -> BTreeMap<(String, i64), i64> {
    let st = yaml("stelsel.yaml");
    let mut out = BTreeMap::new();
    for t in st["taakstellend"].as_array().unwrap() {
        for (jaar, v) in t["bedragen"].as_object().unwrap() {
            out.insert((t["beleidsdoel"].as_str().unwrap().to_string(), jaar.parse().unwrap()), cents(v));
        }
    }
    out
}

fn document(rel: &str) -> String {
    squeeze(&pdf::text(&out().join(rel)))
}

#[test]
fn the_meerjarenplan_splits_each_perspective_into_structural_and_incidental_beside_the_cap() {
    let split = split(2027);
    let caps = caps();
    let text = document("2027/meerjarenplan-2027-2030.pdf");
    let st = yaml("stelsel.yaml");
    let name = |id: &str| {
        st["beleidsdoelen"].as_array().unwrap().iter().find(|b| b["id"] == id).unwrap()["naam"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert!(text.contains("Structureel en incidenteel"), "the chapter is there");
    let mut shortfalls = 0;
    for ((p, y), (s, i)) in &split {
        if *y > 2030 {
            continue;
        }
        // The chapter's table row for this perspective and year: structural, incidental, total.
        let row = format!(
            "{y} {} {} {} {}",
            caps.get(&(p.clone(), *y)).map_or("—".into(), |c| eur(*c)),
            eur(*s),
            eur(*i),
            eur(s + i)
        );
        assert!(text.contains(&row), "{p} {y}: expected the row `{row}`");
        if let Some(c) = caps.get(&(p.clone(), *y))
            && s > c
        {
            shortfalls += 1;
            assert!(text.contains(&format!(
                "{y} {} {} {} {} tekort {}",
                eur(*c),
                eur(*s),
                eur(*i),
                eur(s + i),
                eur(s - c)
            )));
            // And the summary names it, per year, in the sentence about the perspective.
            let sentence =
                format!("Het structurele deel van de begroting voor {} ligt boven het taakstellend budget", name(p));
            assert!(text.contains(&sentence), "{sentence}");
            assert!(text.contains(&format!("{} in {y}", eur(s - c))), "{p} {y}");
        }
    }
    // The example: beheer's structural shortfall over 2028–2030 is on the first pages.
    assert!(shortfalls >= 3, "the default data has a structural shortfall on beheer");
    let first_pages: String = pdf::page_rows(&out().join("2027/meerjarenplan-2027-2030.pdf"))
        .iter()
        .take(4)
        .flatten()
        .cloned()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(squeeze(&first_pages).contains("Structureel tekort"), "a key figure on the first pages");
}

#[test]
fn the_jaarplan_states_the_split_of_y_in_its_summary_and_the_tables_carry_aard() {
    let split = split(2027);
    let (s, i): (i64, i64) =
        split.iter().filter(|((_, y), _)| *y == 2027).fold((0, 0), |(a, b), (_, (s, i))| (a + s, b + i));
    assert!(i > 0, "the default data has incidental lines");
    let text = document("2027/jaarplan-2027.pdf");
    let sentence =
        format!("Van de begroting 2027 ({}) is {} structureel en {} incidenteel.", eur(s + i), eur(s), eur(i));
    assert!(text.contains(&sentence), "{sentence}");
    // The CSV of the budget lines carries each line's aard as the begroting gives it.
    let (header, rows) = csv("2027/tabellen/begrotingsregels-2027.csv");
    let (regel, aard) = (
        header.iter().position(|h| h == "regel").unwrap(),
        header.iter().position(|h| h == "aard").expect("an aard column"),
    );
    let kinds: BTreeMap<String, String> = rows.iter().map(|r| (r[regel].clone(), r[aard].clone())).collect();
    let mut incidental = 0;
    for p in parties() {
        let path = format!("2027/{p}/begroting.yaml");
        if !root().join("data").join(&path).exists() {
            continue;
        }
        for r in yaml(&path)["regels"].as_array().unwrap() {
            let want = r.get("aard").and_then(|a| a.as_str()).unwrap_or("structureel");
            incidental += usize::from(want == "incidenteel");
            assert_eq!(kinds[r["id"].as_str().unwrap()], want, "{}", r["id"]);
        }
    }
    assert!(incidental >= 3);
}

/// Every risk of the plans of `y`: (party, omschrijving, perspective, kans, amount in cents).
type Risk = (String, String, Option<String>, String, Option<i64>);

fn risks(y: i32) -> Vec<Risk> {
    let mut out = Vec::new();
    for p in parties() {
        let path = format!("{y}/{p}/plan.yaml");
        if !root().join("data").join(&path).exists() {
            continue;
        }
        for r in yaml(&path)["risicos"].as_array().into_iter().flatten() {
            out.push((
                p.clone(),
                r["omschrijving"].as_str().unwrap().to_string(),
                r.get("beleidsdoel").and_then(|b| b.as_str()).map(str::to_string),
                r["kans"].as_str().unwrap().to_string(),
                r.get("bedrag").map(cents),
            ));
        }
    }
    out
}

/// Cents × whole percent ÷ 100, half away from zero (the data's chances are whole percents).
fn weighted(c: i64, pct: i64) -> i64 {
    (c * pct + 50).div_euclid(100)
}

fn chance(class: &str) -> i64 {
    let st = yaml("stelsel.yaml");
    st["normen"]["kans"][class].as_i64().unwrap()
}

/// Capacity ÷ weighted with two decimals, half away from zero, and the class of the exact ratio.
fn ratio(capacity: i64, weighted: i64) -> (String, &'static str) {
    let hundredths = (capacity * 100 * 2 + weighted).div_euclid(2 * weighted);
    let shown = format!("{},{:02}", hundredths / 100, hundredths % 100);
    // The class from the exact ratio: compare capacity × 10 with weighted × tenths.
    let at_least = |tenths: i64| capacity * 10 >= weighted * tenths;
    let class = [(20, "A"), (14, "B"), (10, "C"), (8, "D"), (6, "E")]
        .into_iter()
        .find(|(t, _)| at_least(*t))
        .map_or("F", |(_, k)| k);
    (shown, class)
}

fn check_risk_section(text: &str, y: i32) {
    let all = risks(y);
    let total: i64 = all.iter().filter_map(|r| r.4.map(|c| weighted(c, chance(&r.3)))).sum();
    let exposure: i64 = all.iter().filter_map(|r| r.4).sum();
    assert!(text.contains("Risico's en weerstandsvermogen"));
    assert!(
        text.contains(&format!(
            "met samen {} aan financieel risico; gewogen naar kans is dat {}.",
            eur(exposure),
            eur(total)
        )),
        "{y}: exposure {} weighted {}",
        eur(exposure),
        eur(total)
    );
    // Per perspective: count, exposure, weighted.
    let st = yaml("stelsel.yaml");
    for b in st["beleidsdoelen"].as_array().unwrap() {
        let mine: Vec<&Risk> = all.iter().filter(|r| r.2.as_deref() == b["id"].as_str()).collect();
        if mine.is_empty() {
            continue;
        }
        let e: i64 = mine.iter().filter_map(|r| r.4).sum();
        let w: i64 = mine.iter().filter_map(|r| r.4.map(|c| weighted(c, chance(&r.3)))).sum();
        let without = mine.iter().filter(|r| r.4.is_none()).count();
        let n = if without > 0 { format!("{} ({without} zonder bedrag)", mine.len()) } else { mine.len().to_string() };
        // A long name wraps in its cell, so the name and the figures are looked up apart.
        let row = format!("{n} {} {}", eur(e), eur(w));
        assert!(text.contains(&row), "{y}: {}: `{row}`", b["naam"]);
    }
    // The weerstandsvermogen where the stelsel gives a capacity for the year.
    let cap = cents(&st["weerstandscapaciteit"][y.to_string()]);
    let (shown, class) = ratio(cap, total);
    let sentence = format!("een ratio van {shown}, klasse {class}");
    assert!(text.contains(&sentence), "{y}: `{sentence}`");
    // The largest weighted risk is named first among the largest.
    let mut ranked: Vec<(i64, &Risk)> =
        all.iter().filter_map(|r| r.4.map(|c| (weighted(c, chance(&r.3)), r))).collect();
    ranked.sort_by_key(|(w, _)| std::cmp::Reverse(*w));
    let (w, top) = ranked[0];
    let sentence = format!("Het grootste gewogen risico, {} bij kans {}, is „{}”", eur(w), top.3, top.1);
    assert!(text.contains(&sentence), "{y}: `{sentence}`");
}

#[test]
fn the_plans_weigh_every_risk_to_the_cent_and_class_the_weerstandsvermogen() {
    check_risk_section(&document("2027/jaarplan-2027.pdf"), 2027);
    check_risk_section(&document("2027/meerjarenplan-2027-2030.pdf"), 2027);
}

#[test]
fn the_progress_report_has_the_risk_section_of_its_year() {
    check_risk_section(&document("2026/voortgangsrapportage-2026-q3.pdf"), 2026);
}

#[test]
fn the_risk_table_carries_the_chance_and_the_weighted_amount() {
    let (header, rows) = csv("2027/tabellen/risicos-2027.csv");
    let col = |n: &str| header.iter().position(|h| h == n).unwrap_or_else(|| panic!("no column {n}"));
    let all = risks(2027);
    assert_eq!(rows.len(), all.len());
    for (row, r) in rows.iter().zip(&all) {
        assert_eq!(row[col("kans_procent")], format!("{}%", chance(&r.3)), "{}", r.1);
        assert_eq!(row[col("omschrijving")], r.1);
        let want = r.4.map(|c| weighted(c, chance(&r.3)));
        let got = (!row[col("gewogen")].is_empty()).then(|| csv_cents(&row[col("gewogen")]));
        assert_eq!(got, want, "{}", r.1);
    }
}

/// The chance per class is read from `normen.kans`; a chance above 100 % is refused.
#[test]
fn a_chance_above_a_hundred_percent_is_refused_at_its_place() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&root().join("data"), dir.path());
    let st = dir.path().join("stelsel.yaml");
    let text = std::fs::read_to_string(&st)
        .unwrap()
        .replace("kans: {laag: 10, midden: 30, hoog: 60}", "kans: {laag: 10, midden: 30, hoog: 160}");
    std::fs::write(&st, &text).unwrap();
    let (code, json) = check_json(dir.path(), &[]);
    assert_eq!(code, 1);
    let line = text.lines().position(|l| l.contains("hoog: 160")).unwrap() as u64 + 1;
    let f = findings(&json);
    assert!(
        f.iter().any(|(c, file, l)| c == "E003" && file.as_deref() == Some("stelsel.yaml") && *l == Some(line)),
        "{f:?}"
    );
}

/// A CSV file of the tables (`;`, RFC 4180 quoting) as its header and rows.
fn csv(rel: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let text = std::fs::read_to_string(out().join(rel)).unwrap();
    let mut rows = Vec::new();
    let (mut row, mut cell, mut quoted, mut chars) = (Vec::new(), String::new(), false, text.chars().peekable());
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            ('"', _) => quoted = !quoted,
            (';', false) => row.push(std::mem::take(&mut cell)),
            ('\n', false) => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            ('\r', false) => {}
            (c, _) => cell.push(c),
        }
    }
    let header = rows.remove(0);
    (header, rows)
}

/// A CSV amount (`1234,5`) as cents.
fn csv_cents(s: &str) -> i64 {
    cents(&serde_json::Value::String(s.replace(',', ".")))
}
