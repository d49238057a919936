//! Synthetic data for jaarcyclus's tests, benchmarks and examples (a dev-only crate, never in
//! the release binary): writes a realistic, valid data tree of any size for
//! tests and benchmarks — N parties in an SBO/TBO/OBO tree, L budget lines each, two cycle
//! years (`FIRST_YEAR` with realisations, `FIRST_YEAR + 1` without), the agreements register
//! and one board meeting. Deterministic: the same arguments give byte-identical files.
//!
//! Valid by construction: `jaarcyclus check` finds no errors at any reference date from
//! 15 May of `FIRST_YEAR + 1` (every realisation of `FIRST_YEAR` delivered) up to 1 March of
//! `FIRST_YEAR + 2` (after that the realisations of `FIRST_YEAR + 1` are overdue: E401).
//! It does find a few warnings, as real data has: the capped budget for `beheer` is exceeded
//! (W601), an occasional late delivery (W401), an open role acceptance (W503), a missing dfa
//! (W505) and, from ten parties on, one OBO reporting straight to the SBO (W504).

mod begroting;
mod plan;
mod portfolio;
mod register;
mod rng;
mod spell;
mod tree;
mod words;
mod yaml;

use anyhow::{Context, Result, bail};
use spell::{Niveau, Rol};
use std::collections::BTreeMap;
use std::path::Path;

use rng::Rng;

/// The earlier cycle year, the one with realisations; the later one is `FIRST_YEAR + 1`.
pub const FIRST_YEAR: i32 = 2025;

/// Writes a generated tree of `parties` parties with `lines` budget lines each into `dir`,
/// which must be absent or empty (nothing is ever overwritten).
pub fn generate(dir: &Path, parties: usize, lines: usize, seed: u64) -> Result<()> {
    if dir.exists()
        && std::fs::read_dir(dir).with_context(|| format!("kan `{}` niet lezen", dir.display()))?.next().is_some()
    {
        bail!("map `{}` is niet leeg; kies een nieuwe of lege map", dir.display());
    }
    for (rel, text) in files(parties, lines, seed)? {
        let path = dir.join(&rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).with_context(|| format!("kan `{}` niet aanmaken", parent.display()))?;
        }
        std::fs::write(&path, text).with_context(|| format!("kan `{}` niet schrijven", path.display()))?;
    }
    Ok(())
}

/// Every file of a generated tree, by path relative to the data root (pure: writes nothing).
pub fn files(parties: usize, lines: usize, seed: u64) -> Result<BTreeMap<String, String>> {
    if parties == 0 || lines == 0 {
        bail!("er is minstens één partij en één begrotingsregel nodig");
    }
    let root = Rng::new(seed);
    let all = tree::parties(parties, &mut root.fork(0));
    let years = [FIRST_YEAR, FIRST_YEAR + 1];
    let mut out = BTreeMap::new();
    let mut requests: BTreeMap<(usize, i32), i64> = BTreeMap::new();
    for (i, party) in all.iter().enumerate() {
        let mut rng = root.fork(1 + i as u64);
        let pf = portfolio::portfolio(party.rol, lines, FIRST_YEAR, &mut rng);
        let niveau = *rng.pick(&[Niveau::Zilver, Niveau::Zilver, Niveau::Zilver, Niveau::Brons, Niveau::Goud]);
        for &y in &years {
            let ingediend = delivered(tree::plan_deadline(party.rol, y), &mut rng);
            let concept = party.rol == Rol::Sbo && y == years[1];
            let meta = plan::PlanMeta { niveau, concept, ingediend };
            let dir = format!("{y}/{}", party.id);
            out.insert(format!("{dir}/plan.yaml"), plan::plan(party, &pf, y, &meta, &mut rng));
            out.insert(
                format!("{dir}/begroting.yaml"),
                begroting::begroting(party, &pf, y, FIRST_YEAR, niveau, ingediend),
            );
            if y == FIRST_YEAR {
                let when = delivered(tree::realisatie_deadline(party.rol, y), &mut rng);
                let text = begroting::realisatie(party, &pf, y, FIRST_YEAR, when, &mut rng);
                out.insert(format!("{dir}/realisatie.yaml"), text);
            }
            add_requests(&mut requests, &pf, y, years[1]);
        }
    }
    out.insert("stelsel.yaml".into(), register::stelsel(&all, &requests, seed));
    out.insert("afspraken.yaml".into(), register::afspraken(&all, years[0], years[1], &mut root.fork(u64::MAX)));
    let (name, text) = register::vergadering(years[1]);
    out.insert(name, text);
    Ok(out)
}

/// A delivery date: mostly one to three weeks before `deadline`, sometimes a few days late.
fn delivered(deadline: jiff::civil::Date, rng: &mut Rng) -> jiff::civil::Date {
    let days = if rng.chance(3) { rng.range(1, 12) } else { -rng.range(1, 21) };
    yaml::shift(deadline, days)
}

/// Adds a begroting's amounts to the construct's request per perspective and year: the cycle
/// year's own amount, and for the years after the last cycle year its estimates.
fn add_requests(requests: &mut BTreeMap<(usize, i32), i64>, pf: &portfolio::Portfolio, y: i32, last: i32) {
    let years = if y == last { y..y + 4 } else { y..y + 1 };
    for l in &pf.lines {
        for yy in years.clone() {
            *requests.entry((l.perspective, yy)).or_default() += l.amount(yy, FIRST_YEAR).unwrap_or(0);
        }
    }
}
