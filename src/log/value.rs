//! Reading a user's text back from an entry's Markdown, as
//! `text::markdown::encode` wrote it. The rules are in docs/log-format.md
//! ("How values are written, and read back exactly").

use std::ops::Range;

use pulldown_cmark::{Event, Tag};

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
    use crate::text::markdown::encode;

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
