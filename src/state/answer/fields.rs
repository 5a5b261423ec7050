//! An indicator's or a measurement's answer: its labelled fields read as
//! typed values, and written back as fields.

use jiff::civil::Date;

use super::read::Message;
use super::{Given, Indicator, Measured};
use crate::log::Field;
use crate::pack::Kind;

/// Reads the fields of an answer to an item of `kind`: an indicator's
/// eight (the unit may be empty), a measurement's value, day and source.
pub fn read_fields(kind: &Kind, fields: &[(Field, String)]) -> Result<Given, Message> {
    let allowed: &[Field] = match kind {
        Kind::Indicator { .. } => &Field::INDICATOR,
        Kind::Measurement { .. } => &Field::MEASUREMENT,
        _ => return Err(Message::FieldsForKind { kind: kind.name() }),
    };
    if let Some((stray, _)) = fields.iter().find(|(f, _)| !allowed.contains(f)) {
        return Err(Message::FieldNotOf {
            field: *stray,
            kind: kind.name(),
        });
    }
    let found = Found(fields);
    if matches!(kind, Kind::Indicator { .. }) {
        Ok(Given::Indicator(Indicator {
            name: found.text(Field::Indicator)?,
            unit: found
                .get(Field::Unit)
                .unwrap_or_default()
                .trim()
                .to_string(),
            baseline: found.number(Field::Baseline)?,
            baseline_date: found.date(Field::Measured)?,
            source: found.text(Field::Source)?,
            target: found.number(Field::Target)?,
            target_date: found.date(Field::TargetDate)?,
            owner: found.text(Field::Owner)?,
        }))
    } else {
        Ok(Given::Measured(Measured {
            value: found.number(Field::Value)?,
            date: found.date(Field::Measured)?,
            source: found.get(Field::Source).filter(|s| !s.trim().is_empty()),
        }))
    }
}

/// Whether an answer's days can be so as of `today` (the day it is
/// recorded): a measurement neither after `today` nor before `baseline`
/// (its indicator's baseline day, when the indicator is defined); an
/// indicator's baseline not after `today`, and its target day after its
/// baseline day. Other answers pass.
pub fn check_days(given: &Given, today: Date, baseline: Option<Date>) -> Result<(), Message> {
    match given {
        Given::Measured(m) => measured_day(m.date, today, baseline),
        Given::Indicator(i) if i.baseline_date > today => Err(Message::BaselineInFuture {
            day: i.baseline_date.to_string(),
            today: today.to_string(),
        }),
        Given::Indicator(i) if i.target_date <= i.baseline_date => {
            Err(Message::TargetNotAfterBaseline {
                target: i.target_date.to_string(),
                baseline: i.baseline_date.to_string(),
            })
        }
        _ => Ok(()),
    }
}

/// A measurement's day: not after `today`, not before `baseline`.
pub fn measured_day(day: Date, today: Date, baseline: Option<Date>) -> Result<(), Message> {
    if day > today {
        return Err(Message::MeasuredInFuture {
            day: day.to_string(),
            today: today.to_string(),
        });
    }
    match baseline {
        Some(baseline) if day < baseline => Err(Message::MeasuredBeforeBaseline {
            day: day.to_string(),
            baseline: baseline.to_string(),
        }),
        _ => Ok(()),
    }
}

/// The fields as read; the first of a field written twice counts.
struct Found<'a>(&'a [(Field, String)]);

