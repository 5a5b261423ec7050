//! Findings: problems in a user's file, each with a place (`file:line:col`)
//! and a message, reported all at once rather than one at a time.

use std::fmt;
use std::ops::Range;
use std::sync::OnceLock;

use crate::i18n::{Lang, Said};

/// One problem found in a file.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Finding {
    /// The file as the user would name it.
    pub file: String,
    /// 1-based line; 0 when the problem is with the file as a whole.
    pub line: usize,
    /// 1-based column, in characters.
    pub col: usize,
    /// What is wrong and what to do, worded when shown.
    pub message: Said,
}

impl Finding {
    /// A problem with a file as a whole (it is missing, unreadable, …).
    pub fn in_file(file: impl Into<String>, message: impl Into<Said>) -> Finding {
        Finding {
            file: file.into(),
            line: 0,
            col: 0,
            message: message.into(),
        }
    }
}

impl Finding {
    /// `file:line:col: message` in `lang`'s words, on one line, whatever
    /// the file's name or the quoted text holds (control characters are
    /// shown as `�`).
    pub fn in_words(&self, lang: Lang) -> String {
        use crate::text::terminal_md::visible;
        let file = visible(&self.file);
        let message = visible(&self.message.say(lang));
        if self.line == 0 {
            format!("{file}: {message}")
        } else {
            format!("{file}:{}:{}: {message}", self.line, self.col)
        }
    }
}

impl fmt::Display for Finding {
    /// The finding in the run's language (`Finding::in_words`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.in_words(crate::i18n::spoken()))
    }
}

/// A text with its name, able to turn byte offsets into lines and columns.
#[derive(Clone, Debug)]
pub struct SourceText {
    /// The file as the user would name it.
    pub name: String,
    pub text: String,
    /// Where lines and columns stand every [`MARK_STEP`] bytes, made the
    /// first time a place far into the text is asked for.
    marks: OnceLock<Vec<Mark>>,
}

/// A byte offset with its line and column.
#[derive(Clone, Copy, Debug)]
struct Mark {
    offset: usize,
    line: usize,
    col: usize,
}

impl Mark {
    /// The line and column after the character `c` (the offset is not
    /// followed: only the marks' own are kept).
    fn step(&mut self, c: char) {
        if c == '\n' {
            self.line += 1;
            self.col = 1;
        } else {
            self.col += 1;
        }
    }
}

/// How far apart the marks are: no place is counted from further back, so
/// that a file with many findings far into it is not counted through again
/// for each (which grows with the square of its size).
const MARK_STEP: usize = 4096;

impl SourceText {
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> SourceText {
        SourceText {
            name: name.into(),
            text: text.into(),
            marks: OnceLock::new(),
        }
    }

    /// The same text with each CRLF line end made LF, for a TOML file: a
    /// checkout with `core.autocrlf=true` then reads as the LF one does,
    /// line breaks inside a multi-line string included. Every other
    /// character keeps its line and column; a lone CR stays.
    pub fn with_lf_line_ends(self) -> SourceText {
        if !self.text.contains("\r\n") {
            return self;
        }
        SourceText::new(self.name, self.text.replace("\r\n", "\n"))
    }

    /// The 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(&self.text, offset.min(self.text.len()));
        let from = if offset < 2 * MARK_STEP {
            Mark {
                offset: 0,
                line: 1,
                col: 1,
            }
        } else {
            let marks = self.marks();
            marks[marks.partition_point(|m| m.offset <= offset) - 1]
        };
        let mut at = from;
        for c in self.text[from.offset..offset].chars() {
            at.step(c);
        }
        (at.line, at.col)
    }

    fn marks(&self) -> &[Mark] {
        self.marks.get_or_init(|| {
            let mut out = vec![Mark {
                offset: 0,
                line: 1,
                col: 1,
            }];
            let (mut at, mut next) = (out[0], MARK_STEP);
            for (i, c) in self.text.char_indices() {
                if i >= next {
                    out.push(Mark { offset: i, ..at });
                    next = i + MARK_STEP;
                }
                at.step(c);
            }
            out
        })
    }

    /// A finding at the start of `span`.
    pub fn finding(&self, span: &Range<usize>, message: impl Into<Said>) -> Finding {
        let (line, col) = self.line_col(span.start);
        Finding {
            file: self.name.clone(),
            line,
            col,
            message: message.into(),
        }
    }
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// The valid name closest to a misspelt one, if any is close enough to be a
/// plausible intent.
pub fn closest<'a>(wrong: &str, valid: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    valid
        .into_iter()
        .map(|candidate| (strsim::jaro_winkler(wrong, candidate), candidate))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, candidate)| candidate)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crlf_line_ends_become_lf_and_places_stay() {
        let crlf = SourceText::new(
            "a.toml",
            "a = 1\r\nb = \"\"\"\r\nx\r\ny\"\"\"\r\nc = \"\\r\"\rz",
        );
        let lf = crlf.clone().with_lf_line_ends();
        assert_eq!(lf.text, "a = 1\nb = \"\"\"\nx\ny\"\"\"\nc = \"\\r\"\rz");
        // `c` and the lone CR after its value keep their line and column.
        let c_at = |src: &SourceText| src.line_col(src.text.find('c').expect("c"));
        assert_eq!(c_at(&crlf), c_at(&lf));
        assert_eq!(c_at(&lf), (5, 1));
        let z_at = |src: &SourceText| src.line_col(src.text.find('z').expect("z"));
        assert_eq!(z_at(&crlf), z_at(&lf));
    }

    #[test]
    fn offsets_become_lines_and_character_columns() {
        let src = SourceText::new("x.toml", "ab\r\nåäö = 1\nz");
        assert_eq!(src.line_col(0), (1, 1));
        assert_eq!(src.line_col(4), (2, 1));
        // "åäö" is six bytes; the space after it is column 4.
        assert_eq!(src.line_col(10), (2, 4));
        assert_eq!(src.line_col(src.text.len()), (3, 2));
        // An offset inside a character counts from that character.
        assert_eq!(src.line_col(5), (2, 1));
    }

    #[test]
    fn places_far_into_a_long_text_are_counted_as_near_ones() {
        // Lines of every length, characters of every width, CRLF.
        let mut text = String::new();
        for i in 0..3000 {
            text.push_str(&"åx☕👩".repeat(i % 37));
            text.push_str(if i % 5 == 0 { "\r\n" } else { "\n" });
        }
        text.push_str(&"ä".repeat(20_000));
        let src = SourceText::new("x", text.clone());
        let naive = |offset: usize| {
            let offset = floor_char_boundary(&text, offset);
            let before = &text[..offset];
            let line = before.matches('\n').count() + 1;
            let start = before.rfind('\n').map_or(0, |i| i + 1);
            (line, before[start..].chars().count() + 1)
        };
        for offset in (0..text.len())
            .step_by(997)
            .chain([text.len(), text.len() - 1])
        {
            assert_eq!(src.line_col(offset), naive(offset), "{offset}");
        }
    }

    #[test]
    fn closest_suggests_only_plausible_names() {
        assert_eq!(closest("titel", ["title", "id", "items"]), Some("title"));
        assert_eq!(closest("requried", ["required", "kind"]), Some("required"));
        assert_eq!(closest("zzz", ["title", "id"]), None);
    }

    #[test]
    fn findings_print_as_file_line_col() {
        let f = Finding {
            file: "p/pack.toml".into(),
            line: 3,
            col: 7,
            message: "oops".into(),
        };
        assert_eq!(f.to_string(), "p/pack.toml:3:7: oops");
        assert_eq!(Finding::in_file("a", "gone").to_string(), "a: gone");
    }
}
