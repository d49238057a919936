//! The integration tests: one test binary (as ripgrep, mdBook and cargo do), so that the typst
//! stack is linked once, not once per file. Each file of `tests/` is a module here and keeps its
//! name as the test group: `cargo test --release site::` runs the website's tests,
//! `cargo test --release adversarial::` the hostile corpus.

mod common;

mod accepted;
mod adversarial;
mod amended;
mod bestuur;
mod board;
mod bounded;
mod build;
mod check;
mod cli;
mod crash;
mod effects;
mod fastpath;
mod handleiding;
mod herkomst;
mod house;
mod injection;
mod ontvang;
mod ontvang_crash;
mod progress;
mod publish;
mod rebuild;
mod sarif;
mod schema;
mod site;
mod sjabloon;
mod stukken;
mod synth;
mod trend;
mod verrekening;
mod viewmodel;
mod watch;
mod workbook;
