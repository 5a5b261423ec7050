//! The state (läge): what a workbook's entries say, folded in log order.
//! The latest answer to an item wins; items whose condition is false do not
//! count; each phase gets its progress and gate (docs/log-format.md, "Reading
//! the log: the state"). Never stored; always folded from the log.

pub mod answer;
pub(crate) mod folding;
pub mod follow_up;
pub mod indicators;
pub mod lineage;
pub mod profile;
pub mod readiness;
pub mod roster;
pub mod stale;

use std::collections::BTreeMap;

use crate::finding::Finding;
use crate::log::{Answer, EntryKind, Stamp};
use crate::pack::condition::{Answers, Name, Value};
use crate::pack::{Criterion, Decision, Item, Phase};
use crate::workbook::{LoadedEntry, Workbook};
use answer::Given;
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
    /// The gate's criteria, in pack order, as the latest gate decision
    /// records them; empty while no decision is taken.
    pub criteria: Vec<CriterionState>,
    /// Criteria the latest gate decision recorded by number under an
    /// earlier version of the pack that no criterion of the gate is now:
    /// kept and shown, counted as none.
    pub dropped_criteria: Vec<DroppedCriterion>,
}

/// A criterion recorded by its number (its place, in a pack that gave its
/// criteria no ids) under an earlier version of the pack, whose text no
/// criterion of the gate has now (docs/log-format.md, "Criteria recorded
/// by number").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DroppedCriterion {
    /// The number it was recorded by.
    pub id: String,
    /// Its text as it read when it was recorded.
    pub text: String,
    pub status: CriterionStatus,
    /// The pack version the decision was written with.
    pub pack_version: String,
}

/// One gate criterion as the phase's latest gate decision records it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CriterionState {
    /// The criterion's id in the pack.
    pub id: String,
    pub status: CriterionStatus,
}

impl PhaseState {
    /// Whether the phase's latest decision recorded any of its criteria
    /// (one from before criteria were recorded, or one left for later,
    /// records none).
    pub fn criteria_recorded(&self) -> bool {
        self.criteria
            .iter()
            .any(|c| c.status != CriterionStatus::Unrecorded)
    }
}

/// What a gate decision records of a criterion.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CriterionStatus {
    Met,
    NotMet,
    /// Left for later: the action (its id, `3f9a1c-2`) that sees to it.
    Deferred {
        action: String,
    },
    /// With its reason.
    NotApplicable(String),
    /// The decision records nothing of it (written before criteria were
    /// recorded, or a decision other than `go` that left it out).
    Unrecorded,
}

impl CriterionStatus {
    /// Whether a `go` may leave the criterion so: met, deferred or not
    /// applicable.
    pub fn lets_go(&self) -> bool {
        matches!(
            self,
            CriterionStatus::Met
                | CriterionStatus::Deferred { .. }
                | CriterionStatus::NotApplicable(_)
        )
    }

    /// The status in `--format json` and answers files: `met`, `not_met`,
    /// `deferred`, `not_applicable`, `unrecorded`.
    pub fn id(&self) -> &'static str {
        match self {
            CriterionStatus::Met => "met",
            CriterionStatus::NotMet => "not_met",
            CriterionStatus::Deferred { .. } => "deferred",
            CriterionStatus::NotApplicable(_) => "not_applicable",
            CriterionStatus::Unrecorded => "unrecorded",
        }
    }
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

/// A note entry, with whether it (an action, a risk) is still open.
#[derive(Clone, Debug)]
pub struct NoteState {
    pub entry: usize,
    pub open: bool,
    /// The first entry, in log order, that closed it (an index in
    /// `Workbook::entries`).
    pub closed_by: Option<usize>,
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
    /// Every closed action, risk or note by its id (an entry's, or an
    /// entry's and an action's number: `3f9a1c-1`), with the entry (an
    /// index in `Workbook::entries`) that closed it first in log order.
    pub closed: BTreeMap<String, usize>,
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
pub struct Reader<'a> {
    pub profile: &'a BTreeMap<String, Value>,
    pub answers: &'a BTreeMap<(String, String), Latest>,
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

/// Whether a gate's criterion applies, given the profile and the answers.
pub fn criterion_applies(
    criterion: &Criterion,
    profile: &BTreeMap<String, Value>,
    answers: &BTreeMap<(String, String), Latest>,
) -> bool {
    criterion
        .when
        .as_ref()
        .is_none_or(|c| c.holds(&Reader { profile, answers }))
}

/// `phase` with only the gate criteria that apply to the workbook as
/// `state` has it: what a decision is asked, refused and recorded with.
pub fn gate_as_it_applies(workbook: &Workbook, state: &State, phase: &Phase) -> Phase {
    let mut applied = phase.clone();
    applied
        .gate
        .criteria
        .retain(|c| criterion_applies(c, &workbook.profile, &state.answers));
    applied
}

/// Folds a workbook's entries into its state.
pub fn fold(workbook: &Workbook) -> State {
    let mut folding = folding::Folding::new(workbook);
    for (index, loaded) in workbook.entries.iter().enumerate() {
        folding.entry(index, loaded);
    }
    folding.finish()
}

#[cfg(test)]
mod tests;
