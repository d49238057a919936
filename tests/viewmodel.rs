//! The example view models in `tests/fixtures/viewmodel/` (documented in docs/viewmodel.md and
//! used by template authors to try a template without the program) have the shape the program
//! writes today: every field it writes is in the example and the example has no field it no
//! longer writes. Regenerate them with `build --emit-typst DIR` on the default data.

use crate::common::*;
use serde_json::Value;
use std::collections::BTreeSet;

/// The documents with an example (the default run at 2026-11-29 writes all four).
const DOCS: [&str; 4] = ["meerjarenplan", "jaarplan", "jaarrekening", "voortgangsrapportage"];

/// Every path of fields in a JSON value, list elements merged (`a.b[].c`).
fn shape(v: &Value, at: &str, out: &mut BTreeSet<String>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                let p = format!("{at}.{k}");
                out.insert(p.clone());
                shape(x, &p, out);
            }
        }
        Value::Array(xs) => xs.iter().for_each(|x| shape(x, &format!("{at}[]"), out)),
        _ => {}
    }
}

#[test]
fn the_example_view_models_have_the_current_shape() {
    let dir = tempfile::tempdir().unwrap();
    let (emit, out) = (dir.path().join("typst"), dir.path().join("out"));
    let o = run(&[
        "build",
        "--out",
        out.to_str().unwrap(),
        "--peildatum",
        "2026-11-29",
        "--emit-typst",
        emit.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    for doc in DOCS {
        let read = |p: std::path::PathBuf| -> Value { serde_json::from_slice(&std::fs::read(&p).unwrap()).unwrap() };
        let (mut now, mut example) = (BTreeSet::new(), BTreeSet::new());
        shape(&read(emit.join(doc).join("data.json")), "", &mut now);
        shape(&read(root().join(format!("tests/fixtures/viewmodel/{doc}.json"))), "", &mut example);
        let missing: Vec<_> = now.difference(&example).collect();
        let stale: Vec<_> = example.difference(&now).collect();
        assert!(
            missing.is_empty() && stale.is_empty(),
            "{doc}: not in the example {missing:?}; no longer written {stale:?}"
        );
    }
}

/// docs/viewmodel.md names every top-level section the documents read.
#[test]
fn the_view_model_document_names_every_section() {
    let doc = std::fs::read_to_string(root().join("docs/viewmodel.md")).unwrap();
    for name in DOCS {
        let v: Value = serde_json::from_slice(
            &std::fs::read(root().join(format!("tests/fixtures/viewmodel/{name}.json"))).unwrap(),
        )
        .unwrap();
        for k in v.as_object().unwrap().keys() {
            assert!(doc.contains(&format!("\"{k}\"")), "docs/viewmodel.md does not describe `{k}`");
        }
    }
}
