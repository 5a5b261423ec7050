//! `pack::builtin`: a pack named that is not there, in English.

use crate::pack::builtin::Message;

pub fn pack_builtin(message: &Message) -> String {
    match message {
        Message::AFile => "is a file; name the pack's folder (the one with pack.toml)".to_string(),
        Message::NoPackFile => {
            "the folder has no pack.toml; `dino pack new DIR` makes a pack to start from"
                .to_string()
        }
        Message::NoSuchPack { builtin } => {
            let ids = builtin.join(", ");
            format!("neither a built-in pack ({ids}) nor a folder")
        }
    }
}
