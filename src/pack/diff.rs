//! What changed in a pack between two snapshots: phases, items, profile
//! questions and readiness statements added, removed, reworded or changed;
//! and those changes as messages (worded in `words`), for `dino status`
//! and `dino upgrade`.

use super::snapshot::{ItemShot, Snapshot};

/// One change, at a place named as in conditions: `phase`, `phase.item`,
/// a bare profile id, or `dimension.statement`.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    pub area: Area,
    pub place: String,
    pub what: What,
}

/// Which part of the pack a change is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Area {
    /// The pack itself: its id.
    Pack,
    Phase,
    Item,
    Profile,
    Readiness,
}

#[derive(Clone, Debug, PartialEq)]
pub enum What {
    /// New, with its text (a title, prompt or statement).
    Added(String),
    /// Gone, with the text it had.
    Removed(String),
    /// The same place, new words.
    Reworded { from: String, to: String },
    /// The kind of answer changed.
    Kind { from: String, to: String },
    /// Required now (`true`), or no longer.
    Required(bool),
    /// The condition changed; `None` when there is none.
    Condition {
        from: Option<String>,
        to: Option<String>,
    },
    /// Options added or removed (ids), or relabelled.
    Options {
        added: Vec<String>,
        removed: Vec<String>,
        relabelled: Vec<String>,
    },
}

/// The changes from `old` to `new`, in the new pack's order (removed
/// things where they were).
pub fn diff(old: &Snapshot, new: &Snapshot) -> Vec<Change> {
    let mut out = Vec::new();
    if old.pack != new.pack {
        out.push(Change {
            area: Area::Pack,
            place: "id".to_string(),
            what: What::Reworded {
                from: old.pack.clone(),
                to: new.pack.clone(),
            },
        });
    }
    items(Area::Profile, "", &old.profile, &new.profile, &mut out);
    for phase in &new.phases {
        match old.phases.iter().find(|p| p.id == phase.id) {
            None => out.push(Change {
                area: Area::Phase,
                place: phase.id.clone(),
                what: What::Added(phase.title.clone()),
            }),
            Some(was) => {
                if was.title != phase.title {
                    out.push(Change {
                        area: Area::Phase,
                        place: phase.id.clone(),
                        what: What::Reworded {
                            from: was.title.clone(),
                            to: phase.title.clone(),
                        },
                    });
                }
                let prefix = format!("{}.", phase.id);
                items(Area::Item, &prefix, &was.items, &phase.items, &mut out);
            }
        }
    }
    for was in &old.phases {
        if !new.phases.iter().any(|p| p.id == was.id) {
            out.push(Change {
                area: Area::Phase,
                place: was.id.clone(),
                what: What::Removed(was.title.clone()),
            });
        }
    }
    for statement in &new.readiness {
        let what = match old.readiness.iter().find(|s| s.id == statement.id) {
            None => What::Added(statement.text.clone()),
            Some(was) if was.text != statement.text => What::Reworded {
                from: was.text.clone(),
                to: statement.text.clone(),
            },
            Some(_) => continue,
        };
        out.push(Change {
            area: Area::Readiness,
            place: statement.id.clone(),
            what,
        });
    }
    for was in &old.readiness {
        if !new.readiness.iter().any(|s| s.id == was.id) {
            out.push(Change {
                area: Area::Readiness,
                place: was.id.clone(),
                what: What::Removed(was.text.clone()),
            });
        }
    }
    out
}

/// Items of one list (a phase's, or the profile), matched by id.
fn items(area: Area, prefix: &str, old: &[ItemShot], new: &[ItemShot], out: &mut Vec<Change>) {
    let place = |id: &str| format!("{prefix}{id}");
    for item in new {
        let Some(was) = old.iter().find(|i| i.id == item.id) else {
            out.push(Change {
                area,
                place: place(&item.id),
                what: What::Added(item.prompt.clone()),
            });
            continue;
        };
        let mut push = |what| {
            out.push(Change {
                area,
                place: place(&item.id),
                what,
            })
        };
        if was.prompt != item.prompt {
            push(What::Reworded {
                from: was.prompt.clone(),
                to: item.prompt.clone(),
            });
        }
        if was.kind != item.kind {
            push(What::Kind {
                from: was.kind.clone(),
                to: item.kind.clone(),
            });
        }
        if was.required != item.required {
            push(What::Required(item.required));
        }
        if was.when != item.when {
            push(What::Condition {
                from: was.when.clone(),
                to: item.when.clone(),
            });
        }
        let ids = |list: &[super::snapshot::OptionShot]| -> Vec<String> {
            list.iter().map(|o| o.id.clone()).collect()
        };
        let (before, after) = (ids(&was.options), ids(&item.options));
        let added: Vec<String> = after
            .iter()
            .filter(|o| !before.contains(o))
            .cloned()
            .collect();
        let removed: Vec<String> = before
            .iter()
            .filter(|o| !after.contains(o))
            .cloned()
            .collect();
        let relabelled: Vec<String> = item
            .options
            .iter()
            .filter(|o| {
                was.options
                    .iter()
                    .any(|w| w.id == o.id && w.label != o.label)
            })
            .map(|o| o.id.clone())
            .collect();
        if !(added.is_empty() && removed.is_empty() && relabelled.is_empty()) {
            push(What::Options {
                added,
                removed,
                relabelled,
            });
        }
    }
    for was in old {
        if !new.iter().any(|i| i.id == was.id) {
            out.push(Change {
                area,
                place: place(&was.id),
                what: What::Removed(was.prompt.clone()),
            });
        }
    }
}

