//! The pipeline as functions that return values — `check`, `build`, `stukken` — over the
//! stages `load → check → rollup → view → typeset → write`. Prints nothing: the binary
//! (`src/cmd/`) prints, shows progress and chooses the exit status.

mod build;
mod documents;
mod herkomst;
mod import;
mod locate;
mod ontvang;
mod outcome;
mod output;
mod rollups;
mod sjabloon;
mod stukken;
mod unchanged;
mod workbook;

pub use crate::write::guard_out;
pub use build::{BuildOptions, Built, build, build_in};
pub use documents::{Planned, Session, plan_documents};
pub use herkomst::trace;
pub use import::{Fate, Imported, import, workbook_yaml};
pub use ontvang::{OntvangOptions, Received, is_contract_name, ontvang};
pub use outcome::{Checked, Lap, Refusal, Timings, Why, check};
pub use sjabloon::{Scaffolded, scaffold};
pub use stukken::{Pack, StukkenOptions, stukken};
pub use workbook::{Workbooks, party_docs, scaffold_xlsx, workbook_path};
