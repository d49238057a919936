//! Adversarial input for `jaarcyclus check`: a corpus of hostile and odd files of every kind
//! (stelsel, afspraken, plan, begroting, realisatie, vergadering), each laid over the clean
//! base fixture and generated at test time (nothing large is committed). Every case must end
//! without a panic, with the right exit status, a coded finding at the right file and line,
//! within a time bound and under a memory limit. The outcomes are the table in README.md
//! (section "Robuustheid"); `JAARCYCLUS_BLESS=1` rewrites it. Also: the replay of the fuzz
//! seed corpus through the fuzz targets' own code, and a stable-toolchain mutation loop.

#[path = "../fuzz/harness.rs"]
mod harness;

use crate::common::*;
use harness::{KINDS, PEILDATUM};
use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// A hang guard, not a performance assertion: every case takes milliseconds.
const TIME_LIMIT: Duration = Duration::from_secs(10);
/// The address space a `check` may use (`ulimit -v`, KiB): 1 GiB.
const MEMORY_LIMIT_KIB: u64 = 1 << 20;
/// Past this the child is killed, so a hang fails the test instead of blocking CI.
const KILL_AFTER: Duration = Duration::from_secs(60);

/// What a case must give.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Want {
    /// No findings at all; exit status 0.
    Clean,
    /// Warnings only; exit status 0.
    Warnings,
    /// This error code in the case's file, at this line (`None`: no line, the whole file); exit 1.
    Error(&'static str, Option<u64>),
    /// This error code in the case's file, at some line; exit 1.
    ErrorSomeLine(&'static str),
    /// The command could not run (unreadable data root); exit 2.
    CannotRun,
    /// Only "no panic, in time": the outcome depends on the machine (see the case).
    Any,
}

type Setup = Box<dyn Fn(&Path) + Send + Sync>;

/// One adversarial case: a table, a row and a column for the README, what to do to a copy of
/// the base fixture, and what must come out.
struct Case {
    table: &'static str,
    row: String,
    col: String,
    /// The file (relative to the data root) the finding must point at.
    file: String,
    setup: Setup,
    /// `--data` below the temporary dir (for cases about the data root itself).
    data: Option<&'static str>,
    /// Run `ontvang` for this party (contract §15) instead of `check`: `setup` then fills the
    /// delivery folder, which lies outside the data root.
    ontvang: Option<&'static str>,
    want: Want,
}

/// What came out of a case.
struct Outcome {
    exit: i32,
    /// The finding that matched `want` (code and line), if any.
    code: Option<(String, Option<u64>)>,
    elapsed: Duration,
}

fn base_text(rel: &str) -> String {
    std::fs::read_to_string(root().join("tests/fixtures/base").join(rel)).unwrap()
}

/// Removes whatever is at `path` (file, link or directory).
fn clear(path: &Path) {
    if let Ok(m) = std::fs::symlink_metadata(path) {
        if m.is_dir() {
            std::fs::remove_dir_all(path).unwrap();
        } else {
            std::fs::remove_file(path).unwrap();
        }
    }
}

fn put(dir: &Path, rel: &str, bytes: &[u8]) {
    let path = dir.join(rel);
    clear(&path);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, bytes).unwrap();
}

fn symlink(target: impl AsRef<Path>, link: &Path) {
    clear(link);
    std::fs::create_dir_all(link.parent().unwrap()).unwrap();
    std::os::unix::fs::symlink(target, link).unwrap();
}

/// 1-based line of the first occurrence of `needle`.
fn line_of(text: &str, needle: &str) -> u64 {
    let i = text.find(needle).unwrap_or_else(|| panic!("`{needle}` not in {text}"));
    text[..i].matches('\n').count() as u64 + 1
}

/// Whether the tests run as root, for whom `chmod 000` does not stop reading.
fn is_root() -> bool {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("Uid:")).map(|l| l.split_whitespace().nth(1) == Some("0")))
        .unwrap_or(false)
}

/// A case that writes `bytes` as the file `rel`.
fn file_case(table: &'static str, row: &str, col: &str, rel: &str, bytes: Vec<u8>, want: Want) -> Case {
    let r = rel.to_string();
    Case {
        table,
        row: row.into(),
        col: col.into(),
        file: rel.into(),
        setup: Box::new(move |d| put(d, &r, &bytes)),
        data: None,
        ontvang: None,
        want,
    }
}

/// A case that does something else to the tree.
fn fs_case(table: &'static str, row: &str, col: &str, file: &str, want: Want, setup: Setup) -> Case {
    Case { table, row: row.into(), col: col.into(), file: file.into(), setup, data: None, ontvang: None, want }
}

/// The list field of each kind, where a list of mappings belongs.
fn list_field(kind: &str) -> &'static str {
    match kind {
        "stelsel" => "organisaties",
        "afspraken" => "afspraken",
        "aanvaard" => "aanvaard",
        "plan" => "doelen",
        "begroting" | "realisatie" | "wijziging" | "voortgang" => "regels",
        _ => "agenda",
    }
}

/// `text` with the block of `field:` (its line and the indented lines after it) replaced by
/// `field: value`; returns the new text and the line of the replacement.
fn replace_block(text: &str, field: &str, value: &str) -> (String, u64) {
    let mut out = Vec::new();
    let mut at = 0;
    let mut skipping = false;
    for (i, l) in text.lines().enumerate() {
        if l.starts_with(&format!("{field}:")) {
            out.push(format!("{field}: {value}"));
            at = i as u64 + 1;
            skipping = true;
        } else if skipping && (l.starts_with(' ') || l.starts_with('-')) {
        } else {
            skipping = false;
            out.push(l.to_string());
        }
    }
    assert!(at > 0, "{field} not found");
    (out.join("\n") + "\n", at)
}

