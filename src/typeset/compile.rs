//! Typeset stage, compiling: the typesetter (fonts and the standard library, made once and
//! shared by parallel compilations) and the export to PDF/A-2b.

use super::diagnostics;
use super::fonts::Fonts;
use super::job::{Compiled, Job, TemplateError};
use super::world::JobWorld;
use std::str::FromStr;
use typst::diag::{SourceDiagnostic, Warned};
use typst::foundations::{Datetime, Smart};
use typst::text::{Lang, Region, TextElem};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

/// Fonts parsed once per process; `Sync`, shared by parallel compilations.
pub struct Typesetter {
    library: LazyHash<Library>,
    fonts: Fonts,
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

/// Exports a laid-out document as PDF/A-2b and PDF/UA-1 at once, stamped with the job's date.
fn export(document: &PagedDocument, job: &Job) -> Result<Vec<u8>, typst::ecow::EcoVec<SourceDiagnostic>> {
    let standards = match PdfStandards::new(&[PdfStandard::A_2b, PdfStandard::Ua_1]) {
        Ok(standards) => standards,
        Err(err) => {
            let message = format!("PDF/A-2b met PDF/UA-1 niet beschikbaar: {}", err.message());
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
        // PDF/UA-1 needs the tag tree; typst writes it by default (`tagged: true`).
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
