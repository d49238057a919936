//! How a message is put together: text and parties (see `Part`), a hint, and the subject.

pub(super) use crate::codes::Code;
pub(super) use crate::diag::diagnostic::{Diagnostic, Message, Part};

pub(super) fn d(code: Code, message: String, hint: &str) -> Diagnostic {
    dp(code, Message(vec![Part::Text(message)]), hint)
}

/// A diagnostic from a message in parts (see [`Part`]): parties named by [`party`].
pub(super) fn dp(code: Code, message: Message, hint: &str) -> Diagnostic {
    let d = Diagnostic::parts(code, message);
    if hint.is_empty() { d } else { d.hint(hint) }
}

/// A reference to a party in a message.
pub(super) fn party(id: &str) -> Part {
    Part::Party(id.to_string())
}

/// A reference to a perspective in a message.
pub(super) fn perspective(id: &str) -> Part {
    Part::Perspective(id.to_string())
}

/// `1 dag`, `3 dagen`: a count with its noun in the right number.
pub(super) fn count(n: i64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A message from text and parties: `parts!["de TBO-rol van ", party(org), " is …"]`.
macro_rules! parts {
    ($($p:expr),* $(,)?) => { Message(vec![$(Part::from($p)),*]) };
}
pub(super) use parts;
