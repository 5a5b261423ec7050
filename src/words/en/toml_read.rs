//! `toml_read`: a TOML file read with positions, in English.

use crate::i18n::Lang;
use crate::toml_read::{Expected, MAX_LIST, Message, ValueType};
use crate::words::in_code;

pub fn toml_read(message: &Message) -> String {
    match message {
        Message::MissingKey { key } => format!("missing key `{key}`"),
        Message::WrongType { key, wanted, found } => format!(
            "`{key}` must be {}, not {}",
            expected(*wanted),
            value_type(found)
        ),
        Message::TooLong { key, entries } => {
            format!("`{key}` has {entries} entries; dino reads at most {MAX_LIST}: split them up")
        }
        Message::WrongEntry { key, wanted, found } => format!(
            "each entry of `{key}` must be {}, not {}",
            expected(*wanted),
            value_type(found)
        ),
        Message::NotHere { key, here, kinds } => format!(
            "`{key}` does not belong to {} (it is used by {})",
            here.say(Lang::En),
            kinds.say(Lang::En)
        ),
        Message::UnknownKeyNear { key, near } => {
            format!("unknown key `{key}`; did you mean `{near}`?")
        }
        Message::UnknownKey { key, valid } => {
            format!("unknown key `{key}`; valid keys here: {}", in_code(valid))
        }
        Message::NotAnId { id } => format!(
            "`{id}` is not a valid id: start with a–z, then a–z, 0–9, `_` or `-`, at most 64 characters"
        ),
        Message::Syntax { english } => format!("invalid TOML: {english}"),
        Message::MoreSyntaxErrors { more } => {
            format!("invalid TOML: and {more} more errors from here; correct the first ones first")
        }
        Message::Parser { english } => english.clone(),
    }
}

/// A value's type as TOML users know it.
pub fn value_type(found: &ValueType) -> String {
    match found {
        ValueType::String => "string",
        ValueType::Integer => "integer",
        ValueType::Float => "float",
        ValueType::Boolean => "boolean",
        ValueType::Datetime => "datetime",
        ValueType::Array => "array",
        ValueType::Table => "table",
    }
    .to_string()
}

/// What a value should be.
fn expected(wanted: Expected) -> &'static str {
    match wanted {
        Expected::String => "a string",
        Expected::Boolean => "true or false",
        Expected::Integer => "an integer",
        Expected::Number => "a number",
        Expected::Table => "a table",
        Expected::Array => "an array",
    }
}
