//! A quick reader for front matter in exactly the shape `front::render`
//! writes: one `key = value` per line, basic strings with the escapes
//! `toml_string` uses, a plain datetime, one-line string arrays and the
//! participants list. Reading a portfolio spends much of its time in front
//! matter, and nearly all of it is in this shape. Anything else (comments,
//! other spacing, other escapes, a problem to report) gets `None`, and the
//! full TOML reader takes over; property tests hold the two to the same
//! result.
//!
//! It is the one TOML reader beside `toml_read`, and a deliberate fast path:
//! reading a portfolio's entries, front matter took 17 % of the report's
//! time with the full parser and takes 4 % with this one
//! (docs/performance.md). It reads nothing but the shape `front::render`
//! writes; `workbook::snapshot` uses its string reader for the same shape in
//! the snapshot's first lines.

use std::ops::Range;

use super::{EntryKind, KeyPositions, Meta, Participant, Stamp};
use crate::finding::SourceText;

/// The front matter at `range` of `src`, when it is in dino's own shape and
/// holds nothing to report.
pub fn read(src: &SourceText, range: Range<usize>) -> Option<(Meta, KeyPositions)> {
    let text = src.text.get(range.clone())?;
    let mut line_no = src.line_col(range.start).0;
    let mut positions = KeyPositions::new();
    let mut slots = Slots::default();
    let mut lines = text.split('\n');
    // The text ends with the line end before the closing fence.
    while let Some(line) = lines.next() {
        if line.is_empty() && lines.clone().next().is_none() {
            break;
        }
        let (key, value) = line.split_once(" = ")?;
        if positions
            .insert(key.to_string(), (line_no, key.len() + 4))
            .is_some()
        {
            return None;
        }
        if key == "participants" && value == "[" {
            let (list, lines_read) = participants(&mut lines)?;
            slots.participants = Some(list);
            line_no += lines_read;
        } else {
            slots.fill(key, value)?;
        }
        line_no += 1;
    }
    Some((slots.into_meta()?, positions))
}

/// The keys' values as read, each key once.
#[derive(Default)]
struct Slots {
    kind: Option<EntryKind>,
    date: Option<Stamp>,
    phase: Option<String>,
    facilitator: Option<String>,
    author: Option<String>,
    participants: Option<Vec<Participant>>,
    closes: Option<Vec<String>>,
    pack: Option<String>,
    pack_version: Option<String>,
    follows: Option<Vec<String>>,
    owner: Option<String>,
    due: Option<jiff::civil::Date>,
    mitigation: Option<String>,
    indicator: Option<String>,
    value: Option<f64>,
    measured: Option<jiff::civil::Date>,
    source: Option<String>,
    change: Option<super::Change>,
    name: Option<String>,
    role: Option<String>,
    was: Option<String>,
    alone: Option<bool>,
}

impl Slots {
    /// Reads one `key = value` line into its slot; `None` for a key or a
    /// value not in dino's shape.
    fn fill(&mut self, key: &str, value: &str) -> Option<()> {
        match key {
            "kind" => self.kind = Some(EntryKind::from_id(&whole_string(value)?)?),
            "phase" => self.phase = Some(whole_string(value)?),
            "date" => self.date = Some(datetime(value)?),
            "facilitator" => self.facilitator = Some(whole_string(value)?),
            "author" => self.author = Some(whole_string(value)?),
            "pack" => self.pack = Some(whole_string(value)?),
            "pack_version" => self.pack_version = Some(whole_string(value)?),
            "closes" => self.closes = Some(string_array(value)?),
            "follows" => self.follows = Some(string_array(value)?),
            "owner" => self.owner = Some(whole_string(value).filter(|o| !o.trim().is_empty())?),
            "due" => self.due = Some(crate::text::day::parse_day(value)?),
            "mitigation" => self.mitigation = Some(whole_string(value)?),
            "indicator" => self.indicator = Some(whole_string(value)?),
            "value" => self.value = Some(number(value)?),
            "measured" => self.measured = Some(crate::text::day::parse_day(value)?),
            "source" => self.source = Some(whole_string(value)?),
            "change" => self.change = Some(super::Change::from_id(&whole_string(value)?)?),
            "name" => self.name = Some(whole_string(value).filter(|n| !n.trim().is_empty())?),
            "role" => self.role = Some(whole_string(value)?),
            "was" => self.was = Some(whole_string(value)?),
            "alone" => {
                self.alone = Some(match value {
                    "true" => true,
                    "false" => false,
                    _ => return None,
                })
            }
            _ => return None,
        }
        Some(())
    }

