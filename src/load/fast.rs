//! A fast path for the plain YAML that submissions are written in.
//!
//! serde-saphyr reads a full YAML 1.2 stream with budgets and exact error places, at 6–11 MB/s
//! per core here, which made `check` of a thousand parties take seconds. Almost every file is
//! much simpler than YAML allows: block mappings and sequences indented with spaces, one-line
//! flow lists and mappings of scalars, plain and quoted one-line scalars, comments. This module
//! reads exactly that subset into a small tree and hands it to the same raw types through serde.
//!
//! It never decides anything the full parser would decide differently: at the first thing
//! outside the subset (anchors, aliases, tags, block scalars, multi-line scalars, tabs, CR,
//! a byte-order mark, document markers, duplicate or merge keys, nulls or booleans where text
//! is expected, unknown fields, a value of the wrong shape, very deep or very large files) it
//! gives up and `super::parse` reads the file again with serde-saphyr, which then reports the
//! problem with its code and place. A differential test (`tests/fastpath.rs`) holds the two
//! parsers to the same result on every file the fast path accepts.

use super::raw::{SPANNED_KEYS, SPANNED_NAME};
use serde::de::value::{BorrowedStrDeserializer, U32Deserializer};
use serde::de::{self, DeserializeOwned, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use std::borrow::Cow;

/// Reads `text` into `T` if it is inside the subset and has the shape `T` wants; `None` sends
/// the file to the full parser.
pub fn parse<T: DeserializeOwned>(text: &str) -> Option<T> {
    let root = Reader::new(text)?.document()?;
    T::deserialize(NodeDe(&root)).ok()
}

/// At most this many nodes per file, counted as the full parser counts them (keys too): far
/// above a real submission and just below the full parser's budget (`parse::MAX_NODES`,
/// 250,000), which decides for anything larger. A budget of 8,000 fully written lines is
/// ~210,000 nodes; at a cap of 100,000 it went to the full parser, ten times slower (0.6 s).
/// (A literal: `parse` uses this module, not the other way round; a test there keeps the two
/// apart by 10,000.)
pub(super) const MAX_NODES: usize = 240_000;
/// At most this deep (the full parser's limit is 64).
const MAX_DEPTH: usize = 32;

#[derive(Debug)]
enum Kind<'a> {
    Null,
    Plain(&'a str),
    Quoted(Cow<'a, str>),
    Seq(Vec<Node<'a>>),
    Map(Vec<(Node<'a>, Node<'a>)>),
}

#[derive(Debug)]
struct Node<'a> {
    kind: Kind<'a>,
    line: u32,
    column: u32,
}

/// One line: its text without the newline, and the number of leading spaces.
struct Line<'a> {
    text: &'a str,
    indent: usize,
    ascii: bool,
}

impl Line<'_> {
    /// Empty, only spaces, or only a comment.
    fn is_blank(&self) -> bool {
        let rest = &self.text[self.indent..];
        rest.is_empty() || rest.starts_with('#')
    }
}

struct Reader<'a> {
    lines: Vec<Line<'a>>,
    /// Current line.
    i: usize,
    /// Byte offset in the current line where the unread content starts.
    off: usize,
    nodes: usize,
}

/// Non-ASCII characters outside YAML's printable set, or with a meaning of their own.
fn not_plain_printable(c: char) -> bool {
    matches!(c, '\u{80}'..='\u{9f}' | '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}')
}

/// Characters that may not start a plain scalar in this subset (YAML indicators, and `-`,
/// which would need the full rules to tell a number from an entry).
fn bad_start(c: u8) -> bool {
    matches!(
        c,
        b'&' | b'*'
            | b'!'
            | b'|'
            | b'>'
            | b'%'
            | b'@'
            | b'`'
            | b'?'
            | b':'
            | b'-'
            | b','
            | b'['
            | b']'
            | b'{'
            | b'}'
            | b'#'
            | b'"'
            | b'\''
    )
}

