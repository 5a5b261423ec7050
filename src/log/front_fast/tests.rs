//! The quick reader against the full one: on everything `render` writes,
//! it reads the same; on anything else, it reads the same or declines.

use std::cell::RefCell;

use proptest::prelude::*;

use super::super::front;
use super::super::{EntryKind, Meta};
use super::super::{Participant, Stamp};
use crate::finding::SourceText;
use crate::i18n::Lang;

/// Text with the characters that trouble TOML strings.
fn awkward() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "a", "Åsa", " ", "\"", "\\", "\\u00e9", "\n", "\r", "\t", "\u{7f}", "\u{85}", "\u{1}",
        "+++", "]", "[", "{", "}", ", ", " = ", "#", "'", "☕", "\u{202e}", "",
    ]);
    prop::collection::vec(pieces, 0..8).prop_map(|v| v.concat())
}

fn ids() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec("[0-9a-f]{6,8}", 0..3)
}

/// An owner, a due day and a mitigation, each maybe there.
fn owned() -> impl Strategy<Value = (Option<String>, Option<jiff::civil::Date>, Option<String>)> {
    (
        prop::option::of(awkward()),
        prop::option::of(0i32..3_000_000),
        prop::option::of(awkward()),
    )
        .prop_map(|(owner, day, mitigation)| {
            let epoch = jiff::civil::date(1900, 1, 1);
            let due = day.and_then(|d| epoch.checked_add(jiff::Span::new().days(d)).ok());
            // An owner is never blank.
            (owner.map(|o| format!("O{o}")), due, mitigation)
        })
}

/// The owned keys as the kind of entry has them: an action always has an
/// owner and a due day, a risk may have all three, others none.
fn fit_owned(
    kind: EntryKind,
    (owner, due, mitigation): (Option<String>, Option<jiff::civil::Date>, Option<String>),
) -> (Option<String>, Option<jiff::civil::Date>, Option<String>) {
    match kind {
        EntryKind::Action => (
            Some(owner.unwrap_or_else(|| "Karin".into())),
            Some(due.unwrap_or(jiff::civil::date(2026, 3, 31))),
            None,
        ),
        EntryKind::Risk => (owner, due, mitigation),
        _ => (None, None, None),
    }
}

fn meta() -> impl Strategy<Value = Meta> {
    (
        prop::sample::select(EntryKind::ALL.to_vec()),
        prop::option::of(awkward()),
        (0i64..4_000_000_000, -14i32..=14),
        prop::option::of(awkward()),
        prop::collection::vec((awkward(), prop::option::of(awkward())), 0..3),
        (ids(), awkward(), awkward(), prop::option::of(ids())),
        owned(),
    )
        .prop_map(
            |(kind, phase, (secs, hours), by, people, (closes, pack, version, follows), owned)| {
                let (owner, due, mitigation) = fit_owned(kind, owned);
                let mut closes = closes;
                let measure = (kind == EntryKind::Measure).then(|| crate::log::Measure {
                    indicator: format!("test.{}", closes.len()),
                    value: secs as f64 / 7.0,
                    measured: jiff::civil::date(2026, 9, 1),
                    source: by.clone().filter(|_| hours > 0),
                });
                let roster = (kind == EntryKind::Roster).then(|| {
                    let change = crate::log::Change::ALL[secs.unsigned_abs() as usize % 3];
                    crate::log::RosterChange {
                        change,
                        name: format!("Amina {pack}"),
                        role: by.clone(),
                        was: (change == crate::log::Change::Correct).then(|| version.clone()),
                    }
                });
                if kind == EntryKind::Done && closes.is_empty() {
                    closes.push("abc123".into());
                }
                let phase = match kind {
                    EntryKind::Session | EntryKind::Gate => Some(phase.unwrap_or_default()),
                    _ => phase,
                };
                let at = jiff::Timestamp::from_second(secs).expect("in range");
                let offset = jiff::tz::Offset::from_hours(hours as i8).expect("in range");
                Meta {
                    alone: false,
                    kind,
                    date: Stamp::new(at, offset),
                    phase,
                    by,
                    participants: people
                        .into_iter()
                        .map(|(name, role)| Participant { name, role })
                        .collect(),
                    pack,
                    pack_version: version,
                    closes,
                    owner,
                    due,
                    mitigation,
                    follows,
                    measure,
                    roster,
                }
            },
        )
}

