//! Git conflict markers: a file left by an unfinished `git merge` is named
//! once, at its first marker, instead of as the many syntax errors the
//! markers would make of it.
//!
//! A file is taken to hold a conflict when a line starts with `<<<<<<< ` or
//! `>>>>>>> ` (git writes both); the first such line, or a `=======` or
//! `||||||| ` line between them, is the place named. A lone `=======` is
//! not a conflict: Markdown underlines headings with it.

use std::ops::Range;

use crate::finding::{Finding, SourceText};

/// The byte range of the first conflict-marker line in `text`, if `text`
/// holds a conflict.
pub fn marker_at(text: &str) -> Option<Range<usize>> {
    // Most files hold no marker at all: found out without a walk by lines.
    if !might_hold_marker(text) {
        return None;
    }
    let mut offset = 0;
    let mut first = None;
    let mut outer = false;
    for line in text.split_inclusive('\n') {
        let bare = line.trim_end_matches(['\n', '\r']);
        let is_outer = is_outer(bare);
        let is_inner = bare == "=======" || bare.starts_with("||||||| ");
        if (is_outer || is_inner) && first.is_none() {
            first = Some(offset..offset + bare.len());
        }
        outer |= is_outer;
        if outer && first.is_some() {
            return first;
        }
        offset += line.len();
    }
    None
}

/// Whether `text` holds `<<<<<<<` or `>>>>>>>` anywhere; every file read
/// is looked through, so with a vector search.
fn might_hold_marker(text: &str) -> bool {
    use memchr::memmem::Finder;
    use std::sync::LazyLock;
    static OPEN: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("<<<<<<<"));
    static CLOSE: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(">>>>>>>"));
    let bytes = text.as_bytes();
    OPEN.find(bytes).is_some() || CLOSE.find(bytes).is_some()
}

/// Whether a line opens or closes a conflict.
fn is_outer(line: &str) -> bool {
    ["<<<<<<<", ">>>>>>>"]
        .iter()
        .any(|m| line == *m || line.strip_prefix(m).is_some_and(|r| r.starts_with(' ')))
}

/// The finding for a file in `src` (or the part `text` of it, offsets
/// matching) that holds a conflict.
pub fn finding(src: &SourceText, text: &str) -> Option<Finding> {
    let at = marker_at(text)?;
    Some(src.finding(&at, Message::UnfinishedMerge))
}

/// What this module says; worded in `words`.
#[derive(Clone, Debug)]
pub enum Message {
    /// Conflict markers are left in a file: what they mean and what to do.
    UnfinishedMerge,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn line_of(text: &str) -> Option<usize> {
        marker_at(text).map(|at| text[..at.start].matches('\n').count() + 1)
    }

    #[test]
    fn the_first_marker_of_a_conflict_is_named() {
        let text = "a = 1\n<<<<<<< HEAD\nb = 2\n=======\nb = 3\n>>>>>>> other\n";
        assert_eq!(line_of(text), Some(2));
        let crlf = text.replace('\n', "\r\n");
        assert_eq!(line_of(&crlf), Some(2));
        assert_eq!(
            marker_at(&crlf).map(|r| r.len()),
            Some("<<<<<<< HEAD".len())
        );
    }

    #[test]
    fn a_half_resolved_conflict_is_named_at_what_is_left() {
        assert_eq!(line_of("a\n=======\nb\n>>>>>>> theirs\n"), Some(2));
        assert_eq!(line_of("a\n>>>>>>>\n"), Some(2));
    }

    #[test]
    fn a_heading_underline_or_a_quote_is_no_conflict() {
        assert_eq!(line_of("Title\n=======\n\ntext\n"), None);
        assert_eq!(line_of("> >>>>>> quoted\n<<<<<<<<< eight\n"), None);
        assert_eq!(line_of("x = \"<<<<<<< HEAD\"\n"), None);
    }

    #[test]
    fn the_finding_has_the_line_and_says_what_to_do() {
        let src = SourceText::new("w.toml", "a = 1\n<<<<<<< HEAD\n");
        let f = finding(&src, &src.text).expect("a conflict");
        assert!(
            f.in_words(Lang::En)
                .starts_with("w.toml:2:1: an unfinished git merge"),
            "{f}"
        );
        assert!(f.message.say(Lang::En).contains("git add"));
    }
}
