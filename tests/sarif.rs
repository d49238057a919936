//! Machine-readable findings for other tools (contract §15): `check --format sarif` validates
//! against the published SARIF 2.1.0 schema (OASIS, errata 01, vendored from
//! oasis-tcs/sarif-spec `sarif-2.1/schema/sarif-schema-2.1.0.json` as
//! `tests/fixtures/sarif-schema-2.1.0.json`), its rules are exactly the codes of its results,
//! an accepted finding is a suppression with its reason, and a finding has its file, line and
//! column; `--format github` prints one workflow command per open finding; every format exits
//! as the human one. Also `import` in both formats, and the files a party's own repository
//! takes over: the CI examples in `examples/ci/` and `.pre-commit-hooks.yaml`.

use crate::common::*;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

const PEIL: &str = "2026-11-29";

/// The validator of the vendored schema (draft-04), formats checked as well.
fn validator() -> jsonschema::Validator {
    let text = std::fs::read_to_string(root().join("tests/fixtures/sarif-schema-2.1.0.json")).unwrap();
    let schema: Value = serde_json::from_str(&text).unwrap();
    jsonschema::draft4::options().should_validate_formats(true).build(&schema).expect("the SARIF schema compiles")
}

fn assert_valid(log: &Value) {
    let v = validator();
    let errors: Vec<String> = v.iter_errors(log).map(|e| format!("{} at {}", e, e.instance_path())).collect();
    assert!(errors.is_empty(), "not valid SARIF 2.1.0:\n{}", errors.join("\n"));
}

/// Runs the binary in `dir` with `args`; returns the exit status and stdout.
fn jc_in(dir: &Path, args: &[&str]) -> (i32, String) {
    let out = Command::new(bin()).args(args).current_dir(dir).env("NO_COLOR", "1").output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    (out.status.code().unwrap_or(-1), String::from_utf8(out.stdout).unwrap())
}

/// `check` over `data` (as given, from `dir`) in `format`.
fn check_as(dir: &Path, data: &str, format: &str, extra: &[&str]) -> (i32, String) {
    let mut args = vec!["check", "--data", data, "--format", format, "--peildatum", PEIL];
    args.extend_from_slice(extra);
    jc_in(dir, &args)
}

fn sarif(dir: &Path, data: &str, extra: &[&str]) -> (i32, Value) {
    let (status, out) = check_as(dir, data, "sarif", extra);
    let log = serde_json::from_str(&out).unwrap_or_else(|e| panic!("no JSON ({e}): {out}"));
    (status, log)
}

