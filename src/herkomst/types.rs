//! The types of a herkomst: the question, the columns, the source lines, the parties.

use crate::diag::Pos;
use crate::model::{Rol, Year};
use jiff::civil::Date;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// Which figure is traced.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stuk {
    /// The begroting for a year slice, with the mutaties of the wijzigingen in effect.
    Begroting,
    /// The realisation.
    Realisatie,
    /// Spending to date and the prognosis of a quarter.
    Voortgang,
}

impl Stuk {
    /// As the user writes it on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Stuk::Begroting => "begroting",
            Stuk::Realisatie => "realisatie",
            Stuk::Voortgang => "voortgang",
        }
    }
}

/// A column of a figure. Each source line adds to exactly one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kolom {
    /// The begroting (primitief).
    Begroting,
    /// The mutaties of the wijzigingen in effect.
    Mutaties,
    /// Begroting plus mutaties; derived, no source lines of its own.
    Gewijzigd,
    /// The realisation.
    Gerealiseerd,
    /// Spent up to the end of the quarter.
    Besteed,
    /// The prognosis for the whole year.
    Prognose,
}

impl Kolom {
    /// Its name in the output.
    pub fn as_str(self) -> &'static str {
        match self {
            Kolom::Begroting => "begroting",
            Kolom::Mutaties => "mutaties",
            Kolom::Gewijzigd => "gewijzigd",
            Kolom::Gerealiseerd => "gerealiseerd",
            Kolom::Besteed => "besteed",
            Kolom::Prognose => "prognose",
        }
    }
}

/// Amounts per column.
pub type Bedragen = BTreeMap<Kolom, Decimal>;

/// What is asked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Vraag {
    /// The cycle year.
    pub jaar: Year,
    /// For the begroting: the year slice (Y..Y+3) of the multi-year budget; default Y.
    pub jaarschijf: Option<Year>,
    /// The perspective (beleidsdoel id).
    pub beleidsdoel: String,
    /// Only this party's branch: its ancestors' totals, and itself and every party below it
    /// down to the source lines.
    pub organisatie: Option<String>,
    /// Which figure.
    pub stuk: Stuk,
    /// For progress: the quarter; default the latest with a report.
    pub kwartaal: Option<u8>,
    /// The reference date: decides the wijzigingen in effect and the reports delivered.
    pub peildatum: Date,
}

/// Where a source line comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Soort {
    /// An amount of a begroting line.
    Begroting,
    /// A mutatie of a wijziging in effect.
    Wijziging {
        /// Its number.
        nummer: u32,
        /// Adopted on.
        vastgesteld_op: Option<Date>,
    },
    /// A line of the realisation.
    Realisatie,
    /// A line of a progress report.
    Voortgang {
        /// The quarter.
        kwartaal: u8,
    },
}

/// One amount in one file that adds to a figure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bron {
    /// The file, relative to the data root.
    pub file: String,
    /// Where the amount is written.
    pub pos: Pos,
    /// The column it adds to.
    pub kolom: Kolom,
    /// What kind of line it is.
    pub soort: Soort,
    /// The budget line id.
    pub regel: String,
    /// What the budget line pays for.
    pub omschrijving: String,
    /// The amount (signed for a mutatie).
    pub bedrag: Decimal,
    /// Why it counts here, when that is not obvious (a budget standing in for a missing
    /// prognosis).
    pub want: Option<String>,
}

/// One party: its own figure with its source lines, and its consolidated figure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Partij {
    /// Its id.
    pub id: String,
    /// Its name.
    pub naam: String,
    /// Its role.
    pub rol: Rol,
    /// The party it reports to.
    pub rapporteert_aan: Option<String>,
    /// The parties reporting to it (in the tree), in `stelsel.yaml` order.
    pub kinderen: Vec<String>,
    /// Its own figure: the sum of its source lines per column.
    pub eigen: Bedragen,
    /// Its own plus every party below it; for an SBO or TBO, or any party with parties below.
    pub geconsolideerd: Option<Bedragen>,
    /// The source lines, in the order of its files.
    pub bronnen: Vec<Bron>,
    /// What is missing or stands in (no begroting, no report for the quarter, …).
    pub opmerkingen: Vec<String>,
    /// Its figure is incomplete: no realisation, or spending to date unknown.
    pub onbekend: bool,
    /// The parties in its subtree (itself included) whose figure is unknown.
    pub onbekend_onder: usize,
    /// Its source lines are shown (the whole tree, or the party asked for and those below it).
    pub uitgewerkt: bool,
}

