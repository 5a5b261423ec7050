//! Decoding one item table (a profile question or a phase's checklist
//! item), with the keys its kind takes.

use std::collections::BTreeMap;
use std::ops::Range;

use toml::de::DeValue;

use super::super::condition::{self, Condition, Name, Value};
use super::super::model::{Choice, Item, Kind, Lean, Scale};
use super::Seen;
use super::text::{TextForm, TextOf, read_value_text};
use crate::finding::closest;
use crate::i18n::{Lang, Said};
use crate::toml_read::{Table, integer_of, number_of};
use crate::tr;

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
}

const KINDS: [&str; 7] = [
    "check", "text", "choice", "multi", "scale", "date", "number",
];

/// Keys that belong to some kinds only, and which.
const KIND_KEYS: [(&str, &str); 6] = [
    ("long", "text"),
    ("options", "choice, multi"),
    ("min", "scale, number"),
    ("max", "scale, number"),
    ("labels", "scale"),
    ("unit", "number"),
];

/// The keys that belong to other kinds of item, with the kinds they
/// belong to; for an item in a phase, `default` too (profile questions').
fn elsewhere(in_phase: bool, lang: Lang) -> Vec<(&'static str, Said)> {
    let mut keys = KIND_KEYS
        .map(|(key, kinds)| (key, Said::from(kinds)))
        .to_vec();
    if in_phase {
        let kinds = lang.pick("profilfrågor", "profile questions");
        keys.push(("default", kinds.into()));
    }
    keys
}

/// Decodes an item. `phase` is `None` for a profile question. The item is
/// `None` when it has errors (already reported).
pub fn decode_item(t: Table<'_>, phase: Option<&str>) -> (Option<Item>, ItemNotes) {
    let ctx = t.ctx();
    let lang = ctx.lang;
    let id = t.id("id");
    let prompt = t.text("prompt", true, TextForm::Line);
    let help = t.text("help", false, TextForm::Markdown);
    let required = t.bool("required").unwrap_or(false);
    let when = t.string("when", false).and_then(|(source, span)| {
        let inner_start = inner_start(&ctx.src.text, &span, &source);
        match condition::parse(&source) {
            Ok(condition) => Some(WrittenWhen {
                condition,
                span,
                inner_start,
            }),
            Err(err) => {
                let at = inner_start.map_or(span.start, |s| s + err.offset);
                let message = err.message(lang).to_string();
                ctx.report(
                    &(at..at),
                    tr!(lang, "villkoret: {message}", "condition: {message}"),
                );
                None
            }
        }
    });

    let mut notes = ItemNotes::default();
    let kind = t.string("kind", true).and_then(|(kind, span)| {
        let item_name = |item: &str| Name {
            phase: phase.map(str::to_string),
            item: item.to_string(),
        };
        let for_leans = id.as_ref().map(|(id, _)| item_name(id));
        decode_kind(&t, &kind, &span, for_leans, &mut notes.leans)
    });
    let default = if phase.is_none() {
        t.raw("default").and_then(|value| {
            let kind = kind.as_ref()?;
            match value_of(kind, value.get_ref(), "`default`", lang) {
                Ok(v) => Some(v),
                Err(message) => {
                    ctx.report(&value.span(), message);
                    None
                }
            }
        })
    } else {
        None
    };

    let here = match &kind {
        Some(kind) => {
            let name = kind.name();
            tr!(lang, "en punkt av typen {name}", "a {name} item")
        }
        None => tr!(lang, "en punkt", "an item").to_string(),
    };
    t.finish(&elsewhere(phase.is_some(), lang), here);

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
    leans: &mut Vec<WrittenLean>,
) -> Option<Kind> {
    let ctx = t.ctx();
    let lang = ctx.lang;
    Some(match kind {
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
            let finite = |bound: Option<(f64, std::ops::Range<usize>)>, key: &str| {
                bound.filter(|(n, span)| {
                    if !n.is_finite() {
                        ctx.report(
                            span,
                            tr!(
                                lang,
                                "`{key}` ska vara ett ändligt tal, inte {n}",
                                "`{key}` must be a finite number, not {n}"
                            ),
                        );
                    }
                    n.is_finite()
                })
            };
            let min = finite(t.number("min"), "min");
            let max = finite(t.number("max"), "max");
            let unit = t.text("unit", false, TextForm::Line);
            if let (Some((lo, span)), Some((hi, _))) = (&min, &max)
                && lo >= hi
            {
                ctx.report(
                    span,
                    tr!(
                        lang,
                        "`min` ({lo}) ska vara mindre än `max` ({hi})",
                        "`min` ({lo}) must be below `max` ({hi})"
                    ),
                );
            }
            Kind::Number {
                min: min.map(|(n, _)| n),
                max: max.map(|(n, _)| n),
                unit,
            }
        }
        other => {
            let kinds = KINDS.join(", ");
            let message = match closest(other, KINDS) {
                Some(near) => tr!(
                    lang,
                    "okänd typ `{other}`; menade du `{near}`? (typer: {kinds})",
                    "unknown kind `{other}`; did you mean `{near}`? (kinds: {kinds})"
                ),
                None => tr!(
                    lang,
                    "okänd typ `{other}` (typer: {kinds})",
                    "unknown kind `{other}` (kinds: {kinds})"
                ),
            };
            ctx.report(span, message);
            return None;
        }
    })
}

