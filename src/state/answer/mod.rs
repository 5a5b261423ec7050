//! The answer codec, both ways, in one place: an answer as an entry writes
//! it (`write`), and what a written answer means for its item's kind
//! (`read`). The terminal, an answers file and the fold all go through it,
//! so an answer reads back as the value it was given.

mod read;
mod write;

use crate::pack::condition::Value;

pub use read::{Message, interpret, typed_in};
pub use write::{format_number, to_answer};

/// An answer, read for its item's kind.
#[derive(Clone, Debug, PartialEq)]
pub enum Given {
    Value(Value),
    NotApplicable(String),
    DontKnow,
}

impl Given {
    /// Whether the answer completes a required item: any value but an
    /// unticked check, or not applicable with a reason.
    pub fn is_done(&self) -> bool {
        match self {
            Given::Value(Value::Bool(done)) => *done,
            Given::Value(Value::Str(text)) => !text.trim().is_empty(),
            Given::Value(_) => true,
            Given::NotApplicable(reason) => !reason.trim().is_empty(),
            Given::DontKnow => false,
        }
    }
}
