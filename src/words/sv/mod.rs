//! The core's messages in Swedish, a file per module that says them.

mod conflict;

pub(super) use conflict::conflict;
