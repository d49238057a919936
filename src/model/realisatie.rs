//! `<Y>/<org>/realisatie.yaml` (contract §6): actuals per line and the status of results.

use super::at::At;
use super::enums::*;
use super::money::Money;
use super::plan::Header;

/// Actuals for Y.
#[derive(Clone, Debug)]
pub struct Realisatie {
    /// Path relative to the data root.
    pub file: String,
    /// The header.
    pub header: Header,
    /// One line per budget line.
    pub regels: Vec<RealisatieRegel>,
    /// One status per plan result.
    pub resultaten: Vec<ResultaatStatusRegel>,
    /// The achieved value of goals' indicators (contract §6).
    pub doelen: Vec<DoelWaarde>,
}

/// The achieved value of one goal's indicator.
#[derive(Clone, Debug)]
pub struct DoelWaarde {
    /// The goal id.
    pub doel: At<String>,
    /// The value achieved (free text, e.g. "99,7%").
    pub waarde: String,
    /// The explanation.
    pub toelichting: Option<String>,
}

/// The actual of one budget line.
#[derive(Clone, Debug)]
pub struct RealisatieRegel {
    /// The budget line id.
    pub regel: At<String>,
    /// The amount spent; `None` when the written value was invalid (already reported).
    pub bedrag: Option<At<Money>>,
    /// The explanation.
    pub toelichting: Option<String>,
}

/// The status of one plan result.
#[derive(Clone, Debug)]
pub struct ResultaatStatusRegel {
    /// The result id.
    pub resultaat: At<String>,
    /// Its status.
    pub status: ResultaatStatus,
    /// The explanation.
    pub toelichting: Option<String>,
}
