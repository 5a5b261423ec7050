//! One end of a diff: what a workbook's folded state says, in the words it
//! is shown in and keyed by what stays the same between revisions (item
//! ids, entry ids), so that two ends compare without their Markdown.

use std::collections::BTreeMap;

use jiff::civil::Date;
use serde::Serialize;

use crate::i18n::Lang;
use crate::log::{Body, EntryKind};
use crate::state::answer::Given;
use crate::state::{GateState, State};
use crate::workbook::Workbook;

/// An item's latest answer, in words.
#[derive(Clone, Debug, PartialEq)]
pub struct AnswerNow {
    pub prompt: String,
    pub text: String,
    pub not_applicable: bool,
}

/// A gate's state: open, ready for a decision, or decided.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum GateNow {
    Open,
    Ready,
    Decided { decision: String, date: String },
}

/// An action or a risk.
#[derive(Clone, Debug, PartialEq)]
pub struct Followed {
    pub text: String,
    pub owner: Option<String>,
    pub due: Option<Date>,
    pub open: bool,
    /// Open, with a due day before the day this end is read as of.
    pub overdue: bool,
}

/// A measurement, in words.
#[derive(Clone, Debug, PartialEq)]
pub struct MeasuredNow {
    pub name: String,
    pub date: String,
    pub value: String,
}

/// What one end's workbook says; empty where the workbook was not.
#[derive(Clone, Debug, Default)]
pub struct Side {
    /// Phase ids and titles, in pack order.
    pub phases: Vec<(String, String)>,
    /// Item ids per phase, in pack order, for sorting.
    pub items: Vec<(String, String)>,
    pub answers: BTreeMap<(String, String), AnswerNow>,
    /// Per phase, in pack order.
    pub gates: Vec<(String, GateNow)>,
    pub actions: BTreeMap<String, Followed>,
    pub risks: BTreeMap<String, Followed>,
    /// How many readiness assessments.
    pub assessments: usize,
    /// The latest assessment's mean per dimension: id, title, mean.
    pub means: Vec<(String, String, Option<f64>)>,
    /// By indicator id and the entry's id (and item) that recorded it.
    pub measurements: BTreeMap<(String, String), MeasuredNow>,
    /// By phase and item, what the disagreement is about.
    pub disagreements: BTreeMap<(String, Option<String>), String>,
    /// Question id, its words, the answer's.
    pub profile: Vec<(String, String, String)>,
}

impl Side {
    /// What `wb` says as `state` folds it, in `lang`, as of `as_of` (for
    /// what is overdue).
    pub fn of(wb: &Workbook, state: &State, lang: Lang, as_of: Date) -> Side {
        let text_lang = wb.pack.lang_for(lang);
        let mut side = Side {
            phases: wb
                .pack
                .phases
                .iter()
                .map(|p| (p.id.clone(), p.title.get(text_lang).to_string()))
                .collect(),
            items: wb
                .pack
                .phases
                .iter()
                .flat_map(|p| p.items.iter().map(|i| (p.id.clone(), i.id.clone())))
                .collect(),
            ..Side::default()
        };
        side.answers = answers(state, lang);
        side.gates = state
            .phases
            .iter()
            .map(|p| (p.id.clone(), gate_now(&p.gate)))
            .collect();
        notes(wb, state, as_of, &mut side);
        raised(wb, state, as_of, &mut side.actions);
        readiness(wb, state, text_lang, &mut side);
        side.measurements = measurements(wb, state, lang);
        side.disagreements = disagreements(wb, state, text_lang);
        side.profile = profile(wb, text_lang, lang);
        side
    }

    /// A phase's title, from this end or else `other`.
    pub fn phase_title(&self, id: &str, other: &Side) -> String {
        self.phases
            .iter()
            .chain(&other.phases)
            .find(|(p, _)| p == id)
            .map_or_else(|| id.to_string(), |(_, t)| t.clone())
    }

    /// Where an item stands in the pack (this end's, else `other`'s), for
    /// sorting; items the pack lacks come last.
    pub fn order_of(&self, phase: &str, item: &str, other: &Side) -> (usize, String, String) {
        let at = self
            .items
            .iter()
            .chain(&other.items)
            .position(|(p, i)| p == phase && i == item)
            .unwrap_or(usize::MAX);
        (at, phase.to_string(), item.to_string())
    }

    /// Whether this end has phase `id`.
    pub fn has_gate(&self, id: &str) -> bool {
        self.gate(id).is_some()
    }

    /// Phase `id`'s gate.
    pub fn gate(&self, id: &str) -> Option<&GateNow> {
        self.gates.iter().find(|(p, _)| p == id).map(|(_, g)| g)
    }

    /// The profile's answer to `id`, in words.
    pub fn profile_answer(&self, id: &str) -> Option<&str> {
        self.profile
            .iter()
            .find(|(q, _, _)| q == id)
            .map(|(_, _, a)| a.as_str())
    }

