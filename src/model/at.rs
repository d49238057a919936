//! Values with their place in a file, and the cycle year.

use crate::diag::Pos;

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
