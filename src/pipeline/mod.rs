//! The pipeline as functions that return values — `check`, `build`, `stukken` — over the
//! stages `load → check → rollup → view → typeset → write`. Prints nothing: the binary
//! (`src/cmd/`) prints, shows progress and chooses the exit status.

mod build;
mod documents;
mod herkomst;
mod import;
mod locate;
mod meeting;
mod outcome;
mod output;
mod site;
mod sjabloon;
mod unchanged;
pub mod watch;
mod werkmap;

pub use build::{BuildOptions, Built, build, build_in};
pub use documents::{Planned, Session, plan_documents};
pub use herkomst::trace;
pub use import::{Fate, Imported, import, workbook_yaml};
pub use meeting::{MeetingOptions, Pack, stukken};
pub use outcome::{Checked, Refusal, Timings, Why, check};
pub use output::guard_out;
pub use sjabloon::{Scaffolded, scaffold};
pub use werkmap::{Workbooks, party_docs, scaffold_xlsx, workbook_path};
