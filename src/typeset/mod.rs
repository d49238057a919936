//! Typeset stage: compiles a document's typst sources (templates plus the view's `data.json`)
//! to PDF/A-2b bytes with typst embedded as a library, and hands the bytes to `write`.
//!
//! No typst binary, no network, no packages, no clock: a `Job` carries every file and the date,
//! so the same job always gives the same bytes.

mod compile;
mod diagnostics;
mod fonts;
mod job;
pub mod letters;
mod templates;
mod world;

#[cfg(test)]
mod tests;

pub use compile::Typesetter;
pub use job::{Compiled, Job, TemplateError};
pub use templates::Templates;

/// Drops typst's memoised layout and hands the memory that frees back to the system ([`trim`]).
/// Call it only while no document is being typeset.
pub fn release() {
    typst::comemo::evict(0);
    trim();
}

/// Hands memory the process has freed back to the system. glibc keeps what a thread frees in
/// that thread's arena, so without a trim the next large document (laid out on another thread)
/// grows the process by its own layout on top of the freed one: at a thousand parties, the
/// difference between the largest document's layout and the sum of the layouts.
fn trim() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `malloc_trim` only returns free pages of the allocator's own heaps to the system;
    // it has no preconditions and touches no memory in use.
    unsafe {
        libc::malloc_trim(0);
    }
}
