//! The answer codec, both ways, in one place: an answer as an entry writes
//! it (`write`), and what a written answer means for its item's kind
//! (`read`). The terminal, an answers file and the fold all go through it,
//! so an answer reads back as the value it was given.

mod fields;
mod read;
mod write;

use jiff::civil::Date;

use crate::pack::condition::Value;

pub use fields::{check_days, measured_day, read_fields};

pub use read::{Message, interpret, typed_in};
pub use write::{format_number, to_answer};

/// An answer, read for its item's kind.
#[derive(Clone, Debug, PartialEq)]
pub enum Given {
    Value(Value),
    NotApplicable(String),
    DontKnow,
    /// An indicator the team defined.
    Indicator(Indicator),
    /// A measurement of an indicator.
    Measured(Measured),
}

/// An indicator's answer: a measure of effect, from its baseline to its
/// target, and who owns it.
#[derive(Clone, Debug, PartialEq)]
pub struct Indicator {
    pub name: String,
    /// May be empty.
    pub unit: String,
    pub baseline: f64,
    /// The day the baseline was measured.
    pub baseline_date: Date,
    /// Where the baseline comes from.
    pub source: String,
    pub target: f64,
    /// The day the target is to be reached by.
    pub target_date: Date,
    pub owner: String,
}

/// A measurement's answer: a value, the day it was measured, and where it
/// comes from.
#[derive(Clone, Debug, PartialEq)]
pub struct Measured {
    pub value: f64,
    pub date: Date,
    pub source: Option<String>,
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
            Given::Indicator(_) | Given::Measured(_) => true,
        }
    }
}
