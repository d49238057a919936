//! Exact amounts per perspective and year, the cell type of every roll-up level.

use crate::model::{Money, Year};
use std::collections::BTreeMap;

/// Amounts per perspective (beleidsdoel id) and year; a missing cell is 0.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Grid {
    cells: BTreeMap<String, BTreeMap<Year, Money>>,
}

impl Grid {
    /// Adds an amount to one cell.
    pub fn add(&mut self, perspective: &str, y: Year, m: Money) {
        let cell = self.cells.entry(perspective.to_string()).or_default().entry(y).or_default();
        *cell = *cell + m;
    }

    /// Adds every cell of another grid.
    pub fn merge(&mut self, other: &Grid) {
        for (p, years) in &other.cells {
            for (y, m) in years {
                self.add(p, *y, *m);
            }
        }
    }

    /// One cell.
    pub fn get(&self, perspective: &str, y: Year) -> Money {
        self.cells.get(perspective).and_then(|m| m.get(&y)).copied().unwrap_or_default()
    }

    /// A year over all perspectives.
    pub fn year(&self, y: Year) -> Money {
        self.cells.values().filter_map(|m| m.get(&y)).copied().sum()
    }

    /// A perspective over all years.
    pub fn perspective(&self, perspective: &str) -> Money {
        self.cells.get(perspective).map(|m| m.values().copied().sum()).unwrap_or_default()
    }

    /// Everything.
    pub fn total(&self) -> Money {
        self.cells.values().flat_map(|m| m.values()).copied().sum()
    }

    /// The perspectives with at least one cell (possibly 0), sorted by id.
    pub fn perspectives(&self) -> impl Iterator<Item = &str> {
        self.cells.keys().map(String::as_str)
    }
}

/// Amounts per year for one row of a breakdown (a component, a feature, a cost type, a line).
pub type Years = BTreeMap<Year, Money>;

/// Adds `m` to year `y` of a row.
pub fn add_year(row: &mut Years, y: Year, m: Money) {
    let cell = row.entry(y).or_default();
    *cell = *cell + m;
}

/// Adds every year of `other` to `row`.
pub fn add_years(row: &mut Years, other: &Years) {
    for (y, m) in other {
        add_year(row, *y, *m);
    }
}
