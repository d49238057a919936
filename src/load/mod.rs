//! Stage `load`: walks the data root, reads every file of the contract under size, encoding and
//! link limits, parses it strictly and lowers it into the validated model (`Tree`), reporting
//! every problem as a diagnostic. The only stage that reads the data root.

mod fast;
mod loader;
mod lower;
mod parallel;
mod parse;
pub mod raw;
mod values;
mod walk;
pub mod watch;

pub use values::{is_lower_id, parse_date};

/// The fast path alone (`None`: not in its subset), for the differential tests and the fuzzer,
/// which hold it to [`parse_full`].
pub fn parse_fast<T: serde::de::DeserializeOwned>(text: &str) -> Option<T> {
    fast::parse(text)
}

pub use parse::parse_full;

pub use loader::MAX_FILE_BYTES;

use crate::diag::Diagnostic;
use crate::model::{Scope, Tree};
use anyhow::{Context, Result, bail};
use loader::Loader;
use std::collections::BTreeMap;
use std::path::Path;

/// Reads the data root (or, with a party in `scope`, only that party's folders plus
/// `stelsel.yaml` and `afspraken.yaml`). Fails (exit status 2) only when the root itself
/// cannot be read; every problem inside it is a diagnostic.
pub fn load(root: &Path, scope: &Scope) -> Result<(Tree, Vec<Diagnostic>)> {
    load_over(root, scope, &BTreeMap::new())
}

/// [`load`] with files laid over the data root: each (path relative to the root, text) is read
/// instead of the file at that path, which need not exist. Nothing is written: a delivery or a
/// workbook is checked in place as if it had been put there (`import`; `check --organisatie`
/// then sees exactly what the party delivers).
pub fn load_over(root: &Path, scope: &Scope, over: &BTreeMap<String, String>) -> Result<(Tree, Vec<Diagnostic>)> {
    let meta = std::fs::metadata(root).with_context(|| format!("gegevensmap `{}` is niet leesbaar", root.display()))?;
    if !meta.is_dir() {
        bail!("gegevensmap `{}` is geen map", root.display());
    }
    let canon = root.canonicalize().with_context(|| format!("gegevensmap `{}` is niet leesbaar", root.display()))?;
    let mut l = Loader { root: canon, tree: Tree { scope: scope.clone(), ..Tree::default() }, diags: Vec::new() };
    let mut found = walk::walk(&l.root.clone(), scope, &mut l.diags);
    for f in &mut found {
        f.over = over.get(&f.rel).cloned();
    }
    for (rel, text) in over {
        if !found.iter().any(|f| f.rel == *rel) {
            let (path, kind) = (l.root.join(rel), walk::classify(rel));
            found.push(walk::Found { rel: rel.clone(), path, kind, over: Some(text.clone()) });
        }
    }
    for part in parallel::read_all(&l.root, found) {
        l.absorb(part);
    }
    l.tree.match_receipts();
    Ok((l.tree, l.diags))
}

/// Reads files given as text — (path relative to a data root, text) — into a tree as [`load`]
/// reads them from disk, without the checks of the whole tree: for files made in memory (the
/// next cycle's scaffold, before it becomes a workbook).
pub fn load_texts(files: &[(String, String)]) -> (Tree, Vec<Diagnostic>) {
    let mut l = Loader { root: std::path::PathBuf::new(), tree: Tree::default(), diags: Vec::new() };
    for (rel, text) in files {
        l.read_text(rel, text);
    }
    (l.tree, l.diags)
}

/// One meeting file of the data root, `rel` (relative, as `layout` names it), read and lowered
/// alone under the limits of [`load`] (a regular file, size, UTF-8): `stukken` dates its pack by
/// the meeting's `stukken_verzonden_op` before the whole tree is read and judged at that date.
/// `None` when the file cannot be read as a meeting; its findings are left to the full load.
pub fn vergadering(root: &Path, rel: &str) -> Option<crate::model::Vergadering> {
    let root = root.canonicalize().ok()?;
    let found = walk::Found { rel: rel.to_string(), path: root.join(rel), kind: walk::classify(rel), over: None };
    let mut l = Loader { root, tree: Tree::default(), diags: Vec::new() };
    l.read(found);
    l.tree.vergaderingen.pop()
}
