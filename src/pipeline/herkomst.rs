//! `herkomst`: load and check the cycle year asked, refuse on E0–E2 (as `build` does: those
//! make the figures untrustworthy), then trace the figure down to its source lines.

use super::outcome::{Checked, Refusal, check, refuse_untrustworthy};
use crate::herkomst::{Herkomst, Vraag, herkomst};
use crate::model::Scope;
use std::path::Path;

/// Runs `herkomst` over the data root.
pub fn trace(data: &Path, vraag: &Vraag) -> Result<(Checked, Herkomst), Refusal> {
    let checked = check(data, &Scope { organisatie: None, jaar: Some(vraag.jaar) }, vraag.peildatum)?;
    let checked = refuse_untrustworthy(checked)?;
    let h = herkomst(&checked.tree, vraag)?;
    Ok((checked, h))
}
