//! `jaarcyclus import`: a filled-in workbook back into the contract's YAML files.

use super::{Exit, Format, fail, peildatum};
use jaarcyclus::diag::{Root, render_json};
use jaarcyclus::pipeline::{Fate, import};
use std::path::Path;

/// Runs `import`.
pub fn run(data: &Path, werkmap: &Path, overschrijven: bool, peildatum_arg: Option<&str>, format: Format) -> Exit {
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
    let refused = imported.files.iter().any(|(_, f)| *f == Fate::Refused);
    let refusal = "niets geschreven: de werkmap bevat fouten (E0–E2) die de waarden onbetrouwbaar maken; herstel de genoemde cellen";
    match format {
        Format::Json => {
            let mut obj: serde_json::Value =
                serde_json::from_str(&render_json(&imported.diags)).expect("render_json gives JSON");
            let files: Vec<_> = imported
                .files
                .iter()
                .map(|(rel, f)| serde_json::json!({"bestand": rel, "uitkomst": fate(f)}))
                .collect();
            obj["bestanden"] = serde_json::Value::Array(files);
            println!("{}", serde_json::to_string_pretty(&obj).expect("a JSON value always serialises"));
        }
        Format::Human => {
            print!("{}", format.render(&imported.diags, &imported.sources, Root::new(data)));
            for (rel, f) in &imported.files {
                println!("{}: {}", fate(f), data.join(rel).display());
            }
            if refused {
                println!("{refusal}");
            }
        }
        Format::Sarif | Format::Github => {
            // The findings on stdout, as `check` prints them; what became of each file on stderr.
            // The workbook is named as given on the command line, not relative to the data root.
            let given = [werkmap.display().to_string()];
            print!("{}", format.render(&imported.diags, &imported.sources, Root::new(data).with_given(&given)));
            for (rel, f) in &imported.files {
                eprintln!("{}: {}", fate(f), data.join(rel).display());
            }
            if refused {
                eprintln!("{refusal}");
            }
        }
    }
    if imported.diags.errors() > 0 { Exit::Input } else { Exit::Ok }
}
