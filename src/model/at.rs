//! Values with their place in a file, and the cycle year.

/// A 1-based place in a file: line and column (in characters).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub struct Pos {
    /// 1-based line.
    pub line: u32,
    /// 1-based column, counted in characters.
    pub column: u32,
}

impl Pos {
    /// The start of a file.
    pub const START: Pos = Pos { line: 1, column: 1 };

    /// A place from a line and column.
    pub fn new(line: u32, column: u32) -> Pos {
        Pos { line, column }
    }
}

/// A cycle year, e.g. 2026.
pub type Year = i32;

/// A value with the place it was written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct At<T> {
    /// The value.
    pub value: T,
    /// Where it stands in its file.
    pub pos: Pos,
}

impl<T> At<T> {
    /// A value at a place.
    pub fn new(value: T, pos: Pos) -> At<T> {
        At { value, pos }
    }
}

impl<T> std::ops::Deref for At<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}
