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
            format!("not a workbook (there is no {WORKBOOK_FILE}); `dino new NAME` makes one")
        }
        Message::PackNotBuiltIn { id, builtin } => format!(
            "the pack `{id}` is not built in ({}); give its folder with `path` under [pack]",
            builtin.join(", ")
        ),
        Message::PackPathNotAPack { path, why } => {
            format!(
                "`path` under [pack] points to {path}: {}",
                why.say(Lang::En)
            )
        }
    }
}
