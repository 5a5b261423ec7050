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
use crate::i18n::{Lang, Said};

/// What reading TOML says; worded in `words`.
#[derive(Clone, Debug)]
pub enum Message {
    /// The table lacks the key `key`.
    MissingKey { key: String },
    /// `key` holds a value of the type `found` where `wanted` belongs.
    WrongType {
        key: String,
        wanted: Expected,
        found: ValueType,
    },
    /// The list `key` has `entries` entries, more than dino reads
    /// ([`MAX_LIST`]): split them up.
    TooLong { key: String, entries: usize },
    /// An entry of the list `key` is a `found` where `wanted` belongs.
    WrongEntry {
        key: String,
        wanted: Expected,
        found: ValueType,
    },
    /// `key` does not belong `here`, but to other kinds (`kinds`).
    NotHere {
        key: String,
        here: Said,
        kinds: Said,
    },
    /// An unknown key, and the valid one closest to it.
    UnknownKeyNear { key: String, near: String },
    /// An unknown key, and the keys valid here.
    UnknownKey { key: String, valid: Vec<String> },
    /// `id` is not a valid id (a lowercase slug).
    NotAnId { id: String },
    /// Invalid TOML: the parser's own message, in English.
    Syntax { english: String },
    /// `more` syntax errors past the ones named ([`MAX_TOML_ERRORS`]).
    MoreSyntaxErrors { more: usize },
    /// What the parser says is wrong, in English, alone (after what could
    /// not be read).
    Parser { english: String },
}

/// A TOML value's type, as found in a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueType {
    String,
    Integer,
    Float,
    Boolean,
    Datetime,
    Array,
    Table,
}

/// What a key's value should be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    String,
    /// `true` or `false`.
    Boolean,
    Integer,
    /// An integer or a float.
    Number,
    Table,
    Array,
}

/// One file being read: its text, the UI language (for the messages a
/// decoder still words itself), the languages its texts are written in
/// (a pack's; none elsewhere) and the findings so far.
pub struct FileCtx<'a> {
    pub src: &'a SourceText,
    pub lang: Lang,
    pub languages: RefCell<Vec<Lang>>,
    pub findings: &'a RefCell<Vec<Finding>>,
    /// The names written in braces (`{id}`) in the file's texts, each with
    /// its text's place: a pack's terms, checked once all are known.
    pub braced: RefCell<Vec<(String, Range<usize>)>>,
}

