//! The core's messages in English, a file per module that says them.

mod conflict;
mod log;
mod state;

pub(super) use self::log::{log_front, log_read, log_readback, log_written};
pub(super) use conflict::conflict;
pub(super) use state::{state_answer, state_folding, state_readiness};
