//! `<Y>/<org>/wijziging-<n>.yaml` (contract §11): a budget amendment for Y.

use super::at::At;
use super::enums::*;
use super::plan::Header;
use jiff::civil::Date;
use rust_decimal::Decimal;

/// A budget amendment: signed changes of budget lines for Y, and new lines.
#[derive(Clone, Debug)]
pub struct Wijziging {
    /// Path relative to the data root.
    pub file: String,
    /// The header.
    pub header: Header,
    /// Its number, as written (equal to the file name's, E107).
    pub nummer: At<u32>,
    /// What it changes, in a sentence.
    pub omschrijving: String,
    /// The board adopted it on this date; `None`: proposed only.
    pub vastgesteld_op: Option<At<Date>>,
    /// The changes.
    pub regels: Vec<Mutatie>,
}

impl Wijziging {
    /// In effect at the reference date: adopted on or before it.
    pub fn in_effect(&self, peildatum: Date) -> bool {
        self.vastgesteld_op.as_ref().is_some_and(|d| d.value <= peildatum)
    }

    /// The sum of its valid mutaties.
    pub fn total(&self) -> Decimal {
        self.regels.iter().filter_map(|m| m.mutatie.as_ref()).map(|m| m.value).sum()
    }
}

/// One change: of an existing line, or a new line with its fields.
#[derive(Clone, Debug)]
pub struct Mutatie {
    /// The line id.
    pub regel: At<String>,
    /// The signed change of the line's budget for Y; `None` when the written value was invalid
    /// (already reported).
    pub mutatie: Option<At<Decimal>>,
    /// Why.
    pub toelichting: String,
    /// The new line's fields, when all four are given.
    pub nieuw: Option<NieuweRegel>,
    /// Some but not all of a new line's fields are given (E105 for an unknown line).
    pub onvolledig: bool,
    /// Incidental (default) or structural (contract §11, §14): a structural mutatie carries into
    /// the later years of a decision's horizon.
    pub aard: Aard,
    /// Where the entry starts.
    pub pos: super::at::Pos,
}

/// The fields of a new line introduced by a wijziging.
#[derive(Clone, Debug)]
pub struct NieuweRegel {
    /// What it pays for.
    pub omschrijving: String,
    /// The perspective.
    pub beleidsdoel: At<String>,
    /// The component.
    pub component: At<String>,
    /// The cost type.
    pub kostensoort: Kostensoort,
    /// The feature.
    pub feature: Option<At<String>>,
    /// The plan results it pays for.
    pub resultaten: Vec<At<String>>,
}
