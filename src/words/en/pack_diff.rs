//! `pack::diff`: what changed in a pack, in English.

use crate::pack::diff::{Area, Change, Message, What};

pub fn pack_diff(message: &Message) -> String {
    match message {
        Message::Summary {
            added,
            removed,
            reworded,
            changed,
        } => [
            (*added, "added"),
            (*removed, "removed"),
            (*reworded, "reworded"),
            (*changed, "changed"),
        ]
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, word)| format!("{n} {word}"))
        .collect::<Vec<_>>()
        .join(", "),
        Message::Line(change) => line(change),
    }
}

/// What a new thing and a removed one are called, by where they are.
fn new_and_gone(area: Area) -> (&'static str, &'static str) {
    match area {
        Area::Pack => ("new", "removed"),
        Area::Phase => ("new phase", "phase removed"),
        Area::Item => ("new item", "item removed"),
        Area::Profile => ("new profile question", "profile question removed"),
        Area::Readiness => ("new statement", "statement removed"),
    }
}

/// One change as a line: a sign, the place, and what happened.
fn line(change: &Change) -> String {
    let place = &change.place;
    let (new_one, gone) = new_and_gone(change.area);
    match &change.what {
        What::Added(text) => format!("+ {place}: {new_one}, “{text}”"),
        What::Removed(text) => format!("− {place}: {gone}, “{text}”"),
        What::Reworded { from, to } => format!("~ {place}: “{from}” → “{to}”"),
        What::Kind { from, to } => format!("~ {place}: now answered as {to} (was {from})"),
        What::Required(true) => format!("~ {place}: now required"),
        What::Required(false) => format!("~ {place}: no longer required"),
        What::Condition { from, to } => {
            let shown =
                |c: &Option<String>| c.as_ref().map_or("none".to_string(), |c| format!("`{c}`"));
            format!(
                "~ {place}: the condition is now {} (was {})",
                shown(to),
                shown(from)
            )
        }
        What::Options {
            added,
            removed,
            relabelled,
        } => {
            let parts: Vec<String> = [
                ("added", added),
                ("removed", removed),
                ("reworded", relabelled),
            ]
            .iter()
            .filter(|(_, ids)| !ids.is_empty())
            .map(|(what, ids)| format!("{what} {}", ids.join(", ")))
            .collect();
            format!("~ {place}: options: {}", parts.join("; "))
        }
    }
}
