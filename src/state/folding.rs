//! The fold's steps: each entry read in log order by its kind (a session's
//! answers, a gate's decision, a readiness assessment, a note), then the
//! phases, where the project stands and the disagreements.

use std::collections::{BTreeMap, HashSet};

use super::answer::{self, Given, interpret};
use super::lineage::Lineage;
use super::{
    CriterionState, CriterionStatus, Current, Disagreement, DroppedCriterion, GateState, Latest,
    NoteState, Orphan, PhaseState, Side, State, applies, readiness,
};
use crate::finding::Finding;
use crate::log::{Answer, Body, EntryKind, Record, Stamp};
use crate::pack::condition::Value;
use crate::pack::{Decision, Phase};
use crate::workbook::{LoadedEntry, Workbook};

/// What the fold says of the entries it reads; worded in `words`. Answers,
/// ids and file names it quotes are carried as they are.
#[derive(Clone, Debug)]
pub enum Message {
    /// `follows` names `id`, which no entry in the log has.
    FollowsUnknown { id: String },
    /// An entry without `follows` after entries that have it: written by
    /// hand, it is read as having seen none; `newest` are the entries it
    /// would follow had dino written it then.
    WithoutFollows { newest: Vec<String> },
    /// The entry is dated `date`, more than a day after `now`.
    DatedAhead { date: String, now: String },
    /// The pack has no phase `phase`; `near` is the closest one it has.
    UnknownPhase { phase: String, near: Option<String> },
    /// `item` is marked not applicable without a reason.
    NotApplicableWithoutReason { item: String },
    /// The answer to `item` does not fit it: `why`.
    Unfit { item: String, why: answer::Message },
    /// `phase` has no item `item` (any more); the answer is kept.
    UnknownItem { phase: String, item: String },
    /// `closes` names `id`, which no entry in the log has.
    ClosesUnknown { id: String },
    /// `item` of `phase` was answered differently (`other`) in `file` (by
    /// `who`), neither answer having seen the other; this later one,
    /// `kept`, counts.
    AnsweredDifferently {
        item: String,
        phase: String,
        file: String,
        who: String,
        kept: Box<Answer>,
        other: Box<Answer>,
    },
    /// The gate of `phase` was decided differently (`other`) in `file` (by
    /// `who`), neither decision having seen the other; this later one,
    /// `kept`, counts.
    DecidedDifferently {
        phase: String,
        file: String,
        who: String,
        kept: Box<Answer>,
        other: Box<Answer>,
    },
    /// A gate entry ticks `decision`, which is none of the decisions.
    UnknownDecision { decision: String },
    /// A gate entry lacks one (and only one) ticked decision.
    NoDecision,
    /// The gate of `phase` has no criterion `id` (any more).
    UnknownCriterion { phase: String, id: String },
    /// A criterion's record stands in an entry that is no gate decision.
    CriterionOutsideGate { id: String },
    /// The phase's latest gate decision, written with pack `version`,
    /// records criterion `id` by its number, and no criterion of the gate
    /// has its text now: it counts as none.
    CriterionNoLongerTaken {
        phase: String,
        id: String,
        version: String,
    },
    /// A `measure` entry names `indicator`, which is no indicator item of
    /// the pack; `near` is the closest one it has.
    UnknownIndicator {
        indicator: String,
        near: Option<String>,
    },
    /// A `profile` entry's record of `item`, which is no profile question;
    /// `near` is the closest one.
    UnknownProfileQuestion { item: String, near: Option<String> },
    /// `item` of the profile was changed differently in `file` (by `who`),
    /// neither change having seen the other; this later one counts.
    ProfileChangedDifferently {
        item: String,
        file: String,
        who: String,
    },
    /// A `profile` entry's record of `item` that is marked not applicable
    /// or "don't know": a profile answer is a value.
    ProfileNotAnAnswer { item: String },
}

/// Where a phase's gate decisions stand while folding, beside its items'
/// answers (no item id is empty).
const GATE: &str = "";

/// An answer that no later answer has seen past, while folding.
struct Standing {
    entry: usize,
    /// The record's index in the entry.
    record: usize,
    line: usize,
    given: Given,
}

