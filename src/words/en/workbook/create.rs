//! `workbook::create`: making a workbook, in English.

use crate::workbook::WORKBOOK_FILE;
use crate::workbook::create::Message;

pub fn create(message: &Message) -> String {
    match message {
        Message::NotMade { why } => format!("{why}; no workbook was made"),
        Message::ExistsAlready { dir } => {
            format!("{dir}/ exists already; choose another name or remove it")
        }
        Message::HalfMade { dir } => format!(
            "{dir}/ exists already, but is a half-made workbook (without {WORKBOOK_FILE}) left by an interrupted `dino new`; remove the folder and run `dino new` again"
        ),
    }
}
