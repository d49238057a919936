//! The request against the capped budget (taakstellend) per perspective and year, and the
//! difference allocated over the financiers per verdeelsleutel.

use super::allocate::allocate;
use super::grid::Grid;
use crate::model::*;
use rust_decimal::Decimal;

/// One perspective against its cap over the years of the roll-up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cap {
    /// The perspective.
    pub beleidsdoel: String,
    /// Its allocation key (financier id, percentage) in the order written; `None` without a
    /// taakstellend entry.
    pub verdeelsleutel: Option<Vec<(String, Decimal)>>,
    /// One entry per year of the roll-up.
    pub jaren: Vec<CapYear>,
}

/// One perspective and year: request, cap, difference and its allocation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CapYear {
    /// The year.
    pub jaar: Year,
    /// The capped budget; `None`: "geen taakstellend budget".
    pub cap: Option<Money>,
    /// The total request of all parties.
    pub request: Money,
    /// Request − cap (negative = room left); `None` without a cap.
    pub difference: Option<Decimal>,
    /// The difference over every financier of the stelsel (in its order), to the cent;
    /// empty without a cap.
    pub allocation: Vec<(String, Decimal)>,
}

impl CapYear {
    /// Whether the request exceeds the cap.
    pub fn over(&self) -> bool {
        self.difference.is_some_and(|d| d > Decimal::ZERO)
    }
}

/// Request − cap, exactly.
pub fn difference(request: Money, cap: Money) -> Decimal {
    request.decimal().checked_sub(cap.decimal()).expect("difference within range")
}

/// Every perspective of the stelsel (in its order) against its cap, per year of `jaren`,
/// from the integral totals.
pub fn caps(st: &Stelsel, integral: &Grid, jaren: &[Year]) -> Vec<Cap> {
    let financiers: Vec<String> = st.financiers.iter().map(|f| f.id.value.clone()).collect();
    let mut ids: Vec<String> = st.beleidsdoelen.iter().map(|b| b.id.value.clone()).collect();
    // A perspective only the lines name (E102 blocks a build) still shows, so nothing is lost.
    for p in integral.perspectives() {
        if !ids.iter().any(|i| i == p) {
            ids.push(p.to_string());
        }
    }
    ids.into_iter()
        .map(|p| {
            let t = st.taakstellend.iter().find(|t| t.beleidsdoel.value == p);
            let key: Option<Vec<(String, Decimal)>> =
                t.map(|t| t.verdeelsleutel.iter().map(|(f, pct)| (f.value.clone(), *pct)).collect());
            let jaren = jaren
                .iter()
                .map(|&y| {
                    let request = integral.get(&p, y);
                    let cap = t.and_then(|t| t.bedragen.get(&y)).map(|a| a.value);
                    let difference = cap.map(|c| difference(request, c));
                    let allocation = match (difference, &key) {
                        (Some(d), Some(k)) => allocate(d, k, &financiers),
                        _ => Vec::new(),
                    };
                    CapYear { jaar: y, cap, request, difference, allocation }
                })
                .collect();
            Cap { beleidsdoel: p, verdeelsleutel: key, jaren }
        })
        .collect()
}
