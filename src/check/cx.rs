//! What every rule of the check needs: the tree, the stelsel, the reference date, and where
//! the findings go; and the one duplicate-id rule every file kind shares (E106).

use crate::diag::Diagnostic;
use crate::model::{At, Organisatie, Stelsel, Tree, Year};
use jiff::civil::Date;
use std::collections::BTreeSet;

/// What a rule needs: the tree, the stelsel (when readable), the reference date.
pub struct Ctx<'a> {
    /// Everything read.
    pub tree: &'a Tree,
    /// The construct; `None` when `stelsel.yaml` could not be read.
    pub st: Option<&'a Stelsel>,
    /// The reference date (`--peildatum`).
    pub peildatum: Date,
    /// The findings.
    pub out: Vec<Diagnostic>,
}

impl<'a> Ctx<'a> {
    /// Whether only one party was read (whole-tree checks are skipped then).
    pub fn scoped(&self) -> bool {
        self.tree.scope.organisatie.is_some()
    }

    /// The cycle years in view: the year folders read, limited by `--jaar`.
    pub fn years(&self) -> BTreeSet<Year> {
        self.tree.years.keys().copied().filter(|y| self.tree.scope.jaar.is_none_or(|j| j == *y)).collect()
    }

    /// The parties in view: all of the stelsel's, or the scoped one.
    pub fn parties(&self) -> Vec<&'a Organisatie> {
        let Some(st) = self.st else { return Vec::new() };
        st.organisaties
            .iter()
            .filter(|o| self.tree.scope.organisatie.as_ref().is_none_or(|s| *s == o.id.value))
            .collect()
    }
}

/// Reports every id that occurs more than once in `ids`.
pub(crate) fn duplicates<'a>(
    out: &mut Vec<Diagnostic>,
    file: &str,
    kind: &str,
    ids: impl IntoIterator<Item = &'a At<String>>,
) {
    let mut seen = BTreeSet::new();
    for id in ids {
        if !seen.insert(id.value.as_str()) {
            out.push(crate::diag::msg::duplicate_id(kind, &id.value).at(file, id.pos));
        }
    }
}