fn decode_options(t: &Table<'_>, item: Option<Name>, leans: &mut Vec<WrittenLean>) -> Vec<Choice> {
    let ctx = t.ctx();
    let lang = ctx.lang;
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
                other => {
                    ctx.report(
                        &span,
                        tr!(
                            lang,
                            "`lean` är `innovation` eller `development`, inte `{other}`",
                            "`lean` is `innovation` or `development`, not `{other}`"
                        ),
                    );
                    None
                }
            });
        option.finish(&[], lang.pick("ett alternativ", "an option"));
        if let (Some((id, id_span)), Some(label)) = (id, label)
            && seen.first(ctx, &id, &id_span)
        {
            options.push(Choice { id, label, lean });
        }
    }
    if count < 2 && t.raw("options").is_some() {
        ctx.report(
            &t.raw("options").map_or(t.span(), |v| v.span()),
            tr!(
                lang,
                "`options` behöver minst två alternativ",
                "`options` needs at least two options"
            ),
        );
    }
    options
}

/// Reads `min`, `max` and `labels` of a scale (an item's, or readiness').
pub fn decode_scale(t: &Table<'_>) -> Option<Scale> {
    let ctx = t.ctx();
    let lang = ctx.lang;
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
        ctx.report(
            &min_span,
            tr!(
                lang,
                "skalans gränser är omvända eller lika: `min` ({min}) ska vara mindre än `max` ({max})",
                "the scale's bounds are reversed or equal: `min` ({min}) must be below `max` ({max})"
            ),
        );
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
                ctx.report(
                        &key.span(),
                        tr!(
                            lang,
                            "`labels` har nyckeln `{key_str}`, men nycklarna ska vara skalsteg från {min} till {max}",
                            "`labels` has the key `{key_str}`, but its keys must be scale points from {min} to {max}"
                        ),
                    );
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

pub fn value_of(kind: &Kind, value: &DeValue<'_>, what: &str, lang: Lang) -> Result<Value, String> {
    match plain_value(value) {
        Some(plain) => check_value(kind, &plain, what, lang),
        None => Err(wrong_kind(kind, what, lang)),
    }
}

/// Checks that a value fits an item of `kind`: the right type, an option
/// that exists, a number within bounds, a real date.
pub fn check_value(kind: &Kind, value: &Value, what: &str, lang: Lang) -> Result<Value, String> {
    let option_ids = || {
        kind.options()
            .iter()
            .map(|o| o.id.as_str())
            .collect::<Vec<_>>()
    };
    let is_option = |id: &str| -> Result<Value, String> {
        if option_ids().contains(&id) {
            Ok(Value::Str(id.to_string()))
        } else {
            let ids = option_ids().join(", ");
            Err(tr!(
                lang,
                "`{id}` är inget av alternativen ({ids})",
                "`{id}` is not one of the options ({ids})"
            ))
        }
    };
    let wrong = || Err(wrong_kind(kind, what, lang));
    match (kind, value) {
        (Kind::Check, Value::Bool(b)) => Ok(Value::Bool(*b)),
        (Kind::Text { .. }, Value::Str(s)) => Ok(Value::Str(s.clone())),
        (Kind::Choice { .. }, Value::Str(s)) => is_option(s),
        (Kind::Multi { .. }, Value::List(items)) => {
            let mut seen = Vec::new();
            items
                .iter()
                .map(|v| match v {
                    Value::Str(s) if seen.contains(s) => {
                        Err(tr!(lang, "`{s}` står två gånger", "`{s}` is there twice"))
                    }
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
        (Kind::Date, Value::Str(s)) => parse_date(s, lang).map(Value::Str),
        _ => wrong(),
    }
}

/// What an answer to an item of `kind` must be.
fn wrong_kind(kind: &Kind, what: &str, lang: Lang) -> String {
    let name = kind.name();
    let wanted = match kind {
        Kind::Check => lang.pick("true eller false", "true or false").to_string(),
        Kind::Text { .. } => lang.pick("en sträng", "a string").to_string(),
        Kind::Choice { .. } => lang.pick("ett alternativs id", "an option id").to_string(),
        Kind::Multi { .. } => lang
            .pick("en lista med alternativs id", "an array of option ids")
            .to_string(),
        Kind::Scale(scale) => {
            let (lo, hi) = (scale.min, scale.max);
            tr!(
                lang,
                "ett heltal från {lo} till {hi}",
                "an integer from {lo} to {hi}"
            )
        }
        Kind::Number { .. } => lang
            .pick("ett tal inom gränserna", "a number within the bounds")
            .to_string(),
        Kind::Date => lang
            .pick("ett datum, ÅÅÅÅ-MM-DD", "a date, YYYY-MM-DD")
            .to_string(),
    };
    tr!(
        lang,
        "{what} för en punkt av typen {name} ska vara {wanted}",
        "{what} of a {name} item must be {wanted}"
    )
}

/// Checks a calendar date written `YYYY-MM-DD`.
pub fn parse_date(s: &str, lang: Lang) -> Result<String, String> {
    match s.parse::<jiff::civil::Date>() {
        Ok(date) if s.len() == 10 => Ok(date.to_string()),
        _ => Err(tr!(
            lang,
            "`{s}` är inget datum; skriv ÅÅÅÅ-MM-DD",
            "`{s}` is not a date; write YYYY-MM-DD"
        )),
    }
}
