//! The core's messages in English, a file per module that says them.

mod conflict;
mod fsio;
mod git;
mod git_tree;
mod log;
mod out;
mod pack_builtin;
mod pack_diff;
mod pack_load;
mod pack_source;
mod state;
mod toml_read;
mod workbook;

pub(super) use self::log::{log_front, log_read, log_readback, log_written};
pub(super) use conflict::conflict;
pub(super) use fsio::{fsio, io_why};
pub(super) use git::git;
pub(super) use git_tree::git_tree;
pub(super) use out::out;
pub(super) use pack_builtin::pack_builtin;
pub(super) use pack_diff::pack_diff;
pub(super) use pack_load::{
    pack_load, pack_load_item, pack_load_pack_file, pack_load_part, pack_load_refs, pack_load_text,
};
pub(super) use pack_source::pack_source;
pub(super) use state::{state_answer, state_folding, state_readiness};
pub(super) use toml_read::{toml_read, value_type};
pub(super) use workbook::{
    workbook, workbook_create, workbook_entries, workbook_file, workbook_own_files,
    workbook_profile, workbook_snapshot,
};
