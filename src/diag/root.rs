//! Where the files that findings name are, for the renderers that point outside the program
//! (SARIF, GitHub workflow commands): the data root as given on the command line, and files named
//! as given rather than relative to it (the workbook of `import`). Also the URIs SARIF wants.

use std::path::{Component, Path, PathBuf};

/// The data root of a run, and the files of its findings that are not relative to it.
#[derive(Clone, Copy, Debug)]
pub struct Root<'a> {
    data: &'a Path,
    given: &'a [String],
}

impl<'a> Root<'a> {
    /// The data root as given on the command line (`--data`).
    pub fn new(data: &'a Path) -> Root<'a> {
        Root { data, given: &[] }
    }

    /// Files that findings name as given on the command line, not relative to the data root
    /// (the workbook of `import`, the source of a delivery).
    pub fn with_given(self, given: &'a [String]) -> Root<'a> {
        Root { given, ..self }
    }

    /// The data root as given.
    pub fn data(&self) -> &'a Path {
        self.data
    }

    /// Whether a finding's file is named as given rather than relative to the data root.
    pub fn is_given(&self, file: &str) -> bool {
        self.given.iter().any(|g| g == file)
    }

    /// The file as a path from the directory the command runs in: the data root as given joined
    /// with it (a leading `./` left out), or the file itself when it is named as given.
    pub fn path(&self, file: &str) -> String {
        if self.is_given(file) {
            return file.to_string();
        }
        let root: PathBuf = self.data.components().filter(|c| *c != Component::CurDir).collect();
        let root = root.to_string_lossy();
        if root.is_empty() { file.to_string() } else { format!("{}/{file}", root.trim_end_matches(['/', '\\'])) }
    }

    /// The data root as a `file:` URI with a trailing slash (SARIF's `originalUriBaseIds`).
    pub fn data_uri(&self) -> String {
        let mut uri = file_uri(self.data);
        if !uri.ends_with('/') {
            uri.push('/');
        }
        uri
    }
}

/// A path of forward slashes as a relative URI reference: every byte but the unreserved
/// characters of RFC 3986 and `/` percent-encoded.
pub fn uri_path(s: &str) -> String {
    encode(s, b"/")
}

/// An absolute `file:` URI of a path (made absolute from the current directory, links resolved
/// where the path exists).
pub fn file_uri(path: &Path) -> String {
    let abs = std::fs::canonicalize(path).or_else(|_| std::path::absolute(path)).unwrap_or_else(|_| path.to_path_buf());
    let mut s = abs.to_string_lossy().replace('\\', "/");
    // Windows: `\\?\C:\…` (a verbatim path) and `C:/…` become `/C:/…`.
    if let Some(rest) = s.strip_prefix("//?/") {
        s = rest.to_string();
    }
    if !s.starts_with('/') {
        s.insert(0, '/');
    }
    format!("file://{}", encode(&s, b"/:"))
}

fn encode(s: &str, keep: &[u8]) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) || keep.contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_path_joins_the_root_as_given() {
        let given = ["boek.xlsx".to_string()];
        let at = |data: &str| Root::new(Path::new(data)).with_given(&given).path("2025/a/b.yaml");
        assert_eq!(at("."), "2025/a/b.yaml");
        assert_eq!(at("./data"), "data/2025/a/b.yaml");
        assert_eq!(at("data/"), "data/2025/a/b.yaml");
        assert_eq!(at("/srv/gegevens"), "/srv/gegevens/2025/a/b.yaml");
        assert_eq!(Root::new(Path::new("data")).with_given(&given).path("boek.xlsx"), "boek.xlsx");
    }

    #[test]
    fn uris_encode_what_is_not_plain() {
        assert_eq!(uri_path("2025/obo-b/realisatie.yaml"), "2025/obo-b/realisatie.yaml");
        assert_eq!(uri_path("map met spatie/ü:x.yaml"), "map%20met%20spatie/%C3%BC%3Ax.yaml");
        let uri = Root::new(Path::new("/nonexistent dir/data")).data_uri();
        assert!(uri.starts_with("file:///") && uri.ends_with("/nonexistent%20dir/data/"), "{uri}");
    }
}
