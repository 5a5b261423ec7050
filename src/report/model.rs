//! What a report says, built from a workbook and its state once, then
//! written as Markdown, HTML or JSON. Every text in it is plain text as a
//! user or a pack wrote it; each format escapes it its own way.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

pub use super::register::{
    AssessmentReport, ClosingReport, ConditionReport, CriteriaCount, GateDecisionReport,
    NotReached, PersonReport, RiskReport, SessionReport, Status, StatusReport,
};
use super::register::{phase_title, two_decimals};
use super::state_words::{answer_text, current_text, item_answer, written};
use crate::i18n::Lang;
use crate::log::{Body, EntryKind};
use crate::pack::Phase;
use crate::state::follow_up::DueKind;
use crate::state::roster::Roster;
use crate::state::{CriterionStatus, Current, GateState, PhaseState, State, readiness};
use crate::workbook::Workbook;

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct WorkbookReport {
    pub name: String,
    pub id: String,
    pub path: String,
    pub language: String,
    pub pack: PackInfo,
    pub profile: Vec<Line>,
    /// Where the project stands, in words.
    pub current: String,
    pub current_phase: Option<String>,
    pub stopped: bool,
    /// Required items done, of those that apply, over every phase.
    pub done: usize,
    pub required: usize,
    pub phases: Vec<PhaseReport>,
    pub notes: Vec<NoteReport>,
    pub readiness: Option<ReadinessReport>,
    pub diagnostic: Option<DiagnosticReport>,
    pub open_risks: usize,
    pub last_activity: Option<String>,
    /// Findings `dino check` would report.
    pub problems: usize,
    /// The day the report describes (`DINO_NOW`, else today).
    pub as_of: String,
    /// Nothing written for longer than the pack allows (see `stale_after_days`)
    /// in a project that is neither paused, stopped nor finished.
    pub stale: bool,
    /// The pack's `stale_after_days`.
    pub stale_after_days: u32,
    /// Open actions, and open risks with a due day, by day.
    pub follow_up: Vec<DueReport>,
    /// Items (or gates) answered differently on two branches, neither
    /// having seen the other: each answer whole, the one that counts first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub disagreements: Vec<DisagreementReport>,
    /// How many of them are overdue.
    pub overdue: usize,
    /// The earliest due day among them.
    pub next_due: Option<String>,
    /// The answer that states the problem, if the pack has such an item.
    pub problem: Option<Line>,
    /// The answer that states the goal, if the pack has such an item.
    pub goal: Option<Line>,
    /// The latest decision: a gate decision or a decision note.
    pub last_decision: Option<LastDecision>,
    /// The current phase's gate, when a gate decision planned its day.
    pub next_gate: Option<NextGate>,
    /// Every defined indicator, in pack order, with its measurements.
    pub indicators: Vec<IndicatorReport>,
    /// Where the project stands, in a word, and in which phase.
    pub status: StatusReport,
    /// Every risk, open and closed, in the order raised.
    pub risks: Vec<RiskReport>,
    /// Every gate decision, in log order.
    pub decisions: Vec<GateDecisionReport>,
}

/// An indicator: from its baseline through its measurements to its target.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct IndicatorReport {
    /// `phase.item`, which `dino measure ID` takes.
    pub id: String,
    pub name: String,
    /// May be empty.
    pub unit: String,
    pub owner: String,
    pub baseline: PointReport,
    /// The target's value and the day it is to be reached by (no source).
    pub target: PointReport,
    /// By the day measured.
    pub measurements: Vec<PointReport>,
}

/// A value on a day, and where it comes from.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct PointReport {
    pub value: f64,
    pub date: String,
    pub source: Option<String>,
}

/// The planned day of the current phase's gate.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct NextGate {
    /// The phase's title.
    pub phase: String,
    pub date: String,
    /// Its day is before the report's.
    pub overdue: bool,
}

