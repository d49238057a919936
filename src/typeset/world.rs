//! Typeset stage, the world: serves one job's in-memory files, the shared fonts and the job's
//! date to the typst compiler, and nothing else (no disk, no packages, no clock).

use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};

use typst::diag::{FileError, FileResult, PackageError};
use typst::ecow::eco_format;
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, World};

use super::fonts::Fonts;
use super::job::{Job, TemplateError};

/// The world of one compilation: a job's files over a shared library and font set.
pub(crate) struct JobWorld<'a> {
    library: &'a LazyHash<Library>,
    fonts: &'a Fonts,
    main: FileId,
    files: HashMap<FileId, Bytes>,
    /// Parsed sources, so each file is parsed once per job however often typst asks.
    sources: Mutex<HashMap<FileId, Source>>,
    today: Datetime,
}

impl<'a> JobWorld<'a> {
    /// Builds the world for `job`, refusing file names that are not plain relative paths.
    pub fn new(
        library: &'a LazyHash<Library>,
        fonts: &'a Fonts,
        job: &Job,
    ) -> Result<JobWorld<'a>, Vec<TemplateError>> {
        let mut errors = Vec::new();
        let mut files = HashMap::new();
        for (name, bytes) in &job.files {
            match file_id(name) {
                Some(id) => {
                    files.insert(id, Bytes::new(bytes.clone()));
                }
                None => errors.push(TemplateError::plain(
                    name,
                    format!("ongeldige bestandsnaam `{name}`; gebruik een relatief pad met `/`"),
                )),
            }
        }
        let main = file_id(&job.main).filter(|id| files.contains_key(id));
        if main.is_none() {
            errors.push(TemplateError::plain(
                &job.main,
                format!("hoofdbestand `{}` ontbreekt in de sjablonen", job.main),
            ));
        }
        let today = date_to_typst(job.date);
        match (main, today) {
            (Some(main), Some(today)) if errors.is_empty() => {
                Ok(JobWorld { library, fonts, main, files, sources: Mutex::new(HashMap::new()), today })
            }
            (_, None) => {
                errors.push(TemplateError::plain(
                    &job.main,
                    format!("documentdatum {} valt buiten het bereik van typst", job.date),
                ));
                Err(errors)
            }
            _ => Err(errors),
        }
    }
}

impl World for JobWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.fonts.book
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        let mut cache = self.sources.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(source) = cache.get(&id) {
            return Ok(source.clone());
        }
        let bytes = self.file(id)?;
        let text = std::str::from_utf8(&bytes)?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let source = Source::new(id, text.to_owned());
        cache.insert(id, source.clone());
        Ok(source)
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if let VirtualRoot::Package(spec) = id.root() {
            // Templates are self-contained: a package would need the network or a cache
            // outside the repository, and would make the output depend on it.
            return Err(FileError::Package(PackageError::Other(Some(eco_format!(
                "typst-pakketten zijn uitgeschakeld; neem `{spec}` niet op, maar zet de code in de sjablonenmap"
            )))));
        }
        self.files.get(&id).cloned().ok_or_else(|| FileError::NotFound(id.vpath().get_with_slash().into()))
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.faces.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        // The document date is a calendar day with no time zone, so the offset has no meaning.
        Some(self.today)
    }
}

/// The file id of a root-relative path, or `None` for a path that is empty or escapes the root.
pub(crate) fn file_id(name: &str) -> Option<FileId> {
    let vpath = VirtualPath::new(name).ok().filter(|p| !p.is_root())?;
    Some(RootedPath::new(VirtualRoot::Project, vpath).intern())
}

/// The job's date as a typst date, or `None` for a year typst cannot represent.
pub(crate) fn date_to_typst(date: jiff::civil::Date) -> Option<Datetime> {
    Datetime::from_ymd(date.year().into(), date.month().try_into().ok()?, date.day().try_into().ok()?)
}
