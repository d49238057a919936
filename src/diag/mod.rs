//! Diagnostics: findings in the user's data as values — code, place, Dutch message, hint —
//! collected over a whole run and handed to the renderers (human and JSON).

mod codes;
pub mod msg;
mod render;

pub use codes::{Code, Severity};
pub use render::{render_human, render_json, summary_line};

use std::collections::BTreeMap;

/// A 1-based place in a file: line and column (in characters).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub struct Pos {
    /// 1-based line.
    pub line: u32,
    /// 1-based column, counted in characters.
    pub column: u32,
}

impl Pos {
    /// The start of a file.
    pub const START: Pos = Pos { line: 1, column: 1 };

    /// A place from a line and column.
    pub fn new(line: u32, column: u32) -> Pos {
        Pos { line, column }
    }
}

/// One finding: what, where, and what to do about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// The contract code.
    pub code: Code,
    /// The file, relative to the data root with forward slashes; `None` where no file applies.
    pub file: Option<String>,
    /// The place in the file; `None` where no place applies (e.g. a missing file).
    pub pos: Option<Pos>,
    /// The Dutch message, specific to this finding.
    pub message: String,
    /// What to do, in Dutch.
    pub hint: Option<String>,
}

impl Diagnostic {
    /// A finding without a place yet.
    pub fn new(code: Code, message: impl Into<String>) -> Diagnostic {
        Diagnostic { code, file: None, pos: None, message: message.into(), hint: None }
    }

    /// Adds the hint.
    pub fn hint(mut self, hint: impl Into<String>) -> Diagnostic {
        self.hint = Some(hint.into());
        self
    }

    /// Places the finding in a file at a position.
    pub fn at(mut self, file: &str, pos: Pos) -> Diagnostic {
        self.file = Some(file.to_string());
        self.pos = Some(pos);
        self
    }

    /// Places the finding in a file without a position (e.g. a missing file).
    pub fn in_file(mut self, file: &str) -> Diagnostic {
        self.file = Some(file.to_string());
        self
    }

    /// The severity of its code.
    pub fn severity(&self) -> Severity {
        self.code.severity()
    }

    fn sort_key(&self) -> (bool, &str, Option<Pos>, Code, &str) {
        (self.file.is_none(), self.file.as_deref().unwrap_or(""), self.pos, self.code, &self.message)
    }
}

/// The findings of one run, sorted by file and line when finished.
#[derive(Clone, Debug, Default)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    /// An empty list.
    pub fn new() -> Diagnostics {
        Diagnostics::default()
    }

    /// Adds a finding.
    pub fn push(&mut self, d: Diagnostic) {
        self.items.push(d);
    }

    /// Adds several findings.
    pub fn extend(&mut self, ds: impl IntoIterator<Item = Diagnostic>) {
        self.items.extend(ds);
    }

    /// Sorts by file (file-less last), line, column and code, and drops exact duplicates.
    pub fn finish(&mut self) {
        self.items.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        self.items.dedup();
    }

    /// The findings.
    pub fn items(&self) -> &[Diagnostic] {
        &self.items
    }

    /// The number of errors.
    pub fn errors(&self) -> usize {
        self.items.iter().filter(|d| d.severity() == Severity::Error).count()
    }

    /// The number of warnings.
    pub fn warnings(&self) -> usize {
        self.items.len() - self.errors()
    }

    /// Whether any finding makes the numbers untrustworthy (families E0–E2).
    pub fn blocks_build(&self) -> bool {
        self.items.iter().any(|d| d.code.blocks_build())
    }

    /// Whether a finding with this code exists (for tests and callers).
    pub fn has(&self, code: Code) -> bool {
        self.items.iter().any(|d| d.code == code)
    }
}

/// The text of every file read, by path relative to the data root, for showing source lines.
pub type Sources = BTreeMap<String, String>;
