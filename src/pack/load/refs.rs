//! The checks that span files: phase ids, what conditions name and compare
//! with, the diagnostic's items and leans, and readiness' phases.

use std::cell::RefCell;
use std::ops::Range;

use super::super::condition::{CmpOp, Expr, Literal, Name};
use super::super::model::{Item, Kind, Pack};
use super::{Pending, Scope};
use crate::finding::{Finding, SourceText, closest};

struct Checker<'a> {
    pack: &'a Pack,
    files: &'a [&'a SourceText],
    pending: &'a Pending,
    findings: &'a RefCell<Vec<Finding>>,
}

impl Checker<'_> {
    fn report(&self, file: usize, at: usize, message: Message) {
        if let Some(src) = self.files.get(file) {
            self.findings
                .borrow_mut()
                .push(src.finding(&(at..at), message));
        }
    }

    fn is_broken(&self, name: &Name) -> bool {
        let broken = &self.pending.broken;
        broken.contains(&name.to_string())
            || name.phase.as_ref().is_some_and(|p| broken.contains(p))
    }
}

/// Runs the cross-file checks, and fills in the diagnostic's items and the
/// readiness phases once they are known to be valid.
pub fn check(
    pack: &mut Pack,
    files: &[&SourceText],
    pending: &Pending,
    findings: &RefCell<Vec<Finding>>,
) {
    let checker = Checker {
        pack,
        files,
        pending,
        findings,
    };
    checker.phase_ids();
    for (file, scope, when) in &pending.whens {
        let at = |span: &Range<usize>| when.inner_start.map_or(when.span.start, |s| s + span.start);
        for (name, span) in when.condition.names() {
            if checker.is_broken(name) {
                continue;
            }
            match checker.resolve(*scope, name) {
                Err(message) => checker.report(*file, at(span), message),
                Ok(item) if item.kind.has_fields() => {
                    let name = name.to_string();
                    let kind = item.kind.name();
                    checker.report(*file, at(span), Message::ReadsFields { name, kind });
                }
                Ok(_) => {}
            }
        }
        for (op, left, right) in when.condition.expr.comparisons() {
            if let Err((span, message)) = checker.comparison(*scope, op, left, right) {
                checker.report(*file, at(&span), message);
            }
        }
    }
    checker.measurement_refs();
    let diagnostic_items = checker.diagnostic_items();
    checker.leans(&diagnostic_items);
    let track = checker.diagnostic_track();
    let readiness_phases = checker.readiness_phases();
    if let Some(diagnostic) = &mut pack.diagnostic {
        diagnostic.items = diagnostic_items;
        diagnostic.track = track;
    }
    if let Some(readiness) = &mut pack.readiness {
        readiness.phases = readiness_phases;
    }
}

