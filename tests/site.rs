//! The website of the default data (`out/<Y>/site/`), read as a browser reads it: every page
//! parsed; every internal link and anchor resolves and nothing is fetched from elsewhere; the
//! tables and headings are accessible; every amount shown equals the view model's or the
//! tables'; a reader gets from the SBO's integral total for `beheer` down to the YAML line of
//! every contributing budget line and back; the same input gives the same bytes.

use crate::common::html::*;
use crate::common::*;
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

const PEILDATUM: &str = "2026-11-29";

/// The default data built once for this file's tests: (out, emitted typst sources).
fn built() -> &'static (PathBuf, PathBuf) {
    static DIRS: OnceLock<(PathBuf, PathBuf)> = OnceLock::new();
    DIRS.get_or_init(|| {
        let base = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("site-{}", std::process::id()));
        let (out, emit) = (base.join("out"), base.join("emit"));
        let _ = std::fs::remove_dir_all(&base);
        let b = run(&[
            "build",
            "--out",
            out.to_str().unwrap(),
            "--peildatum",
            PEILDATUM,
            "--emit-typst",
            emit.to_str().unwrap(),
        ]);
        assert_eq!(b.status.code(), Some(0), "{}", String::from_utf8_lossy(&b.stderr));
        (out, emit)
    })
}

/// A Dutch amount as shown (`€ 1.234.567`, `€ -500,50`) as a decimal.
fn eur(s: &str) -> Decimal {
    let t = s.trim().trim_start_matches('€').trim().replace('.', "").replace(',', ".");
    t.parse().unwrap_or_else(|_| panic!("no amount: `{s}`"))
}

/// A decimal from the CSV tables (`950000,00`).
fn csv_amount(s: &str) -> Decimal {
    s.replace(',', ".").parse().unwrap()
}

/// The rows of a CSV table as maps from heading to cell.
fn csv(path: &Path) -> Vec<BTreeMap<String, String>> {
    let text = std::fs::read_to_string(path).unwrap();
    let mut lines = text.trim_start_matches('\u{feff}').lines();
    let head: Vec<String> = lines.next().unwrap().split(';').map(str::to_string).collect();
    lines.map(|l| head.iter().cloned().zip(l.split(';').map(str::to_string)).collect()).collect()
}

#[test]
fn every_link_and_anchor_resolves_and_nothing_is_external() {
    let (out, _) = built();
    let pages = pages(out);
    assert!(pages.len() > 50, "the default site has its pages: {}", pages.len());
    for y in ["2025", "2026", "2027"] {
        assert!(out.join(y).join("site/index.html").exists(), "a site for {y}");
    }
    let mut links = 0;
    for (path, page) in &pages {
        let html = page.select(&sel("html")).next().unwrap();
        assert_eq!(html.value().attr("lang"), Some("nl"), "{}", path.display());
        assert_eq!(page.select(&sel("script")).count(), 0, "no script in {}", path.display());
        for (selector, attr) in [("a[href]", "href"), ("link[href]", "href"), ("[src]", "src")] {
            for e in page.select(&sel(selector)) {
                let href = e.value().attr(attr).unwrap();
                let (file, fragment) = resolve(path, href)
                    .unwrap_or_else(|| panic!("{}: `{href}` is not a relative link", path.display()));
                assert!(file.starts_with(out), "{}: `{href}` leaves the output folder", path.display());
                assert!(file.is_file(), "{}: `{href}` leads nowhere ({})", path.display(), file.display());
                if let Some(f) = fragment {
                    let target =
                        pages.get(&file).unwrap_or_else(|| panic!("{}: `{href}` anchors a non-page", path.display()));
                    assert!(has_id(target, &f), "{}: anchor `{href}` missing", path.display());
                }
                links += 1;
            }
        }
    }
    assert!(links > 1_000, "links checked: {links}");
}

