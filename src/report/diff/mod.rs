//! `dino diff`: what changed in a workbook between two revisions, read from
//! each one's folded state (never from its Markdown): answers, gates,
//! actions, risks, readiness, measurements, disagreements and the profile.
//! `revision` opens a workbook as a git revision has it; `view` says the
//! changes as a table, Markdown or JSON.

pub mod revision;
pub mod side;
pub mod view;

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

pub use side::{AnswerNow, Followed, GateNow, Side};

/// One end of the range compared.
#[derive(Clone, Debug, Serialize)]
pub struct End {
    /// The revision as asked (`main`, `HEAD`), or `None` for the working
    /// tree.
    pub rev: Option<String>,
    /// Its commit, in full; `None` for the working tree.
    pub commit: Option<String>,
    /// Whether the workbook was there.
    pub present: bool,
}

impl End {
    /// The commit's first seven characters, as git shows one.
    pub fn short(&self) -> Option<&str> {
        self.commit.as_deref().map(|c| &c[..c.len().min(7)])
    }
}

/// What happened to an item's answer.
#[derive(Clone, Debug, Serialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum AnswerChange {
    Added { new: String },
    Changed { old: String, new: String },
    NotApplicable { old: Option<String>, new: String },
    Removed { old: String },
}

/// An item whose answer changed.
#[derive(Clone, Debug, Serialize)]
pub struct AnswerDiff {
    pub phase: String,
    pub phase_title: String,
    pub item: String,
    pub prompt: String,
    #[serde(flatten)]
    pub change: AnswerChange,
}

/// A gate whose state changed.
#[derive(Clone, Debug, Serialize)]
pub struct GateDiff {
    pub phase: String,
    pub phase_title: String,
    pub old: Option<GateNow>,
    pub new: Option<GateNow>,
}

/// What happened to an action or a risk.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FollowChange {
    Raised,
    /// Raised and closed within the range.
    RaisedAndClosed,
    Closed,
    /// Open at both ends, and overdue only at the later.
    Overdue,
    /// Gone from the log.
    Removed,
}

/// An action or a risk that changed.
#[derive(Clone, Debug, Serialize)]
pub struct FollowDiff {
    pub id: String,
    pub text: String,
    pub owner: Option<String>,
    pub due: Option<String>,
    pub change: FollowChange,
    /// Open and overdue at the later end.
    pub overdue: bool,
}

/// One readiness dimension's latest mean at each end.
#[derive(Clone, Debug, Serialize)]
pub struct DimensionDiff {
    pub id: String,
    pub title: String,
    pub old: Option<f64>,
    pub new: Option<f64>,
}

/// New readiness assessments, and each dimension's latest mean at either
/// end.
#[derive(Clone, Debug, Serialize)]
pub struct ReadinessDiff {
    /// How many assessments each end has.
    pub old_assessments: usize,
    pub new_assessments: usize,
    pub dimensions: Vec<DimensionDiff>,
}

/// A measurement of an indicator that one end has and the other not.
#[derive(Clone, Debug, Serialize)]
pub struct MeasurementDiff {
    pub indicator: String,
    pub name: String,
    pub date: String,
    pub value: String,
    /// `added` or `removed`.
    pub change: &'static str,
}

/// A disagreement that began or was settled.
#[derive(Clone, Debug, Serialize)]
pub struct DisagreementDiff {
    pub phase: String,
    pub phase_title: String,
    /// The item; `None` for the phase's gate decision.
    pub item: Option<String>,
    pub title: String,
    /// `new` or `settled`.
    pub change: &'static str,
}

/// A profile answer that changed.
#[derive(Clone, Debug, Serialize)]
pub struct ProfileDiff {
    pub id: String,
    pub question: String,
    pub old: Option<String>,
    pub new: Option<String>,
}

/// Everything that changed between two ends.
#[derive(Clone, Debug, Serialize)]
pub struct Diff {
    pub workbook: String,
    pub from: End,
    pub to: End,
    pub answers: Vec<AnswerDiff>,
    pub gates: Vec<GateDiff>,
    pub actions: Vec<FollowDiff>,
    pub risks: Vec<FollowDiff>,
    pub readiness: Option<ReadinessDiff>,
    pub measurements: Vec<MeasurementDiff>,
    pub disagreements: Vec<DisagreementDiff>,
    pub profile: Vec<ProfileDiff>,
    /// What the reader should know of how the ends were read: files left
    /// out, the pack read from elsewhere, no upstream.
    pub notes: Vec<String>,
}

impl Diff {
    /// Whether nothing changed.
    pub fn is_empty(&self) -> bool {
        self.answers.is_empty()
            && self.gates.is_empty()
            && self.actions.is_empty()
            && self.risks.is_empty()
            && self.readiness.is_none()
            && self.measurements.is_empty()
            && self.disagreements.is_empty()
            && self.profile.is_empty()
    }
}

/// Compares two ends' sides: `old` is `None` where the workbook was not.
pub fn compare(workbook: String, from: End, to: End, old: &Side, new: &Side) -> Diff {
    Diff {
        workbook,
        from,
        to,
        answers: answers(old, new),
        gates: gates(old, new),
        actions: followed(&old.actions, &new.actions),
        risks: followed(&old.risks, &new.risks),
        readiness: readiness(old, new),
        measurements: measurements(old, new),
        disagreements: disagreements(old, new),
        profile: profile(old, new),
        notes: Vec::new(),
    }
}