    /// The front matter, when it holds nothing the full reader would
    /// report: a session or gate without its phase, an action without its
    /// owner or due date, a `done` that closes nothing, keys of other kinds.
    fn into_meta(self) -> Option<Meta> {
        let kind = self.kind?;
        let complete = match kind {
            EntryKind::Session | EntryKind::Gate => self.phase.is_some(),
            EntryKind::Action => self.owner.is_some() && self.due.is_some(),
            EntryKind::Done => self.closes.as_ref().is_some_and(|ids| !ids.is_empty()),
            EntryKind::Measure => {
                self.indicator.is_some() && self.value.is_some() && self.measured.is_some()
            }
            EntryKind::Roster => {
                let correct = self.change == Some(super::Change::Correct);
                self.change.is_some() && self.name.is_some() && correct == self.was.is_some()
            }
            _ => true,
        };
        let in_place = (kind.is_owned() || (self.owner.is_none() && self.due.is_none()))
            && (kind == EntryKind::Risk || self.mitigation.is_none())
            && (kind == EntryKind::Readiness || self.alone.is_none())
            && (kind == EntryKind::Measure
                || (self.indicator.is_none()
                    && self.value.is_none()
                    && self.measured.is_none()
                    && self.source.is_none()))
            && (kind == EntryKind::Roster
                || (self.change.is_none()
                    && self.name.is_none()
                    && self.role.is_none()
                    && self.was.is_none()));
        if !(complete && in_place) {
            return None;
        }
        Some(Meta {
            alone: self.alone.unwrap_or(false),
            kind,
            date: self.date?,
            phase: self.phase,
            by: self.facilitator.or(self.author),
            participants: self.participants.unwrap_or_default(),
            pack: self.pack.unwrap_or_default(),
            pack_version: self.pack_version.unwrap_or_default(),
            closes: self.closes.unwrap_or_default(),
            owner: self.owner,
            due: self.due,
            mitigation: self.mitigation,
            follows: self.follows,
            measure: match (self.indicator, self.value, self.measured) {
                (Some(indicator), Some(value), Some(measured)) => Some(super::Measure {
                    indicator,
                    value,
                    measured,
                    source: self.source,
                }),
                _ => None,
            },
            roster: match (self.change, self.name) {
                (Some(change), Some(name)) => Some(super::RosterChange {
                    change,
                    name,
                    role: self.role,
                    was: self.was,
                }),
                _ => None,
            },
        })
    }
}

/// A finite number as TOML writes it: whole numbers as integers, others as
/// floats that read back the same.
pub(super) fn toml_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n:?}")
    }
}

/// A finite number exactly as dino writes one (`toml_number`); any other
/// spelling is the full reader's.
fn number(value: &str) -> Option<f64> {
    let n = value.parse::<f64>().ok().filter(|n| n.is_finite())?;
    (toml_number(n) == value).then_some(n)
}

/// The participants' lines up to the closing `]`, and how many lines that
/// took.
fn participants<'a>(
    lines: &mut impl Iterator<Item = &'a str>,
) -> Option<(Vec<Participant>, usize)> {
    let mut list = Vec::new();
    let mut read = 0;
    loop {
        let line = lines.next()?;
        read += 1;
        if line == "]" {
            return Some((list, read));
        }
        list.push(participant(line)?);
    }
}

/// A basic string and what follows it: the text, and the rest of `s`.
fn string(s: &str) -> Option<(String, &str)> {
    let s = s.strip_prefix('"')?;
    let mut out = String::with_capacity(s.len());
    let mut chars = s.char_indices();
    while let Some((at, c)) = chars.next() {
        match c {
            '"' => return Some((out, &s[at + 1..])),
            '\\' => {
                let (_, escape) = chars.next()?;
                out.push(match escape {
                    '"' => '"',
                    '\\' => '\\',
                    'n' => '\n',
                    'r' => '\r',
                    't' => '\t',
                    'u' => {
                        let (from, _) = chars.next()?;
                        let hex = s.get(from..from + 4)?;
                        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                            return None;
                        }
                        for _ in 0..3 {
                            chars.next()?;
                        }
                        char::from_u32(u32::from_str_radix(hex, 16).ok()?)?
                    }
                    _ => return None,
                });
            }
            // TOML forbids control characters in basic strings, but tab.
            c if c.is_control() && c != '\t' => return None,
            c => out.push(c),
        }
    }
    None
}

/// A value that is one basic string, written as `toml_string` writes them,
/// and nothing more.
pub(crate) fn whole_string(value: &str) -> Option<String> {
    match string(value)? {
        (text, "") => Some(text),
        _ => None,
    }
}

/// `["a", "b"]`, as `render` writes arrays of ids.
fn string_array(value: &str) -> Option<Vec<String>> {
    let mut rest = value.strip_prefix('[')?;
    let mut out = Vec::new();
    if rest == "]" {
        return Some(out);
    }
    loop {
        let (item, after) = string(rest)?;
        out.push(item);
        match after {
            "]" => return Some(out),
            _ => rest = after.strip_prefix(", ")?,
        }
    }
}

/// `  { name = "…", role = "…" },` or without the role.
fn participant(line: &str) -> Option<Participant> {
    let rest = line.strip_prefix("  { name = ")?;
    let (name, rest) = string(rest)?;
    if rest == " }," {
        return Some(Participant { name, role: None });
    }
    let (role, rest) = string(rest.strip_prefix(", role = ")?)?;
    (rest == " },").then_some(Participant {
        name,
        role: Some(role),
    })
}

/// A TOML offset datetime as dino writes it: `2026-03-02T09:15:00+01:00`
/// (or with `Z`, or fractions of a second).
fn datetime(value: &str) -> Option<Stamp> {
    let b = value.as_bytes();
    let digits = |r: Range<usize>| b.get(r).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    let shape = b.len() >= 20
        && digits(0..4)
        && b[4] == b'-'
        && digits(5..7)
        && b[7] == b'-'
        && digits(8..10)
        && b[10] == b'T'
        && digits(11..13)
        && b[13] == b':'
        && digits(14..16)
        && b[16] == b':'
        && digits(17..19);
    if !shape {
        return None;
    }
    let mut at = 19;
    if b[at] == b'.' {
        at += 1;
        let start = at;
        while b.get(at).is_some_and(u8::is_ascii_digit) {
            at += 1;
        }
        if at == start {
            return None;
        }
    }
    let offset_ok = match &b[at..] {
        [b'Z'] => true,
        [b'+' | b'-', _, _, b':', _, _] => digits(at + 1..at + 3) && digits(at + 4..at + 6),
        _ => false,
    };
    if !offset_ok {
        return None;
    }
    Stamp::parse(value).ok()
}

#[cfg(test)]
mod tests;