/// The generic corpus: the same hostile shapes for every file kind.
fn generic_cases() -> Vec<Case> {
    const T: &str = "generiek";
    let mut cases = Vec::new();
    for (kind, rel) in KINDS {
        let text = base_text(rel);
        let lines: Vec<&str> = text.lines().collect();
        let n = lines.len() as u64;
        let field = list_field(kind);
        let head2 = format!("{}\n{}\n", lines[0], lines[1]);
        let tail = lines[2..].join("\n") + "\n";
        let empty = match kind {
            "afspraken" => Want::Warnings,
            "aanvaard" => Want::Clean,
            _ => Want::Error("E003", Some(1)),
        };
        let mut add = |row: &str, bytes: Vec<u8>, want: Want| cases.push(file_case(T, row, kind, rel, bytes, want));
        add("leeg bestand", Vec::new(), empty);
        add("alleen commentaar", b"# nog niets\n".to_vec(), empty);
        add("lijst waar een mapping hoort", b"- a\n- b\n".to_vec(), Want::Error("E003", Some(1)));
        let (t, at) = replace_block(&text, field, "{id: x}");
        add("mapping waar een lijst hoort", t.into_bytes(), Want::Error("E003", Some(at)));
        add("UTF-8-BOM", [b"\xef\xbb\xbf".as_slice(), text.as_bytes()].concat(), Want::Clean);
        let crlf = text.replace('\n', "\r\n");
        add("CRLF-regeleinden", crlf.clone().into_bytes(), Want::Clean);
        add(
            "CRLF met fout op laatste regel",
            (crlf + "onbekend: 1\r\n").into_bytes(),
            Want::Error("E002", Some(n + 1)),
        );
        let indented = lines.iter().position(|l| l.starts_with("  ")).unwrap();
        let tabbed: Vec<String> = lines
            .iter()
            .enumerate()
            .map(|(i, l)| if i == indented { format!("\t{}", &l[2..]) } else { l.to_string() })
            .collect();
        add(
            "tab als inspringing",
            (tabbed.join("\n") + "\n").into_bytes(),
            Want::Error("E001", Some(indented as u64 + 1)),
        );
        add("tab na de dubbele punt", text.replacen(": ", ":\t", 1).into_bytes(), Want::Clean);
        add("NUL-byte", format!("{head2}# a\0b\n{tail}").into_bytes(), Want::Error("E005", Some(3)));
        add(
            "geen UTF-8 (Latin-1 é)",
            [head2.as_bytes(), b"# caf\xe9\n", tail.as_bytes()].concat(),
            Want::Error("E005", Some(3)),
        );
        let mut big = text.clone().into_bytes();
        let filler = format!("# {}\n", "x".repeat(1_000));
        while big.len() < 20_000_000 {
            big.extend_from_slice(filler.as_bytes());
        }
        add("bestand van 20 MB", big, Want::Error("E005", None));
        add(
            "regel van 100.000 tekens (commentaar)",
            format!("{text}# {}\n", "x".repeat(100_000)).into_bytes(),
            Want::Clean,
        );
        add(
            "sleutel van 100.000 tekens",
            format!("{text}{}: 1\n", "x".repeat(100_000)).into_bytes(),
            Want::Error("E001", Some(n + 1)),
        );
        let deep = format!("{field}: {}{}\n", "[".repeat(100_000), "]".repeat(100_000));
        add("100.000 diep genest `[[[…`", deep.into_bytes(), Want::Error("E005", Some(1)));
        let deep = format!("{field}: [{}x{}]\n", "{a: ".repeat(100_000), "}".repeat(100_000));
        add("100.000 diep genest `[{a: {a: …`", deep.into_bytes(), Want::Error("E005", Some(1)));
        let mut bomb = format!("{field}:\n  - &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..10 {
            bomb.push_str(&format!("  - &a{i} [{}]\n", vec![format!("*a{}", i - 1); 10].join(", ")));
        }
        bomb.push_str("  - *a9\n");
        add("aliasbom (10^10 knopen)", bomb.into_bytes(), Want::Error("E003", Some(2)));
        let flood = format!("{field}:\n  - &a {{}}\n{}", "  - *a\n".repeat(1_000));
        add("aliasvloed (1.000 × hetzelfde anker)", flood.into_bytes(), Want::Error("E005", Some(103)));
        let (r, r2) = (rel.to_string(), rel.to_string());
        cases.push(fs_case(
            T,
            "map met de naam van het bestand",
            kind,
            rel,
            Want::Error("E005", None),
            Box::new(move |d| {
                clear(&d.join(&r));
                std::fs::create_dir_all(d.join(&r)).unwrap();
            }),
        ));
        cases.push(fs_case(
            T,
            "named pipe (FIFO) met de naam van het bestand",
            kind,
            rel,
            Want::Error("E005", None),
            Box::new(move |d| {
                clear(&d.join(&r2));
                let ok = Command::new("mkfifo").arg(d.join(&r2)).status().unwrap().success();
                assert!(ok, "mkfifo");
            }),
        ));
        let r = rel.to_string();
        // As root (CI), permissions do not stop reading: the file reads as the valid base file,
        // so only "no panic, in time" is asserted there.
        let want = if is_root() { Want::Any } else { Want::Error("E005", None) };
        cases.push(fs_case(
            T,
            "geen leesrechten (chmod 000)",
            kind,
            rel,
            want,
            Box::new(move |d| {
                use std::os::unix::fs::PermissionsExt;
                std::fs::set_permissions(d.join(&r), std::fs::Permissions::from_mode(0o000)).unwrap();
            }),
        ));
        let r = rel.to_string();
        cases.push(fs_case(
            T,
            "koppeling naar een geldig bestand buiten de gegevensmap",
            kind,
            rel,
            Want::Error("E005", None),
            Box::new(move |d| symlink(root().join("tests/fixtures/base").join(&r), &d.join(&r))),
        ));
        let r = rel.to_string();
        cases.push(fs_case(
            T,
            "koppeling naar zichzelf (kring)",
            kind,
            rel,
            Want::Error("E005", None),
            Box::new(move |d| {
                let name = Path::new(&r).file_name().unwrap().to_owned();
                symlink(name, &d.join(&r));
            }),
        ));
    }
    cases
}

/// Every place an amount stands, with the text to replace and the line it is on.
fn amount_places() -> Vec<(&'static str, &'static str, &'static str, String)> {
    vec![
        ("begroting: bedragen", "2025/obo-a/begroting.yaml", "{2025: 1250000,", "{2025: {},".into()),
        ("begroting: totaal", "2025/obo-a/begroting.yaml", "totaal: 1000000", "totaal: {}".into()),
        ("realisatie: bedrag", "2025/obo-a/realisatie.yaml", "bedrag: 1310450.25", "bedrag: {}".into()),
        ("plan: risico", "2025/obo-a/plan.yaml", "bedrag: 250000}", "bedrag: {}}".into()),
        ("plan: bedrag_per_jaar", "2025/obo-a/plan.yaml", "bedrag_per_jaar: 100000", "bedrag_per_jaar: {}".into()),
        ("stelsel: taakstellend", "stelsel.yaml", "{2025: 5000000,", "{2025: {},".into()),
        ("stelsel: afwijking_bedrag", "stelsel.yaml", "afwijking_bedrag: 50000", "afwijking_bedrag: {}".into()),
        ("vergadering: bedrag", "vergaderingen/2026-06-15-ogb-b.yaml", "bedrag: 3750000", "bedrag: {}".into()),
        ("wijziging: mutatie", "2025/kad-tbo/wijziging-1.yaml", "mutatie: -50000", "mutatie: {}".into()),
        ("voortgang: tot_en_met", "2025/kad-tbo/voortgang-q3.yaml", "tot_en_met: 880000", "tot_en_met: {}".into()),
        ("voortgang: prognose", "2025/kad-tbo/voortgang-q3.yaml", "prognose: 1210000", "prognose: {}".into()),
    ]
}

