//! What an answer as written means for an item of a given kind: a value a
//! condition can read, not applicable, or don't know; or why it cannot be
//! read (a finding). Also a value typed at the terminal, checked.

use super::Given;
use crate::i18n::{Lang, Say};
use crate::log::{Answer, CheckState, OptionMark};
use crate::pack::condition::Value;
use crate::pack::{self, Choice, Kind};
use crate::tr;

/// Reads `answer` as an answer to an item of `kind`.
pub fn interpret(kind: &Kind, answer: &Answer, lang: Lang) -> Result<Given, String> {
    let given = match answer {
        Answer::NotApplicable(reason) | Answer::Check(CheckState::NotApplicable(reason)) => {
            return Ok(Given::NotApplicable(reason.clone()));
        }
        Answer::DontKnow => return Ok(Given::DontKnow),
        Answer::Check(state) => checkbox_value(kind, state, lang)?,
        Answer::Options(marks) => options_value(kind, marks, lang)?,
        Answer::Text(text) => text_value(kind, text, lang)?,
    };
    // Options that exist, numbers in range, real dates.
    let what = lang.pick("svaret", "the answer");
    pack::check_value(kind, &given, what)
        .map(Given::Value)
        .map_err(|m| m.say(lang))
}

/// A ticked or unticked checkbox: a check's value.
fn checkbox_value(kind: &Kind, state: &CheckState, lang: Lang) -> Result<Value, String> {
    match kind {
        Kind::Check => Ok(Value::Bool(*state == CheckState::Done)),
        _ => Err(tr!(
            lang,
            "en kryssruta passar inte en punkt av typen {}",
            "a checkbox does not fit an item of kind {}",
            kind.name()
        )),
    }
}

/// A list of options: the one ticked for a choice, every one ticked for a
/// multiple choice.
fn options_value(kind: &Kind, marks: &[OptionMark], lang: Lang) -> Result<Value, String> {
    match kind {
        Kind::Choice { .. } => match ticked(marks).as_slice() {
            [one] => Ok(Value::Str(one.clone())),
            [] => Err(tr!(
                lang,
                "inget alternativ är ikryssat",
                "no option is ticked"
            )),
            _ => Err(tr!(
                lang,
                "flera alternativ är ikryssade, men frågan tar ett",
                "several options are ticked, but the question takes one"
            )),
        },
        Kind::Multi { .. } => Ok(Value::List(
            ticked(marks).into_iter().map(Value::Str).collect(),
        )),
        Kind::Check => Err(check_takes_a_box(lang)),
        _ => Err(tr!(
            lang,
            "en lista med alternativ passar inte en punkt av typen {}",
            "a list of options does not fit an item of kind {}",
            kind.name()
        )),
    }
}

/// Text: the item's value as its kind reads it.
fn text_value(kind: &Kind, text: &str, lang: Lang) -> Result<Value, String> {
    match kind {
        Kind::Check => Err(check_takes_a_box(lang)),
        Kind::Choice { options } | Kind::Multi { options } => {
            option_by_hand(kind, options, text, lang)
        }
        Kind::Text { .. } => Ok(Value::Str(text.to_string())),
        Kind::Scale(_) => scale_point(text, lang),
        Kind::Number { .. } => number(text, lang),
        Kind::Date => Ok(Value::Str(first_word(text).to_string())),
    }
}

fn check_takes_a_box(lang: Lang) -> String {
    tr!(
        lang,
        "en kryssruta besvaras med `- [x]` eller `- [ ]`",
        "a check is answered with `- [x]` or `- [ ]`"
    )
}

