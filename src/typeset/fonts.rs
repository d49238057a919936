//! Typeset stage, fonts: parses typst's bundled fonts plus the house-style fonts once and hands
//! the font book and faces to every compilation.

use typst::foundations::Bytes;
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;

/// Every font face the typesetter knows, with the book typst selects from.
pub(crate) struct Fonts {
    /// Metadata of every face, indexed like `faces`.
    pub book: LazyHash<FontBook>,
    /// The parsed faces; a collection file (`.ttc`) yields several.
    pub faces: Vec<Font>,
}

impl Fonts {
    /// Parses typst-assets' fonts followed by `extra` (the templates' own fonts).
    ///
    /// Data that is not a font yields no face; `Typesetter::families` shows what was loaded.
    pub fn load(extra: &[Vec<u8>]) -> Fonts {
        let bundled = typst_assets::fonts().map(Bytes::new);
        let own = extra.iter().map(|data| Bytes::new(data.clone()));
        let faces: Vec<Font> = bundled.chain(own).flat_map(Font::iter).collect();
        let book = LazyHash::new(FontBook::from_fonts(&faces));
        Fonts { book, faces }
    }

    /// The distinct family names, sorted.
    pub fn families(&self) -> Vec<String> {
        let mut names: Vec<String> = self.book.families().map(|(name, _)| name.to_string()).collect();
        names.sort();
        names.dedup();
        names
    }
}
