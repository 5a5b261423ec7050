//! Decoding one item table (a profile question or a phase's checklist
//! item), with the keys its kind takes.

use std::collections::BTreeMap;
use std::ops::Range;

use toml::de::DeValue;

use super::super::condition::{self, Condition, Name, SyntaxError, Value};
use super::super::model::{Choice, Item, Kind, Lean, Scale};
use super::text::{TextForm, TextOf, read_value_text};
use super::{Part, Seen, report};
use crate::finding::closest;
use crate::i18n::Said;
use crate::toml_read::{Table, integer_of, number_of};

/// A `when` as written, kept for the reference checks after every file is read.
pub struct WrittenWhen {
    pub condition: Condition,
    /// The span of the TOML string.
    pub span: Range<usize>,
    /// The byte offset of the condition's first character in the file, when
    /// the string holds no escapes (so offsets inside it map one to one).
    pub inner_start: Option<usize>,
}

/// A `lean` on an option, kept to check that its item is in the diagnostic.
pub struct WrittenLean {
    pub item: Name,
    pub span: Range<usize>,
}

/// What decoding an item leaves for later checks.
#[derive(Default)]
pub struct ItemNotes {
    /// The item's id and where it is written, when the id itself is valid.
    pub id: Option<(String, Range<usize>)>,
    pub when: Option<WrittenWhen>,
    pub leans: Vec<WrittenLean>,
    /// What a measurement names (`indicator`, `due`), with where.
    pub refs: Vec<WrittenRef>,
}

/// A measurement's `indicator` or `due`, kept for the checks across files.
pub struct WrittenRef {
    pub name: Name,
    pub span: Range<usize>,
    /// The kind the named item must be: `indicator` or `date`.
    pub wants: &'static str,
}

const KINDS: [&str; 9] = [
    "check",
    "text",
    "choice",
    "multi",
    "scale",
    "date",
    "number",
    "indicator",
    "measurement",
];

/// Keys that belong to some kinds only, and which.
const KIND_KEYS: [(&str, &str); 8] = [
    ("long", "text"),
    ("options", "choice, multi"),
    ("min", "scale, number"),
    ("max", "scale, number"),
    ("labels", "scale"),
    ("unit", "number, indicator"),
    ("indicator", "measurement"),
    ("due", "measurement"),
];

/// Decodes an item. `phase` is `None` for a profile question. The item is
/// `None` when it has errors (already reported).
pub fn decode_item(t: Table<'_>, phase: Option<&str>) -> (Option<Item>, ItemNotes) {
    let ctx = t.ctx();
    let id = t.id("id");
    let prompt = t.text("prompt", true, TextForm::Line);
    let help = t.text("help", false, TextForm::Markdown);
    let required = t.bool("required").unwrap_or(false);
    let when = read_when(&t);

    let mut notes = ItemNotes::default();
    let kind_at = t.string("kind", true);
    let kind = kind_at.clone().and_then(|(kind, span)| {
        let item_name = |item: &str| Name {
            phase: phase.map(str::to_string),
            item: item.to_string(),
        };
        let for_leans = id.as_ref().map(|(id, _)| item_name(id));
        decode_kind(&t, &kind, &span, for_leans, &mut notes)
    });
    if phase.is_none()
        && let Some(k) = kind.as_ref().filter(|k| k.has_fields())
    {
        let at = kind_at.map_or(t.span(), |(_, span)| span);
        report(ctx, &at, Message::NotInProfile { kind: k.name() });
    }
    let default = if phase.is_none() {
        t.raw("default").and_then(|value| {
            let kind = kind.as_ref()?;
            match value_of(kind, value.get_ref(), "`default`") {
                Ok(v) => Some(v),
                Err(message) => {
                    report(ctx, &value.span(), message);
                    None
                }
            }
        })
    } else {
        None
    };

    let here = Part::Item {
        kind: kind.as_ref().map(Kind::name),
    };
    let mut elsewhere: Vec<(&str, Said)> = KIND_KEYS
        .iter()
        .map(|(key, kinds)| (*key, Said::from(*kinds)))
        .collect();
    if phase.is_some() {
        elsewhere.push(("default", Part::ProfileQuestions.into()));
    }
    t.finish(&elsewhere, here);

    notes.when = when;
    notes.id = id.clone();
    let condition = notes.when.as_ref().map(|w| w.condition.clone());
    let item = match (id, kind, prompt) {
        (Some((id, _)), Some(kind), Some(prompt)) => Some(Item {
            id,
            kind,
            prompt,
            help,
            required,
            when: condition,
            default,
        }),
        _ => None,
    };
    (item, notes)
}

