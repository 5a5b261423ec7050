//! A pack's texts read from its TOML: one string, or a table with one per
//! language of the pack, each checked (not empty, no control characters,
//! one line, or Markdown with headings at level 3 or deeper, not nested
//! too deep).

use std::ops::Range;

use toml::Spanned;
use toml::de::DeValue;

use super::super::text::Text;
use super::report;
use crate::i18n::{Lang, Say};
use crate::toml_read::{FileCtx, Table, control_character, type_name};

/// How a text field is written.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum TextForm {
    /// One line of plain text.
    Line,
    /// Markdown, with headings at level 3 or deeper.
    Markdown,
    /// A term's words: one line, used as written, so without braces.
    Word,
}

/// The text getter of a pack's tables.
pub trait TextOf {
    /// A text field: a string, or a table of the pack's languages.
    fn text(&self, key: &'static str, required: bool, form: TextForm) -> Option<Text>;
}

impl TextOf for Table<'_> {
    fn text(&self, key: &'static str, required: bool, form: TextForm) -> Option<Text> {
        let Some(value) = self.raw(key) else {
            if required {
                self.missing(key);
            }
            return None;
        };
        read_value_text(self.ctx(), key, value, form)
    }
}

/// A text field's value, checked: a string, or a table of the pack's
/// languages.
pub fn read_value_text(
    ctx: &FileCtx<'_>,
    key: &str,
    value: &Spanned<DeValue<'_>>,
    form: TextForm,
) -> Option<Text> {
    let lang = ctx.lang;
    let languages = ctx.languages.borrow().clone();
    let text = match value.get_ref() {
        DeValue::String(s) => {
            check_wording(ctx, key, None, s, &value.span(), form);
            Text::Same(s.to_string())
        }
        DeValue::Table(table) => {
            let mut by_lang = Vec::new();
            for (code, wording) in table.iter() {
                let code_str: &str = code.get_ref();
                let known = code_str
                    .parse::<Lang>()
                    .ok()
                    .filter(|l| languages.contains(l));
                let Some(text_lang) = known else {
                    let message = Message::NotAPackLanguage {
                        code: code_str.to_string(),
                        languages: languages.clone(),
                    };
                    report(ctx, &code.span(), message);
                    continue;
                };
                match wording.get_ref() {
                    DeValue::String(s) => {
                        check_wording(ctx, key, Some(text_lang), s, &wording.span(), form);
                        by_lang.push((text_lang, s.to_string()));
                    }
                    other => {
                        let message = Message::WordingNotAString {
                            key: key.to_string(),
                            code: code_str.to_string(),
                            found: type_name(other).say(lang),
                        };
                        report(ctx, &wording.span(), message);
                    }
                }
            }
            let missing: Vec<Lang> = languages
                .iter()
                .copied()
                .filter(|l| !by_lang.iter().any(|(have, _)| have == l))
                .collect();
            if !missing.is_empty() {
                let key = key.to_string();
                report(ctx, &value.span(), Message::LacksLanguages { key, missing });
            }
            by_lang.sort_by_key(|(l, _)| languages.iter().position(|have| have == l));
            Text::ByLang(by_lang)
        }
        other => {
            let message = Message::TextWrongType {
                key: key.to_string(),
                found: type_name(other).say(lang),
            };
            report(ctx, &value.span(), message);
            return None;
        }
    };
    Some(text)
}

/// Checks one wording of a text: not empty; one line for plain text;
/// headings at level 3 or deeper for Markdown.
fn check_wording(
    ctx: &FileCtx<'_>,
    key: &str,
    in_lang: Option<Lang>,
    s: &str,
    span: &Range<usize>,
    form: TextForm,
) {
    let field = match in_lang {
        Some(l) => format!("{key}.{l}"),
        None => key.to_string(),
    };
    if s.trim().is_empty() {
        report(ctx, span, Message::EmptyText { field });
        return;
    }
    if let Some(character) = control_character(s) {
        let field = field.clone();
        report(ctx, span, Message::ControlCharacter { field, character });
    }
    braces(ctx, &field, s, span, form);
    match form {
        TextForm::Line | TextForm::Word if s.contains(['\n', '\r']) => {
            report(ctx, span, Message::NotOneLine { field });
        }
        TextForm::Markdown if crate::text::nesting::text_too_deep(s).is_some() => {
            let max = crate::text::nesting::MAX_NESTING;
            report(ctx, span, Message::NestsTooDeep { field, max });
        }
        TextForm::Markdown => {
            if let Some(level) = shallow_heading(s) {
                report(ctx, span, Message::ShallowHeading { field, level });
            }
        }
        TextForm::Line | TextForm::Word => {}
    }
}

/// The braces of a wording: a term's words have none; any other text's
/// terms are kept in `ctx` for the check against the pack's terms, and
/// what is wrong with its braces is reported.
fn braces(ctx: &FileCtx<'_>, field: &str, s: &str, span: &Range<usize>, form: TextForm) {
    use super::super::terms::{BraceError, Piece, scan};
    if form == TextForm::Word {
        if s.contains(['{', '}']) {
            let field = field.to_string();
            report(ctx, span, Message::BraceInWord { field });
        }
        return;
    }
    let field = field.to_string();
    match scan(s) {
        Ok(pieces) => {
            let mut braced = ctx.braced.borrow_mut();
            for piece in pieces {
                if let Piece::Term(name) = piece {
                    braced.push((name.to_string(), span.clone()));
                }
            }
        }
        Err(BraceError::Unclosed) => report(ctx, span, Message::UnclosedBrace { field }),
        Err(BraceError::Unopened) => report(ctx, span, Message::UnopenedBrace { field }),
        Err(BraceError::NotAnId(name)) => report(ctx, span, Message::NotATermId { field, name }),
    }
}

/// The level of the first heading above level 3, if any.
fn shallow_heading(markdown: &str) -> Option<usize> {
    use pulldown_cmark::{Event, Parser, Tag};
    Parser::new(markdown).find_map(|event| match event {
        Event::Start(Tag::Heading { level, .. }) if (level as usize) < 3 => Some(level as usize),
        _ => None,
    })
}

/// What checking a pack's texts says; worded in `words`.
#[derive(Clone, Debug)]
pub enum Message {
    /// A text's table with a key not among the pack's languages.
    NotAPackLanguage { code: String, languages: Vec<Lang> },
    /// A text's wording in one language that is not a string; `found`
    /// names the TOML type, in the reader's language.
    WordingNotAString {
        key: String,
        code: String,
        found: String,
    },
    /// A text's table without some of the pack's languages.
    LacksLanguages { key: String, missing: Vec<Lang> },
    /// A text that is neither a string nor a table of languages.
    TextWrongType { key: String, found: String },
    /// An empty text.
    EmptyText { field: String },
    /// A text holding a control character.
    ControlCharacter { field: String, character: char },
    /// A one-line text of more lines.
    NotOneLine { field: String },
    /// A Markdown text nested deeper than `max` levels.
    NestsTooDeep { field: String, max: usize },
    /// A Markdown text with a heading above level 3.
    ShallowHeading { field: String, level: usize },
    /// A text with a `{` that no `}` closes.
    UnclosedBrace { field: String },
    /// A text with a `}` that no `{` opens.
    UnopenedBrace { field: String },
    /// `{…}` in a text around something that is no term id.
    NotATermId { field: String, name: String },
    /// A term's words with a brace.
    BraceInWord { field: String },
    /// `{name}` in a text, and the pack has no such term.
    UnknownTerm { name: String, near: Option<String> },
}
