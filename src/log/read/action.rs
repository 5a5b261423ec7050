//! An action's block beside a record: a quote whose first paragraph is the
//! action's text after its label and before its `<!-- action: N -->`
//! marker, then its owner and its due day, each in a paragraph of its own
//! (docs/log-format.md, "Actions in a session or at a gate").

use std::ops::Range;

use pulldown_cmark::{Event, Tag};

use super::{BodyReader, Message, find_marker, label_at, segments};
use crate::log::ActionMark;
use crate::log::blocks::{Block, Spanned};
use crate::log::labels::{Label, Marker};
use crate::log::value::decode;

/// Whether a quote's blocks open with an action's label: an action's block.
pub(super) fn is_action_block(blocks: &[Block<'_>]) -> bool {
    matches!(blocks.first(), Some(Block::Paragraph { inlines, .. })
        if matches!(inlines.first(), Some((Event::Start(Tag::Strong), _)))
            && label_at(inlines, 0).is_some_and(|(l, _)| l == Label::Action))
}

/// What an action's block says, field by field, before it is whole.
#[derive(Default)]
struct Fields {
    n: Option<u32>,
    text: Option<String>,
    owner: Option<String>,
    due: Option<String>,
    /// The field a paragraph without a label goes on: the one before it.
    last: Option<Label>,
}

impl Fields {
    fn slot(&mut self, label: Label) -> Option<&mut Option<String>> {
        match label {
            Label::Action => Some(&mut self.text),
            Label::Owner => Some(&mut self.owner),
            Label::Due => Some(&mut self.due),
            _ => None,
        }
    }
}

impl BodyReader<'_> {
    /// The action an action's block holds; a finding for what it lacks.
    pub(super) fn action(&self, blocks: &[Block<'_>], range: &Range<usize>) -> Option<ActionMark> {
        let mut fields = Fields::default();
        for block in blocks {
            match block {
                Block::Paragraph { inlines, range } => {
                    self.action_paragraph(inlines, range, &mut fields)
                }
                other => self.report(other.range(), Message::ActionBlockHolds),
            }
        }
        let (Some(n), Some(text)) = (fields.n, fields.text) else {
            self.report(range, Message::ActionWithoutMarker);
            return None;
        };
        let Some(owner) = fields.owner.filter(|o| !o.trim().is_empty()) else {
            self.report(range, Message::ActionLacks { n, label: "owner" });
            return None;
        };
        let Some(due) = fields.due else {
            self.report(range, Message::ActionLacks { n, label: "due" });
            return None;
        };
        let Some(due) = crate::text::day::parse_day(due.trim()) else {
            self.report(range, Message::ActionDueNotADay { n, found: due });
            return None;
        };
        Some(ActionMark {
            n,
            text,
            owner,
            due,
        })
    }

    /// One paragraph of an action's block: its text with its marker, its
    /// owner or its due day, each after its label.
    fn action_paragraph(&self, inlines: &[Spanned<'_>], range: &Range<usize>, fields: &mut Fields) {
        for (label, events) in segments(inlines) {
            let (events, marker) = match find_marker(events) {
                Some((Marker::Action(n), at)) => (&events[..at], Some(n)),
                _ => (events, None),
            };
            let decoded = decode(events, self.body);
            // The colon when it stands after the bold label, and the one
            // space the writer puts after a label.
            let text = match label {
                Some(_) => {
                    let rest = decoded.strip_prefix(':').unwrap_or(&decoded);
                    rest.strip_prefix(' ').unwrap_or(rest)
                }
                None => &decoded,
            };
            // The one space the writer puts before the marker.
            let text = match marker {
                Some(_) => text.strip_suffix(' ').unwrap_or(text),
                None => text,
            };
            if marker.is_some() {
                fields.n = marker;
            }
            // A paragraph without a label goes on the field before it, as
            // a value's paragraphs do.
            let Some(field) = label.or(fields.last) else {
                self.report(range, Message::ActionBlockHolds);
                continue;
            };
            let Some(slot) = fields.slot(field) else {
                self.report(range, Message::ActionBlockHolds);
                continue;
            };
            match (slot, label) {
                (Some(existing), None) => {
                    existing.push_str("\n\n");
                    existing.push_str(text);
                }
                (slot, _) => *slot = Some(text.to_string()),
            }
            fields.last = Some(field);
        }
    }
}
