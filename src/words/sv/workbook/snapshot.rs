//! `workbook::snapshot`: a workbook's snapshot of its pack, in Swedish.

use crate::i18n::Lang;
use crate::workbook::WORKBOOK_FILE;
use crate::workbook::file::value_toml;
use crate::workbook::snapshot::{Message, ProfileEdit, as_set_value};

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
        Message::ProfileEdited { key, edit } => profile_edited(key, edit),
    }
}

/// A profile answer edited by hand, and how to make the change an entry.
fn profile_edited(key: &str, edit: &ProfileEdit) -> String {
    let entry = "profilen ändras bara genom en post i loggen";
    match edit {
        ProfileEdit::Changed { was, now } => format!(
            "profilsvaret `{key}` har ändrats för hand: dino skrev `{key} = {}`, filen har {}; {entry}: sätt tillbaka `{key} = {}` och kör sedan `dino profile set {key} {} --reason …`",
            value_toml(was),
            value_toml(now),
            value_toml(was),
            as_set_value(now)
        ),
        ProfileEdit::Added(now) => format!(
            "profilsvaret `{key}` har lagts till för hand (dino skrev inget svar på den frågan); {entry}: ta bort raden och kör sedan `dino profile set {key} {} --reason …`",
            as_set_value(now)
        ),
        ProfileEdit::Removed(was) => format!(
            "profilsvaret `{key}` har tagits bort för hand (dino skrev `{key} = {}`); {entry}: sätt tillbaka raden; för att ändra svaret, kör `dino profile set {key} VÄRDE --reason …`",
            value_toml(was)
        ),
    }
}
