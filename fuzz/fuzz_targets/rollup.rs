//! Fuzz target `rollup`: arbitrary amounts (within the contract: at most 20 digits and two
//! decimals) for every budget line, realisation and cap of the base fixture, and arbitrary
//! verdeelsleutels; the roll-up adds up at every level and every allocation sums exactly to
//! the cent. Also `rollup::allocate` on its own. Must never panic.
#![no_main]

#[path = "../harness.rs"]
mod harness;

use std::sync::OnceLock;

static BASE: OnceLock<jaarcyclus::model::Tree> = OnceLock::new();

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/base");
    harness::check_allocate(data);
    harness::check_rollup(BASE.get_or_init(|| harness::load_clean(&root)), data);
});
