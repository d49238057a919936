//! `jaarcyclus ontvang` through the binary (contract §15): a delivery received into the data root
//! with a receipt per file and a bevestiging; refused on E0–E2 (nothing changes, exit 1), refused
//! by name (exit 2, nothing written); the same bytes received once; delivered = received.

use crate::common::*;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// A receiving setup: a copy of the base fixture, an empty output folder, a delivery folder.
pub struct Setup {
    pub dir: tempfile::TempDir,
}

impl Setup {
    pub fn new() -> Setup {
        let dir = tempfile::tempdir().unwrap();
        copy_tree(&root().join("tests/fixtures/base"), &dir.path().join("data"));
        std::fs::create_dir_all(dir.path().join("bron")).unwrap();
        Setup { dir }
    }
    pub fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }
    pub fn out(&self) -> PathBuf {
        self.dir.path().join("out")
    }
    pub fn bron(&self) -> PathBuf {
        self.dir.path().join("bron")
    }
    /// Puts a file into the delivery folder.
    pub fn deliver(&self, name: &str, text: &str) {
        std::fs::write(self.bron().join(name), text).unwrap();
    }
    /// Runs `ontvang` on the delivery folder; returns the exit status, stdout (JSON) and stderr.
    pub fn ontvang(&self, org: &str, extra: &[&str]) -> (i32, serde_json::Value, String) {
        let (data, out, bron) = (self.data(), self.out(), self.bron());
        let mut args = vec!["ontvang", bron.to_str().unwrap(), "--organisatie", org, "--format", "json"];
        args.extend(["--data", data.to_str().unwrap(), "--out", out.to_str().unwrap()]);
        args.extend(extra);
        let o = run(&args);
        let stdout = String::from_utf8_lossy(&o.stdout).into_owned();
        let json = serde_json::from_str(&stdout).unwrap_or(serde_json::Value::Null);
        (o.status.code().unwrap(), json, String::from_utf8_lossy(&o.stderr).into_owned())
    }
    pub fn register(&self) -> String {
        std::fs::read_to_string(self.data().join("ontvangsten.yaml")).unwrap_or_default()
    }
    /// The bevestigingen written, (name, text).
    pub fn bevestigingen(&self) -> Vec<(String, String)> {
        let dir = self.out().join("ontvangsten");
        let mut out: Vec<_> = std::fs::read_dir(&dir)
            .into_iter()
            .flatten()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read_to_string(&p).unwrap()))
            .collect();
        out.sort();
        out
    }
}

/// SHA-256 of every file under `dir` (relative path → digest).
pub fn hashes(dir: &Path) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for e in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let e = e.unwrap();
        if e.file_type().is_file() {
            let rel = e.path().strip_prefix(dir).unwrap().to_string_lossy().into_owned();
            out.insert(rel, sha(&std::fs::read(e.path()).unwrap()));
        }
    }
    out
}

