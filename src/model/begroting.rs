//! `<Y>/<org>/begroting.yaml` (contract §5): budget lines and alternatives.

use super::at::Pos;
use super::at::{At, Year};
use super::enums::*;
use super::money::Money;
use super::plan::Header;
use std::collections::BTreeMap;

/// A budget for Y with estimates for Y+1..Y+3.
#[derive(Clone, Debug)]
pub struct Begroting {
    /// Path relative to the data root.
    pub file: String,
    /// The header.
    pub header: Header,
    /// Budget lines.
    pub regels: Vec<Regel>,
    /// Alternatives at other service levels.
    pub alternatieven: Vec<Alternatief>,
    /// Where the `alternatieven` list starts (or the file start).
    pub alternatieven_pos: Pos,
}

/// A budget line.
#[derive(Clone, Debug)]
pub struct Regel {
    /// Id, unique in the begroting.
    pub id: At<String>,
    /// What it pays for.
    pub omschrijving: String,
    /// The perspective.
    pub beleidsdoel: At<String>,
    /// The component.
    pub component: At<String>,
    /// The cost type.
    pub kostensoort: Kostensoort,
    /// The feature (portfolio view).
    pub feature: Option<At<String>>,
    /// The plan results it pays for.
    pub resultaten: Vec<At<String>>,
    /// Structural (default) or incidental (contract §14).
    pub aard: Aard,
    /// Amount per year, at the place of the amount; only valid entries.
    pub bedragen: BTreeMap<Year, At<Money>>,
    /// Where each year of `bedragen` is written (the key).
    pub jaren: BTreeMap<Year, Pos>,
    /// Where `bedragen` starts.
    pub bedragen_pos: Pos,
    /// Whether some entry of `bedragen` was invalid (and so left out).
    pub bedragen_invalid: bool,
}

impl Regel {
    /// The amount for a year; a missing year means 0.
    pub fn amount(&self, y: Year) -> Money {
        self.bedragen.get(&y).map(|a| a.value).unwrap_or_default()
    }
}

/// An alternative: the party's whole total for Y at another service level.
#[derive(Clone, Debug)]
pub struct Alternatief {
    /// The level.
    pub niveau: At<Niveau>,
    /// The total for Y, all perspectives.
    pub totaal: Money,
    /// What it means.
    pub omschrijving: String,
    /// Its risks.
    pub risicos: Vec<String>,
    /// The perspective it is a total for (contract §5); `None`: all perspectives together.
    pub beleidsdoel: Option<At<String>>,
}
