//! `workbook::snapshot`: a workbook's snapshot of its pack, in Swedish.

use crate::i18n::Lang;
use crate::workbook::WORKBOOK_FILE;
use crate::workbook::snapshot::Message;

pub fn snapshot(message: &Message) -> String {
    match message {
        Message::Unreadable { why } => format!(
            "ögonblicksbilden av paketet kunde inte läsas ({}); `dino upgrade` skriver en ny",
            why.say(Lang::Sv)
        ),
        Message::Differs {
            key,
            found,
            recorded,
        } => format!(
            "ögonblicksbilden gäller {key} {found}, men {WORKBOOK_FILE} anger {recorded}; de två ska stämma överens (avbröts en uppgradering innan den skrev ögonblicksbilden, eller togs de från olika grenar vid en sammanslagning?). `dino upgrade` skriver en ny"
        ),
    }
}
