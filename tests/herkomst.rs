//! `jaarcyclus herkomst` against what the documents show: every figure of the roll-up tables
//! (jaarplan and meerjarenplan per year slice, jaarrekening begroting/wijzigingen/gerealiseerd,
//! voortgangsrapportage besteed/prognose) at every level and for every perspective equals the
//! figure `herkomst --format json` gives for it, on the default data and a generated tree; and
//! the human output of the default jaarplan's section 3 adds up, line by line, to its figures.

use crate::common::*;
use rust_decimal::Decimal;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;
use std::str::FromStr;

const PEIL: &str = "2026-11-29";

/// `€ 1.234.567,89`, `€ -500.000` → exact decimal; `None` for an empty or absent figure.
fn euro(v: &Value) -> Option<Decimal> {
    let s = v.as_str()?.trim();
    let digits: String = s.chars().filter(|c| c.is_ascii_digit() || *c == ',' || *c == '-').collect();
    if digits.is_empty() || !s.contains('€') {
        return None;
    }
    Some(Decimal::from_str(&digits.replace(',', ".")).unwrap())
}

fn exact(v: &Value) -> Decimal {
    Decimal::from_str(v.as_str().unwrap()).unwrap()
}

/// Builds with `--emit-typst` and returns each document's view model.
fn view_models(data: &Path, out: &Path) -> BTreeMap<String, Value> {
    let emit = out.join("typst");
    let o = run(&[
        "build",
        "--data",
        data.to_str().unwrap(),
        "--out",
        out.join("out").to_str().unwrap(),
        "--peildatum",
        PEIL,
        "--emit-typst",
        emit.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    std::fs::read_dir(&emit)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("data.json").exists())
        .map(|p| {
            let v: Value = serde_json::from_slice(&std::fs::read(p.join("data.json")).unwrap()).unwrap();
            (p.file_name().unwrap().to_string_lossy().into_owned(), v)
        })
        .collect()
}

/// `herkomst --format json` for one question.
fn herkomst(data: &Path, jaar: i32, beleidsdoel: &str, extra: &[&str]) -> Value {
    let j = jaar.to_string();
    let mut args = vec!["herkomst", "--data", data.to_str().unwrap(), "--peildatum", PEIL, "--format", "json"];
    args.extend(["--jaar", &j, "--beleidsdoel", beleidsdoel]);
    args.extend(extra);
    let o = run(&args);
    assert_eq!(o.status.code(), Some(0), "{args:?}: {}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).unwrap()
}

/// A party's figure at a level of the view (`eigen`, or `geconsolideerd`/`integraal`).
fn level<'a>(h: &'a Value, id: &str, soort: &str) -> &'a Value {
    let p = h["partijen"].as_array().unwrap().iter().find(|p| p["id"] == id).unwrap_or_else(|| panic!("{id}"));
    if soort == "eigen" { &p["eigen"] } else { &p["geconsolideerd"] }
}

fn ids_by_name(h: &Value) -> BTreeMap<String, String> {
    h["partijen"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["naam"].as_str().unwrap().into(), p["id"].as_str().unwrap().into()))
        .collect()
}

/// The perspectives: name → id, from the stelsel (via one herkomst per perspective id).
fn perspectives(data: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(data.join("stelsel.yaml")).unwrap();
    let v: Value = serde_saphyr::from_str(&text).unwrap();
    v["beleidsdoelen"].as_array().unwrap().iter().map(|b| b["id"].as_str().unwrap().to_string()).collect()
}

