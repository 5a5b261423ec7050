//! `workbook::profile`: reading a project profile, in Swedish.

use crate::i18n::Lang;
use crate::workbook::profile::{Hint, Message};

pub fn profile(message: &Message) -> String {
    match message {
        Message::NoSuchQuestion { id, hint } => {
            format!("paketet har ingen profilfråga `{id}`{}", self::hint(hint))
        }
        Message::NotAValue => "ogiltigt värde".to_string(),
        Message::Unreadable { findings } => {
            let lines: Vec<String> = findings.iter().map(|f| f.in_words(Lang::Sv)).collect();
            format!("profilfilen kunde inte läsas:\n{}", lines.join("\n"))
        }
    }
}

fn hint(hint: &Hint) -> String {
    match hint {
        Hint::Nothing => String::new(),
        Hint::DidYouMean(near) => format!("; menade du `{near}`?"),
        Hint::TheQuestionsAre(ids) => format!("; frågorna är {}", ids.join(", ")),
    }
}
