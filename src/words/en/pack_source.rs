//! `pack::source`: a file of a pack that could not be read, in English.

use crate::i18n::{Lang, Say};
use crate::pack::source::{MAX_FILE_BYTES, Message};

pub fn pack_source(message: &Message) -> String {
    match message {
        Message::NoFile => "the file does not exist".to_string(),
        Message::NoPermission => "permission denied".to_string(),
        Message::Unreadable { why } => format!("could not be read: {}", why.say(Lang::En)),
        Message::NotOpened(why) => why.say(Lang::En),
        Message::LeavesPack { path } => format!(
            "the path `{path}` leaves the pack folder; write a path inside it, without `..` or a leading `/`"
        ),
        Message::LinksOut { target } => {
            format!("the file links to {target}, outside the pack folder")
        }
        Message::TooLarge => {
            let mib = MAX_FILE_BYTES / 1024 / 1024;
            format!("the file is too large; dino reads files of at most {mib} MiB")
        }
        Message::NotUtf8 => "the file is not UTF-8; save it as UTF-8".to_string(),
    }
}
