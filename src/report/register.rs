//! What a manager follows over a project's life, read from a workbook and
//! its state for the report: its status in a word, every readiness
//! assessment, every risk (open and closed), every gate decision, and who
//! took part in each phase's sessions.

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;
use crate::log::{Answer, Body, EntryKind};
use crate::pack::Readiness;
use crate::state::readiness::Assessment;
use crate::state::roster::Roster;
use crate::state::{Current, GateState, State};
use crate::workbook::{LoadedEntry, Workbook};

/// Where a project stands, in a word.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Work goes on, nothing is overdue and the log is not stale.
    OnTrack,
    /// Something to follow up is past its day.
    Overdue,
    /// Nothing written for longer than the pack allows.
    Stale,
    /// The current phase's gate decided `pause`.
    Paused,
    /// A gate decided `stop`.
    Stopped,
    /// Every gate passed.
    Finished,
}

/// A project's status with the phase it is in (or stopped or paused at).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct StatusReport {
    pub state: Status,
    /// The phase's title; none when every phase is done.
    pub phase: Option<String>,
    /// The day of the decision that stopped or paused it.
    pub since: Option<String>,
}

/// A phase the project never came to: it stopped, or is paused, before.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct NotReached {
    /// `stopped` or `paused`.
    pub reason: String,
    /// The day of that decision.
    pub date: String,
}

/// Someone as an entry names them, the roster's corrections applied.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PersonReport {
    pub name: String,
    pub role: Option<String>,
}

/// A session (or a gate meeting) of a phase: when, who led it, who took part.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct SessionReport {
    /// The entry's id.
    pub entry: String,
    /// `session` or `gate`.
    pub kind: String,
    pub date: String,
    pub facilitator: Option<String>,
    pub participants: Vec<PersonReport>,
}

/// One readiness assessment: one entry, or a round answered alone.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct AssessmentReport {
    pub date: String,
    /// A round of entries, each respondent answering alone.
    pub alone: bool,
    /// Who answered, with roles; empty when the group answered as one.
    pub respondents: Vec<PersonReport>,
    /// Per dimension (in the report's `dimensions` order), the mean to two
    /// decimals.
    pub means: Vec<Option<f64>>,
}

/// A condition a gate decision set: an action, open or closed.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ConditionReport {
    /// The id `dino done ID` closes it by.
    pub id: String,
    pub text: String,
    pub owner: String,
    pub due: String,
    pub open: bool,
}

/// A risk, open or closed, as the register lists it.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct RiskReport {
    /// The entry's id, which `dino done ID` closes it by.
    pub id: String,
    /// The first line of its text.
    pub text: String,
    pub owner: Option<String>,
    pub mitigation: Option<String>,
    pub due: Option<String>,
    /// The day it was raised, and by whom.
    pub raised: String,
    pub raised_by: Option<String>,
    /// The phase's title, if it was raised in one.
    pub phase: Option<String>,
    pub open: bool,
    pub closed: Option<ClosingReport>,
}

/// The entry that closed a risk.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ClosingReport {
    pub entry: String,
    pub date: String,
    pub by: Option<String>,
    /// The first line of its text.
    pub text: String,
}

/// A gate decision as the decision log lists it.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct GateDecisionReport {
    /// The entry's id.
    pub entry: String,
    pub phase_id: String,
    /// The phase's title.
    pub phase: String,
    pub date: String,
    /// `go`, `recycle`, `pause` or `stop`.
    pub decision: String,
    /// The decision in words.
    pub label: String,
    pub decided_by: Option<String>,
    pub motivation: Option<String>,
    /// The actions it set, open or done.
    pub conditions: Vec<ConditionReport>,
    /// How its criteria were recorded.
    pub criteria: CriteriaCount,
}

/// How many of a decision's criteria were recorded each way.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CriteriaCount {
    pub met: usize,
    pub not_met: usize,
    pub deferred: usize,
    pub not_applicable: usize,
}

