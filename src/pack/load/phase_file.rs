//! Decoding one phase file: its texts, its items and its gate.

use toml::de::{DeArray, DeValue};

use super::super::model::{Criterion, Gate, Phase};
use super::item::{WrittenWhen, decode_item, read_when};
use super::text::{TextForm, TextOf, read_value_text};
use super::{Message, Part, Pending, Scope, Seen, report};
use crate::toml_read::{FileCtx, Table};

/// Decodes a phase. `file` indexes the pack's files; `position` is the
/// phase's place among the phases decoded so far.
pub fn decode(
    t: Table<'_>,
    rel: &str,
    file: usize,
    position: usize,
    pending: &mut Pending,
) -> Option<Phase> {
    let ctx = t.ctx();
    let id = t.id("id");
    let title = t.text("title", true, TextForm::Line);
    let purpose = t.text("purpose", true, TextForm::Markdown);
    let guidance = t.text("guidance", true, TextForm::Markdown);
    let phase_id = id.as_ref().map(|(id, _)| id.as_str()).unwrap_or("?");

    let tables = t.tables("items", true);
    if tables.is_empty() {
        let span = t.raw("items").map_or(0..0, |v| v.span());
        report(ctx, &span, Message::NoItems);
    }
    let mut items = Vec::new();
    let mut seen = Seen::default();
    for table in tables {
        let (item, notes) = decode_item(table, Some(phase_id));
        let Some((id, id_span)) = &notes.id else {
            continue;
        };
        if !seen.first(ctx, id, id_span) {
            continue;
        }
        let Some(item) = item else {
            pending.broken.push(format!("{phase_id}.{id}"));
            continue;
        };
        if let Some(when) = notes.when {
            let scope = Scope::Phase {
                phase: position,
                index: items.len(),
            };
            pending.whens.push((file, scope, when));
        }
        pending
            .leans
            .extend(notes.leans.into_iter().map(|lean| (file, lean)));
        let scope = Scope::Phase {
            phase: position,
            index: items.len(),
        };
        pending
            .refs
            .extend(notes.refs.into_iter().map(|r| (file, scope, r)));
        items.push(item);
    }

    let gate = gate(&t, pending, file, position, items.len());
    t.finish(&[], Part::PhaseFile);

    let (id, id_span) = id?;
    let (Some(title), Some(purpose), Some(guidance)) = (title, purpose, guidance) else {
        pending.broken.push(id);
        return None;
    };
    pending.phase_ids.push((file, id_span));
    Some(Phase {
        id,
        title,
        purpose,
        guidance,
        items,
        gate,
        file: rel.to_string(),
    })
}

/// The phase's `[gate]`: its criteria, each condition kept for the checks
/// across files (it may read the phase's `items` first items, that is all
/// of them), and its help.
fn gate(t: &Table<'_>, pending: &mut Pending, file: usize, position: usize, items: usize) -> Gate {
    let ctx = t.ctx();
    match t.table("gate") {
        Some(g) => {
            let read = g
                .array("criteria", false)
                .map(|(array, _)| criteria(ctx, array))
                .unwrap_or_default();
            // A criterion's condition may read every item of its phase.
            let scope = Scope::Phase {
                phase: position,
                index: items,
            };
            let mut criteria = Vec::with_capacity(read.len());
            for (criterion, when) in read {
                if let Some(when) = when {
                    pending.whens.push((file, scope, when));
                }
                criteria.push(criterion);
            }
            let help = g.text("help", false, TextForm::Markdown);
            g.finish(&[], "[gate]");
            Gate { criteria, help }
        }
        None => Gate::default(),
    }
}

/// A gate's criteria: each a table with an `id`, a `text` and an optional
/// `when`, or a text alone whose id is its place from 1. Ids are unique in
/// the gate. Each comes with its condition as written, for the checks
/// across files.
fn criteria(ctx: &FileCtx<'_>, array: &DeArray<'_>) -> Vec<(Criterion, Option<WrittenWhen>)> {
    let mut seen = Seen::default();
    let mut out = Vec::new();
    for (place, value) in (1..).zip(array.iter()) {
        let with_id = match value.get_ref() {
            DeValue::Table(t) if t.contains_key("id") || t.contains_key("text") => Some(t),
            _ => None,
        };
        let (id, text, when) = match with_id {
            Some(table) => {
                let t = Table::new(ctx, table, value.span());
                let id = t.id("id");
                let text = t.text("text", true, TextForm::Line);
                let when = read_when(&t);
                t.finish(&[], "[gate] criteria");
                let Some((id, span)) = id else { continue };
                (Some((id, span)), text, when)
            }
            None => {
                let text = read_value_text(ctx, "criteria", value, TextForm::Line);
                (Some((place.to_string(), value.span())), text, None)
            }
        };
        let Some((id, span)) = id else { continue };
        if seen.first(ctx, &id, &span)
            && let Some(text) = text
        {
            let condition = when.as_ref().map(|w| w.condition.clone());
            out.push((
                Criterion {
                    id,
                    text,
                    when: condition,
                },
                when,
            ));
        }
    }
    out
}
