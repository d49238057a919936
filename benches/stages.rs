//! Per-stage micro-benchmarks (divan): load, check, rollup, view and the typesetting of one
//! document (the jaarplan) and the website, on the default data set and on a generated tree of 100 parties
//! with 50 budget lines each. Run with `cargo bench --bench stages`.

use divan::Bencher;
use jaarcyclus::diag::Diagnostics;
use jaarcyclus::model::{CycleDoc, Scope, Tree, Year};
use jaarcyclus::rollup::Rollup;
use jaarcyclus::typeset::{Job, Templates, Typesetter};
use jiff::civil::Date;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

const PEILDATUM: Date = Date::constant(2026, 11, 29);

/// Which data set a benchmark runs on.
#[derive(Clone, Copy, Debug)]
enum Set {
    /// `data/`, the realistic default data set.
    Default,
    /// A generated tree: 100 parties × 50 lines.
    Gen100,
}

impl fmt::Display for Set {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Set::Default => "standaard",
            Set::Gen100 => "gen-100x50",
        })
    }
}

const SETS: [Set; 2] = [Set::Default, Set::Gen100];

/// A data set read once, with everything the later stages start from.
struct Fixture {
    root: PathBuf,
    tree: Tree,
    diags: Diagnostics,
    year: Year,
    rollup: Rollup,
    /// Keeps a generated tree on disk while the benchmarks run.
    _dir: Option<tempfile::TempDir>,
}

impl Fixture {
    fn new(root: PathBuf, dir: Option<tempfile::TempDir>) -> Fixture {
        let (tree, diags) = jaarcyclus::load_and_check(&root, &Scope::default(), PEILDATUM).expect("data set loads");
        let year = *tree.years.keys().next_back().expect("a cycle year");
        let rollup = jaarcyclus::rollup::rollup(&tree, year, PEILDATUM);
        Fixture { root, tree, diags, year, rollup, _dir: dir }
    }
}

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

static DEFAULT: LazyLock<Fixture> = LazyLock::new(|| Fixture::new(repo().join("data"), None));

static GEN100: LazyLock<Fixture> = LazyLock::new(|| {
    let dir = tempfile::tempdir().expect("temporary directory");
    let root = dir.path().join("data");
    jaarcyclus_synth::generate(&root, 100, 50, 1).expect("generated tree");
    Fixture::new(root, Some(dir))
});

static TEMPLATES: LazyLock<Templates> = LazyLock::new(jaarcyclus::typeset::Templates::embedded);

static TYPESETTER: LazyLock<Typesetter> = LazyLock::new(|| Typesetter::new(&TEMPLATES.font_data()));

fn fixture(set: Set) -> &'static Fixture {
    match set {
        Set::Default => &DEFAULT,
        Set::Gen100 => &GEN100,
    }
}

fn main() {
    divan::main();
}

#[divan::bench(args = SETS, sample_count = 20)]
fn load(b: Bencher, set: Set) {
    let f = fixture(set);
    b.bench(|| jaarcyclus::load::load(&f.root, &Scope::default()).expect("loads"));
}

#[divan::bench(args = SETS, sample_count = 20)]
fn check(b: Bencher, set: Set) {
    let f = fixture(set);
    b.bench(|| jaarcyclus::check::rules(&f.tree, PEILDATUM));
}

#[divan::bench(args = SETS, sample_count = 20)]
fn rollup(b: Bencher, set: Set) {
    let f = fixture(set);
    b.bench(|| jaarcyclus::rollup::rollup(&f.tree, f.year, PEILDATUM));
}

#[divan::bench(args = SETS, sample_count = 20)]
fn view(b: Bencher, set: Set) {
    let f = fixture(set);
    b.bench(|| jaarcyclus::view::document_json(CycleDoc::Jaarplan, &f.tree, &f.rollup, &f.diags, PEILDATUM));
}

/// Typesetting the jaarplan, cold: fonts parsed once outside the measurement (as `build` does),
/// typst's memoisation cache emptied before every run (else runs after the first are free).
#[divan::bench(args = SETS, sample_count = 3, sample_size = 1)]
fn typeset_jaarplan(b: Bencher, set: Set) {
    let f = fixture(set);
    let data = jaarcyclus::view::document_json(CycleDoc::Jaarplan, &f.tree, &f.rollup, &f.diags, PEILDATUM);
    let mut files = TEMPLATES.files.clone();
    files.insert("data.json".into(), data);
    let job = Job { files, main: "jaarplan.typ".into(), date: PEILDATUM };
    let ts = &*TYPESETTER;
    b.with_inputs(|| typst::comemo::evict(0))
        .bench_values(|()| ts.pdf(&job).unwrap_or_else(|e| panic!("jaarplan compiles: {e:?}")));
}

/// A reporting line 4,000 deep (every TBO under the one before it) over the base fixture's
/// stelsel: the check and the roll-up must stay linear in the depth.
static CHAIN: LazyLock<(tempfile::TempDir, Tree)> = LazyLock::new(|| {
    let dir = tempfile::tempdir().expect("temporary directory");
    let st = std::fs::read_to_string(repo().join("tests/fixtures/base/stelsel.yaml")).expect("base stelsel");
    let mut chain = String::new();
    let mut prev = "kad-tbo".to_string();
    for i in 0..4000 {
        chain.push_str(&format!("  - {{id: keten-{i}, naam: Keten {i}, rol: TBO, rapporteert_aan: {prev}}}\n"));
        prev = format!("keten-{i}");
    }
    let st = st.replacen("financiers:", &format!("{chain}financiers:"), 1);
    std::fs::write(dir.path().join("stelsel.yaml"), st).expect("stelsel written");
    let (tree, _) = jaarcyclus::load_and_check(dir.path(), &Scope::default(), PEILDATUM).expect("chain loads");
    (dir, tree)
});

#[divan::bench(sample_count = 10)]
fn check_chain_4000(b: Bencher) {
    let tree = &CHAIN.1;
    b.bench(|| jaarcyclus::check::rules(tree, PEILDATUM));
}

#[divan::bench(sample_count = 10)]
fn rollup_chain_4000(b: Bencher) {
    let tree = &CHAIN.1;
    b.bench(|| jaarcyclus::rollup::rollup(tree, 2025, PEILDATUM));
}

/// The website of the latest year (every page rendered, nothing written): per party a page and
/// its source files' pages.
#[divan::bench(args = SETS, sample_count = 5)]
fn site(b: Bencher, set: Set) {
    use jaarcyclus::model::Doc;
    let f = fixture(set);
    let input = jaarcyclus::site::Input {
        tree: &f.tree,
        r: &f.rollup,
        diags: &f.diags,
        peildatum: PEILDATUM,
        documenten: vec![Doc::Cycle(CycleDoc::Meerjarenplan), Doc::Cycle(CycleDoc::Jaarplan)],
        tabellen: Vec::new(),
        jaren: vec![f.year],
    };
    b.bench(|| {
        let mut bytes = 0usize;
        jaarcyclus::site::site(&input, &mut |_, page| {
            bytes += page.len();
            Ok(())
        })
        .expect("the site renders");
        bytes
    });
}