/// The rules of the run are exactly the codes of its results, each result's `ruleIndex`
/// points at its rule, and each rule explains its code as `jaarcyclus uitleg` does.
fn assert_rules_match_results(log: &Value) {
    let run = &log["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    let used: BTreeSet<&str> =
        run["results"].as_array().unwrap().iter().map(|r| r["ruleId"].as_str().unwrap()).collect();
    assert_eq!(ids.iter().copied().collect::<BTreeSet<_>>(), used);
    assert_eq!(ids.len(), used.len(), "each code one rule: {ids:?}");
    for r in run["results"].as_array().unwrap() {
        assert_eq!(rules[r["ruleIndex"].as_u64().unwrap() as usize]["id"], r["ruleId"]);
    }
    for rule in rules {
        let code = rule["id"].as_str().unwrap();
        let (_, uitleg) = jc_in(&root(), &["uitleg", code]);
        let (title, _) = uitleg.split_once("\n\n").unwrap();
        assert!(title.ends_with(rule["shortDescription"]["text"].as_str().unwrap()), "{code}: {title}");
        let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(words(&uitleg).contains(&words(rule["fullDescription"]["text"].as_str().unwrap())), "{code}");
    }
}

#[test]
fn the_default_data_as_sarif_validates_and_suppresses_what_the_board_accepted() {
    let (status, log) = sarif(&root(), "data", &[]);
    assert_valid(&log);
    assert_rules_match_results(&log);
    // The schema does hold: a level SARIF does not know, or a line 0, is refused.
    let mut bad = log.clone();
    bad["runs"][0]["results"][0]["level"] = "fataal".into();
    assert!(!validator().is_valid(&bad));
    let mut bad = log.clone();
    bad["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0.into();
    assert!(!validator().is_valid(&bad));
    let run = &log["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "jaarcyclus");
    assert_eq!(run["tool"]["driver"]["version"], env!("CARGO_PKG_VERSION"));
    let (human, _) = check_as(&root(), "data", "human", &[]);
    assert_eq!((status, human), (0, 0));
    // One result per finding, in the order of the JSON report; an accepted finding (and only
    // one) carries an external suppression with the reason of its entry in aanvaard.yaml.
    let (_, json) = check_json(Path::new("data"), &["--peildatum", PEIL]);
    let diags = json["diagnostics"].as_array().unwrap();
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), diags.len());
    for (r, d) in results.iter().zip(diags) {
        assert_eq!((&r["ruleId"], &r["message"]["text"]), (&d["code"], &d["message"]));
        assert_eq!(r["level"], d["severity"]);
        match d["aanvaard"]["reden"].as_str() {
            Some(reden) => {
                let s = &r["suppressions"][0];
                assert_eq!((s["kind"].as_str(), s["justification"].as_str()), (Some("external"), Some(reden)), "{r:#}");
                let at = &s["location"]["physicalLocation"];
                assert_eq!(at["artifactLocation"]["uri"], "aanvaard.yaml");
                assert_eq!(at["region"]["startLine"], d["aanvaard"]["line"]);
            }
            None => assert!(r.get("suppressions").is_none(), "{r:#}"),
        }
    }
    let suppressed = results.iter().filter(|r| r.get("suppressions").is_some()).count();
    assert_eq!(suppressed as u64, json["aanvaard"].as_u64().unwrap());
    assert!(suppressed > 0, "the default data accepts findings");
    let base = &run["originalUriBaseIds"]["DATAROOT"]["uri"];
    let want = format!("file://{}/", std::fs::canonicalize(root().join("data")).unwrap().display());
    assert_eq!(base.as_str(), Some(want.as_str()));
}

#[test]
fn an_error_has_its_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    case_tree(&root().join("tests/fixtures/cases/e304-variance"), &dir.path().join("gegevens"));
    let (status, log) = sarif(dir.path(), "gegevens", &[]);
    assert_valid(&log);
    assert_rules_match_results(&log);
    let run = &log["runs"][0];
    let e304 = run["results"].as_array().unwrap().iter().find(|r| r["ruleId"] == "E304").expect("E304");
    assert_eq!(e304["level"], "error");
    let place = &e304["locations"][0]["physicalLocation"];
    assert_eq!(
        place["artifactLocation"],
        serde_json::json!({"uri": "2025/obo-b/realisatie.yaml", "uriBaseId": "DATAROOT"})
    );
    assert_eq!(place["region"], serde_json::json!({"startLine": 7, "startColumn": 13}));
    let rule = &run["tool"]["driver"]["rules"][e304["ruleIndex"].as_u64().unwrap() as usize];
    assert!(rule["fullDescription"]["text"].as_str().unwrap().contains("`toelichting` verplicht"), "{rule:#}");
    let want = format!("file://{}/", std::fs::canonicalize(dir.path().join("gegevens")).unwrap().display());
    assert_eq!(run["originalUriBaseIds"]["DATAROOT"]["uri"].as_str(), Some(want.as_str()));
    // Every format exits as the human one: 1, the input has errors.
    for format in ["human", "json", "github"] {
        assert_eq!(check_as(dir.path(), "gegevens", format, &[]).0, status, "{format}");
    }
    assert_eq!(status, 1);
}

