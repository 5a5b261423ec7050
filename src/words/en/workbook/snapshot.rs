//! `workbook::snapshot`: a workbook's snapshot of its pack, in English.

use crate::i18n::Lang;
use crate::workbook::WORKBOOK_FILE;
use crate::workbook::file::value_toml;
use crate::workbook::snapshot::{Message, ProfileEdit, as_set_value};

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
        Message::ProfileEdited { key, edit } => profile_edited(key, edit),
    }
}

/// A profile answer edited by hand, and how to make the change an entry.
fn profile_edited(key: &str, edit: &ProfileEdit) -> String {
    let entry = "the profile changes only by an entry in the log";
    match edit {
        ProfileEdit::Changed { was, now } => format!(
            "the profile answer `{key}` was edited by hand: dino wrote `{key} = {}`, the file has {}; {entry}: put `{key} = {}` back, then run `dino profile set {key} {} --reason …`",
            value_toml(was),
            value_toml(now),
            value_toml(was),
            as_set_value(now)
        ),
        ProfileEdit::Added(now) => format!(
            "the profile answer `{key}` was added by hand (dino wrote no answer to it); {entry}: take the line out, then run `dino profile set {key} {} --reason …`",
            as_set_value(now)
        ),
        ProfileEdit::Removed(was) => format!(
            "the profile answer `{key}` was taken out by hand (dino wrote `{key} = {}`); {entry}: put the line back; to change the answer, run `dino profile set {key} VALUE --reason …`",
            value_toml(was)
        ),
    }
}
