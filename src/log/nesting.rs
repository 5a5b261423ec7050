//! How deep an entry's Markdown may nest. Block quotes and lists inside one
//! another are read into a tree, and a tree thousands of levels deep would
//! exhaust the stack of whatever walks it (or drops it); so a body nested
//! deeper than [`MAX_NESTING`] is refused, when read and before written.

use std::ops::Range;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use super::markdown_options;

/// The deepest block quotes and lists may nest in an entry's body.
pub const MAX_NESTING: usize = 32;

/// Where (a byte range of `events`' source) the body first nests deeper
/// than [`MAX_NESTING`], if it does.
pub fn too_deep<'a, I>(events: I) -> Option<Range<usize>>
where
    I: IntoIterator<Item = (Event<'a>, Range<usize>)>,
{
    let mut depth = 0usize;
    for (event, range) in events {
        match event {
            Event::Start(Tag::BlockQuote(_) | Tag::List(_)) => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Some(range);
                }
            }
            Event::End(TagEnd::BlockQuote(_) | TagEnd::List(_)) => {
                depth = depth.saturating_sub(1);
            }
            _ => {}
        }
    }
    None
}

/// Where a Markdown text (a note's body as a person wrote it) first nests
/// too deep, if it does.
pub fn text_too_deep(markdown: &str) -> Option<Range<usize>> {
    too_deep(Parser::new_ext(markdown, markdown_options()).into_offset_iter())
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
