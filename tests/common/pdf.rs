//! Reading the PDFs the program writes, in Rust (on `lopdf`), so that the tests need no system
//! program: the text as rows laid out on the page (for tables), the outline (bookmarks) and the
//! fonts used. A small text interpreter for what typst writes: Type0/Identity-H fonts with
//! `ToUnicode` and `W` widths, simple fonts, text and graphics state, form XObjects.
#![allow(dead_code)]

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object};
use std::collections::HashMap;
use std::path::Path;

/// An affine matrix `[a b c d e f]`, PDF's row-vector convention.
type M = [f64; 6];

const ID: M = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// `m1 × m2`.
fn mul(m1: M, m2: M) -> M {
    [
        m1[0] * m2[0] + m1[1] * m2[2],
        m1[0] * m2[1] + m1[1] * m2[3],
        m1[2] * m2[0] + m1[3] * m2[2],
        m1[2] * m2[1] + m1[3] * m2[3],
        m1[4] * m2[0] + m1[5] * m2[2] + m2[4],
        m1[4] * m2[1] + m1[5] * m2[3] + m2[5],
    ]
}

/// One glyph as placed on a page: position from the top left, where it ends, size, text.
#[derive(Clone, Debug)]
struct Glyph {
    /// Set at an angle (the diagonal CONCEPT mark): kept apart from the rows.
    rotated: bool,
    x: f64,
    y: f64,
    end: f64,
    size: f64,
    text: String,
}

/// What a font tells: how to cut a string into codes, their widths and their text.
struct Font {
    two_bytes: bool,
    widths: HashMap<u32, f64>,
    default_width: f64,
    unicode: HashMap<u32, String>,
}

fn num(o: &Object) -> f64 {
    match o {
        Object::Integer(i) => *i as f64,
        Object::Real(r) => f64::from(*r),
        _ => 0.0,
    }
}

fn deref<'a>(doc: &'a Document, o: &'a Object) -> &'a Object {
    doc.dereference(o).map(|(_, o)| o).unwrap_or(o)
}

fn dict<'a>(doc: &'a Document, d: &'a Dictionary, key: &[u8]) -> Option<&'a Dictionary> {
    d.get(key).ok().map(|o| deref(doc, o)).and_then(|o| o.as_dict().ok())
}

fn array<'a>(doc: &'a Document, d: &'a Dictionary, key: &[u8]) -> Vec<&'a Object> {
    match d.get(key).ok().map(|o| deref(doc, o)) {
        Some(Object::Array(a)) => a.iter().map(|o| deref(doc, o)).collect(),
        _ => Vec::new(),
    }
}

fn hex(s: &str) -> Vec<u8> {
    let digits: Vec<u8> = s.bytes().filter(u8::is_ascii_hexdigit).collect();
    digits.chunks(2).map(|c| u8::from_str_radix(std::str::from_utf8(c).unwrap_or("0"), 16).unwrap_or(0)).collect()
}

fn code(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0, |acc, b| (acc << 8) | u32::from(*b))
}

fn utf16(bytes: &[u8]) -> String {
    let units: Vec<u16> = bytes.chunks(2).map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)])).collect();
    String::from_utf16_lossy(&units)
}

/// The `bfchar` and `bfrange` entries of a ToUnicode CMap.
fn to_unicode(text: &str) -> HashMap<u32, String> {
    let mut out = HashMap::new();
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let mut i = 0;
    let hexes = |t: &str| t.starts_with('<') && t.ends_with('>');
    while i < tokens.len() {
        match tokens[i] {
            "beginbfchar" => {
                i += 1;
                while i + 1 < tokens.len() && tokens[i] != "endbfchar" {
                    out.insert(code(&hex(tokens[i])), utf16(&hex(tokens[i + 1])));
                    i += 2;
                }
            }
            "beginbfrange" => {
                i += 1;
                while i + 2 < tokens.len() && tokens[i] != "endbfrange" {
                    let (lo, hi) = (code(&hex(tokens[i])), code(&hex(tokens[i + 1])));
                    if hexes(tokens[i + 2]) {
                        let start = hex(tokens[i + 2]);
                        for (k, c) in (lo..=hi).enumerate() {
                            let mut dst = start.clone();
                            if let Some(last) = dst.last_mut() {
                                *last = last.wrapping_add(k as u8);
                            }
                            out.insert(c, utf16(&dst));
                        }
                        i += 3;
                    } else {
                        // `[<a> <b> …]`: one destination per code.
                        let mut j = i + 2;
                        let mut c = lo;
                        while j < tokens.len() {
                            let t = tokens[j].trim_start_matches('[').trim_end_matches(']');
                            if !t.is_empty() {
                                out.insert(c, utf16(&hex(t)));
                                c += 1;
                            }
                            if tokens[j].ends_with(']') {
                                break;
                            }
                            j += 1;
                        }
                        i = j + 1;
                    }
                }
            }
            _ => i += 1,
        }
    }
    out
}

