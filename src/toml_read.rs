//! Reading TOML with every position kept, the one way dino reads TOML:
//! `parse` gives the tree of a file a person writes (a pack, `workbook.toml`,
//! front matter, an answers file), read with typed getters that record a
//! finding (with line and column) instead of failing, and a `finish` that
//! names each key nobody asked for, with the closest valid one (the set of
//! valid keys is exactly the set the decoder asked about); `decode` reads a
//! file dino writes whole (the pack snapshot) into its type, a problem
//! placed in the file; `string_value` reads one string value. Beside it,
//! only `log::front_fast` reads TOML: front matter in the exact shape dino
//! writes, quickly.

use std::cell::RefCell;
use std::ops::Range;

use toml::Spanned;
use toml::de::{DeArray, DeTable, DeValue};

use crate::finding::{Finding, SourceText, closest};
use crate::i18n::Lang;
use crate::tr;

/// One file being read: its text, the UI language, the languages its texts
/// are written in (a pack's; none elsewhere) and the findings so far.
pub struct FileCtx<'a> {
    pub src: &'a SourceText,
    pub lang: Lang,
    pub languages: RefCell<Vec<Lang>>,
    pub findings: &'a RefCell<Vec<Finding>>,
}

impl FileCtx<'_> {
    pub fn report(&self, span: &Range<usize>, message: String) {
        self.findings
            .borrow_mut()
            .push(self.src.finding(span, message));
    }
}

/// A TOML table being read.
pub struct Table<'a> {
    ctx: &'a FileCtx<'a>,
    table: &'a DeTable<'a>,
    span: Range<usize>,
    asked: RefCell<Vec<&'static str>>,
}

