//! Writing a user's text into Markdown so that a CommonMark reader shows
//! exactly that text, and reading such text back. The rules are in
//! docs/log-format.md ("How values are written, and read back exactly").

use std::fmt::Write as _;
use std::ops::Range;

use pulldown_cmark::{Event, Tag};

/// Characters that could start inline syntax anywhere in a line.
const INLINE_SPECIAL: &[char] = &[
    '\\', '`', '*', '_', '[', ']', '<', '>', '#', '|', '~', '&', '$',
];

/// Encodes `value` as the inline content of a paragraph. Line breaks become
/// hard breaks, each followed by `cont` (the prefix a continuation line needs
/// in its container: `"  "` in a list item, `"> "` in a block quote).
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
    let chars: Vec<char> = line.chars().collect();
    let lead = chars.iter().take_while(|c| matches!(c, ' ' | '\t')).count();
    let body_end = if is_last {
        chars.len()
            - chars
                .iter()
                .rev()
                .take_while(|c| matches!(c, ' ' | '\t'))
                .count()
    } else {
        chars.len()
    };
    let body_end = body_end.max(lead);
    // A block marker at the start of the line's text: `-`, `+`, `=`, or the
    // `.`/`)` after leading digits.
    let digits = chars[lead..]
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count();
    // (`1.5` or `2.0.1` start no list: a list marker is followed by a space.)
    let after_dot = chars.get(lead + digits + 1);
    let marker_at = match chars.get(lead + digits) {
        Some('.' | ')') if digits > 0 && after_dot.is_none_or(|c| matches!(c, ' ' | '\t')) => {
            Some(lead + digits)
        }
        Some('-' | '+' | '=') if digits == 0 => Some(lead),
        _ => None,
    };
    for (i, &c) in chars.iter().enumerate() {
        let edge_space = i < lead || i >= body_end;
        match c {
            ' ' if edge_space => out.push_str("&#32;"),
            '\t' | '\r' => {
                let _ = write!(out, "&#{};", c as u32);
            }
            c if c.is_control() => {
                let _ = write!(out, "&#{};", c as u32);
            }
            c if INLINE_SPECIAL.contains(&c) || Some(i) == marker_at => {
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

/// Reads back inline content: the text of `events` (the inline events of
/// one paragraph, or part of one). Escapes and character references are
/// decoded by the parser; line breaks become `\n`; inline markup a person
/// wrote (emphasis, links, code spans, HTML) keeps its Markdown source.
pub fn decode(events: &[(Event<'_>, Range<usize>)], source: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for (event, range) in events {
        if depth > 0 {
            match event {
                Event::Start(_) => depth += 1,
                Event::End(_) => depth -= 1,
                _ => {}
            }
            continue;
        }
        match event {
            Event::Text(text) => out.push_str(text),
            Event::SoftBreak | Event::HardBreak => out.push('\n'),
            Event::Start(tag) if is_inline(tag) => {
                depth = 1;
                push_source(&mut out, source, range);
            }
            Event::Code(_)
            | Event::InlineHtml(_)
            | Event::Html(_)
            | Event::InlineMath(_)
            | Event::DisplayMath(_)
            | Event::FootnoteReference(_) => push_source(&mut out, source, range),
            _ => {}
        }
    }
    out
}

/// Source text as a person typed it, with CRLF read as a line break.
pub fn push_source(out: &mut String, source: &str, range: &Range<usize>) {
    out.push_str(&source[range.clone()].replace("\r\n", "\n"));
}

pub(super) fn is_inline(tag: &Tag<'_>) -> bool {
    matches!(
        tag,
        Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::Link { .. }
            | Tag::Image { .. }
    )
}

#[cfg(test)]
mod tests {
    use pulldown_cmark::Parser;

    use super::*;
    use crate::log::markdown_options;

    /// Writes `value` as the paragraph after a label and reads it back.
    fn round_trip(value: &str) -> String {
        let md = format!("**Svar:** {}\n", encode(value, ""));
        let events: Vec<_> = Parser::new_ext(&md, markdown_options())
            .into_offset_iter()
            .collect();
        // Skip Start(Paragraph), the label (Start, Text, End); stop at End.
        let inner = &events[4..events.len() - 1];
        let text = decode(inner, &md);
        text.strip_prefix(' ').unwrap_or(&text).to_string()
    }

    #[test]
    fn hostile_values_read_back_exactly() {
        for value in [
            "",
            "plain",
            "| - [x] <b>",
            "- [x] done\n- [ ] not",
            "# heading\n## two",
            "```rust\nfn main() {}\n```",
            "````` and `` ticks",
            "+++\nkind = \"x\"\n+++",
            "<script>alert(1)</script>",
            "a\r\nb\rc",
            "\ttab\t",
            "  lead and trail  ",
            "\n\nblank lines around\n\n",
            "a\n\n\nb",
            "1. one\n2) two\n10. ten\n3.\n4.5 timmar\n1.0.0",
            "===\n---\n***\n___",
            "> quote\n>> deeper",
            "&amp; &#65; \\ \\\\",
            "[link](javascript:alert(1)) ![i](x)",
            "مرحبا עברית\u{202e}rev\u{202c}",
            "e\u{301}\u{301} 👩‍👩‍👧 ☕",
            "\u{b}\u{c}\u{7f}\u{85}",
            "trailing backslash\\",
            "    indented code",
            "\u{a0}nbsp\u{a0}",
        ] {
            assert_eq!(round_trip(value), value, "{value:?}");
        }
    }

    #[test]
    fn a_long_line_reads_back() {
        let value = "ord *och* | tecken ".repeat(5000);
        assert_eq!(round_trip(&value), value);
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
    fn markup_a_person_wrote_is_kept_as_written() {
        let md = "**Svar:** vi *testar* `kod` och [länk](https://x.se)\r\nnästa rad\n";
        let events: Vec<_> = Parser::new_ext(md, markdown_options())
            .into_offset_iter()
            .collect();
        let text = decode(&events[4..events.len() - 1], md);
        assert_eq!(
            text,
            " vi *testar* `kod` och [länk](https://x.se)\nnästa rad"
        );
    }
}