/// Amounts beyond Decimal's range, with exponents, separators, signs and non-numbers, at
/// every place an amount stands.
fn amount_cases() -> Vec<Case> {
    let values: [(&str, &str, &'static str); 12] = [
        ("voorbij Decimal (32 cijfers)", "99999999999999999999999999999999", "E003"),
        ("exponent `1e9`", "1e9", "E003"),
        ("exponent `1.5e3`", "1.5e3", "E003"),
        ("liggend streepje `1_000`", "1_000", "E003"),
        ("NL-notatie `\"1.250.000,00\"`", "\"1.250.000,00\"", "E003"),
        ("NL-notatie onaangehaald `1.250.000,00`", "1.250.000,00", "E003"),
        ("NL-duizendtal `12.345`", "12.345", "E003"),
        ("`.nan`", ".nan", "E003"),
        ("`.inf`", ".inf", "E003"),
        ("`-.inf`", "-.inf", "E003"),
        ("hexadecimaal `0x10`", "0x10", "E003"),
        ("negatief `-5`", "-5", "E201"),
    ];
    let mut cases = Vec::new();
    for (row, value, code) in values {
        for (col, rel, from, to) in amount_places() {
            let text = base_text(rel);
            let at = line_of(&text, from);
            let new = text.replacen(from, &to.replace("{}", value), 1);
            // In flow style a comma ends the value (contract §2): the parser then stumbles over `00`
            // as a field, and the finding names the Dutch amount itself (E003), as in block style.
            // A mutatie is the one signed amount (contract §11): `-5` lowers the line.
            let want =
                if value == "-5" && col == "wijziging: mutatie" { Want::Clean } else { Want::Error(code, Some(at)) };
            cases.push(file_case("bedragen", row, col, rel, new.into_bytes(), want));
        }
    }
    // Percentages of a verdeelsleutel (at most four decimals; E202 follows from the sum).
    let text = base_text("stelsel.yaml");
    let at = line_of(&text, "verdeelsleutel: {rijk: 19,");
    for (row, value) in [("exponent `1e9`", "1e9"), ("`.nan`", ".nan"), ("liggend streepje `1_000`", "1_000")] {
        let new = text.replacen("{rijk: 19,", &format!("{{rijk: {value},"), 1);
        cases.push(file_case(
            "bedragen",
            row,
            "stelsel: verdeelsleutel",
            "stelsel.yaml",
            new.into_bytes(),
            Want::Error("E003", Some(at)),
        ));
    }
    // Accepted forms: a leading `+` and the largest amount (20 digits, 2 decimals).
    let rel = "2025/obo-a/realisatie.yaml";
    let text = base_text(rel);
    for (row, value) in
        [("plus vooraan `+5`", "+5"), ("grootste bedrag `99999999999999999999.99`", "99999999999999999999.99")]
    {
        let new = text.replacen("bedrag: 1310450.25", &format!("bedrag: {value}"), 1);
        cases.push(file_case("bedragen", row, "realisatie: bedrag", rel, new.into_bytes(), Want::Clean));
    }
    cases
}

/// Dates with times, at every date field.
fn date_cases() -> Vec<Case> {
    let places = [
        ("plan: ingediend_op", "2025/obo-a/plan.yaml", "ingediend_op: 2024-08-20"),
        ("plan: gereed", "2025/obo-a/plan.yaml", "gereed: 2025-06-30"),
        ("begroting: ingediend_op", "2025/obo-a/begroting.yaml", "ingediend_op: 2024-08-20"),
        ("realisatie: ingediend_op", "2025/obo-a/realisatie.yaml", "ingediend_op: 2026-02-20"),
        ("afspraken: getekend_op", "afspraken.yaml", "getekend_op: 2023-12-01"),
        ("wijziging: vastgesteld_op", "2025/kad-tbo/wijziging-1.yaml", "vastgesteld_op: 2025-03-01"),
        ("voortgang: ingediend_op", "2025/kad-tbo/voortgang-q3.yaml", "ingediend_op: 2025-10-20"),
        ("vergadering: datum", "vergaderingen/2026-06-15-ogb-b.yaml", "datum: 2026-06-15"),
        (
            "vergadering: stukken_verzonden_op",
            "vergaderingen/2026-06-15-ogb-b.yaml",
            "stukken_verzonden_op: 2026-06-01",
        ),
    ];
    let mut cases = Vec::new();
    for (row, suffix) in [
        ("met tijd `T10:00:00`", "T10:00:00"),
        ("met tijd en zone `T10:00:00+02:00`", "T10:00:00+02:00"),
        ("met spatie en tijd ` 10:00`", " 10:00"),
    ] {
        for (col, rel, from) in places {
            let text = base_text(rel);
            let at = line_of(&text, from);
            let new = text.replacen(from, &format!("{from}{suffix}"), 1);
            cases.push(file_case("datums", row, col, rel, new.into_bytes(), Want::Error("E003", Some(at))));
        }
    }
    cases
}

/// Ids with Unicode, spaces and path separators.
fn id_cases() -> Vec<Case> {
    const T: &str = "ids";
    let mut cases = Vec::new();
    let st = base_text("stelsel.yaml");
    for (row, v) in [("spatie", "\"obo b\""), ("Unicode", "obö-b"), ("pad `../x`", "../x"), ("pad `a/b`", "a/b")] {
        let new = st.replacen("{id: obo-b,", &format!("{{id: {v},"), 1);
        cases.push(file_case(
            T,
            &format!("partij-id met {row}"),
            "stelsel.yaml",
            "stelsel.yaml",
            new.into_bytes(),
            Want::Error("E003", Some(7)),
        ));
    }
    let rel = "2025/obo-a/plan.yaml";
    let plan = base_text(rel);
    for (row, v) in [("spatie", "\"obo a\""), ("Unicode", "obö-a"), ("pad `../x`", "../x")] {
        let new = plan.replacen("organisatie: obo-a", &format!("organisatie: {v}"), 1);
        cases.push(file_case(
            T,
            &format!("`organisatie` met {row}"),
            rel,
            rel,
            new.into_bytes(),
            Want::Error("E003", Some(1)),
        ));
    }
    let new = plan.replacen("id: D1", "id: \"D 1\"", 1);
    cases.push(file_case(T, "doel-id met spatie", rel, rel, new.into_bytes(), Want::Error("E003", Some(7))));
    // Goal, result and line ids are case-sensitive text without spaces (contract §2): Unicode
    // and slashes are allowed there, and never used as a path.
    for (row, v) in [("Unicode `Dé1€`", "Dé1€"), ("pad `../D1`", "../D1")] {
        let new = plan.replace("id: D1", &format!("id: \"{v}\"")).replace("doel: D1", &format!("doel: \"{v}\""));
        cases.push(file_case(T, &format!("doel-id met {row} (toegestaan)"), rel, rel, new.into_bytes(), Want::Clean));
    }
    let rel = "2025/obo-a/begroting.yaml";
    let new = base_text(rel).replacen("id: OBO_A-BEHEER", "id: \"OBO_A BEHEER\"", 1);
    cases.push(file_case(T, "regel-id met spatie", rel, rel, new.into_bytes(), Want::Error("E003", Some(6))));
    let rel = "2025/obo-a/realisatie.yaml";
    let new = base_text(rel).replacen("regel: OBO_A-BEHEER", "regel: \"OBO_A\tBEHEER\"", 1);
    cases.push(file_case(T, "`regel` met tab", rel, rel, new.into_bytes(), Want::Error("E003", Some(6))));
    let rel = "afspraken.yaml";
    let new = base_text(rel).replacen("{organisatie: obo-a,", "{organisatie: \"../obo-a\",", 1);
    cases.push(file_case(
        T,
        "`organisatie` met pad `../obo-a`",
        rel,
        rel,
        new.into_bytes(),
        Want::Error("E003", Some(4)),
    ));
    let rel = "vergaderingen/2026-06-15-ogb-b.yaml";
    let new = base_text(rel).replacen("  - id: 1", "  - id: \"../1\"", 1);
    cases.push(file_case(
        T,
        "agendapunt-id `\"../1\"` (geen geheel getal)",
        rel,
        rel,
        new.into_bytes(),
        Want::Error("E003", Some(5)),
    ));
    cases
}

/// Folders, links and the data root itself.
fn tree_cases() -> Vec<Case> {
    const T: &str = "mappen";
    let mut cases = Vec::new();
    let plan = base_text("2025/obo-a/plan.yaml");
    let p = plan.clone();
    cases.push(fs_case(
        T,
        "map van een partij die het stelsel niet kent",
        "2025/onbekend",
        "2025/onbekend",
        Want::Error("E101", None),
        Box::new(move |d| put(d, "2025/onbekend/plan.yaml", p.as_bytes())),
    ));
    cases.push(fs_case(
        T,
        "lege map van een onbekende partij",
        "2025/leeg",
        "2025/leeg",
        Want::Error("E101", None),
        Box::new(|d| std::fs::create_dir_all(d.join("2025/leeg")).unwrap()),
    ));
    cases.push(fs_case(
        T,
        "partijmap met Unicode-naam",
        "2025/obö",
        "2025/obö",
        Want::Error("E101", None),
        Box::new(move |d| put(d, "2025/obö/plan.yaml", plan.as_bytes())),
    ));
    cases.push(fs_case(
        T,
        "partijmap als koppeling buiten de gegevensmap",
        "2025/obo-c",
        "2025/obo-c",
        Want::Error("E005", None),
        Box::new(|d| symlink(root().join("tests/fixtures/base/2025/obo-a"), &d.join("2025/obo-c"))),
    ));
    cases.push(fs_case(
        T,
        "jaarmap als koppeling buiten de gegevensmap",
        "2024",
        "2024",
        Want::Error("E005", None),
        Box::new(|d| symlink(root().join("tests/fixtures/base/2025"), &d.join("2024"))),
    ));
    cases.push(fs_case(
        T,
        "koppeling naar een bovenliggende map (kring)",
        "2025/obo-a/lus",
        "2025/obo-a/lus",
        Want::Error("E005", None),
        Box::new(|d| symlink("..", &d.join("2025/obo-a/lus"))),
    ));
    cases.push(fs_case(
        T,
        "koppeling naar de gegevensmap zelf (kring)",
        "2025/wortel",
        "2025/wortel",
        Want::Error("E005", None),
        Box::new(|d| symlink("..", &d.join("2025/wortel"))),
    ));
    cases.push(fs_case(
        T,
        "twee koppelingen in een kring",
        "2025/obo-a/plan.yaml",
        "2025/obo-a/plan.yaml",
        Want::Error("E005", None),
        Box::new(|d| {
            symlink("begroting2.yaml", &d.join("2025/obo-a/plan.yaml"));
            symlink("plan.yaml", &d.join("2025/obo-a/begroting2.yaml"));
        }),
    ));
    cases.push(fs_case(
        T,
        "koppeling naar een bestand dat niet bestaat",
        "2025/obo-a/plan.yaml",
        "2025/obo-a/plan.yaml",
        Want::Error("E005", None),
        Box::new(|d| symlink("/nonexistent/plan.yaml", &d.join("2025/obo-a/plan.yaml"))),
    ));
    // 2 links per level over 24 levels: 2^24 paths without a cycle. Each directory is walked
    // once; a second link to it is refused.
    cases.push(fs_case(
        T,
        "waaier van koppelingen (2^24 paden)",
        "waaier/d01/a",
        "waaier/d01/a",
        Want::Error("E005", None),
        Box::new(|d| {
            put(d, "waaier/d00/x.txt", b"x");
            for i in 1..=24 {
                symlink(format!("../d{:02}", i - 1), &d.join(format!("waaier/d{i:02}/a")));
                symlink(format!("../d{:02}", i - 1), &d.join(format!("waaier/d{i:02}/b")));
            }
        }),
    ));
    cases.push(fs_case(
        T,
        "onverwacht bestand naast een plan",
        "2025/obo-a/notities.txt",
        "2025/obo-a/notities.txt",
        Want::Warnings,
        Box::new(|d| put(d, "2025/obo-a/notities.txt", b"x")),
    ));
    let mut missing = fs_case(T, "gegevensmap bestaat niet", "", "", Want::CannotRun, Box::new(|_| {}));
    missing.data = Some("bestaat-niet");
    cases.push(missing);
    let mut file =
        fs_case(T, "gegevensmap is een bestand", "", "", Want::CannotRun, Box::new(|d| put(d, "een-bestand", b"x")));
    file.data = Some("een-bestand");
    cases.push(file);
    let mut lus = fs_case(
        T,
        "gegevensmap is een koppeling in een kring",
        "",
        "",
        Want::CannotRun,
        Box::new(|d| symlink("lus", &d.join("lus"))),
    );
    lus.data = Some("lus");
    cases.push(lus);
    cases
}

/// Many entries: the node budget and the checks stay within bounds.
fn volume_cases() -> Vec<Case> {
    const T: &str = "omvang";
    let mut cases = Vec::new();
    for (n, want) in [(10_000, Want::Clean), (20_000, Want::ErrorSomeLine("E005"))] {
        let beg = base_text("2025/obo-a/begroting.yaml");
        let real = base_text("2025/obo-a/realisatie.yaml");
        let mut b = beg[..beg.find("alternatieven:").unwrap()].to_string();
        let mut r = real[..real.find("resultaten:").unwrap()].to_string();
        for i in 0..n {
            b.push_str(&format!("  - {{id: L{i}, omschrijving: x, beleidsdoel: uitbouw, component: viewer, kostensoort: overig, bedragen: {{2025: 0}}}}\n"));
            r.push_str(&format!("  - {{regel: L{i}, bedrag: 0}}\n"));
        }
        b.push_str(&beg[beg.find("alternatieven:").unwrap()..]);
        r.push_str(&real[real.find("resultaten:").unwrap()..]);
        cases.push(fs_case(
            T,
            &format!("{n} begrotingsregels met realisatie"),
            "2025/obo-a/begroting.yaml",
            "2025/obo-a/begroting.yaml",
            want,
            Box::new(move |d| {
                put(d, "2025/obo-a/begroting.yaml", b.as_bytes());
                put(d, "2025/obo-a/realisatie.yaml", r.as_bytes());
            }),
        ));
    }
    cases.push(chain_case(20_000, Keten::AanHetSbo));
    cases.push(chain_case(20_000, Keten::Los));
    cases.push(chain_case(20_000, Keten::Kring));
    cases
}

/// Where the top of a generated reporting line goes.
#[derive(Clone, Copy)]
enum Keten {
    /// To a TBO of the base fixture, and so to the SBO.
    AanHetSbo,
    /// Nowhere: the line does not reach the SBO (E108 for every party in it).
    Los,
    /// To the bottom of the line: one cycle of all of them (E108 for each).
    Kring,
}

/// A reporting line `n` deep: every TBO reports to the one before it (W504 each). The TBOs'
/// plan deadline is dropped from the calendar, so that only the line's findings remain. A line
/// that ends badly is spelled out per party, cut short: not `n` findings of `n` names each.
fn chain_case(n: usize, top: Keten) -> Case {
    let st = base_text("stelsel.yaml");
    let mut chain = String::new();
    let mut prev = match top {
        Keten::AanHetSbo => "kad-tbo".to_string(),
        Keten::Los => String::new(),
        Keten::Kring => format!("keten-{}", n - 1),
    };
    for i in 0..n {
        let up = if prev.is_empty() { String::new() } else { format!(", rapporteert_aan: {prev}") };
        chain.push_str(&format!("  - {{id: keten-{i}, naam: Keten {i}, rol: TBO{up}}}\n"));
        prev = format!("keten-{i}");
    }
    let st = st
        .replacen("financiers:", &format!("{chain}financiers:"), 1)
        .replace("  - {stuk: plan, rol: TBO, jaar: Y-1, maand: 10, dag: 1}\n", "");
    let n = format!("{}.{:03}", n / 1000, n % 1000);
    let (row, want) = match top {
        Keten::AanHetSbo => (format!("keten van {n} TBO's, elk onder de vorige"), Want::Warnings),
        Keten::Los => (format!("keten van {n} TBO's die het SBO niet bereikt"), Want::ErrorSomeLine("E108")),
        Keten::Kring => (format!("kring van {n} TBO's"), Want::ErrorSomeLine("E108")),
    };
    file_case("omvang", &row, "stelsel.yaml", "stelsel.yaml", st.into_bytes(), want)
}

/// The receipt register and hostile deliveries (contract §15): a register edited by hand, read
/// by `check`; deliveries that `ontvang` must refuse by name (exit 2, nothing written) or as
/// unreadable (E005, nothing received).
fn ontvangst_cases() -> Vec<Case> {
    const T: &str = "ontvangsten";
    const R: &str = "ontvangsten.yaml";
    let entry = "ontvangsten:\n  - organisatie: obo-a\n    jaar: 2025\n    bestand: 2025/obo-a/plan.yaml\n    sha256: \"0000000000000000000000000000000000000000000000000000000000000000\"\n    ontvangen_op: 2024-08-20\n    tijdstip: 2024-08-20T10:00:00Z\n    fouten: 0\n    waarschuwingen: 0\n";
    let mut cases = Vec::new();
    let mut add = |row: &str, text: String, want: Want| cases.push(file_case(T, row, R, R, text.into_bytes(), want));
    add("ontvangst van een gewijzigd bestand", entry.to_string(), Want::Warnings);
    add("onbekend veld", entry.replace("    fouten: 0", "    fouten: 0\n    door: hand"), Want::Error("E002", Some(9)));
    add("sha256 van 63 tekens", entry.replace("\"0000", "\"000"), Want::Error("E003", Some(5)));
    add("tijdstip met zone", entry.replace("10:00:00Z", "10:00:00+02:00"), Want::Error("E003", Some(7)));
    add(
        "bestand buiten de partij (`../`)",
        entry.replace("bestand: 2025/obo-a/", "bestand: 2025/../"),
        Want::Error("E003", Some(4)),
    );
    add("verplicht veld ontbreekt", entry.replace("    ontvangen_op: 2024-08-20\n", ""), Want::Error("E003", Some(2)));
    add("lijst waar een mapping hoort", "- ontvangsten\n".into(), Want::Error("E003", Some(1)));
    add("onbekende partij", entry.replace("obo-a", "obo-z"), Want::Error("E101", Some(2)));
    let big = {
        let mut b = base_text("2025/obo-b/realisatie.yaml");
        b.push_str(&format!("# {}\n", "x".repeat(8 * 1024 * 1024)));
        b
    };
    let plan = base_text("2025/obo-b/plan.yaml");
    let other = plan.replace("organisatie: obo-b", "organisatie: obo-a");
    let climbing = plan.replace("organisatie: obo-b", "organisatie: ../../obo-b");
    let deliveries: Vec<(&str, &'static str, Want, Setup)> = vec![
        (
            "aanlevering met een koppeling",
            "obo-b",
            Want::CannotRun,
            Box::new(|b| symlink("/etc/passwd", &b.join("plan.yaml"))),
        ),
        (
            "aanlevering met een bestand van een andere partij",
            "obo-b",
            Want::CannotRun,
            Box::new(move |b| put(b, "plan.yaml", other.as_bytes())),
        ),
        (
            "aanlevering met een pad dat omhoog klimt (`organisatie: ../../obo-b`)",
            "obo-b",
            Want::CannotRun,
            Box::new(move |b| put(b, "plan.yaml", climbing.as_bytes())),
        ),
        (
            "aanlevering voor `--organisatie ../obo-b`",
            "../obo-b",
            Want::CannotRun,
            Box::new(move |b| put(b, "plan.yaml", plan.as_bytes())),
        ),
        (
            "aanlevering met een bestand van 8 MiB en meer",
            "obo-b",
            Want::Error("E005", None),
            Box::new(move |b| put(b, "realisatie.yaml", big.as_bytes())),
        ),
    ];
    for (row, org, want, setup) in deliveries {
        let file = if matches!(want, Want::Error(..)) { "2025/obo-b/realisatie.yaml" } else { "" };
        cases.push(Case {
            table: T,
            row: row.into(),
            col: "ontvang".into(),
            file: file.into(),
            setup,
            data: None,
            ontvang: Some(org),
            want,
        });
    }
    cases
}

/// Runs `check --format json` on a case (or `ontvang` of `bron`, when given) under the memory
/// limit, killing it past `KILL_AFTER`.
fn run_limited(data: &Path, ontvang: Option<(&str, &Path)>) -> (Option<i32>, String, String, Duration) {
    let start = Instant::now();
    let args: Vec<String> = match ontvang {
        None => ["check", "--data", data.to_str().unwrap(), "--peildatum", PEILDATUM, "--format", "json"]
            .map(String::from)
            .to_vec(),
        Some((org, bron)) => {
            let out = bron.parent().unwrap().join("out");
            let (b, o, d) = (bron.to_str().unwrap(), out.to_str().unwrap(), data.to_str().unwrap());
            ["ontvang", b, "--organisatie", org, "--data", d, "--out", o, "--peildatum", PEILDATUM, "--format", "json"]
                .map(String::from)
                .to_vec()
        }
    };
    let mut child = Command::new("sh")
        .arg("-c")
        .arg(format!("ulimit -v {MEMORY_LIMIT_KIB} && exec \"$0\" \"$@\""))
        .arg(bin())
        .args(&args)
        .current_dir(root())
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let reader = |mut r: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut s = Vec::new();
            let _ = r.read_to_end(&mut s);
            String::from_utf8_lossy(&s).into_owned()
        })
    };
    let out = reader(Box::new(child.stdout.take().unwrap()));
    let err = reader(Box::new(child.stderr.take().unwrap()));
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if start.elapsed() > KILL_AFTER {
            let _ = child.kill();
            break child.wait().unwrap();
        }
        std::thread::sleep(Duration::from_millis(2));
    };
    let elapsed = start.elapsed();
    (status.code(), out.join().unwrap(), err.join().unwrap(), elapsed)
}

