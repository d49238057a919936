//! Typeset stage, templates: the typst sources, fonts and letter texts the documents are made
//! with. They are compiled into the binary (see `build.rs`); `--templates DIR` lays a house
//! style over them. Compilations never touch the disk.

use std::collections::BTreeMap;
use std::path::{Component, Path};

use anyhow::{Context, bail};
use walkdir::WalkDir;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/templates.rs"));
}

/// The templates in memory: the files typst may read, the fonts and the letter texts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Templates {
    /// Sources, data and images keyed by root-relative path with forward slashes.
    pub files: BTreeMap<String, Vec<u8>>,
    /// Every `.ttf`, `.otf` and `.ttc` file, by path.
    pub fonts: BTreeMap<String, Vec<u8>>,
    /// The minijinja texts of the reminder letters (`rappel/*.j2`), by path.
    pub letters: BTreeMap<String, String>,
}

/// What a file under the templates directory is, by its extension.
enum Kind {
    File,
    Font,
    Letter,
    Skipped,
}

fn kind(path: &str) -> Kind {
    let ext = path.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    match ext.as_str() {
        "typ" | "json" | "svg" | "png" | "jpg" | "jpeg" => Kind::File,
        "ttf" | "otf" | "ttc" => Kind::Font,
        "j2" => Kind::Letter,
        // Licence texts, READMEs and the like are for people, not for typst.
        _ => Kind::Skipped,
    }
}

impl Templates {
    /// The templates compiled into the binary.
    pub fn embedded() -> Templates {
        let mut t = Templates::default();
        for (rel, bytes) in embedded::FILES {
            // Embedded letters are UTF-8 (a test reads them all).
            t.put(rel, bytes.to_vec()).expect("the embedded templates are well-formed");
        }
        t
    }

    /// The embedded templates with the files of `dir` laid over them: a file there replaces
    /// the built-in file of the same path (typically `lib/huisstijl.typ`, fonts and images).
    pub fn with_overlay(dir: Option<&Path>) -> anyhow::Result<Templates> {
        let mut t = Templates::embedded();
        if let Some(dir) = dir {
            t.overlay(dir)?;
        }
        Ok(t)
    }

    /// The fonts, in path order.
    pub fn font_data(&self) -> Vec<Vec<u8>> {
        self.fonts.values().cloned().collect()
    }

    fn put(&mut self, rel: &str, bytes: Vec<u8>) -> anyhow::Result<()> {
        match kind(rel) {
            Kind::File => {
                self.files.insert(rel.to_string(), bytes);
            }
            Kind::Font => {
                self.fonts.insert(rel.to_string(), bytes);
            }
            Kind::Letter => {
                let text = String::from_utf8(bytes).with_context(|| format!("sjabloon `{rel}` is geen UTF-8-tekst"))?;
                self.letters.insert(rel.to_string(), text);
            }
            Kind::Skipped => {}
        }
        Ok(())
    }

    /// Reads `dir` over the current files. Refuses symbolic links that leave the directory.
    fn overlay(&mut self, dir: &Path) -> anyhow::Result<()> {
        let root =
            dir.canonicalize().with_context(|| format!("kan de sjablonenmap `{}` niet openen", dir.display()))?;
        for entry in WalkDir::new(dir).follow_links(true).sort_by_file_name() {
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
            let rel = relative_key(dir, path)?;
            if matches!(kind(&rel), Kind::Skipped) {
                continue;
            }
            let bytes = std::fs::read(path).with_context(|| format!("kan `{}` niet lezen", path.display()))?;
            self.put(&rel, bytes)?;
        }
        Ok(())
    }
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
    fn the_binary_carries_every_document_its_fonts_and_letters() {
        let t = Templates::embedded();
        for f in
            ["jaarplan.typ", "jaarrekening.typ", "meerjarenplan.typ", "lib/huisstijl.typ", "vergadering/pakket.typ"]
        {
            assert!(t.files.contains_key(f), "{f}");
        }
        assert!(t.fonts.len() >= 4, "{:?}", t.fonts.keys());
        assert!(t.letters.contains_key("rappel/brief.txt.j2"));
        assert!(!t.files.keys().any(|k| k.ends_with(".md")), "READMEs are not for typst");
    }

    #[test]
    fn an_overlay_replaces_only_its_own_files() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("lib")).unwrap();
        std::fs::write(dir.path().join("lib/huisstijl.typ"), "#let x = 1").unwrap();
        std::fs::write(dir.path().join("logo.svg"), "<svg/>").unwrap();
        std::fs::write(dir.path().join("lees-mij.md"), "niet voor typst").unwrap();
        let base = Templates::embedded();
        let t = Templates::with_overlay(Some(dir.path())).unwrap();
        assert_eq!(t.files["lib/huisstijl.typ"], b"#let x = 1");
        assert_eq!(t.files["logo.svg"], b"<svg/>");
        assert_eq!(t.files["jaarplan.typ"], base.files["jaarplan.typ"]);
        assert_eq!(t.fonts, base.fonts);
        assert!(!t.files.contains_key("lees-mij.md"));
    }

    #[cfg(unix)]
    #[test]
    fn refuses_a_link_that_leaves_the_directory() {
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("geheim.typ"), "x").unwrap();
        let dir = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink(outside.path().join("geheim.typ"), dir.path().join("a.typ")).unwrap();
        let err = Templates::with_overlay(Some(dir.path())).unwrap_err();
        assert!(format!("{err:#}").contains("buiten de sjablonenmap"), "{err:#}");
    }

    #[test]
    fn a_missing_overlay_directory_is_refused() {
        let err = Templates::with_overlay(Some(Path::new("/bestaat/niet"))).unwrap_err();
        assert!(format!("{err:#}").contains("kan de sjablonenmap"), "{err:#}");
    }
}
