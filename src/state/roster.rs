//! The roster as the log leaves it: everyone who led or took part in a
//! session, gate or assessment, or whom a `roster` entry adds, each once,
//! with their latest role and corrections applied; those removed out.

use std::collections::BTreeMap;

use crate::log::{Answer, Body, Change, EntryKind, Participant, RosterChange};
use crate::workbook::LoadedEntry;

/// Someone on the roster.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Member {
    /// The name as corrected.
    pub name: String,
    /// The latest role written beside them.
    pub role: Option<String>,
    /// The entry that last named them, as an index in the entries folded.
    pub last_seen: usize,
}

/// A name corrected by a `roster` entry: `was` reads `name` (and `role`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Correction {
    pub was: String,
    pub name: String,
    pub role: Option<String>,
}

/// The roster: who is on it, and who has left.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Roster {
    /// In the order first named.
    pub members: Vec<Member>,
    /// Named somewhere, then removed: no longer offered.
    pub removed: Vec<Member>,
    /// Every correction, in log order.
    pub corrections: Vec<Correction>,
}

/// A name as names are compared: any case, spaces at the ends and runs of
/// spaces inside not counting.
pub fn key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Whether an entry of this kind records people who took part.
fn has_people(kind: EntryKind) -> bool {
    matches!(
        kind,
        EntryKind::Session | EntryKind::Gate | EntryKind::Readiness
    )
}

impl Roster {
    /// Folds `entries`, in log order.
    pub fn fold(entries: &[LoadedEntry]) -> Roster {
        let corrections: Vec<Correction> = entries
            .iter()
            .filter_map(|e| e.entry.meta.roster.as_ref())
            .filter(|r| r.change == Change::Correct)
            .filter_map(|r| {
                Some(Correction {
                    was: r.was.clone()?,
                    name: r.name.clone(),
                    role: r.role.clone(),
                })
            })
            .collect();
        let mut folding = Folding {
            corrections: &corrections,
            people: BTreeMap::new(),
            order: Vec::new(),
        };
        for (index, e) in entries.iter().enumerate() {
            let meta = &e.entry.meta;
            if let Some(change) = &meta.roster {
                folding.change(change, index);
            } else if has_people(meta.kind) {
                if let Some(by) = &meta.by {
                    folding.seen(by, None, index);
                }
                for p in &meta.participants {
                    folding.seen(&p.name, p.role.as_deref(), index);
                }
            }
        }
        let (mut members, mut removed) = (Vec::new(), Vec::new());
        for k in folding.order {
            let (member, gone) = folding.people.remove(&k).expect("in order");
            if gone {
                removed.push(member);
            } else {
                members.push(member);
            }
        }
        Roster {
            members,
            removed,
            corrections,
        }
    }

    /// The name and role `name` reads as after every correction (a chain
    /// followed to its end); itself, with no role, when none applies.
    pub fn corrected(&self, name: &str) -> (String, Option<String>) {
        resolve(&self.corrections, name, None)
    }

    /// The name corrections, `was` → the name it reads: what a redacted
    /// report replaces as the corrected person.
    pub fn name_corrections(&self) -> Vec<(String, String)> {
        self.corrections
            .iter()
            .map(|c| (c.was.clone(), self.corrected(&c.name).0))
            .collect()
    }

    /// The member called `name` (corrections applied), if on the roster.
    pub fn member(&self, name: &str) -> Option<&Member> {
        let name = key(&self.corrected(name).0);
        self.members.iter().find(|m| key(&m.name) == name)
    }

    /// Whether anyone, on the roster or removed from it, is or was called
    /// `name`, as written or as corrected.
    pub fn knows(&self, name: &str) -> bool {
        let k = key(name);
        self.members
            .iter()
            .chain(&self.removed)
            .any(|m| key(&m.name) == k)
            || self.corrections.iter().any(|c| key(&c.was) == k)
    }

    /// Every name there is to correct: the members', the removed ones',
    /// and each correction's `was`.
    pub fn all_names(&self) -> Vec<&str> {
        self.members
            .iter()
            .chain(&self.removed)
            .map(|m| m.name.as_str())
            .chain(self.corrections.iter().map(|c| c.was.as_str()))
            .collect()
    }

    /// `participants` as the roster reads them: corrected, each once, the
    /// removed left out, each with their role on the roster when none is
    /// written.
    pub fn present(&self, participants: &[Participant]) -> Vec<Participant> {
        let mut out: Vec<Participant> = Vec::new();
        for p in participants {
            let (name, role) = resolve(&self.corrections, &p.name, p.role.as_deref());
            let Some(member) = self.members.iter().find(|m| key(&m.name) == key(&name)) else {
                continue;
            };
            if !out.iter().any(|o| key(&o.name) == key(&name)) {
                out.push(Participant {
                    name: member.name.clone(),
                    role: role.or_else(|| member.role.clone()),
                });
            }
        }
        out
    }