/// Type names as TOML users know them; in Swedish, as they read in a
/// sentence ("inte ett heltal").
pub fn type_name(value: &DeValue<'_>, lang: Lang) -> &'static str {
    let (sv, en) = match value {
        DeValue::String(_) => ("en sträng", "string"),
        DeValue::Integer(_) => ("ett heltal", "integer"),
        DeValue::Float(_) => ("ett decimaltal", "float"),
        DeValue::Boolean(_) => ("ett sanningsvärde", "boolean"),
        DeValue::Datetime(_) => ("en tidpunkt", "datetime"),
        DeValue::Array(_) => ("en lista", "array"),
        DeValue::Table(_) => ("en tabell", "table"),
    };
    lang.pick(sv, en)
}

impl<'a> Table<'a> {
    pub fn new(ctx: &'a FileCtx<'a>, table: &'a DeTable<'a>, span: Range<usize>) -> Table<'a> {
        Table {
            ctx,
            table,
            span,
            asked: RefCell::new(Vec::new()),
        }
    }

    pub fn ctx(&self) -> &'a FileCtx<'a> {
        self.ctx
    }

    pub fn span(&self) -> Range<usize> {
        self.span.clone()
    }

    /// The raw value of a key, marking the key as known.
    pub fn raw(&self, key: &'static str) -> Option<&'a Spanned<DeValue<'a>>> {
        self.asked.borrow_mut().push(key);
        self.table.get(key)
    }

    pub fn missing(&self, key: &str) {
        let lang = self.ctx.lang;
        self.ctx.report(
            &self.span,
            tr!(lang, "nyckeln `{key}` saknas", "missing key `{key}`"),
        );
    }

    fn wrong_type(
        &self,
        key: &str,
        value: &Spanned<DeValue<'_>>,
        wanted_sv: &str,
        wanted_en: &str,
    ) {
        let lang = self.ctx.lang;
        let found = type_name(value.get_ref(), lang);
        let wanted = lang.pick(wanted_sv, wanted_en);
        self.ctx.report(
            &value.span(),
            tr!(
                lang,
                "`{key}` ska vara {wanted}, inte {found}",
                "`{key}` must be {wanted}, not {found}"
            ),
        );
    }

    /// A string value, with its span.
    pub fn string(&self, key: &'static str, required: bool) -> Option<(String, Range<usize>)> {
        let Some(value) = self.raw(key) else {
            if required {
                self.missing(key);
            }
            return None;
        };
        match value.get_ref() {
            DeValue::String(s) => Some((s.to_string(), value.span())),
            _ => {
                self.wrong_type(key, value, "en sträng", "a string");
                None
            }
        }
    }

    /// An id: a lowercase slug.
    pub fn id(&self, key: &'static str) -> Option<(String, Range<usize>)> {
        let (id, span) = self.string(key, true)?;
        if let Err(message) = check_slug(&id, self.ctx.lang) {
            self.ctx.report(&span, message);
            return None;
        }
        Some((id, span))
    }

    pub fn bool(&self, key: &'static str) -> Option<bool> {
        let value = self.raw(key)?;
        match value.get_ref() {
            DeValue::Boolean(b) => Some(*b),
            _ => {
                self.wrong_type(key, value, "true eller false", "true or false");
                None
            }
        }
    }

    pub fn integer(&self, key: &'static str, required: bool) -> Option<(i64, Range<usize>)> {
        let Some(value) = self.raw(key) else {
            if required {
                self.missing(key);
            }
            return None;
        };
        match integer_of(value.get_ref()) {
            Some(n) => Some((n, value.span())),
            None => {
                self.wrong_type(key, value, "ett heltal", "an integer");
                None
            }
        }
    }

    /// A number: an integer or a float.
    pub fn number(&self, key: &'static str) -> Option<(f64, Range<usize>)> {
        let value = self.raw(key)?;
        match number_of(value.get_ref()) {
            Some(n) => Some((n, value.span())),
            None => {
                self.wrong_type(key, value, "ett tal", "a number");
                None
            }
        }
    }

    /// A nested table.
    pub fn table(&self, key: &'static str) -> Option<Table<'a>> {
        let value = self.raw(key)?;
        match value.get_ref() {
            DeValue::Table(t) => Some(Table::new(self.ctx, t, value.span())),
            _ => {
                self.wrong_type(key, value, "en tabell", "a table");
                None
            }
        }
    }

    /// An array, with its span.
    pub fn array(
        &self,
        key: &'static str,
        required: bool,
    ) -> Option<(&'a DeArray<'a>, Range<usize>)> {
        let Some(value) = self.raw(key) else {
            if required {
                self.missing(key);
            }
            return None;
        };
        match value.get_ref() {
            DeValue::Array(a) => Some((a, value.span())),
            _ => {
                self.wrong_type(key, value, "en lista", "an array");
                None
            }
        }
    }

    /// Says so when `array` (under `key`) holds more than `MAX_LIST`
    /// entries; the first `MAX_LIST` are read.
    fn too_long(&self, key: &str, array: &DeArray<'a>) {
        if let Some(first_over) = array.get(MAX_LIST) {
            let (lang, n) = (self.ctx.lang, array.len());
            self.ctx.report(
                &first_over.span(),
                tr!(
                    lang,
                    "`{key}` har {n} poster; dino läser högst {MAX_LIST}: dela upp dem",
                    "`{key}` has {n} entries; dino reads at most {MAX_LIST}: split them up"
                ),
            );
        }
    }

    /// An array of tables (`[[items]]`, or inline tables in an array).
    pub fn tables(&self, key: &'static str, required: bool) -> Vec<Table<'a>> {
        let Some((array, _)) = self.array(key, required) else {
            return Vec::new();
        };
        self.too_long(key, array);
        let lang = self.ctx.lang;
        array
            .iter()
            .take(MAX_LIST)
            .filter_map(|value| match value.get_ref() {
                DeValue::Table(t) => Some(Table::new(self.ctx, t, value.span())),
                other => {
                    let found = type_name(other, lang);
                    self.ctx.report(
                        &value.span(),
                        tr!(
                            lang,
                            "varje post i `{key}` ska vara en tabell, inte {found}",
                            "each entry of `{key}` must be a table, not {found}"
                        ),
                    );
                    None
                }
            })
            .collect()
    }

    /// An array of strings, each with its span.
    pub fn strings(&self, key: &'static str, required: bool) -> Vec<(String, Range<usize>)> {
        let Some((array, _)) = self.array(key, required) else {
            return Vec::new();
        };
        self.too_long(key, array);
        let lang = self.ctx.lang;
        array
            .iter()
            .take(MAX_LIST)
            .filter_map(|value| match value.get_ref() {
                DeValue::String(s) => Some((s.to_string(), value.span())),
                other => {
                    let found = type_name(other, lang);
                    self.ctx.report(
                        &value.span(),
                        tr!(
                            lang,
                            "varje post i `{key}` ska vara en sträng, inte {found}",
                            "each entry of `{key}` must be a string, not {found}"
                        ),
                    );
                    None
                }
            })
            .collect()
    }

    /// Reports every key that no getter asked for. `other_kinds` names keys
    /// that are valid elsewhere (for other item kinds), with where they belong.
    pub fn finish(self, other_kinds: &[(&str, &str)], here: &str) {
        let asked = self.asked.into_inner();
        let lang = self.ctx.lang;
        for key in self.table.keys() {
            let key_name: &str = key.get_ref();
            if asked.contains(&key_name) {
                continue;
            }
            let span = key.span();
            let message = if let Some((_, kinds)) = other_kinds.iter().find(|(k, _)| *k == key_name)
            {
                tr!(
                    lang,
                    "`{key_name}` hör inte till {here} (den används av {kinds})",
                    "`{key_name}` does not belong to {here} (it is used by {kinds})"
                )
            } else if let Some(near) = closest(key_name, asked.iter().copied()) {
                tr!(
                    lang,
                    "okänd nyckel `{key_name}`; menade du `{near}`?",
                    "unknown key `{key_name}`; did you mean `{near}`?"
                )
            } else {
                let mut valid: Vec<&str> = asked.clone();
                valid.sort_unstable();
                valid.dedup();
                let valid = valid
                    .iter()
                    .map(|k| format!("`{k}`"))
                    .collect::<Vec<_>>()
                    .join(", ");
                tr!(
                    lang,
                    "okänd nyckel `{key_name}`; giltiga nycklar här: {valid}",
                    "unknown key `{key_name}`; valid keys here: {valid}"
                )
            };
            self.ctx.report(&span, message);
        }
    }
}

pub fn integer_of(value: &DeValue<'_>) -> Option<i64> {
    match value {
        DeValue::Integer(i) => i64::from_str_radix(&i.as_str().replace('_', ""), i.radix()).ok(),
        _ => None,
    }
}

pub fn number_of(value: &DeValue<'_>) -> Option<f64> {
    match value {
        DeValue::Integer(_) => integer_of(value).map(|n| n as f64),
        DeValue::Float(f) => f.as_str().replace('_', "").parse().ok(),
        _ => None,
    }
}

/// Checks that an id is a lowercase slug.
pub fn check_slug(id: &str, lang: Lang) -> Result<(), String> {
    let mut chars = id.chars();
    let starts_well = chars.next().is_some_and(|c| c.is_ascii_lowercase());
    let rest_well =
        chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-');
    if starts_well && rest_well && id.len() <= 64 {
        Ok(())
    } else {
        Err(tr!(
            lang,
            "`{id}` är inget giltigt id: börja med a–z, sedan a–z, 0–9, `_` eller `-`, högst 64 tecken",
            "`{id}` is not a valid id: start with a–z, then a–z, 0–9, `_` or `-`, at most 64 characters"
        ))
    }
}

/// The first control character in a text other than a line end (`\n`,
/// or `\r\n`) or a tab: escapes and the like, which a text has no use for
/// and which would reach the terminal of whoever reads it.
pub fn control_character(s: &str) -> Option<char> {
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        let allowed = match c {
            '\n' | '\t' => true,
            '\r' => chars.peek() == Some(&'\n'),
            c => !c.is_control(),
        };
        if !allowed {
            return Some(c);
        }
    }
    None
}

/// Parses `toml` (the whole of `src`, or a part of it with the rest blanked
/// so offsets still match), recording every syntax error as a finding.
pub fn parse<'a>(
    src: &SourceText,
    toml: &'a str,
    lang: Lang,
    findings: &RefCell<Vec<Finding>>,
) -> Option<Spanned<DeTable<'a>>> {
    if let Some(conflict) = crate::conflict::finding(src, toml) {
        findings.borrow_mut().push(conflict);
        return None;
    }
    let (tree, errors) = DeTable::parse_recoverable(toml);
    if errors.is_empty() {
        return Some(tree);
    }
    let more = errors.len().saturating_sub(MAX_TOML_ERRORS);
    // Where a key nests too deep, looked for once, if an error has no place.
    let deep_key = std::cell::OnceCell::new();
    for err in errors.iter().take(MAX_TOML_ERRORS) {
        let span = err
            .span()
            .or_else(|| deep_key.get_or_init(|| deep_key_at(toml)).map(|at| at..at))
            .unwrap_or(0..0);
        findings
            .borrow_mut()
            .push(src.finding(&span, invalid_toml(err.message(), lang)));
    }
    if let Some(next) = errors.get(MAX_TOML_ERRORS) {
        let span = next.span().unwrap_or(0..0);
        findings.borrow_mut().push(src.finding(
            &span,
            tr!(
                lang,
                "ogiltig TOML: och {more} fel till härifrån; rätta de första först",
                "invalid TOML: and {more} more errors from here; correct the first ones first"
            ),
        ));
    }
    None
}

