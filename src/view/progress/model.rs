//! The view model of the voortgangsrapportage (the JSON the template reads) and what its
//! parts share.

use crate::view::head::Head;
use crate::view::register::{Aanlevering, Bevindingen};
use crate::view::summary::Samenvatting;
use serde::Serialize;

/// The whole report.
#[derive(Clone, Debug, Serialize)]
pub struct Voortgangsrapportage {
    /// Cover and running header.
    pub document: Head,
    /// The quarter, 1–3.
    pub kwartaal: u8,
    /// "het derde kwartaal".
    pub kwartaal_woord: &'static str,
    /// The last day of the quarter, in words.
    pub stand: String,
    /// Key figures and the points that matter.
    pub samenvatting: Samenvatting,
    /// Per capped perspective and all together: the chart.
    pub grafiek: Vec<Staaf>,
    /// Per perspective the levels, then all perspectives together (`id` "").
    pub perspectieven: Vec<PerspectiefView>,
    /// The prognosis over the quarters and the lines that changed most (§14).
    pub verloop: super::trend::Verloop,
    /// The lines whose prognosis is off both norms (W603).
    pub signalen: Vec<Signaal>,
    /// Per party with more than `bound::PER_PARTY_FROM` signals: what the list leaves out.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub signalen_begrensd: Vec<crate::view::bound::Begrenzing>,
    /// Every plan result with its status.
    pub resultaten: Vec<ResultaatView>,
    /// Per party with more than `bound::PER_PARTY_FROM` results: what the list leaves out.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub resultaten_begrensd: Vec<crate::view::bound::Begrenzing>,
    /// The wijzigingen in effect and those proposed.
    pub wijzigingen: Wijzigingen,
    /// The prognosis per perspective and feature.
    pub portfolio: Vec<FeatureView>,
    /// The risks of the plans of Y, weighted, with the weerstandsvermogen (contract §14).
    pub risicoprofiel: crate::view::risks::Risicoprofiel,
    /// The parties without a report for the quarter.
    pub niet_aangeleverd: Vec<String>,
    /// The deliveries of the quarter's reports.
    pub aanleveringen: Vec<Aanlevering>,
    /// The findings about Y and about no year.
    pub bevindingen: Bevindingen,
    /// The appendix: the files the report is made from, with their hashes.
    pub herkomst: crate::view::herkomst::HerkomstView,
    /// The tables with every line, relative to the report's folder.
    pub tabellen: Vec<String>,
}

/// One group of the chart: spent, prognosis, amended and capped budget of a perspective.
#[derive(Clone, Debug, Serialize)]
pub struct Staaf {
    /// The perspective.
    pub label: String,
    /// Spent to date, amount and fraction of the chart's maximum.
    pub besteed: String,
    /// Its fraction.
    pub besteed_fractie: f64,
    /// The prognosis.
    pub prognose: String,
    /// Its fraction.
    pub prognose_fractie: f64,
    /// The amended budget.
    pub gewijzigd: String,
    /// Its fraction.
    pub gewijzigd_fractie: f64,
    /// The capped budget (`null`: none).
    pub budget: Option<String>,
    /// Its fraction.
    pub budget_fractie: Option<f64>,
}

/// The levels of one perspective (or all, `id` "").
#[derive(Clone, Debug, Serialize)]
pub struct PerspectiefView {
    /// The perspective id ("" for all together).
    pub id: String,
    /// Its name.
    pub naam: String,
    /// The capped budget for Y (`null`: none).
    pub budget: Option<String>,
    /// Prognosis − capped budget (`null` without a cap).
    pub verschil_budget: Option<String>,
    /// Whether the prognosis is above the cap.
    pub boven_budget: bool,
    /// Every party with lines here, then consolidated TBOs and the SBO, in tree order.
    pub rijen: Vec<NiveauRij>,
}

/// One row of a level table.
#[derive(Clone, Debug, Serialize)]
pub struct NiveauRij {
    /// The party.
    pub naam: String,
    /// Its short name (the tables are narrow).
    pub naam_kort: String,
    /// SBO, TBO or OBO.
    pub rol: &'static str,
    /// Depth in the tree (for indentation).
    pub diepte: usize,
    /// `eigen`, `geconsolideerd` or `integraal`.
    pub soort: &'static str,
    /// The amended budget.
    pub gewijzigd: String,
    /// Spent to date (known amounts).
    pub besteed: String,
    /// Spent as a share of the amended budget.
    pub aandeel: Option<String>,
    /// The prognosis.
    pub prognose: String,
    /// Prognosis − amended budget.
    pub afwijking: String,
    /// How many parties' spending is unknown here ("" when none).
    pub onbekend: String,
    /// How many lines entered the amended budget after the quarter and are not in the reports
    /// (§14): counted with their amended budget as prognosis ("" when none).
    pub later: String,
}

/// A line off track.
#[derive(Clone, Debug, Serialize)]
pub struct Signaal {
    /// The party.
    pub partij: String,
    /// Its short name.
    pub partij_kort: String,
    /// The line id.
    pub regel: String,
    /// What it pays for.
    pub omschrijving: String,
    /// The perspective.
    pub beleidsdoel: String,
    /// The amended budget the prognosis is judged against: at the end of the quarter (§14).
    pub gewijzigd: String,
    /// Spent to date.
    pub besteed: String,
    /// The prognosis.
    pub prognose: String,
    /// Prognosis − amended budget, with its percentage.
    pub afwijking: String,
    /// The explanation (`null`: none given).
    pub toelichting: Option<String>,
}

/// A plan result with its status.
#[derive(Clone, Debug, Serialize)]
pub struct ResultaatView {
    /// The party.
    pub partij: String,
    /// Its short name.
    pub partij_kort: String,
    /// The result id.
    pub id: String,
    /// What it delivers.
    pub omschrijving: String,
    /// `op_schema`, `risico`, `achter`, `gerealiseerd`, `vervallen` or `onbekend`.
    pub status: &'static str,
    /// The status in words.
    pub status_woord: &'static str,
    /// The explanation.
    pub toelichting: Option<String>,
}

/// The wijzigingen.
#[derive(Clone, Debug, Serialize)]
pub struct Wijzigingen {
    /// In effect at the reference date (counted).
    pub van_kracht: Vec<WijzigingView>,
    /// Proposed (not counted).
    pub voorgesteld: Vec<WijzigingView>,
    /// The total of those in effect.
    pub totaal_van_kracht: String,
}

/// One wijziging.
#[derive(Clone, Debug, Serialize)]
pub struct WijzigingView {
    /// The party.
    pub partij: String,
    /// Its short name.
    pub partij_kort: String,
    /// Its number.
    pub nummer: u32,
    /// What it changes.
    pub omschrijving: String,
    /// Adopted on, in words (`null`: proposed).
    pub vastgesteld_op: Option<String>,
    /// The total of its mutaties.
    pub mutatie: String,
    /// How many lines.
    pub regels: usize,
}

/// The prognosis of one feature.
#[derive(Clone, Debug, Serialize)]
pub struct FeatureView {
    /// The perspective.
    pub beleidsdoel: String,
    /// The feature (or "zonder functionaliteit").
    pub feature: String,
    /// The amended budget.
    pub gewijzigd: String,
    /// The prognosis.
    pub prognose: String,
    /// Prognosis − amended budget.
    pub afwijking: String,
}

pub(crate) use super::cx::{Px, cap, perspective_ids, with_percent};