impl<'a> Reader<'a> {
    fn new(text: &'a str) -> Option<Reader<'a>> {
        // Tabs, CR and every character YAML does not count as printable (or treats as a line
        // break in 1.1: NEL, LS, PS), and byte-order marks, go to the full parser.
        if text.bytes().any(|b| b == b'\t' || b == b'\r' || b < 0x20 && b != b'\n' || b == 0x7f)
            || (!text.is_ascii() && text.chars().any(not_plain_printable))
        {
            return None;
        }
        let mut lines = Vec::new();
        for text in text.split('\n') {
            if text.starts_with("---") || text.starts_with("...") || text.starts_with('%') {
                return None;
            }
            let indent = text.len() - text.trim_start_matches(' ').len();
            lines.push(Line { text, indent, ascii: text.is_ascii() });
        }
        Some(Reader { lines, i: 0, off: 0, nodes: 0 })
    }

    fn document(mut self) -> Option<Node<'a>> {
        self.skip_blank();
        if self.i >= self.lines.len() {
            return None;
        }
        let root = self.block_node(0)?;
        self.skip_blank();
        (self.i >= self.lines.len() && root.column == 1 && matches!(root.kind, Kind::Map(_))).then_some(root)
    }

    /// Moves past blank and comment-only lines, to the start of the next line with content.
    fn skip_blank(&mut self) {
        while self.i < self.lines.len() && self.lines[self.i].is_blank() {
            self.i += 1;
        }
        if self.i < self.lines.len() {
            self.off = self.lines[self.i].indent;
        }
    }

