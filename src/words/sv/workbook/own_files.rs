//! `workbook::own_files`: a workbook's own files, in Swedish.

use crate::workbook::own_files::Message;

pub fn own_files(message: &Message) -> String {
    match message {
        Message::LeftoverTempFile => {
            "en tillfällig fil som en avbruten skrivning lämnade; den kan tas bort"
        }
        Message::Linked => {
            "en symbolisk länk; dino skriver den här filen bara som en vanlig fil: ta bort länken"
        }
        Message::LockHasOtherNames => {
            "filen har fler namn (en hård länk), och låset skrivs på plats; ta bort den"
        }
    }
    .to_string()
}
