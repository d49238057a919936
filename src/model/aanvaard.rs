//! `aanvaard.yaml` (contract §12): warnings the board has accepted, each with its reason and
//! optionally a party, a year and an end date.

use super::at::Pos;
use super::at::{At, Year};
use crate::codes::Code;
use jiff::civil::Date;

/// One accepted finding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Aanvaarding {
    /// The warning code accepted.
    pub code: Code,
    /// Only findings about this party (`None`: any).
    pub organisatie: Option<At<String>>,
    /// Only findings about this cycle year (`None`: any).
    pub jaar: Option<At<Year>>,
    /// Why.
    pub reden: String,
    /// The last day it holds (`None`: no end).
    pub tot: Option<Date>,
    /// The meeting that decided it (informative).
    pub besluit: Option<String>,
    /// Where the entry starts in aanvaard.yaml.
    pub pos: Pos,
}

impl Aanvaarding {
    /// Active at the reference date: no end date, or one on or after it.
    pub fn active(&self, peildatum: Date) -> bool {
        self.tot.is_none_or(|t| t >= peildatum)
    }

    /// Whether it matches a finding with this code about this party and year.
    pub fn matches(&self, code: Code, organisatie: Option<&str>, jaar: Option<Year>) -> bool {
        code == self.code
            && self.organisatie.as_ref().is_none_or(|o| organisatie == Some(o.value.as_str()))
            && self.jaar.as_ref().is_none_or(|j| jaar == Some(j.value))
    }
}