/// An option written by hand: its id or its label, in either language.
fn option_by_hand(
    kind: &Kind,
    options: &[Choice],
    text: &str,
    lang: Lang,
) -> Result<Value, String> {
    let found = options.iter().find(|o| {
        o.id == text.trim()
            || [Lang::Sv, Lang::En]
                .iter()
                .any(|l| o.label.get(*l) == text.trim())
    });
    match (found, kind) {
        (Some(o), Kind::Choice { .. }) => Ok(Value::Str(o.id.clone())),
        (Some(o), _) => Ok(Value::List(vec![Value::Str(o.id.clone())])),
        (None, _) => Err(tr!(
            lang,
            "`{text}` är inget av alternativen; kryssa i ett alternativ i listan",
            "`{text}` is not one of the options; tick an option in the list"
        )),
    }
}

/// A point on a scale: the whole number the answer starts with.
fn scale_point(text: &str, lang: Lang) -> Result<Value, String> {
    match first_word(text).parse::<i64>() {
        Ok(n) => Ok(Value::Num(n as f64)),
        Err(_) => Err(tr!(
            lang,
            "svaret ska börja med ett heltal, inte `{}`",
            "the answer must start with a whole number, not `{}`",
            first_words(text)
        )),
    }
}

/// A number: the one the answer starts with (a decimal comma is fine).
fn number(text: &str, lang: Lang) -> Result<Value, String> {
    match first_word(text).replace(',', ".").parse::<f64>() {
        Ok(n) if n.is_finite() => Ok(Value::Num(n)),
        _ => Err(tr!(
            lang,
            "svaret ska börja med ett tal, inte `{}`",
            "the answer must start with a number, not `{}`",
            first_words(text)
        )),
    }
}

/// A line typed at the terminal as the value of a text, date or number
/// item, checked for the item's kind (a decimal comma is fine).
pub fn typed_in(kind: &Kind, text: &str, lang: Lang) -> Result<Value, String> {
    let value = match kind {
        Kind::Date => Value::Str(crate::pack::parse_date(text.trim()).map_err(|m| m.say(lang))?),
        Kind::Number { .. } => match text.trim().replace(',', ".").parse::<f64>() {
            Ok(n) => Value::Num(n),
            Err(_) => return Err(tr!(lang, "skriv ett tal", "write a number")),
        },
        _ => Value::Str(text.to_string()),
    };
    pack::check_value(kind, &value, lang.pick("svaret", "the answer")).map_err(|m| m.say(lang))
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
        let en = Lang::En;
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
            interpret(&scale, &text("4 av 5 · Stämmer delvis"), en),
            Ok(Given::Value(Value::Num(4.0)))
        );
        assert!(interpret(&scale, &text("7 av 5"), en).is_err());
        assert!(interpret(&scale, &text("fyra"), en).is_err());
        assert!(interpret(&scale, &text("3,5 av 5"), en).is_err());
        assert!(interpret(&scale, &text("4x"), en).is_err());
        assert_eq!(
            interpret(&number, &text("12,5 timmar"), en),
            Ok(Given::Value(Value::Num(12.5)))
        );
        assert!(interpret(&number, &text("-3"), en).is_err());
        assert_eq!(
            interpret(&Kind::Date, &text("2026-09-01"), en),
            Ok(Given::Value(Value::Str("2026-09-01".into())))
        );
        assert!(interpret(&Kind::Date, &text("2026-02-30"), en).is_err());
        assert_eq!(
            interpret(&choice(), &marks(&[false, true]), en),
            Ok(Given::Value(Value::Str("b".into())))
        );
        assert!(interpret(&choice(), &marks(&[true, true]), en).is_err());
        assert!(interpret(&choice(), &marks(&[false, false]), en).is_err());
        assert_eq!(
            interpret(&choice(), &text("B"), en),
            Ok(Given::Value(Value::Str("b".into())))
        );
        assert_eq!(
            interpret(&Kind::Check, &Answer::Check(CheckState::NotDone), en),
            Ok(Given::Value(Value::Bool(false)))
        );
        assert!(interpret(&Kind::Check, &text("ja"), en).is_err());
        assert!(!Given::NotApplicable("  ".into()).is_done());
        assert!(Given::NotApplicable("inget köp".into()).is_done());
    }
}
