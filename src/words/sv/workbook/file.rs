//! `workbook::file`: reading `workbook.toml`, in Swedish.

use crate::workbook::file::Message;

pub fn file(message: &Message) -> String {
    match message {
        Message::CreatedNotATime => {
            "`created` ska vara en tidpunkt med tidszon, som 2026-03-02T09:00:00+01:00".to_string()
        }
        Message::NotALanguage => "`language` ska vara \"sv\" eller \"en\"".to_string(),
        Message::NoPackTable => "tabellen `[pack]` saknas".to_string(),
        Message::ProfileNotATable => "`profile` ska vara en tabell".to_string(),
        Message::ProfileAnswerNotPlain { key } => {
            format!("profilsvaret `{key}` ska vara en sträng, ett tal, true/false eller en lista")
        }
    }
}