    fn rest(&self) -> &'a str {
        &self.lines[self.i].text[self.off..]
    }

    fn node(&mut self, kind: Kind<'a>, line: usize, off: usize) -> Option<Node<'a>> {
        self.nodes += 1;
        if self.nodes > MAX_NODES {
            return None;
        }
        let l = &self.lines[line];
        let column = if l.ascii { off } else { l.text[..off].chars().count() };
        Some(Node { kind, line: line as u32 + 1, column: column as u32 + 1 })
    }

    /// The block node starting at the current place (a mapping or a sequence).
    fn block_node(&mut self, depth: usize) -> Option<Node<'a>> {
        if depth > MAX_DEPTH {
            return None;
        }
        let rest = self.rest();
        if rest == "-" || rest.starts_with("- ") {
            self.block_seq(self.off, depth)
        } else if map_key_len(rest).is_some() {
            self.block_map(self.off, depth)
        } else {
            None
        }
    }

    /// Whether the next entry of a block collection at `indent` starts here: `Some(false)` at
    /// the end of the file or a line less indented (the collection ends), `None` (give up) for a
    /// line more indented than its siblings.
    fn entry_at(&self, indent: usize) -> Option<bool> {
        if self.i >= self.lines.len() || self.off < indent { Some(false) } else { (self.off == indent).then_some(true) }
    }

    fn block_map(&mut self, indent: usize, depth: usize) -> Option<Node<'a>> {
        let (line0, off0) = (self.i, self.off);
        let mut entries: Vec<(Node<'a>, Node<'a>)> = Vec::new();
        while self.entry_at(indent)? {
            let rest = self.rest();
            let klen = map_key_len(rest)?;
            let key_text = rest[..klen].trim_end_matches(' ');
            if key_text == "<<" || entries.iter().any(|(k, _)| matches!(k.kind, Kind::Plain(t) if t == key_text)) {
                return None;
            }
            let key = self.node(Kind::Plain(key_text), self.i, self.off)?;
            self.off += klen + 1;
            let value = self.value_after_indicator(indent, depth, false)?;
            entries.push((key, value));
        }
        self.node(Kind::Map(entries), line0, off0)
    }

    fn block_seq(&mut self, indent: usize, depth: usize) -> Option<Node<'a>> {
        let (line0, off0) = (self.i, self.off);
        let mut items = Vec::new();
        while self.entry_at(indent)? {
            let rest = self.rest();
            if !(rest == "-" || rest.starts_with("- ")) {
                // A sequence written at its key's indent ends at the next key.
                break;
            }
            self.off += 1;
            let item = self.value_after_indicator(indent, depth, true)?;
            items.push(item);
        }
        self.node(Kind::Seq(items), line0, off0)
    }

    /// The value after `key:` or `-` of an entry at `indent`; leaves the reader at the start of
    /// the next line with content.
    fn value_after_indicator(&mut self, indent: usize, depth: usize, dash: bool) -> Option<Node<'a>> {
        let line = self.lines[self.i].text;
        let after = &line[self.off..];
        let trimmed = after.trim_start_matches(' ');
        if trimmed.is_empty() || (trimmed.starts_with('#') && trimmed.len() < after.len()) {
            // Nothing on this line: a nested block, a sequence at the key's own indent, or null.
            let (here_line, here_off) = (self.i, self.off);
            self.i += 1;
            self.skip_blank();
            if self.i < self.lines.len() {
                let rest = self.rest();
                let is_seq = rest == "-" || rest.starts_with("- ");
                if self.off > indent || (self.off == indent && is_seq) {
                    return self.block_node(depth + 1);
                }
            }
            return self.node(Kind::Null, here_line, here_off);
        }
        if after.len() == trimmed.len() {
            return None; // `key:x` or `-x`
        }
        self.off = line.len() - trimmed.len();
        let first = trimmed.as_bytes()[0];
        // An entry of a block sequence that is itself a mapping: `- id: x` and the lines below.
        // (After `key:` such a line is an error; the full parser reports it.)
        if map_key_len(trimmed).is_some() {
            return if dash { self.block_map(self.off, depth + 1) } else { None };
        }
        if trimmed == "-" || trimmed.starts_with("- ") {
            return None; // `- - x`
        }
        if matches!(first, b'|' | b'>') {
            let value = self.block_scalar(trimmed, indent)?;
            return (self.i >= self.lines.len() || self.off <= indent).then_some(value);
        }
        let (value, used) = match first {
            b'[' | b'{' => self.flow(trimmed, depth + 1)?,
            _ => self.scalar(trimmed, false)?,
        };
        // Only spaces and a comment may follow on the line.
        let tail = &trimmed[used..];
        let tail_trim = tail.trim_start_matches(' ');
        if !(tail_trim.is_empty() || (tail_trim.starts_with('#') && tail_trim.len() < tail.len())) {
            return None;
        }
        self.i += 1;
        self.skip_blank();
        // A deeper line after a scalar would continue it (a multi-line scalar) or be an error.
        if self.i < self.lines.len() && self.off > indent {
            return None;
        }
        Some(value)
    }

    /// A literal (`|`, `|-`) or folded (`>`, `>-`) block scalar whose lines all have the same
    /// indent, without leading blank lines (so its first line of content is the next line) or
    /// trailing spaces; leaves the reader at the next line with content.
    fn block_scalar(&mut self, s: &'a str, indent: usize) -> Option<Node<'a>> {
        let literal = s.starts_with('|');
        let (strip, header) = match s.as_bytes().get(1) {
            Some(b'-') => (true, 2),
            Some(b'+' | b'0'..=b'9') => return None,
            _ => (false, 1),
        };
        let tail = &s[header..];
        let tail_trim = tail.trim_start_matches(' ');
        if !(tail_trim.is_empty() || (tail_trim.starts_with('#') && tail_trim.len() < tail.len())) {
            return None;
        }
        let mut parts: Vec<&str> = Vec::new();
        let mut content_indent = None;
        let mut j = self.i + 1;
        // serde-saphyr places a block scalar at its first line of content.
        let first_line = j;
        while j < self.lines.len() {
            let l = &self.lines[j];
            if l.indent == l.text.len() {
                if content_indent.is_none_or(|m| l.text.len() > m) {
                    return None; // a leading blank line, or spaces beyond the indent
                }
                parts.push("");
                j += 1;
                continue;
            }
            let m = *content_indent.get_or_insert(l.indent);
            if l.indent < m {
                break;
            }
            // More indented lines, trailing spaces, or a last line without its line break
            // (which clipping would then not add) are left to the full parser.
            if l.indent > m || l.text.ends_with(' ') || j + 1 == self.lines.len() {
                return None;
            }
            parts.push(&l.text[m..]);
            j += 1;
        }
        if content_indent? <= indent {
            return None;
        }
        while parts.last() == Some(&"") {
            parts.pop();
        }
        let mut out = String::new();
        let mut blank_run = 0;
        for (k, p) in parts.iter().enumerate() {
            if p.is_empty() {
                blank_run += 1;
                continue;
            }
            if k > 0 {
                if literal || blank_run == 0 {
                    out.push(if literal { '\n' } else { ' ' });
                }
                out.extend(std::iter::repeat_n('\n', blank_run));
            }
            out.push_str(p);
            blank_run = 0;
        }
        if !strip {
            out.push('\n');
        }
        let node = self.node(Kind::Quoted(Cow::Owned(out)), first_line, content_indent?)?;
        self.i = j;
        self.skip_blank();
        Some(node)
    }

    /// A one-line scalar at the start of `s` (in flow context when `flow`): the node and the
    /// bytes it used.
    fn scalar(&mut self, s: &'a str, flow: bool) -> Option<(Node<'a>, usize)> {
        let (line, off) = (self.i, self.lines[self.i].text.len() - s.len());
        match s.as_bytes()[0] {
            b'"' => {
                let (text, used) = double_quoted(s)?;
                Some((self.node(Kind::Quoted(text), line, off)?, used))
            }
            b'\'' => {
                let (text, used) = single_quoted(s)?;
                Some((self.node(Kind::Quoted(text), line, off)?, used))
            }
            // `-` starts an entry or a plain scalar; only a negative number (`-85000`) is taken.
            b'-' if s.as_bytes().get(1).is_some_and(u8::is_ascii_digit) => self.plain(s, flow, line, off),
            c if bad_start(c) => None,
            _ => self.plain(s, flow, line, off),
        }
    }

    /// A plain one-line scalar at the start of `s`.
    fn plain(&mut self, s: &'a str, flow: bool, line: usize, off: usize) -> Option<(Node<'a>, usize)> {
        let end = if flow { s.find([',', ']', '}']).unwrap_or(s.len()) } else { s.find(" #").unwrap_or(s.len()) };
        let text = s[..end].trim_end_matches(' ');
        if text.is_empty()
            || text.ends_with(':')
            || text.contains(": ")
            || (flow && text.contains([':', '#', '[', '{', '"', '\'']))
        {
            return None;
        }
        Some((self.node(Kind::Plain(text), line, off)?, text.len()))
    }

    /// A flow sequence or mapping of scalars that closes on the same line.
    fn flow(&mut self, s: &'a str, depth: usize) -> Option<(Node<'a>, usize)> {
        if depth > MAX_DEPTH {
            return None;
        }
        let (line, off) = (self.i, self.lines[self.i].text.len() - s.len());
        let is_map = s.starts_with('{');
        let close = if is_map { '}' } else { ']' };
        let mut pos = 1;
        let mut items = Vec::new();
        let mut entries = Vec::new();
        let skip = |p: usize| p + s[p..].len() - s[p..].trim_start_matches(' ').len();
        pos = skip(pos);
        if s[pos..].starts_with(close) {
            pos += 1;
        } else {
            loop {
                if is_map {
                    let rest = &s[pos..];
                    let klen = rest.find(':')?;
                    let key = &rest[..klen];
                    if key.is_empty()
                        || bad_start(key.as_bytes()[0])
                        || key.contains([',', '[', ']', '{', '}', '#', '"', '\''])
                        || key.ends_with(' ')
                        || !rest[klen + 1..].starts_with(' ')
                        || entries.iter().any(|(k, _): &(Node, Node)| matches!(k.kind, Kind::Plain(t) if t == key))
                    {
                        return None;
                    }
                    let key_node = self.node(Kind::Plain(key), line, off + pos)?;
                    pos = skip(pos + klen + 1);
                    let (value, used) = self.flow_item(&s[pos..])?;
                    pos = skip(pos + used);
                    entries.push((key_node, value));
                } else {
                    let (value, used) = self.flow_item(&s[pos..])?;
                    pos = skip(pos + used);
                    items.push(value);
                }
                match s.as_bytes().get(pos) {
                    Some(b',') => {
                        pos = skip(pos + 1);
                        if s[pos..].starts_with(close) {
                            return None; // a trailing comma
                        }
                    }
                    Some(&c) if c as char == close => {
                        pos += 1;
                        break;
                    }
                    _ => return None,
                }
            }
        }
        let kind = if is_map { Kind::Map(entries) } else { Kind::Seq(items) };
        Some((self.node(kind, line, off)?, pos))
    }

    fn flow_item(&mut self, s: &'a str) -> Option<(Node<'a>, usize)> {
        if s.is_empty() || matches!(s.as_bytes()[0], b'[' | b'{') {
            return None;
        }
        self.scalar(s, true)
    }
}

