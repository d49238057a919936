//! A finding as a value: code, place, subject (party and year), message and hint; and the
//! list of findings of one run.

use crate::codes::{Code, Severity};
pub use crate::model::{Pos, Sources};

/// A piece of a message: text, or a reference to a party, which a terminal shows as its id in
/// backticks and a board document as the party's name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Part {
    /// Literal text.
    Text(String),
    /// A party id (in backticks at a terminal).
    Party(String),
    /// A party id in a list such as a reporting line (without backticks at a terminal).
    Member(String),
    /// A perspective id (in backticks at a terminal, by name in a document).
    Perspective(String),
}

/// Display names for a message in a document.
pub trait Names {
    /// A party's name.
    fn party(&self, id: &str) -> String;
    /// A perspective's name.
    fn perspective(&self, id: &str) -> String;
    /// What an id in backticks stands for in words (a budget line's or a result's
    /// omschrijving), so that a board document never shows the id itself; `None` to keep the
    /// id's text (without backticks).
    fn term(&self, _id: &str) -> Option<String> {
        None
    }
}

impl From<&str> for Part {
    fn from(s: &str) -> Part {
        Part::Text(s.to_string())
    }
}

impl From<String> for Part {
    fn from(s: String) -> Part {
        Part::Text(s)
    }
}

/// A message as parts (see [`Part`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Message(pub Vec<Part>);

impl Message {
    /// The text for a terminal and for JSON: party ids in backticks.
    pub fn technical(&self) -> String {
        let mut out = String::new();
        for p in &self.0 {
            match p {
                Part::Text(t) | Part::Member(t) => out.push_str(t),
                Part::Party(id) | Part::Perspective(id) => {
                    out.push('`');
                    out.push_str(id);
                    out.push('`');
                }
            }
        }
        out
    }

    /// The text for a document: parties and perspectives by name, and the backticks that mark
    /// ids and field names at a terminal left out.
    pub fn for_board(&self, names: &dyn Names) -> String {
        let mut out = String::new();
        for p in &self.0 {
            match p {
                Part::Text(t) => {
                    // `id` spans: in words where the names know them, else the bare text.
                    for (i, piece) in t.split('`').enumerate() {
                        match names.term(piece).filter(|_| i % 2 == 1) {
                            Some(words) => out.push_str(&format!("„{words}”")),
                            None => out.push_str(piece),
                        }
                    }
                }
                Part::Party(id) | Part::Member(id) => out.push_str(&names.party(id)),
                Part::Perspective(id) => out.push_str(&names.perspective(id)),
            }
        }
        out
    }
}

/// One finding: what, where, about whom, and what to do about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// The contract code.
    pub code: Code,
    /// The file, relative to the data root with forward slashes; `None` where no file applies.
    pub file: Option<String>,
    /// The place in the file; `None` where no place applies (e.g. a missing file). In a
    /// workbook (`jaarcyclus import`): the row and the column number of the cell.
    pub pos: Option<Pos>,
    /// In a workbook: the cell as a spreadsheet names it, `Begroting!F7`.
    pub cel: Option<String>,
    /// The party the finding is about (contract §9): the party whose file it is in, or the party
    /// an agreement, reporting line or calendar finding names; `None` for a perspective, a
    /// meeting or the construct as a whole.
    pub organisatie: Option<String>,
    /// The cycle year the finding is about, if any.
    pub jaar: Option<i32>,
    /// The Dutch message, specific to this finding, as a terminal shows it.
    pub message: String,
    /// The same message in parts, for documents that name parties by name.
    pub text: Message,
    /// What to do, in Dutch.
    pub hint: Option<String>,
    /// Accepted by an entry of aanvaard.yaml (contract §12): then it is shown apart and does
    /// not count as a warning.
    pub aanvaard: Option<Accepted>,
}

/// The acceptance of a finding: the entry's reason and its line in aanvaard.yaml.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Accepted {
    /// Why the board accepted it.
    pub reden: String,
    /// The entry's line in aanvaard.yaml.
    pub line: u32,
}

impl Diagnostic {
    /// A finding without a place yet.
    pub fn new(code: Code, message: impl Into<String>) -> Diagnostic {
        Diagnostic::parts(code, Message(vec![Part::Text(message.into())]))
    }

    /// A finding from a message in parts.
    pub fn parts(code: Code, text: Message) -> Diagnostic {
        Diagnostic {
            code,
            file: None,
            pos: None,
            cel: None,
            organisatie: None,
            jaar: None,
            message: text.technical(),
            text,
            hint: None,
            aanvaard: None,
        }
    }

