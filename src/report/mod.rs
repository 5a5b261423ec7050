//! Reports for analysts and managers: one workbook, or a portfolio of many,
//! as Markdown, self-contained HTML or JSON (docs/json.md), optionally with
//! personal names replaced (`--redact`).

pub mod html;
pub mod markdown;
pub mod model;
pub mod redact;
pub mod svg;

use serde::Serialize;

use crate::i18n::Lang;
use crate::pack::condition::Value;
use crate::pack::{Item, Kind};
pub use model::{WorkbookReport, build};

/// A portfolio: the overview and every workbook.
#[derive(Clone, Debug, Serialize)]
pub struct Report {
    pub schema: u32,
    pub workbooks: Vec<WorkbookReport>,
}

/// A profile answer in words: option labels, yes or no, the number or text.
pub fn profile_answer(item: &Item, value: &Value, text_lang: Lang, lang: Lang) -> String {
    let label = |id: &str| {
        item.kind
            .options()
            .iter()
            .find(|o| o.id == id)
            .map_or_else(|| id.to_string(), |o| o.label.get(text_lang).to_string())
    };
    match (value, &item.kind) {
        (Value::Bool(b), _) => if *b {
            lang.pick("Ja", "Yes")
        } else {
            lang.pick("Nej", "No")
        }
        .to_string(),
        (Value::Str(s), Kind::Choice { .. }) => label(s),
        (Value::Str(s), _) => s.clone(),
        (Value::Num(n), _) => crate::session::answer_form::format_number(*n, lang),
        (Value::List(items), _) if items.is_empty() => lang.pick("(inga)", "(none)").to_string(),
        (Value::List(items), _) => items
            .iter()
            .map(|v| match v {
                Value::Str(s) => label(s),
                other => format!("{other:?}"),
            })
            .collect::<Vec<_>>()
            .join(", "),
    }
}
