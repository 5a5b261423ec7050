//! The core's messages in Swedish, a file per module that says them.

mod conflict;
mod workbook;

pub(super) use conflict::conflict;
pub(super) use workbook::{
    workbook, workbook_create, workbook_file, workbook_profile, workbook_snapshot,
};
