//! `workbook.toml`: the workbook's name, language, pack and profile
//! answers (docs/log-format.md), written in a fixed order and read back with
//! positions for every problem.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::ops::Range;

use crate::finding::{Finding, SourceText};
use crate::i18n::Lang;
use crate::log::Stamp;
use crate::log::toml_string;
use crate::pack::condition::Value;
use crate::toml_read::{FileCtx, Table};

/// What reading `workbook.toml` says; worded in `words`.
#[derive(Clone, Debug)]
pub enum Message {
    /// `created` is not a time with an offset.
    CreatedNotATime,
    /// `language` names no language dino speaks.
    NotALanguage,
    /// There is no `[pack]` table.
    NoPackTable,
    /// `profile` is not a table.
    ProfileNotATable,
    /// The profile answer `key` is not a plain value.
    ProfileAnswerNotPlain { key: String },
}

/// What `workbook.toml` holds.
#[derive(Clone, Debug, PartialEq)]
pub struct WorkbookFile {
    pub name: String,
    pub id: String,
    pub created: Stamp,
    pub language: Lang,
    pub pack: PackRef,
    /// Profile answers by item id, as written (checked against the pack
    /// when the workbook is opened).
    pub profile: BTreeMap<String, Value>,
}

/// Which pack a workbook follows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PackRef {
    pub id: String,
    pub version: String,
    pub hash: String,
    /// A pack folder, relative to the workbook; `None` for a built-in pack.
    pub path: Option<String>,
}

