//! Fuzz target `load`: the input written as each file kind (stelsel, afspraken, plan,
//! begroting, realisatie, vergadering) into a copy of the base fixture, then
//! `jaarcyclus::load_and_check` and, where `build` would go on, roll-up and view models.
//! Must never panic. Replayed on stable by `tests/adversarial.rs` (`seed_corpus_replays`).
#![no_main]

#[path = "../harness.rs"]
mod harness;

use std::sync::OnceLock;

static HARNESS: OnceLock<harness::LoadHarness> = OnceLock::new();

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let base = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/base");
    HARNESS.get_or_init(|| harness::LoadHarness::new(&base)).run(data);
});
