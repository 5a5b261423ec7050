//! `workbook::entries`: reading `log/`, in English.

use crate::i18n::Lang;
use crate::workbook::entries::Message;

pub fn entries(message: &Message) -> String {
    match message {
        Message::NameNotUtf8 => {
            "the file's name is not UTF-8, so it cannot be read; rename the file".to_string()
        }
        Message::NotAnEntry => "does not belong in log/ (it holds entries, *.md, only)".to_string(),
        Message::NoLog => {
            "the folder log/ is missing; it is made when the first entry is written".to_string()
        }
        Message::Unlisted { why } => format!("could not be read: {}", why.say(Lang::En)),
        Message::BadlyNamed => "the name does not follow YYYY-MM-DD-HHMM-WHAT-ID.md (ID in hexadecimal); is the file a copy? Rename it, with a new id".to_string(),
        Message::SameId { id, first } => format!(
            "has the same id ({id}) as {first}; is it a copy? Give it a new id in its file name"
        ),
        Message::NameAndFrontDiffer { in_name, in_front } => format!(
            "the file name says `{in_name}`, but the front matter says `{in_front}` (kind and phase); are they right?"
        ),
    }
}
