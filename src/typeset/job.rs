//! Typeset stage, the job: what one compilation gets (files, main file, date) and what it
//! gives back (the PDF or placed template errors, and warnings).

use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt;

/// One document to compile: its files, its main file, its date and whether to tag it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Job {
    /// Virtual files served to typst, keyed by root-relative path with forward slashes
    /// (`"jaarplan.typ"`, `"lib/huisstijl.typ"`, `"data.json"`).
    pub files: BTreeMap<String, Vec<u8>>,
    /// The main file, e.g. `"jaarplan.typ"`.
    pub main: String,
    /// The document date: what typst's `datetime.today()` returns and the PDF timestamp
    /// (PDF/A needs one). No clock anywhere.
    pub date: jiff::civil::Date,
}

/// A problem in a template, placed at a file and a 1-based line and column where known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TemplateError {
    /// The root-relative file the problem is in, e.g. `"lib/huisstijl.typ"`.
    pub file: String,
    /// The 1-based line, if the problem has a place in the file.
    pub line: Option<usize>,
    /// The 1-based column in characters, if the problem has a place in the file.
    pub column: Option<usize>,
    /// What is wrong (typst's own wording for compiler errors).
    pub message: String,
    /// Hints from typst and the chain of calls that led to the problem.
    pub hints: Vec<String>,
}

/// The outcome of a compilation: the PDF or the errors, and the warnings either way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Compiled {
    /// The PDF bytes, or every error that prevented them.
    pub pdf: Result<Vec<u8>, Vec<TemplateError>>,
    /// Warnings, such as an unknown font family; they do not stop the PDF.
    pub warnings: Vec<TemplateError>,
}

impl TemplateError {
    /// An error about a whole file, without a line.
    pub(crate) fn plain(file: &str, message: String) -> TemplateError {
        TemplateError { file: file.to_string(), line: None, column: None, message, hints: Vec::new() }
    }
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        write!(f, ": {}", self.message)
    }
}
