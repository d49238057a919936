//! What the views need: the shared base (tree, stelsel, findings, reference date, display
//! names) and, for a cycle document, its kind, roll-up and year columns.

use crate::diag::Diagnostics;
use crate::model::{CycleDoc, Stelsel, Tree, Year};
use crate::rollup::Rollup;
use jiff::civil::Date;
use std::collections::HashMap;

/// What every view needs, with the display names of ids.
pub struct Base<'a> {
    /// Everything read.
    pub tree: &'a Tree,
    /// Its stelsel.
    pub st: &'a Stelsel,
    /// Every finding of the check.
    pub diags: &'a Diagnostics,
    /// The reference date.
    pub peildatum: Date,
    /// Party names by id (names fill every table row; a thousand parties make a scan slow).
    parties: HashMap<&'a str, &'a str>,
}

impl<'a> Base<'a> {
    /// The base of a view.
    pub fn new(tree: &'a Tree, st: &'a Stelsel, diags: &'a Diagnostics, peildatum: Date) -> Base<'a> {
        let parties = st.organisaties.iter().map(|o| (o.id.value.as_str(), o.naam.as_str())).collect();
        Base { tree, st, diags, peildatum, parties }
    }

    /// A party's display name (its id when unknown).
    pub fn party(&self, id: &str) -> String {
        self.parties.get(id).map_or_else(|| id.to_string(), |n| n.to_string())
    }

    /// A perspective's display name.
    pub fn perspective(&self, id: &str) -> String {
        self.st.perspective_name(id)
    }

    /// A component's display name.
    pub fn component(&self, id: &str) -> String {
        self.st.component_name(id)
    }

    /// A feature's display name (from the register, else its id).
    pub fn feature(&self, id: &str) -> String {
        let register = self.st.features.as_deref().unwrap_or_default();
        register.iter().find(|f| f.id.value == id).map(|f| f.naam.clone()).unwrap_or_else(|| id.to_string())
    }

    /// A financier's display name.
    pub fn financier(&self, id: &str) -> String {
        self.st.financier_name(id)
    }

    /// A finding's message for a document: parties by name.
    pub fn finding(&self, d: &crate::diag::Diagnostic) -> String {
        d.text.for_board(|id| self.party(id))
    }
}

/// A cycle document's view: the base, and the document's kind, roll-up and columns.
pub struct Ctx<'a> {
    /// The shared base.
    pub base: Base<'a>,
    /// The document kind.
    pub kind: CycleDoc,
    /// The roll-up of the document's year.
    pub r: &'a Rollup,
    /// The year columns of the document.
    pub jaren: Vec<Year>,
    /// Whether the document is abridged (see `document::ABRIDGE_FROM`).
    pub compact: bool,
}

impl<'a> std::ops::Deref for Ctx<'a> {
    type Target = Base<'a>;
    fn deref(&self) -> &Base<'a> {
        &self.base
    }
}

impl Ctx<'_> {
    /// Whether the document is a plan (meerjarenplan or jaarplan), not the accounts.
    pub fn is_plan(&self) -> bool {
        self.kind != CycleDoc::Jaarrekening
    }

    /// The year columns as header texts.
    pub fn kop(&self) -> Vec<String> {
        self.jaren.iter().map(|j| j.to_string()).collect()
    }
}