fn font(doc: &Document, f: &Dictionary) -> Font {
    let unicode = f
        .get(b"ToUnicode")
        .ok()
        .and_then(|o| deref(doc, o).as_stream().ok())
        .and_then(|s| s.decompressed_content().ok().or_else(|| Some(s.content.clone())))
        .map(|b| to_unicode(&String::from_utf8_lossy(&b)))
        .unwrap_or_default();
    let mut widths = HashMap::new();
    let subtype = f.get(b"Subtype").and_then(|s| s.as_name()).unwrap_or(b"");
    if subtype == b"Type0" {
        let desc = array(doc, f, b"DescendantFonts");
        let cid = desc.first().and_then(|o| o.as_dict().ok());
        let dw = cid.and_then(|c| c.get(b"DW").ok()).map(num).unwrap_or(1000.0);
        let w = cid.map(|c| array(doc, c, b"W")).unwrap_or_default();
        let mut i = 0;
        while i < w.len() {
            let first = num(w[i]) as u32;
            match w.get(i + 1) {
                Some(Object::Array(list)) => {
                    for (k, x) in list.iter().enumerate() {
                        widths.insert(first + k as u32, num(deref(doc, x)));
                    }
                    i += 2;
                }
                Some(last) => {
                    let width = w.get(i + 2).map(|o| num(o)).unwrap_or(0.0);
                    for c in first..=(num(last) as u32) {
                        widths.insert(c, width);
                    }
                    i += 3;
                }
                None => break,
            }
        }
        return Font { two_bytes: true, widths, default_width: dw, unicode };
    }
    let first = f.get(b"FirstChar").map(num).unwrap_or(0.0) as u32;
    for (k, x) in array(doc, f, b"Widths").iter().enumerate() {
        widths.insert(first + k as u32, num(x));
    }
    Font { two_bytes: false, widths, default_width: 0.0, unicode }
}

/// The text state of the interpreter.
#[derive(Clone)]
struct State {
    ctm: M,
    font: Option<Vec<u8>>,
    size: f64,
    char_spacing: f64,
    word_spacing: f64,
    scaling: f64,
    leading: f64,
    rise: f64,
}

struct Page<'a> {
    doc: &'a Document,
    height: f64,
    fonts: HashMap<Vec<u8>, Font>,
    glyphs: Vec<Glyph>,
}

