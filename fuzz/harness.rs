//! The bodies of the fuzz targets, shared by `cargo fuzz` (fuzz/fuzz_targets/*.rs) and the
//! stable replay and mutation tests (tests/adversarial.rs), so that CI runs exactly what the
//! fuzzer runs. Each function panics only when it finds a bug.
#![allow(dead_code)]

use jaarcyclus::diag::Diagnostics;
use jaarcyclus::model::{Money, Scope, Tree};
use jaarcyclus::rollup::{allocate, rollup};
use rust_decimal::Decimal;
use std::path::Path;

/// Where each file kind stands in the base fixture (`tests/fixtures/base`).
pub const KINDS: [(&str, &str); 9] = [
    ("stelsel", "stelsel.yaml"),
    ("afspraken", "afspraken.yaml"),
    ("aanvaard", "aanvaard.yaml"),
    ("plan", "2025/obo-a/plan.yaml"),
    ("begroting", "2025/obo-a/begroting.yaml"),
    ("realisatie", "2025/obo-a/realisatie.yaml"),
    ("wijziging", "2025/kad-tbo/wijziging-1.yaml"),
    ("voortgang", "2025/kad-tbo/voortgang-q3.yaml"),
    ("vergadering", "vergaderingen/2026-06-15-ogb-b.yaml"),
];

/// The reference date of the base fixture.
pub const PEILDATUM: &str = "2026-06-01";

/// A temporary copy of the base fixture into which inputs are written, one kind at a time.
pub struct LoadHarness {
    dir: tempfile::TempDir,
    originals: Vec<Vec<u8>>,
}

impl LoadHarness {
    /// Copies the base fixture at `base` into a fresh temporary data root.
    pub fn new(base: &Path) -> LoadHarness {
        let dir = tempfile::tempdir().expect("temp dir");
        for e in walkdir::WalkDir::new(base).sort_by_file_name() {
            let e = e.expect("base fixture readable");
            let target = dir.path().join(e.path().strip_prefix(base).expect("under base"));
            if e.file_type().is_dir() {
                std::fs::create_dir_all(&target).expect("mkdir");
            } else {
                std::fs::copy(e.path(), &target).expect("copy");
            }
        }
        let originals = KINDS.iter().map(|(_, rel)| std::fs::read(dir.path().join(rel)).expect("base file")).collect();
        LoadHarness { dir, originals }
    }

    /// The data root.
    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    /// Writes `input` as each file kind in turn (the others stay valid), loads and checks
    /// the whole tree, and — where the checks would let `build` go on — rolls up and builds
    /// the view models of the documents. Returns the number of loads.
    pub fn run(&self, input: &[u8]) -> usize {
        let peildatum = jaarcyclus::load::parse_date(PEILDATUM).expect("date");
        // Differential: where the fast YAML path takes the input, serde-saphyr must read the same.
        if let Ok(text) = std::str::from_utf8(input)
            && let Err(e) = agrees(text)
        {
            panic!("fast path and serde-saphyr disagree:\n{e}");
        }
        let mut loads = 0;
        for (i, (kind, rel)) in KINDS.iter().enumerate() {
            let path = self.dir.path().join(rel);
            std::fs::write(&path, input).expect("write input");
            let (tree, diags) = jaarcyclus::load_and_check(self.dir.path(), &Scope::default(), peildatum)
                .unwrap_or_else(|e| panic!("the data root itself stays readable ({kind}): {e:#}"));
            loads += 1;
            downstream(&tree, &diags, peildatum);
            if rel.starts_with("2025/") {
                // The scoped mode of `check --organisatie` takes another path through the walk.
                let scope = Scope { organisatie: Some("obo-a".into()), jaar: None };
                jaarcyclus::load_and_check(self.dir.path(), &scope, peildatum).expect("scoped load");
                loads += 1;
            }
            std::fs::write(&path, &self.originals[i]).expect("restore");
        }
        loads
    }
}

/// What `build` does after the checks, short of typesetting: plan, roll up, view models.
fn downstream(tree: &Tree, diags: &Diagnostics, peildatum: jiff::civil::Date) {
    if diags.blocks_build() {
        return;
    }
    for p in jaarcyclus::pipeline::plan_documents(tree, None) {
        let r = rollup(tree, p.jaar, peildatum);
        let json = jaarcyclus::view::json(p.kind, tree, &r, diags, peildatum);
        assert!(!json.is_empty());
    }
}

/// A little reader over the fuzz bytes: every read succeeds (zeros when the input runs out).
pub struct Bytes<'a>(&'a [u8]);