/// The project's status as of a day: stopped or finished before all,
/// then paused, stale, overdue, else on track.
pub fn status(
    wb: &Workbook,
    state: &State,
    (stale, overdue): (bool, usize),
    text_lang: Lang,
) -> StatusReport {
    let title = |i: usize| {
        wb.pack
            .phases
            .get(i)
            .map(|p| p.title.get(text_lang).to_string())
    };
    let (state_word, at) = match state.current {
        Current::Finished => (Status::Finished, None),
        Current::Stopped(i) => (Status::Stopped, Some(i)),
        Current::Phase(i) if crate::state::stale::paused(state) => (Status::Paused, Some(i)),
        Current::Phase(i) if stale => (Status::Stale, Some(i)),
        Current::Phase(i) if overdue > 0 => (Status::Overdue, Some(i)),
        Current::Phase(i) => (Status::OnTrack, Some(i)),
    };
    let since = match state_word {
        Status::Stopped | Status::Paused => at.and_then(|i| decided_on(state, i)),
        _ => None,
    };
    StatusReport {
        state: state_word,
        phase: at.and_then(title),
        since,
    }
}

/// The day phase `i`'s gate was decided.
fn decided_on(state: &State, i: usize) -> Option<String> {
    match &state.phases.get(i)?.gate {
        GateState::Decided { date, .. } => Some(date.date().to_string()),
        _ => None,
    }
}

/// Per phase, in pack order: whether the project never came to it, having
/// stopped (or being paused) at an earlier gate.
pub fn not_reached(state: &State) -> Vec<Option<NotReached>> {
    let ended = match state.current {
        Current::Stopped(i) => Some(("stopped", i)),
        Current::Phase(i) if crate::state::stale::paused(state) => Some(("paused", i)),
        _ => None,
    };
    (0..state.phases.len())
        .map(|at| {
            let (reason, i) = ended.filter(|(_, i)| at > *i)?;
            Some(NotReached {
                reason: reason.to_string(),
                date: decided_on(state, i)?,
            })
        })
        .collect()
}

/// Every session and gate meeting of a phase, in log order.
pub fn sessions(wb: &Workbook, roster: &Roster, phase: &str) -> Vec<SessionReport> {
    wb.entries
        .iter()
        .filter(|e| {
            let meta = &e.entry.meta;
            matches!(meta.kind, EntryKind::Session | EntryKind::Gate)
                && meta.phase.as_deref() == Some(phase)
        })
        .map(|e| {
            let meta = &e.entry.meta;
            SessionReport {
                entry: e.id.clone(),
                kind: meta.kind.id().to_string(),
                date: meta.date.date().to_string(),
                facilitator: meta.by.as_deref().map(|by| roster.corrected(by).0),
                participants: meta
                    .participants
                    .iter()
                    .map(|p| person(roster, &p.name, p.role.as_deref()))
                    .collect(),
            }
        })
        .collect()
}

/// A name as the roster reads it, with the role written beside it or the
/// roster's.
fn person(roster: &Roster, name: &str, role: Option<&str>) -> PersonReport {
    let (name, known) = roster.corrected(name);
    PersonReport {
        name,
        role: role.map(str::to_string).or(known),
    }
}

/// Every readiness assessment, oldest first, with each dimension's mean.
pub fn assessments(roster: &Roster, r: &Readiness, all: &[Assessment]) -> Vec<AssessmentReport> {
    all.iter()
        .map(|a| AssessmentReport {
            date: a.date.date().to_string(),
            alone: a.alone,
            respondents: a
                .respondents
                .iter()
                .zip(a.roles.iter().chain(std::iter::repeat(&None)))
                .map(|(who, role)| {
                    let role = role.as_deref().filter(|r| r != who);
                    person(roster, who, role)
                })
                .collect(),
            means: r
                .dimensions
                .iter()
                .map(|d| a.mean_of(&d.id).map(two_decimals))
                .collect(),
        })
        .collect()
}

