//! Typeset stage, diagnostics: turns typst's span-based errors and warnings into
//! `TemplateError`s with a file name and a 1-based line and column.

use typst::World;
use typst::diag::SourceDiagnostic;
use typst::syntax::{DiagSpan, DiagSpanKind, FileId};

use super::job::TemplateError;

/// Converts typst diagnostics; one without a place in a file is attributed to `main`.
pub(crate) fn convert(world: &dyn World, main: &str, diagnostics: &[SourceDiagnostic]) -> Vec<TemplateError> {
    diagnostics.iter().map(|diagnostic| convert_one(world, main, diagnostic)).collect()
}

fn convert_one(world: &dyn World, main: &str, diagnostic: &SourceDiagnostic) -> TemplateError {
    let place = locate(world, diagnostic.span);
    let mut hints: Vec<String> = diagnostic.hints.iter().map(|hint| hint.v.to_string()).collect();
    // The trace says through which call or include the failing line was reached, which
    // matters when the error sits in a shared part such as `lib/huisstijl.typ`.
    for point in &diagnostic.trace {
        let (file, line, column) = locate(world, DiagSpan::from(point.span));
        let at = match (file, line, column) {
            (Some(file), Some(line), Some(column)) => format!("{file}:{line}:{column}"),
            (Some(file), ..) => file,
            _ => continue,
        };
        hints.push(format!("{at}: {}", point.v));
    }
    let (file, line, column) = place;
    TemplateError {
        file: file.unwrap_or_else(|| main.to_string()),
        line,
        column,
        message: diagnostic.message.to_string(),
        hints,
    }
}

/// The file, 1-based line and 1-based column (in characters) a span points at.
fn locate(world: &dyn World, span: DiagSpan) -> (Option<String>, Option<usize>, Option<usize>) {
    let position = match span.get() {
        DiagSpanKind::Detached => return (None, None, None),
        DiagSpanKind::Number { id, num, sub_range } => world.source(id).ok().and_then(|source| {
            let range = source.range(num, sub_range)?;
            source.lines().byte_to_line_column(range.start)
        }),
        // A range points into a file that is not typst source, such as `data.json`.
        DiagSpanKind::Range { id, range } => world.file(id).ok().and_then(|bytes| line_column(&bytes, range.start)),
    };
    let file = span.id().map(file_name);
    match position {
        Some((line, column)) => (file, Some(line + 1), Some(column + 1)),
        None => (file, None, None),
    }
}

/// A file's root-relative name as the templates directory spells it.
fn file_name(id: FileId) -> String {
    id.vpath().get_without_slash().to_string()
}

/// The 0-based line and column (in characters) of byte `at` in `bytes`.
fn line_column(bytes: &[u8], at: usize) -> Option<(usize, usize)> {
    let head = bytes.get(..at)?;
    let line = head.iter().filter(|&&b| b == b'\n').count();
    let start = head.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    Some((line, String::from_utf8_lossy(&head[start..]).chars().count()))
}

#[cfg(test)]
mod tests {
    use super::line_column;

    #[test]
    fn line_column_counts_characters_after_the_last_newline() {
        assert_eq!(line_column(b"ab\ncd", 4), Some((1, 1)));
        assert_eq!(line_column("é\néé x".as_bytes(), 8), Some((1, 3)));
        assert_eq!(line_column(b"ab", 0), Some((0, 0)));
        assert_eq!(line_column(b"ab", 3), None);
    }
}