/// Every roll-up figure of every document equals herkomst's; returns how many were compared.
fn documents_agree(data: &Path) -> usize {
    let tmp = tempfile::tempdir().unwrap();
    let views = view_models(data, tmp.path());
    let perspectives = perspectives(data);
    let mut compared = 0;
    for (doc, v) in &views {
        let jaar: i32 = v["document"]["jaar"].as_i64().unwrap_or_else(|| panic!("{doc}: document.jaar")) as i32;
        // Name → id of the perspectives, from herkomst's own answer.
        let named: BTreeMap<String, String> = perspectives
            .iter()
            .map(|b| (herkomst(data, jaar, b, &[])["beleidsdoel_naam"].as_str().unwrap().to_string(), b.clone()))
            .collect();
        match doc.as_str() {
            "jaarplan" | "meerjarenplan" => {
                let kop: Vec<i32> = v["niveaus"]["kop"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|k| k.as_str().unwrap().parse().unwrap())
                    .collect();
                for p in v["niveaus"]["perspectieven"].as_array().unwrap() {
                    let b = &named[p["naam"].as_str().unwrap()];
                    for (i, j) in kop.iter().enumerate() {
                        let h = herkomst(data, jaar, b, &["--jaarschijf", &j.to_string()]);
                        for r in p["rijen"].as_array().unwrap() {
                            let fig = level(&h, r["id"].as_str().unwrap(), r["soort"].as_str().unwrap());
                            assert_eq!(euro(&r["bedragen"][i]), Some(exact(&fig["begroting"])), "{doc} {b} {j} {r}");
                            compared += 1;
                        }
                    }
                }
            }
            "jaarrekening" => {
                for p in v["niveaus"]["perspectieven"].as_array().unwrap() {
                    let b = &named[p["naam"].as_str().unwrap()];
                    let (begr, real) =
                        (herkomst(data, jaar, b, &[]), herkomst(data, jaar, b, &["--stuk", "realisatie"]));
                    for r in p["rijen"].as_array().unwrap() {
                        let (id, soort) = (r["id"].as_str().unwrap(), r["soort"].as_str().unwrap());
                        let (fb, fr) = (level(&begr, id, soort), level(&real, id, soort));
                        let cells: Vec<Option<Decimal>> = r["bedragen"].as_array().unwrap().iter().map(euro).collect();
                        let mutaties = fb.get("mutaties").map_or(Decimal::ZERO, exact);
                        let gewijzigd = fb.get("gewijzigd").map_or_else(|| exact(&fb["begroting"]), exact);
                        assert_eq!(cells[0], Some(exact(&fb["begroting"])), "{doc} {b} {r}");
                        assert_eq!(cells[1], Some(mutaties), "{doc} {b} {r}");
                        assert_eq!(cells[2], Some(gewijzigd), "{doc} {b} {r}");
                        if let Some(g) = cells[3] {
                            assert_eq!(g, exact(&fr["gerealiseerd"]), "{doc} {b} {r}");
                            assert_eq!(cells[4], Some(g - gewijzigd), "{doc} {b} {r}");
                        }
                        compared += 1;
                    }
                }
            }
            "voortgangsrapportage" => {
                for p in v["perspectieven"].as_array().unwrap().iter().filter(|p| p["id"] != "") {
                    let b = p["id"].as_str().unwrap();
                    let (begr, prog) =
                        (herkomst(data, jaar, b, &[]), herkomst(data, jaar, b, &["--stuk", "voortgang"]));
                    assert_eq!(prog["kwartaal"], v["kwartaal"]);
                    let ids = ids_by_name(&prog);
                    for r in p["rijen"].as_array().unwrap() {
                        let soort = r["soort"].as_str().unwrap();
                        let id = &ids[r["naam"].as_str().unwrap()];
                        let (fb, fp) = (level(&begr, id, soort), level(&prog, id, soort));
                        let gewijzigd = fb.get("gewijzigd").map_or_else(|| exact(&fb["begroting"]), exact);
                        assert_eq!(euro(&r["gewijzigd"]), Some(gewijzigd), "{doc} {b} {r}");
                        assert_eq!(euro(&r["prognose"]), Some(exact(&fp["prognose"])), "{doc} {b} {r}");
                        if let Some(besteed) = euro(&r["besteed"]) {
                            assert_eq!(besteed, exact(&fp["besteed"]), "{doc} {b} {r}");
                        }
                        compared += 1;
                    }
                }
            }
            _ => {}
        }
    }
    assert!(views.len() >= 3, "{:?}", views.keys());
    compared
}

