//! `afspraken.yaml` (contract §7): the register of agreements, and when one covers a year.

use super::at::Pos;
use super::at::{At, Year};
use super::enums::*;
use jiff::civil::Date;

/// An agreement of the afsprakenstelsel register (`afspraken.yaml`).
#[derive(Clone, Debug)]
pub struct Afspraak {
    /// The party.
    pub organisatie: At<String>,
    /// The kind of agreement.
    pub soort: AfspraakSoort,
    /// First day of validity.
    pub van: Option<Date>,
    /// Last day of validity.
    pub tot: Option<Date>,
    /// Date of signing.
    pub getekend_op: Option<Date>,
    /// Whether it has a financial paragraph.
    pub financiele_paragraaf: Option<bool>,
    /// Accepted or open (for `rolacceptatie`).
    pub status: Option<AfspraakStatus>,
    /// Where the entry starts.
    pub pos: Pos,
}

impl Afspraak {
    /// Signed and valid on every day of `y` (contract §7).
    pub fn covers(&self, y: Year) -> bool {
        let first = Date::new(y as i16, 1, 1).ok();
        let last = Date::new(y as i16, 12, 31).ok();
        self.getekend_op.is_some()
            && matches!((self.van, first), (Some(v), Some(f)) if v <= f)
            && match (self.tot, last) {
                (None, _) => true,
                (Some(t), Some(l)) => t >= l,
                _ => false,
            }
    }
}