impl Page<'_> {
    fn run(&mut self, content: &[u8], resources: Option<&Dictionary>, mut gs: State) {
        let doc = self.doc;
        let Ok(content) = Content::decode(content) else { return };
        if let Some(fonts) = resources.and_then(|r| dict(doc, r, b"Font")) {
            for (name, f) in fonts.iter() {
                if let Ok(f) = deref(doc, f).as_dict() {
                    let parsed = font(doc, f);
                    self.fonts.insert(name.clone(), parsed);
                }
            }
        }
        let mut stack: Vec<State> = Vec::new();
        let (mut tm, mut tlm) = (ID, ID);
        for op in &content.operations {
            let o = &op.operands;
            let n = |i: usize| o.get(i).map(num).unwrap_or(0.0);
            match op.operator.as_str() {
                "q" => stack.push(gs.clone()),
                "Q" => gs = stack.pop().unwrap_or(gs),
                "cm" => gs.ctm = mul([n(0), n(1), n(2), n(3), n(4), n(5)], gs.ctm),
                "BT" => (tm, tlm) = (ID, ID),
                "Tf" => {
                    gs.font = o.first().and_then(|f| f.as_name().ok()).map(<[u8]>::to_vec);
                    gs.size = n(1);
                }
                "Tc" => gs.char_spacing = n(0),
                "Tw" => gs.word_spacing = n(0),
                "Tz" => gs.scaling = n(0) / 100.0,
                "TL" => gs.leading = n(0),
                "Ts" => gs.rise = n(0),
                "Tm" => {
                    tlm = [n(0), n(1), n(2), n(3), n(4), n(5)];
                    tm = tlm;
                }
                "Td" | "TD" => {
                    if op.operator == "TD" {
                        gs.leading = -n(1);
                    }
                    tlm = mul([1.0, 0.0, 0.0, 1.0, n(0), n(1)], tlm);
                    tm = tlm;
                }
                "T*" => {
                    tlm = mul([1.0, 0.0, 0.0, 1.0, 0.0, -gs.leading], tlm);
                    tm = tlm;
                }
                "Tj" | "'" | "\"" => {
                    if op.operator != "Tj" {
                        tlm = mul([1.0, 0.0, 0.0, 1.0, 0.0, -gs.leading], tlm);
                        tm = tlm;
                    }
                    if let Some(Object::String(s, _)) = o.last() {
                        self.show(s, &gs, &mut tm);
                    }
                }
                "TJ" => {
                    if let Some(Object::Array(items)) = o.first() {
                        for item in items {
                            match item {
                                Object::String(s, _) => self.show(s, &gs, &mut tm),
                                other => {
                                    let tx = -num(other) / 1000.0 * gs.size * gs.scaling;
                                    tm = mul([1.0, 0.0, 0.0, 1.0, tx, 0.0], tm);
                                }
                            }
                        }
                    }
                }
                "Do" => {
                    let name = o.first().and_then(|x| x.as_name().ok());
                    let xobjects = resources.and_then(|r| dict(doc, r, b"XObject"));
                    let stream = name
                        .and_then(|nm| xobjects.and_then(|x| x.get(nm).ok()))
                        .and_then(|x| deref(doc, x).as_stream().ok());
                    if let Some(s) = stream
                        && s.dict.get(b"Subtype").and_then(|t| t.as_name()).ok() == Some(b"Form".as_slice())
                    {
                        let matrix = array(doc, &s.dict, b"Matrix");
                        let m = if matrix.len() == 6 {
                            [
                                num(matrix[0]),
                                num(matrix[1]),
                                num(matrix[2]),
                                num(matrix[3]),
                                num(matrix[4]),
                                num(matrix[5]),
                            ]
                        } else {
                            ID
                        };
                        let own = dict(doc, &s.dict, b"Resources").or(resources);
                        let bytes = s.decompressed_content().unwrap_or_else(|_| s.content.clone());
                        let inner = State { ctm: mul(m, gs.ctm), ..gs.clone() };
                        self.run(&bytes, own, inner);
                    }
                }
                _ => {}
            }
        }
    }

    fn show(&mut self, s: &[u8], gs: &State, tm: &mut M) {
        let Some(font) = gs.font.as_ref().and_then(|f| self.fonts.get(f)) else { return };
        let step = if font.two_bytes { 2 } else { 1 };
        for chunk in s.chunks(step) {
            let c = code(chunk);
            let w0 = font.widths.get(&c).copied().unwrap_or(font.default_width) / 1000.0;
            let trm = mul([gs.size * gs.scaling, 0.0, 0.0, gs.size, 0.0, gs.rise], mul(*tm, gs.ctm));
            let size = (trm[0] * trm[3] - trm[1] * trm[2]).abs().sqrt();
            let mut tx = w0 * gs.size + gs.char_spacing;
            if step == 1 && c == 32 {
                tx += gs.word_spacing;
            }
            tx *= gs.scaling;
            let advance = mul([1.0, 0.0, 0.0, 1.0, tx, 0.0], mul(*tm, gs.ctm));
            let text = font.unicode.get(&c).cloned().unwrap_or_default();
            let rotated = trm[1].abs() > 1e-6 || trm[2].abs() > 1e-6;
            self.glyphs.push(Glyph { rotated, x: trm[4], y: self.height - trm[5], end: advance[4], size, text });
            *tm = mul([1.0, 0.0, 0.0, 1.0, tx, 0.0], *tm);
        }
    }
}

