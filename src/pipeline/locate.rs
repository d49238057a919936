//! Finding the meeting: the file named on the command line must lie inside the data root as
//! `vergaderingen/<datum>-<beraad>.yaml`.

use crate::layout::{self, Place};
use crate::model::{Tree, Vergadering};
use std::fmt;
use std::path::{Path, PathBuf};

/// Why a meeting file named on the command line cannot be used (exit status 2).
#[derive(Debug)]
pub enum LocateError {
    /// The data root cannot be read.
    DataRoot(PathBuf),
    /// The file does not exist or cannot be read.
    Unreadable(PathBuf),
    /// The file lies outside the data root.
    Outside {
        /// The file.
        file: PathBuf,
        /// The data root.
        data: PathBuf,
    },
    /// The file is inside the data root, but not a meeting file.
    GeenVergadering(PathBuf),
}

impl fmt::Display for LocateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LocateError::DataRoot(d) => write!(f, "gegevensmap `{}` is niet leesbaar", d.display()),
            LocateError::Unreadable(file) => {
                write!(f, "vergaderbestand `{}` bestaat niet of is niet leesbaar", file.display())
            }
            LocateError::Outside { file, data } => write!(
                f,
                "vergaderbestand `{}` ligt buiten de gegevensmap `{}`; geef een bestand onder {}/{}/",
                file.display(),
                data.display(),
                data.display(),
                layout::VERGADERINGEN
            ),
            LocateError::GeenVergadering(file) => write!(
                f,
                "`{}` is geen vergaderbestand; verwacht {}/<JJJJ-MM-DD>-<beraad>.yaml in de gegevensmap",
                file.display(),
                layout::VERGADERINGEN
            ),
        }
    }
}

impl std::error::Error for LocateError {}

/// The meeting file's path relative to the data root (forward slashes), or why it cannot be used.
pub fn relative_path(data: &Path, file: &Path) -> Result<String, LocateError> {
    let root = data.canonicalize().map_err(|_| LocateError::DataRoot(data.to_path_buf()))?;
    let canon = file.canonicalize().map_err(|_| LocateError::Unreadable(file.to_path_buf()))?;
    if !canon.starts_with(&root) {
        return Err(LocateError::Outside { file: file.to_path_buf(), data: data.to_path_buf() });
    }
    let rel = layout::relative(&root, &canon);
    match layout::place(&rel) {
        Place::Vergadering(name) if name.ends_with(".yaml") => Ok(rel),
        _ => Err(LocateError::GeenVergadering(file.to_path_buf())),
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
        assert!(
            relative_path(&data, &dir.path().join("elders.yaml"))
                .unwrap_err()
                .to_string()
                .contains("buiten de gegevensmap")
        );
        assert!(
            relative_path(&data, &data.join("stelsel.yaml")).unwrap_err().to_string().contains("geen vergaderbestand")
        );
        assert!(
            relative_path(&data, &data.join("vergaderingen/nee.yaml"))
                .unwrap_err()
                .to_string()
                .contains("bestaat niet")
        );
        let sneaky = data.join("vergaderingen/../../elders.yaml");
        assert!(relative_path(&data, &sneaky).unwrap_err().to_string().contains("buiten de gegevensmap"));
    }
}
