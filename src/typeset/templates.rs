//! Typeset stage, templates: reads the templates directory (typst sources, data, images, fonts)
//! into memory once, so compilations never touch the disk.

use std::collections::BTreeMap;
use std::path::{Component, Path};

use anyhow::{Context, bail};
use walkdir::WalkDir;

/// The templates directory in memory: the files typst may read, and the fonts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Templates {
    /// Sources, data and images keyed by root-relative path with forward slashes.
    pub files: BTreeMap<String, Vec<u8>>,
    /// The contents of every `.ttf`, `.otf` and `.ttc` file, in path order.
    pub fonts: Vec<Vec<u8>>,
}

/// What a file under the templates directory is, by its extension.
enum Kind {
    File,
    Font,
    Skipped,
}

fn kind(path: &Path) -> Kind {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    match ext.as_str() {
        "typ" | "json" | "svg" | "png" | "jpg" | "jpeg" => Kind::File,
        "ttf" | "otf" | "ttc" => Kind::Font,
        // Licence texts, READMEs and the like are for people, not for typst.
        _ => Kind::Skipped,
    }
}

/// Reads a templates directory into memory: `*.typ`, `*.json`, images (`*.svg`, `*.png`,
/// `*.jpg`) and fonts (returned separately); other files are skipped. Refuses symbolic links
/// that leave the directory.
pub fn read_templates(dir: &Path) -> anyhow::Result<Templates> {
    let root = dir.canonicalize().with_context(|| format!("kan de sjablonenmap `{}` niet openen", dir.display()))?;
    let mut templates = Templates::default();
    let walk = WalkDir::new(dir).follow_links(true).sort_by_file_name();
    for entry in walk {
        let entry = entry.with_context(|| format!("kan de sjablonenmap `{}` niet lezen", dir.display()))?;
        let path = entry.path();
        if entry.path_is_symlink() {
            let target =
                path.canonicalize().with_context(|| format!("kan de link `{}` niet volgen", path.display()))?;
            if !target.starts_with(&root) {
                bail!(
                    "de symbolische link `{}` wijst buiten de sjablonenmap `{}`; kopieer het bestand in de map",
                    path.display(),
                    dir.display()
                );
            }
        }
        if !entry.file_type().is_file() {
            continue;
        }
        let target = match kind(path) {
            Kind::File => None,
            Kind::Font => Some(&mut templates.fonts),
            Kind::Skipped => continue,
        };
        let bytes = std::fs::read(path).with_context(|| format!("kan `{}` niet lezen", path.display()))?;
        match target {
            Some(fonts) => fonts.push(bytes),
            None => {
                let key = relative_key(dir, path)?;
                templates.files.insert(key, bytes);
            }
        }
    }
    Ok(templates)
}

/// The path of `path` below `dir`, with forward slashes.
fn relative_key(dir: &Path, path: &Path) -> anyhow::Result<String> {
    let relative = path.strip_prefix(dir).unwrap_or(path);
    let mut parts = Vec::new();
    for component in relative.components() {
        match component.as_os_str().to_str() {
            Some(part) if matches!(component, Component::Normal(_)) => parts.push(part),
            _ => bail!("de bestandsnaam `{}` wordt niet ondersteund", path.display()),
        }
    }
    Ok(parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_sources_and_fonts_and_skips_the_rest() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("lib")).unwrap();
        std::fs::write(dir.path().join("main.typ"), "= Hallo").unwrap();
        std::fs::write(dir.path().join("lib/huisstijl.typ"), "#let x = 1").unwrap();
        std::fs::write(dir.path().join("logo.svg"), "<svg/>").unwrap();
        std::fs::write(dir.path().join("lees-mij.md"), "niet voor typst").unwrap();
        std::fs::create_dir_all(dir.path().join("fonts")).unwrap();
        std::fs::write(dir.path().join("fonts/a.ttf"), b"font").unwrap();
        let templates = read_templates(dir.path()).unwrap();
        let keys: Vec<&str> = templates.files.keys().map(String::as_str).collect();
        assert_eq!(keys, ["lib/huisstijl.typ", "logo.svg", "main.typ"]);
        assert_eq!(templates.fonts, vec![b"font".to_vec()]);
    }

    #[cfg(unix)]
    #[test]
    fn refuses_a_link_that_leaves_the_directory() {
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("geheim.typ"), "x").unwrap();
        let dir = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink(outside.path().join("geheim.typ"), dir.path().join("a.typ")).unwrap();
        let err = read_templates(dir.path()).unwrap_err();
        assert!(format!("{err:#}").contains("buiten de sjablonenmap"), "{err:#}");
    }

    #[cfg(unix)]
    #[test]
    fn follows_a_link_that_stays_inside() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.typ"), "x").unwrap();
        std::os::unix::fs::symlink(dir.path().join("a.typ"), dir.path().join("b.typ")).unwrap();
        let templates = read_templates(dir.path()).unwrap();
        assert_eq!(templates.files.len(), 2);
    }
}
