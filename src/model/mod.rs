//! Validated domain types: what `load` hands on after reading and checking every value's form.
//! Later stages only ever see these, never the raw YAML.

mod enums;
mod money;

pub use enums::*;
pub use money::{AmountError, Money, parse_amount, parse_percentage};

use crate::diag::{Pos, Sources};
use jiff::civil::Date;
use rust_decimal::Decimal;
use std::collections::{BTreeMap, BTreeSet};

/// A cycle year, e.g. 2026.
pub type Year = i32;

/// A value with the place it was written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct At<T> {
    /// The value.
    pub value: T,
    /// Where it stands in its file.
    pub pos: Pos,
}

impl<T> At<T> {
    /// A value at a place.
    pub fn new(value: T, pos: Pos) -> At<T> {
        At { value, pos }
    }
}

impl<T> std::ops::Deref for At<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

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
    /// Norms for variances, alternatives and meeting documents.
    pub normen: Normen,
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
    /// Plan (with begroting) or realisatie.
    pub stuk: StukSoort,
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
}

impl Default for Normen {
    fn default() -> Normen {
        Normen {
            afwijking_procent: Decimal::from(10),
            afwijking_bedrag: Money::from_euros(50_000),
            minimaal_alternatieven: 2,
            stukken_dagen_voor_vergadering: 10,
        }
    }
}

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
    /// The component concerned.
    pub component: Option<At<String>>,
    /// The perspective that bears it.
    pub beleidsdoel: Option<At<String>>,
    /// The decision that caused it.
    pub besluit: Option<String>,
}

/// A budget for Y with estimates for Y+1..Y+3.
#[derive(Clone, Debug)]
pub struct Begroting {
    /// Path relative to the data root.
    pub file: String,
    /// The header.
    pub header: Header,
    /// Budget lines.
    pub regels: Vec<Regel>,
    /// Alternatives at other service levels.
    pub alternatieven: Vec<Alternatief>,
    /// Where the `alternatieven` list starts (or the file start).
    pub alternatieven_pos: Pos,
}

/// A budget line.
#[derive(Clone, Debug)]
pub struct Regel {
    /// Id, unique in the begroting.
    pub id: At<String>,
    /// What it pays for.
    pub omschrijving: String,
    /// The perspective.
    pub beleidsdoel: At<String>,
    /// The component.
    pub component: At<String>,
    /// The cost type.
    pub kostensoort: Kostensoort,
    /// The feature (portfolio view).
    pub feature: Option<At<String>>,
    /// The plan results it pays for.
    pub resultaten: Vec<At<String>>,
    /// Amount per year; only valid entries.
    pub bedragen: BTreeMap<Year, At<Money>>,
    /// Where `bedragen` starts.
    pub bedragen_pos: Pos,
    /// Whether some entry of `bedragen` was invalid (and so left out).
    pub bedragen_invalid: bool,
}

impl Regel {
    /// The amount for a year; a missing year means 0.
    pub fn amount(&self, y: Year) -> Money {
        self.bedragen.get(&y).map(|a| a.value).unwrap_or_default()
    }
}

/// An alternative: the party's whole total for Y at another service level.
#[derive(Clone, Debug)]
pub struct Alternatief {
    /// The level.
    pub niveau: At<Niveau>,
    /// The total for Y, all perspectives.
    pub totaal: Money,
    /// What it means.
    pub omschrijving: String,
    /// Its risks.
    pub risicos: Vec<String>,
}

/// Actuals for Y.
#[derive(Clone, Debug)]
pub struct Realisatie {
    /// Path relative to the data root.
    pub file: String,
    /// The header.
    pub header: Header,
    /// One line per budget line.
    pub regels: Vec<RealisatieRegel>,
    /// One status per plan result.
    pub resultaten: Vec<ResultaatStatusRegel>,
}

/// The actual of one budget line.
#[derive(Clone, Debug)]
pub struct RealisatieRegel {
    /// The budget line id.
    pub regel: At<String>,
    /// The amount spent; `None` when the written value was invalid (already reported).
    pub bedrag: Option<At<Money>>,
    /// The explanation.
    pub toelichting: Option<String>,
}

