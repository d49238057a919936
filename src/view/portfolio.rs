//! The portfolio of feature-based costing: totals per perspective and feature, per cost type
//! and per component, over the document's year columns.

use super::cx::Ctx;
use super::text::{join, row};
use crate::rollup::Years;
use serde::Serialize;

/// The `portfolio` object.
#[derive(Clone, Debug, Serialize)]
pub struct Portfolio {
    /// The year columns.
    pub kop: Vec<String>,
    /// Per perspective and feature.
    pub rijen: Vec<PortfolioRij>,
    /// Per cost type.
    pub kostensoorten: Vec<Benoemd>,
    /// Per component.
    pub componenten: Vec<Benoemd>,
}

/// One perspective and feature.
#[derive(Clone, Debug, Serialize)]
pub struct PortfolioRij {
    /// The perspective's name.
    pub beleidsdoel: String,
    /// The feature's name (`(geen feature)` for lines without one).
    pub feature: String,
    /// The component name(s).
    pub component: String,
    /// Per year column.
    pub bedragen: Vec<String>,
    /// Their sum.
    pub totaal: String,
    /// The results its lines pay for, per party (short names): `Kadaster OBO: R1, R3; Geonovum: R2`.
    pub resultaten: String,
}

/// A named row of amounts.
#[derive(Clone, Debug, Serialize)]
pub struct Benoemd {
    /// The name.
    pub naam: String,
    /// Per year column.
    pub bedragen: Vec<String>,
    /// Their sum.
    pub totaal: String,
}

/// The portfolio per perspective and feature, per cost type and per component.
pub fn portfolio(cx: &Ctx) -> Portfolio {
    let rijen =
        cx.r.by_feature
            .iter()
            .map(|f| {
                let b = row(&f.bedragen, &cx.jaren);
                // Abridged: the results counted, not listed (a thousand parties' ids fill pages).
                let per_party: Vec<String> = if cx.compact {
                    let n: usize = f.resultaten.iter().map(|(_, ids)| ids.len()).sum();
                    match (n, f.resultaten.len()) {
                        (0, _) => Vec::new(),
                        (1, _) => vec!["1 resultaat".to_string()],
                        (n, 1) => vec![format!("{n} resultaten van 1 partij")],
                        (n, k) => vec![format!("{n} resultaten van {k} partijen")],
                    }
                } else {
                    f.resultaten.iter().map(|(p, ids)| format!("{}: {}", cx.party_short(p), ids.join(", "))).collect()
                };
                PortfolioRij {
                    beleidsdoel: cx.perspective(&f.beleidsdoel),
                    feature: f.feature.as_ref().map(|x| cx.feature(x)).unwrap_or_else(|| "(geen feature)".into()),
                    component: join(&f.componenten.iter().map(|c| cx.component(c)).collect::<Vec<_>>()),
                    bedragen: b.bedragen,
                    totaal: b.totaal,
                    resultaten: per_party.join("; "),
                }
            })
            .collect();
    let named = |naam: String, years: &Years| {
        let b = row(years, &cx.jaren);
        Benoemd { naam, bedragen: b.bedragen, totaal: b.totaal }
    };
    Portfolio {
        kop: cx.kop(),
        rijen,
        kostensoorten: cx.r.by_kostensoort.iter().map(|(k, y)| named(k.as_str().to_string(), y)).collect(),
        componenten: cx.r.by_component.iter().map(|(c, y)| named(cx.component(c), y)).collect(),
    }
}
