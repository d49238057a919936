//! The reporting line (E108, W504): exactly one SBO, every party reaches it without cycles,
//! deviations from OBO → TBO → SBO shown. Linear in the number of parties however deep the
//! line: where each party's line ends (the SBO, a break, a cycle) is worked out once for the
//! whole stelsel; only a party with a finding has its line spelled out.

use super::cx::Ctx;
use crate::diag::msg;
use crate::model::*;
use std::collections::{BTreeMap, HashSet};

const STELSEL: &str = "stelsel.yaml";

/// Where following `rapporteert_aan` from a party ends.
#[derive(Clone, Copy, PartialEq, Eq)]
enum End {
    /// At an SBO.
    Sbo,
    /// At a link to an unknown party (reported on its own entry).
    Unknown,
    /// At a party without `rapporteert_aan`: the line does not reach the SBO.
    Absent,
    /// In a cycle.
    Cycle,
}

/// The line followed party by party: each id's entry (the last one for a duplicate id, E106)
/// and the entry it reports to.
struct Line<'a> {
    orgs: &'a [Organisatie],
    by_id: BTreeMap<&'a str, usize>,
}

impl<'a> Line<'a> {
    /// The next entry up from entry `i`, or where the line ends.
    fn next(&self, i: usize) -> Result<usize, End> {
        let o = &self.orgs[i];
        if o.rol == Rol::Sbo {
            return Err(End::Sbo);
        }
        match &o.rapporteert_aan {
            None => Err(End::Absent),
            Some(to) => self.by_id.get(to.as_str()).copied().ok_or(End::Unknown),
        }
    }

    /// For each entry: where its line ends, whether it lies on a cycle, and the entry the line
    /// stops at (the last one, or where it enters its cycle; for an entry on a cycle, itself).
    /// One pass: every entry is followed once, and a walk stops at the first entry already known.
    fn ends(&self) -> Ends {
        let n = self.orgs.len();
        let (mut end, mut on_cycle, mut last) = (vec![None; n], vec![false; n], (0..n).collect::<Vec<_>>());
        let mut in_walk = vec![false; n];
        for start in 0..n {
            let mut walk = Vec::new();
            let mut cur = start;
            let (found, stop) = loop {
                if let Some(e) = end[cur] {
                    break (e, if on_cycle[cur] { cur } else { last[cur] });
                }
                if in_walk[cur] {
                    let from = walk.iter().position(|&w| w == cur).expect("in this walk");
                    for &w in &walk[from..] {
                        on_cycle[w] = true;
                    }
                    break (End::Cycle, cur);
                }
                in_walk[cur] = true;
                walk.push(cur);
                match self.next(cur) {
                    Ok(up) => cur = up,
                    Err(e) => break (e, cur),
                }
            };
            for w in walk {
                end[w] = Some(found);
                in_walk[w] = false;
                if !on_cycle[w] {
                    last[w] = stop;
                }
            }
        }
        Ends { end: end.into_iter().map(|e| e.unwrap_or(End::Sbo)).collect(), on_cycle, last }
    }
}

/// What [`Line::ends`] works out per entry.
struct Ends {
    end: Vec<End>,
    on_cycle: Vec<bool>,
    last: Vec<usize>,
}

/// How many parties a spelled-out line shows before it skips to where it stops: a line of
/// 20,000 parties that does not reach the SBO gives 20,000 findings, not 20,000 lines of
/// 20,000 names.
const SHOWN: usize = 6;

/// E108 and W504: exactly one SBO, every party reaches it without cycles; deviations shown.
pub fn reporting_line(cx: &mut Ctx, st: &Stelsel) {
    let out = &mut cx.out;
    let orgs = st.organisaties.as_slice();
    let line = Line { orgs, by_id: orgs.iter().enumerate().map(|(i, o)| (o.id.as_str(), i)).collect() };
    let sbos: Vec<&Organisatie> = orgs.iter().filter(|o| o.rol == Rol::Sbo).collect();
    match sbos.as_slice() {
        [] if !orgs.is_empty() => out.push(msg::no_sbo().at(STELSEL, orgs[0].pos)),
        [first, rest @ ..] => {
            for o in rest {
                out.push(msg::two_sbos(&o.id, &first.id).at(STELSEL, o.id.pos));
            }
        }
        _ => {}
    }
    let Ends { end: ends, on_cycle, last } = line.ends();
    for (i, o) in orgs.iter().enumerate() {
        if o.rol == Rol::Sbo {
            continue;
        }
        let Some(to) = &o.rapporteert_aan else { continue };
        let Some(&up) = line.by_id.get(to.as_str()) else {
            out.push(msg::unknown_party(to, "in `rapporteert_aan`").about(Some(&o.id), None).at(STELSEL, to.pos));
            continue;
        };
        let parent = &orgs[up];
        let expected = match o.rol {
            Rol::Obo => Rol::Tbo,
            _ => Rol::Sbo,
        };
        if parent.rol != expected {
            out.push(msg::outside_line(&o.id, o.rol.as_str(), &parent.id, parent.rol.as_str()).at(STELSEL, to.pos));
        }
        // Only a line that ends badly is spelled out; the same entry under a duplicate id
        // (E106) is followed in full, as its id may come back in the line.
        let own = line.by_id[o.id.as_str()] == i;
        let fine = matches!(ends[up], End::Sbo | End::Unknown) && !on_cycle[i];
        if own && fine {
            continue;
        }
        let mut path = vec![o.id.as_str()];
        let mut seen = HashSet::from([o.id.as_str()]);
        let mut cur = up;
        // Where this line stops: the party shown last, after "…" when the line is longer.
        let stop = if on_cycle[i] { i } else { last[i] };
        loop {
            // A long line is cut short; its end is known (a duplicate id is followed in full).
            if own && path.len() >= SHOWN && cur != stop {
                let to_stop = orgs[stop].id.as_str();
                match ends[i] {
                    End::Cycle => out.push(msg::reporting_cycle(&o.id, &path, Some(to_stop)).at(STELSEL, to.pos)),
                    End::Absent => out.push(msg::not_reaching_sbo(&o.id, &path, Some(to_stop)).at(STELSEL, to.pos)),
                    End::Sbo | End::Unknown => {}
                }
                break;
            }
            let id = orgs[cur].id.as_str();
            path.push(id);
            if !seen.insert(id) {
                out.push(msg::reporting_cycle(&o.id, &path, None).at(STELSEL, to.pos));
                break;
            }
            match line.next(cur) {
                Ok(next) => cur = next,
                Err(End::Absent) => {
                    out.push(msg::not_reaching_sbo(&o.id, &path, None).at(STELSEL, to.pos));
                    break;
                }
                Err(_) => break,
            }
        }
    }
}
