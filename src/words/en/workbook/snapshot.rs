//! `workbook::snapshot`: a workbook's snapshot of its pack, in English.

use crate::i18n::Lang;
use crate::workbook::WORKBOOK_FILE;
use crate::workbook::snapshot::Message;

pub fn snapshot(message: &Message) -> String {
    match message {
        Message::Unreadable { why } => format!(
            "the snapshot of the pack could not be read ({}); `dino upgrade` writes a new one",
            why.say(Lang::En)
        ),
        Message::Differs {
            key,
            found,
            recorded,
        } => format!(
            "the snapshot is of {key} {found}, but {WORKBOOK_FILE} records {recorded}; the two belong together (was an upgrade stopped before it wrote the snapshot, or were they taken from different branches in a merge?). `dino upgrade` writes a new one"
        ),
    }
}
