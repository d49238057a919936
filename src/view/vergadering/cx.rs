//! The meeting view's context (`Cx`): the shared view base with the meeting, its cycle year,
//! the roll-ups and the appendices; and what a meeting document says about them.

use super::appendix::Bijlage;
use crate::check::vergadering::concept_sources;
use crate::diag::Code;
use crate::model::*;
use crate::rollup::Rollup;
use crate::view::cx::Base;
use jiff::civil::Date;
use serde::Serialize;
use std::collections::BTreeMap;

/// What every part of the meeting view needs.
pub struct Cx<'a> {
    /// The shared base: tree, stelsel, findings, reference date, names.
    pub base: Base<'a>,
    /// The meeting.
    pub v: &'a Vergadering,
    /// The cycle year for items that name none.
    pub cyclusjaar: Option<Year>,
    /// The roll-ups of every year the agenda needs (each year rolled up once).
    pub rollups: &'a BTreeMap<Year, Rollup>,
    /// The appendices.
    pub bijlagen: Vec<Bijlage>,
}

impl<'a> std::ops::Deref for Cx<'a> {
    type Target = Base<'a>;
    fn deref(&self) -> &Base<'a> {
        &self.base
    }
}

/// A finding shown in the pack.
#[derive(Clone, Debug, Serialize)]
pub struct Signaal {
    /// The code.
    pub code: &'static str,
    /// The message, parties by name.
    pub melding: String,
    /// Who is asked to do what (`null`: for information).
    pub gevraagd: Option<String>,
}

impl Cx<'_> {
    /// A finding as the pack shows it.
    pub fn signaal(&self, d: &crate::diag::Diagnostic) -> Signaal {
        Signaal { code: d.code.as_str(), melding: capitalised(&self.finding(d)), gevraagd: self.asked(d) }
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
        let files: Vec<String> =
            concept_sources(self.tree, b.kind, b.jaar).into_iter().map(|f| self.source(f, false)).collect();
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

    /// The findings of a decision item that the board should read before it decides — it asks
    /// to adopt a concept document (W403), or lies outside the meeting's mandate (W404) — as
    /// Dutch sentences, parties and perspectives by name: the item's findings of the check, in
    /// the meeting file at the item's line.
    pub fn item_findings(&self, item: &Agendapunt) -> Vec<String> {
        self.diags
            .items()
            .iter()
            .filter(|d| matches!(d.code, Code::W403 | Code::W404))
            .filter(|d| {
                d.file.as_deref() == Some(self.v.file.as_str()) && d.pos.is_some_and(|p| p.line == item.pos.line)
            })
            .map(|d| format!("{}.", capitalised(&self.finding(d))))
            .collect()
    }
}

/// A sentence with its first letter a capital.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// The cycle year a meeting is about when an agenda item names none: the latest year folder
/// no later than the year after the meeting (an autumn meeting decides on next year's plans);
/// without such a folder the earliest one.
pub fn cycle_year(tree: &Tree, datum: Date) -> Option<Year> {
    let limit = i32::from(datum.year()) + 1;
    tree.years.keys().rev().find(|y| **y <= limit).or_else(|| tree.years.keys().next()).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cycle_year_follows_the_meeting() {
        let mut tree = Tree::default();
        for y in [2025, 2026, 2027, 2029] {
            tree.years.insert(y, Default::default());
        }
        assert_eq!(cycle_year(&tree, Date::constant(2026, 12, 10)), Some(2027));
        assert_eq!(cycle_year(&tree, Date::constant(2026, 3, 1)), Some(2027));
        assert_eq!(cycle_year(&tree, Date::constant(2020, 3, 1)), Some(2025));
        assert_eq!(cycle_year(&Tree::default(), Date::constant(2020, 3, 1)), None);
    }
}