/// One entry while it is read: where it is, and what the fold needs of it.
struct Reading<'w> {
    index: usize,
    loaded: &'w LoadedEntry,
    records: &'w [Record],
    /// Written with the pack as it is now (or with no version recorded).
    this_version: bool,
}

/// The fold under way: what the entries read so far say.
pub(super) struct Folding<'w> {
    workbook: &'w Workbook,
    lineage: Lineage,
    ids: HashSet<&'w str>,
    answers: BTreeMap<(String, String), Latest>,
    orphans: Vec<Orphan>,
    findings: Vec<Finding>,
    gates: BTreeMap<String, GateState>,
    /// Per phase, the criteria its latest gate decision records.
    criteria: BTreeMap<String, Vec<CriterionState>>,
    /// Per phase, the criteria its latest gate decision recorded by number
    /// that the gate no longer has, each with the finding that names it.
    dropped: BTreeMap<String, Vec<(DroppedCriterion, Finding)>>,
    last_session: BTreeMap<String, Stamp>,
    notes: Vec<NoteState>,
    /// Each closed entry's id, with the first entry (in log order) that
    /// closed it.
    closed: BTreeMap<String, usize>,
    readiness: Vec<readiness::Assessment>,
    last_activity: Option<Stamp>,
    /// Whether an entry read so far has a `follows` key.
    keyed: bool,
    /// Per item, the answers no later answer has seen past: one, unless
    /// entries written at the same time disagree.
    live: BTreeMap<(&'w str, &'w str), Vec<Standing>>,
}