    /// Says which party and cycle year the finding is about (overrides what the file implies).
    pub fn about(mut self, organisatie: Option<&str>, jaar: Option<i32>) -> Diagnostic {
        self.organisatie = organisatie.map(str::to_string);
        self.jaar = jaar;
        self
    }

    /// Adds the hint.
    pub fn hint(mut self, hint: impl Into<String>) -> Diagnostic {
        self.hint = Some(hint.into());
        self
    }

    /// Places the finding in a file at a position.
    pub fn at(self, file: &str, pos: Pos) -> Diagnostic {
        let mut d = self.in_file(file);
        d.pos = Some(pos);
        d
    }

    /// Places the finding at a cell of a workbook: `sheet` and 1-based `row` and `column`.
    pub fn at_cell(mut self, file: &str, sheet: &str, row: u32, column: u32) -> Diagnostic {
        self.file = Some(file.to_string());
        self.pos = Some(Pos::new(row, column));
        self.cel = Some(cell_name(sheet, row, column));
        self
    }

    /// Places the finding in a file without a position (e.g. a missing file). A file of a
    /// party's folder, `<Y>/<org>/…`, makes the finding about that party and year unless
    /// [`Diagnostic::about`] said otherwise.
    pub fn in_file(mut self, file: &str) -> Diagnostic {
        if self.organisatie.is_none()
            && self.jaar.is_none()
            && let Some((y, org)) = crate::layout::party_of(file)
        {
            self.organisatie = Some(org.to_string());
            self.jaar = Some(y);
        }
        self.file = Some(file.to_string());
        self
    }

    /// The severity of its code.
    pub fn severity(&self) -> Severity {
        self.code.severity()
    }

    fn sort_key(&self) -> (bool, &str, Option<&str>, Option<Pos>, Code, &str) {
        // In a workbook: by sheet, then row and column.
        let sheet = self.cel.as_deref().and_then(|c| c.rsplit_once('!')).map(|(sheet, _)| sheet);
        (self.file.is_none(), self.file.as_deref().unwrap_or(""), sheet, self.pos, self.code, &self.message)
    }
}

/// A cell as a spreadsheet names it: `Begroting!F7`, `'Risico''s'!A3`.
pub fn cell_name(sheet: &str, row: u32, column: u32) -> String {
    let plain = sheet.chars().all(|c| c.is_alphanumeric() || c == '_');
    let sheet = if plain { sheet.to_string() } else { format!("'{}'", sheet.replace('\'', "''")) };
    format!("{sheet}!{}{row}", column_letters(column))
}

/// The letters of a 1-based column number: 1 → A, 27 → AA, 16384 → XFD.
pub fn column_letters(mut column: u32) -> String {
    let mut out = Vec::new();
    while column > 0 {
        let rem = (column - 1) % 26;
        out.push(b'A' + rem as u8);
        column = (column - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).expect("ASCII letters")
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

    /// The number of warnings not accepted (contract §12: an accepted finding does not count).
    pub fn warnings(&self) -> usize {
        self.items.iter().filter(|d| d.severity() == Severity::Warning && d.aanvaard.is_none()).count()
    }

    /// The number of accepted findings.
    pub fn accepted(&self) -> usize {
        self.items.iter().filter(|d| d.aanvaard.is_some()).count()
    }

    /// The findings, to mark accepted ones.
    pub fn items_mut(&mut self) -> &mut [Diagnostic] {
        &mut self.items
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

/// The accepted findings among `ds`, grouped by the entry of aanvaard.yaml that accepted them
/// (its line), in order of first appearance.
pub fn accepted_by_entry<'a>(ds: impl IntoIterator<Item = &'a Diagnostic>) -> Vec<Vec<&'a Diagnostic>> {
    let mut groups: Vec<Vec<&Diagnostic>> = Vec::new();
    // Each group found by its (code, entry line), not by a scan of the groups so far.
    let mut at: std::collections::HashMap<(&str, u32), usize> = std::collections::HashMap::new();
    for d in ds {
        let Some(a) = &d.aanvaard else { continue };
        match at.entry((d.code.as_str(), a.line)) {
            std::collections::hash_map::Entry::Occupied(e) => groups[*e.get()].push(d),
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(groups.len());
                groups.push(vec![d]);
            }
        }
    }
    groups
}
