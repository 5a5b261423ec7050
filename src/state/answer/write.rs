//! Turning a typed answer into the form an entry records, the same way
//! whether it came from the terminal or from an answers file, so both write
//! the same bytes.

use super::{Given, Indicator, Measured};
use crate::i18n::Lang;
use crate::log::{Answer, CheckState, Field, OptionMark};
use crate::pack::condition::Value;
use crate::pack::{Item, Kind};

/// The recorded form of `given` for `item`, with labels in `lang`.
pub fn to_answer(item: &Item, given: &Given, lang: Lang) -> Answer {
    match (given, &item.kind) {
        (Given::NotApplicable(reason), Kind::Check) => {
            Answer::Check(CheckState::NotApplicable(reason.clone()))
        }
        (Given::NotApplicable(reason), _) => Answer::NotApplicable(reason.clone()),
        (Given::DontKnow, _) => Answer::DontKnow,
        (Given::Indicator(indicator), _) => indicator_answer(indicator, lang),
        (Given::Measured(measured), _) => measured_answer(measured, lang),
        (Given::Value(value), kind) => value_answer(kind, value, lang),
    }
}

fn value_answer(kind: &Kind, value: &Value, lang: Lang) -> Answer {
    match (kind, value) {
        (Kind::Check, Value::Bool(done)) => Answer::Check(if *done {
            CheckState::Done
        } else {
            CheckState::NotDone
        }),
        (Kind::Choice { options } | Kind::Multi { options }, chosen) => {
            let is_chosen = |id: &str| match chosen {
                Value::Str(s) => s == id,
                Value::List(items) => items.iter().any(|v| *v == Value::Str(id.to_string())),
                _ => false,
            };
            Answer::Options(
                options
                    .iter()
                    .map(|o| OptionMark {
                        id: o.id.clone(),
                        label: o.label.get(lang).to_string(),
                        ticked: is_chosen(&o.id),
                    })
                    .collect(),
            )
        }
        (Kind::Scale(scale), Value::Num(n)) => {
            let point = *n as i64;
            let of = crate::tr!(lang, "{point} av {}", "{point} of {}", scale.max);
            Answer::Text(match scale.labels.get(&point) {
                Some(label) => format!("{of} · {}", label.get(lang)),
                None => of,
            })
        }
        (Kind::Number { unit, .. }, Value::Num(n)) => {
            let number = format_number(*n, lang);
            Answer::Text(match unit {
                Some(unit) => format!("{number} {}", unit.get(lang)),
                None => number,
            })
        }
        (_, Value::Str(s)) => Answer::Text(s.clone()),
        (_, Value::Bool(b)) => Answer::Text(b.to_string()),
        (_, Value::Num(n)) => Answer::Text(format_number(*n, lang)),
        (_, Value::List(items)) => Answer::Text(
            items
                .iter()
                .map(|v| match v {
                    Value::Str(s) => s.clone(),
                    other => format!("{other:?}"),
                })
                .collect::<Vec<_>>()
                .join(", "),
        ),
    }
}

/// A number as people write it: `12,5` in Swedish, `12.5` in English.
pub fn format_number(n: f64, lang: Lang) -> String {
    let text = if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        n.to_string()
    };
    match lang {
        Lang::Sv => text.replace('.', ","),
        Lang::En => text,
    }
}

/// An indicator's fields as an entry records them, labels in `lang`.
pub fn indicator_answer(i: &Indicator, lang: Lang) -> Answer {
    Answer::Fields(vec![
        (Field::Indicator, i.name.clone()),
        (Field::Unit, i.unit.clone()),
        (Field::Baseline, format_number(i.baseline, lang)),
        (Field::Measured, i.baseline_date.to_string()),
        (Field::Source, i.source.clone()),
        (Field::Target, format_number(i.target, lang)),
        (Field::TargetDate, i.target_date.to_string()),
        (Field::Owner, i.owner.clone()),
    ])
}

/// A measurement's fields as an entry records them; no source, no field.
pub fn measured_answer(m: &Measured, lang: Lang) -> Answer {
    let mut fields = vec![
        (Field::Value, format_number(m.value, lang)),
        (Field::Measured, m.date.to_string()),
    ];
    if let Some(source) = &m.source {
        fields.push((Field::Source, source.clone()));
    }
    Answer::Fields(fields)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::pack::{Scale, Text};
    use crate::state::answer::interpret;

    fn item(kind: Kind) -> Item {
        Item {
            id: "x".into(),
            kind,
            prompt: Text::Same("X?".into()),
            help: None,
            required: true,
            when: None,
            default: None,
        }
    }

    #[test]
    fn recorded_forms_read_back_as_the_same_value() {
        let mut labels = BTreeMap::new();
        labels.insert(4, Text::Same("Stämmer delvis".into()));
        let cases = [
            (
                item(Kind::Scale(Scale {
                    min: 1,
                    max: 5,
                    labels,
                })),
                Value::Num(4.0),
            ),
            (
                item(Kind::Number {
                    min: None,
                    max: None,
                    unit: Some(Text::Same("timmar".into())),
                }),
                Value::Num(12.5),
            ),
            (item(Kind::Date), Value::Str("2026-09-01".into())),
            (item(Kind::Check), Value::Bool(false)),
            (
                item(Kind::Text { long: true }),
                Value::Str("rad\nrad".into()),
            ),
        ];
        for (item, value) in cases {
            for lang in [Lang::Sv, Lang::En] {
                let answer = to_answer(&item, &Given::Value(value.clone()), lang);
                assert_eq!(
                    interpret(&item.kind, &answer),
                    Ok(Given::Value(value.clone())),
                    "{answer:?}"
                );
            }
        }
        let scale = item(Kind::Scale(Scale {
            min: 1,
            max: 5,
            labels: BTreeMap::from([(4, Text::Same("Stämmer delvis".into()))]),
        }));
        assert_eq!(
            to_answer(&scale, &Given::Value(Value::Num(4.0)), Lang::Sv),
            Answer::Text("4 av 5 · Stämmer delvis".into())
        );
    }
}
