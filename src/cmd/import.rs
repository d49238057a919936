//! `jaarcyclus import`: a filled-in workbook back into the contract's YAML files.

use super::{Exit, color, fail, peildatum};
use jaarcyclus::diag::{render_human, render_json};
use jaarcyclus::pipeline::{Fate, import};
use std::path::Path;

/// Runs `import`.
pub fn run(data: &Path, werkmap: &Path, overschrijven: bool, peildatum_arg: Option<&str>, json: bool) -> Exit {
    let today = match peildatum(peildatum_arg) {
        Ok(d) => d,
        Err(e) => return e,
    };
    let imported = match import(data, werkmap, overschrijven, today) {
        Ok(i) => i,
        Err(e) => return fail(jaarcyclus::nl::error_chain(e.as_ref())),
    };
    let fate = |f: &Fate| match f {
        Fate::Written => "geschreven",
        Fate::Unchanged => "ongewijzigd",
        Fate::Refused => "niet geschreven",
    };
    if json {
        let mut obj: serde_json::Value =
            serde_json::from_str(&render_json(&imported.diags)).expect("render_json gives JSON");
        let files: Vec<_> =
            imported.files.iter().map(|(rel, f)| serde_json::json!({"bestand": rel, "uitkomst": fate(f)})).collect();
        obj["bestanden"] = serde_json::Value::Array(files);
        println!("{}", serde_json::to_string_pretty(&obj).expect("a JSON value always serialises"));
    } else {
        print!("{}", render_human(&imported.diags, &imported.sources, color()));
        for (rel, f) in &imported.files {
            println!("{}: {}", fate(f), data.join(rel).display());
        }
        if imported.files.iter().any(|(_, f)| *f == Fate::Refused) {
            println!(
                "niets geschreven: de werkmap bevat fouten (E0–E2) die de waarden onbetrouwbaar maken; herstel de genoemde cellen"
            );
        }
    }
    if imported.diags.errors() > 0 { Exit::Input } else { Exit::Ok }
}