/// A table's `when`, parsed; a condition that does not parse is reported
/// where it goes wrong.
pub fn read_when(t: &Table<'_>) -> Option<WrittenWhen> {
    let ctx = t.ctx();
    t.string("when", false).and_then(|(source, span)| {
        let inner_start = inner_start(&ctx.src.text, &span, &source);
        match condition::parse(&source) {
            Ok(condition) => Some(WrittenWhen {
                condition,
                span,
                inner_start,
            }),
            Err(error) => {
                let at = inner_start.map_or(span.start, |s| s + error.offset);
                report(ctx, &(at..at), Message::Condition { error });
                None
            }
        }
    })
}

/// Where a TOML string's content starts, when its source maps one to one.
fn inner_start(file: &str, span: &Range<usize>, value: &str) -> Option<usize> {
    let raw = file.get(span.clone())?;
    let inner = raw.get(1..raw.len().checked_sub(1)?)?;
    (inner == value).then_some(span.start + 1)
}

fn decode_kind(
    t: &Table<'_>,
    kind: &str,
    span: &Range<usize>,
    item: Option<Name>,
    notes: &mut ItemNotes,
) -> Option<Kind> {
    let ctx = t.ctx();
    let leans = &mut notes.leans;
    Some(match kind {
        "indicator" => Kind::Indicator {
            unit: t.text("unit", false, TextForm::Line),
        },
        "measurement" => decode_measurement(t, &mut notes.refs)?,
        "check" => Kind::Check,
        "date" => Kind::Date,
        "text" => Kind::Text {
            long: t.bool("long").unwrap_or(false),
        },
        "choice" => Kind::Choice {
            options: decode_options(t, item, leans),
        },
        "multi" => Kind::Multi {
            options: decode_options(t, item, leans),
        },
        "scale" => Kind::Scale(decode_scale(t)?),
        "number" => {
            let finite = |bound: Option<(f64, std::ops::Range<usize>)>, key| {
                bound.filter(|(value, span)| {
                    if !value.is_finite() {
                        let value = *value;
                        report(ctx, span, Message::NotFinite { key, value });
                    }
                    value.is_finite()
                })
            };
            let min = finite(t.number("min"), "min");
            let max = finite(t.number("max"), "max");
            let unit = t.text("unit", false, TextForm::Line);
            if let (Some((lo, span)), Some((hi, _))) = (&min, &max)
                && lo >= hi
            {
                let (min, max) = (*lo, *hi);
                report(ctx, span, Message::MinNotBelowMax { min, max });
            }
            Kind::Number {
                min: min.map(|(n, _)| n),
                max: max.map(|(n, _)| n),
                unit,
            }
        }
        other => {
            let message = Message::UnknownKind {
                kind: other.to_string(),
                near: closest(other, KINDS).map(str::to_string),
                kinds: &KINDS,
            };
            report(ctx, span, message);
            return None;
        }
    })
}

/// A measurement's `indicator` (required) and `due`, each `phase.item`;
/// what they name is checked across files.
fn decode_measurement(t: &Table<'_>, refs: &mut Vec<WrittenRef>) -> Option<Kind> {
    let indicator = named(t, refs, "indicator", true, "indicator");
    let due = named(t, refs, "due", false, "date");
    Some(Kind::Measurement {
        indicator: indicator?,
        due,
    })
}

/// A `phase.item` under `key`, kept in `refs` to check it names an item of
/// the kind it `wants`.
fn named(
    t: &Table<'_>,
    refs: &mut Vec<WrittenRef>,
    key: &'static str,
    required: bool,
    wants: &'static str,
) -> Option<Name> {
    let (written, span) = t.string(key, required)?;
    match written.split_once('.') {
        Some((phase, item)) if !phase.is_empty() && !item.is_empty() => {
            let name = Name {
                phase: Some(phase.to_string()),
                item: item.to_string(),
            };
            refs.push(WrittenRef {
                name: name.clone(),
                span,
                wants,
            });
            Some(name)
        }
        _ => {
            report(t.ctx(), &span, Message::NotPhaseItem { written });
            None
        }
    }
}