fn run_case(c: &Case) -> Result<Outcome, String> {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&root().join("tests/fixtures/base"), dir.path());
    let outside = tempfile::tempdir().unwrap();
    let bron = outside.path().join("bron");
    match c.ontvang {
        Some(_) => {
            std::fs::create_dir_all(&bron).unwrap();
            (c.setup)(&bron);
        }
        None => (c.setup)(dir.path()),
    }
    let data = c.data.map(|s| dir.path().join(s)).unwrap_or_else(|| dir.path().to_path_buf());
    let before = c.ontvang.map(|_| crate::ontvang::hashes(&data));
    let (code, stdout, stderr, elapsed) = run_limited(&data, c.ontvang.map(|org| (org, bron.as_path())));
    if before.is_some_and(|b| b != crate::ontvang::hashes(&data)) {
        return Err(format!("[{}] {}: the data root changed", c.table, c.row));
    }
    let name = format!("[{}] {} / {}", c.table, c.row, c.col);
    let Some(exit) = code else {
        return Err(format!("{name}: killed by a signal (memory limit or hang) after {elapsed:?}\n{stderr}"));
    };
    if exit == 101 || stderr.contains("panicked") {
        return Err(format!("{name}: panic\n{stderr}"));
    }
    if elapsed > TIME_LIMIT {
        return Err(format!("{name}: took {elapsed:?}"));
    }
    let want_exit = match c.want {
        Want::Clean | Want::Warnings => 0,
        Want::Error(..) | Want::ErrorSomeLine(_) => 1,
        Want::CannotRun => 2,
        Want::Any => exit,
    };
    if exit != want_exit || !(0..=2).contains(&exit) {
        return Err(format!("{name}: exit status {exit}, want {want_exit}\n{}\n{stderr}", cut(&stdout)));
    }
    if c.want == Want::CannotRun {
        return Ok(Outcome { exit, code: None, elapsed });
    }
    let json: serde_json::Value =
        serde_json::from_str(&stdout).map_err(|e| format!("{name}: no JSON ({e}): {}\n{stderr}", cut(&stdout)))?;
    let got = findings(&json);
    let matched = |code: &str, line: Option<Option<u64>>| {
        got.iter()
            .find(|(c2, f, l)| c2 == code && f.as_deref() == Some(c.file.as_str()) && line.is_none_or(|w| *l == w))
            .map(|(c2, _, l)| (c2.clone(), *l))
    };
    let code = match c.want {
        Want::Clean if got.is_empty() => None,
        Want::Warnings if got.iter().all(|(c2, _, _)| c2.starts_with('W')) && !got.is_empty() => got
            .iter()
            .find(|(_, f, _)| f.as_deref() == Some(c.file.as_str()))
            .or(got.first())
            .map(|(c2, _, l)| (c2.clone(), *l)),
        Want::Error(code, line) => match matched(code, Some(line)) {
            Some(m) => Some(m),
            None => return Err(format!("{name}: want {code} at {}:{line:?}, got {got:?}", c.file)),
        },
        Want::ErrorSomeLine(code) => match matched(code, None) {
            Some(m) if m.1.is_some() => Some(m),
            _ => return Err(format!("{name}: want {code} at {} with a line, got {got:?}", c.file)),
        },
        Want::Any => got.first().map(|(c2, _, l)| (c2.clone(), *l)),
        _ => return Err(format!("{name}: want {:?}, got {got:?}", c.want)),
    };
    Ok(Outcome { exit, code, elapsed })
}

