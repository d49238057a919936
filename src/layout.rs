//! The data root's layout (contract §2) in both directions: what a relative path is, and the
//! path of a party's file. The only code that splits or builds `<Y>/<org>/<file>`; everything
//! else asks here. A leaf: it imports nothing of the crate, so every stage may use it.
//!
//! Paths are relative to the data root, with forward slashes (as `load` records them).

use std::path::Path;

/// The folder of the meeting files.
pub const VERGADERINGEN: &str = "vergaderingen";

/// The receipt register at the root (contract §15), written only by `jaarcyclus ontvang`.
pub const ONTVANGSTEN: &str = "ontvangsten.yaml";

/// What a relative path is under the contract's layout (the file's kind is the caller's:
/// `load` knows the file names of the contract).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place<'a> {
    /// A file or folder at the root: `stelsel.yaml`, `afspraken.yaml`, `aanvaard.yaml`, …
    Root(&'a str),
    /// A cycle year's folder, `<Y>`.
    Year(i32),
    /// A party's folder, `<Y>/<org>`.
    PartyFolder {
        /// The cycle year.
        jaar: i32,
        /// The party's id (its folder name).
        org: &'a str,
    },
    /// A file in a party's folder, `<Y>/<org>/<name>`.
    PartyFile {
        /// The cycle year.
        jaar: i32,
        /// The party's id.
        org: &'a str,
        /// The file name.
        name: &'a str,
    },
    /// A meeting file, `vergaderingen/<name>`.
    Vergadering(&'a str),
    /// Anything else (deeper, or a top folder that is no year).
    Other,
}

/// What `rel` is.
pub fn place(rel: &str) -> Place<'_> {
    let parts: Vec<&str> = rel.split('/').collect();
    match parts.as_slice() {
        [VERGADERINGEN, name] if !name.is_empty() => Place::Vergadering(name),
        [one] => match year(one) {
            Some(jaar) => Place::Year(jaar),
            None => Place::Root(one),
        },
        [y, org] if !org.is_empty() => match year(y) {
            Some(jaar) => Place::PartyFolder { jaar, org },
            None => Place::Other,
        },
        [y, org, name] if !org.is_empty() && !name.is_empty() => match year(y) {
            Some(jaar) => Place::PartyFile { jaar, org, name },
            None => Place::Other,
        },
        _ => Place::Other,
    }
}

/// A cycle year's folder name: four digits.
pub fn year(s: &str) -> Option<i32> {
    (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok()).flatten()
}

/// The cycle year whose folder holds `rel` (or is `rel`).
pub fn year_of(rel: &str) -> Option<i32> {
    year(rel.split('/').next()?)
}

/// The cycle year and party of `<Y>/<org>` or of anything below it.
pub fn party_of(rel: &str) -> Option<(i32, &str)> {
    let mut parts = rel.split('/');
    let (y, org) = (parts.next()?, parts.next()?);
    let jaar = year(y)?;
    (!org.is_empty()).then_some((jaar, org))
}

/// The party whose folder of cycle year `jaar` holds `rel`.
pub fn owner_in(rel: &str, jaar: i32) -> Option<&str> {
    party_of(rel).filter(|(y, _)| *y == jaar).map(|(_, org)| org)
}

/// The last component of a relative path.
pub fn file_name(rel: &str) -> &str {
    rel.rsplit('/').next().unwrap_or(rel)
}

/// A party's folder: `<Y>/<org>`.
pub fn party_folder(jaar: i32, org: &str) -> String {
    format!("{jaar}/{org}")
}

/// A file in a party's folder: `<Y>/<org>/<name>`.
pub fn party_file(jaar: i32, org: &str, name: &str) -> String {
    format!("{jaar}/{org}/{name}")
}

/// `p` relative to `root`, with forward slashes (`p` itself when it is not below `root`).
pub fn relative(root: &Path, p: &Path) -> String {
    p.strip_prefix(root)
        .unwrap_or(p)
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places() {
        assert_eq!(place("stelsel.yaml"), Place::Root("stelsel.yaml"));
        assert_eq!(place("2027"), Place::Year(2027));
        assert_eq!(place("2027/kadaster-obo"), Place::PartyFolder { jaar: 2027, org: "kadaster-obo" });
        assert_eq!(
            place("2027/kadaster-obo/plan.yaml"),
            Place::PartyFile { jaar: 2027, org: "kadaster-obo", name: "plan.yaml" }
        );
        assert_eq!(place("vergaderingen/2026-12-10-ogb-b.yaml"), Place::Vergadering("2026-12-10-ogb-b.yaml"));
        assert_eq!(place("20277/kadaster-obo/plan.yaml"), Place::Other);
        assert_eq!(place("2027/kadaster-obo/sub/plan.yaml"), Place::Other);
        assert_eq!(place("2027//plan.yaml"), Place::Other);
    }

    #[test]
    fn both_directions_agree() {
        let file = party_file(2027, "rws-obo", "wijziging-1.yaml");
        assert_eq!(place(&file), Place::PartyFile { jaar: 2027, org: "rws-obo", name: "wijziging-1.yaml" });
        assert_eq!(party_of(&file), Some((2027, "rws-obo")));
        assert_eq!(owner_in(&file, 2027), Some("rws-obo"));
        assert_eq!(owner_in(&file, 2026), None);
        assert_eq!(file_name(&file), "wijziging-1.yaml");
        assert_eq!(place(&party_folder(2027, "rws-obo")), Place::PartyFolder { jaar: 2027, org: "rws-obo" });
        assert_eq!(year("0207x"), None);
        assert_eq!(party_of("stelsel.yaml"), None);
    }
}
