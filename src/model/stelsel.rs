//! `stelsel.yaml` (contract §3): parties, financiers, perspectives, components, features,
//! capped budgets, the P&C calendar and the norms.

use super::at::Pos;
use super::at::{At, Year};
use super::enums::*;
use super::money::Money;
use jiff::civil::Date;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// The construct: parties, perspectives, capped budgets, calendar and norms (`stelsel.yaml`).
#[derive(Clone, Debug)]
pub struct Stelsel {
    /// Name of the construct.
    pub naam: String,
    /// The parties.
    pub organisaties: Vec<Organisatie>,
    /// The financiers (koepels).
    pub financiers: Vec<Named>,
    /// The policy perspectives.
    pub beleidsdoelen: Vec<Beleidsdoel>,
    /// The components of the facility.
    pub componenten: Vec<Named>,
    /// The feature register; `None` when absent (then any feature id is accepted).
    pub features: Option<Vec<Feature>>,
    /// Capped budgets per perspective.
    pub taakstellend: Vec<Taakstellend>,
    /// Deadlines per document kind and role.
    pub kalender: Vec<Termijn>,
    /// Norms for variances, alternatives, meeting documents and risks.
    pub normen: Normen,
    /// Means available for risks per year, integral (contract §14).
    pub weerstandscapaciteit: BTreeMap<Year, Money>,
}

impl Stelsel {
    /// A perspective's display name (its id when unknown).
    pub fn perspective_name(&self, id: &str) -> String {
        self.beleidsdoelen.iter().find(|b| b.id.value == id).map_or_else(|| id.to_string(), |b| b.naam.clone())
    }

    /// A financier's display name (its id when unknown).
    pub fn financier_name(&self, id: &str) -> String {
        self.financiers.iter().find(|f| f.id.value == id).map_or_else(|| id.to_string(), |f| f.naam.clone())
    }

    /// A component's display name (its id when unknown).
    pub fn component_name(&self, id: &str) -> String {
        self.componenten.iter().find(|c| c.id.value == id).map_or_else(|| id.to_string(), |c| c.naam.clone())
    }
}

/// A party of the construct.
#[derive(Clone, Debug)]
pub struct Organisatie {
    /// Its id, e.g. `kadaster-obo`.
    pub id: At<String>,
    /// Its display name.
    pub naam: String,
    /// A short name for narrow table columns (contract §3); the display name when absent.
    pub kortenaam: Option<String>,
    /// SBO, TBO or OBO.
    pub rol: Rol,
    /// The party it reports to (absent only for the SBO).
    pub rapporteert_aan: Option<At<String>>,
    /// Where the entry starts.
    pub pos: Pos,
}

/// An id with a display name (financiers, components).
#[derive(Clone, Debug)]
pub struct Named {
    /// The id.
    pub id: At<String>,
    /// The display name.
    pub naam: String,
}

/// A policy perspective (beleidsdoel) and the board that governs it.
#[derive(Clone, Debug)]
pub struct Beleidsdoel {
    /// The id, e.g. `beheer`.
    pub id: At<String>,
    /// The display name.
    pub naam: String,
    /// The governing board, e.g. `OGB-B`.
    pub beraad: String,
}

/// A feature of the feature register (feature-based costing).
#[derive(Clone, Debug)]
pub struct Feature {
    /// The id.
    pub id: At<String>,
    /// The display name.
    pub naam: String,
    /// The component it belongs to.
    pub component: Option<At<String>>,
}

/// A capped budget (taakstellend budget) for one perspective.
#[derive(Clone, Debug)]
pub struct Taakstellend {
    /// The perspective.
    pub beleidsdoel: At<String>,
    /// The cap per year.
    pub bedragen: BTreeMap<Year, At<Money>>,
    /// The allocation key over the financiers, in percent, in the order written.
    pub verdeelsleutel: Vec<(At<String>, Decimal)>,
    /// Where the `verdeelsleutel` mapping starts.
    pub verdeelsleutel_pos: Pos,
    /// Where the entry starts.
    pub pos: Pos,
}

/// A deadline of the P&C calendar.
#[derive(Clone, Debug)]
pub struct Termijn {
    /// Plan (with begroting), realisatie or voortgang.
    pub stuk: StukSoort,
    /// The quarter of a progress report (`stuk: voortgang`).
    pub kwartaal: Option<u8>,
    /// The role it applies to.
    pub rol: Rol,
    /// Offset from the cycle year: -1, 0 or +1.
    pub jaar_offset: i32,
    /// Month 1–12.
    pub maand: i8,
    /// Day of the month.
    pub dag: i8,
}

impl Termijn {
    /// The deadline for cycle year `y` (a 29 February in a common year becomes 28 February).
    pub fn deadline(&self, y: Year) -> Date {
        let year = (y + self.jaar_offset) as i16;
        let last = Date::new(year, self.maand, 1).map(|d| d.days_in_month()).unwrap_or(28);
        Date::new(year, self.maand, self.dag.min(last)).unwrap_or(Date::constant(2000, 1, 1))
    }
}

/// Norms of `stelsel.yaml`, with the contract's defaults.
#[derive(Clone, Debug)]
pub struct Normen {
    /// Variance percentage above which (together with the amount) an explanation is required.
    pub afwijking_procent: Decimal,
    /// Variance amount above which (together with the percentage) an explanation is required.
    pub afwijking_bedrag: Money,
    /// Minimum number of alternatives (E305, E307).
    pub minimaal_alternatieven: u32,
    /// Minimum number of calendar days between sending documents and the meeting (W402).
    pub stukken_dagen_voor_vergadering: u32,
    /// The chance of each risk class in percent (contract §14), in the order laag, midden, hoog.
    pub kans: [Decimal; 3],
}

impl Default for Normen {
    fn default() -> Normen {
        Normen {
            afwijking_procent: Decimal::from(10),
            afwijking_bedrag: Money::from_euros(50_000),
            minimaal_alternatieven: 2,
            stukken_dagen_voor_vergadering: 10,
            kans: [Decimal::from(10), Decimal::from(30), Decimal::from(60)],
        }
    }
}

impl Normen {
    /// The chance of a risk class in percent.
    pub fn kans(&self, k: Klasse) -> Decimal {
        match k {
            Klasse::Laag => self.kans[0],
            Klasse::Midden => self.kans[1],
            Klasse::Hoog => self.kans[2],
        }
    }

    /// Whether a realisation differs from its budget by more than both norms (strictly), so
    /// that an explanation is required (contract §2, §6): with a budget of 0 any nonzero
    /// realisation exceeds the percentage norm.
    pub fn needs_explanation(&self, budget: Money, real: Money) -> bool {
        let diff = (real.decimal() - budget.decimal()).abs();
        if diff <= self.afwijking_bedrag.decimal() {
            return false;
        }
        if budget.decimal().is_zero() {
            return !diff.is_zero();
        }
        diff * Decimal::from(100) > self.afwijking_procent * budget.decimal()
    }
}

/// The variance in percent of the budget (`None` for a budget of 0).
pub fn variance_percent(budget: Money, real: Money) -> Option<Decimal> {
    let b = budget.decimal();
    if b.is_zero() {
        return None;
    }
    (real.decimal() - b).checked_mul(Decimal::from(100)).and_then(|x| x.checked_div(b))
}