/// The status of one plan result.
#[derive(Clone, Debug)]
pub struct ResultaatStatusRegel {
    /// The result id.
    pub resultaat: At<String>,
    /// Its status.
    pub status: ResultaatStatus,
    /// The explanation.
    pub toelichting: Option<String>,
}

/// A board meeting (`vergaderingen/<date>-<beraad>.yaml`).
#[derive(Clone, Debug)]
pub struct Vergadering {
    /// Path relative to the data root.
    pub file: String,
    /// The file stem, e.g. `2025-11-13-ogb-b`.
    pub stem: String,
    /// The board, e.g. `OGB-B`.
    pub beraad: String,
    /// The meeting date.
    pub datum: At<Date>,
    /// When the documents went out.
    pub stukken_verzonden_op: Option<At<Date>>,
    /// The agenda.
    pub agenda: Vec<Agendapunt>,
}

/// An agenda item.
#[derive(Clone, Debug)]
pub struct Agendapunt {
    /// Its number.
    pub id: At<i64>,
    /// The subject.
    pub onderwerp: String,
    /// Decision, discussion or information.
    pub soort: AgendaSoort,
    /// The cycle document it concerns.
    pub stuk: Option<CycleDoc>,
    /// The year of that document.
    pub jaar: Option<At<Year>>,
    /// The proposal.
    pub voorstel: Option<String>,
    /// The alternatives.
    pub alternatieven: Vec<AgendaAlternatief>,
    /// Where the item starts.
    pub pos: Pos,
}

/// An alternative of a decision item.
#[derive(Clone, Debug)]
pub struct AgendaAlternatief {
    /// Its name.
    pub naam: String,
    /// Its amount; or computed from `niveau`.
    pub bedrag: Option<Money>,
    /// A service level whose construct total is the amount.
    pub niveau: Option<Niveau>,
    /// Its risks.
    pub risicos: Vec<String>,
    /// Where it starts.
    pub pos: Pos,
}

/// One party's files for one cycle year.
#[derive(Clone, Debug, Default)]
pub struct Submission {
    /// The plan, when present and readable.
    pub plan: Option<Plan>,
    /// The begroting, when present and readable.
    pub begroting: Option<Begroting>,
    /// The realisatie, when present and readable.
    pub realisatie: Option<Realisatie>,
    /// Files that exist but could not be read (already reported); suppresses follow-up findings.
    pub unreadable: BTreeSet<FileKind>,
}

impl Submission {
    /// Whether a file of this kind exists (readable or not).
    pub fn exists(&self, kind: FileKind) -> bool {
        self.unreadable.contains(&kind)
            || match kind {
                FileKind::Plan => self.plan.is_some(),
                FileKind::Begroting => self.begroting.is_some(),
                FileKind::Realisatie => self.realisatie.is_some(),
                _ => false,
            }
    }
}

/// What was asked to be read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Scope {
    /// Only this party (plus stelsel and afspraken).
    pub organisatie: Option<String>,
    /// Only this cycle year.
    pub jaar: Option<Year>,
}

/// Everything read from the data root.
#[derive(Clone, Debug, Default)]
pub struct Tree {
    /// The construct; `None` when `stelsel.yaml` could not be read (already reported).
    pub stelsel: Option<Stelsel>,
    /// The afsprakenstelsel register (absent file = empty).
    pub afspraken: Vec<Afspraak>,
    /// Per cycle year, per party folder, its submission.
    pub years: BTreeMap<Year, BTreeMap<String, Submission>>,
    /// The board meetings.
    pub vergaderingen: Vec<Vergadering>,
    /// What was read.
    pub scope: Scope,
    /// The text of every file read (for diagnostics).
    pub sources: Sources,
    /// SHA-256 and size of every file read, by relative path (for the manifest).
    pub inputs: BTreeMap<String, ([u8; 32], usize)>,
}

impl Tree {
    /// The submission of a party in a year, if its folder exists.
    pub fn submission(&self, y: Year, org: &str) -> Option<&Submission> {
        self.years.get(&y).and_then(|m| m.get(org))
    }
}

impl Normen {
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