/// A profile answer as TOML.
pub fn value_toml(value: &Value) -> String {
    match value {
        Value::Bool(b) => b.to_string(),
        Value::Num(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
        Value::Num(n) => n.to_string(),
        Value::Str(s) => toml_string(s),
        Value::List(items) => {
            let items: Vec<String> = items.iter().map(value_toml).collect();
            format!("[{}]", items.join(", "))
        }
    }
}

impl WorkbookFile {
    pub fn render(&self) -> String {
        let mut out = String::new();
        out.push_str(&format!("name = {}\n", toml_string(&self.name)));
        out.push_str(&format!("id = {}\n", toml_string(&self.id)));
        out.push_str(&format!("created = {}\n", self.created));
        out.push_str(&format!("language = \"{}\"\n", self.language.code()));
        out.push_str("\n[pack]\n");
        out.push_str(&format!("id = {}\n", toml_string(&self.pack.id)));
        out.push_str(&format!("version = {}\n", toml_string(&self.pack.version)));
        out.push_str(&format!("hash = {}\n", toml_string(&self.pack.hash)));
        if let Some(path) = &self.pack.path {
            out.push_str(&format!("path = {}\n", toml_string(path)));
        }
        out.push_str("\n[profile]\n");
        for (id, value) in &self.profile {
            out.push_str(&format!("{id} = {}\n", value_toml(value)));
        }
        out
    }

    /// Writes `workbook.toml` into the workbook folder `dir` (atomically,
    /// once it is known to read back as `self`); returns its path.
    pub fn write(&self, dir: &std::path::Path, lang: Lang) -> anyhow::Result<std::path::PathBuf> {
        let path = dir.join(super::WORKBOOK_FILE);
        crate::fsio::write_atomic_in(dir, &path, self.text(lang)?.as_bytes())?;
        Ok(path)
    }

    /// The file's text, once it is known to read back as `self`.
    pub fn text(&self, lang: Lang) -> anyhow::Result<String> {
        let read = |src: &SourceText| WorkbookFile::read(src, lang).map(|(file, _)| file);
        crate::log::readback::toml_text(super::WORKBOOK_FILE, self.render(), self, read)
    }

    /// Reads `workbook.toml`. Profile values come back as read; their kinds
    /// are checked against the pack by the caller, with `profile_spans`.
    pub fn read(src: &SourceText, lang: Lang) -> Result<(WorkbookFile, Spans), Vec<Finding>> {
        let findings = RefCell::new(Vec::new());
        let Some(tree) = crate::toml_read::parse(src, &src.text, &findings) else {
            return Err(findings.into_inner());
        };
        let ctx = FileCtx {
            src,
            lang,
            languages: RefCell::new(Vec::new()),
            findings: &findings,
            braced: RefCell::default(),
        };
        let root = Table::new(&ctx, tree.get_ref(), 0..0);
        let name = root.string("name", true).map(|(n, _)| n);
        let id = root.string("id", true).map(|(i, _)| i);
        let created = read_created(&root);
        let language = read_language(&root);
        let mut spans = Spans::default();
        let pack = read_pack_ref(&root, &mut spans.pack);
        let profile = read_profile(&root, &mut spans.profile);
        spans.profile_table = root.raw("profile").map(|t| t.span());
        root.finish(&[], "workbook.toml");
        let file = match (name, id, created, language, pack) {
            (Some(name), Some(id), Some(created), Some(language), Some(pack)) => {
                Some(WorkbookFile {
                    name,
                    id,
                    created,
                    language,
                    pack,
                    profile,
                })
            }
            _ => None,
        };
        let findings = findings.into_inner();
        match file {
            Some(file) if findings.is_empty() => Ok((file, spans)),
            _ => Err(findings),
        }
    }
}

/// `created`: a time with an offset.
fn read_created(root: &Table<'_>) -> Option<Stamp> {
    let v = root.raw("created")?;
    let text = match v.get_ref() {
        toml::de::DeValue::Datetime(dt) => dt.to_string(),
        toml::de::DeValue::String(s) => s.to_string(),
        _ => String::new(),
    };
    let stamp = Stamp::parse(&text).ok();
    if stamp.is_none() {
        report(root.ctx(), &v.span(), Message::CreatedNotATime);
    }
    stamp
}

/// `language`: the language entries are written in.
fn read_language(root: &Table<'_>) -> Option<Lang> {
    let (code, span) = root.string("language", true)?;
    let parsed = code.parse::<Lang>().ok();
    if parsed.is_none() {
        report(root.ctx(), &span, Message::NotALanguage);
    }
    parsed
}

/// The `[pack]` table, which must be there, with where its values are.
fn read_pack_ref(root: &Table<'_>, at: &mut PackSpans) -> Option<PackRef> {
    let pack = root.table("pack").and_then(|t| {
        at.table = t.span();
        let id = t.string("id", true).map(|(i, span)| {
            at.id = span;
            i
        });
        let version = t.string("version", true).map(|(v, span)| {
            at.version = span;
            v
        });
        let hash = t.string("hash", false).map(|(h, _)| h).unwrap_or_default();
        let path = t.string("path", false).map(|(p, span)| {
            at.path = span;
            p
        });
        t.finish(&[], "[pack]");
        Some(PackRef {
            id: id?,
            version: version?,
            hash,
            path,
        })
    });
    if root.raw("pack").is_none() {
        report(root.ctx(), &(0..0), Message::NoPackTable);
    }
    pack
}

/// The `[profile]` answers as read, with where each key and value is; their
/// kinds are checked against the pack later.
fn read_profile(
    root: &Table<'_>,
    at: &mut BTreeMap<String, (Range<usize>, Range<usize>)>,
) -> BTreeMap<String, Value> {
    let mut profile = BTreeMap::new();
    let Some(t) = root.raw("profile") else {
        return profile;
    };
    let ctx = root.ctx();
    let toml::de::DeValue::Table(table) = t.get_ref() else {
        report(ctx, &t.span(), Message::ProfileNotATable);
        return profile;
    };
    for (key, value) in table.iter() {
        let key_str: &str = key.get_ref();
        match crate::pack::plain_value(value.get_ref()) {
            Some(v) => {
                profile.insert(key_str.to_string(), v);
                at.insert(key_str.to_string(), (key.span(), value.span()));
            }
            None => {
                let key = key_str.to_string();
                report(ctx, &value.span(), Message::ProfileAnswerNotPlain { key });
            }
        }
    }
    profile
}

/// A finding at `span` in the file `ctx` reads.
fn report(ctx: &FileCtx<'_>, span: &Range<usize>, message: Message) {
    ctx.findings
        .borrow_mut()
        .push(ctx.src.finding(span, message));
}

/// Where the values of `workbook.toml` are written, for findings about
/// them once the pack is known.
#[derive(Clone, Debug, Default)]
pub struct Spans {
    /// Each profile answer: the key's span and the value's.
    pub profile: BTreeMap<String, (Range<usize>, Range<usize>)>,
    /// The `[profile]` table, when there is one.
    pub profile_table: Option<Range<usize>>,
    pub pack: PackSpans,
}

/// Where the `[pack]` table and its values are.
#[derive(Clone, Debug, Default)]
pub struct PackSpans {
    pub table: Range<usize>,
    pub id: Range<usize>,
    pub version: Range<usize>,
    pub path: Range<usize>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pack_values_are_read_with_their_places() {
        let src = SourceText::new(
            "workbook.toml",
            "name = \"X\"\nid = \"x\"\ncreated = 2026-03-01T09:00:00+01:00\nlanguage = \"sv\"\n\n[pack]\nid = \"dino\"\nversion = \"1.0.0\"\npath = \"../p\"\n",
        );
        let (_, spans) = WorkbookFile::read(&src, Lang::En).expect("reads");
        assert_eq!(src.line_col(spans.pack.id.start), (7, 6));
        assert_eq!(src.line_col(spans.pack.version.start), (8, 11));
        assert_eq!(src.line_col(spans.pack.path.start), (9, 8));
    }
}
