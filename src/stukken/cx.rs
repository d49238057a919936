//! What every part of the meeting view needs (`Cx`), and small wording helpers: names from
//! ids, the appendix an item refers to, concept warnings, Dutch enumerations.

use super::appendix::Bijlage;
use crate::diag::Diagnostics;
use crate::model::*;
use crate::rollup::Rollup;
use jiff::civil::Date;
use std::collections::BTreeMap;

/// What every part of the meeting view needs.
pub struct Cx<'a> {
    /// The tree.
    pub tree: &'a Tree,
    /// Its stelsel.
    pub st: &'a Stelsel,
    /// Every finding of the whole-tree check.
    pub diags: &'a Diagnostics,
    /// The meeting.
    pub v: &'a Vergadering,
    /// The reference date.
    pub peildatum: Date,
    /// The cycle year for items that name none.
    pub cyclusjaar: Option<Year>,
    /// The roll-ups of every year the agenda needs.
    pub rollups: BTreeMap<Year, Rollup>,
    /// The appendices.
    pub bijlagen: Vec<Bijlage>,
}

impl Cx<'_> {
    /// A perspective's display name.
    pub fn perspective(&self, id: &str) -> String {
        self.st.perspective_name(id)
    }

    /// A financier's display name.
    pub fn financier(&self, id: &str) -> String {
        self.st.financier_name(id)
    }

    /// The appendix an item refers to.
    pub fn bijlage_of(&self, item: &Agendapunt) -> Option<&Bijlage> {
        self.bijlagen.iter().find(|b| b.agendapunten.contains(&item.id.value))
    }

    /// `Bijlage A: Jaarplan en jaarbegroting 2027` for an item that names a cycle document.
    pub fn stuk_label(&self, item: &Agendapunt) -> Option<String> {
        let b = self.bijlage_of(item)?;
        Some(match &b.ontbreekt {
            None => format!("Bijlage {}: {}", b.letter, b.titel()),
            Some(why) => format!("{} (niet bijgevoegd: {why})", b.titel()),
        })
    }

    /// A note when the cycle document of an item is made from concept submissions.
    pub fn concept_note(&self, item: &Agendapunt) -> Vec<String> {
        let Some(b) = self.bijlage_of(item).filter(|b| b.ontbreekt.is_none()) else { return Vec::new() };
        let mut files: Vec<String> = Vec::new();
        for sub in self.tree.years.get(&b.jaar).into_iter().flat_map(|m| m.values()) {
            let mut heads: Vec<(&Header, &str)> = Vec::new();
            heads.extend(sub.plan.as_ref().map(|p| (&p.header, p.file.as_str())));
            heads.extend(sub.begroting.as_ref().map(|p| (&p.header, p.file.as_str())));
            if b.kind == CycleDoc::Jaarrekening {
                heads.extend(sub.realisatie.as_ref().map(|p| (&p.header, p.file.as_str())));
            }
            files.extend(heads.into_iter().filter(|(h, _)| h.status == Status::Concept).map(|(_, f)| f.to_string()));
        }
        files.sort();
        if files.is_empty() {
            return Vec::new();
        }
        vec![format!(
            "Bijlage {} ({}) bevat gegevens uit aanleveringen met de status concept: {}. De cijfers kunnen nog wijzigen.",
            b.letter,
            b.titel(),
            files.join(", ")
        )]
    }
}

/// A finding's message for board members: a party id in backticks becomes the party's name,
/// other backticked names lose their backticks.
pub fn readable(st: &Stelsel, text: &str) -> String {
    let mut out = String::new();
    for (i, part) in text.split('`').enumerate() {
        match st.organisaties.iter().find(|o| o.id.value == part) {
            Some(o) if i % 2 == 1 => out.push_str(&o.naam),
            _ => out.push_str(part),
        }
    }
    out
}

/// A finding's hint as a sentence in a document: its first letter a capital.
pub fn sentence(st: &Stelsel, hint: &str) -> String {
    let text = readable(st, hint);
    let mut chars = text.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// `a`, `a en b`, `a, b en c`.
pub fn join(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} en {last}", init.join(", ")),
    }
}
