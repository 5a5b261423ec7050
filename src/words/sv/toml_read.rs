//! `toml_read`: a TOML file read with positions, in Swedish.

use super::toml_syntax::toml_syntax;
use crate::i18n::Lang;
use crate::toml_read::{Expected, MAX_LIST, Message, ValueType};
use crate::words::in_code;

pub fn toml_read(message: &Message) -> String {
    match message {
        Message::MissingKey { key } => format!("nyckeln `{key}` saknas"),
        Message::WrongType { key, wanted, found } => format!(
            "`{key}` ska vara {}, inte {}",
            expected(*wanted),
            value_type(found)
        ),
        Message::TooLong { key, entries } => {
            format!("`{key}` har {entries} poster; dino läser högst {MAX_LIST}: dela upp dem")
        }
        Message::WrongEntry { key, wanted, found } => format!(
            "varje post i `{key}` ska vara {}, inte {}",
            expected(*wanted),
            value_type(found)
        ),
        Message::NotHere { key, here, kinds } => format!(
            "`{key}` hör inte till {} (den används av {})",
            here.say(Lang::Sv),
            kinds.say(Lang::Sv)
        ),
        Message::UnknownKeyNear { key, near } => {
            format!("okänd nyckel `{key}`; menade du `{near}`?")
        }
        Message::UnknownKey { key, valid } => format!(
            "okänd nyckel `{key}`; giltiga nycklar här: {}",
            in_code(valid)
        ),
        Message::NotAnId { id } => format!(
            "`{id}` är inget giltigt id: börja med a–z, sedan a–z, 0–9, `_` eller `-`, högst 64 tecken"
        ),
        Message::Syntax { english } => format!("ogiltig TOML: {}", toml_syntax(english)),
        Message::MoreSyntaxErrors { more } => {
            format!("ogiltig TOML: och {more} fel till härifrån; rätta de första först")
        }
        Message::Parser { english } => toml_syntax(english),
    }
}

/// A value's type as it reads in a sentence ("inte ett heltal").
pub fn value_type(found: &ValueType) -> String {
    match found {
        ValueType::String => "en sträng",
        ValueType::Integer => "ett heltal",
        ValueType::Float => "ett decimaltal",
        ValueType::Boolean => "ett sanningsvärde",
        ValueType::Datetime => "en tidpunkt",
        ValueType::Array => "en lista",
        ValueType::Table => "en tabell",
    }
    .to_string()
}

/// What a value should be.
fn expected(wanted: Expected) -> &'static str {
    match wanted {
        Expected::String => "en sträng",
        Expected::Boolean => "true eller false",
        Expected::Integer => "ett heltal",
        Expected::Number => "ett tal",
        Expected::Table => "en tabell",
        Expected::Array => "en lista",
    }
}
