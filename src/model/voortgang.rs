//! `<Y>/<org>/voortgang-q<k>.yaml` (contract §11): a quarterly progress report.

use super::at::At;
use super::enums::*;
use super::money::Money;
use super::plan::Header;

/// Progress after quarter k of Y: spending to date and the prognosis per line, the status of
/// every plan result.
#[derive(Clone, Debug)]
pub struct Voortgang {
    /// Path relative to the data root.
    pub file: String,
    /// The header.
    pub header: Header,
    /// The quarter, as written (equal to the file name's, E107).
    pub kwartaal: At<u8>,
    /// One line per line of the amended budget.
    pub regels: Vec<VoortgangRegel>,
    /// One status per plan result.
    pub resultaten: Vec<VoortgangResultaat>,
}

/// Progress of one budget line.
#[derive(Clone, Debug)]
pub struct VoortgangRegel {
    /// The budget line id.
    pub regel: At<String>,
    /// Spent in Y up to the end of the quarter; `None` when invalid (already reported).
    pub tot_en_met: Option<At<Money>>,
    /// Expected realisation for all of Y; `None` when invalid (already reported).
    pub prognose: Option<At<Money>>,
    /// The explanation.
    pub toelichting: Option<String>,
}

/// The status of one plan result during the year.
#[derive(Clone, Debug)]
pub struct VoortgangResultaat {
    /// The result id.
    pub resultaat: At<String>,
    /// Its status.
    pub status: VoortgangStatus,
    /// The explanation.
    pub toelichting: Option<String>,
}
