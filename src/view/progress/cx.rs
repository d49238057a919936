//! What every part of the voortgangsrapportage's view reads: the report's context (a leaf, so
//! that the parts and the model import it without a circle).

use crate::nl;
use crate::rollup::{Progress, Rollup};
use crate::view::cx::Base;
use rust_decimal::Decimal;

/// What the report needs besides the roll-up.
pub(crate) struct Px<'a> {
    pub base: Base<'a>,
    pub r: &'a Rollup,
    pub p: &'a Progress,
    pub t: &'a crate::rollup::Trend,
}

/// The cap of a perspective for Y.
pub(crate) fn cap(x: &Px, perspective: &str) -> Option<crate::model::Money> {
    x.r.cap(perspective).and_then(|c| c.jaren.iter().find(|j| j.jaar == x.p.jaar)).and_then(|j| j.cap)
}

/// The perspectives with lines, in `stelsel.yaml` order.
pub(crate) fn perspective_ids<'a>(x: &'a Px) -> Vec<&'a str> {
    x.base.st.beleidsdoelen.iter().map(|b| b.id.as_str()).filter(|id| x.p.integral.contains_key(*id)).collect()
}

/// "€ 1.200.000 (4,0%)".
pub(crate) fn with_percent(d: Decimal, of: Decimal) -> String {
    if of.is_zero() {
        return nl::eur(d);
    }
    format!("{} ({})", nl::eur(d), nl::percent((d * Decimal::from(100) / of).round_dp(1)))
}
