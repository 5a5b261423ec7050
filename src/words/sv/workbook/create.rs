//! `workbook::create`: making a workbook, in Swedish.

use crate::workbook::WORKBOOK_FILE;
use crate::workbook::create::Message;

pub fn create(message: &Message) -> String {
    match message {
        Message::NotMade { why } => format!("{why}; ingen arbetsbok skapades"),
        Message::ExistsAlready { dir } => {
            format!("{dir}/ finns redan; välj ett annat namn eller ta bort mappen")
        }
        Message::HalfMade { dir } => format!(
            "{dir}/ finns redan, men är en halvfärdig arbetsbok (utan {WORKBOOK_FILE}) som ett avbrutet `dino new` lämnade; ta bort mappen och kör `dino new` igen"
        ),
    }
}
