//! `pack::diff`: what changed in a pack, in Swedish.

use crate::pack::diff::{Area, Change, Message, What};

pub fn pack_diff(message: &Message) -> String {
    match message {
        Message::Summary {
            added,
            removed,
            reworded,
            changed,
        } => [
            (*added, "ny", "nya"),
            (*removed, "borttagen", "borttagna"),
            (*reworded, "omformulerad", "omformulerade"),
            (*changed, "ändrad", "ändrade"),
        ]
        .iter()
        .filter(|(n, _, _)| *n > 0)
        .map(|(n, one, many)| format!("{n} {}", if *n == 1 { one } else { many }))
        .collect::<Vec<_>>()
        .join(", "),
        Message::Line(change) => line(change),
    }
}

/// What a new thing and a removed one are called, by where they are.
fn new_and_gone(area: Area) -> (&'static str, &'static str) {
    match area {
        Area::Pack => ("nytt", "borttaget"),
        Area::Phase => ("ny fas", "fasen borttagen"),
        Area::Item => ("ny punkt", "punkten borttagen"),
        Area::Profile => ("ny profilfråga", "profilfrågan borttagen"),
        Area::Readiness => ("nytt påstående", "påståendet borttaget"),
    }
}

/// One change as a line: a sign, the place, and what happened.
fn line(change: &Change) -> String {
    let place = &change.place;
    let (new_one, gone) = new_and_gone(change.area);
    match &change.what {
        What::Added(text) => format!("+ {place}: {new_one}, ”{text}”"),
        What::Removed(text) => format!("− {place}: {gone}, ”{text}”"),
        What::Reworded { from, to } => format!("~ {place}: ”{from}” → ”{to}”"),
        What::Kind { from, to } => format!(
            "~ {place}: är nu av typen {} (förut {})",
            kind_in_swedish(to),
            kind_in_swedish(from)
        ),
        What::Required(true) => format!("~ {place}: är nu ett krav"),
        What::Required(false) => format!("~ {place}: är inte längre ett krav"),
        What::Condition { from, to } => {
            let shown =
                |c: &Option<String>| c.as_ref().map_or("inget".to_string(), |c| format!("`{c}`"));
            format!(
                "~ {place}: villkoret är nu {} (förut {})",
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
                ("nya", added),
                ("borttagna", removed),
                ("omformulerade", relabelled),
            ]
            .iter()
            .filter(|(_, ids)| !ids.is_empty())
            .map(|(what, ids)| format!("{what} {}", ids.join(", ")))
            .collect();
            format!("~ {place}: alternativ: {}", parts.join("; "))
        }
    }
}

/// A kind as the snapshot records it (`choice`, `scale 1–5`, `text (long)`)
/// in Swedish: the name translated, its bounds kept.
fn kind_in_swedish(kind: &str) -> String {
    if kind == "text (long)" {
        return "text (lång)".to_string();
    }
    let (name, rest) = kind.split_once(' ').unwrap_or((kind, ""));
    let name = match name {
        "check" => "kryssruta",
        "choice" => "val",
        "multi" => "flerval",
        "scale" => "skala",
        "date" => "datum",
        "number" => "tal",
        "indicator" => "indikator",
        "measurement" => "mätning",
        other => other,
    };
    // `measurement of X, due Y`, as the snapshot words it.
    let rest = rest
        .replacen("of ", "av ", 1)
        .replacen(", due ", ", senast ", 1);
    if rest.is_empty() {
        name.to_string()
    } else {
        format!("{name} {rest}")
    }
}
