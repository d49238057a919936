//! Finding the meeting: the file named on the command line must lie inside the data root as
//! `vergaderingen/<datum>-<beraad>.yaml`.

use crate::model::{Tree, Vergadering};
use std::path::{Component, Path};

/// The meeting file's path relative to the data root (forward slashes), or the Dutch reason
/// why it cannot be used (exit status 2).
pub fn relative_path(data: &Path, file: &Path) -> Result<String, String> {
    let root = data.canonicalize().map_err(|_| format!("gegevensmap `{}` is niet leesbaar", data.display()))?;
    let canon = file
        .canonicalize()
        .map_err(|_| format!("vergaderbestand `{}` bestaat niet of is niet leesbaar", file.display()))?;
    let Ok(rel) = canon.strip_prefix(&root) else {
        return Err(format!(
            "vergaderbestand `{}` ligt buiten de gegevensmap `{}`; geef een bestand onder {}/vergaderingen/",
            file.display(),
            data.display(),
            data.display()
        ));
    };
    let parts: Vec<String> = rel
        .components()
        .map(|c| match c {
            Component::Normal(s) => s.to_string_lossy().into_owned(),
            _ => String::new(),
        })
        .collect();
    match parts.as_slice() {
        [dir, name] if dir == "vergaderingen" && name.ends_with(".yaml") => Ok(parts.join("/")),
        _ => Err(format!(
            "`{}` is geen vergaderbestand; verwacht vergaderingen/<JJJJ-MM-DD>-<beraad>.yaml in de gegevensmap",
            file.display()
        )),
    }
}

/// The meeting read from `rel`, if it could be read.
pub fn find<'a>(tree: &'a Tree, rel: &str) -> Option<&'a Vergadering> {
    tree.vergaderingen.iter().find(|v| v.file == rel)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_outside_the_root_or_the_meeting_folder_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        std::fs::create_dir_all(data.join("vergaderingen")).unwrap();
        std::fs::write(data.join("vergaderingen/2026-01-01-ogb-b.yaml"), "x").unwrap();
        std::fs::write(data.join("stelsel.yaml"), "x").unwrap();
        std::fs::write(dir.path().join("elders.yaml"), "x").unwrap();
        assert_eq!(
            relative_path(&data, &data.join("vergaderingen/2026-01-01-ogb-b.yaml")).unwrap(),
            "vergaderingen/2026-01-01-ogb-b.yaml"
        );
        assert!(relative_path(&data, &dir.path().join("elders.yaml")).unwrap_err().contains("buiten de gegevensmap"));
        assert!(relative_path(&data, &data.join("stelsel.yaml")).unwrap_err().contains("geen vergaderbestand"));
        assert!(relative_path(&data, &data.join("vergaderingen/nee.yaml")).unwrap_err().contains("bestaat niet"));
        let sneaky = data.join("vergaderingen/../../elders.yaml");
        assert!(relative_path(&data, &sneaky).unwrap_err().contains("buiten de gegevensmap"));
    }
}
