//! How deep Markdown may nest. Block quotes and lists inside one another
//! are read into a tree, and a tree thousands of levels deep would exhaust
//! the stack of whatever walks it (or drops it); so an entry's body, or a
//! pack's Markdown text, nested deeper than [`MAX_NESTING`] is refused,
//! when read and before written.

use std::ops::Range;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use super::html::markdown_options;

/// The deepest block quotes and lists may nest in an entry's body or a
/// pack's text.
pub const MAX_NESTING: usize = 32;

/// Where (a byte range of `events`' source) the body first nests deeper
/// than [`MAX_NESTING`], if it does.
pub fn too_deep<'a, I>(events: I) -> Option<Range<usize>>
where
    I: IntoIterator<Item = (Event<'a>, Range<usize>)>,
{
    let mut depth = 0usize;
    events
        .into_iter()
        .find(|(event, _)| deeper(&mut depth, event))
        .map(|(_, range)| range)
}

/// Follows `depth` through one event; whether it is now past
/// [`MAX_NESTING`].
pub fn deeper(depth: &mut usize, event: &Event<'_>) -> bool {
    match event {
        Event::Start(Tag::BlockQuote(_) | Tag::List(_)) => {
            *depth += 1;
            *depth > MAX_NESTING
        }
        Event::End(TagEnd::BlockQuote(_) | TagEnd::List(_)) => {
            *depth = depth.saturating_sub(1);
            false
        }
        _ => false,
    }
}

/// Where a Markdown text (a note's body as a person wrote it) first nests
/// too deep, if it does.
pub fn text_too_deep(markdown: &str) -> Option<Range<usize>> {
    line_too_deep(markdown)
        .or_else(|| too_deep(Parser::new_ext(markdown, markdown_options()).into_offset_iter()))
}

/// Where a line first starts with more than [`MAX_NESTING`] quote or list
/// markers (`> - 1. > …`), if one does. Checked before the Markdown is
/// parsed: every later line costs the parser a step per open container, so
/// a line opening thousands of them would make reading take minutes.
pub fn line_too_deep(markdown: &str) -> Option<Range<usize>> {
    let bytes = markdown.as_bytes();
    // Every line's start. A marker never reaches past its line's end: a
    // line end is none.
    let starts = std::iter::once(0).chain(memchr::memchr_iter(b'\n', bytes).map(|at| at + 1));
    starts
        .filter(|&start| start < bytes.len())
        .find_map(|start| marker_past_limit(&bytes[start..]).map(|at| start + at..start + at + 1))
}

/// The offset of the first container marker past the limit at the start
/// of a line, if there is one.
fn marker_past_limit(line: &[u8]) -> Option<usize> {
    let mut i = 0;
    let mut depth = 0;
    loop {
        // The space between markers (more would make the rest code).
        let mut spaces = 0;
        while spaces < 4 && matches!(line.get(i), Some(b' ' | b'\t')) {
            i += 1;
            spaces += 1;
        }
        let start = i;
        i = after_marker(line, i)?;
        depth += 1;
        if depth > MAX_NESTING {
            return Some(start);
        }
    }
}

/// Where a quote or list marker at `i` ends, if one is there.
fn after_marker(line: &[u8], i: usize) -> Option<usize> {
    let ends_marker = |at: usize| matches!(line.get(at), None | Some(b' ' | b'\t' | b'\n' | b'\r'));
    match line.get(i)? {
        b'>' => Some(i + 1),
        b'-' | b'+' | b'*' if ends_marker(i + 1) => Some(i + 1),
        b'0'..=b'9' => {
            let digits = line[i..]
                .iter()
                .take(9)
                .take_while(|b| b.is_ascii_digit())
                .count();
            let end = i + digits;
            (matches!(line.get(end), Some(b'.' | b')')) && ends_marker(end + 1)).then_some(end + 1)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn case(markdown: &str, deep: bool) {
        assert_eq!(text_too_deep(markdown).is_some(), deep, "{markdown:?}");
    }

    #[test]
    fn nesting_up_to_the_limit_is_read_and_beyond_it_refused() {
        case("plain text", false);
        case(&format!("{} x", ">".repeat(MAX_NESTING)), false);
        case(&format!("{} x", ">".repeat(MAX_NESTING + 1)), true);
        case(&format!("{}x", "- ".repeat(MAX_NESTING)), false);
        case(&format!("{}x", "- ".repeat(MAX_NESTING + 1)), true);
        case(&format!("{}x", "> - ".repeat(MAX_NESTING / 2 + 1)), true);
        // Siblings do not add up: only depth counts.
        case(&"> a\n\n".repeat(1000), false);
    }

    #[test]
    fn the_place_is_where_the_limit_is_crossed() {
        let text = format!("ok\n\n{} x", ">".repeat(5000));
        let at = text_too_deep(&text).expect("too deep");
        assert_eq!(at.start, 4 + MAX_NESTING);
    }

    #[test]
    fn a_line_of_markers_is_refused_before_parsing_where_parsing_would_refuse_it() {
        for text in [
            format!("{} x", ">".repeat(5000)),
            format!("a\n\n{}x", "- ".repeat(5000)),
            format!("{}x", "> 1. * ".repeat(2000)),
        ] {
            let early = line_too_deep(&text).expect("refused early");
            let parsed = too_deep(Parser::new_ext(&text, markdown_options()).into_offset_iter());
            assert_eq!(Some(early.start), parsed.map(|r| r.start), "{text:.40}");
        }
        assert_eq!(
            line_too_deep(&format!("{}x", "> ".repeat(MAX_NESTING))),
            None
        );
        assert_eq!(line_too_deep(&format!("{}x", "-- ".repeat(100))), None);
        assert_eq!(line_too_deep(&format!("{}x", "1.5 ".repeat(100))), None);
    }

    #[test]
    fn lines_after_a_deep_line_cost_no_time() {
        let text = format!("{}x\n{}", "- ".repeat(20_000), "+++\n".repeat(50_000));
        let start = std::time::Instant::now();
        assert!(text_too_deep(&text).is_some());
        assert!(start.elapsed() < std::time::Duration::from_secs(2));
    }

    #[test]
    fn very_deep_input_is_refused_without_exhausting_the_stack() {
        case(&format!("{} x", ">".repeat(100_000)), true);
        case(&format!("{}x", "- ".repeat(50_000)), true);
        case(&format!("{}x", "1. ".repeat(50_000)), true);
        case(
            &format!("{}x{}", "*a ".repeat(50_000), "*".repeat(50_000)),
            false,
        );
        case(
            &format!("{}x{}", "[".repeat(50_000), "](u)".repeat(50_000)),
            false,
        );
    }
}
