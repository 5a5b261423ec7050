//! What comes next for a workbook: its open actions, and its open risks
//! with a due day, each overdue or not as of a day (docs/log-format.md,
//! "Reading the log: the state").

use jiff::civil::Date;

use super::State;
use crate::log::EntryKind;
use crate::workbook::Workbook;

/// What kind of thing is due.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum DueKind {
    Action,
    Risk,
}

impl DueKind {
    /// The name in JSON and calendars.
    pub fn id(self) -> &'static str {
        match self {
            DueKind::Action => "action",
            DueKind::Risk => "risk",
        }
    }
}

/// One open thing with a due day.
#[derive(Clone, Debug)]
pub struct Due {
    pub kind: DueKind,
    /// The id it is closed by (`dino done ID`): its entry's id.
    pub id: String,
    /// What it says, in a line.
    pub text: String,
    pub owner: Option<String>,
    pub day: Date,
    pub phase: Option<String>,
    /// Its day is before the day it is read as of.
    pub overdue: bool,
}

/// Every open action, and every open risk with a due day, by day (so the
/// overdue come first), then by kind and id.
pub fn due(workbook: &Workbook, state: &State, as_of: Date) -> Vec<Due> {
    let mut out: Vec<Due> = state
        .notes
        .iter()
        .filter(|note| note.open)
        .filter_map(|note| {
            let loaded = &workbook.entries[note.entry];
            let meta = &loaded.entry.meta;
            let kind = match meta.kind {
                EntryKind::Action => DueKind::Action,
                EntryKind::Risk => DueKind::Risk,
                _ => return None,
            };
            let day = meta.due?;
            Some(Due {
                kind,
                id: loaded.id.clone(),
                text: loaded.headline(),
                owner: meta.owner.clone(),
                day,
                phase: meta.phase.clone(),
                overdue: day < as_of,
            })
        })
        .collect();
    out.sort_by(|a, b| (a.day, a.kind, &a.id).cmp(&(b.day, b.kind, &b.id)));
    out
}

/// How many of `items` are overdue.
pub fn overdue(items: &[Due]) -> usize {
    items.iter().filter(|d| d.overdue).count()
}
