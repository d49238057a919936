//! The roll-ups of a run: each year rolled up once, for the documents, the tables and the site
//! of that year.

use crate::model::{Tree, Year};
use crate::rollup::{Rollup, rollup};
use jiff::civil::Date;
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The roll-up of every year a run needs, each made once.
pub type Rollups = BTreeMap<Year, Rollup>;

/// Rolls up each of `years` once, at `peildatum`.
pub fn rollups(tree: &Tree, years: impl IntoIterator<Item = Year>, peildatum: Date) -> Rollups {
    let mut out = Rollups::new();
    for y in years {
        out.entry(y).or_insert_with(|| rollup(tree, y, peildatum));
    }
    out
}

/// Where the roll-ups of a run come from: each use of a year's roll-up is one call of `with`.
pub trait YearRollups: Sync {
    /// Runs `f` on the roll-up of `y`.
    fn with<T>(&self, y: Year, f: impl FnOnce(&Rollup) -> T) -> T;
}

impl YearRollups for Rollups {
    fn with<T>(&self, y: Year, f: impl FnOnce(&Rollup) -> T) -> T {
        f(&self[&y])
    }
}

/// The roll-ups of a `build`, each made once by whichever thread asks first, and dropped after
/// its last use. The typesetting starts on the first document's year while the tables' thread
/// rolls up another year beside it (a thread asking for a year in the making waits for it);
/// once every view and table of a year is made, its roll-up is freed, so the largest document
/// is typeset without them (at a thousand parties a roll-up is some hundred MB).
pub struct LazyRollups<'a> {
    tree: &'a Tree,
    peildatum: Date,
    years: BTreeMap<Year, Mutex<Slot>>,
    /// Time spent rolling up, over all threads.
    spent: Mutex<Duration>,
}

/// A year of [`LazyRollups`]: its roll-up while it has uses left.
#[derive(Default)]
struct Slot {
    rollup: Option<Arc<Rollup>>,
    uses: usize,
}

impl<'a> LazyRollups<'a> {
    /// Nothing rolled up yet; `uses` holds a year once for every use that will be made of it.
    pub fn new(tree: &'a Tree, uses: impl IntoIterator<Item = Year>, peildatum: Date) -> LazyRollups<'a> {
        let mut years: BTreeMap<Year, Mutex<Slot>> = BTreeMap::new();
        for y in uses {
            years.entry(y).or_default().get_mut().expect("a new slot").uses += 1;
        }
        LazyRollups { tree, peildatum, years, spent: Mutex::default() }
    }

    /// Time spent rolling up so far, over all threads.
    pub fn spent(&self) -> Duration {
        *self.spent.lock().expect("rollup clock")
    }
}

impl YearRollups for LazyRollups<'_> {
    /// The roll-up is made on the first use (under the year's lock: a second thread waits for
    /// it) and dropped when the uses counted up front are spent. A use beyond them rolls up
    /// again rather than fail.
    fn with<T>(&self, y: Year, f: impl FnOnce(&Rollup) -> T) -> T {
        let slot = &self.years[&y];
        let r = {
            let mut s = slot.lock().expect("rollup slot");
            let made = s.rollup.get_or_insert_with(|| {
                let clock = Instant::now();
                let r = rollup(self.tree, y, self.peildatum);
                *self.spent.lock().expect("rollup clock") += clock.elapsed();
                Arc::new(r)
            });
            Arc::clone(made)
        };
        let out = f(&r);
        let mut s = slot.lock().expect("rollup slot");
        s.uses = s.uses.saturating_sub(1);
        if s.uses == 0 {
            s.rollup = None;
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Scope;

    /// Each year is rolled up once however many threads ask, every use sees the roll-up that
    /// `rollup` makes, and a year is freed after its last counted use (a use beyond them still
    /// gets the roll-up).
    #[test]
    fn a_year_is_rolled_up_once_and_freed_after_its_uses() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        let peil = jiff::civil::date(2026, 11, 29);
        let (tree, _) = crate::load_and_check(&root, &Scope::default(), peil).unwrap();
        let want = rollup(&tree, 2026, peil);
        let lazy = LazyRollups::new(&tree, [2026, 2026, 2026, 2027], peil);
        let held = |y: Year| lazy.years[&y].lock().unwrap().rollup.is_some();
        let seen: Vec<usize> = std::thread::scope(|s| {
            let a = s.spawn(|| lazy.with(2026, |r| r as *const Rollup as usize));
            let b = s.spawn(|| lazy.with(2026, |r| r as *const Rollup as usize));
            vec![a.join().unwrap(), b.join().unwrap()]
        });
        assert_eq!(seen[0], seen[1], "both threads saw the one roll-up");
        assert!(held(2026), "one use of 2026 is left");
        assert!(!held(2027), "2027 is not rolled up before it is asked for");
        assert!(lazy.with(2026, |r| *r == want));
        assert!(!held(2026), "freed after its last use");
        assert!(lazy.with(2026, |r| r.jaar == 2026), "a use beyond the count rolls up again");
        assert!(lazy.with(2027, |r| r.jaar == 2027));
        assert!(!held(2027));
    }
}