/// Decodes the whole of `src` into `T`, for a file dino writes and reads
/// whole. A problem is one finding at its place: an unfinished merge, a
/// syntax error, or a key or value `T` does not take, worded by
/// `unreadable` from why, in the reader's language.
pub fn decode<T: serde::de::DeserializeOwned>(
    src: &SourceText,
    lang: Lang,
    unreadable: impl Fn(&str) -> String,
) -> Result<T, Finding> {
    if let Some(conflict) = crate::conflict::finding(src, &src.text) {
        return Err(conflict);
    }
    toml::from_str(&src.text).map_err(|err| {
        let span = err.span().unwrap_or(0..0);
        let why = crate::toml_words::in_lang(err.message().trim_end(), lang);
        src.finding(&span, unreadable(&why))
    })
}

/// A TOML value written on its own (`"…"`, `'…'`, `"""…"""`), when it is
/// a string.
pub fn string_value(value: &str) -> Option<String> {
    let table = toml::from_str::<toml::Table>(&format!("v = {value}")).ok()?;
    table.get("v")?.as_str().map(str::to_string)
}

/// A TOML syntax error from the toml crate, in the reader's language.
pub fn invalid_toml(message: &str, lang: Lang) -> String {
    let message = crate::toml_words::in_lang(message.trim_end(), lang);
    tr!(lang, "ogiltig TOML: {message}", "invalid TOML: {message}")
}

