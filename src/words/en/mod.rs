//! The core's messages in English, a file per module that says them.

mod conflict;
mod workbook;

pub(super) use conflict::conflict;
pub(super) use workbook::{
    workbook, workbook_create, workbook_entries, workbook_file, workbook_own_files,
    workbook_profile, workbook_snapshot,
};
