//! The findings as SARIF 2.1.0 (contract §15), for code scanning: one run of the tool
//! `jaarcyclus`, the codes used as its rules (with the explanation of `jaarcyclus uitleg`), one
//! result per finding at its file relative to the data root (`uriBaseId` `DATAROOT`), and an
//! accepted finding (§12) with an external suppression that gives the reason.

use super::diagnostic::{Diagnostic, Diagnostics};
use super::root::{Root, file_uri, uri_path};
use crate::codes::{Code, Severity};
use serde_json::{Map, Value, json};

/// The published schema of SARIF 2.1.0 (OASIS, errata 01).
pub const SARIF_SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// The base id of the data root in every artifact location.
pub const DATAROOT: &str = "DATAROOT";

/// Renders the findings as one SARIF 2.1.0 log with one run.
pub fn render_sarif(diags: &Diagnostics, root: Root) -> String {
    let mut codes: Vec<Code> = diags.items().iter().map(|d| d.code).collect();
    codes.sort();
    codes.dedup();
    let rules: Vec<Value> = codes.iter().map(|c| rule(*c)).collect();
    let results: Vec<Value> = diags
        .items()
        .iter()
        .map(|d| result(d, codes.binary_search(&d.code).expect("every code is a rule"), root))
        .collect();
    let log = json!({
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "jaarcyclus",
                "version": env!("CARGO_PKG_VERSION"),
                "language": "nl-NL",
                "rules": rules,
            }},
            "originalUriBaseIds": {DATAROOT: {
                "uri": root.data_uri(),
                "description": {"text": "de gegevensmap"},
            }},
            "language": "nl-NL",
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    serde_json::to_string_pretty(&log).expect("a JSON value always serialises")
}

/// A code as a rule: its one-line meaning and the explanation `jaarcyclus uitleg` gives.
fn rule(c: Code) -> Value {
    json!({
        "id": c.as_str(),
        "shortDescription": {"text": c.title()},
        "fullDescription": {"text": c.explanation()},
        "help": {"text": format!("{}\n\nZie ook: jaarcyclus uitleg {c}", c.explanation())},
        "defaultConfiguration": {"level": level(c.severity())},
    })
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

fn result(d: &Diagnostic, index: usize, root: Root) -> Value {
    let mut r = Map::new();
    r.insert("ruleId".into(), json!(d.code.as_str()));
    r.insert("ruleIndex".into(), json!(index));
    r.insert("level".into(), json!(level(d.severity())));
    r.insert("message".into(), json!({"text": d.message}));
    if let Some(file) = &d.file {
        r.insert("locations".into(), json!([location(d, file, root)]));
    }
    if let Some(a) = &d.aanvaard {
        r.insert(
            "suppressions".into(),
            json!([{
                "kind": "external",
                "status": "accepted",
                "justification": a.reden,
                "location": {"physicalLocation": {
                    "artifactLocation": {"uri": "aanvaard.yaml", "uriBaseId": DATAROOT},
                    "region": {"startLine": a.line.max(1)},
                }},
            }]),
        );
    }
    let mut props = Map::new();
    if let Some(h) = &d.hint {
        props.insert("hint".into(), json!(h));
    }
    if let Some(o) = &d.organisatie {
        props.insert("organisatie".into(), json!(o));
    }
    if let Some(j) = d.jaar {
        props.insert("jaar".into(), json!(j));
    }
    if !props.is_empty() {
        r.insert("properties".into(), Value::Object(props));
    }
    Value::Object(r)
}

/// The finding's place: relative to the data root, with line and column when known; a file
/// named as given (a workbook) by its absolute URI, and its cell in words instead of a region.
fn location(d: &Diagnostic, file: &str, root: Root) -> Value {
    let mut physical = Map::new();
    if root.is_given(file) {
        physical.insert("artifactLocation".into(), json!({"uri": file_uri(std::path::Path::new(file))}));
    } else {
        physical.insert("artifactLocation".into(), json!({"uri": uri_path(file), "uriBaseId": DATAROOT}));
    }
    let mut loc = Map::new();
    match (&d.cel, d.pos) {
        (Some(cel), _) => {
            loc.insert("message".into(), json!({"text": format!("cel {cel}")}));
        }
        (None, Some(p)) => {
            physical.insert("region".into(), json!({"startLine": p.line.max(1), "startColumn": p.column.max(1)}));
        }
        (None, None) => {}
    }
    loc.insert("physicalLocation".into(), Value::Object(physical));
    Value::Object(loc)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::{Accepted, Pos};
    use std::path::Path;

    #[test]
    fn rules_results_places_and_suppressions() {
        let mut ds = Diagnostics::new();
        ds.push(Diagnostic::new(Code::E201, "negatief bedrag `-5`").at("2025/a/b.yaml", Pos::new(2, 7)));
        let mut w = Diagnostic::new(Code::W504, "buiten de lijn").in_file("stelsel.yaml");
        w.aanvaard = Some(Accepted { reden: "Besloten".into(), line: 3 });
        ds.push(w);
        ds.push(Diagnostic::new(Code::E201, "nog een").at("x y.yaml", Pos::new(1, 1)));
        ds.finish();
        let v: Value = serde_json::from_str(&render_sarif(&ds, Root::new(Path::new("data")))).unwrap();
        let run = &v["runs"][0];
        assert_eq!(run["tool"]["driver"]["name"], "jaarcyclus");
        let ids: Vec<&str> =
            run["tool"]["driver"]["rules"].as_array().unwrap().iter().map(|r| r["id"].as_str().unwrap()).collect();
        assert_eq!(ids, ["E201", "W504"]);
        assert_eq!(run["tool"]["driver"]["rules"][0]["fullDescription"]["text"], Code::E201.explanation());
        let results = run["results"].as_array().unwrap();
        assert_eq!(results.len(), 3);
        let first = &results[0]["locations"][0]["physicalLocation"];
        assert_eq!(first["artifactLocation"], json!({"uri": "2025/a/b.yaml", "uriBaseId": "DATAROOT"}));
        assert_eq!(first["region"], json!({"startLine": 2, "startColumn": 7}));
        let w = results.iter().find(|r| r["ruleId"] == "W504").unwrap();
        assert_eq!((w["level"].as_str(), w["ruleIndex"].as_u64()), (Some("warning"), Some(1)));
        assert_eq!(w["suppressions"][0]["justification"], "Besloten");
        assert_eq!(w["suppressions"][0]["kind"], "external");
        assert!(w["locations"][0]["physicalLocation"].get("region").is_none());
        assert!(
            results.iter().any(|r| r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "x%20y.yaml")
        );
    }
}