/// An item (or a gate) answered differently on two branches.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct DisagreementReport {
    /// `phase.item`, or the phase's id for its gate.
    pub item: String,
    /// The item's prompt, or the gate's title.
    pub title: String,
    /// Every answer, the one that counts first.
    pub sides: Vec<SideReport>,
}

/// One answer in a disagreement.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct SideReport {
    /// The answer in words, whole.
    pub answer: String,
    pub date: String,
    pub by: Option<String>,
    /// The entry that gave it (`dino resolve ITEM --keep ENTRY`).
    pub entry: String,
    pub counts: bool,
}

/// Something to follow up: an open action, or an open risk with a due day.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct DueReport {
    /// `action` or `risk`.
    pub kind: String,
    pub label: String,
    /// The entry's id, which `dino done ID` closes it by.
    pub id: String,
    pub text: String,
    pub owner: Option<String>,
    pub due: String,
    /// Its day is before the report's.
    pub overdue: bool,
    /// The phase's title, if it was written in one.
    pub phase: Option<String>,
}

/// The latest decision, in words, with the conditions it set.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct LastDecision {
    /// The entry's id.
    pub entry: String,
    pub date: String,
    pub text: String,
    pub conditions: Vec<ConditionReport>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct PackInfo {
    pub id: String,
    pub version: String,
    pub title: String,
}

