//! The state (läge): what a workbook's entries say, folded in log order.
//! The latest answer to an item wins; items whose condition is false do not
//! count; each phase gets its progress and gate (docs/log-format.md, "Reading
//! the log: the state"). Never stored; always folded from the log.

pub mod interpret;
pub mod lineage;
mod readiness;

use std::collections::{BTreeMap, BTreeSet};

use crate::finding::Finding;
use crate::i18n::Lang;
use crate::log::{Answer, Body, EntryKind, Record, Stamp};
use crate::pack::condition::{Answers, Name, Value};
use crate::pack::{Decision, Item};
use crate::tr;
use crate::workbook::{LoadedEntry, Workbook};
use interpret::{Given, interpret};
pub use readiness::{Assessment, DimensionScore};

/// The latest answer to one item.
#[derive(Clone, Debug)]
pub struct Latest {
    pub given: Given,
    pub answer: Answer,
    pub note: Option<String>,
    pub prompt: String,
    pub date: Stamp,
    /// The index of the entry in `Workbook::entries`.
    pub entry: usize,
}

/// An answer to an item the pack no longer has: kept, and shown as such.
#[derive(Clone, Debug)]
pub struct Orphan {
    pub phase: String,
    pub item: String,
    pub prompt: String,
    pub answer: Answer,
    pub entry: usize,
    /// The pack still has the item, but changed it since (its kind or
    /// options), and the answer no longer fits.
    pub changed: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub enum GateState {
    /// Required items are still open.
    Open,
    /// Every applicable required item is done; no decision yet.
    Ready,
    Decided {
        decision: Decision,
        date: Stamp,
        /// The gate entry, an index in `Workbook::entries`.
        entry: usize,
    },
}

/// One phase's progress and gate.
#[derive(Clone, Debug)]
pub struct PhaseState {
    pub id: String,
    /// Applicable required items.
    pub required: usize,
    /// Of those, how many are done.
    pub done: usize,
    /// Applicable required items not yet done, in pack order.
    pub open: Vec<String>,
    /// Applicable optional items with no answer, in pack order.
    pub unanswered: Vec<String>,
    pub gate: GateState,
    pub last_session: Option<Stamp>,
}

impl PhaseState {
    /// Whether the gate was passed (decided `go`).
    pub fn passed(&self) -> bool {
        matches!(
            self.gate,
            GateState::Decided {
                decision: Decision::Go,
                ..
            }
        )
    }
}

/// Where the project stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Current {
    /// Working in this phase (an index in `State::phases`).
    Phase(usize),
    /// Stopped at this phase's gate.
    Stopped(usize),
    /// Every gate passed.
    Finished,
}

/// A note entry, with whether it (a risk) is still open.
#[derive(Clone, Debug)]
pub struct NoteState {
    pub entry: usize,
    pub open: bool,
}

/// An item answered differently by entries whose authors had not seen each
/// other's answer (two branches, merged). The latest answer counts; the
/// others are kept here, to be shown until a later session settles it.
#[derive(Clone, Debug)]
pub struct Disagreement {
    pub phase: String,
    /// The item; `None` for the phase's gate decision.
    pub item: Option<String>,
    /// The answer that counts.
    pub kept: Side,
    /// The different answers set aside, in log order.
    pub set_aside: Vec<Side>,
}

/// One answer in a disagreement, and where it was given.
#[derive(Clone, Debug)]
pub struct Side {
    /// The entry, an index in `Workbook::entries`.
    pub entry: usize,
    pub answer: Answer,
    /// The record's line in the entry's file.
    pub line: usize,
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

/// Everything the log says.
#[derive(Clone, Debug)]
pub struct State {
    pub phases: Vec<PhaseState>,
    pub current: Current,
    pub answers: BTreeMap<(String, String), Latest>,
    pub orphans: Vec<Orphan>,
    pub notes: Vec<NoteState>,
    pub readiness: Vec<Assessment>,
    /// Items answered differently on two branches, in pack order.
    pub disagreements: Vec<Disagreement>,
    pub last_activity: Option<Stamp>,
    /// Problems met while folding (unknown items, unreadable answers).
    pub findings: Vec<Finding>,
}

impl State {
    pub fn open_risks(&self, workbook: &Workbook) -> usize {
        self.notes
            .iter()
            .filter(|n| n.open && workbook.entries[n.entry].entry.meta.kind == EntryKind::Risk)
            .count()
    }