fn answers(old: &Side, new: &Side) -> Vec<AnswerDiff> {
    let keys: BTreeSet<&(String, String)> = old.answers.keys().chain(new.answers.keys()).collect();
    let mut out: Vec<AnswerDiff> = keys
        .into_iter()
        .filter_map(|key| {
            let (was, now) = (old.answers.get(key), new.answers.get(key));
            let change = match (was, now) {
                (None, Some(n)) if n.not_applicable => AnswerChange::NotApplicable {
                    old: None,
                    new: n.text.clone(),
                },
                (None, Some(n)) => AnswerChange::Added {
                    new: n.text.clone(),
                },
                (Some(w), None) => AnswerChange::Removed {
                    old: w.text.clone(),
                },
                (Some(w), Some(n)) if w.text == n.text => return None,
                (Some(w), Some(n)) if n.not_applicable => AnswerChange::NotApplicable {
                    old: Some(w.text.clone()),
                    new: n.text.clone(),
                },
                (Some(w), Some(n)) => AnswerChange::Changed {
                    old: w.text.clone(),
                    new: n.text.clone(),
                },
                (None, None) => return None,
            };
            let shown = now.or(was)?;
            Some(AnswerDiff {
                phase: key.0.clone(),
                phase_title: new.phase_title(&key.0, old),
                item: key.1.clone(),
                prompt: shown.prompt.clone(),
                change,
            })
        })
        .collect();
    let order = |d: &AnswerDiff| new.order_of(&d.phase, &d.item, old);
    out.sort_by_key(order);
    out
}

fn gates(old: &Side, new: &Side) -> Vec<GateDiff> {
    let mut phases: Vec<&String> = new.gates.iter().map(|(p, _)| p).collect();
    phases.extend(
        old.gates
            .iter()
            .map(|(p, _)| p)
            .filter(|p| !new.has_gate(p)),
    );
    phases
        .into_iter()
        .filter_map(|phase| {
            let (was, now) = (old.gate(phase), new.gate(phase));
            (was != now).then(|| GateDiff {
                phase: phase.clone(),
                phase_title: new.phase_title(phase, old),
                old: was.cloned(),
                new: now.cloned(),
            })
        })
        .collect()
}

fn followed(old: &BTreeMap<String, Followed>, new: &BTreeMap<String, Followed>) -> Vec<FollowDiff> {
    let ids: BTreeSet<&String> = old.keys().chain(new.keys()).collect();
    ids.into_iter()
        .filter_map(|id| {
            let (was, now) = (old.get(id), new.get(id));
            let change = match (was, now) {
                (None, Some(n)) if n.open => FollowChange::Raised,
                (None, Some(_)) => FollowChange::RaisedAndClosed,
                (Some(w), Some(n)) if w.open && !n.open => FollowChange::Closed,
                (Some(w), Some(n)) if n.open && n.overdue && !w.overdue => FollowChange::Overdue,
                (Some(_), None) => FollowChange::Removed,
                _ => return None,
            };
            let shown = now.or(was)?;
            Some(FollowDiff {
                id: id.clone(),
                text: shown.text.clone(),
                owner: shown.owner.clone(),
                due: shown.due.map(|d| d.to_string()),
                change,
                overdue: now.is_some_and(|n| n.open && n.overdue),
            })
        })
        .collect()
}

fn readiness(old: &Side, new: &Side) -> Option<ReadinessDiff> {
    if old.assessments == new.assessments {
        return None;
    }
    let dimensions = new
        .means
        .iter()
        .map(|(id, title, mean)| DimensionDiff {
            id: id.clone(),
            title: title.clone(),
            old: old
                .means
                .iter()
                .find(|(i, _, _)| i == id)
                .and_then(|(_, _, m)| *m),
            new: *mean,
        })
        .collect();
    Some(ReadinessDiff {
        old_assessments: old.assessments,
        new_assessments: new.assessments,
        dimensions,
    })
}

fn measurements(old: &Side, new: &Side) -> Vec<MeasurementDiff> {
    let differ = |from: &Side, to: &Side, change: &'static str| {
        from.measurements
            .iter()
            .filter(|(key, _)| !to.measurements.contains_key(*key))
            .map(|((indicator, _), m)| MeasurementDiff {
                indicator: indicator.clone(),
                name: m.name.clone(),
                date: m.date.clone(),
                value: m.value.clone(),
                change,
            })
            .collect::<Vec<_>>()
    };
    let mut out = differ(new, old, "added");
    out.extend(differ(old, new, "removed"));
    out
}

fn disagreements(old: &Side, new: &Side) -> Vec<DisagreementDiff> {
    let differ = |from: &Side, to: &Side, change: &'static str| {
        from.disagreements
            .iter()
            .filter(|(key, _)| !to.disagreements.contains_key(*key))
            .map(|((phase, item), title)| DisagreementDiff {
                phase: phase.clone(),
                phase_title: new.phase_title(phase, old),
                item: item.clone(),
                title: title.clone(),
                change,
            })
            .collect::<Vec<_>>()
    };
    let mut out = differ(new, old, "new");
    out.extend(differ(old, new, "settled"));
    out
}

fn profile(old: &Side, new: &Side) -> Vec<ProfileDiff> {
    let mut ids: Vec<&String> = new.profile.iter().map(|(id, _, _)| id).collect();
    ids.extend(
        old.profile
            .iter()
            .map(|(id, _, _)| id)
            .filter(|id| new.profile_answer(id).is_none()),
    );
    ids.into_iter()
        .filter_map(|id| {
            let (was, now) = (old.profile_answer(id), new.profile_answer(id));
            (was != now).then(|| ProfileDiff {
                id: id.clone(),
                question: new
                    .question(id)
                    .or(old.question(id))
                    .unwrap_or(id)
                    .to_string(),
                old: was.map(str::to_string),
                new: now.map(str::to_string),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests;