/// The length of the key of `key: value` (or `key:` at the end of the line) at the start of `s`,
/// for a plain key; `None` when `s` does not start with such a key.
fn map_key_len(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    if b.is_empty() || bad_start(b[0]) {
        return None;
    }
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b':' if i + 1 == b.len() || b[i + 1] == b' ' => return Some(i),
            b'#' if b[i - 1] == b' ' => return None,
            _ => i += 1,
        }
    }
    None
}

/// A double-quoted scalar closing on this line, with the simple escapes only.
fn double_quoted(s: &str) -> Option<(Cow<'_, str>, usize)> {
    let body = &s[1..];
    let end = body.find(['"', '\\'])?;
    if body.as_bytes()[end] == b'"' {
        return Some((Cow::Borrowed(&body[..end]), end + 2));
    }
    let mut out = String::with_capacity(body.len());
    let mut chars = body.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Some((Cow::Owned(out), i + 2)),
            '\\' => {
                let (_, e) = chars.next()?;
                match e {
                    '\\' => out.push('\\'),
                    '"' => out.push('"'),
                    '/' => out.push('/'),
                    'n' => out.push('\n'),
                    't' => out.push('\t'),
                    'u' => {
                        let hex: String = (0..4).map(|_| chars.next().map(|(_, h)| h)).collect::<Option<_>>()?;
                        out.push(char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?);
                    }
                    _ => return None,
                }
            }
            c => out.push(c),
        }
    }
    None
}