impl<'w> Folding<'w> {
    pub(super) fn new(workbook: &'w Workbook) -> Folding<'w> {
        Folding {
            workbook,
            lineage: Lineage::new(&workbook.entries),
            ids: workbook.entries.iter().map(|e| e.id.as_str()).collect(),
            answers: BTreeMap::new(),
            orphans: Vec::new(),
            findings: Vec::new(),
            gates: BTreeMap::new(),
            criteria: BTreeMap::new(),
            dropped: BTreeMap::new(),
            last_session: BTreeMap::new(),
            notes: Vec::new(),
            closed: BTreeMap::new(),
            readiness: Vec::new(),
            last_activity: None,
            keyed: false,
            live: BTreeMap::new(),
        }
    }

    /// Reads one entry, the `index`th in log order.
    pub(super) fn entry(&mut self, index: usize, loaded: &'w LoadedEntry) {
        let meta = &loaded.entry.meta;
        let pack = &self.workbook.pack;
        // The latest date, wherever the log's order puts its entry.
        if self.last_activity.is_none_or(|last| last.at < meta.date.at) {
            self.last_activity = Some(meta.date);
        }
        self.check_follows(index, loaded);
        let known_phase = meta.phase.as_deref().and_then(|p| pack.phase(p));
        // A phase or item missing from the pack the entry was written with
        // is a mistake; one a later version of the pack removed is not:
        // its answers are kept and shown as removed.
        let this_version = meta.pack_version.is_empty() || meta.pack_version == pack.version;
        if known_phase.is_none() && this_version {
            self.check_phase(loaded);
        }
        let records: &[Record] = match &loaded.entry.body {
            Body::Records(r) => r,
            Body::Text(_) => &[],
        };
        let reading = Reading {
            index,
            loaded,
            records,
            this_version,
        };
        match (meta.kind, known_phase) {
            (EntryKind::Session, Some(phase)) => self.session(&reading, phase),
            (EntryKind::Session, None) => self.session_of_unknown_phase(&reading),
            (EntryKind::Gate, Some(phase)) => self.gate(&reading, phase),
            (EntryKind::Gate, None) => {}
            (EntryKind::Readiness, _) => self.assessment(&reading),
            // Folded into the profile before (`state::profile`).
            (EntryKind::Profile, _) => {}
            // Folded into the roster (`state::roster`).
            (EntryKind::Roster, _) => {}
            _ => self.note(&reading),
        }
    }

    /// Every id `follows` names is in the log, and an entry after one with
    /// `follows` has the key too.
    fn check_follows(&mut self, index: usize, loaded: &LoadedEntry) {
        let Some(follows) = &loaded.entry.meta.follows else {
            if self.keyed {
                let before = &self.workbook.entries[..index];
                let newest = super::lineage::heads_of(before);
                let message = Message::WithoutFollows { newest };
                self.findings.push(at_key(loaded, "kind", message));
            }
            return;
        };
        self.keyed = true;
        for id in follows {
            if !self.ids.contains(id.as_str()) {
                let id = id.clone();
                let message = Message::FollowsUnknown { id };
                self.findings.push(at_key(loaded, "follows", message));
            }
        }
    }

    /// An entry names a phase the pack it was written with does not have.
    fn check_phase(&mut self, loaded: &LoadedEntry) {
        let Some(phase) = &loaded.entry.meta.phase else {
            return;
        };
        let pack = &self.workbook.pack;
        let near = crate::finding::closest(phase, pack.phases.iter().map(|p| p.id.as_str()));
        let message = Message::UnknownPhase {
            phase: phase.clone(),
            near: near.map(str::to_string),
        };
        self.findings.push(at_key(loaded, "phase", message));
    }

    /// A session of a phase the pack does not have: every answer kept as
    /// an orphan.
    fn session_of_unknown_phase(&mut self, reading: &Reading<'_>) {
        let phase = reading.loaded.entry.meta.phase.as_deref().unwrap_or("");
        for record in reading.records {
            self.orphans
                .push(orphan(phase, record, reading.index, false));
        }
    }

    /// A session's answers, record by record.
    fn session(&mut self, reading: &Reading<'_>, phase: &'w Phase) {
        self.last_session
            .insert(phase.id.clone(), reading.loaded.entry.meta.date);
        let lines = &reading.loaded.record_lines;
        for (at, (record, line)) in reading.records.iter().zip(lines).enumerate() {
            if record.criterion {
                let id = record.item.clone();
                let message = Message::CriterionOutsideGate { id };
                self.findings.push(at_line(reading.loaded, *line, message));
                continue;
            }
            self.answer(reading, phase, at, record, *line);
        }
    }

    /// One answer of a session: it counts, is kept as an orphan, or is a
    /// problem.
    fn answer(
        &mut self,
        reading: &Reading<'_>,
        phase: &'w Phase,
        at: usize,
        record: &Record,
        line: usize,
    ) {
        // Actions only, no answer: nothing to fold here (its actions are
        // followed up like every other).
        if record.answer == crate::log::Answer::Unanswered {
            return;
        }
        let Some(item) = phase.item(&record.item) else {
            self.answer_to_unknown_item(reading, phase, record, line);
            return;
        };
        match interpret(&item.kind, &record.answer) {
            Ok(Given::NotApplicable(reason)) if reason.trim().is_empty() => {
                let item = record.item.clone();
                let message = Message::NotApplicableWithoutReason { item };
                self.findings.push(at_line(reading.loaded, line, message));
            }
            Ok(given) => {
                let today = reading.loaded.entry.meta.date.date();
                let baseline = self.baseline_of(phase, item);
                if let Err(why) = super::answer::check_days(&given, today, baseline) {
                    let item = record.item.clone();
                    let message = Message::Unfit { item, why };
                    self.findings.push(at_line(reading.loaded, line, message));
                }
                let standing = Standing {
                    entry: reading.index,
                    record: at,
                    line,
                    given: given.clone(),
                };
                self.stand((&phase.id, &item.id), standing);
                self.answers.insert(
                    (phase.id.clone(), item.id.clone()),
                    Latest {
                        given,
                        answer: record.answer.clone(),
                        note: record.note.clone(),
                        prompt: record.prompt.clone(),
                        date: reading.loaded.entry.meta.date,
                        entry: reading.index,
                    },
                );
            }
            // Written with an older version of the pack: kept, and shown
            // as no longer fitting.
            Err(_) if !reading.this_version => {
                self.orphans
                    .push(orphan(&phase.id, record, reading.index, true));
            }
            Err(why) => {
                let item = record.item.clone();
                let message = Message::Unfit { item, why };
                self.findings.push(at_line(reading.loaded, line, message));
            }
        }
    }

    /// An answer to an item the phase does not have (any more): kept, and
    /// a problem if the pack it was written with has no such item either.
    fn answer_to_unknown_item(
        &mut self,
        reading: &Reading<'_>,
        phase: &Phase,
        record: &Record,
        line: usize,
    ) {
        if reading.this_version {
            let message = Message::UnknownItem {
                phase: phase.id.clone(),
                item: record.item.clone(),
            };
            self.findings.push(at_line(reading.loaded, line, message));
        }
        self.orphans
            .push(orphan(&phase.id, record, reading.index, false));
    }

    /// `standing` is now a standing answer to `subject`: the answers its
    /// author had seen (and any earlier one of its own entry) no longer are.
    fn stand(&mut self, subject: (&'w str, &'w str), standing: Standing) {
        let lineage = &self.lineage;
        let index = standing.entry;
        let live = self.live.entry(subject).or_default();
        live.retain(|s| s.entry != index && !lineage.has_seen(index, s.entry));
        live.push(standing);
    }

    /// A gate's decision: it stands, and may disagree, as an answer does.
    fn gate(&mut self, reading: &Reading<'_>, phase: &'w Phase) {
        let records = reading.records;
        match gate_decision(records) {
            Ok(decision) => {
                let at = records
                    .iter()
                    .position(|r| !r.criterion && r.item == "decision")
                    .unwrap_or(0);
                let standing = Standing {
                    entry: reading.index,
                    record: at,
                    line: reading.loaded.record_lines.get(at).copied().unwrap_or(1),
                    given: Given::Value(Value::Str(decision.id().to_string())),
                };
                self.stand((&phase.id, GATE), standing);
                let criteria = self.criteria_of(reading, phase);
                self.criteria.insert(phase.id.clone(), criteria);
                let dropped = dropped_criteria(reading, phase);
                self.dropped.insert(phase.id.clone(), dropped);
                self.gates.insert(
                    phase.id.clone(),
                    GateState::Decided {
                        decision,
                        date: reading.loaded.entry.meta.date,
                        entry: reading.index,
                    },
                );
            }
            Err(why) => self
                .findings
                .push(gate_problem(reading.loaded, records, why)),
        }
    }

    /// The criteria of `phase` as a gate entry records them, in pack order;
    /// a record of a criterion the gate does not have is a problem when
    /// the entry was written with this version of the pack.
    fn criteria_of(&mut self, reading: &Reading<'_>, phase: &Phase) -> Vec<CriterionState> {
        let lines = &reading.loaded.record_lines;
        for (record, line) in reading.records.iter().zip(lines) {
            if record.criterion
                && reading.this_version
                && phase.gate.criterion(&record.item).is_none()
            {
                let message = Message::UnknownCriterion {
                    phase: phase.id.clone(),
                    id: record.item.clone(),
                };
                self.findings.push(at_line(reading.loaded, *line, message));
            }
        }
        let entry_id = &reading.loaded.id;
        let (profile, answers) = (&self.workbook.profile, &self.answers);
        phase
            .gate
            .criteria
            .iter()
            .filter(|c| super::criterion_applies(c, profile, answers))
            .map(|c| {
                let record = reading
                    .records
                    .iter()
                    .find(|r| r.criterion && r.item == c.id)
                    .or_else(|| by_number_and_text(reading, phase, c));
                CriterionState {
                    id: c.id.clone(),
                    status: record.map_or(CriterionStatus::Unrecorded, |r| status_of(r, entry_id)),
                }
            })
            .collect()
    }

    /// A readiness assessment, with the problems met reading it.
    fn assessment(&mut self, reading: &Reading<'_>) {
        let pack = &self.workbook.pack;
        match readiness::assess(pack, reading.loaded, reading.index) {
            Ok((assessment, problems)) => {
                self.findings.extend(problems);
                self.readiness.push(assessment);
            }
            Err(problems) => self.findings.extend(problems),
        }
    }

    /// A note (a risk, a decision, an insight, …): open until an entry
    /// closes it; the entries it closes.
    fn note(&mut self, reading: &Reading<'_>) {
        self.check_measure(reading);
        for id in &reading.loaded.entry.meta.closes {
            if self.ids.contains(id.as_str()) || self.workbook.raised_action(id).is_some() {
                self.closed.entry(id.clone()).or_insert(reading.index);
            } else {
                let message = Message::ClosesUnknown { id: id.clone() };
                self.findings
                    .push(at_key(reading.loaded, "closes", message));
            }
        }
        self.notes.push(NoteState {
            entry: reading.index,
            open: true,
            closed_by: None,
        });
    }

    /// The baseline day of the indicator a measurement item measures, as
    /// the entries folded so far define it.
    fn baseline_of(&self, phase: &Phase, item: &crate::pack::Item) -> Option<jiff::civil::Date> {
        let crate::pack::Kind::Measurement { indicator, .. } = &item.kind else {
            return None;
        };
        let phase = indicator.phase.clone().unwrap_or_else(|| phase.id.clone());
        self.baseline((phase, indicator.item.clone()))
    }

    /// The baseline day of the indicator `(phase, item)`, when defined.
    fn baseline(&self, key: (String, String)) -> Option<jiff::civil::Date> {
        match self.answers.get(&key).map(|latest| &latest.given) {
            Some(Given::Indicator(i)) => Some(i.baseline_date),
            _ => None,
        }
    }

    /// A `measure` entry's day: not after the entry's own, not before its
    /// indicator's baseline day.
    fn check_measured_day(&mut self, reading: &Reading<'_>) {
        let Some(measure) = &reading.loaded.entry.meta.measure else {
            return;
        };
        let baseline = measure
            .indicator
            .split_once('.')
            .and_then(|(p, i)| self.baseline((p.to_string(), i.to_string())));
        let today = reading.loaded.entry.meta.date.date();
        if let Err(why) = super::answer::measured_day(measure.measured, today, baseline) {
            let item = measure.indicator.clone();
            let message = Message::Unfit { item, why };
            self.findings
                .push(at_key(reading.loaded, "measured", message));
        }
    }

    /// A `measure` entry of the pack's own version names one of its
    /// indicator items.
    fn check_measure(&mut self, reading: &Reading<'_>) {
        let Some(measure) = &reading.loaded.entry.meta.measure else {
            return;
        };
        self.check_measured_day(reading);
        let pack = &self.workbook.pack;
        let indicators: Vec<String> = pack
            .phases
            .iter()
            .flat_map(|p| {
                p.items
                    .iter()
                    .filter(|i| matches!(i.kind, crate::pack::Kind::Indicator { .. }))
                    .map(move |i| format!("{}.{}", p.id, i.id))
            })
            .collect();
        if !reading.this_version || indicators.contains(&measure.indicator) {
            return;
        }
        let near =
            crate::finding::closest(&measure.indicator, indicators.iter().map(String::as_str));
        let message = Message::UnknownIndicator {
            indicator: measure.indicator.clone(),
            near: near.map(str::to_string),
        };
        self.findings
            .push(at_key(reading.loaded, "indicator", message));
    }

    /// The state, once every entry is read.
    pub(super) fn finish(mut self) -> State {
        let workbook = self.workbook;
        for note in &mut self.notes {
            note.closed_by = self.closed.get(&workbook.entries[note.entry].id).copied();
            note.open = note.closed_by.is_none();
        }
        let phases: Vec<PhaseState> = workbook
            .pack
            .phases
            .iter()
            .map(|phase| self.phase_state(phase))
            .collect();
        let current = current_of(&phases);
        agreeing_notes(workbook, &self.live, &mut self.answers);
        let disagreements = disagreements(workbook, self.live);
        disagreement_findings(workbook, &disagreements, &mut self.findings);
        // Only the decision that counts names a criterion no longer taken.
        for dropped in self.dropped.values() {
            self.findings.extend(dropped.iter().map(|(_, f)| f.clone()));
        }
        State {
            phases,
            current,
            answers: self.answers,
            orphans: self.orphans,
            notes: self.notes,
            readiness: readiness::rounds(workbook.pack.readiness.as_ref(), self.readiness),
            disagreements,
            last_activity: self.last_activity,
            findings: self.findings,
            closed: self.closed,
        }
    }

    /// One phase's progress, from its items that apply, and its gate.
    fn phase_state(&self, phase: &Phase) -> PhaseState {
        let mut state = PhaseState {
            id: phase.id.clone(),
            required: 0,
            done: 0,
            open: Vec::new(),
            unanswered: Vec::new(),
            gate: GateState::Open,
            last_session: self.last_session.get(&phase.id).copied(),
            criteria: self.criteria.get(&phase.id).cloned().unwrap_or_default(),
            dropped_criteria: self
                .dropped
                .get(&phase.id)
                .map(|d| d.iter().map(|(c, _)| c.clone()).collect())
                .unwrap_or_default(),
        };
        for item in &phase.items {
            if !applies(item, &self.workbook.profile, &self.answers) {
                continue;
            }
            let latest = self.answers.get(&(phase.id.clone(), item.id.clone()));
            let done = latest.is_some_and(|l| l.given.is_done());
            if item.required {
                state.required += 1;
                if done {
                    state.done += 1;
                } else {
                    state.open.push(item.id.clone());
                }
            } else if latest.is_none() {
                state.unanswered.push(item.id.clone());
            }
        }
        state.gate = gate_state(self.gates.get(&phase.id), state.last_session);
        if state.gate == GateState::Open && state.open.is_empty() {
            state.gate = GateState::Ready;
        }
        state
    }
}

/// A phase's gate from its latest decision. A decision to recycle or pause
/// stands until the phase is worked on again; then the gate is open (or
/// ready) once more.
fn gate_state(decided: Option<&GateState>, last_session: Option<Stamp>) -> GateState {
    let worked_on_since = |date: &Stamp| last_session.is_some_and(|s| s.at > date.at);
    match decided {
        Some(GateState::Decided {
            decision: Decision::Recycle | Decision::Pause,
            date,
            ..
        }) if worked_on_since(date) => GateState::Open,
        Some(decided) => decided.clone(),
        None => GateState::Open,
    }
}

/// An answer kept for an item the pack no longer has (or changed).
fn orphan(phase: &str, record: &Record, entry: usize, changed: bool) -> Orphan {
    Orphan {
        phase: phase.to_string(),
        item: record.item.clone(),
        prompt: record.prompt.clone(),
        answer: record.answer.clone(),
        entry,
        changed,
    }
}

/// A problem on a line of an entry's file.
fn at_line(loaded: &LoadedEntry, line: usize, message: Message) -> Finding {
    Finding {
        file: loaded.file.clone(),
        line,
        col: 1,
        message: message.into(),
    }
}

/// A problem with a front-matter key, where its value is.
/// The entries dated more than a day after `now`: a mistyped year, or a
/// clock set wrong. Such an entry would sort after everything written
/// until then.
pub fn dated_ahead(workbook: &Workbook, now: Stamp) -> Vec<Finding> {
    let limit = now.at + jiff::SignedDuration::from_hours(24);
    workbook
        .entries
        .iter()
        .filter(|e| e.entry.meta.date.at > limit)
        .map(|e| {
            let date = e.entry.meta.date.to_string();
            let now = now.to_string();
            at_key(e, "date", Message::DatedAhead { date, now })
        })
        .collect()
}

fn at_key(loaded: &LoadedEntry, key: &str, message: Message) -> Finding {
    let (line, col) = loaded.at(key);
    Finding {
        file: loaded.file.clone(),
        line,
        col,
        message: message.into(),
    }
}

/// The items whose standing answers differ, in pack order; the last
/// standing answer is the one that counts.
fn disagreements<'w>(
    workbook: &'w Workbook,
    mut live: BTreeMap<(&'w str, &'w str), Vec<Standing>>,
) -> Vec<Disagreement> {
    let side = |s: &Standing| Side {
        entry: s.entry,
        answer: match &workbook.entries[s.entry].entry.body {
            Body::Records(records) => records[s.record].answer.clone(),
            Body::Text(_) => Answer::Text(String::new()),
        },
        line: s.line,
    };
    let mut out = Vec::new();
    for phase in &workbook.pack.phases {
        let subjects = phase
            .items
            .iter()
            .map(|item| Some(item.id.as_str()))
            .chain([None]);
        for item in subjects {
            let Some(mut standing) = live.remove(&(phase.id.as_str(), item.unwrap_or(GATE))) else {
                continue;
            };
            let Some(kept) = standing.pop() else {
                continue;
            };
            standing.retain(|s| s.given != kept.given);
            if !standing.is_empty() {
                out.push(Disagreement {
                    phase: phase.id.clone(),
                    item: item.map(str::to_string),
                    kept: side(&kept),
                    set_aside: standing.iter().map(side).collect(),
                });
            }
        }
    }
    out
}

