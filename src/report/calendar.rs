//! What is due as an iCalendar file (RFC 5545), for Outlook, Google
//! Calendar and Thunderbird: a to-do per open action and risk, due on its
//! day, and an event for a planned gate. Each has a UID made of its id and its workbook's, so importing the
//! calendar again updates it instead of adding it twice.

use chrono::{DateTime, NaiveDate, Utc};
use icalendar::{Calendar, Component, Event, EventLike, Property, Todo, TodoStatus};

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
        match row.due.kind {
            DueKind::Gate => calendar.push(event(row, stamp, lang)),
            _ => calendar.push(todo(row, stamp, lang)),
        };
    }
    calendar.done().to_string()
}

/// One to-do: what, by whom, in which workbook, due on its day.
fn todo(row: &DueRow, stamp: DateTime<Utc>, lang: Lang) -> Todo {
    let due = &row.due;
    let mut todo = Todo::new();
    todo.uid(&uid(row))
        .summary(&due.text)
        .description(&description(row, lang))
        .timestamp(stamp)
        .status(TodoStatus::NeedsAction);
    if let Some(day) = naive(due.day) {
        todo.due(day);
    }
    todo.done()
}

/// A planned gate: an event that lasts the day.
fn event(row: &DueRow, stamp: DateTime<Utc>, lang: Lang) -> Event {
    let gate = lang.pick("Beslutspunkt", "Gate");
    let mut event = Event::new();
    event
        .uid(&uid(row))
        .summary(&format!("{gate}: {}", row.due.text))
        .description(&description(row, lang))
        .timestamp(stamp);
    if let Some(day) = naive(row.due.day) {
        event.all_day(day);
    }
    event.done()
}

/// The same item's UID whenever it is exported: its id and its workbook's.
fn uid(row: &DueRow) -> String {
    let due = &row.due;
    match due.kind {
        DueKind::Gate => format!("gate-{}@{}.dino", due.id, row.workbook_id),
        // An indicator may be due more than once.
        DueKind::Measurement | DueKind::Target => format!(
            "{}-{}-{}@{}.dino",
            due.kind.id(),
            due.id,
            due.day,
            row.workbook_id
        ),
        _ => format!("{}@{}.dino", due.id, row.workbook_id),
    }
}

/// What it is, in which workbook, who sees to it, and how to close it.
fn description(row: &DueRow, lang: Lang) -> String {
    let due = &row.due;
    let kind = super::due::kind_word(due.kind, lang);
    let mut lines = vec![format!("{kind} {} · {}", due.id, row.workbook_name)];
    if let Some(owner) = &due.owner {
        lines.push(format!("{}: {owner}", lang.pick("Ansvarig", "Owner")));
    }
    if due.kind.is_measured() {
        lines.push(format!("dino measure {} …", due.id));
    } else if due.kind != DueKind::Gate {
        lines.push(format!("dino done {}", due.id));
    }
    lines.join("\n")
}

/// A day as the calendar crate takes it.
fn naive(day: jiff::civil::Date) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(
        i32::from(day.year()),
        u32::from(day.month().unsigned_abs()),
        u32::from(day.day().unsigned_abs()),
    )
}

/// The moment the list is as of, in UTC, to the second.
fn utc(list: &DueList) -> DateTime<Utc> {
    DateTime::from_timestamp(list.as_of.at.as_second(), 0).unwrap_or_default()
}
