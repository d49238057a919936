//! `jaarcyclus schema [SOORT] [--map MAP] [--editor WERKMAP]`: the JSON Schemas of the file
//! kinds, for editors, and the editor settings that tie each schema to its files.

use super::{Exit, fail};
use jaarcyclus::model::FileKind;
use jaarcyclus::schema::{editor_settings, file_name, schema, yaml_schemas};
use std::path::{Component, Path, PathBuf};

/// The kinds as a Dutch enumeration: "stelsel, afspraken, … of vergadering".
fn kinds() -> String {
    match FileKind::SPELLINGS.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} of {last}", rest.join(", ")),
        _ => FileKind::SPELLINGS.join(", "),
    }
}

/// The help of the SOORT argument: every kind that `--map` writes.
pub fn soort_help() -> String {
    format!("De bestandssoort: {} (zonder: alle {}, naar --map)", kinds(), FileKind::ALL.len())
}

/// Runs `schema`: one schema to stdout, or all of them to `map` (and with `editor` the editor
/// settings to `<editor>/.vscode/settings.json`).
pub fn run(soort: Option<&str>, map: &Path, editor: Option<&Path>) -> Exit {
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
            return fail(jaarcyclus::nl::error_chain(e.as_ref()));
        }
        println!("{}", path.display());
    }
    match editor {
        Some(folder) => write_settings(map, folder),
        None => Exit::Ok,
    }
}

/// Writes `<folder>/.vscode/settings.json` with `yaml.schemas`: the schemas at `map` as seen from
/// `folder`, each with the globs of its files; other settings in the file are kept.
fn write_settings(map: &Path, folder: &Path) -> Exit {
    let path = folder.join(".vscode").join("settings.json");
    let existing = match std::fs::read_to_string(&path) {
        Ok(t) => Some(t),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return fail(format!("kan `{}` niet lezen: {}", path.display(), jaarcyclus::nl::io_error(&e))),
    };
    let (Some(from), Some(to)) = (absolute(folder), absolute(map)) else {
        return fail("kan de huidige map niet bepalen");
    };
    let settings = match editor_settings(existing.as_deref(), yaml_schemas(&relative(&from, &to))) {
        Ok(s) => s,
        Err(why) => {
            return fail(format!(
                "`{}` blijft ongewijzigd: {why}. Zet de instelling `yaml.schemas` er zelf in, of verwijder het \
                 bestand en draai deze opdracht opnieuw",
                path.display()
            ));
        }
    };
    if let Err(e) = jaarcyclus::write::write_atomic(&path, settings.as_bytes()) {
        return fail(jaarcyclus::nl::error_chain(e.as_ref()));
    }
    println!("{}", path.display());
    Exit::Ok
}

/// `p` made absolute and without `.` and `..` (lexically: the map need not exist yet).
fn absolute(p: &Path) -> Option<PathBuf> {
    let mut out = PathBuf::new();
    for c in std::path::absolute(p).ok()?.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            c => out.push(c),
        }
    }
    Some(out)
}

/// The path of `to` as seen from `from` (both absolute), with `/`; absolute when they share no
/// root (another drive).
fn relative(from: &Path, to: &Path) -> String {
    let (a, b): (Vec<_>, Vec<_>) = (from.components().collect(), to.components().collect());
    if a.first() != b.first() {
        return to.to_string_lossy().replace('\\', "/");
    }
    let shared = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let up = std::iter::repeat_n("..".to_string(), a.len() - shared);
    let down = b[shared..].iter().map(|c| c.as_os_str().to_string_lossy().into_owned());
    let parts: Vec<String> = up.chain(down).collect();
    if parts.is_empty() { ".".into() } else { parts.join("/") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths() {
        let r = |a: &str, b: &str| relative(Path::new(a), Path::new(b));
        assert_eq!(r("/repo", "/repo/schema"), "schema");
        assert_eq!(r("/repo/data", "/repo/schema"), "../schema");
        assert_eq!(r("/repo", "/repo"), ".");
        assert_eq!(r("/repo/data/2027", "/elders/schema"), "../../../elders/schema");
    }

    #[test]
    fn the_help_names_every_kind() {
        let h = soort_help();
        for k in FileKind::SPELLINGS {
            assert!(h.contains(k), "{h}");
        }
        assert!(h.contains(" of ontvangsten") && h.contains("alle 10"), "{h}");
    }
}