/// Where answers that stand side by side agree but their notes differ (two
/// branches gave the same answer, each with a note of its own), the answer
/// that counts carries every note, its own first, none lost.
fn agreeing_notes(
    workbook: &Workbook,
    live: &BTreeMap<(&str, &str), Vec<Standing>>,
    answers: &mut BTreeMap<(String, String), Latest>,
) {
    let note_of = |s: &Standing| match &workbook.entries[s.entry].entry.body {
        Body::Records(records) => records.get(s.record).and_then(|r| r.note.clone()),
        Body::Text(_) => None,
    };
    for (&(phase, item), standing) in live {
        let Some((kept, others)) = standing.split_last() else {
            continue;
        };
        let key = (phase.to_string(), item.to_string());
        let Some(latest) = answers.get_mut(&key) else {
            continue;
        };
        let mut notes: Vec<String> = latest.note.iter().cloned().collect();
        for other in others.iter().filter(|o| o.given == kept.given) {
            if let Some(note) = note_of(other).filter(|n| !notes.contains(n)) {
                notes.push(note);
            }
        }
        if notes.len() > 1 {
            latest.note = Some(notes.join("\n\n"));
        }
    }
}

/// A finding per answer set aside, at the answer that counts.
fn disagreement_findings(
    workbook: &Workbook,
    disagreements: &[Disagreement],
    findings: &mut Vec<Finding>,
) {
    for d in disagreements {
        let kept = &workbook.entries[d.kept.entry];
        for other in &d.set_aside {
            let message = set_aside_message(workbook, d, other);
            findings.push(at_line(kept, d.kept.line, message));
        }
    }
}