#[test]
fn every_roll_up_figure_of_the_default_documents_has_its_herkomst() {
    let n = documents_agree(&root().join("data"));
    assert!(n > 150, "{n} figures compared");
}

#[test]
fn every_roll_up_figure_of_a_generated_tree_has_its_herkomst() {
    let dir = tempfile::tempdir().unwrap();
    jaarcyclus_synth::generate(dir.path(), 20, 5, 5).unwrap();
    let n = documents_agree(dir.path());
    assert!(n > 200, "{n} figures compared");
}

/// The amounts of the rows of one block of the human output, in the first amount column.
fn amounts(rows: &[&str]) -> Vec<Decimal> {
    rows.iter()
        .map(|r| {
            let at = r.find('€').unwrap_or_else(|| panic!("no amount in {r}"));
            let tail = &r[at + '€'.len_utf8()..];
            let n: String = tail
                .trim_start()
                .chars()
                .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',' || *c == '-')
                .collect();
            Decimal::from_str(&n.replace('.', "").replace(',', ".")).unwrap()
        })
        .collect()
}

/// Section 3 of the default jaarplan, "Begroting per beheerniveau", explained by the human
/// output: per perspective, the source lines of each party add up to its own figure, the
/// parts of each consolidated block to its total, and those equal the document's rows.
#[test]
fn the_default_jaarplan_section_3_is_explained_down_to_source_lines() {
    let tmp = tempfile::tempdir().unwrap();
    let data = root().join("data");
    let views = view_models(&data, tmp.path());
    let plan = &views["jaarplan"];
    let mut explained = 0;
    for b in perspectives(&data) {
        let o = run(&["herkomst", "--jaar", "2027", "--beleidsdoel", &b, "--peildatum", PEIL]);
        assert_eq!(o.status.code(), Some(0));
        let text = String::from_utf8(o.stdout).unwrap();
        let naam = herkomst(&data, 2027, &b, &[])["beleidsdoel_naam"].as_str().unwrap().to_string();
        let Some(p) = plan["niveaus"]["perspectieven"].as_array().unwrap().iter().find(|p| p["naam"] == naam) else {
            continue;
        };
        // Blocks: a heading `<soort> <naam> · <rol>`, a column header, rows, a closing `=` row.
        let lines: Vec<&str> = text.lines().collect();
        for (i, l) in lines.iter().enumerate() {
            let Some((soort, rest)) = l.split_once(' ') else { continue };
            if !["eigen", "geconsolideerd", "integraal"].contains(&soort) || !rest.contains(" · ") {
                continue;
            }
            let naam = rest.rsplit_once(" · ").unwrap().0;
            let body: Vec<&str> = lines[i + 2..].iter().take_while(|l| l.starts_with("  ")).copied().collect();
            let mut rows: Vec<&str> = body.into_iter().filter(|l| l.contains('€')).collect();
            let last = rows.pop().unwrap_or_else(|| panic!("{b}: no total under {l}"));
            assert!(last.starts_with("   ="), "{b}: {last}");
            let (parts, total) = (rows, amounts(&[last])[0]);
            assert_eq!(amounts(&parts).into_iter().sum::<Decimal>(), total, "{b}: {l}\n{text}");
            let row = p["rijen"].as_array().unwrap().iter().find(|r| r["naam"] == naam && r["soort"] == soort);
            let row = row.unwrap_or_else(|| panic!("{b}: no row {soort} {naam}"));
            assert_eq!(euro(&row["bedragen"][0]), Some(total), "{b}: {l}");
            explained += 1;
        }
    }
    // Every row of every perspective table of section 3 was explained.
    let rows: usize =
        plan["niveaus"]["perspectieven"].as_array().unwrap().iter().map(|p| p["rijen"].as_array().unwrap().len()).sum();
    assert_eq!(explained, rows);
}