#[test]
fn tables_and_headings_are_accessible() {
    let (out, _) = built();
    for (path, page) in pages(out) {
        let at = path.display();
        for th in page.select(&sel("thead th")) {
            assert_eq!(th.value().attr("scope"), Some("col"), "{at}: a column heading without scope");
        }
        for th in page.select(&sel("tbody th, tfoot th")) {
            assert_eq!(th.value().attr("scope"), Some("row"), "{at}: a row heading without scope");
        }
        assert_eq!(page.select(&sel("h1")).count(), 1, "{at}: one h1");
        let mut level = 0;
        for h in page.select(&sel("h1, h2, h3, h4, h5, h6")) {
            let l: usize = h.value().name()[1..].parse().unwrap();
            assert!(l <= level + 1, "{at}: heading `{}` skips a level", text(h));
            level = l;
        }
        assert!(page.select(&sel("main#inhoud")).next().is_some(), "{at}: a main landmark");
    }
}

#[test]
fn figures_equal_the_view_model_and_the_tables() {
    let (out, emit) = built();
    let view: serde_json::Value =
        serde_json::from_slice(&std::fs::read(emit.join("meerjarenplan/data.json")).unwrap()).unwrap();
    // The start page: per perspective the request and the cap of 2027, as the document has them.
    let start = pages(&out.join("2027/site")).remove(&out.join("2027/site/index.html")).unwrap();
    let mut compared = 0;
    for row in start.select(&sel("table.bedragen tbody tr")) {
        let naam = text(row.select(&sel("th")).next().unwrap());
        let cells: Vec<String> = row.select(&sel("td")).map(text).collect();
        let t = view["taakstellend"].as_array().unwrap().iter().find(|t| t["beleidsdoel"] == naam.as_str()).unwrap();
        let j = t["jaren"].as_array().unwrap().iter().find(|j| j["jaar"] == 2027).unwrap();
        assert_eq!(cells[0], j["begroting"].as_str().unwrap(), "{naam}: begroting");
        assert_eq!(cells[1], j["budget"].as_str().unwrap_or("—"), "{naam}: taakstellend");
        assert_eq!(cells[2], j["verschil"].as_str().unwrap_or("—"), "{naam}: verschil");
        compared += 1;
    }
    assert_eq!(compared, 4, "every perspective on the start page");
    // A perspective page: each party's own figure as the roll-up per level has it.
    let page = pages(&out.join("2027/site")).remove(&out.join("2027/site/perspectief/beheer.html")).unwrap();
    let naam = text(page.select(&sel("h1")).next().unwrap());
    let levels =
        view["niveaus"]["perspectieven"].as_array().unwrap().iter().find(|p| p["naam"] == naam.as_str()).unwrap();
    let mut own = 0;
    let mut party = String::new();
    for row in page.select(&sel("table.boom tbody tr")) {
        let cells: Vec<String> = row.select(&sel("th, td")).map(text).collect();
        if let Some(a) = row.select(&sel("th a")).next() {
            party = text(a);
        }
        if cells.len() < 4 || cells[2] == "integraal" {
            continue;
        }
        let want = levels["rijen"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["naam"] == party.as_str() && r["soort"] == cells[2].as_str())
            .unwrap_or_else(|| panic!("{party} {} in the view", cells[2]));
        assert_eq!(cells[3], want["bedragen"][0].as_str().unwrap(), "{party} {}", cells[2]);
        own += 1;
    }
    assert!(own >= 5, "rows compared: {own}");
    // Every budget line's amounts per year, and every realisation, as the tables have them.
    for (y, table) in [("2027", "begrotingsregels-2027.csv"), ("2025", "verantwoording-2025.csv")] {
        let site = out.join(y).join("site");
        let pages = pages(&site);
        let mut seen = 0;
        for row in csv(&out.join(y).join("tabellen").join(table)) {
            let page = &pages[&site.join(format!("partij/{}.html", row["organisatie"]))];
            let section = page
                .select(&sel("section.regel"))
                .find(|s| text(s.select(&sel("h3")).next().unwrap()).starts_with(&format!("{} —", row["regel"])))
                .unwrap_or_else(|| panic!("line {} on {}'s page", row["regel"], row["organisatie"]));
            let tables: Vec<_> = section.select(&sel("table")).collect();
            if y == "2027" {
                let anchor = section.value().attr("id").unwrap();
                let overview = page
                    .select(&sel("table.bedragen tbody tr"))
                    .find(|r| {
                        r.select(&sel("th a")).next().and_then(|a| a.value().attr("href"))
                            == Some(&format!("#{anchor}"))
                    })
                    .expect("the line in the overview");
                let cells: Vec<Decimal> = overview.select(&sel("td.getal")).map(|c| eur(&text(c))).collect();
                let want: Vec<Decimal> =
                    ["2027", "2028", "2029", "2030"].iter().map(|k| csv_amount(&row[*k])).collect();
                assert_eq!(cells, want, "{} {}", row["organisatie"], row["regel"]);
            } else {
                let rekening = tables
                    .iter()
                    .find(|t| text(t.select(&sel("caption")).next().unwrap()).starts_with("Verantwoording"))
                    .unwrap();
                let cells: Vec<String> = rekening.select(&sel("td")).map(text).collect();
                assert_eq!(
                    eur(&cells[2]),
                    csv_amount(&row["begroting_na_wijziging"]),
                    "{} {}",
                    row["organisatie"],
                    row["regel"]
                );
                if !row["gerealiseerd"].is_empty() {
                    assert_eq!(
                        eur(&cells[3]),
                        csv_amount(&row["gerealiseerd"]),
                        "{} {}",
                        row["organisatie"],
                        row["regel"]
                    );
                }
            }
            seen += 1;
        }
        assert!(seen > 20, "{y}: lines compared: {seen}");
    }
}

