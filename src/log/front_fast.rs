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
    let mut kind = None;
    let mut date = None;
    let mut phase = None;
    let mut facilitator = None;
    let mut author = None;
    let mut participants = None;
    let mut closes = None;
    let mut pack = None;
    let mut pack_version = None;
    let mut follows = None;
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
        // Each key comes once (above), so each slot is filled once.
        match key {
            "kind" => kind = Some(EntryKind::from_id(&whole_string(value)?)?),
            "phase" => phase = Some(whole_string(value)?),
            "date" => date = Some(datetime(value)?),
            "facilitator" => facilitator = Some(whole_string(value)?),
            "author" => author = Some(whole_string(value)?),
            "pack" => pack = Some(whole_string(value)?),
            "pack_version" => pack_version = Some(whole_string(value)?),
            "closes" => closes = Some(string_array(value)?),
            "follows" => follows = Some(string_array(value)?),
            "participants" if value == "[" => {
                let mut list = Vec::new();
                loop {
                    let line = lines.next()?;
                    line_no += 1;
                    if line == "]" {
                        break;
                    }
                    list.push(participant(line)?);
                }
                participants = Some(list);
            }
            _ => return None,
        }
        line_no += 1;
    }
    let kind = kind?;
    if phase.is_none() && matches!(kind, EntryKind::Session | EntryKind::Gate) {
        return None;
    }
    let meta = Meta {
        kind,
        date: date?,
        phase,
        by: facilitator.or(author),
        participants: participants.unwrap_or_default(),
        pack: pack.unwrap_or_default(),
        pack_version: pack_version.unwrap_or_default(),
        closes: closes.unwrap_or_default(),
        follows,
    };
    Some((meta, positions))
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