#[test]
fn github_prints_one_command_per_open_finding() {
    let dir = tempfile::tempdir().unwrap();
    case_tree(&root().join("tests/fixtures/cases/e304-variance"), &dir.path().join("gegevens"));
    let (status, out) = check_as(dir.path(), "gegevens", "github", &[]);
    assert_eq!(status, 1);
    assert_eq!(
        out,
        "::error file=gegevens/2025/obo-b/realisatie.yaml,line=7,col=13,title=E304::regel `OBO_B-BEHEER` wijkt \
         20,0%25 (€ 250.000) af van de begroting (€ 1.500.000 tegen € 1.250.000) zonder toelichting\n"
    );
    // The default data: open findings only, each at the data root as given joined with its file.
    let (status, out) = check_as(&root(), "./data", "github", &[]);
    let (human, _) = check_as(&root(), "data", "human", &[]);
    assert_eq!(status, human);
    let (_, json) = check_json(Path::new("data"), &["--peildatum", PEIL]);
    let lines: Vec<&str> = out.lines().collect();
    let open = json["errors"].as_u64().unwrap() + json["warnings"].as_u64().unwrap();
    assert_eq!(lines.len() as u64, open, "{out}");
    assert!(
        lines.iter().all(|l| l.starts_with("::warning file=data/") || l.starts_with("::error file=data/")),
        "{out}"
    );
    // The W504 that aanvaard.yaml accepts (stelsel.yaml, rws-obo) is not among them.
    assert!(!out.contains("title=W504"), "{out}");
    assert!(
        lines
            .iter()
            // Received late: at the receipt's date in the register (contract §15).
            .any(|l| l.starts_with("::warning file=data/ontvangsten.yaml,line=") && l.contains(",col=19,title=W401::"))
    );
}

#[test]
fn an_accepted_finding_of_a_fixture_is_a_suppression_with_its_reason() {
    let dir = tempfile::tempdir().unwrap();
    case_tree(&root().join("tests/fixtures/cases/w504-outside-line"), dir.path());
    let reden = "Rechtstreeks aangestuurd: besloten, 100% zeker";
    std::fs::write(dir.path().join("aanvaard.yaml"), format!("aanvaard:\n  - {{code: W504, reden: \"{reden}\"}}\n"))
        .unwrap();
    let data = dir.path().to_str().unwrap();
    let (status, log) = sarif(dir.path(), data, &[]);
    assert_valid(&log);
    assert_eq!(status, 0);
    let w504 = log["runs"][0]["results"].as_array().unwrap().iter().find(|r| r["ruleId"] == "W504").unwrap();
    assert_eq!(
        w504["suppressions"],
        serde_json::json!([{
            "kind": "external",
            "status": "accepted",
            "justification": reden,
            "location": {"physicalLocation": {
                "artifactLocation": {"uri": "aanvaard.yaml", "uriBaseId": "DATAROOT"},
                "region": {"startLine": 2},
            }},
        }])
    );
    assert_eq!(check_as(dir.path(), data, "github", &[]), (0, String::new()));
}

#[test]
fn a_data_root_that_cannot_be_read_exits_2_in_every_format() {
    for format in ["human", "json", "sarif", "github"] {
        let (status, out) = check_as(&root(), "/nonexistent/jaarcyclus", format, &[]);
        assert_eq!((status, out.as_str()), (2, ""), "{format}");
    }
}