/// What a finding says of one answer set aside in a disagreement.
fn set_aside_message(workbook: &Workbook, d: &Disagreement, other: &Side) -> Message {
    let other_entry = &workbook.entries[other.entry];
    let file = other_entry.name.clone();
    let who = other_entry
        .entry
        .meta
        .by
        .as_deref()
        .unwrap_or("?")
        .to_string();
    let phase = d.phase.clone();
    let kept = Box::new(d.kept.answer.clone());
    let other = Box::new(other.answer.clone());
    match &d.item {
        Some(item) => Message::AnsweredDifferently {
            item: item.clone(),
            phase,
            file,
            who,
            kept,
            other,
        },
        None => Message::DecidedDifferently {
            phase,
            file,
            who,
            kept,
            other,
        },
    }
}

/// The first phase whose gate has not been passed; or where it stopped.
fn current_of(phases: &[PhaseState]) -> Current {
    for (i, phase) in phases.iter().enumerate() {
        match &phase.gate {
            GateState::Decided {
                decision: Decision::Go,
                ..
            } => continue,
            GateState::Decided {
                decision: Decision::Stop,
                ..
            } => return Current::Stopped(i),
            _ => return Current::Phase(i),
        }
    }
    Current::Finished
}

/// A problem with a gate entry's decision, where the decision is written
/// (or, with none, at the entry's `kind`).
fn gate_problem(loaded: &LoadedEntry, records: &[Record], message: Message) -> Finding {
    let at = records
        .iter()
        .position(|r| !r.criterion && r.item == "decision");
    let (line, col) = match at.and_then(|at| loaded.record_lines.get(at)) {
        Some(line) => (*line, 1),
        None => loaded.at("kind"),
    };
    Finding {
        file: loaded.file.clone(),
        line,
        col,
        message: message.into(),
    }
}

