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
    /// Whether the proposal is this alternative (an extension of the contract).
    pub voorkeur: bool,
    /// Where it starts.
    pub pos: Pos,
}
