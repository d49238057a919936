//! `jaarcyclus schema [SOORT] [--map DIR]`: the JSON Schemas of the file kinds, for editors.

use super::{Exit, fail};
use jaarcyclus::model::FileKind;
use jaarcyclus::schema::{file_name, schema};
use std::path::Path;

/// Runs `schema`.
pub fn run(soort: Option<&str>, map: &Path) -> Exit {
    let text = |k: FileKind| serde_json::to_string_pretty(&schema(k)).expect("a schema serialises");
    if let Some(s) = soort {
        let Some(k) = FileKind::parse(s) else {
            return fail(format!("onbekende bestandssoort `{s}`; kies uit: {}", FileKind::SPELLINGS.join(", ")));
        };
        println!("{}", text(k));
        return Exit::Ok;
    }
    for k in FileKind::ALL {
        let path = map.join(file_name(*k));
        if let Err(e) = jaarcyclus::write::write_atomic(&path, (text(*k) + "\n").as_bytes()) {
            return fail(format!("{e:#}"));
        }
        println!("{}", path.display());
    }
    Exit::Ok
}