/// Whether a criterion's record keys it by number: its place in a pack
/// that gave its criteria no ids.
fn by_number(record: &Record) -> bool {
    record.criterion && !record.item.is_empty() && record.item.bytes().all(|b| b.is_ascii_digit())
}

/// Whether a criterion's text, in either language, is `heading`, spaces
/// aside.
fn same_text(criterion: &crate::pack::Criterion, heading: &str) -> bool {
    [crate::i18n::Lang::Sv, crate::i18n::Lang::En]
        .iter()
        .any(|lang| {
            let text = criterion.text.get(*lang);
            text.split_whitespace().eq(heading.split_whitespace())
        })
}

/// A criterion recorded by number under an earlier version of the pack
/// that the gate no longer numbers so, read as the criterion `c` when its
/// text is `c`'s: the heading keeps the text as it read then.
fn by_number_and_text<'r>(
    reading: &Reading<'r>,
    phase: &Phase,
    c: &crate::pack::Criterion,
) -> Option<&'r Record> {
    if reading.this_version {
        return None;
    }
    reading.records.iter().find(|r| {
        by_number(r) && phase.gate.criterion(&r.item).is_none() && same_text(c, &r.prompt)
    })
}

/// The criteria a gate decision written with an earlier version of the
/// pack recorded by number that no criterion of the gate is now, by
/// number or by text; each with its finding at its record.
fn dropped_criteria(reading: &Reading<'_>, phase: &Phase) -> Vec<(DroppedCriterion, Finding)> {
    if reading.this_version {
        return Vec::new();
    }
    let loaded = reading.loaded;
    let version = &loaded.entry.meta.pack_version;
    reading
        .records
        .iter()
        .zip(&loaded.record_lines)
        .filter(|(r, _)| by_number(r) && phase.gate.criterion(&r.item).is_none())
        .filter(|(r, _)| !phase.gate.criteria.iter().any(|c| same_text(c, &r.prompt)))
        .map(|(r, line)| {
            let dropped = DroppedCriterion {
                id: r.item.clone(),
                text: r.prompt.clone(),
                status: status_of(r, &loaded.id),
                pack_version: version.clone(),
            };
            let message = Message::CriterionNoLongerTaken {
                phase: phase.id.clone(),
                id: r.item.clone(),
                version: version.clone(),
            };
            (dropped, at_line(loaded, *line, message))
        })
        .collect()
}

