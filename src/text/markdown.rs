//! Writing plain text into Markdown so that it reads back as the same text:
//! a value exactly, every line and space of it (`encode`, what entries
//! hold), or a one-line text for a report (`escape`), or as code (`code`).
//! Both escapers share one set of inline characters and one rule for a
//! block marker at a line's start.

use std::fmt::Write as _;

/// Characters that could start inline syntax anywhere in a line.
const INLINE_SPECIAL: &[u8] = b"\\`*_[]<>#|~&$";

/// Encodes `value` as the inline content of a paragraph, so that a
/// CommonMark reader shows exactly that text (an entry's answers and notes;
/// docs/log-format.md, "How values are written, and read back exactly").
/// Line breaks become hard breaks, each followed by `cont` (the prefix a
/// continuation line needs in its container: `"  "` in a list item, `"> "`
/// in a block quote).
///
/// A value made of paragraphs (non-empty blocks of lines between single
/// blank lines) is written as paragraphs, which read back joined by a blank
/// line; any other value is one paragraph.
///
/// The value must not hold U+0000, which Markdown cannot carry.
pub fn encode(value: &str, cont: &str) -> String {
    let parts: Vec<&str> = value.split("\n\n").collect();
    let clean = |p: &&str| !p.is_empty() && !p.starts_with('\n') && !p.ends_with('\n');
    if parts.len() > 1 && parts.iter().all(clean) {
        let gap = format!("\n{}\n{cont}", cont.trim_end());
        return parts
            .iter()
            .map(|part| encode_paragraph(part, cont))
            .collect::<Vec<_>>()
            .join(&gap);
    }
    encode_paragraph(value, cont)
}

/// Encodes a value as one paragraph.
fn encode_paragraph(value: &str, cont: &str) -> String {
    let core = value.trim_matches('\n');
    let leading = value.len() - value.trim_start_matches('\n').len();
    let trailing = if core.is_empty() {
        0
    } else {
        value.len() - value.trim_end_matches('\n').len()
    };
    let mut out = String::with_capacity(value.len() + 16);
    out.push_str(&"&#10;".repeat(leading));
    let lines: Vec<&str> = core.split('\n').collect();
    let last = lines.len() - 1;
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            out.push_str("\\\n");
            out.push_str(cont);
        }
        encode_line(line, i == last, &mut out);
    }
    out.push_str(&"&#10;".repeat(trailing));
    out
}

/// Encodes one line (no `\n` in it).
fn encode_line(line: &str, is_last: bool, out: &mut String) {
    let edge = |b: &u8| matches!(b, b' ' | b'\t');
    let bytes = line.as_bytes();
    // Offsets in bytes: the spaces and tabs at the edges are ASCII.
    let lead = bytes.iter().take_while(|b| edge(b)).count();
    let body_end = if is_last {
        bytes.len() - bytes.iter().rev().take_while(|b| edge(b)).count()
    } else {
        bytes.len()
    };
    let body_end = body_end.max(lead);
    let marker_at = block_marker_at(bytes, lead, Underline::Too);
    for (i, c) in line.char_indices() {
        let edge_space = i < lead || i >= body_end;
        match c {
            ' ' if edge_space => out.push_str("&#32;"),
            '\t' | '\r' => {
                let _ = write!(out, "&#{};", c as u32);
            }
            c if c.is_control() => {
                let _ = write!(out, "&#{};", c as u32);
            }
            c if inline_special(c) || Some(i) == marker_at => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
}

/// Whether a value can be written: Markdown has no way to carry U+0000.
pub fn writable(value: &str) -> bool {
    !value.contains('\0')
}

/// Whether a setext underline (`=`) counts as a block marker, beside a
/// list's.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Underline {
    Too,
    No,
}

/// Where a block marker starts the text of a line whose text begins at
/// byte `lead`: `-`, `+` (and `=` with [`Underline::Too`]), or the `.`/`)`
/// after leading digits; it then needs a backslash. (`1.5` or `2.0.1`
/// start no list: a list marker is followed by a space.) Every byte up to
/// the marker is ASCII, so its offset is also its place among the chars.
fn block_marker_at(line: &[u8], lead: usize, underline: Underline) -> Option<usize> {
    let digits = line[lead..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    let after_dot = line.get(lead + digits + 1);
    match line.get(lead + digits) {
        Some(b'.' | b')') if digits > 0 && after_dot.is_none_or(|b| matches!(b, b' ' | b'\t')) => {
            Some(lead + digits)
        }
        Some(b'-' | b'+') if digits == 0 => Some(lead),
        Some(b'=') if digits == 0 && underline == Underline::Too => Some(lead),
        _ => None,
    }
}

/// Escapes plain text for use inside a Markdown paragraph, heading, list
/// item or emphasis: every character that could start inline syntax gets a
/// backslash, as does a list marker at the start, and line breaks become
/// spaces (plain texts are one line).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let bytes = text.as_bytes();
    let marker_at = block_marker_at(bytes, 0, Underline::No);
    // Every byte that needs a change is ASCII, so the text between two of
    // them is copied whole and stays UTF-8.
    let mut copied = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let change = ESCAPED[usize::from(b)];
        if change == Change::Keep && Some(i) != marker_at {
            continue;
        }
        out.push_str(&text[copied..i]);
        copied = i + 1;
        match change {
            Change::Space => out.push(' '),
            _ => {
                out.push('\\');
                out.push(char::from(b));
            }
        }
    }
    out.push_str(&text[copied..]);
    out
}