fn decode_options(t: &Table<'_>, item: Option<Name>, leans: &mut Vec<WrittenLean>) -> Vec<Choice> {
    let ctx = t.ctx();
    let tables = t.tables("options", true);
    let mut seen = Seen::default();
    let mut options = Vec::new();
    let count = tables.len();
    for option in tables {
        let id = option.id("id");
        let label = option.text("label", true, TextForm::Line);
        let lean = option
            .string("lean", false)
            .and_then(|(lean, span)| match lean.as_str() {
                "innovation" => {
                    leans.extend(item.clone().map(|item| WrittenLean { item, span }));
                    Some(Lean::Innovation)
                }
                "development" => {
                    leans.extend(item.clone().map(|item| WrittenLean { item, span }));
                    Some(Lean::Development)
                }
                _ => {
                    report(ctx, &span, Message::BadLean { lean });
                    None
                }
            });
        let ask_again = option.bool("ask_again").unwrap_or(false);
        option.finish(&[], Part::Option);
        if let (Some((id, id_span)), Some(label)) = (id, label)
            && seen.first(ctx, &id, &id_span)
        {
            options.push(Choice {
                id,
                label,
                lean,
                ask_again,
            });
        }
    }
    if count < 2 && t.raw("options").is_some() {
        let span = t.raw("options").map_or(t.span(), |v| v.span());
        report(ctx, &span, Message::TooFewOptions);
    }
    options
}

/// Reads `min`, `max` and `labels` of a scale (an item's, or readiness').
pub fn decode_scale(t: &Table<'_>) -> Option<Scale> {
    let ctx = t.ctx();
    let min = t.integer("min", true);
    let max = t.integer("max", true);
    let labels_table = t.table("labels");
    let (Some((min, min_span)), Some((max, _))) = (min, max) else {
        if let Some(labels) = labels_table {
            labels.finish(&[], "labels");
        }
        return None;
    };
    if min >= max {
        report(ctx, &min_span, Message::ScaleBounds { min, max });
        return None;
    }
    let mut labels = BTreeMap::new();
    if let Some(value) = t.raw("labels")
        && let DeValue::Table(table) = value.get_ref()
    {
        for (key, label) in table.iter() {
            let key_str: &str = key.get_ref();
            let point = key_str
                .parse::<i64>()
                .ok()
                .filter(|p| (min..=max).contains(p));
            let Some(point) = point else {
                let key_str = key_str.to_string();
                let message = Message::LabelOffTheScale {
                    key: key_str,
                    min,
                    max,
                };
                report(ctx, &key.span(), message);
                continue;
            };
            if let Some(text) = read_value_text(ctx, "labels", label, TextForm::Line) {
                labels.insert(point, text);
            }
        }
    }
    Some(Scale { min, max, labels })
}

/// Turns a `default` into an answer the kind accepts.
/// Reads a TOML value as an answer to an item of `kind` (a `default`, or a
/// profile answer in workbook.toml). `what` names it in the message.
/// A TOML value as a condition value, before its kind is checked.
pub fn plain_value(value: &DeValue<'_>) -> Option<Value> {
    match value {
        DeValue::Boolean(b) => Some(Value::Bool(*b)),
        DeValue::String(s) => Some(Value::Str(s.to_string())),
        DeValue::Integer(_) => integer_of(value).map(|n| Value::Num(n as f64)),
        DeValue::Float(_) => number_of(value).map(Value::Num),
        DeValue::Datetime(d) => Some(Value::Str(d.to_string())),
        DeValue::Array(items) => items
            .iter()
            .map(|v| plain_value(v.get_ref()))
            .collect::<Option<Vec<_>>>()
            .map(Value::List),
        DeValue::Table(_) => None,
    }
}

pub fn value_of(kind: &Kind, value: &DeValue<'_>, what: impl Into<Said>) -> Result<Value, Message> {
    match plain_value(value) {
        Some(plain) => check_value(kind, &plain, what),
        None => Err(wrong_kind(kind, what.into())),
    }
}

