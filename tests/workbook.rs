//! The spreadsheet route through the binary: `sjabloon --format xlsx` and `import` round-trip
//! the default data (the check afterwards is the check before); a newer YAML file is never
//! overwritten without `--overschrijven`; and hostile workbooks — formulas, merged cells,
//! dates as numbers, hidden sheets, a value in row 1,048,576 and a million filled rows, Dutch
//! notation, a zip bomb — end in a coded finding at the sheet and cell, in bounded time and
//! memory, with nothing written.

use crate::common::*;
use rust_xlsxwriter::{Formula, Workbook, Worksheet};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const PEIL: &str = "2026-11-29";

fn jc(args: &[&str]) -> (i32, String, String) {
    let out = Command::new("sh")
        .arg("-c")
        .arg("ulimit -v 1048576 && exec \"$0\" \"$@\"")
        .arg(bin())
        .args(args)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let s = |b: Vec<u8>| String::from_utf8_lossy(&b).into_owned();
    (out.status.code().unwrap_or(-1), s(out.stdout), s(out.stderr))
}

fn import_json(data: &Path, book: &Path, extra: &[&str]) -> (i32, serde_json::Value, Duration) {
    let start = Instant::now();
    let mut args = vec!["import", book.to_str().unwrap(), "--data", data.to_str().unwrap(), "--peildatum", PEIL];
    args.extend_from_slice(&["--format", "json"]);
    args.extend_from_slice(extra);
    let (code, out, err) = jc(&args);
    assert!(!err.contains("panicked") && code != 101, "{err}");
    let json = serde_json::from_str(&out).unwrap_or_else(|e| panic!("no JSON ({e}): {out}\n{err}"));
    (code, json, start.elapsed())
}

/// The findings as (code, cel) without the accepted ones.
fn cells(json: &serde_json::Value) -> Vec<(String, Option<String>)> {
    json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["aanvaard"].is_null())
        .map(|d| (d["code"].as_str().unwrap().to_string(), d["cel"].as_str().map(String::from)))
        .collect()
}

/// A copy of the default data without its receipts: a round trip rewrites every file, which
/// would otherwise be "changed after receipt" (W009).
fn default_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&root().join("data"), dir.path());
    std::fs::remove_file(dir.path().join("ontvangsten.yaml")).unwrap();
    dir
}

