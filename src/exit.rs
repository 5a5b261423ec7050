//! Exit codes, declared in one place, and the error that carries one.

use std::fmt;

/// Everything went well.
pub const SUCCESS: i32 = 0;
/// An error: bad input, a missing file, something that could not be done.
pub const ERROR: i32 = 1;
/// The command line itself was wrong (clap reports these).
pub const USAGE: i32 = 2;
/// A check ran and found something: lint findings, a gate not passed.
pub const FINDINGS: i32 = 3;
/// The user interrupted a prompt (Ctrl-C).
pub const INTERRUPTED: i32 = 130;

/// An error that ends the program with a particular exit code. Commands
/// return it (inside `anyhow::Error`) when the code is not plain failure;
/// its message may be empty when everything was already printed.
#[derive(Debug)]
pub struct Exit {
    pub code: i32,
    pub message: String,
}

impl Exit {
    /// Ends with `code` after the command printed its own report.
    pub fn silent(code: i32) -> Exit {
        Exit {
            code,
            message: String::new(),
        }
    }
}

impl fmt::Display for Exit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Exit {}

/// The exit code for an error returned by a command.
pub fn code_for(err: &anyhow::Error) -> i32 {
    err.downcast_ref::<Exit>().map_or(ERROR, |exit| exit.code)
}