/// A single-quoted scalar closing on this line (`''` is a quote).
fn single_quoted(s: &str) -> Option<(Cow<'_, str>, usize)> {
    let body = &s[1..];
    let mut out: Option<String> = None;
    let mut i = 0;
    let b = body.as_bytes();
    while i < b.len() {
        if b[i] == b'\'' {
            if b.get(i + 1) == Some(&b'\'') {
                out.get_or_insert_with(|| body[..i].to_string());
                out.as_mut()?.push('\'');
                i += 2;
                continue;
            }
            let text = match out {
                Some(o) => Cow::Owned(o),
                None => Cow::Borrowed(&body[..i]),
            };
            return Some((text, i + 2));
        }
        let c = body[i..].chars().next()?;
        if let Some(o) = out.as_mut() {
            o.push(c);
        }
        i += c.len_utf8();
    }
    None
}

/// Why the fast path gave up (never shown: the full parser reads the file instead).
#[derive(Debug)]
struct Bail;

impl std::fmt::Display for Bail {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("outside the fast subset")
    }
}

impl std::error::Error for Bail {}

impl de::Error for Bail {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        Bail
    }
}

fn is_nullish(s: &str) -> bool {
    matches!(s, "~" | "null" | "Null" | "NULL")
}

/// Plain words YAML 1.1 readers take for booleans; text that looks like one goes to the full
/// parser so that its policy decides. (`Y` and `y` are not among them: under the strict
/// booleans of `super::parse` they are text, and the calendar's `jaar: Y` is written so.)
fn is_boolish(s: &str) -> bool {
    matches!(
        s,
        "yes"
            | "Yes"
            | "YES"
            | "n"
            | "N"
            | "no"
            | "No"
            | "NO"
            | "true"
            | "True"
            | "TRUE"
            | "false"
            | "False"
            | "FALSE"
            | "on"
            | "On"
            | "ON"
            | "off"
            | "Off"
            | "OFF"
    )
}

struct NodeDe<'n, 'a>(&'n Node<'a>);

impl<'n, 'a> NodeDe<'n, 'a> {
    fn text(&self) -> Result<&'n str, Bail> {
        match &self.0.kind {
            Kind::Plain(t) if !is_nullish(t) && !is_boolish(t) => Ok(t),
            Kind::Quoted(t) => Ok(t),
            _ => Err(Bail),
        }
    }

    fn integer(&self) -> Result<i64, Bail> {
        match self.0.kind {
            Kind::Plain(t)
                if !t.is_empty()
                    && t.len() <= 18
                    && t.bytes().all(|b| b.is_ascii_digit())
                    && (t == "0" || !t.starts_with('0')) =>
            {
                t.parse().map_err(|_| Bail)
            }
            _ => Err(Bail),
        }
    }
}

macro_rules! bail {
    ($($name:ident)*) => {$(
        fn $name<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Bail> {
            Err(Bail)
        }
    )*};
}