/// Every risk, open and closed, in the order raised.
pub fn risks(wb: &Workbook, state: &State, roster: &Roster, text_lang: Lang) -> Vec<RiskReport> {
    let by = |e: &LoadedEntry| e.entry.meta.by.as_deref().map(|b| roster.corrected(b).0);
    state
        .notes
        .iter()
        .filter(|n| wb.entries[n.entry].entry.meta.kind == EntryKind::Risk)
        .map(|n| {
            let e = &wb.entries[n.entry];
            let meta = &e.entry.meta;
            let closer = n
                .closed_by
                .or_else(|| state.closed.get(&e.id).copied())
                .and_then(|i| wb.entries.get(i));
            RiskReport {
                id: e.id.clone(),
                text: e.headline(),
                owner: meta.owner.as_deref().map(|o| roster.corrected(o).0),
                mitigation: meta.mitigation.clone(),
                due: meta.due.map(|d| d.to_string()),
                raised: meta.date.date().to_string(),
                raised_by: by(e),
                phase: meta.phase.as_deref().map(|p| phase_title(wb, p, text_lang)),
                open: n.open,
                closed: closer.filter(|_| !n.open).map(|c| ClosingReport {
                    entry: c.id.clone(),
                    date: c.entry.meta.date.date().to_string(),
                    by: by(c),
                    text: c.headline(),
                }),
            }
        })
        .collect()
}

/// A number to two decimals, as reports show means and spreads.
pub(super) fn two_decimals(n: f64) -> f64 {
    (n * 100.0).round() / 100.0
}

/// A phase's title in `text_lang`, or its id when the pack lacks it.
pub(super) fn phase_title(wb: &Workbook, id: &str, text_lang: Lang) -> String {
    wb.pack
        .phase(id)
        .map_or_else(|| id.to_string(), |p| p.title.get(text_lang).to_string())
}

/// Every gate decision, in log order; an entry whose decision cannot be
/// read (`dino check` names it) is left out.
pub fn decisions(wb: &Workbook, state: &State, words: (Lang, Lang)) -> Vec<GateDecisionReport> {
    let (text_lang, lang) = words;
    wb.entries
        .iter()
        .filter(|e| e.entry.meta.kind == EntryKind::Gate)
        .filter_map(|e| {
            let Body::Records(records) = &e.entry.body else {
                return None;
            };
            let decision = crate::state::folding::gate_decision(records).ok()?;
            let phase_id = e.entry.meta.phase.clone().unwrap_or_default();
            Some(GateDecisionReport {
                entry: e.id.clone(),
                phase: phase_title(wb, &phase_id, text_lang),
                phase_id,
                date: e.entry.meta.date.date().to_string(),
                decision: decision.id().to_string(),
                label: decision.label(lang).to_string(),
                decided_by: text_of(records, "decided_by"),
                motivation: text_of(records, "motivation"),
                conditions: conditions(e, records, state),
                criteria: criteria_count(records),
            })
        })
        .collect()
}

/// The text answer to a gate's own question (`decided_by`, `motivation`).
pub(super) fn text_of(records: &[crate::log::Record], id: &str) -> Option<String> {
    records
        .iter()
        .find(|r| !r.criterion && r.item == id)
        .and_then(|r| match &r.answer {
            Answer::Text(t) => Some(t.clone()),
            _ => None,
        })
}

/// The conditions a gate decision set: the actions beside its records
/// that are not a deferred criterion's.
fn conditions(
    e: &LoadedEntry,
    records: &[crate::log::Record],
    state: &State,
) -> Vec<ConditionReport> {
    records
        .iter()
        .filter(|r| !r.criterion)
        .flat_map(|r| &r.actions)
        .map(|a| {
            let id = a.id_in(&e.id);
            ConditionReport {
                open: !state.closed.contains_key(&id),
                id,
                text: a.text.clone(),
                owner: a.owner.clone(),
                due: a.due.to_string(),
            }
        })
        .collect()
}

/// How a decision recorded its criteria.
fn criteria_count(records: &[crate::log::Record]) -> CriteriaCount {
    let mut count = CriteriaCount::default();
    for r in records.iter().filter(|r| r.criterion) {
        match r.answer {
            Answer::Met => count.met += 1,
            Answer::NotMet => count.not_met += 1,
            Answer::Deferred => count.deferred += 1,
            Answer::NotApplicable(_) => count.not_applicable += 1,
            _ => {}
        }
    }
    count
}