/// What [`escape`] does with a byte.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Change {
    Keep,
    Backslash,
    Space,
}

/// [`escape`]'s change for every byte: a backslash before an inline
/// special (and an image's `!`: a report's text has no images), a space
/// for a line break.
const ESCAPED: [Change; 256] = {
    let mut table = [Change::Keep; 256];
    let mut i = 0;
    while i < INLINE_SPECIAL.len() {
        table[INLINE_SPECIAL[i] as usize] = Change::Backslash;
        i += 1;
    }
    table[b'!' as usize] = Change::Backslash;
    table[b'\r' as usize] = Change::Space;
    table[b'\n' as usize] = Change::Space;
    table
};

/// Whether a character could start inline syntax.
fn inline_special(c: char) -> bool {
    c.is_ascii() && INLINE_SPECIAL.contains(&(c as u8))
}

/// Wraps text in a code span that holds it whatever backticks it contains.
pub fn code(text: &str) -> String {
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') || text.starts_with(' ') {
        " "
    } else {
        ""
    };
    format!(
        "{fence}{pad}{}{pad}{fence}",
        text.replace(['\r', '\n'], " ")
    )
}

#[cfg(test)]
mod tests {
    use pulldown_cmark::{Event, Parser};

    use super::*;

    /// The text a Markdown snippet reads as.
    fn read_back(markdown: &str) -> String {
        Parser::new_ext(markdown, pulldown_cmark::Options::all())
            .filter_map(|event| match event {
                Event::Text(t) | Event::Code(t) => Some(t.to_string()),
                _ => None,
            })
            .collect()
    }

    const HOSTILE: [&str; 16] = [
        "plain words",
        "a | b | c",
        "- [x] done",
        "# not a heading",
        "<script>alert(1)</script>",
        "*stars* and _under_ and `ticks`",
        "[link](javascript:alert(1))",
        "&amp; &#x41;",
        "1. first",
        "2.5 hours",
        "1.",
        "back\\slash",
        "~~strike~~",
        "![img](x.png)",
        "Välfärd & lärande ☕ مرحبا",
        "``` fence",
    ];

    #[test]
    fn escaped_text_reads_back_unchanged() {
        for text in HOSTILE {
            assert_eq!(
                read_back(&format!("**1. {}**", escape(text))),
                format!("1. {text}"),
                "{text}"
            );
            assert_eq!(read_back(&format!("## {}", escape(text))), text, "{text}");
            assert_eq!(read_back(&format!("- {}", escape(text))), text, "{text}");
        }
    }

    #[test]
    fn plain_prose_stays_readable() {
        assert_eq!(
            encode("Vi träffas kl. 10, sedan (kanske) lunch.", ""),
            "Vi träffas kl. 10, sedan (kanske) lunch."
        );
        assert_eq!(encode("rad ett\nrad två", "  "), "rad ett\\\n  rad två");
    }

    #[test]
    fn code_spans_hold_any_backticks() {
        for text in ["a == 'b'", "x ` y", "``double``", "`edge"] {
            assert_eq!(read_back(&code(text)), text, "{text}");
        }
    }
}
