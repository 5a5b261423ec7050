//! `workbook::profile`: reading a project profile, in English.

use crate::i18n::Lang;
use crate::workbook::profile::{Hint, Message};

pub fn profile(message: &Message) -> String {
    match message {
        Message::NoSuchQuestion { id, hint } => {
            format!(
                "the pack has no profile question `{id}`{}",
                self::hint(hint)
            )
        }
        Message::NotAValue => "not a valid value".to_string(),
        Message::Unreadable { findings } => {
            let lines: Vec<String> = findings.iter().map(|f| f.in_words(Lang::En)).collect();
            format!("the profile file could not be read:\n{}", lines.join("\n"))
        }
    }
}

fn hint(hint: &Hint) -> String {
    match hint {
        Hint::Nothing => String::new(),
        Hint::DidYouMean(near) => format!("; did you mean `{near}`?"),
        Hint::TheQuestionsAre(ids) => format!("; the questions are {}", ids.join(", ")),
    }
}
