//! What is due across workbooks, as of a day: the rows of `dino due`, as a
//! table for people and as JSON (docs/json.md); `report::calendar` writes
//! them as a calendar.

use std::fmt::Write as _;

use serde_json::{Value as Json, json};

use crate::i18n::Lang;
use crate::log::Stamp;
use crate::state::follow_up::{Due, DueKind};
use crate::text::table::new_table;

/// One workbook's thing that is due.
#[derive(Clone, Debug)]
pub struct DueRow {
    /// The workbook's id (its folder's name when it was made).
    pub workbook_id: String,
    pub workbook_name: String,
    pub due: Due,
}

/// Everything due, as of a moment, in the order shown: by day (so the
/// overdue come first), then by workbook, kind and id.
#[derive(Clone, Debug)]
pub struct DueList {
    pub as_of: Stamp,
    pub rows: Vec<DueRow>,
}

impl DueList {
    pub fn new(as_of: Stamp, mut rows: Vec<DueRow>) -> DueList {
        rows.sort_by(|a, b| {
            let key = |r: &DueRow| {
                (
                    r.due.day,
                    r.workbook_id.clone(),
                    r.due.kind,
                    r.due.id.clone(),
                )
            };
            key(a).cmp(&key(b))
        });
        DueList { as_of, rows }
    }

    /// How many rows are overdue.
    pub fn overdue(&self) -> usize {
        self.rows.iter().filter(|r| r.due.overdue).count()
    }

    /// The table for people, after a line that says the day it is as of;
    /// with a workbook column when there are several.
    pub fn table(&self, lang: Lang, width: Option<u16>, several: bool) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "{}", self.summary(lang));
        if self.rows.is_empty() {
            return out;
        }
        let mut header = vec![
            lang.pick("Datum", "Date").to_string(),
            lang.pick("Läge", "State").to_string(),
        ];
        if several {
            header.push(lang.pick("Arbetsbok", "Workbook").to_string());
        }
        for words in [
            ("Vad", "What"),
            ("Id", "Id"),
            ("Ansvarig", "Owner"),
            ("Text", "Text"),
        ] {
            header.push(lang.pick(words.0, words.1).to_string());
        }
        let mut table = new_table(header, width);
        for row in &self.rows {
            table.add_row(cells(row, lang, several));
        }
        let _ = writeln!(out, "{table}");
        out
    }

    /// "As of 2026-03-10: 3 to follow up, 1 overdue."
    fn summary(&self, lang: Lang) -> String {
        let day = self.as_of.date();
        let (count, overdue) = (self.rows.len(), self.overdue());
        match (count, overdue) {
            (0, _) => crate::tr!(
                lang,
                "Per {day}: inget att följa upp.",
                "As of {day}: nothing to follow up."
            ),
            (_, 0) => crate::tr!(
                lang,
                "Per {day}: {count} att följa upp, inget försenat.",
                "As of {day}: {count} to follow up, none overdue."
            ),
            (_, 1) => crate::tr!(
                lang,
                "Per {day}: {count} att följa upp, 1 försenad.",
                "As of {day}: {count} to follow up, 1 overdue."
            ),
            _ => crate::tr!(
                lang,
                "Per {day}: {count} att följa upp, {overdue} försenade.",
                "As of {day}: {count} to follow up, {overdue} overdue."
            ),
        }
    }

    /// `{ "schema": 1, "as_of": DATE, "items": [...] }` (docs/json.md).
    pub fn json(&self) -> Json {
        let items: Vec<Json> = self
            .rows
            .iter()
            .map(|row| {
                let mut item = super::json::due_item(&row.due);
                item["workbook"] = json!(row.workbook_id);
                item["workbook_name"] = json!(row.workbook_name);
                item
            })
            .collect();
        json!({
            "schema": super::json::SCHEMA,
            "as_of": self.as_of.date().to_string(),
            "items": items,
        })
    }
}

/// What kind of thing is due, in a word.
pub fn kind_word(kind: DueKind, lang: Lang) -> &'static str {
    match kind {
        DueKind::Action => lang.pick("åtgärd", "action"),
        DueKind::Condition => lang.pick("villkor", "condition"),
        DueKind::Criterion => lang.pick("kriterium", "criterion"),
        DueKind::Risk => lang.pick("risk", "risk"),
        DueKind::Gate => lang.pick("beslutspunkt", "gate"),
        DueKind::Measurement => lang.pick("mätning", "measurement"),
        DueKind::Target => lang.pick("mål", "target"),
    }
}

/// A row's cells, in the header's order.
fn cells(row: &DueRow, lang: Lang, several: bool) -> Vec<String> {
    let due = &row.due;
    let state = if due.overdue {
        lang.pick("försenad", "overdue")
    } else {
        ""
    };
    let mut cells = vec![due.day.to_string(), state.to_string()];
    if several {
        cells.push(row.workbook_name.clone());
    }
    cells.extend([
        kind_word(due.kind, lang).to_string(),
        due.id.clone(),
        due.owner.clone().unwrap_or_else(|| "–".into()),
        super::status_view::shorten(&due.text, 60),
    ]);
    cells
}