    /// The members as participants: their names and roles.
    pub fn participants(&self) -> Vec<Participant> {
        self.members
            .iter()
            .map(|m| Participant {
                name: m.name.clone(),
                role: m.role.clone(),
            })
            .collect()
    }
}

/// `name` (with `role`, if written) after every correction: a chain
/// followed to its end. Corrections that lead round in a loop end at the
/// latest of them in log order, whichever name the loop is entered by.
fn resolve(corrections: &[Correction], name: &str, role: Option<&str>) -> (String, Option<String>) {
    let mut name = name.trim().to_string();
    let mut role = role.map(str::to_string);
    // The keys met, and the correction that led away from each.
    let mut path: Vec<(String, usize)> = Vec::new();
    loop {
        let k = key(&name);
        if let Some(at) = path.iter().position(|(seen, _)| *seen == k) {
            let latest = path[at..].iter().map(|(_, c)| *c).max().unwrap_or(0);
            let c = &corrections[latest];
            return (c.name.clone(), c.role.clone().or(role));
        }
        let Some(index) = corrections.iter().rposition(|c| key(&c.was) == k) else {
            return (name, role);
        };
        let c = &corrections[index];
        if key(&c.name) == k {
            return (c.name.clone(), c.role.clone().or(role));
        }
        path.push((k, index));
        name = c.name.clone();
        role = c.role.clone().or(role);
    }
}

/// The fold as it goes: each person by their corrected name's key.
struct Folding<'c> {
    corrections: &'c [Correction],
    /// Each person, and whether they are removed.
    people: BTreeMap<String, (Member, bool)>,
    order: Vec<String>,
}

impl Folding<'_> {
    /// `name` took part in entry `index`, with `role` if written: on the
    /// roster again, their role the latest.
    fn seen(&mut self, name: &str, role: Option<&str>, index: usize) {
        if name.trim().is_empty() {
            return;
        }
        let (name, role) = resolve(self.corrections, name, role);
        let k = key(&name);
        let role = role.filter(|r| !r.trim().is_empty());
        match self.people.get_mut(&k) {
            Some((member, gone)) => {
                member.last_seen = index;
                member.role = role.or(member.role.take());
                *gone = false;
            }
            None => {
                self.order.push(k.clone());
                let member = Member {
                    name,
                    role,
                    last_seen: index,
                };
                self.people.insert(k, (member, false));
            }
        }
    }

    /// A `roster` entry's change, at entry `index`.
    fn change(&mut self, change: &RosterChange, index: usize) {
        match change.change {
            Change::Add | Change::Correct => {
                self.seen(&change.name, change.role.as_deref(), index);
            }
            Change::Remove => {
                let (name, _) = resolve(self.corrections, &change.name, None);
                if let Some((_, gone)) = self.people.get_mut(&key(&name)) {
                    *gone = true;
                }
            }
        }
    }
}

/// Who decided at the last gate in the log, as written; `None` when no
/// gate was decided.
pub fn last_decider(entries: &[LoadedEntry]) -> Option<String> {
    entries
        .iter()
        .rev()
        .filter(|e| e.entry.meta.kind == EntryKind::Gate)
        .find_map(|e| match &e.entry.body {
            Body::Records(records) => records.iter().find_map(|r| match &r.answer {
                Answer::Text(text) if r.item == "decided_by" && !text.trim().is_empty() => {
                    Some(text.trim().to_string())
                }
                _ => None,
            }),
            Body::Text(_) => None,
        })
}

/// The last session, gate or assessment in the log: whom it had, and who
/// led it. One person's readiness answers given alone are no meeting.
pub fn last_meeting(entries: &[LoadedEntry]) -> Option<&LoadedEntry> {
    entries
        .iter()
        .rev()
        .find(|e| has_people(e.entry.meta.kind) && !e.entry.meta.alone)
}

#[cfg(test)]
mod tests;

/// A name typed with its role after a comma ("Amina Hassan, enhetschef
/// Komvux"): the name and the role, both trimmed and not empty.
pub fn split_typed(text: &str) -> Option<(String, String)> {
    let (name, role) = text.split_once(',')?;
    let (name, role) = (name.trim(), role.trim());
    (!name.is_empty() && !role.is_empty()).then(|| (name.to_string(), role.to_string()))
}
