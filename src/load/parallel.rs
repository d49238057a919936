//! Stage `load`, in parallel: YAML parsing is most of `load`'s time (about 80 % in a profile of
//! a generated 100-party tree), and files are independent until they meet in the tree. So
//! runs of files are read on every core into partial trees, which are merged in walk order:
//! the result is exactly that of reading the files one after another.

use super::loader::Loader;
use super::walk::Found;
use crate::model::Tree;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Files per run: small enough to balance the cores, large enough that merging is cheap.
const RUN: usize = 32;

/// Reads `found` on up to every core; the partial loaders come back in walk order.
pub(super) fn read_all(root: &Path, found: Vec<Found>) -> Vec<Loader> {
    let mut runs: Vec<Vec<Found>> = Vec::new();
    let mut files = found.into_iter().peekable();
    while files.peek().is_some() {
        runs.push(files.by_ref().take(RUN).collect());
    }
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(runs.len()).max(1);
    let slots: Vec<std::sync::Mutex<Option<Vec<Found>>>> =
        runs.into_iter().map(|r| std::sync::Mutex::new(Some(r))).collect();
    let next = AtomicUsize::new(0);
    let mut done: Vec<(usize, Loader)> = std::thread::scope(|s| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                s.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(slot) = slots.get(i) else { break };
                        let run = slot.lock().unwrap_or_else(|e| e.into_inner()).take().unwrap_or_default();
                        let mut l = Loader { root: root.to_path_buf(), tree: Tree::default(), diags: Vec::new() };
                        for f in run {
                            l.read(f);
                        }
                        mine.push((i, l));
                    }
                    mine
                })
            })
            .collect();
        workers.into_iter().flat_map(|w| w.join().expect("load thread")).collect()
    });
    done.sort_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, l)| l).collect()
}

impl Loader {
    /// Takes over what another loader read from a later run of files. Every file fills its own
    /// place (one stelsel, one register, one field of one submission), so nothing collides.
    pub(super) fn absorb(&mut self, other: Loader) {
        let Tree { stelsel, afspraken, aanvaard, ontvangsten, years, vergaderingen, scope: _, sources, inputs } =
            other.tree;
        self.diags.extend(other.diags);
        if stelsel.is_some() {
            self.tree.stelsel = stelsel;
        }
        self.tree.afspraken.extend(afspraken);
        self.tree.aanvaard.extend(aanvaard);
        self.tree.ontvangsten.extend(ontvangsten);
        for (y, parties) in years {
            let mine = self.tree.years.entry(y).or_default();
            for (org, sub) in parties {
                // Destructured, so that a new field of a submission cannot be forgotten here.
                let crate::model::Submission {
                    plan,
                    begroting,
                    realisatie,
                    wijzigingen,
                    voortgang,
                    unreadable,
                    unreadable_kwartalen,
                    receipts,
                } = sub;
                let s = mine.entry(org).or_default();
                s.plan = s.plan.take().or(plan);
                s.begroting = s.begroting.take().or(begroting);
                s.realisatie = s.realisatie.take().or(realisatie);
                for w in wijzigingen {
                    let at = s.wijzigingen.partition_point(|x| x.nummer.value <= w.nummer.value);
                    s.wijzigingen.insert(at, w);
                }
                s.voortgang.extend(voortgang);
                s.unreadable.extend(unreadable);
                s.unreadable_kwartalen.extend(unreadable_kwartalen);
                s.receipts.extend(receipts);
            }
        }
        self.tree.vergaderingen.extend(vergaderingen);
        self.tree.sources.extend(sources);
        self.tree.inputs.extend(inputs);
    }
}

#[cfg(test)]
mod tests {
    use super::super::walk::walk;
    use super::*;
    use crate::model::Scope;

    /// The merged partial trees equal one loader reading every file in order.
    #[test]
    fn parallel_read_equals_sequential_read() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("data").canonicalize().unwrap();
        let fresh = || Loader { root: root.clone(), tree: Tree::default(), diags: Vec::new() };
        let (mut seq, mut par) = (fresh(), fresh());
        for f in walk(&root, &Scope::default(), &mut seq.diags) {
            seq.read(f);
        }
        let found = walk(&root, &Scope::default(), &mut par.diags);
        assert!(found.len() > RUN, "the default data spans several runs");
        for part in read_all(&root, found) {
            par.absorb(part);
        }
        assert_eq!(format!("{:?}", seq.tree), format!("{:?}", par.tree));
        assert_eq!(format!("{:?}", seq.diags), format!("{:?}", par.diags));
    }
}