fn load(pdf: &Path) -> Document {
    Document::load(pdf).unwrap_or_else(|e| panic!("{} is no readable PDF: {e}", pdf.display()))
}

/// The pages of a PDF, each as rows of text in layout order: glyphs on one baseline form a
/// row, left to right; a gap of more than a fifth of the font size becomes a space.
pub fn page_rows(pdf: &Path) -> Vec<Vec<String>> {
    let doc = load(pdf);
    let mut out = Vec::new();
    for (_, id) in doc.get_pages() {
        let page = doc.get_dictionary(id).expect("a page");
        let media = array(&doc, page, b"MediaBox");
        let height = media.get(3).map(|o| num(o)).unwrap_or(842.0) - media.get(1).map(|o| num(o)).unwrap_or(0.0);
        let resources = doc
            .get_page_resources(id)
            .ok()
            .and_then(|(r, ids)| r.cloned().or_else(|| ids.first().and_then(|i| doc.get_dictionary(*i).ok().cloned())));
        let content = doc.get_page_content(id);
        let mut p = Page { doc: &doc, height, fonts: HashMap::new(), glyphs: Vec::new() };
        let gs = State {
            ctm: ID,
            font: None,
            size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            scaling: 1.0,
            leading: 0.0,
            rise: 0.0,
        };
        p.run(&content, resources.as_ref(), gs);
        out.push(rows_of(p.glyphs));
    }
    out
}

/// The rows of a page; text set at an angle follows as one row of its own, in the order
/// written (as `pdftotext` keeps it apart).
fn rows_of(glyphs: Vec<Glyph>) -> Vec<String> {
    let (rotated, mut glyphs): (Vec<Glyph>, Vec<Glyph>) = glyphs.into_iter().partition(|g| g.rotated);
    let mut rows = level_rows(&mut glyphs);
    if !rotated.is_empty() {
        rows.push(rotated.into_iter().map(|g| g.text).collect());
    }
    rows
}

fn level_rows(glyphs: &mut Vec<Glyph>) -> Vec<String> {
    glyphs.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    let mut rows: Vec<Vec<Glyph>> = Vec::new();
    for g in glyphs.drain(..) {
        match rows.last_mut() {
            Some(row) if (row[0].y - g.y).abs() <= row[0].size.min(g.size) * 0.4 => row.push(g),
            _ => rows.push(vec![g]),
        }
    }
    rows.into_iter()
        .map(|mut row| {
            row.sort_by(|a, b| a.x.total_cmp(&b.x));
            let mut line = String::new();
            let mut last_end: Option<f64> = None;
            for g in row {
                if last_end.is_some_and(|e| g.x > e + g.size * 0.2) {
                    line.push(' ');
                }
                line.push_str(&g.text);
                last_end = Some(g.end);
            }
            line
        })
        .collect()
}

/// Every row of every page, in order (as `pdftotext -layout` gives them, whitespace collapsed).
pub fn rows(pdf: &Path) -> Vec<String> {
    page_rows(pdf).into_iter().flatten().map(|l| l.split_whitespace().collect::<Vec<_>>().join(" ")).collect()
}

/// The text in reading order with rows ending in a newline (words of a row separated by one
/// space).
pub fn text(pdf: &Path) -> String {
    rows(pdf).join("\n") + "\n"
}

/// The number of pages.
pub fn pages(pdf: &Path) -> usize {
    load(pdf).get_pages().len()
}

/// The outline (bookmarks): one line per entry, indented two spaces per level, with the page
/// it points to: `Samenvatting (p. 2)`.
pub fn bookmarks(pdf: &Path) -> Vec<String> {
    let doc = load(pdf);
    let page_of: std::collections::BTreeMap<(u32, u16), u32> =
        doc.get_pages().into_iter().map(|(n, id)| (id, n)).collect();
    let mut out = Vec::new();
    let catalog = doc.catalog().expect("a catalog");
    let Ok(outlines) = catalog.get(b"Outlines").and_then(|o| doc.dereference(o)).map(|(_, o)| o.clone()) else {
        return out;
    };
    let first = outlines.as_dict().ok().and_then(|d| d.get(b"First").ok()).and_then(|o| o.as_reference().ok());
    walk(&doc, first, 0, &page_of, &mut out);
    out
}

