//! `pack::source`: a file of a pack that could not be read, in Swedish.

use crate::i18n::{Lang, Say};
use crate::pack::source::{MAX_FILE_BYTES, Message};

pub fn pack_source(message: &Message) -> String {
    match message {
        Message::NoFile => "filen finns inte".to_string(),
        Message::NoPermission => "behörighet att läsa filen saknas".to_string(),
        Message::Unreadable { why } => format!("kunde inte läsas: {}", why.say(Lang::Sv)),
        Message::NotOpened(why) => why.say(Lang::Sv),
        Message::LeavesPack { path } => format!(
            "sökvägen `{path}` lämnar paketets mapp; skriv en sökväg inuti mappen, utan `..` och utan inledande `/`"
        ),
        Message::LinksOut { target } => {
            format!("filen är en länk till {target}, utanför paketets mapp")
        }
        Message::TooLarge => {
            let mib = MAX_FILE_BYTES / 1024 / 1024;
            format!("filen är för stor; dino läser filer på högst {mib} MiB")
        }
        Message::NotUtf8 => "filen är inte UTF-8; spara den som UTF-8".to_string(),
    }
}