/// A criterion's status as its record (in the entry `entry_id`) says it.
fn status_of(record: &Record, entry_id: &str) -> CriterionStatus {
    match (&record.answer, record.actions.first()) {
        (Answer::Met, _) => CriterionStatus::Met,
        (Answer::Deferred, Some(action)) => CriterionStatus::Deferred {
            action: action.id_in(entry_id),
        },
        (Answer::NotApplicable(reason), _) => CriterionStatus::NotApplicable(reason.clone()),
        (Answer::NotMet, _) => CriterionStatus::NotMet,
        _ => CriterionStatus::Unrecorded,
    }
}

/// The decision a gate entry records.
pub(crate) fn gate_decision(records: &[Record]) -> Result<Decision, Message> {
    let record = records
        .iter()
        .find(|r| !r.criterion && r.item == "decision");
    let ticked: Vec<&str> = match record.map(|r| &r.answer) {
        Some(Answer::Options(marks)) => marks
            .iter()
            .filter(|m| m.ticked)
            .map(|m| m.id.as_str())
            .collect(),
        _ => Vec::new(),
    };
    match ticked.as_slice() {
        [one] => Decision::ALL
            .into_iter()
            .find(|d| d.id() == *one)
            .ok_or_else(|| Message::UnknownDecision {
                decision: one.to_string(),
            }),
        _ => Err(Message::NoDecision),
    }
}