fn walk(
    doc: &Document,
    mut item: Option<(u32, u16)>,
    depth: usize,
    page_of: &std::collections::BTreeMap<(u32, u16), u32>,
    out: &mut Vec<String>,
) {
    while let Some(id) = item {
        let dict = doc.get_dictionary(id).expect("an outline item");
        let title = dict.get(b"Title").ok().map(string).unwrap_or_default();
        let page = dest_page(doc, dict).and_then(|p| page_of.get(&p)).map(|p| format!(" (p. {p})")).unwrap_or_default();
        out.push(format!("{}{title}{page}", "  ".repeat(depth)));
        let child = dict.get(b"First").ok().and_then(|o| o.as_reference().ok());
        walk(doc, child, depth + 1, page_of, out);
        item = dict.get(b"Next").ok().and_then(|o| o.as_reference().ok());
    }
}

fn dest_page(doc: &Document, dict: &Dictionary) -> Option<(u32, u16)> {
    let dest = match dict.get(b"Dest") {
        Ok(d) => d.clone(),
        Err(_) => {
            let action = doc.dereference(dict.get(b"A").ok()?).ok()?.1.as_dict().ok()?.clone();
            action.get(b"D").ok()?.clone()
        }
    };
    let dest = doc.dereference(&dest).ok()?.1.clone();
    dest.as_array().ok()?.first()?.as_reference().ok()
}

/// A PDF text string: UTF-16BE with a byte-order mark, or PDFDocEncoding (Latin-1 here).
fn string(o: &Object) -> String {
    let bytes = match o {
        Object::String(b, _) => b.as_slice(),
        _ => return String::new(),
    };
    match bytes.strip_prefix(&[0xfe, 0xff]) {
        Some(rest) => {
            let units: Vec<u16> = rest.chunks(2).map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)])).collect();
            String::from_utf16_lossy(&units)
        }
        None => bytes.iter().map(|b| char::from(*b)).collect(),
    }
}

/// The base names of every font the PDF uses (subset prefixes removed), sorted and unique.
pub fn fonts(pdf: &Path) -> Vec<String> {
    let doc = load(pdf);
    let mut names = Vec::new();
    for (_, obj) in doc.objects.iter() {
        let Ok(dict) = obj.as_dict() else { continue };
        if dict.get(b"Type").ok().and_then(|t| t.as_name().ok()) != Some(b"Font".as_slice()) {
            continue;
        }
        if let Ok(name) = dict.get(b"BaseFont").and_then(|n| n.as_name()) {
            let name = String::from_utf8_lossy(name).into_owned();
            let plain = match name.split_once('+') {
                Some((tag, rest)) if tag.len() == 6 => rest.to_string(),
                _ => name,
            };
            names.push(plain);
        }
    }
    names.sort();
    names.dedup();
    names
}

/// The heading levels of the tag tree (`/H1` … `/H6`), depth first in reading order.
pub fn heading_tags(pdf: &Path) -> Vec<u8> {
    fn visit(doc: &Document, obj: &Object, out: &mut Vec<u8>, depth: usize) {
        if depth > 200 {
            return;
        }
        let obj = match obj {
            Object::Reference(id) => match doc.get_object(*id) {
                Ok(o) => o,
                Err(_) => return,
            },
            o => o,
        };
        match obj {
            Object::Array(items) => items.iter().for_each(|o| visit(doc, o, out, depth + 1)),
            Object::Dictionary(d) => {
                if let Ok(Object::Name(s)) = d.get(b"S")
                    && let [b'H', n @ b'1'..=b'6'] = s.as_slice()
                {
                    out.push(n - b'0');
                }
                if let Ok(k) = d.get(b"K") {
                    visit(doc, k, out, depth + 1);
                }
            }
            _ => {}
        }
    }
    let doc = load(pdf);
    let mut out = Vec::new();
    let catalog = doc.catalog().expect("a catalog");
    if let Ok(root) = catalog.get(b"StructTreeRoot") {
        visit(&doc, root, &mut out, 0);
    }
    out
}
