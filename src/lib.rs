//! jaarcyclus: the planning & control cycle of the DSO-LV management construct.
//!
//! The stages, one module each: `load` (read and validate the data root) → `check` (the
//! contract's rules) → `rollup` (exact totals per level) → `view` (the documents' data) → `site` (the website) →
//! `typeset` (typst, in memory) → `write` (atomic files in `out/`). `pipeline` runs them for
//! the commands and returns values; the binary prints. See `docs/huis.md` for the map.

pub mod check;
pub mod codes;
pub mod diag;
pub mod herkomst;
pub mod layout;
pub mod load;
pub mod model;
pub mod nl;
pub mod pipeline;
pub mod rollup;
pub mod schema;
pub mod site;
pub mod sjabloon;
pub mod table;
pub mod typeset;
pub mod view;
pub mod workbook;
pub mod write;

use diag::Diagnostics;
use jiff::civil::Date;
use model::{Scope, Tree};
use std::path::Path;

/// `load` then `check`: the tree and every finding, sorted. Errors only when the data root
/// itself cannot be read (exit status 2).
pub fn load_and_check(root: &Path, scope: &Scope, peildatum: Date) -> anyhow::Result<(Tree, Diagnostics)> {
    load_and_check_over(root, scope, peildatum, &std::collections::BTreeMap::new())
}

/// [`load_and_check`] with files laid over the data root (`load::load_over`): what the tree
/// would be with them in place, without writing anything.
pub fn load_and_check_over(
    root: &Path,
    scope: &Scope,
    peildatum: Date,
    over: &std::collections::BTreeMap<String, String>,
) -> anyhow::Result<(Tree, Diagnostics)> {
    let (tree, load_diags) = load::load_over(root, scope, over)?;
    let mut diags = Diagnostics::new();
    diags.extend(load_diags);
    diags.extend(check::rules(&tree, peildatum));
    check::accepted::accept(&tree, &mut diags, peildatum);
    diags.finish();
    Ok((tree, diags))
}