/// A question and its answer, in words. The prompt is the pack's, in the
/// report's language; the note is what people wrote, in the workbook's.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Line {
    pub prompt: String,
    pub answer: String,
    pub note: Option<String>,
    /// The answer holds what people wrote (a text, a reason it does not
    /// apply, an indicator's fields), in the workbook's language; else it
    /// is the pack's or dino's words (a choice's labels, a scale's point,
    /// "Done") in the report's.
    #[serde(default)]
    pub written: bool,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct PhaseReport {
    pub id: String,
    pub title: String,
    pub required: usize,
    pub done: usize,
    /// `open`, `ready` or `decided`.
    pub gate: String,
    pub decision: Option<DecisionReport>,
    pub answers: Vec<Line>,
    /// Prompts of the applicable required items still open.
    pub open: Vec<String>,
    /// Answers to items the pack no longer has.
    pub removed: Vec<Line>,
    pub last_session: Option<String>,
    /// The project never came to this phase: it stopped, or is paused, at
    /// an earlier gate.
    #[serde(default)]
    pub not_reached: Option<NotReached>,
    /// Its sessions and gate meetings, in log order, with who took part.
    #[serde(default)]
    pub sessions: Vec<SessionReport>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct DecisionReport {
    /// `go`, `recycle`, `pause` or `stop`.
    pub decision: String,
    pub label: String,
    pub date: String,
    pub decided_by: Option<String>,
    pub motivation: Option<String>,
    /// The gate's criteria as the decision records them, in pack order.
    #[serde(default)]
    pub criteria: Vec<CriterionReport>,
}

/// One gate criterion as a decision records it.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct CriterionReport {
    pub id: String,
    /// The criterion as the pack words it now.
    pub text: String,
    /// `met`, `not_met`, `deferred`, `not_applicable` or `unrecorded`.
    pub status: String,
    /// The status in words.
    pub label: String,
    /// Why it does not apply, or the action that sees to a deferred one:
    /// its text, owner, due day and id.
    pub detail: Option<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct NoteReport {
    /// `note`, `decision`, `risk`, `insight` or `lesson`.
    pub kind: String,
    pub label: String,
    pub date: String,
    pub phase: Option<String>,
    pub author: Option<String>,
    /// Markdown, as its author wrote it.
    pub text: String,
    /// For a risk: not yet closed.
    pub open: bool,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ReadinessReport {
    pub title: String,
    pub assessments: usize,
    pub first_date: String,
    pub latest_date: String,
    pub scale_min: i64,
    pub scale_max: i64,
    pub risk_below: f64,
    pub watch_below: f64,
    pub dimensions: Vec<DimensionReport>,
    /// The latest assessment by respondent: each one's mean per dimension
    /// (in `dimensions` order); empty when the group answered as one.
    #[serde(default)]
    pub respondents: Vec<ColumnReport>,
    /// The latest assessment by role, where respondents have roles.
    #[serde(default)]
    pub roles: Vec<ColumnReport>,
    /// Every assessment, oldest first.
    #[serde(default)]
    pub history: Vec<AssessmentReport>,
}

/// One respondent's (or one role's) means in the latest assessment.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ColumnReport {
    /// The respondent, or the role.
    pub name: String,
    /// A respondent's role; a role's respondents, comma-separated.
    pub of: Option<String>,
    /// Per dimension (in the report's `dimensions` order), the mean.
    pub means: Vec<Option<f64>>,
    /// Per dimension, whether it is the lowest of the respondents (or
    /// roles); ties all marked; none with fewer than two scored.
    pub lowest: Vec<bool>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct DimensionReport {
    pub id: String,
    pub title: String,
    pub first: Option<f64>,
    pub latest: Option<f64>,
    /// The largest difference between respondents in the latest assessment.
    pub spread: Option<f64>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct DiagnosticReport {
    pub title: String,
    pub innovation: usize,
    pub development: usize,
    pub answered: usize,
    pub questions: usize,
    /// Answers that lean neither way ("Partly").
    #[serde(default)]
    pub between: usize,
    /// The conclusion in words.
    pub verdict: String,
    pub answers: Vec<Line>,
    /// The way the team chose (the pack's `track` item), once answered.
    pub track: Option<Line>,
}

/// The report of one workbook as of a day, in one language: dino's own
/// words in `lang`, and the pack's texts in `lang` too where the pack has
/// it (else in its first). What people wrote stays as written, in the
/// workbook's language (`language`).
pub fn build(wb: &Workbook, state: &State, as_of: Date, lang: Lang) -> WorkbookReport {
    let pack = &wb.pack;
    let text_lang = pack.lang_for(lang);
    let words = Words { text_lang, lang };
    // Who is who, folded once for every part that names people.
    let roster = Roster::fold(&wb.entries);
    let follow_up = follow_up(wb, state, as_of, words);
    let stale = crate::state::stale::stale(wb, state, as_of).is_some();
    let overdue = follow_up.iter().filter(|d| d.overdue).count();
    let (current_phase, stopped) = match state.current {
        Current::Phase(i) => (Some(state.phases[i].id.clone()), false),
        Current::Stopped(i) => (Some(state.phases[i].id.clone()), true),
        Current::Finished => (None, false),
    };
    WorkbookReport {
        name: wb.file.name.clone(),
        id: wb.file.id.clone(),
        path: wb.root.display().to_string(),
        language: wb.file.language.code().to_string(),
        pack: PackInfo {
            id: pack.id.clone(),
            version: wb.file.pack.version.clone(),
            title: pack.title.get(text_lang).to_string(),
        },
        profile: profile_lines(wb, words),
        current: current_text(wb, state, lang),
        current_phase,
        stopped,
        done: state.phases.iter().map(|p| p.done).sum(),
        required: state.phases.iter().map(|p| p.required).sum(),
        phases: phase_reports(wb, state, &roster, words),
        notes: note_reports(wb, state, &roster, words),
        readiness: readiness_report(wb, state, &roster, text_lang),
        diagnostic: diagnostic_report(wb, state, words),
        open_risks: state.open_risks(wb),
        last_activity: state.last_activity.map(|d| d.date().to_string()),
        problems: wb.findings.len() + state.findings.len(),
        as_of: as_of.to_string(),
        stale,
        stale_after_days: pack.stale_after_days,
        overdue,
        next_due: follow_up.first().map(|d| d.due.clone()),
        follow_up,
        disagreements: disagreement_reports(wb, state, words),
        problem: answer_line(wb, state, PROBLEM, words),
        goal: answer_line(wb, state, GOAL, words),
        last_decision: last_decision(wb, state, lang),
        next_gate: next_gate(wb, state, as_of, text_lang),
        indicators: indicator_reports(wb, state),
        status: super::register::status(wb, state, (stale, overdue), text_lang),
        risks: super::register::risks(wb, state, &roster, text_lang),
        decisions: super::register::decisions(wb, state, (text_lang, lang)),
    }
}

/// The disagreements, each answer whole, the one that counts first.
fn disagreement_reports(wb: &Workbook, state: &State, words: Words) -> Vec<DisagreementReport> {
    let side = |s: &crate::state::Side, counts: bool| {
        let meta = &wb.entries[s.entry].entry.meta;
        SideReport {
            answer: super::state_words::answer_text(&s.answer, words.lang),
            date: meta.date.short(),
            by: meta.by.clone(),
            entry: wb.entries[s.entry].id.clone(),
            counts,
        }
    };
    state
        .disagreements
        .iter()
        .map(|d| {
            let phase = wb.pack.phase(&d.phase);
            let (item, title) = match &d.item {
                Some(item) => (
                    format!("{}.{item}", d.phase),
                    phase
                        .and_then(|p| p.item(item))
                        .map_or(item.clone(), |i| i.prompt.get(words.text_lang).to_string()),
                ),
                None => (
                    d.phase.clone(),
                    super::state_words::phase_title(wb, &d.phase, words.lang),
                ),
            };
            let sides = std::iter::once(side(&d.kept, true))
                .chain(d.set_aside.iter().map(|s| side(s, false)))
                .collect();
            DisagreementReport { item, title, sides }
        })
        .collect()
}

/// Each defined indicator with its measurements.
fn indicator_reports(wb: &Workbook, state: &State) -> Vec<IndicatorReport> {
    crate::state::indicators::indicators(wb, state)
        .into_iter()
        .map(|i| {
            let id = i.id();
            let d = i.indicator;
            IndicatorReport {
                id,
                baseline: PointReport {
                    value: d.baseline,
                    date: d.baseline_date.to_string(),
                    source: Some(d.source),
                },
                target: PointReport {
                    value: d.target,
                    date: d.target_date.to_string(),
                    source: None,
                },
                measurements: i
                    .measurements
                    .into_iter()
                    .map(|m| PointReport {
                        value: m.value,
                        date: m.date.to_string(),
                        source: m.source,
                    })
                    .collect(),
                name: d.name,
                unit: d.unit,
                owner: d.owner,
            }
        })
        .collect()
}

/// The item whose answer states the problem: the built-in pack's first
/// question in the initiation. A pack without it has none.
const PROBLEM: (&str, &str) = ("initiering", "problem");

/// The item whose answer states the goal: what success is, in the focus
/// phase of the built-in pack.
const GOAL: (&str, &str) = ("fokusera", "framgang");

/// The latest answer to one item, if the pack has the item and it was
/// answered.
fn answer_line(
    wb: &Workbook,
    state: &State,
    (phase, item): (&str, &str),
    words: Words,
) -> Option<Line> {
    let Words { text_lang, lang } = words;
    let asked = wb.pack.phase(phase)?.item(item)?;
    let latest = state.answers.get(&(phase.to_string(), item.to_string()))?;
    Some(Line {
        prompt: asked.prompt.get(text_lang).to_string(),
        answer: item_answer(asked, &latest.answer, text_lang, lang),
        note: latest.note.clone(),
        written: written(asked, &latest.answer),
    })
}

/// The latest decision, in the words `dino status` uses.
fn last_decision(wb: &Workbook, state: &State, lang: Lang) -> Option<LastDecision> {
    let entry = state.last_decision(wb)?;
    let conditions = match &entry.entry.body {
        Body::Records(records) => records
            .iter()
            .flat_map(|r| &r.actions)
            .map(|a| {
                let id = a.id_in(&entry.id);
                ConditionReport {
                    open: !state.closed.contains_key(&id),
                    id,
                    text: a.text.clone(),
                    owner: a.owner.clone(),
                    due: a.due.to_string(),
                }
            })
            .collect(),
        Body::Text(_) => Vec::new(),
    };
    Some(LastDecision {
        entry: entry.id.clone(),
        date: entry.entry.meta.date.date().to_string(),
        text: super::status_view::decision_text(wb, state, lang)?,
        conditions,
    })
}

/// The current phase's gate, when a gate decision planned its day.
fn next_gate(wb: &Workbook, state: &State, as_of: Date, text_lang: Lang) -> Option<NextGate> {
    let due = crate::state::follow_up::planned_gate(wb, state, as_of)?;
    Some(NextGate {
        phase: phase_title(wb, due.phase.as_deref()?, text_lang),
        date: due.day.to_string(),
        overdue: due.overdue,
    })
}

/// A phase's title in `text_lang`, or its id when the pack lacks it.
/// What is to follow up as of a day, by day (the overdue first).
fn follow_up(wb: &Workbook, state: &State, as_of: Date, words: Words) -> Vec<DueReport> {
    let Words { text_lang, lang } = words;
    crate::state::follow_up::due(wb, state, as_of)
        .into_iter()
        .map(|d| DueReport {
            kind: d.kind.id().to_string(),
            label: match d.kind {
                DueKind::Action => EntryKind::Action.label(lang),
                DueKind::Risk => EntryKind::Risk.label(lang),
                DueKind::Condition => lang.pick("Villkor", "Condition"),
                DueKind::Criterion => lang.pick("Kriterium", "Criterion"),
                DueKind::Gate => lang.pick("Beslutspunkt", "Gate"),
                DueKind::Measurement => lang.pick("Mätning", "Measurement"),
                DueKind::Target => lang.pick("Mål", "Target"),
            }
            .to_string(),
            text: match (d.kind, &d.phase) {
                (DueKind::Gate, Some(phase)) => phase_title(wb, phase, text_lang),
                _ => d.text,
            },
            id: d.id,
            owner: d.owner,
            due: d.day.to_string(),
            overdue: d.overdue,
            phase: d.phase.map(|p| phase_title(wb, &p, text_lang)),
        })
        .collect()
}

/// The languages of a report's words: the pack's texts in `text_lang`
/// (the run's language where the pack has it), dino's own in `lang`.
#[derive(Clone, Copy)]
struct Words {
    text_lang: Lang,
    lang: Lang,
}

/// The project profile's answers, in pack order.
fn profile_lines(wb: &Workbook, words: Words) -> Vec<Line> {
    let Words { text_lang, lang } = words;
    wb.pack
        .profile
        .iter()
        .filter_map(|item| {
            let value = wb.profile.get(&item.id)?;
            let answer = super::profile_answer(item, value, text_lang, lang);
            Some(Line {
                prompt: item.prompt.get(text_lang).to_string(),
                answer,
                note: None,
                written: matches!(item.kind, crate::pack::Kind::Text { .. }),
            })
        })
        .collect()
}

/// Every phase: its progress, gate, answers, open items and answers the
/// pack no longer has.
fn phase_reports(wb: &Workbook, state: &State, roster: &Roster, words: Words) -> Vec<PhaseReport> {
    // After a stop, later phases have nothing open: the project ended.
    let stopped_at = match state.current {
        Current::Stopped(at) => Some(at),
        _ => None,
    };
    let not_reached = super::register::not_reached(state);
    wb.pack
        .phases
        .iter()
        .zip(&state.phases)
        .enumerate()
        .map(|(at, (phase, ps))| {
            let ended = stopped_at.is_some_and(|stop| at > stop);
            let mut report = phase_report(wb, state, roster, (phase, ps), ended, words);
            report.not_reached = not_reached.get(at).cloned().flatten();
            report
        })
        .collect()
}

/// One phase's report; `ended` when the project stopped at an earlier gate.
fn phase_report(
    wb: &Workbook,
    state: &State,
    roster: &Roster,
    (phase, ps): (&Phase, &PhaseState),
    ended: bool,
    words: Words,
) -> PhaseReport {
    let Words { text_lang, lang } = words;
    let answers = phase
        .items
        .iter()
        .filter_map(|item| {
            let latest = state.answers.get(&(phase.id.clone(), item.id.clone()))?;
            Some(Line {
                prompt: item.prompt.get(text_lang).to_string(),
                answer: item_answer(item, &latest.answer, text_lang, lang),
                note: latest.note.clone(),
                written: written(item, &latest.answer),
            })
        })
        .collect();
    PhaseReport {
        id: phase.id.clone(),
        title: phase.title.get(text_lang).to_string(),
        required: ps.required,
        done: ps.done,
        gate: match ps.gate {
            GateState::Open => "open",
            GateState::Ready => "ready",
            GateState::Decided { .. } => "decided",
        }
        .to_string(),
        decision: decision_report(wb, &ps.gate, lang).map(|mut d| {
            d.criteria = criterion_reports(wb, phase, ps, words);
            d
        }),
        answers,
        open: ps
            .open
            .iter()
            .filter(|_| !ended)
            .filter_map(|id| phase.item(id))
            .map(|i| i.prompt.get(text_lang).to_string())
            .collect(),
        removed: state
            .orphans
            .iter()
            .filter(|o| o.phase == phase.id)
            .map(|o| Line {
                prompt: o.prompt.clone(),
                answer: answer_text(&o.answer, lang),
                note: None,
                written: true,
            })
            .collect(),
        last_session: ps.last_session.map(|d| d.date().to_string()),
        not_reached: None,
        sessions: super::register::sessions(wb, roster, &phase.id),
    }
}

/// A decided gate: the decision, when, by whom and why.
fn decision_report(wb: &Workbook, gate: &GateState, lang: Lang) -> Option<DecisionReport> {
    let GateState::Decided {
        decision,
        date,
        entry,
    } = gate
    else {
        return None;
    };
    let text_of = |id: &str| match &wb.entries[*entry].entry.body {
        Body::Records(records) => super::register::text_of(records, id),
        Body::Text(_) => None,
    };
    Some(DecisionReport {
        decision: decision.id().to_string(),
        label: decision.label(lang).to_string(),
        date: date.date().to_string(),
        decided_by: text_of("decided_by"),
        motivation: text_of("motivation"),
        criteria: Vec::new(),
    })
}

/// A decided gate's criteria, in pack order, with what the decision
/// records of each.
fn criterion_reports(
    wb: &Workbook,
    phase: &Phase,
    ps: &PhaseState,
    words: Words,
) -> Vec<CriterionReport> {
    let Words { text_lang, lang } = words;
    // A decision that recorded none (one from before criteria were
    // recorded, or one left for later) has nothing to show.
    if !matches!(ps.gate, GateState::Decided { .. }) || !ps.criteria_recorded() {
        return Vec::new();
    }
    ps.criteria
        .iter()
        .map(|c| {
            let detail = match &c.status {
                CriterionStatus::NotApplicable(reason) => Some(reason.clone()),
                CriterionStatus::Deferred { action } => {
                    let mark = wb.raised_action(action);
                    mark.map(|(_, a)| format!("{} ({}, {}) [{action}]", a.text, a.owner, a.due))
                }
                _ => None,
            };
            CriterionReport {
                id: c.id.clone(),
                text: phase
                    .gate
                    .criterion(&c.id)
                    .map_or_else(|| c.id.clone(), |k| k.text.get(text_lang).to_string()),
                status: c.status.id().to_string(),
                label: super::state_words::criterion_status(&c.status, lang).to_string(),
                detail,
            }
        })
        .collect()
}

/// Every note, in log order, a risk with whether it is still open.
fn note_reports(wb: &Workbook, state: &State, roster: &Roster, words: Words) -> Vec<NoteReport> {
    let Words { text_lang, lang } = words;
    let notes = state
        .notes
        .iter()
        .filter(|n| wb.entries[n.entry].entry.meta.kind != EntryKind::Measure)
        .map(|n| {
            let e = &wb.entries[n.entry];
            let meta = &e.entry.meta;
            let report = NoteReport {
                kind: meta.kind.id().to_string(),
                label: meta.kind.label(lang).to_string(),
                date: meta.date.date().to_string(),
                phase: meta.phase.as_deref().map(|p| {
                    wb.pack
                        .phase(p)
                        .map_or(p.to_string(), |ph| ph.title.get(text_lang).to_string())
                }),
                author: meta.by.as_deref().map(|by| roster.corrected(by).0),
                text: match &e.entry.body {
                    Body::Text(t) => t.clone(),
                    Body::Records(_) => String::new(),
                },
                open: matches!(meta.kind, EntryKind::Risk | EntryKind::Action) && n.open,
            };
            (n.entry, report)
        });
    let mut all: Vec<(usize, NoteReport)> = notes.chain(profile_notes(wb, words)).collect();
    all.sort_by_key(|(index, _)| *index);
    all.into_iter().map(|(_, report)| report).collect()
}

/// Each `profile` entry as a note, by its index in the log: every answer
/// it changed (the question, the answer before and the new one) and why.
fn profile_notes(wb: &Workbook, words: Words) -> Vec<(usize, NoteReport)> {
    use crate::text::markdown::escape;
    let Words { text_lang, lang } = words;
    let mut standing = wb.file.profile.clone();
    let mut out = Vec::new();
    for (index, e) in wb.entries.iter().enumerate() {
        let meta = &e.entry.meta;
        let (EntryKind::Profile, Body::Records(records)) = (meta.kind, &e.entry.body) else {
            continue;
        };
        let mut lines = Vec::new();
        let mut reasons: Vec<&str> = Vec::new();
        for record in records {
            let Some(item) = wb.pack.profile.iter().find(|q| q.id == record.item) else {
                continue;
            };
            let Ok(crate::state::answer::Given::Value(new)) =
                crate::state::answer::interpret(&item.kind, &record.answer)
            else {
                continue;
            };
            let words = |v| super::profile_answer(item, v, text_lang, lang);
            let change = match standing.get(&item.id) {
                Some(old) if *old != new => format!("{} → {}", words(old), words(&new)),
                _ => words(&new),
            };
            lines.push(format!(
                "- {}: {}",
                escape(item.prompt.get(text_lang)),
                escape(&change)
            ));
            standing.insert(item.id.clone(), new);
            if let Some(reason) = record.note.as_deref().map(str::trim)
                && !reason.is_empty()
                && !reasons.contains(&reason)
            {
                reasons.push(reason);
            }
        }
        let mut text = lines.join("\n");
        for reason in reasons {
            text.push_str("\n\n");
            text.push_str(&escape(reason));
        }
        out.push((
            index,
            NoteReport {
                kind: meta.kind.id().to_string(),
                label: lang.pick("Projektprofil", "Project profile").to_string(),
                date: meta.date.date().to_string(),
                phase: None,
                author: meta.by.clone(),
                text,
                open: false,
            },
        ));
    }
    out
}

/// The readiness assessments: per dimension the first and the latest
/// mean, and the latest spread; none before the first assessment.
fn readiness_report(
    wb: &Workbook,
    state: &State,
    roster: &Roster,
    text_lang: Lang,
) -> Option<ReadinessReport> {
    let r = wb.pack.readiness.as_ref()?;
    let (first, latest) = readiness::first_and_latest(&state.readiness)?;
    let compared = super::readiness_chart::columns(r, latest);
    Some(ReadinessReport {
        title: r.title.get(text_lang).to_string(),
        assessments: state.readiness.len(),
        first_date: first.date.date().to_string(),
        latest_date: latest.date.date().to_string(),
        scale_min: r.scale.min,
        scale_max: r.scale.max,
        risk_below: r.risk_below,
        watch_below: r.watch_below,
        dimensions: r
            .dimensions
            .iter()
            .map(|d| {
                let l = latest.dimension(&d.id);
                DimensionReport {
                    id: d.id.clone(),
                    title: d.title.get(text_lang).to_string(),
                    first: first.mean_of(&d.id).map(two_decimals),
                    latest: l.and_then(|s| s.mean).map(two_decimals),
                    spread: l.and_then(|s| s.spread()).map(two_decimals),
                }
            })
            .collect(),
        respondents: reported(compared.0),
        roles: reported(compared.1),
        history: super::register::assessments(roster, r, &state.readiness),
    })
}

/// The diagnostic as the gate screen says it, dino's words in `lang` and
/// the pack's in the workbook's language, as the rest of a session shows
/// them; `None` when the pack has none.
pub fn diagnostic(wb: &Workbook, state: &State, lang: Lang) -> Option<DiagnosticReport> {
    let text_lang = wb.pack.lang_for(wb.language());
    diagnostic_report(wb, state, Words { text_lang, lang })
}

/// Columns compared, to two decimals.
fn reported(columns: Vec<super::readiness_chart::Column>) -> Vec<ColumnReport> {
    columns
        .into_iter()
        .map(|c| ColumnReport {
            name: c.name,
            of: c.of,
            means: c.means.into_iter().map(|m| m.map(two_decimals)).collect(),
            lowest: c.lowest,
        })
        .collect()
}

/// The diagnostic: its answers, how many lean each way, and the verdict.
fn diagnostic_report(wb: &Workbook, state: &State, words: Words) -> Option<DiagnosticReport> {
    let Words { text_lang, lang } = words;
    let pack = &wb.pack;
    let d = pack.diagnostic.as_ref()?;
    let line = |name: &crate::pack::condition::Name| {
        let item = pack.item(name)?;
        let key = (name.phase.clone().unwrap_or_default(), name.item.clone());
        let latest = state.answers.get(&key)?;
        Some(Line {
            prompt: item.prompt.get(text_lang).to_string(),
            answer: item_answer(item, &latest.answer, text_lang, lang),
            note: None,
            written: written(item, &latest.answer),
        })
    };
    let lines = d.items.iter().filter_map(line).collect();
    let reader = crate::state::Reader {
        profile: &wb.profile,
        answers: &state.answers,
    };
    let leaning = d.leaning(pack, &reader);
    Some(DiagnosticReport {
        title: d.title.get(text_lang).to_string(),
        innovation: leaning.innovation,
        development: leaning.development,
        answered: leaning.answered,
        questions: d.items.len(),
        between: leaning.answered - leaning.innovation - leaning.development,
        verdict: super::state_words::verdict(leaning, lang).to_string(),
        answers: lines,
        track: d.track.as_ref().and_then(line),
    })
}

/// A readiness report on one dimension, mandate, for tests of its words
/// and its chart.
#[cfg(test)]
pub(crate) fn sample_readiness(assessments: usize, latest: f64) -> ReadinessReport {
    ReadinessReport {
        title: "Förutsättningar".into(),
        assessments,
        first_date: "2026-02-17".into(),
        latest_date: "2026-05-12".into(),
        scale_min: 1,
        scale_max: 5,
        risk_below: 2.5,
        watch_below: 3.5,
        dimensions: vec![DimensionReport {
            id: "mandat".into(),
            title: "Mandat".into(),
            first: Some(2.0),
            latest: Some(latest),
            spread: Some(1.0),
        }],
        respondents: Vec::new(),
        roles: Vec::new(),
        history: Vec::new(),
    }
}
