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
    /// Party names and short names by id (names fill every table row; a thousand parties make
    /// a scan slow).
    parties: HashMap<&'a str, (&'a str, Option<&'a str>)>,
}

impl<'a> Base<'a> {
    /// The base of a view.
    pub fn new(tree: &'a Tree, st: &'a Stelsel, diags: &'a Diagnostics, peildatum: Date) -> Base<'a> {
        let parties =
            st.organisaties.iter().map(|o| (o.id.value.as_str(), (o.naam.as_str(), o.kortenaam.as_deref()))).collect();
        Base { tree, st, diags, peildatum, parties }
    }

    /// A party's display name (its id when unknown).
    pub fn party(&self, id: &str) -> String {
        self.parties.get(id).map_or_else(|| id.to_string(), |n| n.0.to_string())
    }

    /// A party's short name for a narrow column (contract §3): its `kortenaam`, else its name.
    pub fn party_short(&self, id: &str) -> String {
        self.parties.get(id).map_or_else(|| id.to_string(), |n| n.1.unwrap_or(n.0).to_string())
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

    /// An input file in words: `begroting 2027 van Kadaster (OBO)` (the short name when
    /// `short`), `stelsel`, `afsprakenregister`, `vergadering <naam>`.
    pub fn source(&self, file: &str, short: bool) -> String {
        let name = crate::layout::file_name(file);
        match (crate::layout::party_of(file), name.strip_suffix(".yaml")) {
            (Some((y, org)), kind) => {
                let who = if short { self.party_short(org) } else { self.party(org) };
                match kind {
                    Some(kind) => format!("{kind} {y} van {who}"),
                    None => format!("map {y} van {who}"),
                }
            }
            (None, Some("stelsel")) => "stelsel".into(),
            (None, Some("afspraken")) => "afsprakenregister".into(),
            (None, Some(stem)) if matches!(crate::layout::place(file), crate::layout::Place::Vergadering(_)) => {
                format!("vergadering {stem}")
            }
            _ => "gegevensmap".into(),
        }
    }

    /// A finding's message for a document: parties and perspectives by name, and the ids of
    /// budget lines and results of the finding's party by their omschrijving.
    pub fn finding(&self, d: &crate::diag::Diagnostic) -> String {
        d.text.for_board(&Scoped { base: self, d })
    }

    /// What a document asks of whom about a finding, parties by name.
    pub fn asked(&self, d: &crate::diag::Diagnostic) -> Option<String> {
        crate::diag::msg::asked(d).map(|m| m.for_board(self))
    }
}

/// The names for one finding: its party's lines and results in the year of its file.
struct Scoped<'b, 'a> {
    base: &'b Base<'a>,
    d: &'b crate::diag::Diagnostic,
}

impl crate::diag::Names for Scoped<'_, '_> {
    fn party(&self, id: &str) -> String {
        self.base.party(id)
    }

    fn perspective(&self, id: &str) -> String {
        self.base.perspective(id)
    }

    fn term(&self, id: &str) -> Option<String> {
        let y = self.d.file.as_deref().and_then(crate::layout::year_of)?;
        let sub = self.base.tree.submission(y, self.d.organisatie.as_deref()?)?;
        let begroting =
            sub.begroting.iter().flat_map(|b| &b.regels).find(|r| r.id.value == id).map(|r| &r.omschrijving);
        let nieuw = || {
            sub.wijzigingen
                .iter()
                .flat_map(|w| &w.regels)
                .find(|m| m.regel.value == id)
                .and_then(|m| m.nieuw.as_ref())
                .map(|n| &n.omschrijving)
        };
        let resultaat =
            || sub.plan.iter().flat_map(|p| &p.resultaten).find(|r| r.id.value == id).map(|r| &r.omschrijving);
        begroting.or_else(nieuw).or_else(resultaat).cloned()
    }
}

impl crate::diag::Names for Base<'_> {
    fn party(&self, id: &str) -> String {
        Base::party(self, id)
    }

    fn perspective(&self, id: &str) -> String {
        Base::perspective(self, id)
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
