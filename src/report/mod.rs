//! Reports for analysts and managers: one workbook, or a portfolio of many,
//! as Markdown, self-contained HTML or JSON (docs/json.md), optionally with
//! personal names replaced (`--redact`).

pub mod calendar;
pub mod diff;
pub mod document;
pub mod due;
pub mod json;
pub mod model;
pub mod readiness_chart;
pub mod redact;
pub mod register;
pub mod state_words;
pub mod status_view;
pub mod svg;
pub mod words;

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
        (Value::Num(n), _) => crate::state::answer::format_number(*n, lang),
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

/// One workbook's line in a portfolio's overview.
#[derive(Clone, Debug)]
pub struct OverviewRow {
    pub name: String,
    /// The workbook's id, which its anchor is made from.
    pub id: String,
    pub current: String,
    pub done: usize,
    pub required: usize,
    pub open_risks: usize,
    pub overdue: usize,
    pub next_due: Option<String>,
    pub last_activity: Option<String>,
    pub stale: bool,
    /// The id of the workbook's section in a portfolio, which the contents
    /// and the overview link to: from the workbook's id, unique in the
    /// report (see [`OverviewRow::anchor_for`]).
    pub anchor: String,
    /// The latest readiness assessment, for the readiness across the
    /// projects.
    pub readiness: Option<LatestReadiness>,
}

/// A workbook's latest readiness assessment: its day and each dimension's
/// mean, by the dimension's title.
#[derive(Clone, Debug)]
pub struct LatestReadiness {
    pub date: String,
    pub means: Vec<(String, Option<f64>)>,
}

impl OverviewRow {
    pub fn of(r: &WorkbookReport) -> OverviewRow {
        OverviewRow {
            name: r.name.clone(),
            id: r.id.clone(),
            current: r.current.clone(),
            done: r.done,
            required: r.required,
            open_risks: r.open_risks,
            overdue: r.overdue,
            next_due: r.next_due.clone(),
            last_activity: r.last_activity.clone(),
            stale: r.stale,
            anchor: OverviewRow::anchor_for(&r.id, 1),
            readiness: r.readiness.as_ref().map(|rd| LatestReadiness {
                date: rd.latest_date.clone(),
                means: rd
                    .dimensions
                    .iter()
                    .map(|d| (d.title.clone(), d.latest))
                    .collect(),
            }),
        }
    }

    /// The anchor of the `nth` workbook (from 1) with the id `id` in a
    /// report: `wb-` and the id, its characters outside letters, digits,
    /// `-` and `_` as `-`, and from the second on its number after it.
    pub fn anchor_for(id: &str, nth: usize) -> String {
        let id: String = id
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                    c.to_ascii_lowercase()
                } else {
                    '-'
                }
            })
            .collect();
        match nth {
            1 => format!("wb-{id}"),
            n => format!("wb-{id}-{n}"),
        }
    }

    /// The row's cells, in the overview's column order; a stale workbook's
    /// last activity marked.
    pub fn cells(&self, lang: Lang) -> Vec<String> {
        let mut last = self.last_activity.clone().unwrap_or_else(|| "–".into());
        if self.stale {
            last = format!("{last} · {}", words::stale_word(lang));
        }
        vec![
            self.name.clone(),
            self.current.clone(),
            crate::tr!(lang, "{} av {}", "{} of {}", self.done, self.required),
            self.open_risks.to_string(),
            match self.overdue {
                0 => "–".to_string(),
                n => n.to_string(),
            },
            self.next_due.clone().unwrap_or_else(|| "–".into()),
            last,
        ]
    }

    pub fn header(lang: Lang) -> [&'static str; 7] {
        [
            lang.pick("Arbetsbok", "Workbook"),
            lang.pick("Aktuell fas", "Current phase"),
            lang.pick("Klara krav", "Requirements done"),
            lang.pick("Öppna risker", "Open risks"),
            lang.pick("Försenade", "Overdue"),
            lang.pick("Nästa datum", "Next due"),
            lang.pick("Senast aktiv", "Last activity"),
        ]
    }
}

/// A report as JSON with sorted keys, indented to sit in the `workbooks`
/// array of the document (see `json_document`).
pub fn json_item(report: &WorkbookReport) -> serde_json::Result<String> {
    indented(serde_json::to_value(report)?)
}

/// The parts of a workbook's JSON report that its page for a manager
/// (`--summary`) leaves out.
const PAGE_LEAVES_OUT: [&str; 4] = ["profile", "phases", "notes", "diagnostic"];

/// The parts of a workbook's JSON report that a portfolio's summary
/// leaves out: all but its overview.
const SUMMARY_LEAVES_OUT: [&str; 13] = [
    "profile",
    "indicators",
    "phases",
    "notes",
    "readiness",
    "diagnostic",
    "follow_up",
    "problem",
    "goal",
    "last_decision",
    "next_gate",
    "risks",
    "decisions",
];

/// A workbook's page for a manager (`--summary` of one workbook): its JSON
/// report without the profile, phases, notes and diagnostic.
pub fn json_page_item(report: &WorkbookReport) -> serde_json::Result<String> {
    leaving_out(report, &PAGE_LEAVES_OUT)
}

/// A workbook's overview alone, for a portfolio's `--summary`: its JSON
/// report without the profile, phases, notes, readiness, diagnostic, what
/// is to follow up, problem, goal, last decision, risk register and
/// decision log (the counts and the status stay).
pub fn json_summary_item(report: &WorkbookReport) -> serde_json::Result<String> {
    leaving_out(report, &SUMMARY_LEAVES_OUT)
}

/// A workbook's JSON report without the keys `out`, indented.
fn leaving_out(report: &WorkbookReport, out: &[&str]) -> serde_json::Result<String> {
    let mut value = serde_json::to_value(report)?;
    if let Some(map) = value.as_object_mut() {
        for key in out {
            map.remove(*key);
        }
    }
    indented(value)
}

/// A workbook's JSON, indented to sit in the `workbooks` array.
fn indented(value: serde_json::Value) -> serde_json::Result<String> {
    let pretty = crate::report::json::pretty(&value)?;
    Ok(pretty
        .lines()
        .map(|l| format!("    {l}"))
        .collect::<Vec<_>>()
        .join("\n"))
}

/// The start of the JSON document, up to its first item: the day it
/// describes, the schema and the opening of `workbooks`.
pub fn json_document_head(as_of: jiff::civil::Date) -> String {
    format!(
        "{{\n  \"as_of\": \"{as_of}\",\n  \"schema\": {},\n  \"workbooks\": [\n",
        crate::report::json::SCHEMA
    )
}

/// The parts of the JSON document around its items.
pub fn json_document(items: &[String], as_of: jiff::civil::Date) -> Vec<String> {
    if items.is_empty() {
        return vec![format!(
            "{{\n  \"as_of\": \"{as_of}\",\n  \"schema\": {},\n  \"workbooks\": []\n}}\n",
            crate::report::json::SCHEMA
        )];
    }
    let mut parts = vec![json_document_head(as_of)];
    for (i, item) in items.iter().enumerate() {
        parts.push(if i + 1 < items.len() {
            format!("{item},\n")
        } else {
            format!("{item}\n")
        });
    }
    parts.push("  ]\n}\n".to_string());
    parts
}