fn cut(s: &str) -> &str {
    &s[..s.floor_char_boundary(2_000)]
}

/// The README cell of an outcome.
fn cell(c: &Case, o: &Outcome) -> String {
    if c.want == Want::Any {
        return "E005 (zonder regel) → 1; als root leesbaar → 0".into();
    }
    let what = match &o.code {
        None if o.exit == 2 => "—".to_string(),
        None => "schoon".to_string(),
        Some((code, _)) if code.starts_with('W') => format!("{code}…"),
        Some((code, Some(l))) => format!("{code} r.{l}"),
        Some((code, None)) => format!("{code} (zonder regel)"),
    };
    format!("{what} → {}", o.exit)
}

/// One README table: its rows, its columns and the cell of each (row, column).
type Grid = (Vec<String>, Vec<String>, BTreeMap<(String, String), String>);

/// Markdown: one table per group, rows × columns in the order the cases were made.
fn tables(cases: &[Case], outcomes: &[Outcome]) -> String {
    let mut order: Vec<&str> = Vec::new();
    let mut cells: BTreeMap<&str, Grid> = BTreeMap::new();
    for (c, o) in cases.iter().zip(outcomes) {
        if !order.contains(&c.table) {
            order.push(c.table);
        }
        let t = cells.entry(c.table).or_default();
        if !t.0.contains(&c.row) {
            t.0.push(c.row.clone());
        }
        if !t.1.contains(&c.col) {
            t.1.push(c.col.clone());
        }
        t.2.insert((c.row.clone(), c.col.clone()), cell(c, o));
    }
    let mut md = String::new();
    for name in order {
        let (rows, cols, map) = &cells[name];
        let matrix = cols.len() > 1 && !["ids", "mappen", "omvang", "ontvangsten"].contains(&name);
        let n = cases.iter().filter(|c| c.table == name).count();
        md.push_str(&format!("\n**{name}** ({n} gevallen)\n\n"));
        if matrix {
            md.push_str(&format!("| geval | {} |\n|---|{}\n", cols.join(" | "), "---|".repeat(cols.len())));
            for r in rows {
                let row: Vec<String> =
                    cols.iter().map(|c| map.get(&(r.clone(), c.clone())).cloned().unwrap_or("n.v.t.".into())).collect();
                md.push_str(&format!("| {r} | {} |\n", row.join(" | ")));
            }
        } else {
            md.push_str("| geval | bestand | uitkomst |\n|---|---|---|\n");
            for c in cases.iter().filter(|c| c.table == name) {
                let col = if c.col.is_empty() { "—".to_string() } else { format!("`{}`", c.col) };
                md.push_str(&format!("| {} | {col} | {} |\n", c.row, map[&(c.row.clone(), c.col.clone())]));
            }
        }
    }
    md
}

