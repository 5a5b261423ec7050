//! What the core says, in words: one place per language (`sv/`, `en/`).
//!
//! Below the session and the report, a module says what it means as data,
//! an enum of message keys with their arguments (`conflict::Message`, …).
//! Here each such enum is worded: [`Say`] for a chosen language (a report's),
//! `Display` for the language the run speaks ([`spoken`]), and
//! `std::error::Error`, so that a message is an error `?` carries up to the
//! edge. A new message is a variant in its module's enum and an arm in each
//! language's function; the compiler refuses a language that lacks it.

mod en;
mod sv;

use std::fmt;

use crate::i18n::{Lang, Say, spoken};

/// Words each enum of messages in every language, and shows it in the
/// run's.
macro_rules! worded {
    ($($message:ty => $words:ident),* $(,)?) => {$(
        impl Say for $message {
            fn say(&self, lang: Lang) -> String {
                match lang {
                    Lang::Sv => sv::$words(self),
                    Lang::En => en::$words(self),
                }
            }
        }

        impl fmt::Display for $message {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.say(spoken()))
            }
        }

        impl std::error::Error for $message {}
    )*};
}

worded! {
    crate::conflict::Message => conflict,
    crate::log::front::Message => log_front,
    crate::log::read::Message => log_read,
    crate::log::readback::Message => log_readback,
    crate::log::readback::Written => log_written,
    crate::state::answer::Message => state_answer,
    crate::state::folding::Message => state_folding,
    crate::state::readiness::Message => state_readiness,
    crate::pack::load::Message => pack_load,
    crate::pack::load::Part => pack_load_part,
    crate::pack::load::item::Message => pack_load_item,
    crate::pack::load::pack_file::Message => pack_load_pack_file,
    crate::pack::load::refs::Message => pack_load_refs,
    crate::pack::load::text::Message => pack_load_text,
    crate::workbook::Message => workbook,
    crate::workbook::create::Message => workbook_create,
    crate::workbook::entries::Message => workbook_entries,
    crate::workbook::file::Message => workbook_file,
    crate::workbook::own_files::Message => workbook_own_files,
    crate::workbook::profile::Message => workbook_profile,
    crate::workbook::snapshot::Message => workbook_snapshot,
    crate::fsio::Message => fsio,
    crate::fsio::errors::Why => io_why,
    crate::git::Message => git,
    crate::git_tree::Message => git_tree,
    crate::out::Message => out,
    crate::pack::builtin::Message => pack_builtin,
    crate::pack::diff::Message => pack_diff,
    crate::pack::source::Message => pack_source,
    crate::toml_read::Message => toml_read,
    crate::toml_read::ValueType => value_type,
}

/// Names in backticks, separated by commas: "`id`, `kind`".
fn in_code(names: &[impl AsRef<str>]) -> String {
    names
        .iter()
        .map(|name| format!("`{}`", name.as_ref()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Ids as a TOML array's items (`"a1b2c3", "d4e5f6"`), as a message in
/// either language suggests a `follows` to write.
pub(crate) fn toml_ids(ids: &[String]) -> String {
    ids.iter()
        .map(|id| format!("\"{id}\""))
        .collect::<Vec<_>>()
        .join(", ")
}
