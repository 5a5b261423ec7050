//! What an answer as written means for an item of a given kind: a value a
//! condition can read, not applicable, or don't know; or why it cannot be
//! read (a finding).

use crate::i18n::Lang;
use crate::log::{Answer, CheckState, OptionMark};
use crate::pack::condition::Value;
use crate::pack::{Kind, check_value};
use crate::tr;

/// An answer, read for its item's kind.
#[derive(Clone, Debug, PartialEq)]
pub enum Given {
    Value(Value),
    NotApplicable(String),
    DontKnow,
}

impl Given {
    /// Whether the answer completes a required item: any value but an
    /// unticked check, or not applicable with a reason.
    pub fn is_done(&self) -> bool {
        match self {
            Given::Value(Value::Bool(done)) => *done,
            Given::Value(Value::Str(text)) => !text.trim().is_empty(),
            Given::Value(_) => true,
            Given::NotApplicable(reason) => !reason.trim().is_empty(),
            Given::DontKnow => false,
        }
    }
}

/// Reads `answer` as an answer to an item of `kind`.
pub fn interpret(kind: &Kind, answer: &Answer, lang: Lang) -> Result<Given, String> {
    let what = lang.pick("svaret", "the answer");
    let given = match (kind, answer) {
        (_, Answer::NotApplicable(reason))
        | (_, Answer::Check(CheckState::NotApplicable(reason))) => {
            return Ok(Given::NotApplicable(reason.clone()));
        }
        (_, Answer::DontKnow) => return Ok(Given::DontKnow),
        (Kind::Check, Answer::Check(state)) => Value::Bool(*state == CheckState::Done),
        (Kind::Check, _) => {
            return Err(tr!(
                lang,
                "en kryssruta besvaras med `- [x]` eller `- [ ]`",
                "a check is answered with `- [x]` or `- [ ]`"
            ));
        }
        (Kind::Choice { .. }, Answer::Options(marks)) => {
            let ticked = ticked(marks);
            match ticked.as_slice() {
                [one] => Value::Str(one.clone()),
                [] => {
                    return Err(tr!(
                        lang,
                        "inget alternativ är ikryssat",
                        "no option is ticked"
                    ));
                }
                _ => {
                    return Err(tr!(
                        lang,
                        "flera alternativ är ikryssade, men frågan tar ett",
                        "several options are ticked, but the question takes one"
                    ));
                }
            }
        }
        (Kind::Multi { .. }, Answer::Options(marks)) => {
            Value::List(ticked(marks).into_iter().map(Value::Str).collect())
        }
        (Kind::Choice { options } | Kind::Multi { options }, Answer::Text(text)) => {
            // Written by hand: an option's id or label.
            let found = options.iter().find(|o| {
                o.id == text.trim()
                    || [Lang::Sv, Lang::En]
                        .iter()
                        .any(|l| o.label.get(*l) == text.trim())
            });
            match (found, kind) {
                (Some(o), Kind::Choice { .. }) => Value::Str(o.id.clone()),
                (Some(o), _) => Value::List(vec![Value::Str(o.id.clone())]),
                (None, _) => {
                    return Err(tr!(
                        lang,
                        "`{text}` är inget av alternativen; kryssa i ett alternativ i listan",
                        "`{text}` is not one of the options; tick an option in the list"
                    ));
                }
            }
        }
        (Kind::Text { .. }, Answer::Text(text)) => Value::Str(text.clone()),
        (Kind::Scale(_), Answer::Text(text)) => match first_word(text).parse::<i64>() {
            Ok(n) => Value::Num(n as f64),
            Err(_) => {
                return Err(tr!(
                    lang,
                    "svaret ska börja med ett heltal, inte `{}`",
                    "the answer must start with a whole number, not `{}`",
                    first_words(text)
                ));
            }
        },
        (Kind::Number { .. }, Answer::Text(text)) => {
            match first_word(text).replace(',', ".").parse::<f64>() {
                Ok(n) if n.is_finite() => Value::Num(n),
                _ => {
                    return Err(tr!(
                        lang,
                        "svaret ska börja med ett tal, inte `{}`",
                        "the answer must start with a number, not `{}`",
                        first_words(text)
                    ));
                }
            }
        }
        (Kind::Date, Answer::Text(text)) => Value::Str(first_word(text).to_string()),
        (_, Answer::Options(_)) => {
            return Err(tr!(
                lang,
                "en lista med alternativ passar inte en punkt av typen {}",
                "a list of options does not fit an item of kind {}",
                kind.name()
            ));
        }
        (_, Answer::Check(_)) => {
            return Err(tr!(
                lang,
                "en kryssruta passar inte en punkt av typen {}",
                "a checkbox does not fit an item of kind {}",
                kind.name()
            ));
        }
    };
    // Options that exist, numbers in range, real dates.
    check_value(kind, &given, what, lang).map(Given::Value)
}

/// A line typed at the terminal as the value of a text, date or number
/// item, checked for the item's kind (a decimal comma is fine).
pub fn typed_in(kind: &Kind, text: &str, lang: Lang) -> Result<Value, String> {
    let value = match kind {
        Kind::Date => Value::Str(crate::pack::parse_date(text.trim(), lang)?),
        Kind::Number { .. } => match text.trim().replace(',', ".").parse::<f64>() {
            Ok(n) => Value::Num(n),
            Err(_) => return Err(tr!(lang, "skriv ett tal", "write a number")),
        },
        _ => Value::Str(text.to_string()),
    };
    check_value(kind, &value, lang.pick("svaret", "the answer"), lang)
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
    use crate::pack::{Choice, Scale, Text};

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
