//! What an answer as written means for an item of a given kind: a value a
//! condition can read, not applicable, or don't know; or why it cannot be
//! read (a finding). Also a value typed at the terminal, checked.

use super::Given;
use crate::i18n::{Lang, Said};
use crate::log::{Answer, CheckState, Field, OptionMark};
use crate::pack::condition::Value;
use crate::pack::{self, Choice, Kind};

/// What this module says of an answer it cannot read; worded in `words`.
#[derive(Clone, Debug, PartialEq)]
pub enum Message {
    /// A record with actions only: no answer to read.
    Unanswered,
    /// A gate criterion's status, which answers no item.
    CriterionStatus,
    /// A checkbox answers an item of another `kind`.
    CheckboxForKind { kind: &'static str },
    /// No option of a choice is ticked.
    NoOptionTicked,
    /// Several options of a choice are ticked.
    SeveralOptionsTicked,
    /// A list of options answers an item of another `kind`.
    OptionsForKind { kind: &'static str },
    /// A check answered otherwise than with a checkbox.
    CheckTakesABox,
    /// An option written by hand that is none of the options.
    NotAnOption { text: String },
    /// A scale's answer that does not start with a whole number.
    NotAWholeNumber { start: String },
    /// A number's answer that does not start with a number.
    NotANumber { start: String },
    /// A number typed at the terminal that is none.
    WriteANumber,
    /// What the pack's check of a value says of it: an option that does
    /// not exist, a number out of range, no real date.
    Unfit(Said),
    /// "The answer", as the pack's check names what it checks.
    TheAnswer,
    /// An indicator or a measurement answered otherwise than with fields.
    TakesFields { kind: &'static str },
    /// Fields answer an item of another `kind`.
    FieldsForKind { kind: &'static str },
    /// A field that an answer to a `kind` item does not have.
    FieldNotOf { field: Field, kind: &'static str },
    /// A field that is missing or blank.
    FieldMissing { field: Field },
    /// A field whose value does not start with a number.
    FieldNotANumber { field: Field, start: String },
    /// A field whose value does not start with a day, `YYYY-MM-DD`.
    FieldNotADate { field: Field, found: String },
    /// A measurement dated after the day it was recorded.
    MeasuredInFuture { day: String, today: String },
    /// A measurement dated before its indicator's baseline day.
    MeasuredBeforeBaseline { day: String, baseline: String },
    /// An indicator's baseline dated after the day it was recorded.
    BaselineInFuture { day: String, today: String },
    /// An indicator's target day that is not after its baseline day.
    TargetNotAfterBaseline { target: String, baseline: String },
}

/// Reads `answer` as an answer to an item of `kind`; `lang` is the pack's
/// check's.
pub fn interpret(kind: &Kind, answer: &Answer) -> Result<Given, Message> {
    let given = match answer {
        Answer::NotApplicable(reason) | Answer::Check(CheckState::NotApplicable(reason)) => {
            return Ok(Given::NotApplicable(reason.clone()));
        }
        Answer::DontKnow => return Ok(Given::DontKnow),
        Answer::Unanswered => return Err(Message::Unanswered),
        Answer::Met | Answer::NotMet | Answer::Deferred => return Err(Message::CriterionStatus),
        Answer::Fields(fields) => return super::read_fields(kind, fields),
        Answer::Check(state) => checkbox_value(kind, state)?,
        Answer::Options(marks) => options_value(kind, marks)?,
        Answer::Text(text) => text_value(kind, text)?,
    };
    // Options that exist, numbers in range, real dates.
    checked(kind, &given).map(Given::Value)
}

/// `value`, once the pack's check finds it fits an item of `kind`.
fn checked(kind: &Kind, value: &Value) -> Result<Value, Message> {
    pack::check_value(kind, value, Message::TheAnswer).map_err(unfit)
}

/// What the pack says of a value that does not fit.
fn unfit(why: impl Into<Said>) -> Message {
    Message::Unfit(why.into())
}

/// A ticked or unticked checkbox: a check's value.
fn checkbox_value(kind: &Kind, state: &CheckState) -> Result<Value, Message> {
    match kind {
        Kind::Check => Ok(Value::Bool(*state == CheckState::Done)),
        _ => Err(Message::CheckboxForKind { kind: kind.name() }),
    }
}

/// A list of options: the one ticked for a choice, every one ticked for a
/// multiple choice.
fn options_value(kind: &Kind, marks: &[OptionMark]) -> Result<Value, Message> {
    match kind {
        Kind::Choice { .. } => match ticked(marks).as_slice() {
            [one] => Ok(Value::Str(one.clone())),
            [] => Err(Message::NoOptionTicked),
            _ => Err(Message::SeveralOptionsTicked),
        },
        Kind::Multi { .. } => Ok(Value::List(
            ticked(marks).into_iter().map(Value::Str).collect(),
        )),
        Kind::Check => Err(Message::CheckTakesABox),
        _ => Err(Message::OptionsForKind { kind: kind.name() }),
    }
}

/// Text: the item's value as its kind reads it.
fn text_value(kind: &Kind, text: &str) -> Result<Value, Message> {
    match kind {
        Kind::Check => Err(Message::CheckTakesABox),
        Kind::Choice { options } | Kind::Multi { options } => option_by_hand(kind, options, text),
        Kind::Text { .. } => Ok(Value::Str(text.to_string())),
        Kind::Scale(_) => scale_point(text),
        Kind::Number { .. } => number(text),
        Kind::Date => Ok(Value::Str(first_word(text).to_string())),
        Kind::Indicator { .. } | Kind::Measurement { .. } => {
            Err(Message::TakesFields { kind: kind.name() })
        }
    }
}

/// An option written by hand: its id or its label, in either language.
fn option_by_hand(kind: &Kind, options: &[Choice], text: &str) -> Result<Value, Message> {
    let found = options.iter().find(|o| {
        o.id == text.trim()
            || [Lang::Sv, Lang::En]
                .iter()
                .any(|l| o.label.get(*l) == text.trim())
    });
    match (found, kind) {
        (Some(o), Kind::Choice { .. }) => Ok(Value::Str(o.id.clone())),
        (Some(o), _) => Ok(Value::List(vec![Value::Str(o.id.clone())])),
        (None, _) => Err(Message::NotAnOption {
            text: text.to_string(),
        }),
    }
}

/// A point on a scale: the whole number the answer starts with.
fn scale_point(text: &str) -> Result<Value, Message> {
    match first_word(text).parse::<i64>() {
        Ok(n) => Ok(Value::Num(n as f64)),
        Err(_) => Err(Message::NotAWholeNumber {
            start: first_words(text),
        }),
    }
}

/// A number: the one the answer starts with (a decimal comma is fine).
fn number(text: &str) -> Result<Value, Message> {
    match first_word(text).replace(',', ".").parse::<f64>() {
        Ok(n) if n.is_finite() => Ok(Value::Num(n)),
        _ => Err(Message::NotANumber {
            start: first_words(text),
        }),
    }
}

/// A line typed at the terminal as the value of a text, date or number
/// item, checked for the item's kind (a decimal comma is fine); `lang` is
/// the pack's check's.
pub fn typed_in(kind: &Kind, text: &str) -> Result<Value, Message> {
    let value = match kind {
        Kind::Date => Value::Str(crate::pack::parse_date(text.trim()).map_err(unfit)?),
        Kind::Number { .. } => match text.trim().replace(',', ".").parse::<f64>() {
            Ok(n) => Value::Num(n),
            Err(_) => return Err(Message::WriteANumber),
        },
        _ => Value::Str(text.to_string()),
    };
    checked(kind, &value)
}

fn ticked(marks: &[OptionMark]) -> Vec<String> {
    marks
        .iter()
        .filter(|m| m.ticked)
        .map(|m| m.id.clone())
        .collect()
}

/// The first word of an answer: the number or date that leads it (what
/// follows, like `av 5 · Stämmer delvis` or a unit, is for people).
fn first_word(text: &str) -> &str {
    text.split_whitespace().next().unwrap_or("")
}

fn first_words(text: &str) -> String {
    let line = text.lines().next().unwrap_or("");
    line.chars().take(30).collect()
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::pack::{Scale, Text};

    fn choice() -> Kind {
        Kind::Choice {
            options: ["a", "b"]
                .iter()
                .map(|id| Choice {
                    id: (*id).into(),
                    label: Text::Same(id.to_uppercase()),
                    lean: None,
                    ask_again: false,
                })
                .collect(),
        }
    }

    fn marks(ticks: &[bool]) -> Answer {
        Answer::Options(
            ["a", "b"]
                .iter()
                .zip(ticks)
                .map(|(id, t)| OptionMark {
                    id: (*id).into(),
                    label: id.to_uppercase(),
                    ticked: *t,
                })
                .collect(),
        )
    }

    #[test]
    fn answers_read_for_their_kind() {
        let scale = Kind::Scale(Scale {
            min: 1,
            max: 5,
            labels: BTreeMap::new(),
        });
        let number = Kind::Number {
            min: Some(0.0),
            max: None,
            unit: None,
        };
        let text = |s: &str| Answer::Text(s.into());
        assert_eq!(
            interpret(&scale, &text("4 av 5 · Stämmer delvis")),
            Ok(Given::Value(Value::Num(4.0)))
        );
        assert!(interpret(&scale, &text("7 av 5")).is_err());
        assert!(interpret(&scale, &text("fyra")).is_err());
        assert!(interpret(&scale, &text("3,5 av 5")).is_err());
        assert!(interpret(&scale, &text("4x")).is_err());
        assert_eq!(
            interpret(&number, &text("12,5 timmar")),
            Ok(Given::Value(Value::Num(12.5)))
        );
        assert!(interpret(&number, &text("-3")).is_err());
        assert_eq!(
            interpret(&Kind::Date, &text("2026-09-01")),
            Ok(Given::Value(Value::Str("2026-09-01".into())))
        );
        assert!(interpret(&Kind::Date, &text("2026-02-30")).is_err());
        assert_eq!(
            interpret(&choice(), &marks(&[false, true])),
            Ok(Given::Value(Value::Str("b".into())))
        );
        assert!(interpret(&choice(), &marks(&[true, true])).is_err());
        assert!(interpret(&choice(), &marks(&[false, false])).is_err());
        assert_eq!(
            interpret(&choice(), &text("B")),
            Ok(Given::Value(Value::Str("b".into())))
        );
        assert_eq!(
            interpret(&Kind::Check, &Answer::Check(CheckState::NotDone)),
            Ok(Given::Value(Value::Bool(false)))
        );
        assert!(interpret(&Kind::Check, &text("ja")).is_err());
        assert!(!Given::NotApplicable("  ".into()).is_done());
        assert!(Given::NotApplicable("inget köp".into()).is_done());
    }
}