/// Checks that a value fits an item of `kind`: the right type, an option
/// that exists, a number within bounds, a real date.
pub fn check_value(kind: &Kind, value: &Value, what: impl Into<Said>) -> Result<Value, Message> {
    let what = what.into();
    let option_ids = || {
        kind.options()
            .iter()
            .map(|o| o.id.as_str())
            .collect::<Vec<_>>()
    };
    let is_option = |id: &str| -> Result<Value, Message> {
        if option_ids().contains(&id) {
            Ok(Value::Str(id.to_string()))
        } else {
            Err(Message::NotAnOption {
                id: id.to_string(),
                ids: option_ids().into_iter().map(str::to_string).collect(),
            })
        }
    };
    let wrong = || Err(wrong_kind(kind, what.clone()));
    match (kind, value) {
        (Kind::Check, Value::Bool(b)) => Ok(Value::Bool(*b)),
        (Kind::Text { .. }, Value::Str(s)) => Ok(Value::Str(s.clone())),
        (Kind::Choice { .. }, Value::Str(s)) => is_option(s),
        (Kind::Multi { .. }, Value::List(items)) => {
            let mut seen = Vec::new();
            items
                .iter()
                .map(|v| match v {
                    Value::Str(s) if seen.contains(s) => Err(Message::Twice { id: s.clone() }),
                    Value::Str(s) => {
                        seen.push(s.clone());
                        is_option(s)
                    }
                    _ => wrong(),
                })
                .collect::<Result<Vec<_>, _>>()
                .map(Value::List)
        }
        (Kind::Scale(scale), Value::Num(n))
            if n.fract() == 0.0 && (scale.min as f64..=scale.max as f64).contains(n) =>
        {
            Ok(Value::Num(*n))
        }
        (Kind::Number { min, max, .. }, Value::Num(n))
            if n.is_finite() && min.is_none_or(|lo| *n >= lo) && max.is_none_or(|hi| *n <= hi) =>
        {
            Ok(Value::Num(*n))
        }
        (Kind::Date, Value::Str(s)) => parse_date(s).map(Value::Str),
        _ => wrong(),
    }
}

/// An answer (`what`) that is not what an item of `kind` takes.
fn wrong_kind(kind: &Kind, what: Said) -> Message {
    let kind = kind.clone();
    Message::WrongKind { what, kind }
}

/// Checks a calendar date written `YYYY-MM-DD`.
pub fn parse_date(s: &str) -> Result<String, Message> {
    crate::text::day::parse_day(s)
        .map(|date| date.to_string())
        .ok_or_else(|| Message::NotADate {
            value: s.to_string(),
        })
}

/// What decoding an item, or checking a value for one, says; worded in
/// `words`.
#[derive(Clone, Debug)]
pub enum Message {
    /// A `when` that does not parse.
    Condition { error: SyntaxError },
    /// A bound of a number item that is not finite.
    NotFinite { key: &'static str, value: f64 },
    /// A number item's `min` not below its `max`.
    MinNotBelowMax { min: f64, max: f64 },
    /// An item `kind` dino does not know, perhaps a near one, among `kinds`.
    UnknownKind {
        kind: String,
        near: Option<String>,
        kinds: &'static [&'static str],
    },
    /// A `lean` other than `innovation` or `development`.
    BadLean { lean: String },
    /// `options` with fewer than two options.
    TooFewOptions,
    /// A scale whose `min` is not below its `max`.
    ScaleBounds { min: i64, max: i64 },
    /// A key of a scale's `labels` that is not a point on it.
    LabelOffTheScale { key: String, min: i64, max: i64 },
    /// A value that is none of an item's options (`ids`).
    NotAnOption { id: String, ids: Vec<String> },
    /// An option given twice in a multi's value.
    Twice { id: String },
    /// A value (`what`) of the wrong type for an item of `kind`.
    WrongKind { what: Said, kind: Kind },
    /// A date not written YYYY-MM-DD, or no such day.
    NotADate { value: String },
    /// A measurement's `indicator` or `due` not written `phase.item`.
    NotPhaseItem { written: String },
    /// An indicator or measurement among the profile questions.
    NotInProfile { kind: &'static str },
}