impl Found<'_> {
    fn get(&self, field: Field) -> Option<String> {
        self.0
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, v)| v.clone())
    }

    /// A text that is not blank.
    fn text(&self, field: Field) -> Result<String, Message> {
        self.get(field)
            .filter(|v| !v.trim().is_empty())
            .ok_or(Message::FieldMissing { field })
    }

    /// The number the field starts with (a decimal comma is fine).
    fn number(&self, field: Field) -> Result<f64, Message> {
        let text = self.text(field)?;
        let first = text.split_whitespace().next().unwrap_or("");
        match first.replace(',', ".").parse::<f64>() {
            Ok(n) if n.is_finite() => Ok(n),
            _ => Err(Message::FieldNotANumber {
                field,
                start: text.lines().next().unwrap_or("").chars().take(30).collect(),
            }),
        }
    }

    /// The day the field starts with, `YYYY-MM-DD`.
    fn date(&self, field: Field) -> Result<Date, Message> {
        let text = self.text(field)?;
        let first = text.split_whitespace().next().unwrap_or("");
        crate::text::day::parse_day(first).ok_or_else(|| Message::FieldNotADate {
            field,
            found: first.chars().take(30).collect(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::log::Answer;
    use crate::pack::condition::Name;
    use crate::state::answer::interpret;
    use crate::state::answer::write::{indicator_answer, measured_answer};

    fn measurement_kind() -> Kind {
        Kind::Measurement {
            indicator: Name {
                phase: Some("test".into()),
                item: "effekt".into(),
            },
            due: None,
        }
    }

    #[test]
    fn fields_read_back_as_the_values_written() {
        let indicator = Indicator {
            name: "Väntetid | *dagar*\n<!--".into(),
            unit: String::new(),
            baseline: 120.5,
            baseline_date: jiff::civil::date(2026, 3, 1),
            source: "Ärendesystemet".into(),
            target: 60.0,
            target_date: jiff::civil::date(2027, 6, 30),
            owner: "Karin".into(),
        };
        let kind = Kind::Indicator { unit: None };
        for lang in [Lang::Sv, Lang::En] {
            let answer = indicator_answer(&indicator, lang);
            assert_eq!(
                interpret(&kind, &answer),
                Ok(Given::Indicator(indicator.clone()))
            );
            let measured = Measured {
                value: 95.0,
                date: jiff::civil::date(2026, 9, 1),
                source: None,
            };
            let answer = measured_answer(&measured, lang);
            assert_eq!(
                interpret(&measurement_kind(), &answer),
                Ok(Given::Measured(measured))
            );
        }
    }

    #[test]
    fn days_that_cannot_be_so_are_refused() {
        let day = |m, d| jiff::civil::date(2026, m, d);
        let measured = |date| {
            Given::Measured(Measured {
                value: 1.0,
                date,
                source: None,
            })
        };
        let today = day(8, 20);
        let baseline = Some(day(3, 1));
        assert_eq!(check_days(&measured(day(8, 20)), today, baseline), Ok(()));
        assert_eq!(check_days(&measured(day(3, 1)), today, baseline), Ok(()));
        assert_eq!(
            check_days(&measured(day(8, 21)), today, baseline),
            Err(Message::MeasuredInFuture {
                day: "2026-08-21".into(),
                today: "2026-08-20".into()
            })
        );
        assert_eq!(
            check_days(&measured(day(2, 28)), today, baseline),
            Err(Message::MeasuredBeforeBaseline {
                day: "2026-02-28".into(),
                baseline: "2026-03-01".into()
            })
        );
        assert_eq!(check_days(&measured(day(2, 28)), today, None), Ok(()));
        let indicator = |baseline_date, target_date| {
            Given::Indicator(Indicator {
                name: "V".into(),
                unit: String::new(),
                baseline: 1.0,
                baseline_date,
                source: "S".into(),
                target: 2.0,
                target_date,
                owner: "O".into(),
            })
        };
        assert_eq!(
            check_days(&indicator(day(3, 1), day(12, 1)), today, None),
            Ok(())
        );
        assert_eq!(
            check_days(&indicator(day(9, 1), day(12, 1)), today, None),
            Err(Message::BaselineInFuture {
                day: "2026-09-01".into(),
                today: "2026-08-20".into()
            })
        );
        assert_eq!(
            check_days(&indicator(day(3, 1), day(3, 1)), today, None),
            Err(Message::TargetNotAfterBaseline {
                target: "2026-03-01".into(),
                baseline: "2026-03-01".into()
            })
        );
    }

    #[test]
    fn a_wrong_field_is_named() {
        let fields = |pairs: &[(Field, &str)]| {
            Answer::Fields(pairs.iter().map(|(f, v)| (*f, v.to_string())).collect())
        };
        let kind = measurement_kind();
        assert_eq!(
            interpret(
                &kind,
                &fields(&[(Field::Value, "många"), (Field::Measured, "2026-09-01")])
            ),
            Err(Message::FieldNotANumber {
                field: Field::Value,
                start: "många".into()
            })
        );
        assert_eq!(
            interpret(
                &kind,
                &fields(&[(Field::Value, "3"), (Field::Measured, "2026-02-30")])
            ),
            Err(Message::FieldNotADate {
                field: Field::Measured,
                found: "2026-02-30".into()
            })
        );
        assert_eq!(
            interpret(&kind, &fields(&[(Field::Value, "3")])),
            Err(Message::FieldMissing {
                field: Field::Measured
            })
        );
        assert_eq!(
            interpret(&kind, &fields(&[(Field::Target, "3")])),
            Err(Message::FieldNotOf {
                field: Field::Target,
                kind: "measurement"
            })
        );
        assert_eq!(
            interpret(&Kind::Date, &fields(&[(Field::Value, "3")])),
            Err(Message::FieldsForKind { kind: "date" })
        );
        assert_eq!(
            interpret(&kind, &Answer::Text("3".into())),
            Err(Message::TakesFields {
                kind: "measurement"
            })
        );
    }
}