impl FileCtx<'_> {
    pub fn report(&self, span: &Range<usize>, message: impl Into<Said>) {
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

/// A value's type, named in words as TOML users know it.
pub fn type_name(value: &DeValue<'_>) -> ValueType {
    match value {
        DeValue::String(_) => ValueType::String,
        DeValue::Integer(_) => ValueType::Integer,
        DeValue::Float(_) => ValueType::Float,
        DeValue::Boolean(_) => ValueType::Boolean,
        DeValue::Datetime(_) => ValueType::Datetime,
        DeValue::Array(_) => ValueType::Array,
        DeValue::Table(_) => ValueType::Table,
    }
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
        let key = key.to_string();
        self.ctx.report(&self.span, Message::MissingKey { key });
    }

    fn wrong_type(&self, key: &str, value: &Spanned<DeValue<'_>>, wanted: Expected) {
        let message = Message::WrongType {
            key: key.to_string(),
            wanted,
            found: type_name(value.get_ref()),
        };
        self.ctx.report(&value.span(), message);
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
                self.wrong_type(key, value, Expected::String);
                None
            }
        }
    }

    /// An id: a lowercase slug.
    pub fn id(&self, key: &'static str) -> Option<(String, Range<usize>)> {
        let (id, span) = self.string(key, true)?;
        if let Err(message) = check_slug(&id) {
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
                self.wrong_type(key, value, Expected::Boolean);
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
                self.wrong_type(key, value, Expected::Integer);
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
                self.wrong_type(key, value, Expected::Number);
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
                self.wrong_type(key, value, Expected::Table);
                None
            }
        }
    }

    /// Every key of a table whose keys the file chooses (`[terms.ID]`),
    /// each with its span and value. Such a table has no unknown keys, so
    /// it is not `finish`ed.
    pub fn by_key(self) -> Vec<(String, Range<usize>, &'a Spanned<DeValue<'a>>)> {
        self.table
            .iter()
            .take(MAX_LIST)
            .map(|(key, value)| (key.get_ref().to_string(), key.span(), value))
            .collect()
    }

    /// `value`, under `key`, as a table; else says it is not one.
    pub fn table_in(
        ctx: &'a FileCtx<'a>,
        key: &str,
        value: &'a Spanned<DeValue<'a>>,
    ) -> Option<Table<'a>> {
        match value.get_ref() {
            DeValue::Table(t) => Some(Table::new(ctx, t, value.span())),
            found => {
                let message = Message::WrongType {
                    key: key.to_string(),
                    wanted: Expected::Table,
                    found: type_name(found),
                };
                ctx.report(&value.span(), message);
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
                self.wrong_type(key, value, Expected::Array);
                None
            }
        }
    }

    /// Says so when `array` (under `key`) holds more than `MAX_LIST`
    /// entries; the first `MAX_LIST` are read.
    fn too_long(&self, key: &str, array: &DeArray<'a>) {
        if let Some(first_over) = array.get(MAX_LIST) {
            let message = Message::TooLong {
                key: key.to_string(),
                entries: array.len(),
            };
            self.ctx.report(&first_over.span(), message);
        }
    }

    /// An array of tables (`[[items]]`, or inline tables in an array).
    pub fn tables(&self, key: &'static str, required: bool) -> Vec<Table<'a>> {
        let Some((array, _)) = self.array(key, required) else {
            return Vec::new();
        };
        self.too_long(key, array);
        array
            .iter()
            .take(MAX_LIST)
            .filter_map(|value| match value.get_ref() {
                DeValue::Table(t) => Some(Table::new(self.ctx, t, value.span())),
                other => {
                    self.wrong_entry(key, value, other, Expected::Table);
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
        array
            .iter()
            .take(MAX_LIST)
            .filter_map(|value| match value.get_ref() {
                DeValue::String(s) => Some((s.to_string(), value.span())),
                other => {
                    self.wrong_entry(key, value, other, Expected::String);
                    None
                }
            })
            .collect()
    }

    /// Says so when an entry (`value`, holding `found`) of the list `key`
    /// is not what the list holds.
    fn wrong_entry(
        &self,
        key: &str,
        value: &Spanned<DeValue<'_>>,
        found: &DeValue<'_>,
        wanted: Expected,
    ) {
        let message = Message::WrongEntry {
            key: key.to_string(),
            wanted,
            found: type_name(found),
        };
        self.ctx.report(&value.span(), message);
    }

    /// Reports every key that no getter asked for. `other_kinds` names keys
    /// that are valid elsewhere (for other item kinds), with where they belong.
    pub fn finish(self, other_kinds: &[(&str, Said)], here: impl Into<Said>) {
        let asked = self.asked.into_inner();
        let here = here.into();
        for key in self.table.keys() {
            let key_name: &str = key.get_ref();
            if !asked.contains(&key_name) {
                let message = unknown_key(key_name, &asked, other_kinds, &here);
                self.ctx.report(&key.span(), message);
            }
        }
    }
}

/// What is said of `key`, which no getter asked for: where it belongs,
/// else the closest key `asked`, else every key valid here.
fn unknown_key(key: &str, asked: &[&str], other_kinds: &[(&str, Said)], here: &Said) -> Message {
    let key_name = key.to_string();
    if let Some((_, kinds)) = other_kinds.iter().find(|(k, _)| *k == key) {
        return Message::NotHere {
            key: key_name,
            here: here.clone(),
            kinds: kinds.clone(),
        };
    }
    if let Some(near) = closest(key, asked.iter().copied()) {
        return Message::UnknownKeyNear {
            key: key_name,
            near: near.to_string(),
        };
    }
    let mut valid: Vec<String> = asked.iter().map(|k| (*k).to_string()).collect();
    valid.sort_unstable();
    valid.dedup();
    Message::UnknownKey {
        key: key_name,
        valid,
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
pub fn check_slug(id: &str) -> Result<(), Message> {
    let mut chars = id.chars();
    let starts_well = chars.next().is_some_and(|c| c.is_ascii_lowercase());
    let rest_well =
        chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-');
    if starts_well && rest_well && id.len() <= 64 {
        Ok(())
    } else {
        Err(Message::NotAnId { id: id.to_string() })
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
        let english = err.message().trim_end().to_string();
        findings
            .borrow_mut()
            .push(src.finding(&span, Message::Syntax { english }));
    }
    if let Some(next) = errors.get(MAX_TOML_ERRORS) {
        let span = next.span().unwrap_or(0..0);
        let message = Message::MoreSyntaxErrors { more };
        findings.borrow_mut().push(src.finding(&span, message));
    }
    None
}

/// Decodes the whole of `src` into `T`, for a file dino writes and reads
/// whole. A problem is one finding at its place: an unfinished merge, a
/// syntax error, or a key or value `T` does not take, said by
/// `unreadable` with why.
pub fn decode<T: serde::de::DeserializeOwned, S: Into<Said>>(
    src: &SourceText,
    unreadable: impl FnOnce(Said) -> S,
) -> Result<T, Finding> {
    if let Some(conflict) = crate::conflict::finding(src, &src.text) {
        return Err(conflict);
    }
    toml::from_str(&src.text).map_err(|err| {
        let span = err.span().unwrap_or(0..0);
        let english = err.message().trim_end().to_string();
        src.finding(&span, unreadable(Message::Parser { english }.into()))
    })
}

/// A TOML value written on its own (`"…"`, `'…'`, `"""…"""`), when it is
/// a string.
pub fn string_value(value: &str) -> Option<String> {
    let table = toml::from_str::<toml::Table>(&format!("v = {value}")).ok()?;
    table.get("v")?.as_str().map(str::to_string)
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
    use crate::i18n::Say;

    /// The findings of parsing `text` as `f.toml`, as printed.
    fn syntax_findings(text: &str) -> Vec<String> {
        let src = SourceText::new("f.toml", text.to_string());
        let findings = RefCell::new(Vec::new());
        assert!(parse(&src, &src.text, &findings).is_none());
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
        assert!(parse(&src, &src.text, &findings).is_none());
        let printed: Vec<String> = findings
            .into_inner()
            .iter()
            .map(|f| f.in_words(Lang::Sv))
            .collect();
        assert_eq!(printed, ["f.toml:2:1: ogiltig TOML: nyckeln finns redan"]);
    }

    #[test]
    fn english_is_the_crates_own() {
        let english = "unclosed array, expected `]`".to_string();
        let said = Message::Parser {
            english: english.clone(),
        };
        assert_eq!(said.say(Lang::En), english);
        assert_eq!(said.say(Lang::Sv), "listan avslutas inte; här väntades `]`");
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