impl Checker<'_> {
    fn phase_ids(&self) {
        for (i, phase) in self.pack.phases.iter().enumerate() {
            let Some(first) = self.pack.phases[..i].iter().position(|p| p.id == phase.id) else {
                continue;
            };
            let (file, span) = &self.pending.phase_ids[i];
            let other = self.pack.phases[first].file.clone();
            let id = phase.id.clone();
            self.report(*file, span.start, Message::PhaseIdUsed { id, other });
        }
    }

    /// What each measurement names: an indicator item, a date item, each
    /// earlier than it.
    fn measurement_refs(&self) {
        for (file, scope, written) in &self.pending.refs {
            if self.is_broken(&written.name) {
                continue;
            }
            let at = written.span.start;
            match self.resolve(*scope, &written.name) {
                Err(Message::LaterPhase { name } | Message::LaterInPhase { name }) => {
                    self.report(*file, at, Message::RefLater { name });
                }
                Err(message) => self.report(*file, at, message),
                Ok(item) if item.kind.name() != written.wants => {
                    let message = Message::RefKind {
                        name: written.name.to_string(),
                        kind: item.kind.name(),
                        wants: written.wants,
                    };
                    self.report(*file, at, message);
                }
                Ok(_) => {}
            }
        }
    }

    /// Finds the item a condition names, or says why it may not.
    fn resolve(&self, scope: Scope, name: &Name) -> Result<&Item, Message> {
        match &name.phase {
            None => self.resolve_in_profile(scope, name),
            Some(phase_id) => self.resolve_in_phase(scope, name, phase_id),
        }
    }

    /// Finds the profile question a condition names (`item`), or says why
    /// it may not: it comes later, or is an item of this phase.
    fn resolve_in_profile(&self, scope: Scope, name: &Name) -> Result<&Item, Message> {
        let pack = self.pack;
        let profile_ids = || pack.profile.iter().map(|i| i.id.as_str());
        let position = pack.profile.iter().position(|i| i.id == name.item);
        match (position, scope) {
            (Some(j), Scope::Profile { index }) if j >= index => Err(Message::LaterInProfile {
                name: name.to_string(),
            }),
            (Some(j), _) => Ok(&pack.profile[j]),
            (None, Scope::Phase { phase, .. })
                if pack
                    .phases
                    .get(phase)
                    .is_some_and(|p| p.item(&name.item).is_some()) =>
            {
                Err(Message::NotAProfileQuestion {
                    name: name.to_string(),
                    phase: pack.phases[phase].id.clone(),
                })
            }
            (None, _) => Err(Message::UnknownProfileQuestion {
                name: name.to_string(),
                near: closest(&name.item, profile_ids()).map(str::to_string),
            }),
        }
    }

    /// Finds the item a condition names (`phase.item`), or says why it may
    /// not: a profile question reads only the profile; the phase or item is
    /// unknown, or comes later.
    fn resolve_in_phase(
        &self,
        scope: Scope,
        name: &Name,
        phase_id: &str,
    ) -> Result<&Item, Message> {
        let pack = self.pack;
        let (current, index) = match scope {
            Scope::Phase { phase, index } => (phase, index),
            Scope::Profile { .. } => {
                let name = name.to_string();
                return Err(Message::ProfileReadsPhase { name });
            }
        };
        let Some(q) = pack.phases.iter().position(|p| p.id == phase_id) else {
            return Err(Message::UnknownPhaseIn {
                phase: phase_id.to_string(),
                name: name.to_string(),
                near: closest(phase_id, pack.phases.iter().map(|p| p.id.as_str()))
                    .map(str::to_string),
            });
        };
        if q > current {
            let name = name.to_string();
            return Err(Message::LaterPhase { name });
        }
        let phase = &pack.phases[q];
        let Some(k) = phase.items.iter().position(|i| i.id == name.item) else {
            let item = &name.item;
            return Err(Message::NoSuchItem {
                phase: phase_id.to_string(),
                item: item.clone(),
                near: closest(item, phase.items.iter().map(|i| i.id.as_str()))
                    .map(|near| format!("{phase_id}.{near}")),
            });
        };
        if q == current && k >= index {
            let name = name.to_string();
            return Err(Message::LaterInPhase { name });
        }
        Ok(&phase.items[k])
    }

    /// Checks what a comparison compares a name with.
    fn comparison(
        &self,
        scope: Scope,
        op: CmpOp,
        left: &Expr,
        right: &Expr,
    ) -> Result<(), (Range<usize>, Message)> {
        let item_of = |name: &Name| {
            if self.is_broken(name) {
                None
            } else {
                self.resolve(scope, name).ok()
            }
        };
        match (op, left, right) {
            (CmpOp::Eq | CmpOp::Ne, Expr::Ref(name, _), Expr::Lit(lit, span))
            | (CmpOp::Eq | CmpOp::Ne, Expr::Lit(lit, span), Expr::Ref(name, _)) => {
                match item_of(name) {
                    Some(item) => literal_fits(item, name, lit).map_err(|m| (span.clone(), m)),
                    None => Ok(()),
                }
            }
            (CmpOp::In, Expr::Ref(name, _), Expr::List(lits, _)) => {
                let Some(item) = item_of(name) else {
                    return Ok(());
                };
                for (lit, span) in lits {
                    literal_fits(item, name, lit).map_err(|m| (span.clone(), m))?;
                }
                Ok(())
            }
            (CmpOp::In, Expr::Lit(lit, span), Expr::Ref(name, name_span)) => {
                let Some(item) = item_of(name) else {
                    return Ok(());
                };
                if !matches!(item.kind, Kind::Multi { .. }) {
                    let name = name.to_string();
                    let kind = item.kind.name();
                    return Err((name_span.clone(), Message::InNeedsMulti { name, kind }));
                }
                literal_fits(item, name, lit).map_err(|m| (span.clone(), m))
            }
            (CmpOp::In, _, Expr::Lit(_, span)) => Err((span.clone(), Message::InNeedsList)),
            _ => Ok(()),
        }
    }

    /// Resolves the diagnostic's items; each must be a choice with a lean.
    fn diagnostic_items(&self) -> Vec<Name> {
        let mut out = Vec::new();
        for (written, span) in &self.pending.diagnostic_items {
            let Some((name, item)) = self.phase_item(written, span) else {
                continue;
            };
            let written = written.clone();
            if !matches!(item.kind, Kind::Choice { .. }) {
                let kind = item.kind.name();
                let message = Message::DiagnosticNotChoice { written, kind };
                self.report(0, span.start, message);
            } else if item.kind.options().iter().all(|o| o.lean.is_none()) {
                self.report(0, span.start, Message::NoLean { written });
            } else {
                out.push(name);
            }
        }
        out
    }

    /// The diagnostic's `track`: a choice item of a phase.
    fn diagnostic_track(&self) -> Option<Name> {
        let (written, span) = self.pending.diagnostic_track.as_ref()?;
        let (name, item) = self.phase_item(written, span)?;
        if matches!(item.kind, Kind::Choice { .. }) {
            return Some(name);
        }
        let written = written.clone();
        let kind = item.kind.name();
        self.report(0, span.start, Message::TrackNotChoice { written, kind });
        None
    }

    /// The item `written` as `phase.item` in `pack.toml` names, in any
    /// phase; a name that is not so written, or names no item, is reported
    /// at `span` (one already reported broken is passed over quietly).
    fn phase_item(&self, written: &str, span: &Range<usize>) -> Option<(Name, &Item)> {
        let Some((phase, item)) = written.split_once('.') else {
            let written = written.to_string();
            self.report(0, span.start, Message::NotPhaseItem { written });
            return None;
        };
        let name = Name {
            phase: Some(phase.to_string()),
            item: item.to_string(),
        };
        if self.is_broken(&name) {
            return None;
        }
        let last = Scope::Phase {
            phase: self.pack.phases.len(),
            index: 0,
        };
        match self.resolve(last, &name) {
            Err(message) => {
                self.report(0, span.start, message);
                None
            }
            Ok(item) => Some((name, item)),
        }
    }

    /// A `lean` only counts on an item the diagnostic reads.
    fn leans(&self, diagnostic_items: &[Name]) {
        let listed = |name: &Name| {
            self.pending
                .diagnostic_items
                .iter()
                .any(|(written, _)| *written == name.to_string())
                || diagnostic_items.contains(name)
        };
        for (file, lean) in &self.pending.leans {
            if !listed(&lean.item) {
                let name = lean.item.to_string();
                let message = Message::LeanNotInDiagnostic { name };
                self.report(*file, lean.span.start, message);
            }
        }
    }

    fn readiness_phases(&self) -> Vec<String> {
        let mut out = Vec::new();
        for (id, span) in &self.pending.readiness_phases {
            if self.pack.phase(id).is_some() {
                out.push(id.clone());
            } else if !self.pending.broken.contains(id) {
                let near = closest(id, self.pack.phases.iter().map(|p| p.id.as_str()));
                let message = Message::UnknownPhase {
                    id: id.clone(),
                    near: near.map(str::to_string),
                };
                self.report(0, span.start, message);
            }
        }
        out
    }
}