/// The file around the front matter, and where its TOML is.
fn source(front_matter: &str) -> (SourceText, std::ops::Range<usize>) {
    let text = format!("{front_matter}\n# Titel\n");
    let (range, _) = front::split(&text).expect("fenced");
    (SourceText::new("log/x.md", text), range)
}

proptest! {
    #[test]
    fn whatever_render_writes_is_read_quickly_and_the_same(meta in meta()) {
        let rendered = front::render(&meta);
        let (src, range) = source(rendered.trim_end_matches('\n'));
        let fast = super::read(&src, range.clone());
        prop_assert!(fast.is_some(), "declined:\n{}", rendered);
        let findings = RefCell::new(Vec::new());
        let full = front::read_full(&src, range, Lang::Sv, &findings);
        prop_assert!(findings.borrow().is_empty(), "{:?}", findings.borrow());
        let (fast_meta, fast_at) = fast.expect("read");
        prop_assert_eq!(&fast_meta, full.0.as_ref().expect("read"));
        prop_assert_eq!(&fast_meta, &meta);
        prop_assert_eq!(fast_at, full.1);
    }

    #[test]
    fn an_edited_front_matter_is_read_the_same_or_left_to_the_full_reader(
        meta in meta(),
        at in any::<prop::sample::Index>(),
        edit in prop::sample::select(vec![
            "", "\"", "\\", " ", "\n", "#", "=", "[", "]", "x", "'", "\r", "\t", "é", "}", ",",
            "\\u", "T", "Z", ".5", "-", "kind = \"note\"\n", "\n\n",
        ]),
        delete in 0usize..3,
    ) {
        let rendered = front::render(&meta);
        let body = rendered.trim_end_matches('\n');
        // Edit only between the fences.
        let inner = 4..body.len() - 4;
        let mut pos = inner.start + at.index(inner.len().max(1));
        while !body.is_char_boundary(pos) {
            pos -= 1;
        }
        let mut end = pos;
        for _ in 0..delete {
            if let Some(c) = body[end..inner.end].chars().next() {
                end += c.len_utf8();
            }
        }
        let edited = format!("{}{edit}{}", &body[..pos], &body[end..]);
        let Some((src, range)) = front::split(&format!("{edited}\n# T\n"))
            .map(|_| source(&edited))
        else {
            return Ok(());
        };
        if let Some((fast_meta, fast_at)) = super::read(&src, range.clone()) {
            let findings = RefCell::new(Vec::new());
            let (full_meta, full_at) = front::read_full(&src, range, Lang::Sv, &findings);
            prop_assert!(findings.borrow().is_empty(), "{:?}\n{}", findings.borrow(), edited);
            prop_assert_eq!(Some(fast_meta), full_meta, "\n{}", edited);
            prop_assert_eq!(fast_at, full_at, "\n{}", edited);
        }
    }
}

#[test]
fn comments_other_spacing_and_crlf_go_to_the_full_reader() {
    for text in [
        "+++\nkind = \"note\" # a comment\ndate = 2026-03-02T09:15:00+01:00\n+++",
        "+++\nkind=\"note\"\ndate = 2026-03-02T09:15:00+01:00\n+++",
        "+++\r\nkind = \"note\"\r\ndate = 2026-03-02T09:15:00+01:00\r\n+++",
        "+++\nkind = 'note'\ndate = 2026-03-02T09:15:00+01:00\n+++",
        "+++\nkind = \"note\"\ndate = 2026-03-02 09:15:00+01:00\n+++",
        "+++\nkind = \"note\"\ndate = \"2026-03-02T09:15:00+01:00\"\n+++",
        "+++\nkind = \"session\"\ndate = 2026-03-02T09:15:00+01:00\n+++",
        "+++\nkind = \"note\"\nkind = \"note\"\ndate = 2026-03-02T09:15:00+01:00\n+++",
        "+++\nkind = \"nte\"\ndate = 2026-03-02T09:15:00+01:00\n+++",
        "+++\nkind = \"note\"\nauthor = \"A\\u+041\"\ndate = 2026-03-02T09:15:00+01:00\n+++",
    ] {
        let (src, range) = source(text);
        assert!(super::read(&src, range).is_none(), "{text:?}");
    }
}
