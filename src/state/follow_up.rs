//! What comes next for a workbook, as of a day: its open actions (noted on
//! their own, raised in a session, or set as a gate decision's conditions),
//! its open risks with a due day, and the planned date of its next gate;
//! each overdue or not (docs/log-format.md, "Reading the log: the state").

use jiff::civil::Date;

use super::{Current, State};
use crate::log::{Body, EntryKind};
use crate::workbook::{LoadedEntry, Workbook};

/// What kind of thing is due.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum DueKind {
    Action,
    /// An action a gate decision set as its condition.
    Condition,
    /// A gate criterion deferred: the action that sees to it.
    Criterion,
    Risk,
    /// The planned date of the current phase's gate.
    Gate,
    /// A measurement of an indicator, due by a measurement item's `due`
    /// day; its id is the indicator's.
    Measurement,
    /// An indicator's target day, with no measurement on or after it.
    Target,
}

impl DueKind {
    /// The name in JSON and calendars.
    pub fn id(self) -> &'static str {
        match self {
            DueKind::Action => "action",
            DueKind::Condition => "condition",
            DueKind::Criterion => "criterion",
            DueKind::Risk => "risk",
            DueKind::Gate => "gate",
            DueKind::Measurement => "measurement",
            DueKind::Target => "target",
        }
    }

    /// Whether it is settled by `dino measure` rather than `dino done`.
    pub fn is_measured(self) -> bool {
        matches!(self, DueKind::Measurement | DueKind::Target)
    }
}

/// One open thing with a due day.
#[derive(Clone, Debug)]
pub struct Due {
    pub kind: DueKind,
    /// The id it is closed by (`dino done ID`): its entry's id, and for an
    /// action raised in a session or at a gate, a hyphen and its number; a
    /// planned gate's is the id of the decision that planned it.
    pub id: String,
    /// What it says, in a line; a planned gate's phase title.
    pub text: String,
    pub owner: Option<String>,
    pub day: Date,
    pub phase: Option<String>,
    /// Its day is before the day it is read as of.
    pub overdue: bool,
}

/// Everything open with a due day, by day (so the overdue come first),
/// then by kind and id.
pub fn due(workbook: &Workbook, state: &State, as_of: Date) -> Vec<Due> {
    let mut out: Vec<Due> = noted(workbook, state, as_of);
    out.extend(raised(workbook, state, as_of));
    out.extend(planned_gate(workbook, state, as_of));
    out.extend(measurements(workbook, state, as_of));
    out.sort_by(|a, b| (a.day, a.kind, &a.id).cmp(&(b.day, b.kind, &b.id)));
    out
}

/// Open actions noted on their own, and open risks with a due day.
fn noted(workbook: &Workbook, state: &State, as_of: Date) -> Vec<Due> {
    state
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
        .collect()
}

/// Open actions raised beside the records of sessions and gate decisions.
fn raised(workbook: &Workbook, state: &State, as_of: Date) -> Vec<Due> {
    let mut out = Vec::new();
    for loaded in &workbook.entries {
        let kind = match loaded.entry.meta.kind {
            EntryKind::Session => DueKind::Action,
            EntryKind::Gate => DueKind::Condition,
            _ => continue,
        };
        let Body::Records(records) = &loaded.entry.body else {
            continue;
        };
        let actions = records
            .iter()
            .flat_map(|r| r.actions.iter().map(move |a| (r.criterion, a)));
        for (criterion, action) in actions {
            let kind = if criterion { DueKind::Criterion } else { kind };
            let id = action.id_in(&loaded.id);
            if state.closed.contains_key(&id) {
                continue;
            }
            out.push(Due {
                kind,
                id,
                text: crate::workbook::first_line(&action.text),
                owner: Some(action.owner.clone()),
                day: action.due,
                phase: loaded.entry.meta.phase.clone(),
                overdue: action.due < as_of,
            });
        }
    }
    out
}

/// Measurements that are due, and indicators' target days not yet
/// measured; each with the indicator's owner.
fn measurements(workbook: &Workbook, state: &State, as_of: Date) -> Vec<Due> {
    // A stopped project measures nothing more; a finished one goes on
    // measuring its effects.
    if matches!(state.current, Current::Stopped(_)) {
        return Vec::new();
    }
    super::indicators::due_measurements(workbook, state)
        .into_iter()
        .map(|m| Due {
            kind: if m.item.is_some() {
                DueKind::Measurement
            } else {
                DueKind::Target
            },
            id: m.indicator,
            text: m.name,
            owner: Some(m.owner),
            day: m.day,
            phase: Some(m.phase),
            overdue: m.day < as_of,
        })
        .collect()
}

/// The current phase's gate, when the latest gate decision planned a day
/// for it and the project is neither stopped nor finished.
pub fn planned_gate(workbook: &Workbook, state: &State, as_of: Date) -> Option<Due> {
    let Current::Phase(current) = state.current else {
        return None;
    };
    let decision = workbook
        .entries
        .iter()
        .rev()
        .find(|e| e.entry.meta.kind == EntryKind::Gate)?;
    let day = next_gate_of(decision)?;
    let phase = &state.phases[current].id;
    let text_lang = workbook.pack.lang_for(workbook.language());
    let title = workbook
        .pack
        .phase(phase)
        .map_or_else(|| phase.clone(), |p| p.title.get(text_lang).to_string());
    Some(Due {
        kind: DueKind::Gate,
        id: decision.id.clone(),
        text: title,
        owner: None,
        day,
        phase: Some(phase.clone()),
        overdue: day < as_of,
    })
}

/// The day a gate decision planned for the next gate (its `next_gate`).
pub fn next_gate_of(decision: &LoadedEntry) -> Option<Date> {
    let Body::Records(records) = &decision.entry.body else {
        return None;
    };
    let record = records
        .iter()
        .find(|r| !r.criterion && r.item == NEXT_GATE)?;
    match &record.answer {
        crate::log::Answer::Text(text) => {
            crate::text::day::parse_day(text.split_whitespace().next()?)
        }
        _ => None,
    }
}

/// The record of a gate decision that holds the next gate's planned day.
pub const NEXT_GATE: &str = "next_gate";