impl Partij {
    /// The consolidated figure when it has one, else its own.
    pub fn totaal(&self) -> &Bedragen {
        self.geconsolideerd.as_ref().unwrap_or(&self.eigen)
    }
}

/// The answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Herkomst {
    /// The question.
    pub vraag: Vraag,
    /// The perspective's name.
    pub beleidsdoel_naam: String,
    /// The year of the amounts (the year slice; Y for realisation and progress).
    pub jaarschijf: Year,
    /// The quarter traced (progress only).
    pub kwartaal: Option<u8>,
    /// The columns of every figure.
    pub kolommen: Vec<Kolom>,
    /// The parties shown, in reporting order.
    pub partijen: Vec<Partij>,
    /// Every party together.
    pub integraal: Bedragen,
    /// The parties whose figure is unknown, over the whole tree.
    pub onbekend: usize,
}

impl Herkomst {
    /// A party shown, by id.
    pub fn partij(&self, id: &str) -> Option<&Partij> {
        self.partijen.iter().find(|p| p.id == id)
    }
}

/// Why a herkomst question cannot be answered (exit status 2); the text is Dutch, for the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Onbeantwoord {
    /// `stelsel.yaml` could not be read.
    GeenStelsel,
    /// The perspective is not in the stelsel.
    Beleidsdoel {
        /// The id asked.
        id: String,
        /// The ids the stelsel knows.
        bekend: Vec<String>,
    },
    /// The party is not in the stelsel.
    Organisatie(String),
    /// There is no folder for the year.
    GeenJaar(Year),
    /// `--jaarschijf` without `--stuk begroting`.
    JaarschijfZonderBegroting,
    /// `--kwartaal` without `--stuk voortgang`.
    KwartaalZonderVoortgang,
    /// A year slice outside Y..Y+3.
    Jaarschijf {
        /// The slice asked.
        jaarschijf: Year,
        /// The cycle year.
        jaar: Year,
    },
    /// A quarter other than 1, 2 or 3.
    Kwartaal(u8),
    /// No progress report about the year.
    GeenVoortgang(Year),
}

impl std::fmt::Display for Onbeantwoord {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Onbeantwoord::GeenStelsel => write!(f, "stelsel.yaml kon niet worden gelezen"),
            Onbeantwoord::Beleidsdoel { id, bekend } => {
                write!(f, "beleidsdoel `{id}` staat niet in stelsel.yaml (bekend: {})", bekend.join(", "))
            }
            Onbeantwoord::Organisatie(o) => write!(f, "organisatie `{o}` staat niet in stelsel.yaml"),
            Onbeantwoord::GeenJaar(y) => write!(f, "er is geen jaarmap {y}"),
            Onbeantwoord::JaarschijfZonderBegroting => write!(f, "--jaarschijf hoort alleen bij --stuk begroting"),
            Onbeantwoord::KwartaalZonderVoortgang => write!(f, "--kwartaal hoort alleen bij --stuk voortgang"),
            Onbeantwoord::Jaarschijf { jaarschijf, jaar } => {
                write!(f, "jaarschijf {jaarschijf} ligt buiten {jaar}–{}", jaar + 3)
            }
            Onbeantwoord::Kwartaal(k) => {
                write!(f, "kwartaal {k} bestaat niet; een voortgangsrapportage gaat over kwartaal 1, 2 of 3")
            }
            Onbeantwoord::GeenVoortgang(y) => write!(f, "er is geen voortgangsrapportage over {y}"),
        }
    }
}

impl std::error::Error for Onbeantwoord {}
