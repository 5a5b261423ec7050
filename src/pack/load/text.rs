//! A pack's texts read from its TOML: one string, or a table with one per
//! language of the pack, each checked (not empty, no control characters,
//! one line, or Markdown with headings at level 3 or deeper, not nested
//! too deep).

use std::ops::Range;

use toml::Spanned;
use toml::de::DeValue;

use super::super::text::Text;
use crate::i18n::{Lang, Say};
use crate::toml_read::{FileCtx, Table, control_character, type_name};
use crate::tr;

/// How a text field is written.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum TextForm {
    /// One line of plain text.
    Line,
    /// Markdown, with headings at level 3 or deeper.
    Markdown,
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
                    let declared = codes(&languages);
                    ctx.report(
                        &code.span(),
                        tr!(
                            lang,
                            "`{code_str}` är inget av paketets språk ({declared})",
                            "`{code_str}` is not one of the pack's languages ({declared})"
                        ),
                    );
                    continue;
                };
                match wording.get_ref() {
                    DeValue::String(s) => {
                        check_wording(ctx, key, Some(text_lang), s, &wording.span(), form);
                        by_lang.push((text_lang, s.to_string()));
                    }
                    other => {
                        let found = type_name(other).say(lang);
                        ctx.report(
                            &wording.span(),
                            tr!(
                                lang,
                                "`{key}.{code_str}` ska vara en sträng, inte {found}",
                                "`{key}.{code_str}` must be a string, not {found}"
                            ),
                        );
                    }
                }
            }
            let missing: Vec<Lang> = languages
                .iter()
                .copied()
                .filter(|l| !by_lang.iter().any(|(have, _)| have == l))
                .collect();
            if !missing.is_empty() {
                let missing = codes(&missing);
                ctx.report(
                    &value.span(),
                    tr!(
                        lang,
                        "`{key}` saknar språket {missing}",
                        "`{key}` lacks the language {missing}"
                    ),
                );
            }
            by_lang.sort_by_key(|(l, _)| languages.iter().position(|have| have == l));
            Text::ByLang(by_lang)
        }
        other => {
            let found = type_name(other).say(lang);
            ctx.report(
                &value.span(),
                tr!(
                    lang,
                    "`{key}` ska vara en sträng eller en tabell med språk, inte {found}",
                    "`{key}` must be a string or a table of languages, not {found}"
                ),
            );
            return None;
        }
    };
    Some(text)
}

fn codes(languages: &[Lang]) -> String {
    languages
        .iter()
        .map(|l| l.code())
        .collect::<Vec<_>>()
        .join(", ")
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
    let lang = ctx.lang;
    let field = match in_lang {
        Some(l) => format!("{key}.{l}"),
        None => key.to_string(),
    };
    if s.trim().is_empty() {
        ctx.report(span, tr!(lang, "`{field}` är tom", "`{field}` is empty"));
        return;
    }
    if let Some(c) = control_character(s) {
        let code = format!("U+{:04X}", c as u32);
        ctx.report(
            span,
            tr!(
                lang,
                "`{field}` innehåller styrtecknet {code}, som kan styra om en terminal; ta bort det",
                "`{field}` holds the control character {code}, which can take over a terminal; remove it"
            ),
        );
    }
    match form {
        TextForm::Line if s.contains(['\n', '\r']) => {
            ctx.report(
                span,
                tr!(
                    lang,
                    "`{field}` ska vara en enda rad",
                    "`{field}` must be a single line"
                ),
            );
        }
        TextForm::Markdown if crate::text::nesting::text_too_deep(s).is_some() => {
            let max = crate::text::nesting::MAX_NESTING;
            ctx.report(
                span,
                tr!(
                    lang,
                    "`{field}` är nästlad djupare än {max} nivåer (citat och listor i varandra); gör den plattare",
                    "`{field}` nests deeper than {max} levels (quotes and lists inside one another); make it flatter"
                ),
            );
        }
        TextForm::Markdown => {
            if let Some(level) = shallow_heading(s) {
                let hashes = "#".repeat(level);
                ctx.report(
                    span,
                    tr!(
                        lang,
                        "`{field}` har en rubrik på nivå {level} (`{hashes}`); använd `###` eller djupare så att den hamnar under fasen i handboken",
                        "`{field}` has a level {level} heading (`{hashes}`); use `###` or deeper so it nests under the phase in the handbook"
                    ),
                );
            }
        }
        TextForm::Line => {}
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
