//! `workbook::file`: reading `workbook.toml`, in English.

use crate::workbook::file::Message;

pub fn file(message: &Message) -> String {
    match message {
        Message::CreatedNotATime => {
            "`created` must be a time with an offset, like 2026-03-02T09:00:00+01:00".to_string()
        }
        Message::NotALanguage => "`language` must be \"sv\" or \"en\"".to_string(),
        Message::NoPackTable => "the table `[pack]` is missing".to_string(),
        Message::ProfileNotATable => "`profile` must be a table".to_string(),
        Message::ProfileAnswerNotPlain { key } => {
            format!("the profile answer `{key}` must be a string, a number, true/false or an array")
        }
    }
}
