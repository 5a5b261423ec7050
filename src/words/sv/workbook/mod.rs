//! `workbook`: opening a workbook with its pack; its parts' messages each
//! in a file of their own.

mod create;
mod profile;

pub use create::create as workbook_create;
pub use profile::profile as workbook_profile;

use crate::i18n::Lang;
use crate::workbook::{Message, WORKBOOK_FILE};

pub fn workbook(message: &Message) -> String {
    match message {
        Message::NotAWorkbook => {
            format!("ingen arbetsbok här (filen {WORKBOOK_FILE} saknas); `dino new NAMN` skapar en")
        }
        Message::PackNotBuiltIn { id, builtin } => format!(
            "paketet `{id}` är inte inbyggt ({}); ange dess mapp med `path` under [pack]",
            builtin.join(", ")
        ),
        Message::PackPathNotAPack { path, why } => {
            format!("`path` under [pack] pekar på {path}: {}", why.say(Lang::Sv))
        }
    }
}
