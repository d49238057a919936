//! `vergaderingen/<date>-<beraad>.yaml` (contract §8): a board meeting and its agenda.

use super::at::Pos;
use super::at::{At, Year};
use super::enums::*;
use super::money::Money;
use jiff::civil::Date;

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
    /// The document it concerns.
    pub stuk: Option<AgendaStuk>,
    /// The year of that document.
    pub jaar: Option<At<Year>>,
    /// The quarter of a progress report.
    pub kwartaal: Option<u8>,
    /// The perspective the decision is about (contract §8); `None`: integral.
    pub beleidsdoel: Option<At<String>>,
    /// The proposal.
    pub voorstel: Option<String>,
    /// The alternatives.
    pub alternatieven: Vec<AgendaAlternatief>,
    /// The budget amendment the item decides on (contract §13).
    pub wijziging: Option<WijzigingRef>,
    /// Where the item starts.
    pub pos: Pos,
}

/// The budget amendment a decision item decides on: `wijziging: {organisatie, nummer}`.
#[derive(Clone, Debug)]
pub struct WijzigingRef {
    /// The party.
    pub organisatie: At<String>,
    /// Its number.
    pub nummer: At<u32>,
    /// Where the mapping starts.
    pub pos: Pos,
}

/// One effect of a decision alternative (contract §13): a signed amount in a year, structural
/// (that year and every later one) or incidental (that year alone).
#[derive(Clone, Debug)]
pub struct Effect {
    /// The first (structural) or only (incidental) year.
    pub jaar: At<Year>,
    /// The signed amount, as a mutatie.
    pub bedrag: rust_decimal::Decimal,
    /// Structural or incidental.
    pub aard: Aard,
    /// What it is for.
    pub omschrijving: Option<String>,
    /// Where the effect starts.
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
    /// Whether the proposal is this alternative (an extension of the contract).
    pub voorkeur: bool,
    /// Its effects over the baseline (contract §13); `None`: not given, `Some([])`: none (the
    /// baseline itself).
    pub effecten: Option<Vec<Effect>>,
    /// For an item on a wijziging: the ids of the lines it adopts; `None`: all of them.
    pub regels: Option<Vec<At<String>>>,
    /// Where it starts.
    pub pos: Pos,
}
