//! One file per command: its arguments (whose doc comments are its help)
//! and its `run`. `lib.rs` parses the command line and calls one of them.

pub mod check;
pub(crate) mod committing;
pub mod completions;
pub mod diff;
pub mod done;
pub mod due;
pub mod gate;
pub mod log;
pub mod man;
pub mod measure;
pub mod new;
pub mod note;
pub(crate) mod output;
pub mod pack;
pub mod profile;
pub mod report;
pub mod resolve;
pub mod roster;
pub mod run;
pub mod status;
pub mod upgrade;
pub(crate) mod workbooks;

use clap::ValueEnum;

/// How a command prints its result.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A table for people (plain, full-width rows when piped)
    #[default]
    Table,
    /// JSON for programs, with `"schema": 1` (docs/json.md)
    Json,
}
