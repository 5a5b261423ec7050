//! The core's messages in English, a file per module that says them.

mod conflict;
mod log;

pub(super) use self::log::{log_front, log_read, log_readback, log_written};
pub(super) use conflict::conflict;