/// What is said of a pack's changes; worded in `words`.
#[derive(Clone, Debug)]
pub enum Message {
    /// How many changes of each sort: "2 nya, 1 borttagen, 3
    /// omformulerade, 1 ändrad" (a sort with none left out).
    Summary {
        added: usize,
        removed: usize,
        reworded: usize,
        changed: usize,
    },
    /// One change as a line for people: a sign, the place, and what
    /// happened.
    Line(Change),
}

/// How many changes of each sort.
pub fn summary(changes: &[Change]) -> Message {
    let count = |f: fn(&What) -> bool| changes.iter().filter(|c| f(&c.what)).count();
    let added = count(|w| matches!(w, What::Added(_)));
    let removed = count(|w| matches!(w, What::Removed(_)));
    let reworded = count(|w| matches!(w, What::Reworded { .. }));
    Message::Summary {
        added,
        removed,
        reworded,
        changed: changes.len() - added - removed - reworded,
    }
}

/// One change as a line for people.
pub fn line(change: &Change) -> Message {
    Message::Line(change.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, Say};
    use crate::pack::snapshot::{OptionShot, PhaseShot, StatementShot};

    fn item(id: &str, prompt: &str) -> ItemShot {
        ItemShot {
            id: id.into(),
            kind: "check".into(),
            prompt: prompt.into(),
            required: false,
            when: None,
            options: Vec::new(),
        }
    }

    fn snapshot(items: Vec<ItemShot>) -> Snapshot {
        Snapshot {
            pack: "p".into(),
            version: "1".into(),
            hash: "h".into(),
            language: "sv".into(),
            profile_answers: None,
            profile: Vec::new(),
            phases: vec![PhaseShot {
                id: "start".into(),
                title: "Start".into(),
                items,
            }],
            readiness: vec![StatementShot {
                id: "mandat.stod".into(),
                text: "Vi har stöd.".into(),
            }],
        }
    }

    #[test]
    fn every_sort_of_change_is_found_and_told() {
        let choice = |labels: &[(&str, &str)]| ItemShot {
            kind: "choice".into(),
            options: labels
                .iter()
                .map(|(id, label)| OptionShot {
                    id: (*id).into(),
                    label: (*label).into(),
                })
                .collect(),
            ..item("val", "Välj")
        };
        let old = snapshot(vec![
            item("kvar", "Samma"),
            item("gammal", "Borta snart"),
            item("ord", "Förr"),
            choice(&[("a", "A"), ("b", "B")]),
        ]);
        let mut new = snapshot(vec![
            item("kvar", "Samma"),
            ItemShot {
                required: true,
                when: Some("procurement".into()),
                kind: "text".into(),
                ..item("ord", "Nu")
            },
            choice(&[("a", "Ä"), ("c", "C")]),
            item("ny", "Helt ny"),
        ]);
        new.readiness.clear();
        let changes = diff(&old, &new);
        let lines: Vec<String> = changes.iter().map(|c| line(c).say(Lang::Sv)).collect();
        assert_eq!(
            lines,
            [
                "~ start.ord: ”Förr” → ”Nu”",
                "~ start.ord: är nu av typen text (förut kryssruta)",
                "~ start.ord: är nu ett krav",
                "~ start.ord: villkoret är nu `procurement` (förut inget)",
                "~ start.val: alternativ: nya c; borttagna b; omformulerade a",
                "+ start.ny: ny punkt, ”Helt ny”",
                "− start.gammal: punkten borttagen, ”Borta snart”",
                "− mandat.stod: påståendet borttaget, ”Vi har stöd.”",
            ]
        );
        assert_eq!(
            summary(&changes).say(Lang::Sv),
            "1 ny, 2 borttagna, 1 omformulerad, 4 ändrade"
        );
        assert_eq!(
            summary(&changes).say(Lang::En),
            "1 added, 2 removed, 1 reworded, 4 changed"
        );
        assert!(diff(&old, &old).is_empty());
    }
}
