//! Management consequences (beheerconsequenties) of development decisions as a table over
//! Y..Y+3: all of them in the plans, a selection in a decision note.

use super::cx::{Base, Ctx};
use super::text::{Bedragen, row};
use crate::nl;
use crate::rollup::{Beheerconsequentie, Rollup, Years, add_years};
use serde::Serialize;

/// The `beheerconsequenties` object (and a decision note's `gevolgen`).
#[derive(Clone, Debug, Serialize)]
pub struct Beheerconsequenties {
    /// What the selection is, in a sentence (decision notes).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub toelichting: Option<String>,
    /// The year columns (always Y..Y+3: consequences matter beyond the plan year).
    pub kop: Vec<String>,
    /// One row per consequence.
    pub rijen: Vec<BeheerconsequentieView>,
    /// The column totals (`null` without rows).
    pub totaal: Option<Bedragen>,
}

/// One management consequence.
#[derive(Clone, Debug, Serialize)]
pub struct BeheerconsequentieView {
    /// The party reporting it.
    pub partij: String,
    /// The party's short name, for the narrow column.
    pub partij_kort: String,
    /// What comes into management.
    pub omschrijving: String,
    /// The component's name.
    pub component: Option<String>,
    /// The perspective's name.
    pub beleidsdoel: Option<String>,
    /// The decision that caused it.
    pub besluit: Option<String>,
    /// Component and decision in words, for a line under the description.
    pub detail: Option<String>,
    /// First year.
    pub vanaf: i32,
    /// The years it runs, in words: `vanaf 2028`, `2027 t/m 2028` or `2027`.
    pub periode: String,
    /// Yearly cost.
    pub bedrag_per_jaar: String,
    /// Per year column.
    pub bedragen: Vec<String>,
}

/// The table of `chosen`, consequences from the plans of `r`'s year, over its years.
pub fn table(
    base: &Base,
    r: &Rollup,
    chosen: &[&Beheerconsequentie],
    toelichting: Option<String>,
) -> Beheerconsequenties {
    let mut total = Years::new();
    let rijen = chosen
        .iter()
        .map(|c| {
            add_years(&mut total, &c.bedragen);
            let component = c.component.as_ref().map(|x| base.component(x));
            let mut detail = Vec::new();
            detail.extend(component.clone());
            detail.extend(c.besluit.as_ref().map(|b| format!("besluit: {b}")));
            BeheerconsequentieView {
                partij: base.party(&c.party),
                partij_kort: base.party_short(&c.party),
                omschrijving: c.omschrijving.clone(),
                component,
                beleidsdoel: c.beleidsdoel.as_ref().map(|x| base.perspective(x)),
                besluit: c.besluit.clone(),
                detail: (!detail.is_empty()).then(|| detail.join(" · ")),
                vanaf: c.vanaf,
                periode: match c.tot {
                    None => format!("vanaf {}", c.vanaf),
                    Some(t) if t == c.vanaf => t.to_string(),
                    Some(t) => format!("{} t/m {t}", c.vanaf),
                },
                bedrag_per_jaar: nl::money(c.bedrag_per_jaar),
                bedragen: row(&c.bedragen, &r.jaren).bedragen,
            }
        })
        .collect();
    Beheerconsequenties {
        toelichting,
        kop: r.jaren.iter().map(|j| j.to_string()).collect(),
        totaal: (!chosen.is_empty()).then(|| row(&total, &r.jaren)),
        rijen,
    }
}

/// Every management consequence of the plans (empty in the jaarrekening).
pub fn beheerconsequenties(cx: &Ctx) -> Beheerconsequenties {
    let chosen: Vec<&Beheerconsequentie> = if cx.is_plan() { cx.r.consequences.iter().collect() } else { Vec::new() };
    table(cx, cx.r, &chosen, None)
}