pub fn sha(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// The base's realisatie of obo-b with another toelichting (so its bytes are new).
pub fn realisatie(s: &Setup, ingediend_op: &str) -> String {
    let text = std::fs::read_to_string(s.data().join("2025/obo-b/realisatie.yaml")).unwrap();
    let text = text.replace("ingediend_op: 2026-02-20", &format!("ingediend_op: {ingediend_op}"));
    text.replace("Extra inhuur na storing in maart", "Extra inhuur na de storing in maart")
}

fn codes(json: &serde_json::Value) -> Vec<(String, Option<String>)> {
    findings(json).into_iter().map(|(c, f, _)| (c, f)).collect()
}

#[test]
fn a_delivery_is_received_registered_and_confirmed() {
    let s = Setup::new();
    let text = realisatie(&s, "2026-02-20");
    s.deliver("realisatie.yaml", &text);
    let (status, json, err) = s.ontvang("obo-b", &["--peildatum", "2026-02-25"]);
    assert_eq!(status, 0, "{json:#}\n{err}");
    assert_eq!(json["ontvangen"], true);
    assert_eq!(json["jaar"], 2025);
    assert_eq!(json["bestanden"][0]["bestand"], "2025/obo-b/realisatie.yaml");
    assert_eq!(json["bestanden"][0]["uitkomst"], "ontvangen");
    assert_eq!(std::fs::read_to_string(s.data().join("2025/obo-b/realisatie.yaml")).unwrap(), text);
    let register = s.register();
    assert!(register.contains(&format!("sha256: \"{}\"", sha(text.as_bytes()))), "{register}");
    assert!(register.contains("bestand: 2025/obo-b/realisatie.yaml\n"), "{register}");
    assert!(register.contains("ontvangen_op: 2026-02-25\n"), "{register}");
    let tijdstip = register.lines().find_map(|l| l.trim().strip_prefix("tijdstip: ")).unwrap();
    assert!(tijdstip.len() == 20 && tijdstip.ends_with('Z') && !tijdstip.starts_with("2026-02-25"), "{tijdstip}");
    let b = s.bevestigingen();
    assert_eq!(b.len(), 1);
    let stamp = tijdstip.replace(['-', ':'], "");
    assert_eq!(b[0].0, format!("obo-b-2025-{stamp}.txt"));
    assert!(b[0].1.contains(&sha(text.as_bytes())), "{}", b[0].1);
    assert!(b[0].1.contains("ontvangen op 25 februari 2026"), "{}", b[0].1);
    assert!(b[0].1.contains("realisatie: termijn 1 maart 2026; op tijd"), "{}", b[0].1);
    let eml = std::fs::read_to_string(s.out().join("ontvangsten").join(b[0].0.replace(".txt", ".eml"))).unwrap();
    assert!(eml.contains("Subject: ") && eml.contains("\r\n\r\nAan:"), "{eml}");
    // The whole tree stays clean: no W009, the realisation delivered on the date of receipt.
    let (status, json) = check_json(&s.data(), &["--peildatum", "2026-06-01"]);
    assert_eq!(findings(&json), vec![], "{json:#}");
    assert_eq!(status, 0);
    // A second receipt of the same bytes: no new entry, "al ontvangen op".
    let (status, json, _) = s.ontvang("obo-b", &["--peildatum", "2026-02-27"]);
    assert_eq!(status, 0);
    assert_eq!(json["bestanden"][0]["uitkomst"], "al ontvangen op 25 februari 2026");
    assert_eq!(s.register(), register, "no new entry");
}

#[test]
fn delivered_is_received_late_after_the_deadline_whatever_the_file_says() {
    let s = Setup::new();
    // The file claims an early date; it is received after the deadline (1 March 2026).
    s.deliver("realisatie.yaml", &realisatie(&s, "2026-02-01"));
    let (status, json, err) = s.ontvang("obo-b", &["--peildatum", "2026-03-10"]);
    assert_eq!(status, 0, "{json:#}\n{err}");
    assert!(codes(&json).contains(&("W401".into(), Some("ontvangsten.yaml".into()))), "{json:#}");
    let b = &s.bevestigingen()[0].1;
    assert!(b.contains("te laat (9 dagen)"), "{b}");
    // Received with a reference date in the past: the real moment lies after it, so the
    // receipt says it was registered later.
    assert!(b.contains("ontvangen op 10 maart 2026 (nagedateerd: geregistreerd op "), "{b}");
    // The check of the tree says so too; before the date of receipt it is not delivered at all.
    let (_, json) = check_json(&s.data(), &["--peildatum", "2026-06-01"]);
    assert_eq!(codes(&json), [("W401".to_string(), Some("ontvangsten.yaml".to_string()))], "{json:#}");
    let (_, json) = check_json(&s.data(), &["--peildatum", "2026-03-05"]);
    assert_eq!(codes(&json), [("E401".to_string(), Some("2025/obo-b/realisatie.yaml".to_string()))], "{json:#}");
    // Changed after receipt: W009, and judged by its own ingediend_op (on time) again.
    let path = s.data().join("2025/obo-b/realisatie.yaml");
    let changed = std::fs::read_to_string(&path).unwrap().replace("de storing", "een storing");
    std::fs::write(&path, changed).unwrap();
    let (status, json) = check_json(&s.data(), &["--peildatum", "2026-06-01"]);
    assert_eq!(codes(&json), [("W009".to_string(), Some("2025/obo-b/realisatie.yaml".to_string()))], "{json:#}");
    assert_eq!(status, 0);
}

#[test]
fn errors_of_e0_to_e2_change_nothing() {
    let s = Setup::new();
    let before = hashes(&s.data());
    let text = realisatie(&s, "2026-02-20").replace("bedrag: 1310450.25", "bedrag: -5");
    s.deliver("realisatie.yaml", &text);
    s.deliver("plan.yaml", "organisatie: obo-b\njaar: 2025\nonbekend_veld: x\n");
    let (status, json, err) = s.ontvang("obo-b", &[]);
    assert_eq!(status, 1, "{json:#}\n{err}");
    assert_eq!(json["ontvangen"], false);
    let got = codes(&json);
    assert!(got.contains(&("E201".into(), Some("2025/obo-b/realisatie.yaml".into()))), "{got:?}");
    assert!(got.contains(&("E002".into(), Some("2025/obo-b/plan.yaml".into()))), "{got:?}");
    assert_eq!(hashes(&s.data()), before, "the data root is unchanged");
    let b = &s.bevestigingen()[0].1;
    assert!(b.contains("NIET ontvangen") && b.contains("E201") && b.contains("regel"), "{b}");
}

#[test]
fn a_name_that_is_no_contract_file_of_the_party_is_refused_and_nothing_written() {
    type Make = fn(&Setup);
    let cases: [(&str, Make); 5] = [
        ("notities.txt", |s| s.deliver("notities.txt", "x")),
        ("koppeling", |s| std::os::unix::fs::symlink("/etc/passwd", s.bron().join("plan.yaml")).unwrap()),
        ("obo-a", |s| {
            let other = std::fs::read_to_string(s.data().join("2025/obo-a/plan.yaml")).unwrap();
            s.deliver("plan.yaml", &other);
        }),
        ("jaren", |s| {
            s.deliver("realisatie.yaml", &realisatie(s, "2026-02-20"));
            let plan = std::fs::read_to_string(s.data().join("2025/obo-b/plan.yaml")).unwrap();
            s.deliver("plan.yaml", &plan.replace("jaar: 2025", "jaar: 2026"));
        }),
        ("map", |s| std::fs::create_dir(s.bron().join("2025")).unwrap()),
    ];
    for (what, make) in cases {
        let s = Setup::new();
        make(&s);
        let before = hashes(&s.data());
        let (status, _, err) = s.ontvang("obo-b", &[]);
        assert_eq!(status, 2, "{what}: {err}");
        assert!(err.contains("niets ontvangen"), "{what}: {err}");
        assert_eq!(hashes(&s.data()), before, "{what}");
        assert!(!s.out().join("ontvangsten").exists(), "{what}: nothing written");
    }
}

#[test]
fn a_file_over_the_size_limit_is_e005_and_not_received() {
    let s = Setup::new();
    let mut big = realisatie(&s, "2026-02-20");
    big.push_str(&format!("# {}\n", "x".repeat(8 * 1024 * 1024)));
    s.deliver("realisatie.yaml", &big);
    let before = hashes(&s.data());
    let (status, json, _) = s.ontvang("obo-b", &[]);
    assert_eq!(status, 1);
    assert_eq!(codes(&json), [("E005".to_string(), Some("2025/obo-b/realisatie.yaml".to_string()))]);
    assert_eq!(hashes(&s.data()), before);
}

#[test]
fn findings_in_every_format_and_the_help_in_dutch() {
    let s = Setup::new();
    s.deliver("realisatie.yaml", &realisatie(&s, "2026-02-20").replace("bedrag: 0}", "bedrag: -1}"));
    let (data, out, bron) = (s.data(), s.out(), s.bron());
    for (format, marker) in [("sarif", "\"ruleId\": \"E201\""), ("github", "::error file="), ("human", "E201")] {
        let o = run(&[
            "ontvang",
            bron.to_str().unwrap(),
            "--organisatie",
            "obo-b",
            "--format",
            format,
            "--data",
            data.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ]);
        assert_eq!(o.status.code(), Some(1), "{format}");
        assert!(
            String::from_utf8_lossy(&o.stdout).contains(marker),
            "{format}: {}",
            String::from_utf8_lossy(&o.stdout)
        );
    }
    let help = String::from_utf8(run(&["ontvang", "--help"]).stdout).unwrap();
    assert!(help.contains("Gebruik: jaarcyclus ontvang <BRON> --organisatie <ID>"), "{help}");
    assert!(help.contains("niet ontvangen"), "{help}");
}

#[test]
fn a_workbook_is_received_as_import_reads_it() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    copy_tree(&root().join("data"), &data);
    let out = dir.path().join("out");
    let (d, o) = (data.to_str().unwrap(), out.to_str().unwrap());
    let args = ["sjabloon", "--jaar", "2027", "--format", "xlsx", "--organisatie", "geonovum", "--data", d, "--out", o];
    assert_eq!(run(&args).status.code(), Some(0));
    let book = out.join("sjablonen/geonovum-2027.xlsx");
    let r = run(&["ontvang", book.to_str().unwrap(), "--organisatie", "geonovum", "--data", d, "--out", o]);
    let text = String::from_utf8_lossy(&r.stdout);
    assert!(matches!(r.status.code(), Some(0) | Some(1)), "{text}{}", String::from_utf8_lossy(&r.stderr));
    assert!(text.contains("ontvangen"), "{text}");
    let register = std::fs::read_to_string(data.join("ontvangsten.yaml")).unwrap();
    assert!(register.contains("bestand: 2027/geonovum/plan.yaml"), "{register}");
    // Another party's workbook is refused by name.
    let r = run(&["ontvang", book.to_str().unwrap(), "--organisatie", "rws-obo", "--data", d, "--out", o]);
    assert_eq!(r.status.code(), Some(2), "{}", String::from_utf8_lossy(&r.stderr));
}