    /// The profile question `id` in words.
    pub fn question(&self, id: &str) -> Option<&str> {
        self.profile
            .iter()
            .find(|(q, _, _)| q == id)
            .map(|(_, w, _)| w.as_str())
    }
}

fn answers(state: &State, lang: Lang) -> BTreeMap<(String, String), AnswerNow> {
    state
        .answers
        .iter()
        .map(|(key, latest)| {
            let now = AnswerNow {
                prompt: latest.prompt.clone(),
                text: super::super::state_words::answer_text(&latest.answer, lang),
                not_applicable: matches!(latest.given, Given::NotApplicable(_)),
            };
            (key.clone(), now)
        })
        .collect()
}

fn gate_now(gate: &GateState) -> GateNow {
    match gate {
        GateState::Open => GateNow::Open,
        GateState::Ready => GateNow::Ready,
        GateState::Decided { decision, date, .. } => GateNow::Decided {
            decision: decision.id().to_string(),
            date: date.date().to_string(),
        },
    }
}

/// Actions and risks noted on their own.
fn notes(wb: &Workbook, state: &State, as_of: Date, side: &mut Side) {
    for note in &state.notes {
        let loaded = &wb.entries[note.entry];
        let meta = &loaded.entry.meta;
        let followed = Followed {
            text: loaded.headline(),
            owner: meta.owner.clone(),
            due: meta.due,
            open: note.open,
            overdue: note.open && meta.due.is_some_and(|d| d < as_of),
        };
        match meta.kind {
            EntryKind::Action => side.actions.insert(loaded.id.clone(), followed),
            EntryKind::Risk => side.risks.insert(loaded.id.clone(), followed),
            _ => None,
        };
    }
}

/// Actions raised beside the records of sessions and gate decisions.
fn raised(wb: &Workbook, state: &State, as_of: Date, out: &mut BTreeMap<String, Followed>) {
    for loaded in &wb.entries {
        if !matches!(loaded.entry.meta.kind, EntryKind::Session | EntryKind::Gate) {
            continue;
        }
        let Body::Records(records) = &loaded.entry.body else {
            continue;
        };
        for action in records.iter().flat_map(|r| &r.actions) {
            let id = action.id_in(&loaded.id);
            let open = !state.closed.contains_key(&id);
            let followed = Followed {
                text: crate::workbook::first_line(&action.text),
                owner: Some(action.owner.clone()),
                due: Some(action.due),
                open,
                overdue: open && action.due < as_of,
            };
            out.insert(id, followed);
        }
    }
}

fn readiness(wb: &Workbook, state: &State, text_lang: Lang, side: &mut Side) {
    side.assessments = state.readiness.len();
    let (Some(latest), Some(pack)) = (state.readiness.last(), &wb.pack.readiness) else {
        return;
    };
    side.means = pack
        .dimensions
        .iter()
        .map(|d| {
            let title = d.title.get(text_lang).to_string();
            (d.id.clone(), title, latest.mean_of(&d.id))
        })
        .collect();
}

fn measurements(
    wb: &Workbook,
    state: &State,
    lang: Lang,
) -> BTreeMap<(String, String), MeasuredNow> {
    let mut out = BTreeMap::new();
    for indicator in crate::state::indicators::indicators(wb, state) {
        for m in &indicator.measurements {
            let entry = &wb.entries[m.entry].id;
            let at = format!("{entry}{}", m.item.as_deref().unwrap_or(""));
            let now = MeasuredNow {
                name: indicator.indicator.name.clone(),
                date: m.date.to_string(),
                value: crate::state::answer::format_number(m.value, lang),
            };
            out.insert((indicator.id(), at), now);
        }
    }
    out
}

fn disagreements(
    wb: &Workbook,
    state: &State,
    text_lang: Lang,
) -> BTreeMap<(String, Option<String>), String> {
    state
        .disagreements
        .iter()
        .map(|d| {
            let phase = wb.pack.phase(&d.phase);
            let title = match (&d.item, phase) {
                (Some(item), Some(p)) => p
                    .item(item)
                    .map_or_else(|| item.clone(), |i| i.prompt.get(text_lang).to_string()),
                (None, Some(p)) => format!(
                    "{} {}",
                    text_lang.pick("Beslutet vid", "The decision at"),
                    p.title.get(text_lang)
                ),
                (item, None) => item.clone().unwrap_or_else(|| d.phase.clone()),
            };
            ((d.phase.clone(), d.item.clone()), title)
        })
        .collect()
}

fn profile(wb: &Workbook, text_lang: Lang, lang: Lang) -> Vec<(String, String, String)> {
    wb.pack
        .profile
        .iter()
        .filter_map(|q| {
            let value = wb.profile.get(&q.id)?;
            let words = super::super::profile_answer(q, value, text_lang, lang);
            Some((q.id.clone(), q.prompt.get(text_lang).to_string(), words))
        })
        .collect()
}