/// Whether a literal can ever equal an answer to `item`.
fn literal_fits(item: &Item, name: &Name, lit: &Literal) -> Result<(), Message> {
    let kind = item.kind.name();
    let name = name.to_string();
    match (&item.kind, lit) {
        (Kind::Choice { options } | Kind::Multi { options }, Literal::Str(s)) => {
            if options.iter().any(|o| &o.id == s) {
                return Ok(());
            }
            let ids = options.iter().map(|o| o.id.as_str());
            Err(Message::NotAnOptionOf {
                value: s.clone(),
                name,
                options: ids.clone().map(str::to_string).collect(),
                near: closest(s, ids).map(str::to_string),
            })
        }
        (Kind::Check, Literal::Bool(_))
        | (Kind::Scale(_) | Kind::Number { .. }, Literal::Num(_))
        | (Kind::Text { .. } | Kind::Date, Literal::Str(_)) => Ok(()),
        (Kind::Check, _) => Err(Message::CheckCompared { name }),
        _ => Err(Message::NeverEqual {
            literal: lit.to_string(),
            name,
            kind,
        }),
    }
}

/// What the checks across files say; worded in `words`.
#[derive(Clone, Debug)]
pub enum Message {
    /// A phase id used by an earlier phase file, `other`.
    PhaseIdUsed { id: String, other: String },
    /// A condition in the profile that reads a later (or its own) question.
    LaterInProfile { name: String },
    /// A condition naming an item of its phase without the phase.
    NotAProfileQuestion { name: String, phase: String },
    /// A condition naming a profile question there is not.
    UnknownProfileQuestion { name: String, near: Option<String> },
    /// A profile question's condition that reads a phase's item.
    ProfileReadsPhase { name: String },
    /// A condition (`name`) naming a phase there is not.
    UnknownPhaseIn {
        phase: String,
        name: String,
        near: Option<String>,
    },
    /// A condition that reads an item of a later phase.
    LaterPhase { name: String },
    /// A condition naming an item its phase does not have; `near` is a
    /// `phase.item`.
    NoSuchItem {
        phase: String,
        item: String,
        near: Option<String>,
    },
    /// A condition that reads a later item of its phase (or its own).
    LaterInPhase { name: String },
    /// `in` with an item on its right that is not a multi.
    InNeedsMulti { name: String, kind: &'static str },
    /// `in` with a single value on its right.
    InNeedsList,
    /// A diagnostic item not written `phase.item`.
    NotPhaseItem { written: String },
    /// A diagnostic item that is not a choice.
    DiagnosticNotChoice { written: String, kind: &'static str },
    /// A diagnostic item none of whose options has a `lean`.
    NoLean { written: String },
    /// A `lean` on an item the diagnostic does not list.
    LeanNotInDiagnostic { name: String },
    /// The diagnostic's `track` names an item that is no choice.
    TrackNotChoice { written: String, kind: &'static str },
    /// A readiness phase there is not.
    UnknownPhase { id: String, near: Option<String> },
    /// A condition comparing a choice or multi with no option of it.
    NotAnOptionOf {
        value: String,
        name: String,
        options: Vec<String>,
        near: Option<String>,
    },
    /// A check compared with something other than true or false.
    CheckCompared { name: String },
    /// A condition naming an indicator or a measurement.
    ReadsFields { name: String, kind: &'static str },
    /// A measurement naming an item that comes later (or itself).
    RefLater { name: String },
    /// A measurement naming an item of `kind`, not `wants`.
    RefKind {
        name: String,
        kind: &'static str,
        wants: &'static str,
    },
    /// A literal (as written) no answer to a `kind` item can equal.
    NeverEqual {
        literal: String,
        name: String,
        kind: &'static str,
    },
}