const BEGIN: &str = "<!-- adversarial:begin (tests/adversarial.rs; JAARCYCLUS_BLESS=1 werkt dit bij) -->";
const END: &str = "<!-- adversarial:end -->";

#[test]
fn corpus_gives_coded_findings_in_bounded_time() {
    let mut cases = generic_cases();
    cases.extend(amount_cases());
    cases.extend(date_cases());
    cases.extend(id_cases());
    cases.extend(tree_cases());
    cases.extend(volume_cases());
    cases.extend(ontvangst_cases());
    let next = Mutex::new(0usize);
    let results: Mutex<Vec<Option<Result<Outcome, String>>>> = Mutex::new((0..cases.len()).map(|_| None).collect());
    std::thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| {
                loop {
                    let i = {
                        let mut n = next.lock().unwrap();
                        *n += 1;
                        *n - 1
                    };
                    let Some(c) = cases.get(i) else { break };
                    let r = run_case(c);
                    results.lock().unwrap()[i] = Some(r);
                }
            });
        }
    });
    let mut outcomes = Vec::new();
    let mut failures = Vec::new();
    for r in results.into_inner().unwrap() {
        match r.unwrap() {
            Ok(o) => outcomes.push(o),
            Err(e) => failures.push(e),
        }
    }
    assert!(failures.is_empty(), "{} of {} cases failed:\n{}", failures.len(), cases.len(), failures.join("\n\n"));
    let slowest = cases.iter().zip(&outcomes).max_by_key(|(_, o)| o.elapsed).unwrap();
    eprintln!(
        "{} cases; slowest: [{}] {} / {} in {:?}",
        cases.len(),
        slowest.0.table,
        slowest.0.row,
        slowest.0.col,
        slowest.1.elapsed
    );
    let md = format!(
        "{BEGIN}\n{}{}\n{END}",
        format_args!("{} gevallen in totaal.\n", cases.len()),
        tables(&cases, &outcomes)
    );
    let readme_path = root().join("README.md");
    let readme = std::fs::read_to_string(&readme_path).unwrap();
    let current = readme.find(BEGIN).zip(readme.find(END)).map(|(b, e)| &readme[b..e + END.len()]);
    if std::env::var_os("JAARCYCLUS_BLESS").is_some() {
        let updated = match current {
            Some(cur) => readme.replace(cur, &md),
            None => format!("{readme}\n{md}\n"),
        };
        std::fs::write(&readme_path, updated).unwrap();
    } else {
        assert_eq!(current, Some(md.as_str()), "README.md's outcome table is stale: run with JAARCYCLUS_BLESS=1");
    }
}