    /// The latest decision: a gate decision or a decision note, whichever
    /// came last.
    pub fn last_decision<'w>(&self, workbook: &'w Workbook) -> Option<&'w LoadedEntry> {
        workbook
            .entries
            .iter()
            .rev()
            .find(|e| matches!(e.entry.meta.kind, EntryKind::Gate | EntryKind::Decision))
    }

    pub fn current_phase(&self) -> Option<&PhaseState> {
        match self.current {
            Current::Phase(i) => self.phases.get(i),
            _ => None,
        }
    }
}

/// What conditions read: profile answers by bare id, item answers by
/// `phase.item`.
struct Reader<'a> {
    profile: &'a BTreeMap<String, Value>,
    answers: &'a BTreeMap<(String, String), Latest>,
}

impl Answers for Reader<'_> {
    fn value(&self, name: &Name) -> Option<Value> {
        match &name.phase {
            None => self.profile.get(&name.item).cloned(),
            Some(phase) => match &self.answers.get(&(phase.clone(), name.item.clone()))?.given {
                Given::Value(v) => Some(v.clone()),
                _ => None,
            },
        }
    }
}

/// Whether an item applies, given the profile and the answers so far.
pub fn applies(
    item: &Item,
    profile: &BTreeMap<String, Value>,
    answers: &BTreeMap<(String, String), Latest>,
) -> bool {
    item.when
        .as_ref()
        .is_none_or(|c| c.holds(&Reader { profile, answers }))
}

