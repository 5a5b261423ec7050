//! The core's messages in Swedish, a file per module that says them.

mod conflict;
mod log;
mod pack_load;
mod state;
mod workbook;

pub(super) use self::log::{log_front, log_read, log_readback, log_written};
pub(super) use conflict::conflict;
pub(super) use pack_load::{
    pack_load, pack_load_item, pack_load_pack_file, pack_load_part, pack_load_refs, pack_load_text,
};
pub(super) use state::{state_answer, state_folding, state_readiness};
pub(super) use workbook::{
    workbook, workbook_create, workbook_entries, workbook_file, workbook_own_files,
    workbook_profile, workbook_snapshot,
};
