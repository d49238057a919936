//! `<Y>/<org>/plan.yaml` (contract §4), and the header every submission file shares.

use super::at::{At, Year};
use super::enums::*;
use super::money::Money;
use jiff::civil::Date;

/// The common header of plan, begroting and realisatie.
#[derive(Clone, Debug)]
pub struct Header {
    /// The party, as written.
    pub organisatie: At<String>,
    /// The cycle year, as written.
    pub jaar: At<Year>,
    /// Concept or definitief.
    pub status: Status,
    /// Delivery date.
    pub ingediend_op: Option<At<Date>>,
}

/// A plan for year Y with a multi-year outlook.
#[derive(Clone, Debug)]
pub struct Plan {
    /// Path relative to the data root.
    pub file: String,
    /// The header.
    pub header: Header,
    /// The service level this plan is for.
    pub dienstverleningsniveau: At<Niveau>,
    /// Wat willen we bereiken?
    pub doelen: Vec<Doel>,
    /// Wat gaan we daarvoor doen?
    pub resultaten: Vec<Resultaat>,
    /// Outlook for Y+1..Y+3.
    pub doorkijk: Vec<Doorkijk>,
    /// Risks.
    pub risicos: Vec<Risico>,
    /// Management consequences of development decisions.
    pub beheerconsequenties: Vec<Beheerconsequentie>,
}

/// A goal of a plan.
#[derive(Clone, Debug)]
pub struct Doel {
    /// Id, unique in the plan.
    pub id: At<String>,
    /// The perspective.
    pub beleidsdoel: At<String>,
    /// What is to be achieved.
    pub omschrijving: String,
    /// The indicator.
    pub indicator: Option<String>,
    /// The target value (free text, e.g. "99,5%").
    pub streefwaarde: Option<String>,
}

/// A result of a plan.
#[derive(Clone, Debug)]
pub struct Resultaat {
    /// Id, unique in the plan.
    pub id: At<String>,
    /// The goal it serves.
    pub doel: At<String>,
    /// What will be done.
    pub omschrijving: String,
    /// The component concerned.
    pub component: Option<At<String>>,
    /// When it will be ready.
    pub gereed: Option<Date>,
}

/// An outlook entry of a plan.
#[derive(Clone, Debug)]
pub struct Doorkijk {
    /// Year Y+1..Y+3.
    pub jaar: At<Year>,
    /// What is foreseen.
    pub omschrijving: String,
    /// The goal it continues.
    pub doel: Option<At<String>>,
    /// Or the perspective.
    pub beleidsdoel: Option<At<String>>,
}

/// A risk.
#[derive(Clone, Debug)]
pub struct Risico {
    /// Id, unique in the plan.
    pub id: At<String>,
    /// The risk.
    pub omschrijving: String,
    /// Likelihood.
    pub kans: Klasse,
    /// Impact.
    pub impact: Klasse,
    /// The mitigation.
    pub maatregel: Option<String>,
    /// Financial exposure.
    pub bedrag: Option<Money>,
    /// The perspective it threatens (an extension of the contract), for totals per perspective.
    pub beleidsdoel: Option<At<String>>,
}

/// A management consequence of a development decision.
#[derive(Clone, Debug)]
pub struct Beheerconsequentie {
    /// What comes into management.
    pub omschrijving: String,
    /// Yearly management cost.
    pub bedrag_per_jaar: Money,
    /// First year.
    pub vanaf: At<Year>,
    /// Last year (contract §4); `None`: structural, no end.
    pub tot: Option<At<Year>>,
    /// The component concerned.
    pub component: Option<At<String>>,
    /// The perspective that bears it.
    pub beleidsdoel: Option<At<String>>,
    /// The decision that caused it.
    pub besluit: Option<String>,
}