/// The fuzz seed corpus (fuzz/corpus-seed), replayed through the fuzz targets' own code.
#[test]
fn seed_corpus_replays() {
    let seeds = root().join("fuzz/corpus-seed");
    let files = |sub: &str| -> Vec<PathBuf> {
        let mut v: Vec<PathBuf> = std::fs::read_dir(seeds.join(sub)).unwrap().map(|e| e.unwrap().path()).collect();
        v.sort();
        v
    };
    let load = harness::LoadHarness::new(&root().join("tests/fixtures/base"));
    let mut loads = 0;
    let load_seeds = files("load");
    assert!(load_seeds.len() >= 20, "a seed corpus for `load`");
    for f in &load_seeds {
        loads += load.run(&std::fs::read(f).unwrap());
    }
    let base = harness::load_clean(&root().join("tests/fixtures/base"));
    let rollup_seeds = files("rollup");
    assert!(rollup_seeds.len() >= 5, "a seed corpus for `rollup`");
    for f in &rollup_seeds {
        let bytes = std::fs::read(f).unwrap();
        harness::check_allocate(&bytes);
        harness::check_rollup(&base, &bytes);
    }
    eprintln!("{} load seeds ({loads} loads), {} rollup seeds", load_seeds.len(), rollup_seeds.len());
}

