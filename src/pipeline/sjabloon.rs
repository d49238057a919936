//! `sjabloon --format yaml`: load and check the data root, refuse on E0–E2 (the estimates
//! would be untrustworthy), then write the scaffolded files of the new cycle year into the data
//! root — never over an existing file unless asked.

use super::outcome::{Refusal, check, refuse_untrustworthy};
use crate::model::{Scope, Year};
use crate::sjabloon::next_year;
use crate::write::write_atomic;
use anyhow::anyhow;
use jiff::civil::Date;
use std::path::Path;

/// What `sjabloon` wrote.
pub struct Scaffolded {
    /// The files written, relative to the data root.
    pub written: Vec<String>,
    /// Parties without files of the year before (nothing to start from).
    pub without: Vec<String>,
}

/// Scaffolds cycle year `y` for one party or all in `data`; `overwrite` allows replacing
/// existing files. `peildatum` only decides the findings of the check before.
pub fn scaffold(
    data: &Path,
    y: Year,
    organisatie: Option<&str>,
    overwrite: bool,
    peildatum: Date,
) -> Result<Scaffolded, Refusal> {
    let scope = Scope { organisatie: organisatie.map(str::to_string), jaar: None };
    let checked = refuse_untrustworthy(check(data, &scope, peildatum)?)?;
    if !checked.tree.years.contains_key(&(y - 1)) {
        return Err(anyhow!("er is geen jaarmap {} om van uit te gaan", y - 1).into());
    }
    let (files, without) = next_year(&checked.tree, y, organisatie);
    if files.is_empty() {
        return Err(anyhow!("geen plan of begroting {} gevonden om van uit te gaan", y - 1).into());
    }
    let existing: Vec<&str> = files.iter().map(|f| f.rel.as_str()).filter(|rel| data.join(rel).exists()).collect();
    if !overwrite && !existing.is_empty() {
        let (names, verb) = (existing.iter().map(|r| format!("`{r}`")).collect::<Vec<_>>(), existing.len());
        let verb = if verb == 1 { "bestaat" } else { "bestaan" };
        return Err(anyhow!(
            "{} {verb} al; niets geschreven (gebruik --overschrijven om te vervangen)",
            names.join(", ")
        )
        .into());
    }
    for f in &files {
        let path = data.join(&f.rel);
        write_atomic(&path, f.text.as_bytes())?;
    }
    Ok(Scaffolded { written: files.into_iter().map(|f| f.rel).collect(), without })
}
