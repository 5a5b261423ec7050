//! `workbook`: opening a workbook with its pack; its parts' messages each
//! in a file of their own.

mod create;
mod entries;
mod file;
mod own_files;
mod profile;
mod snapshot;

pub use create::create as workbook_create;
pub use entries::entries as workbook_entries;
pub use file::file as workbook_file;
pub use own_files::own_files as workbook_own_files;
pub use profile::profile as workbook_profile;
pub use snapshot::snapshot as workbook_snapshot;

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