impl<'de> Deserializer<'de> for NodeDe<'_, '_> {
    type Error = Bail;

    fn deserialize_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Bail> {
        match &self.0.kind {
            Kind::Null => v.visit_unit(),
            Kind::Plain(_) | Kind::Quoted(_) => v.visit_str(self.text()?),
            Kind::Seq(_) => self.deserialize_seq(v),
            Kind::Map(_) => self.deserialize_map(v),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Bail> {
        match self.0.kind {
            Kind::Null => v.visit_none(),
            Kind::Plain(t) if is_nullish(t) => v.visit_none(),
            _ => v.visit_some(self),
        }
    }

    fn deserialize_str<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Bail> {
        v.visit_str(self.text()?)
    }

    fn deserialize_string<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Bail> {
        v.visit_str(self.text()?)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Bail> {
        v.visit_str(self.text()?)
    }

    fn deserialize_bool<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Bail> {
        match self.0.kind {
            Kind::Plain("true") => v.visit_bool(true),
            Kind::Plain("false") => v.visit_bool(false),
            _ => Err(Bail),
        }
    }

    fn deserialize_i64<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Bail> {
        v.visit_i64(self.integer()?)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Bail> {
        match &self.0.kind {
            Kind::Seq(items) => v.visit_seq(Items(items.iter())),
            _ => Err(Bail),
        }
    }

    fn deserialize_map<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Bail> {
        match &self.0.kind {
            Kind::Map(entries) => v.visit_map(Entries { it: entries.iter(), value: None }),
            _ => Err(Bail),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, Bail> {
        self.deserialize_map(v)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, name: &'static str, v: V) -> Result<V::Value, Bail> {
        if name == SPANNED_NAME { v.visit_map(Place { node: self.0, step: 0 }) } else { v.visit_newtype_struct(self) }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Bail> {
        v.visit_unit()
    }

    bail! {
        deserialize_i8 deserialize_i16 deserialize_i32 deserialize_u8 deserialize_u16 deserialize_u32
        deserialize_u64 deserialize_f32 deserialize_f64 deserialize_char deserialize_bytes
        deserialize_byte_buf deserialize_unit
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(self, _: &'static str, _: V) -> Result<V::Value, Bail> {
        Err(Bail)
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _: usize, _: V) -> Result<V::Value, Bail> {
        Err(Bail)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(self, _: &'static str, _: usize, _: V) -> Result<V::Value, Bail> {
        Err(Bail)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Bail> {
        Err(Bail)
    }
}

struct Items<'n, 'a>(std::slice::Iter<'n, Node<'a>>);

impl<'de> SeqAccess<'de> for Items<'_, '_> {
    type Error = Bail;
    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, Bail> {
        self.0.next().map(|n| seed.deserialize(NodeDe(n))).transpose()
    }
    fn size_hint(&self) -> Option<usize> {
        Some(self.0.len())
    }
}

struct Entries<'n, 'a> {
    it: std::slice::Iter<'n, (Node<'a>, Node<'a>)>,
    value: Option<&'n Node<'a>>,
}

impl<'de> MapAccess<'de> for Entries<'_, '_> {
    type Error = Bail;
    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, Bail> {
        match self.it.next() {
            Some((k, v)) => {
                self.value = Some(v);
                seed.deserialize(NodeDe(k)).map(Some)
            }
            None => Ok(None),
        }
    }
    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Bail> {
        seed.deserialize(NodeDe(self.value.take().ok_or(Bail)?))
    }
}

/// The map by which a `Spanned` receives its place and value (see `raw::Spanned`).
struct Place<'n, 'a> {
    node: &'n Node<'a>,
    step: usize,
}

impl<'de> MapAccess<'de> for Place<'_, '_> {
    type Error = Bail;
    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, Bail> {
        match SPANNED_KEYS.get(self.step) {
            Some(k) => seed.deserialize(BorrowedStrDeserializer::<Bail>::new(k)).map(Some),
            None => Ok(None),
        }
    }
    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Bail> {
        self.step += 1;
        match self.step {
            1 => seed.deserialize(U32Deserializer::<Bail>::new(self.node.line)),
            2 => seed.deserialize(U32Deserializer::<Bail>::new(self.node.column)),
            3 => seed.deserialize(NodeDe(self.node)),
            _ => Err(Bail),
        }
    }
}