/// `import` prints the same findings, the workbook by its absolute URI and its cell.
#[test]
fn import_prints_sarif_and_github_at_the_cell() {
    let data = tempfile::tempdir().unwrap();
    copy_tree(&root().join("data"), data.path());
    let books = tempfile::tempdir().unwrap();
    let book = crate::workbook::begroting(|ws| drop(ws.write(9, 5, -5)));
    std::fs::write(books.path().join("kadaster-obo-2027.xlsx"), book).unwrap();
    let d = data.path().to_str().unwrap();
    let import = |format| {
        jc_in(books.path(), &["import", "kadaster-obo-2027.xlsx", "--data", d, "--peildatum", PEIL, "--format", format])
    };
    let (status, out) = import("sarif");
    assert_eq!(status, 1);
    let log: Value = serde_json::from_str(&out).unwrap();
    assert_valid(&log);
    assert_rules_match_results(&log);
    let e201 = log["runs"][0]["results"].as_array().unwrap().iter().find(|r| r["ruleId"] == "E201").expect("E201");
    let uri = format!("file://{}/kadaster-obo-2027.xlsx", std::fs::canonicalize(books.path()).unwrap().display());
    assert_eq!(e201["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].as_str(), Some(uri.as_str()));
    assert_eq!(e201["locations"][0]["message"]["text"], "cel Begroting!F10");
    let (status, out) = import("github");
    assert_eq!(status, 1);
    assert!(
        out.lines().any(|l| l.starts_with("::error file=kadaster-obo-2027.xlsx,title=E201::Begroting!F10: ")),
        "{out}"
    );
}

/// A YAML file of the repository as a JSON value (read with the program's own YAML reader).
fn yaml(rel: &str) -> Value {
    let text = std::fs::read_to_string(root().join(rel)).unwrap();
    serde_saphyr::from_str(&text).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// Every `run`/`script` line of a CI file, as text.
fn commands(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) => out.push(s.clone()),
        Value::Array(a) => a.iter().for_each(|x| commands(x, out)),
        Value::Object(o) => o.values().for_each(|x| commands(x, out)),
        _ => {}
    }
}

#[test]
fn the_github_workflow_checks_one_party_and_uploads_the_sarif() {
    let wf = yaml("examples/ci/github-workflow.yml");
    assert_eq!(wf["permissions"]["security-events"], "write", "upload-sarif needs it");
    let steps = wf["jobs"]["check"]["steps"].as_array().expect("jobs.check.steps");
    let run = |s: &Value| s["run"].as_str().unwrap_or_default().to_string();
    let sarif = steps.iter().map(run).find(|r| r.contains("--format sarif")).expect("a step writes SARIF");
    assert!(sarif.contains("jaarcyclus check --data . --organisatie \"$ORGANISATIE\""), "{sarif}");
    let file = sarif.split("> ").nth(1).and_then(|r| r.split_whitespace().next()).expect("the SARIF goes to a file");
    let upload = steps
        .iter()
        .find(|s| s["uses"].as_str().is_some_and(|u| u.starts_with("github/codeql-action/upload-sarif@")))
        .expect("an upload-sarif step");
    assert_eq!(upload["with"]["sarif_file"].as_str(), Some(file));
    let github = steps.iter().map(run).find(|r| r.contains("--format github")).expect("a step annotates");
    assert!(github.contains("check --data . --organisatie"), "{github}");
    assert!(steps.iter().map(run).any(|r| r.contains("cargo install --locked --git")));
}

#[test]
fn the_gitlab_job_checks_one_party_and_reports_code_quality() {
    let ci = yaml("examples/ci/gitlab-ci.yml");
    let job = &ci["jaarcyclus"];
    let mut lines = Vec::new();
    commands(&job["before_script"], &mut lines);
    commands(&job["script"], &mut lines);
    assert!(lines.iter().any(|l| l.contains("cargo install --locked --git")), "{lines:?}");
    let checks: Vec<&String> = lines.iter().filter(|l| l.starts_with("jaarcyclus check")).collect();
    assert!(checks.iter().all(|l| l.contains("check --data . --organisatie \"$ORGANISATIE\"")), "{checks:?}");
    assert!(checks.iter().any(|l| l.contains("--format sarif > jaarcyclus.sarif")), "{checks:?}");
    assert!(checks.iter().any(|l| l.contains("--format json > jaarcyclus.json")), "{checks:?}");
    // The Code Quality report is made from the JSON, and both reports are kept.
    let report = job["artifacts"]["reports"]["codequality"].as_str().expect("artifacts.reports.codequality");
    assert!(
        lines.iter().any(|l| l.starts_with("jq ") && l.ends_with(&format!("jaarcyclus.json > {report}"))),
        "{lines:?}"
    );
    let paths: Vec<&str> = job["artifacts"]["paths"].as_array().unwrap().iter().filter_map(Value::as_str).collect();
    assert!(paths.contains(&"jaarcyclus.sarif"), "{paths:?}");
    assert_eq!(job["artifacts"]["when"], "always");
}

#[test]
fn the_pre_commit_hook_runs_a_party_check_on_contract_files() {
    let hooks = yaml(".pre-commit-hooks.yaml");
    let hooks = hooks.as_array().expect("a list of hooks");
    assert_eq!(hooks.len(), 1);
    let h = &hooks[0];
    for key in ["id", "name", "entry", "language"] {
        assert!(h[key].is_string(), "{key}");
    }
    assert_eq!(h["entry"], "jaarcyclus check --organisatie");
    assert!(["system", "rust"].contains(&h["language"].as_str().unwrap()));
    assert_eq!(h["pass_filenames"], false);
    // The entry with a party's id is a working check.
    let mut args: Vec<&str> = h["entry"].as_str().unwrap().split_whitespace().skip(1).collect();
    args.extend(["geonovum", "--data", "data", "--peildatum", PEIL]);
    assert_eq!(jc_in(&root(), &args).0, 0);
    // `files` (a Python regex, searched) picks the contract files and leaves the rest.
    let files = jsonschema::validator_for(&serde_json::json!({"pattern": h["files"]})).expect("a regex");
    for f in [
        "stelsel.yaml",
        "afspraken.yaml",
        "aanvaard.yaml",
        "data/ontvangsten.yaml",
        "2027/geonovum/plan.yaml",
        "data/2027/geonovum/begroting.yaml",
        "2025/kadaster-obo/realisatie.yaml",
        "2026/rws-obo/wijziging-1.yaml",
        "2026/geonovum/voortgang-q3.yaml",
    ] {
        assert!(files.is_valid(&Value::from(f)), "{f} is a contract file");
    }
    for f in ["README.md", ".gitlab-ci.yml", "mijnstelsel.yaml", "2027/geonovum/notities.yaml", "2027/plan.yaml"] {
        assert!(!files.is_valid(&Value::from(f)), "{f} is no contract file");
    }
}

/// The annotation the guide's chapter shows is what `--format github` prints, word for word,
/// for the E304 example of the chapter on delivering (laid over the default data).
#[test]
fn the_guide_shows_what_github_prints() {
    let guide = std::fs::read_to_string(root().join("docs/handleiding/ci.md")).unwrap();
    let shown = guide.lines().find(|l| l.starts_with("::error ")).expect("the chapter shows an annotation");
    let aanleveren = std::fs::read_to_string(root().join("docs/handleiding/aanleveren.md")).unwrap();
    let example = aanleveren
        .split("```yaml\n")
        .skip(1)
        .map(|b| &b[..b.find("\n```").unwrap() + 1])
        .find(|b| b.contains("# verwacht: E304"))
        .expect("the E304 example");
    let file = example.lines().find_map(|l| l.strip_prefix("# bestand:")).unwrap().trim();
    let text: String = example
        .lines()
        .filter(|l| !l.starts_with("# bestand:") && !l.starts_with("# verwacht:"))
        .map(|l| format!("{l}\n"))
        .collect();
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&root().join("data"), dir.path());
    std::fs::write(dir.path().join(file), text).unwrap();
    let (status, out) = check_as(dir.path(), ".", "github", &["--organisatie", "geonovum"]);
    assert_eq!(status, 1);
    assert!(out.lines().any(|l| l == shown), "the guide shows\n{shown}\nthe program prints\n{out}");
}
