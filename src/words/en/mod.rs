//! The core's messages in English, a file per module that says them.

mod conflict;
mod fsio;
mod git;
mod out;
mod pack_builtin;
mod pack_diff;
mod pack_source;
mod toml_read;

pub(super) use conflict::conflict;
pub(super) use fsio::{fsio, io_why};
pub(super) use git::git;
pub(super) use out::out;
pub(super) use pack_builtin::pack_builtin;
pub(super) use pack_diff::pack_diff;
pub(super) use pack_source::pack_source;
pub(super) use toml_read::{toml_read, value_type};