/// Folds a workbook's entries into its state.
pub fn fold(workbook: &Workbook, lang: Lang) -> State {
    let pack = &workbook.pack;
    let mut answers: BTreeMap<(String, String), Latest> = BTreeMap::new();
    let mut orphans = Vec::new();
    let mut findings = Vec::new();
    let mut gates: BTreeMap<String, GateState> = BTreeMap::new();
    let mut last_session: BTreeMap<String, Stamp> = BTreeMap::new();
    let mut notes: Vec<NoteState> = Vec::new();
    let mut closed: BTreeSet<String> = BTreeSet::new();
    let mut readiness = Vec::new();
    let mut last_activity = None;
    let lineage = lineage::Lineage::new(&workbook.entries);
    let ids: std::collections::HashSet<&str> =
        workbook.entries.iter().map(|e| e.id.as_str()).collect();
    // Per item, the answers no later answer has seen past: one, unless
    // entries written at the same time disagree.
    let mut live: BTreeMap<(&str, &str), Vec<Standing>> = BTreeMap::new();

    for (index, loaded) in workbook.entries.iter().enumerate() {
        let entry = &loaded.entry;
        let meta = &entry.meta;
        last_activity = Some(meta.date);
        let finding = |line: usize, message: String| Finding {
            file: loaded.file.clone(),
            line,
            col: 1,
            message,
        };
        // A problem with a front-matter key, where its value is.
        let at_key = |key: &str, message: String| {
            let (line, col) = loaded.at(key);
            Finding {
                file: loaded.file.clone(),
                line,
                col,
                message,
            }
        };
        for id in meta.follows.iter().flatten() {
            if !ids.contains(id.as_str()) {
                findings.push(at_key(
                    "follows",
                    tr!(
                        lang,
                        "`follows` nämner `{id}`, men ingen post i loggen har det id:t (togs den bort?)",
                        "`follows` names `{id}`, but no entry in the log has that id (was it removed?)"
                    ),
                ));
            }
        }
        let known_phase = meta.phase.as_deref().and_then(|p| pack.phase(p));
        // A phase or item missing from the pack the entry was written with
        // is a mistake; one a later version of the pack removed is not:
        // its answers are kept and shown as removed.
        let written_with_this_version =
            meta.pack_version.is_empty() || meta.pack_version == pack.version;
        if let (Some(phase), None, true) = (&meta.phase, known_phase, written_with_this_version) {
            let near = crate::finding::closest(phase, pack.phases.iter().map(|p| p.id.as_str()));
            let hint = near
                .map(|n| tr!(lang, "; menade du `{n}`?", "; did you mean `{n}`?"))
                .unwrap_or_default();
            findings.push(at_key(
                "phase",
                tr!(
                    lang,
                    "paketet har ingen fas `{phase}`{hint}",
                    "the pack has no phase `{phase}`{hint}"
                ),
            ));
        }
        let records: &[Record] = match &entry.body {
            Body::Records(r) => r,
            Body::Text(_) => &[],
        };
        match meta.kind {
            EntryKind::Session => {
                let Some(phase) = known_phase else {
                    for record in records {
                        orphans.push(Orphan {
                            phase: meta.phase.clone().unwrap_or_default(),
                            item: record.item.clone(),
                            prompt: record.prompt.clone(),
                            answer: record.answer.clone(),
                            entry: index,
                            changed: false,
                        });
                    }
                    continue;
                };
                last_session.insert(phase.id.clone(), meta.date);
                for (at, (record, line)) in records.iter().zip(&loaded.record_lines).enumerate() {
                    let Some(item) = phase.item(&record.item) else {
                        if written_with_this_version {
                            findings.push(finding(
                                *line,
                                tr!(
                                    lang,
                                    "fasen `{}` har ingen punkt `{}` (längre); svaret behålls och visas som borttaget",
                                    "the phase `{}` has no item `{}` (any more); the answer is kept and shown as removed",
                                    phase.id,
                                    record.item
                                ),
                            ));
                        }
                        orphans.push(Orphan {
                            phase: phase.id.clone(),
                            item: record.item.clone(),
                            prompt: record.prompt.clone(),
                            answer: record.answer.clone(),
                            entry: index,
                            changed: false,
                        });
                        continue;
                    };
                    match interpret(&item.kind, &record.answer, lang) {
                        Ok(Given::NotApplicable(reason)) if reason.trim().is_empty() => {
                            findings.push(finding(
                                *line,
                                tr!(
                                    lang,
                                    "`{}` är markerad ej tillämplig utan skäl; skriv skälet efter etiketten (punkten räknas som öppen tills dess)",
                                    "`{}` is marked not applicable without a reason; write the reason after the label (the item counts as open until then)",
                                    record.item
                                ),
                            ));
                        }
                        Ok(given) => {
                            let standing = live.entry((&phase.id, &item.id)).or_default();
                            standing
                                .retain(|s| s.entry != index && !lineage.has_seen(index, s.entry));
                            standing.push(Standing {
                                entry: index,
                                record: at,
                                line: *line,
                                given: given.clone(),
                            });
                            answers.insert(
                                (phase.id.clone(), item.id.clone()),
                                Latest {
                                    given,
                                    answer: record.answer.clone(),
                                    note: record.note.clone(),
                                    prompt: record.prompt.clone(),
                                    date: meta.date,
                                    entry: index,
                                },
                            );
                        }
                        // Written with an older version of the pack: kept,
                        // and shown as no longer fitting.
                        Err(_) if !written_with_this_version => orphans.push(Orphan {
                            phase: phase.id.clone(),
                            item: record.item.clone(),
                            prompt: record.prompt.clone(),
                            answer: record.answer.clone(),
                            entry: index,
                            changed: true,
                        }),
                        Err(why) => findings.push(finding(
                            *line,
                            tr!(lang, "`{}`: {why}", "`{}`: {why}", record.item),
                        )),
                    }
                }
            }
            EntryKind::Gate => {
                let Some(phase) = known_phase else { continue };
                match gate_decision(records, lang) {
                    Ok(decision) => {
                        // Decisions stand, and disagree, as answers do.
                        let at = records
                            .iter()
                            .position(|r| r.item == "decision")
                            .unwrap_or(0);
                        let standing = live.entry((&phase.id, GATE)).or_default();
                        standing.retain(|s| s.entry != index && !lineage.has_seen(index, s.entry));
                        standing.push(Standing {
                            entry: index,
                            record: at,
                            line: loaded.record_lines.get(at).copied().unwrap_or(1),
                            given: Given::Value(Value::Str(decision.id().to_string())),
                        });
                        gates.insert(
                            phase.id.clone(),
                            GateState::Decided {
                                decision,
                                date: meta.date,
                                entry: index,
                            },
                        );
                    }
                    Err(why) => findings.push(gate_problem(loaded, records, why)),
                }
            }
            EntryKind::Readiness => match readiness::assess(pack, loaded, index, lang) {
                Ok((assessment, problems)) => {
                    findings.extend(problems);
                    readiness.push(assessment);
                }
                Err(problems) => findings.extend(problems),
            },
            _ => {
                for id in &meta.closes {
                    if ids.contains(id.as_str()) {
                        closed.insert(id.clone());
                    } else {
                        findings.push(at_key(
                            "closes",
                            tr!(
                                lang,
                                "`closes` nämner `{id}`, men ingen post i loggen har det id:t",
                                "`closes` names `{id}`, but no entry in the log has that id"
                            ),
                        ));
                    }
                }
                notes.push(NoteState {
                    entry: index,
                    open: true,
                });
            }
        }
    }
    for note in &mut notes {
        note.open = !closed.contains(&workbook.entries[note.entry].id);
    }

    let phases: Vec<PhaseState> = pack
        .phases
        .iter()
        .map(|phase| {
            let mut state = PhaseState {
                id: phase.id.clone(),
                required: 0,
                done: 0,
                open: Vec::new(),
                unanswered: Vec::new(),
                gate: GateState::Open,
                last_session: last_session.get(&phase.id).copied(),
            };
            for item in &phase.items {
                if !applies(item, &workbook.profile, &answers) {
                    continue;
                }
                let latest = answers.get(&(phase.id.clone(), item.id.clone()));
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
            // A decision to recycle or pause stands until the phase is
            // worked on again; then the gate is open (or ready) once more.
            let worked_on_since = |date: &Stamp| state.last_session.is_some_and(|s| s.at > date.at);
            state.gate = match gates.get(&phase.id) {
                Some(GateState::Decided {
                    decision: Decision::Recycle | Decision::Pause,
                    date,
                    ..
                }) if worked_on_since(date) => GateState::Open,
                Some(decided) => decided.clone(),
                None => GateState::Open,
            };
            if state.gate == GateState::Open && state.open.is_empty() {
                state.gate = GateState::Ready;
            }
            state
        })
        .collect();
    let current = current_of(&phases);
    let disagreements = disagreements(workbook, live);
    for d in &disagreements {
        let kept = &workbook.entries[d.kept.entry];
        for other in &d.set_aside {
            let other_entry = &workbook.entries[other.entry];
            let file = &other_entry.name;
            let who = other_entry.entry.meta.by.as_deref().unwrap_or("?");
            let phase = &d.phase;
            let message = match &d.item {
                Some(item) => tr!(
                    lang,
                    "`{item}` besvarades annorlunda i {file} ({who}), och ingen av dem hade sett den andras svar; detta senare svar gäller. `dino run {phase}` och ett nytt svar avgör saken",
                    "`{item}` was answered differently in {file} ({who}), and neither had seen the other's answer; this later answer counts. `dino run {phase}` and a new answer settle it"
                ),
                None => tr!(
                    lang,
                    "beslutspunkten för `{phase}` fick ett annat beslut i {file} ({who}), och ingen av dem hade sett det andra; detta senare beslut gäller. Ett nytt beslut, `dino gate {phase} --decision …`, avgör saken",
                    "the gate of `{phase}` was decided differently in {file} ({who}), and neither had seen the other decision; this later one counts. A new decision, `dino gate {phase} --decision …`, settles it"
                ),
            };
            findings.push(Finding {
                file: kept.file.clone(),
                line: d.kept.line,
                col: 1,
                message,
            });
        }
    }
    State {
        phases,
        current,
        answers,
        orphans,
        notes,
        readiness,
        disagreements,
        last_activity,
        findings,
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

/// The decision a gate entry records.
/// A problem with a gate entry's decision, where the decision is written
/// (or, with none, at the entry's `kind`).
fn gate_problem(loaded: &LoadedEntry, records: &[Record], message: String) -> Finding {
    let at = records.iter().position(|r| r.item == "decision");
    let (line, col) = match at.and_then(|at| loaded.record_lines.get(at)) {
        Some(line) => (*line, 1),
        None => loaded.at("kind"),
    };
    Finding {
        file: loaded.file.clone(),
        line,
        col,
        message,
    }
}

fn gate_decision(records: &[Record], lang: Lang) -> Result<Decision, String> {
    let record = records.iter().find(|r| r.item == "decision");
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
            .ok_or_else(|| {
                tr!(
                    lang,
                    "beslutet `{one}` finns inte; det är go, recycle, pause eller stop",
                    "there is no decision `{one}`; it is go, recycle, pause or stop"
                )
            }),
        _ => Err(tr!(
            lang,
            "beslutspunkten saknar ett (och bara ett) ikryssat beslut under `<!-- item: decision -->`",
            "the gate entry lacks one (and only one) ticked decision under `<!-- item: decision -->`"
        )),
    }
}

#[cfg(test)]
mod tests;