#[test]
fn from_the_integral_total_down_to_the_yaml_line_and_back() {
    let (out, _) = built();
    let site = out.join("2027/site");
    let pages = pages(&site);
    let start = &pages[&site.join("index.html")];
    let beheer = start
        .select(&sel("table.bedragen tbody th a"))
        .find(|a| text(*a).starts_with("Beheer"))
        .expect("the beheer perspective on the start page");
    let (persp_path, _) = resolve(&site.join("index.html"), beheer.value().attr("href").unwrap()).unwrap();
    let persp = &pages[&persp_path];
    let integraal = persp.select(&sel("tr.integraal td.getal")).next().map(text).unwrap();
    // Every party with a figure for beheer, every one of its beheer lines, down to the YAML.
    let mut sum = Decimal::ZERO;
    let mut lines = 0;
    for a in persp.select(&sel("table.boom tbody th a")) {
        let (party_path, _) = resolve(&persp_path, a.value().attr("href").unwrap()).unwrap();
        let party = &pages[&party_path];
        for section in party.select(&sel("section.regel")) {
            let persp_link = section.select(&sel("p.kenmerken a")).next().unwrap();
            if resolve(&party_path, persp_link.value().attr("href").unwrap()).unwrap().0 != persp_path {
                continue;
            }
            let begroting = section
                .select(&sel("table.herkomst tbody tr"))
                .find(|r| text(r.select(&sel("th")).next().unwrap()) == "Begroting 2027")
                .expect("the begroting's amount among the sources");
            let amount = eur(&text(begroting.select(&sel("td")).next().unwrap()));
            sum += amount;
            let bron = begroting
                .select(&sel("td a"))
                .find(|a| text(*a).contains(".yaml, regel"))
                .unwrap_or_else(|| panic!("a source link for a line on {}", party_path.display()));
            let (src_path, anchor) = resolve(&party_path, bron.value().attr("href").unwrap()).unwrap();
            let src = &pages[&src_path];
            let anchor = anchor.expect("a line anchor");
            let line =
                src.select(&sel("pre.bron > span")).find(|s| s.value().attr("id") == Some(anchor.as_str())).unwrap();
            let yaml = text(line);
            let digits = amount.normalize().to_string();
            assert!(yaml.contains(&format!("2027: {digits}")), "`{yaml}` holds {digits}");
            // And back: the source line links to this line on the party's page.
            let back = line.select(&sel("a.terug")).next().expect("a way back");
            let (back_path, back_anchor) = resolve(&src_path, back.value().attr("href").unwrap()).unwrap();
            assert_eq!(back_path, party_path);
            assert_eq!(back_anchor.as_deref(), section.value().attr("id"));
            lines += 1;
        }
    }
    assert!(lines > 10, "lines followed: {lines}");
    assert_eq!(sum, eur(&integraal), "the lines add up to the integral total");
}

