//! Typeset stage: compiles a document's typst sources (templates plus the view's `data.json`)
//! to PDF/A-2b bytes with typst embedded as a library, and hands the bytes to `write`.
//!
//! No typst binary, no network, no packages, no clock: a `Job` carries every file and the date,
//! so the same job always gives the same bytes.

mod diagnostics;
mod fonts;
mod templates;
mod world;

#[cfg(test)]
mod tests;

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use serde::Serialize;
use typst::diag::{SourceDiagnostic, Warned};
use typst::foundations::{Datetime, Smart};
use typst::text::{Lang, Region, TextElem};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

pub use templates::{Templates, read_templates};

use fonts::Fonts;
use world::JobWorld;

/// Fonts parsed once per process; `Sync`, shared by parallel compilations.
pub struct Typesetter {
    library: LazyHash<Library>,
    fonts: Fonts,
}

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
    /// Tagged PDF (accessibility) on or off.
    pub tagged: bool,
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

impl Typesetter {
    /// Parses typst's bundled fonts and `extra_fonts` (the templates' fonts) and builds the
    /// standard library with Dutch as the text language.
    pub fn new(extra_fonts: &[Vec<u8>]) -> Typesetter {
        let mut library = Library::builder().build();
        library.styles.set(TextElem::lang, Lang::DUTCH);
        library.styles.set(TextElem::region, Region::from_str("nl").ok());
        Typesetter { library: LazyHash::new(library), fonts: Fonts::load(extra_fonts) }
    }

    /// The font families available to templates, sorted.
    pub fn families(&self) -> Vec<String> {
        self.fonts.families()
    }

    /// Compiles one document to PDF bytes.
    pub fn pdf(&self, job: &Job) -> Result<Vec<u8>, Vec<TemplateError>> {
        self.compile(job).pdf
    }

    /// Compiles one document to PDF bytes, keeping typst's warnings.
    pub fn compile(&self, job: &Job) -> Compiled {
        let world = match JobWorld::new(&self.library, &self.fonts, job) {
            Ok(world) => world,
            Err(errors) => return Compiled { pdf: Err(errors), warnings: Vec::new() },
        };
        let Warned { output, warnings } = typst::compile::<PagedDocument>(&world);
        let convert = |diagnostics: &[SourceDiagnostic]| diagnostics::convert(&world, &job.main, diagnostics);
        let pdf = match output {
            Ok(document) => export(&document, job).map_err(|errors| convert(&errors)),
            Err(errors) => Err(convert(&errors)),
        };
        Compiled { pdf, warnings: convert(&warnings) }
    }
}

/// Exports a laid-out document as PDF/A-2b, stamped with the job's date.
fn export(document: &PagedDocument, job: &Job) -> Result<Vec<u8>, typst::ecow::EcoVec<SourceDiagnostic>> {
    let standards = match PdfStandards::new(&[PdfStandard::A_2b]) {
        Ok(standards) => standards,
        Err(err) => {
            let message = format!("PDF/A-2b niet beschikbaar: {}", err.message());
            return Err(typst::ecow::eco_vec![SourceDiagnostic::error(typst::syntax::Span::detached(), message)]);
        }
    };
    let options = PdfOptions {
        // A stable identifier per kind of document, so that the same job gives the same bytes
        // and a new version of a document keeps the identity of the previous one.
        ident: Smart::Custom(format!("jaarcyclus/{}", job.main)),
        creator: Smart::Custom(Some(format!("jaarcyclus {}", env!("CARGO_PKG_VERSION")))),
        timestamp: midnight_utc(job.date).map(Timestamp::new_utc),
        standards,
        tagged: job.tagged,
        ..PdfOptions::default()
    };
    typst_pdf::pdf(document, &options)
}

/// The start of `date` as a typst datetime; `None` for years typst cannot represent.
fn midnight_utc(date: jiff::civil::Date) -> Option<Datetime> {
    let month = date.month().try_into().ok()?;
    let day = date.day().try_into().ok()?;
    Datetime::from_ymd_hms(date.year().into(), month, day, 0, 0, 0)
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
