//! `workbook::entries`: reading `log/`, in Swedish.

use crate::i18n::Lang;
use crate::workbook::entries::Message;

pub fn entries(message: &Message) -> String {
    match message {
        Message::NameNotUtf8 => {
            "filnamnet är inte UTF-8 och kan inte läsas; byt namn på filen".to_string()
        }
        Message::NotAnEntry => "hör inte hemma i log/ (där ligger bara poster, *.md)".to_string(),
        Message::NoLog => "mappen log/ saknas; den skapas när första posten skrivs".to_string(),
        Message::Unlisted { why } => format!("kunde inte läsas: {}", why.say(Lang::Sv)),
        Message::BadlyNamed => "namnet följer inte ÅÅÅÅ-MM-DD-TTMM-VAD-ID.md (ID är hexadecimalt); är filen en kopia? Byt namn på den, med ett nytt id".to_string(),
        Message::SameId { id, first } => format!(
            "har samma id ({id}) som {first}; är den en kopia? Ge den ett nytt id i filnamnet"
        ),
        Message::NameAndFrontDiffer { in_name, in_front } => format!(
            "filnamnet säger `{in_name}`, men front matter säger `{in_front}` (kind och phase); stämmer de?"
        ),
    }
}
