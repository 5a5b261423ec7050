//! `pack::builtin`: a pack named that is not there, in Swedish.

use crate::pack::builtin::Message;

pub fn pack_builtin(message: &Message) -> String {
    match message {
        Message::AFile => "är en fil; ange paketets mapp (den med pack.toml)".to_string(),
        Message::NoPackFile => {
            "mappen har ingen pack.toml; `dino pack new MAPP` skapar ett paket att börja från"
                .to_string()
        }
        Message::NoSuchPack { builtin } => {
            let ids = builtin.join(", ");
            format!("varken ett inbyggt paket ({ids}) eller en mapp")
        }
    }
}
