//! What the pipeline hands to the binary: the checked input, why a command refused, and the
//! time each stage took.

use crate::diag::Diagnostics;
use crate::model::{Scope, Tree};
use crate::typeset::TemplateError;
use jiff::civil::Date;
use std::path::Path;
use std::time::{Duration, Instant};

/// The tree and every finding about it, sorted.
pub struct Checked {
    /// Everything read.
    pub tree: Tree,
    /// Every finding.
    pub diags: Diagnostics,
}

/// Why a command produced nothing.
pub enum Refusal {
    /// The command could not run (exit status 2): bad arguments, an unreadable data root, an
    /// output directory that cannot be written. The message is Dutch, for the user.
    CannotRun(anyhow::Error),
    /// The input makes the numbers untrustworthy (exit status 1): the findings to show, why,
    /// and the checked input (for the source lines of the findings).
    Input {
        /// The checked input.
        checked: Box<Checked>,
        /// The findings that refuse the command.
        shown: Diagnostics,
        /// Why.
        why: Why,
    },
    /// A template could not be set (exit status 2): the program's own material is broken.
    Templates(Vec<(String, Vec<TemplateError>)>),
}

/// Why the input refused a command.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Why {
    /// Findings of families E0–E2.
    Untrustworthy,
    /// A decision item of this meeting file (relative to the data root) has too few
    /// alternatives or an alternative without risk (E307).
    Decisions(String),
}

impl<E: Into<anyhow::Error>> From<E> for Refusal {
    fn from(e: E) -> Refusal {
        Refusal::CannotRun(e.into())
    }
}

/// Wall time per stage, for `--timings`.
#[derive(Default, Debug)]
pub struct Timings(pub Vec<Lap>);

/// One stage of [`Timings`].
#[derive(Debug)]
pub struct Lap {
    /// What was timed.
    pub stage: &'static str,
    /// Its wall time.
    pub time: Duration,
    /// The process's peak resident memory so far, in kB, when the stage was recorded (where
    /// the system tells: Linux's `VmHWM`).
    pub peak_kb: Option<u64>,
}

impl Timings {
    /// Records the time since `since` for `stage` and restarts the clock.
    pub fn lap(&mut self, stage: &'static str, since: &mut Instant) {
        self.push(stage, since.elapsed());
        *since = Instant::now();
    }

    /// Records `time` for `stage` (a stage timed elsewhere, such as beside the typesetting).
    pub fn push(&mut self, stage: &'static str, time: Duration) {
        self.0.push(Lap { stage, time, peak_kb: peak_kb() });
    }
}

/// The peak resident memory of this process so far, in kB (Linux; `None` elsewhere).
fn peak_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// `load` then `check`: the tree and every finding, sorted. With a party in `scope`, that party
/// must be a well-formed id known to the stelsel. Refuses (exit status 2) only when the data
/// root itself cannot be read or the party is unknown.
pub fn check(data: &Path, scope: &Scope, peildatum: Date) -> Result<Checked, Refusal> {
    if let Some(o) = &scope.organisatie
        && !crate::load::is_lower_id(o)
    {
        return Err(anyhow::anyhow!("`{o}` is geen geldige organisatie-id").into());
    }
    let (tree, diags) = crate::load_and_check(data, scope, peildatum)?;
    if let Some(o) = &scope.organisatie
        && tree.stelsel.as_ref().is_some_and(|s| !s.organisaties.iter().any(|x| x.id.value == *o))
    {
        return Err(anyhow::anyhow!("organisatie `{o}` staat niet in stelsel.yaml").into());
    }
    Ok(Checked { tree, diags })
}

/// Refuses when the findings make the numbers untrustworthy (E0–E2).
pub fn refuse_untrustworthy(checked: Checked) -> Result<Checked, Refusal> {
    if !checked.diags.blocks_build() {
        return Ok(checked);
    }
    let shown = checked.diags.clone();
    Err(Refusal::Input { checked: Box::new(checked), shown, why: Why::Untrustworthy })
}
