//! The two closed value lists the generator writes, spelled as the contract spells them (the
//! generated trees are checked by jaarcyclus's own tests, so a misspelling cannot pass).

use std::fmt;

/// The role of a party in the reporting line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rol {
    /// Strategisch.
    Sbo,
    /// Tactisch.
    Tbo,
    /// Operationeel.
    Obo,
}

/// A service level.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Niveau {
    /// The lowest.
    Brons,
    /// The usual.
    Zilver,
    /// Above it.
    Goud,
}

impl fmt::Display for Rol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Rol::Sbo => "SBO",
            Rol::Tbo => "TBO",
            Rol::Obo => "OBO",
        })
    }
}

impl fmt::Display for Niveau {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Niveau::Brons => "brons",
            Niveau::Zilver => "zilver",
            Niveau::Goud => "goud",
        })
    }
}
