//! What is due as an iCalendar file (RFC 5545), for Outlook, Google
//! Calendar and Thunderbird: a to-do per open action and risk, due on its
//! day. Each has a UID made of its id and its workbook's, so importing the
//! calendar again updates it instead of adding it twice.

use chrono::{DateTime, NaiveDate, Utc};
use icalendar::{Calendar, Component, Property, Todo, TodoStatus};

use super::due::{DueList, DueRow};
use crate::i18n::Lang;
use crate::state::follow_up::DueKind;

/// The calendar of `list`, its names in `lang`. Deterministic: the stamp
/// of every to-do is the moment the list is as of (`DINO_NOW`, else now).
pub fn ics(list: &DueList, lang: Lang) -> String {
    let mut calendar = Calendar::empty();
    for (key, value) in [
        ("VERSION", "2.0"),
        ("PRODID", "-//dino//dino due//EN"),
        ("CALSCALE", "GREGORIAN"),
        ("METHOD", "PUBLISH"),
    ] {
        calendar.append_property(Property::new(key, value));
    }
    calendar.append_property(Property::new(
        "X-WR-CALNAME",
        lang.pick("dino: att följa upp", "dino: to follow up"),
    ));
    let stamp = utc(list);
    for row in &list.rows {
        calendar.push(todo(row, stamp, lang));
    }
    calendar.done().to_string()
}

/// One to-do: what, by whom, in which workbook, due on its day.
fn todo(row: &DueRow, stamp: DateTime<Utc>, lang: Lang) -> Todo {
    let due = &row.due;
    let kind = match due.kind {
        DueKind::Action => lang.pick("Åtgärd", "Action"),
        DueKind::Risk => lang.pick("Risk", "Risk"),
    };
    let mut lines = vec![format!("{kind} {} · {}", due.id, row.workbook_name)];
    if let Some(owner) = &due.owner {
        lines.push(format!("{}: {owner}", lang.pick("Ansvarig", "Owner")));
    }
    lines.push(format!("dino done {}", due.id));
    let mut todo = Todo::new();
    todo.uid(&format!("{}@{}.dino", due.id, row.workbook_id))
        .summary(&due.text)
        .description(&lines.join("\n"))
        .timestamp(stamp)
        .status(TodoStatus::NeedsAction);
    if let Some(day) = NaiveDate::from_ymd_opt(
        i32::from(due.day.year()),
        u32::from(due.day.month().unsigned_abs()),
        u32::from(due.day.day().unsigned_abs()),
    ) {
        todo.due(day);
    }
    todo.done()
}

/// The moment the list is as of, in UTC, to the second.
fn utc(list: &DueList) -> DateTime<Utc> {
    DateTime::from_timestamp(list.as_of.at.as_second(), 0).unwrap_or_default()
}