/// A small xorshift generator: the mutation loop needs no crate and is reproducible by seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Tokens that YAML, the amounts, the dates and the checks treat specially.
const TOKENS: &[&str] = &[
    "&a ",
    "*a",
    "[",
    "]",
    "{",
    "}",
    ": ",
    "- ",
    "\t",
    "\0",
    "\u{feff}",
    "\r\n",
    "\n  ",
    "\n- ",
    "#",
    "'",
    "\"",
    "|\n  ",
    ">-\n  ",
    "? ",
    "!!binary ",
    "!!int ",
    "<<: ",
    "---\n",
    "...\n",
    "%YAML 1.1\n",
    "~",
    "null",
    "true",
    "no",
    ".inf",
    ".nan",
    "-",
    "+",
    "1e9",
    "1_000",
    "1.250.000,00",
    "99999999999999999999999999999",
    "99999999999999999999.99",
    "0.001",
    "2024-02-29",
    "2025-02-30",
    "2025-06-30T10:00",
    "9999-12-31",
    "0000-01-01",
    "Y-1",
    "Y+1",
    "2147483648",
    "-9223372036854775809",
    "obo-a",
    "obo-b",
    "kad-tbo",
    "bzk-sbo",
    "D1",
    "R1",
    "OBO_A-BEHEER",
    "beheer",
    "brons",
    "SBO",
    "TBO",
    "OBO",
    "besluit",
    "jaarrekening",
    "é",
    "\u{202e}",
    "\u{10ffff}",
    "\u{ff}",
];

fn mutate(rng: &mut Rng, seeds: &[Vec<u8>], input: &mut Vec<u8>) {
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(input.len() + 1);
        match rng.below(7) {
            0 if !input.is_empty() => {
                let i = rng.below(input.len());
                input[i] ^= 1 << rng.below(8);
            }
            1 if !input.is_empty() => {
                let end = (at + 1 + rng.below(16)).min(input.len());
                input.drain(at.min(end)..end);
            }
            2 => {
                let t = TOKENS[rng.below(TOKENS.len())].as_bytes();
                input.splice(at..at, t.iter().copied());
            }
            3 if !input.is_empty() => {
                let from = rng.below(input.len());
                let len = rng.below(64).min(input.len() - from);
                let chunk: Vec<u8> = input[from..from + len].to_vec();
                input.splice(at..at, chunk);
            }
            4 => {
                let other = &seeds[rng.below(seeds.len())];
                let from = rng.below(other.len());
                let len = rng.below(256).min(other.len() - from);
                input.splice(at..at, other[from..from + len].iter().copied());
            }
            5 => {
                let b = [0u8, 0xff, b'\n', b' ', b':', b'-', b'"', 0xc3][rng.below(8)];
                input.insert(at, b);
            }
            _ => {
                let t = TOKENS[rng.below(TOKENS.len())].as_bytes();
                let end = (at + t.len()).min(input.len());
                input.splice(at..end, t.iter().copied());
            }
        }
    }
    input.truncate(64 * 1024);
}

/// A stable-toolchain stand-in for libFuzzer: mutates the seed corpus with a simple PRNG for
/// `JAARCYCLUS_MUTATE_SECS` seconds (default 60) through both fuzz targets' code, counting
/// executions; a panicking input is written to `target/mutation-crashes/` and fails the test.
/// `cargo test --release adversarial::mutation_loop -- --ignored --nocapture`
#[test]
#[ignore = "runs for minutes; see README, Robuustheid"]
fn mutation_loop() {
    let secs: u64 = std::env::var("JAARCYCLUS_MUTATE_SECS").ok().and_then(|s| s.parse().ok()).unwrap_or(60);
    let seed: u64 = std::env::var("JAARCYCLUS_MUTATE_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(0x5eed_1234);
    let read = |sub: &str| -> Vec<Vec<u8>> {
        let mut v: Vec<PathBuf> =
            std::fs::read_dir(root().join("fuzz/corpus-seed").join(sub)).unwrap().map(|e| e.unwrap().path()).collect();
        v.sort();
        v.iter().map(|p| std::fs::read(p).unwrap()).collect()
    };
    let (load_seeds, rollup_seeds) = (read("load"), read("rollup"));
    let load = harness::LoadHarness::new(&root().join("tests/fixtures/base"));
    let base = harness::load_clean(&root().join("tests/fixtures/base"));
    let crashes = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("mutation-crashes");
    let mut rng = Rng(seed);
    let (mut load_execs, mut rollup_execs, mut loads, mut found) = (0u64, 0u64, 0usize, Vec::new());
    let deadline = Instant::now() + Duration::from_secs(secs);
    std::panic::set_hook(Box::new(|_| {}));
    while Instant::now() < deadline {
        // Three load executions to one roll-up execution: a load is six files, a roll-up is pure.
        let target_load = rng.below(4) != 0;
        let seeds = if target_load { &load_seeds } else { &rollup_seeds };
        let mut input = seeds[rng.below(seeds.len())].clone();
        mutate(&mut rng, seeds, &mut input);
        let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            if target_load {
                load.run(&input)
            } else {
                harness::check_allocate(&input);
                harness::check_rollup(&base, &input);
                0
            }
        }));
        if target_load {
            load_execs += 1;
        } else {
            rollup_execs += 1;
        }
        match r {
            Ok(n) => loads += n,
            Err(e) => {
                let msg = e
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default();
                std::fs::create_dir_all(&crashes).unwrap();
                let path = crashes.join(format!("{}-{}", if target_load { "load" } else { "rollup" }, found.len()));
                std::fs::write(&path, &input).unwrap();
                found.push(format!("{}: {msg}", path.display()));
                if found.len() >= 20 {
                    break;
                }
            }
        }
    }
    let _ = std::panic::take_hook();
    eprintln!(
        "mutation loop: {secs} s, seed {seed}: {load_execs} load executions ({loads} loads), {rollup_execs} roll-up executions, {} findings",
        found.len()
    );
    assert!(found.is_empty(), "panicking inputs:\n{}", found.join("\n"));
}

/// Regression: `stukken` splits a difference over the perspectives in proportion to their caps
/// with `rollup::allocate`; with caps of 20 digits (allowed by the contract) `cents × weight`
/// overflowed u128 (exit 101). The split now falls back to 256-bit arithmetic; the pack is made
/// and its figures still add up.
#[test]
fn stukken_with_the_largest_caps_does_not_panic() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&root().join("tests/fixtures/base"), dir.path());
    let max = "99999999999999999999.99";
    let st = base_text("stelsel.yaml").replace("5000000", max);
    put(dir.path(), "stelsel.yaml", st.as_bytes());
    let out = tempfile::tempdir().unwrap();
    let meeting = dir.path().join("vergaderingen/2026-06-15-ogb-b.yaml");
    let o = run(&[
        "stukken",
        meeting.to_str().unwrap(),
        "--data",
        dir.path().to_str().unwrap(),
        "--out",
        out.path().to_str().unwrap(),
        "--peildatum",
        PEILDATUM,
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let pack = out.path().join("vergaderingen/2026-06-15-ogb-b/vergaderstukken-2026-06-15-ogb-b.pdf");
    assert!(pack.is_file(), "geen vergaderstukken geschreven");
}
