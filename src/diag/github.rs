//! The open findings as GitHub Actions workflow commands (contract §15): one
//! `::error file=…,line=…,col=…,title=<code>::<message>` (or `::warning`) per finding, so that a
//! workflow shows them as annotations at their lines. Accepted findings (§12) are left out.

use super::diagnostic::Diagnostics;
use super::root::Root;
use crate::codes::Severity;
use std::fmt::Write as _;

/// Renders one workflow command per open finding; the path is the data root as given joined
/// with the file, so that it resolves from the directory the check runs in.
pub fn render_github(diags: &Diagnostics, root: Root) -> String {
    let mut out = String::new();
    for d in diags.items().iter().filter(|d| d.aanvaard.is_none()) {
        let command = match d.severity() {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut props: Vec<String> = Vec::new();
        if let Some(file) = &d.file {
            props.push(format!("file={}", property(&root.path(file))));
            if let (Some(p), None) = (d.pos, &d.cel) {
                props.push(format!("line={}", p.line.max(1)));
                props.push(format!("col={}", p.column.max(1)));
            }
        }
        props.push(format!("title={}", property(d.code.as_str())));
        // A cell of a workbook has no line: its name goes before the message.
        let text = match &d.cel {
            Some(cel) => format!("{cel}: {}", d.message),
            None => d.message.clone(),
        };
        let _ = writeln!(out, "::{command} {}::{}", props.join(","), data(&text));
    }
    out
}

/// A message escaped as GitHub's runner reads it back: `%`, CR and LF.
fn data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// A property value escaped: as a message, and `:` and `,` as well.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::{Accepted, Code, Diagnostic, Pos};
    use std::path::Path;

    #[test]
    fn one_command_per_open_finding_escaped() {
        let mut ds = Diagnostics::new();
        ds.push(Diagnostic::new(Code::E304, "20,0% te veel:\nzie regel").at("2025/a,b/c.yaml", Pos::new(7, 13)));
        let mut w = Diagnostic::new(Code::W504, "aanvaard").in_file("stelsel.yaml");
        w.aanvaard = Some(Accepted { reden: "x".into(), line: 2 });
        ds.push(w);
        ds.push(Diagnostic::new(Code::W401, "te laat").in_file("2025/a/plan.yaml"));
        ds.finish();
        let text = render_github(&ds, Root::new(Path::new("./data")));
        assert_eq!(
            text,
            "::error file=data/2025/a%2Cb/c.yaml,line=7,col=13,title=E304::20,0%25 te veel:%0Azie regel\n\
             ::warning file=data/2025/a/plan.yaml,title=W401::te laat\n"
        );
    }
}
