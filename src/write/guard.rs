//! The output folder itself: refused inside the data root, created, resolved.

use anyhow::{Context, Result, bail};
use std::path::{Path, PathBuf};

/// Refuses an output directory inside the data root (documents must never mix with inputs),
/// then creates it. Returns its canonical path.
pub fn guard_out(data: &Path, out: &Path) -> Result<PathBuf> {
    // Judge the place before creating it, so that a refused `--out` leaves nothing behind.
    if let (Ok(data_c), Some(out_r)) = (data.canonicalize(), resolve_to_be(out))
        && out_r.starts_with(&data_c)
    {
        bail!(
            "uitvoermap `{}` ligt binnen de gegevensmap `{}`; kies een map daarbuiten",
            out.display(),
            data.display()
        );
    }
    std::fs::create_dir_all(out)
        .with_context(|| format!("uitvoermap `{}` kan niet worden aangemaakt", out.display()))?;
    let out_c = out.canonicalize().with_context(|| format!("uitvoermap `{}` is niet bruikbaar", out.display()))?;
    if let Ok(data_c) = data.canonicalize()
        && out_c.starts_with(&data_c)
    {
        bail!(
            "uitvoermap `{}` ligt binnen de gegevensmap `{}`; kies een map daarbuiten",
            out.display(),
            data.display()
        );
    }
    Ok(out_c)
}

/// Where `path` would be once created: its deepest existing ancestor resolved (links
/// followed), the missing components appended; `None` when that cannot be told beforehand.
fn resolve_to_be(path: &Path) -> Option<PathBuf> {
    let abs = std::path::absolute(path).ok()?;
    let mut existing = abs.as_path();
    let mut missing = Vec::new();
    while !existing.exists() {
        missing.push(existing.file_name()?);
        existing = existing.parent()?;
    }
    let mut resolved = existing.canonicalize().ok()?;
    resolved.extend(missing.iter().rev());
    Some(resolved)
}
