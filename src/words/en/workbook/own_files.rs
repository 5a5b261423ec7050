//! `workbook::own_files`: a workbook's own files, in English.

use crate::workbook::own_files::Message;

pub fn own_files(message: &Message) -> String {
    match message {
        Message::LeftoverTempFile => {
            "a temporary file left by an interrupted write; it may be deleted"
        }
        Message::Linked => {
            "a symbolic link; dino writes this file only as an ordinary file: remove the link"
        }
        Message::LockHasOtherNames => {
            "the file has other names too (a hard link), and the lock is written in place; remove it"
        }
    }
    .to_string()
}