#[test]
fn bad_questions_exit_2_with_a_dutch_reason() {
    let o = run(&["herkomst", "--jaar", "2027", "--beleidsdoel", "onzin", "--peildatum", PEIL]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("beleidsdoel `onzin` staat niet in stelsel.yaml"));
    let o =
        run(&["herkomst", "--jaar", "2027", "--beleidsdoel", "beheer", "--stuk", "realisatie", "--jaarschijf", "2028"]);
    assert_eq!(o.status.code(), Some(2));
}

/// Untrustworthy input (E0–E2) refuses, as `build` does.
#[test]
fn untrustworthy_input_refuses() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&root().join("data"), dir.path());
    let f = dir.path().join("2027/geonovum/begroting.yaml");
    let text = std::fs::read_to_string(&f).unwrap().replacen("bedragen: {2027: ", "bedragen: {2027: -", 1);
    std::fs::write(&f, text).unwrap();
    let o = run(&["herkomst", "--data", dir.path().to_str().unwrap(), "--jaar", "2027", "--beleidsdoel", "beheer"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("herkomst geweigerd"));
    assert!(o.stdout.is_empty());
}

/// The appendix "Herkomst van de cijfers" of each document names the files it is made from:
/// each shortened hash is the start of the SHA-256 of that very file, as the manifest beside
/// the document lists it in full.
#[test]
fn the_appendix_hashes_are_those_of_the_files() {
    use sha2::{Digest, Sha256};
    let tmp = tempfile::tempdir().unwrap();
    let data = root().join("data");
    let views = view_models(&data, tmp.path());
    let stelsel: Value = serde_saphyr::from_str(&std::fs::read_to_string(data.join("stelsel.yaml")).unwrap()).unwrap();
    let id_of = |naam: &str| -> String {
        let o = stelsel["organisaties"].as_array().unwrap().iter().find(|o| o["naam"] == naam).unwrap();
        o["id"].as_str().unwrap().to_string()
    };
    let sha = |rel: &str| -> String {
        Sha256::digest(std::fs::read(data.join(rel)).unwrap()).iter().map(|b| format!("{b:02x}")).collect()
    };
    let mut checked = 0;
    for (doc, v) in &views {
        let jaar = v["document"]["jaar"].as_i64().unwrap();
        let manifest: Value = serde_json::from_slice(
            &std::fs::read(tmp.path().join("out").join(jaar.to_string()).join("manifest.json")).unwrap(),
        )
        .unwrap();
        let h = &v["herkomst"];
        assert_eq!(h["algemeen"][0]["stuk"], "stelsel", "{doc}");
        assert_eq!(h["algemeen"][0]["sha256"].as_str().unwrap(), &sha("stelsel.yaml")[..12], "{doc}");
        for p in h["partijen"].as_array().unwrap() {
            let id = id_of(p["partij"].as_str().unwrap());
            for b in p["bestanden"].as_array().unwrap() {
                let stuk = b["stuk"].as_str().unwrap();
                let file = match stuk.split_whitespace().next().unwrap() {
                    "plan" | "begroting" | "realisatie" => {
                        format!("{jaar}/{id}/{}.yaml", stuk.split(' ').next().unwrap())
                    }
                    "begrotingswijziging" => format!("{jaar}/{id}/wijziging-{}.yaml", stuk.split(' ').nth(1).unwrap()),
                    "voortgangsrapportage" => {
                        format!("{jaar}/{id}/voortgang-q{}.yaml", stuk.rsplit(' ').next().unwrap())
                    }
                    other => panic!("{doc}: {other}"),
                };
                let full = sha(&file);
                assert_eq!(b["sha256"].as_str().unwrap(), &full[..12], "{doc}: {file}");
                assert_eq!(manifest["inputs"][format!("data/{file}")]["sha256"], full.as_str(), "{doc}: {file}");
                checked += 1;
            }
        }
    }
    assert!(checked > 40, "{checked}");
}