#[test]
fn same_input_same_site_and_no_stale_pages() {
    let (out, _) = built();
    let again = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("site-again-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&again);
    std::fs::create_dir_all(again.join("2027/site/partij")).unwrap();
    std::fs::write(again.join("2027/site/partij/vertrokken.html"), "oud").unwrap();
    let b = run(&["build", "--out", again.to_str().unwrap(), "--peildatum", PEILDATUM]);
    assert_eq!(b.status.code(), Some(0), "{}", String::from_utf8_lossy(&b.stderr));
    assert!(!again.join("2027/site/partij/vertrokken.html").exists(), "a page of a party that is gone is removed");
    let mut files = 0;
    for e in walkdir::WalkDir::new(out).sort_by_file_name() {
        let e = e.unwrap();
        let rel = e.path().strip_prefix(out).unwrap();
        if e.file_type().is_file() && rel.components().any(|c| c.as_os_str() == "site") {
            let other = std::fs::read(again.join(rel)).unwrap_or_default();
            assert!(std::fs::read(e.path()).unwrap() == other, "{} differs between two builds", rel.display());
            files += 1;
        }
    }
    assert!(files > 50, "site files compared: {files}");
    std::fs::remove_dir_all(&again).unwrap();
}

/// A rebuild after a one-line change writes only the pages that changed: every other page is
/// the same file as before (same inode), so a thousand-party site costs no file creation.
#[cfg(unix)]
#[test]
fn a_rebuild_leaves_unchanged_pages_alone() {
    use std::os::unix::fs::MetadataExt;
    let base = tempfile::tempdir().unwrap();
    let (data, out) = (base.path().join("data"), base.path().join("out"));
    copy_tree(&root().join("data"), &data);
    let build = || {
        let b =
            run(&["build", "--data", data.to_str().unwrap(), "--out", out.to_str().unwrap(), "--peildatum", PEILDATUM]);
        assert_eq!(b.status.code(), Some(0), "{}", String::from_utf8_lossy(&b.stderr));
    };
    build();
    let pages = |dir: &Path| -> BTreeMap<String, (u64, Vec<u8>)> {
        walkdir::WalkDir::new(dir)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                let rel = e.path().strip_prefix(dir).unwrap().to_string_lossy().into_owned();
                (rel, (e.metadata().unwrap().ino(), std::fs::read(e.path()).unwrap()))
            })
            .collect()
    };
    let before = pages(&out.join("2027/site"));
    let plan = data.join("2027/kadaster-obo/plan.yaml");
    let text = std::fs::read_to_string(&plan).unwrap();
    let changed = text.replacen("indicator: beschikbaarheid", "indicator: gewijzigde beschikbaarheid", 1);
    assert_ne!(text, changed);
    std::fs::write(&plan, changed).unwrap();
    build();
    let after = pages(&out.join("2027/site"));
    assert_eq!(before.keys().collect::<Vec<_>>(), after.keys().collect::<Vec<_>>(), "the same pages");
    let (mut same, mut rewritten) = (0, Vec::new());
    for (rel, (ino, bytes)) in &after {
        let (old_ino, old_bytes) = &before[rel];
        if bytes == old_bytes {
            assert_eq!(ino, old_ino, "{rel}: unchanged, yet written again");
            same += 1;
        } else {
            assert_ne!(ino, old_ino, "{rel}: changed in place instead of replaced whole");
            rewritten.push(rel.clone());
        }
    }
    assert!(rewritten.contains(&"bron/2027/kadaster-obo.html".to_string()), "{rewritten:?}");
    assert!(rewritten.iter().any(|r| r.starts_with("partij/")), "{rewritten:?}");
    assert!(same > rewritten.len(), "{same} pages left alone, {} rewritten", rewritten.len());
    let temporary = walkdir::WalkDir::new(&out)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .count();
    assert_eq!(temporary, 0, "no temporary file left");
}