#[test]
fn every_party_round_trips_through_the_binary() {
    let dir = default_copy();
    let data = dir.path();
    let out = tempfile::tempdir().unwrap();
    let (_, before) = check_json(data, &["--peildatum", PEIL]);
    for y in ["2025", "2026", "2027"] {
        let args = ["sjabloon", "--jaar", y, "--format", "xlsx", "--peildatum", PEIL];
        let (code, stdout, err) =
            jc(&[&args[..], &["--data", data.to_str().unwrap(), "--out", out.path().to_str().unwrap()]].concat());
        assert_eq!(code, 0, "{stdout}{err}");
        // What the workbooks hold is taken away from the data root, then read back from them.
        for org in ["bzk-sbo", "kadaster-tbo", "kadaster-obo", "geonovum", "rws-obo"] {
            for f in ["plan.yaml", "begroting.yaml", "realisatie.yaml", "voortgang-q3.yaml"] {
                let p = data.join(y).join(org).join(f);
                if p.exists() && (f != "voortgang-q3.yaml" || y == "2026") && (f != "realisatie.yaml" || y == "2025") {
                    std::fs::remove_file(p).unwrap();
                }
            }
            let book = out.path().join(format!("sjablonen/{org}-{y}.xlsx"));
            let (code, json, _) = import_json(data, &book, &[]);
            assert!(code == 0, "{org} {y}: {json}");
            assert!(json["bestanden"].as_array().unwrap().iter().all(|f| f["uitkomst"] == "geschreven"), "{json}");
            let (code, json, _) = import_json(data, &book, &[]);
            assert!(code == 0 && json["bestanden"].as_array().unwrap().iter().all(|f| f["uitkomst"] == "ongewijzigd"));
        }
    }
    let (_, after) = check_json(data, &["--peildatum", PEIL]);
    let strip = |j: &serde_json::Value| {
        let mut v: Vec<(String, Option<String>, String)> = j["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| (d["code"].to_string(), d["file"].as_str().map(String::from), d["message"].to_string()))
            .collect();
        v.sort();
        v
    };
    assert_eq!(strip(&before), strip(&after), "the same findings after the round trip");
    assert_eq!(before["errors"], after["errors"]);
}

fn sjabloon_geonovum(data: &Path, out: &Path) -> (i32, String, String) {
    let (data, out) = (data.to_str().unwrap(), out.to_str().unwrap());
    let args = ["--jaar", "2027", "--format", "xlsx", "--organisatie", "geonovum", "--peildatum", PEIL];
    jc(&[&["sjabloon", "--data", data, "--out", out][..], &args[..]].concat())
}

#[test]
fn a_newer_file_is_not_overwritten_without_the_flag() {
    let dir = default_copy();
    let data = dir.path();
    let out = tempfile::tempdir().unwrap();
    let (code, _, err) = sjabloon_geonovum(data, out.path());
    assert_eq!(code, 0, "{err}");
    let book = out.path().join("sjablonen/geonovum-2027.xlsx");
    std::thread::sleep(Duration::from_millis(20));
    let plan = data.join("2027/geonovum/plan.yaml");
    let edited = std::fs::read_to_string(&plan).unwrap().replace("status: concept", "status: definitief");
    std::fs::write(&plan, &edited).unwrap();
    let (code, _, err) = jc(&["import", book.to_str().unwrap(), "--data", data.to_str().unwrap(), "--peildatum", PEIL]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("nieuwer dan de werkmap") && err.contains("--overschrijven"), "{err}");
    assert_eq!(std::fs::read_to_string(&plan).unwrap(), edited, "untouched");
    let (code, json, _) = import_json(data, &book, &["--overschrijven"]);
    assert_eq!(code, 0, "{json}");
    assert_ne!(std::fs::read_to_string(&plan).unwrap(), edited);
    // And the sjabloon itself is never written over a workbook that may be filled in.
    let (code, _, err) = sjabloon_geonovum(data, out.path());
    assert_eq!(code, 2);
    assert!(err.contains("--overschrijven"), "{err}");
}

/// A minimal begroting of kadaster-obo for 2027, laid out as the route lays it out (after a
/// sheet "Toelichting"): header fields in rows 3–6, the notes row 8, field names in row 9, the
/// line in row 10 (amount F10).
pub(crate) fn begroting(edit: impl Fn(&mut Worksheet)) -> Vec<u8> {
    let mut wb = Workbook::new();
    wb.add_worksheet().set_name("Toelichting").unwrap().set_active(true);
    let ws = wb.add_worksheet();
    ws.set_name("Begroting").unwrap();
    ws.write(0, 0, "Begroting 2027").unwrap();
    let kop = [(2, ("organisatie", "kadaster-obo")), (4, ("status", "concept")), (5, ("ingediend_op", "2026-08-29"))];
    for (r, (k, v)) in kop {
        ws.write(r, 0, k).unwrap();
        ws.write(r, 1, v).unwrap();
    }
    ws.write(3, 0, "jaar").unwrap();
    ws.write(3, 1, 2027).unwrap();
    ws.write(7, 0, "uitleg").unwrap();
    for (c, h) in ["id", "omschrijving", "beleidsdoel", "component", "kostensoort", "2027"].iter().enumerate() {
        ws.write(8, c as u16, *h).unwrap();
    }
    for (c, v) in ["KO-NIEUW", "Nieuwe regel", "beheer", "omgevingsloket", "personeel"].iter().enumerate() {
        ws.write(9, c as u16, *v).unwrap();
    }
    ws.write(9, 5, 100000).unwrap();
    edit(ws);
    wb.save_to_buffer().unwrap()
}

/// What a hostile workbook must give: the code and cell of a finding (or none), and the exit.
struct Case {
    name: &'static str,
    bytes: Vec<u8>,
    want: Option<(&'static str, Option<&'static str>)>,
    exit: i32,
}

fn cases() -> Vec<Case> {
    let case = |name, bytes, want, exit| Case { name, bytes, want, exit };
    let mut million = Workbook::new();
    {
        let ws = million.add_worksheet_with_constant_memory().unwrap();
        ws.set_name("Begroting").unwrap();
        for r in 0..1_048_576u32 {
            ws.write_number(r, 0, 1.0).unwrap();
        }
    }
    let mut hidden_extra = Workbook::new();
    for (name, hide) in [("Begroting", false), ("Geheim", true)] {
        let ws = hidden_extra.add_worksheet();
        ws.set_name(name).unwrap();
        ws.write(0, 0, "x").unwrap();
        ws.set_hidden(hide);
    }
    vec![
        case("schoon", begroting(|_| {}), None, 0),
        case(
            "bedrag geen hele centen",
            begroting(|ws| drop(ws.write(9, 5, 1250000.333))),
            Some(("E003", Some("Begroting!F10"))),
            1,
        ),
        case(
            "bedrag in Nederlandse notatie",
            begroting(|ws| drop(ws.write(9, 5, "1.250.000,00"))),
            Some(("E003", Some("Begroting!F10"))),
            1,
        ),
        case("negatief bedrag", begroting(|ws| drop(ws.write(9, 5, -5))), Some(("E201", Some("Begroting!F10"))), 1),
        case(
            "onbekend beleidsdoel",
            begroting(|ws| drop(ws.write(9, 2, "behear"))),
            Some(("E102", Some("Begroting!C10"))),
            1,
        ),
        case(
            "formule met uitkomst",
            // As a spreadsheet program saves it: the result stored, no recalculation asked.
            rewrite(
                begroting(|ws| {
                    drop(ws.write_formula(9, 5, Formula::new("=0.1+0.2").set_result("0.30000000000000004")))
                }),
                "<calcPr calcId=\"124519\" fullCalcOnLoad=\"1\"/>",
                "<calcPr calcId=\"124519\"/>",
            ),
            None,
            0,
        ),
        case(
            "formule, werkmap vraagt herberekening",
            begroting(|ws| drop(ws.write_formula(9, 5, Formula::new("=B2*2")))),
            Some(("E003", Some("Begroting!F10"))),
            1,
        ),
        case(
            "formule zonder uitkomst",
            // As other programs write it: the formula without a stored value (`<v>`).
            rewrite(
                begroting(|ws| drop(ws.write_formula(9, 5, Formula::new("=B2*2")))),
                "<f>B2*2</f><v>0</v>",
                "<f>B2*2</f>",
            ),
            Some(("E003", Some("Begroting!F10"))),
            1,
        ),
        case(
            "datum als getal",
            begroting(|ws| {
                ws.write(5, 0, "ingediend_op").unwrap();
                ws.write(5, 1, 46000).unwrap();
            }),
            Some(("E003", Some("Begroting!B6"))),
            1,
        ),
        case(
            "samengevoegde cellen",
            begroting(|ws| {
                ws.write(10, 1, "tweede").unwrap();
                ws.merge_range(9, 2, 10, 2, "beheer", &rust_xlsxwriter::Format::new()).unwrap();
            }),
            Some(("E003", Some("Begroting!C10"))),
            1,
        ),
        case(
            "verborgen blad",
            begroting(|ws| {
                ws.set_hidden(true);
            }),
            Some(("E003", Some("Begroting!A1"))),
            1,
        ),
        case("onbekend verborgen blad", hidden_extra.save_to_buffer().unwrap(), Some(("W007", Some("Geheim!A1"))), 1),
        case(
            "waarde in rij 1.048.576",
            begroting(|ws| drop(ws.write(1_048_575, 0, "x"))),
            Some(("E005", Some("Begroting!A1048576"))),
            1,
        ),
        case("1.048.576 gevulde rijen", million.save_to_buffer().unwrap(), Some(("E005", Some("Begroting!A50001"))), 1),
        case(
            "onbekende kolom",
            begroting(|ws| drop(ws.write(8, 6, "opmerking"))),
            Some(("E002", Some("Begroting!G9"))),
            1,
        ),
        case(
            "waarde buiten de tabel",
            begroting(|ws| drop(ws.write(5, 4, "notitie"))),
            Some(("E003", Some("Begroting!E6"))),
            1,
        ),
        case("geen werkmap", b"PK\x03\x04 dit is geen zip".to_vec(), Some(("E005", None)), 1),
        case("zipbom", zip_bomb(), Some(("E005", None)), 1),
    ]
}

/// A workbook with `from` replaced by `to` in its XML parts.
fn rewrite(book: Vec<u8>, from: &str, to: &str) -> Vec<u8> {
    repack(
        book,
        |name, part| {
            let text = String::from_utf8(part.clone()).unwrap_or_default();
            if name.starts_with("xl/") && text.contains(from) { text.replace(from, to).into_bytes() } else { part }
        },
        false,
    )
}

/// A valid workbook with one extra part that unpacks to 300 MB of zeros.
fn zip_bomb() -> Vec<u8> {
    repack(begroting(|_| {}), |_, part| part, true)
}

/// The parts of a workbook, each passed through `edit`, packed again (plus 300 MB of zeros).
fn repack(base: Vec<u8>, edit: impl Fn(&str, Vec<u8>) -> Vec<u8>, bomb: bool) -> Vec<u8> {
    use std::io::{Read, Write};
    let mut src = zip::ZipArchive::new(std::io::Cursor::new(base)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for i in 0..src.len() {
        let mut f = src.by_index(i).unwrap();
        let mut buf = Vec::new();
        f.read_to_end(&mut buf).unwrap();
        let name = f.name().unwrap().to_string();
        out.start_file(name.clone(), opts).unwrap();
        out.write_all(&edit(&name, buf)).unwrap();
    }
    if !bomb {
        return out.finish().unwrap().into_inner();
    }
    out.start_file("xl/media/nullen.bin", opts.large_file(true)).unwrap();
    let zeros = vec![0u8; 1 << 20];
    for _ in 0..300 {
        out.write_all(&zeros).unwrap();
    }
    out.finish().unwrap().into_inner()
}

#[test]
fn hostile_workbooks_give_coded_findings_at_the_cell() {
    let dir = default_copy();
    let data = dir.path();
    let books = tempfile::tempdir().unwrap();
    let target = data.join("2027/kadaster-obo/begroting.yaml");
    let original = std::fs::read(&target).unwrap();
    let mut failures = Vec::new();
    for c in cases() {
        let book = books.path().join(format!("{}.xlsx", c.name.replace(' ', "-")));
        std::fs::write(&book, &c.bytes).unwrap();
        std::fs::write(&target, &original).unwrap();
        let (code, json, took) = import_json(data, &book, &["--overschrijven"]);
        let got = cells(&json);
        let found = match c.want {
            None => got.iter().all(|(code, _)| code.starts_with('W')),
            Some((want, cel)) => got.iter().any(|(code, at)| code == want && at.as_deref() == cel),
        };
        let written = std::fs::read(&target).unwrap() != original;
        let wrote_ok = if c.exit == 0 { written } else { !written };
        if code != c.exit || !found || !wrote_ok || took > Duration::from_secs(10) {
            failures
                .push(format!("{}: exit {code} (want {}), written {written}, {took:?}, got {got:?}", c.name, c.exit));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The finding of `import` that the user guide shows is what the program prints, word for word.
#[test]
fn the_guide_shows_what_import_prints() {
    let guide = std::fs::read_to_string(root().join("docs/handleiding/aanleveren.md")).unwrap();
    let block = guide
        .match_indices("```\nfout[")
        .map(|(i, _)| {
            let b = &guide[i + 4..];
            &b[..b.find("```").expect("a closed block")]
        })
        .find(|b| b.contains(".xlsx "))
        .expect("the guide shows a finding of import");
    let dir = default_copy();
    let books = tempfile::tempdir().unwrap();
    std::fs::write(books.path().join("kadaster-obo-2027.xlsx"), begroting(|ws| drop(ws.write(9, 5, 1250000.333))))
        .unwrap();
    let out = Command::new(bin())
        .args(["import", "kadaster-obo-2027.xlsx", "--data", dir.path().to_str().unwrap(), "--peildatum", PEIL])
        .current_dir(books.path())
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout.contains(block.trim_end()), "the guide shows\n{block}\nthe program prints\n{stdout}");
}