impl<'a> Bytes<'a> {
    /// Reads over `data`.
    pub fn new(data: &'a [u8]) -> Bytes<'a> {
        Bytes(data)
    }

    fn take<const N: usize>(&mut self) -> [u8; N] {
        let mut out = [0u8; N];
        let n = self.0.len().min(N);
        out[..n].copy_from_slice(&self.0[..n]);
        self.0 = &self.0[n..];
        out
    }

    /// Whether every byte has been read.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// A small number below `n` (n > 0).
    pub fn below(&mut self, n: u8) -> u8 {
        self.take::<1>()[0] % n
    }

    /// An amount as the contract allows it: at most 20 digits before the point and two after,
    /// never negative; small, round and extreme values are all likely.
    pub fn amount(&mut self) -> Money {
        const MAX_CENTS: u128 = 10u128.pow(22) - 1;
        let raw = u128::from_le_bytes(self.take::<16>());
        let cents = match raw % 8 {
            0 => 0,
            1 => MAX_CENTS,
            2 => (raw >> 3) % 1_000,
            3 => ((raw >> 3) % 100_000_000) * 100,
            _ => (raw >> 3) % (MAX_CENTS + 1),
        };
        Money::from_decimal(Decimal::from_i128_with_scale(cents as i128, 2))
    }

    /// A signed difference of two amounts.
    pub fn difference(&mut self) -> Decimal {
        let (a, b) = (self.amount().decimal(), self.amount().decimal());
        a - b
    }

    /// A percentage of a verdeelsleutel: 0..=100 with at most four decimals.
    pub fn percentage(&mut self) -> Decimal {
        let raw = u32::from_le_bytes(self.take::<4>());
        let w = match raw % 4 {
            0 => 0,
            1 => 1_000_000,
            _ => (raw >> 2) % 1_000_001,
        };
        Decimal::new(i64::from(w), 4)
    }
}

/// The financiers of the base fixture.
pub fn financiers() -> Vec<String> {
    ["rijk", "vng", "ipo", "uvw"].iter().map(|s| s.to_string()).collect()
}

/// `allocate` over an arbitrary key: the shares add up exactly to the total in whole cents,
/// each financier appears once, and no share has the wrong sign or exceeds the whole.
pub fn check_allocate(input: &[u8]) {
    let mut b = Bytes::new(input);
    let total = b.difference();
    let names = ["rijk", "vng", "ipo", "uvw", "extra", "rijk"];
    let n = 1 + b.below(6) as usize;
    let key: Vec<(String, Decimal)> = (0..n).map(|i| (names[i].to_string(), b.percentage())).collect();
    let fins = financiers();
    let shares = allocate(total, &key, &fins);
    let sum: Decimal = shares.iter().map(|(_, d)| *d).sum();
    let positive = key.iter().any(|(_, p)| *p > Decimal::ZERO);
    let expected = if positive { total.round_dp(2) } else { Decimal::ZERO };
    assert_eq!(sum, expected, "allocation of {total} over {key:?} gives {shares:?}");
    for f in &fins {
        assert_eq!(shares.iter().filter(|(s, _)| s == f).count(), 1, "{f} once in {shares:?}");
    }
    for (f, d) in &shares {
        assert!(d.abs() <= total.abs(), "share of {f} exceeds the whole: {shares:?}");
        assert!(d.is_zero() || d.is_sign_negative() == total.is_sign_negative(), "sign of {f}: {shares:?}");
        assert!(d.scale() == 2, "whole cents: {shares:?}");
    }
}

/// Sets every amount of a loaded tree (budget lines, realisations, caps, verdeelsleutels)
/// from the input, rolls up every year and checks that the levels add up and each cap's
/// difference is allocated exactly.
pub fn check_rollup(base: &Tree, input: &[u8]) {
    let mut tree = base.clone();
    let mut b = Bytes::new(input);
    if let Some(st) = tree.stelsel.as_mut() {
        for t in &mut st.taakstellend {
            for m in t.bedragen.values_mut() {
                m.value = b.amount();
            }
            for (_, p) in &mut t.verdeelsleutel {
                *p = b.percentage();
            }
        }
    }
    for parties in tree.years.values_mut() {
        for sub in parties.values_mut() {
            if let Some(beg) = sub.begroting.as_mut() {
                for r in &mut beg.regels {
                    for m in r.bedragen.values_mut() {
                        m.value = b.amount();
                    }
                }
            }
            if let Some(real) = sub.realisatie.as_mut() {
                for r in &mut real.regels {
                    if let Some(m) = r.bedrag.as_mut() {
                        m.value = b.amount();
                    }
                }
            }
        }
    }
    // Every wijziging gets fresh mutaties too (signed; the amended budget is clamped at 0,
    // which E201 refuses in real input).
    for parties in tree.years.values_mut() {
        for sub in parties.values_mut() {
            for w in &mut sub.wijzigingen {
                for m in w.regels.iter_mut().filter_map(|r| r.mutatie.as_mut()) {
                    let d = b.amount().decimal();
                    m.value = if b.take::<1>()[0] & 1 == 1 { -d } else { d };
                }
            }
        }
    }
    let peildatum = jaarcyclus::load::parse_date(PEILDATUM).expect("date");
    let years: Vec<i32> = tree.years.keys().copied().collect();
    for y in years {
        let r = rollup(&tree, y, peildatum);
        let a = &r.amended;
        let own: Money = a.own.values().map(|g| g.year(y)).sum();
        assert_eq!(own, a.integral.year(y), "amended integral {y} is the sum of the parties");
        for id in r.org.nodes.iter().map(|n| &n.id) {
            let below: Money = r.org.descendants(id).iter().filter_map(|d| a.own.get(*d)).map(|g| g.year(y)).sum();
            let mine = a.own.get(id).map_or(Money::ZERO, |g| g.year(y));
            assert_eq!(a.consolidated[id].year(y), mine + below, "amended consolidated total of {id}");
        }
        let v = &r.verantwoording;
        for p in &v.parties {
            let lines: Money = p.lines.iter().map(|l| l.budget).sum();
            assert_eq!(lines, p.begroot, "amended budget of {} is the sum of its lines", p.party);
        }
        for jaar in &r.jaren {
            let own: Money = r.own.values().map(|g| g.year(*jaar)).sum();
            assert_eq!(own, r.integral.year(*jaar), "integral {jaar} is the sum of the parties");
            let lines: Money = r.lines.iter().filter_map(|l| l.bedragen.get(jaar).copied()).sum();
            assert_eq!(lines, r.integral.year(*jaar), "integral {jaar} is the sum of the lines");
        }
        for id in r.org.nodes.iter().map(|n| &n.id) {
            let below: Money = r.org.descendants(id).iter().map(|d| r.own[*d].total()).sum();
            assert_eq!(r.consolidated[id].total(), r.own[id].total() + below, "consolidated total of {id}");
        }
        for cap in &r.caps {
            let positive = cap.verdeelsleutel.as_ref().is_some_and(|k| k.iter().any(|(_, p)| *p > Decimal::ZERO));
            for cy in &cap.jaren {
                if let (Some(diff), true) = (cy.difference, positive) {
                    let sum: Decimal = cy.allocation.iter().map(|(_, d)| *d).sum();
                    assert_eq!(sum, diff, "allocation of {} in {}", cap.beleidsdoel, cy.jaar);
                }
            }
        }
    }
}

/// Loads a data root that must be clean of blocking findings (for the roll-up target).
pub fn load_clean(root: &Path) -> Tree {
    let peildatum = jaarcyclus::load::parse_date(PEILDATUM).expect("date");
    let (tree, diags) = jaarcyclus::load_and_check(root, &Scope::default(), peildatum).expect("load");
    assert!(!diags.blocks_build(), "base fixture has no blocking findings");
    tree
}

/// For the differential tests and the fuzzer: reads `text` as each file kind with both parsers.
/// Returns how many kinds the fast path took, or what differs where it took one and the full
/// parser read something else (or refused).
fn agrees(text: &str) -> Result<usize, String> {
    use jaarcyclus::load::raw::*;
    use serde::de::DeserializeOwned;
    fn one<T: DeserializeOwned + std::fmt::Debug>(text: &str, kind: &str) -> Result<usize, String> {
        let Some(fast) = jaarcyclus::load::parse_fast::<T>(text) else { return Ok(0) };
        match jaarcyclus::load::parse_full::<T>(text) {
            Ok(full) => {
                let (a, b) = (format!("{fast:#?}"), format!("{full:#?}"));
                if a == b {
                    Ok(1)
                } else {
                    let at = a.lines().zip(b.lines()).position(|(x, y)| x != y).unwrap_or(0);
                    let show = |s: &str| s.lines().skip(at.saturating_sub(3)).take(12).collect::<Vec<_>>().join("\n");
                    Err(format!("{kind}: fast path differs\n--- fast\n{}\n--- full\n{}", show(&a), show(&b)))
                }
            }
            Err(d) => Err(format!("{kind}: fast path accepted what the full parser refuses: {d:?}")),
        }
    }
    Ok(one::<RawStelsel>(text, "stelsel")?
        + one::<RawAfspraken>(text, "afspraken")?
        + one::<RawAanvaard>(text, "aanvaard")?
        + one::<RawPlan>(text, "plan")?
        + one::<RawBegroting>(text, "begroting")?
        + one::<RawRealisatie>(text, "realisatie")?
        + one::<RawWijziging>(text, "wijziging")?
        + one::<RawVoortgang>(text, "voortgang")?
        + one::<RawVergadering>(text, "vergadering")?)
}