/// Where the first key (`a.b.c = …` or `[a.b.c]`) of more parts than TOML
/// reads starts: the toml crate names no place for that error.
fn deep_key_at(toml: &str) -> Option<usize> {
    let mut offset = 0;
    for line in toml.split_inclusive('\n') {
        let text = line.trim_start();
        let key = match text.strip_prefix('[') {
            Some(header) => header.split(']').next().unwrap_or_default(),
            None => text.split('=').next().unwrap_or_default(),
        };
        if key.matches('.').count() >= TOML_KEY_PARTS - 1 {
            return Some(offset + line.len() - text.len());
        }
        offset += line.len();
    }
    None
}

/// How many parts a dotted key may have before the toml crate refuses it.
const TOML_KEY_PARTS: usize = 80;

/// The most entries dino reads from one list in a file (items of a phase,
/// profile questions, options, phases): far more than a team can work
/// through, and few enough that checking a pack stays quick however it
/// was made.
pub const MAX_LIST: usize = 1000;

/// The most TOML syntax errors reported in one file: past them, the file is
/// not TOML at all, and naming each would take longer than reading it.
pub const MAX_TOML_ERRORS: usize = 20;

#[cfg(test)]
mod tests {
    use super::*;

    /// The findings of parsing `text` as `f.toml`, as printed.
    fn syntax_findings(text: &str) -> Vec<String> {
        let src = SourceText::new("f.toml", text.to_string());
        let findings = RefCell::new(Vec::new());
        assert!(parse(&src, &src.text, Lang::En, &findings).is_none());
        findings
            .into_inner()
            .iter()
            .map(|f| f.in_words(Lang::En))
            .collect()
    }

    #[test]
    fn a_key_of_too_many_parts_is_named_on_its_line() {
        let key = format!("deep{}", ".a".repeat(100_000));
        for text in [
            format!("a = 1\nb = 2\n  {key} = 1\n"),
            format!("a = 1\nb = 2\n  [{key}]\n"),
        ] {
            assert_eq!(
                syntax_findings(&text),
                ["f.toml:3:3: invalid TOML: recursion limit"]
            );
        }
    }

    #[test]
    fn nesting_too_deep_is_an_error_not_a_crash() {
        let findings = syntax_findings(&format!(
            "a = {}{}\n",
            "[".repeat(100_000),
            "]".repeat(100_000)
        ));
        assert!(findings[0].starts_with("f.toml:1:"), "{findings:?}");
        assert!(
            findings[0].contains("cannot recurse further"),
            "{findings:?}"
        );
    }

    #[test]
    fn an_unfinished_merge_is_one_finding_not_a_flood_of_syntax_errors() {
        let text = "a = 1\n<<<<<<< HEAD\nb = 2\n=======\nb = 3\n>>>>>>> theirs\n";
        let findings = syntax_findings(text);
        assert_eq!(findings.len(), 1, "{findings:?}");
        assert!(
            findings[0].starts_with("f.toml:2:1: an unfinished git merge"),
            "{findings:?}"
        );
    }

    #[test]
    fn syntax_errors_are_told_in_swedish_at_their_place() {
        let src = SourceText::new("f.toml", "a = 1\na = 2\n");
        let findings = RefCell::new(Vec::new());
        assert!(parse(&src, &src.text, Lang::Sv, &findings).is_none());
        let printed: Vec<String> = findings
            .into_inner()
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(printed, ["f.toml:2:1: ogiltig TOML: nyckeln finns redan"]);
    }

    #[test]
    fn a_flood_of_errors_is_cut_short() {
        let findings = syntax_findings(&"+++\n".repeat(1_000));
        assert_eq!(findings.len(), MAX_TOML_ERRORS + 1);
        assert!(
            findings[MAX_TOML_ERRORS].contains("and 981 more errors from here"),
            "{findings:?}"
        );
    }
}
