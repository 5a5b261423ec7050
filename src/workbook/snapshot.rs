//! `pack-snapshot.toml`: the pack as a workbook recorded it, written by
//! `dino new` and `dino upgrade` beside `workbook.toml` and read back
//! before it is; and its first lines checked against `workbook.toml`
//! (docs/log-format.md, "The pack snapshot"). What it holds is
//! `pack::snapshot`'s. The `[profile]` answers it records are compared with
//! `workbook.toml`'s, to find an edit by hand.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::finding::{Finding, SourceText};
use crate::i18n::{Lang, Said};
use crate::log::toml_string;
use crate::pack::Pack;
use crate::pack::condition::Value;
use crate::pack::snapshot::{ItemShot, Snapshot};
use crate::workbook::file::value_toml;

/// What reading a workbook's snapshot says; worded in `words`.
#[derive(Clone, Debug)]
pub enum Message {
    /// The snapshot could not be read, and why.
    Unreadable { why: Said },
    /// The snapshot's `key` is `found`, but `workbook.toml` records
    /// `recorded`.
    Differs {
        key: &'static str,
        found: String,
        recorded: String,
    },
    /// The profile answer `key` in `workbook.toml` is not what dino last
    /// wrote there.
    ProfileEdited { key: String, edit: ProfileEdit },
}

/// How a profile answer in `workbook.toml` differs from what dino wrote.
#[derive(Clone, Debug, PartialEq)]
pub enum ProfileEdit {
    /// Dino wrote `was`; the file has `now`.
    Changed { was: Value, now: Value },
    /// Dino wrote no such key; the file has this answer.
    Added(Value),
    /// Dino wrote this answer; the file has no such key.
    Removed(Value),
}

/// The snapshot's file name, in the workbook's folder.
pub const SNAPSHOT_FILE: &str = "pack-snapshot.toml";

const HEADER: &str = "\
# The pack (and [profile_answers]: the profile dino wrote in workbook.toml)
# as this workbook last recorded it, to show what has changed since. Written
# by dino (new, upgrade); edits are overwritten at the next `dino upgrade`.

";

impl Snapshot {
    /// The file's text: a comment, then TOML in a fixed order, with each
    /// option on one line.
    pub fn render(&self) -> String {
        let mut out = String::from(HEADER);
        let _ = writeln!(out, "pack = {}", toml_string(&self.pack));
        let _ = writeln!(out, "version = {}", toml_string(&self.version));
        let _ = writeln!(out, "hash = {}", toml_string(&self.hash));
        let _ = writeln!(out, "language = {}", toml_string(&self.language));
        if let Some(answers) = &self.profile_answers {
            let _ = writeln!(out, "\n[profile_answers]");
            for (id, value) in answers {
                let _ = writeln!(out, "{id} = {}", value_toml(value));
            }
        }
        for item in &self.profile {
            item.render("profile", &mut out);
        }
        for phase in &self.phases {
            let _ = writeln!(out, "\n[[phase]]");
            let _ = writeln!(out, "id = {}", toml_string(&phase.id));
            let _ = writeln!(out, "title = {}", toml_string(&phase.title));
            for item in &phase.items {
                item.render("phase.item", &mut out);
            }
        }
        for statement in &self.readiness {
            let _ = writeln!(out, "\n[[readiness]]");
            let _ = writeln!(out, "id = {}", toml_string(&statement.id));
            let _ = writeln!(out, "text = {}", toml_string(&statement.text));
        }
        out
    }

    /// Writes the snapshot of `pack`, as a workbook in `lang` sees it, and
    /// of the profile `answers` written into its `workbook.toml`, into the
    /// workbook folder `dir` (atomically, once it is known to read back);
    /// returns its path.
    pub fn write(
        dir: &std::path::Path,
        pack: &Pack,
        lang: Lang,
        answers: &BTreeMap<String, Value>,
    ) -> anyhow::Result<std::path::PathBuf> {
        let path = dir.join(SNAPSHOT_FILE);
        let text = Snapshot::text(pack, lang, answers)?;
        crate::fsio::write_atomic_in(dir, &path, text.as_bytes())?;
        Ok(path)
    }

    /// The snapshot file's text for `pack` and the profile `answers`, once
    /// it is known to read back.
    pub fn text(
        pack: &Pack,
        lang: Lang,
        answers: &BTreeMap<String, Value>,
    ) -> anyhow::Result<String> {
        let shot = Snapshot::recording(pack, lang, answers);
        let read = |src: &SourceText| Snapshot::read(src).map_err(|f| vec![f]);
        crate::log::readback::toml_text(SNAPSHOT_FILE, shot.render(), &shot, read)
    }

    /// Reads a snapshot back; a problem is a finding with its position.
    pub fn read(src: &SourceText) -> Result<Snapshot, Finding> {
        crate::toml_read::decode(src, unreadable)
    }
}

/// How much of a snapshot's start `check_head` reads: its comment and the
/// four lines that say which pack it holds.
const HEAD_BYTES: u64 = 4096;

/// The four lines at a snapshot's start that say which pack it holds.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Head {
    pub pack: String,
    pub version: String,
    pub hash: String,
    pub language: String,
}

/// Reads only the start of a workbook's snapshot: which pack it holds.
/// `None` when there is no snapshot; a finding when its start cannot be
/// read.
pub fn read_head(dir: &std::path::Path) -> Option<Result<(Head, [usize; 4]), Finding>> {
    use std::io::Read;
    let path = dir.join(SNAPSHOT_FILE);
    std::fs::symlink_metadata(&path).ok()?;
    let name = path.display().to_string();
    if let Err(out) = crate::fsio::inside::check(dir, &path) {
        return Some(Err(Finding::in_file(name, out.message_for(&path))));
    }
    // Only an ordinary file: a pipe would never end.
    let file = match crate::fsio::regular::open_regular(&path) {
        Ok(file) => file,
        Err(err) => return Some(Err(Finding::in_file(name, err.message()))),
    };
    let mut head = Vec::new();
    if let Err(err) = file.take(HEAD_BYTES).read_to_end(&mut head) {
        let why = crate::fsio::errors::why(&err);
        return Some(Err(Finding::in_file(name, unreadable(why))));
    }
    let text = String::from_utf8_lossy(&head);
    let head_src = SourceText::new(name.clone(), text.to_string());
    if let Some(conflict) = crate::conflict::finding(&head_src, &text) {
        return Some(Err(conflict));
    }
    let mut lines = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty());
    let mut values: [(String, usize); 4] = Default::default();
    for (key, slot) in ["pack", "version", "hash", "language"]
        .iter()
        .zip(&mut values)
    {
        let Some((at, line)) = lines.next() else {
            return Some(Err(Finding::in_file(name, unreadable(format!("`{key}`?")))));
        };
        let found = line
            .strip_prefix(key)
            .and_then(|rest| rest.strip_prefix(" = "))
            .and_then(|value| {
                // As dino writes it; else as TOML reads it.
                crate::log::front_fast::whole_string(value)
                    .or_else(|| crate::toml_read::string_value(value))
            });
        let Some(found) = found else {
            return Some(Err(Finding {
                file: name,
                line: at + 1,
                col: 1,
                message: unreadable(format!("`{key} = …`?")).into(),
            }));
        };
        *slot = (found, at + 1);
    }
    let [pack, version, hash, language] = values;
    let lines = [pack.1, version.1, hash.1, language.1];
    Some(Ok((
        Head {
            pack: pack.0,
            version: version.0,
            hash: hash.0,
            language: language.0,
        },
        lines,
    )))
}

/// Checks the start of a workbook's snapshot against what `workbook.toml`
/// records (pack id, version, hash), reading only its first lines: a merge
/// that took one file from each side, or a damaged file, is found without
/// reading the whole snapshot. No snapshot, no finding.
pub fn check_head(
    dir: &std::path::Path,
    recorded: &crate::workbook::file::PackRef,
) -> Option<Finding> {
    let (head, lines) = match read_head(dir)? {
        Ok(read) => read,
        Err(finding) => return Some(finding),
    };
    let pairs = [
        ("pack", &head.pack, &recorded.id, lines[0]),
        ("version", &head.version, &recorded.version, lines[1]),
        ("hash", &head.hash, &recorded.hash, lines[2]),
    ];
    for (key, found, want, line) in pairs {
        if found != want && !(key == "hash" && want.is_empty()) {
            return Some(Finding {
                file: dir.join(SNAPSHOT_FILE).display().to_string(),
                line,
                col: key.len() + 4,
                message: Message::Differs {
                    key,
                    found: found.clone(),
                    recorded: want.clone(),
                }
                .into(),
            });
        }
    }
    None
}

/// The answers of `workbook.toml`'s `[profile]` (read from `src`: `now`,
/// with where each is in `spans`) that are not what dino last wrote there
/// (`dino new`, `dino upgrade`), `recorded` in the snapshot: each a finding
/// at its key, or at `[profile]` for one taken out. `asked` says which
/// keys are profile questions: a key added that is none is named when the
/// workbook is opened, and not again here.
pub fn profile_edits(
    src: &SourceText,
    now: &BTreeMap<String, Value>,
    spans: &crate::workbook::file::Spans,
    recorded: &BTreeMap<String, Value>,
    asked: &dyn Fn(&str) -> bool,
) -> Vec<Finding> {
    edits(recorded, now)
        .into_iter()
        .filter(|(key, edit)| !matches!(edit, ProfileEdit::Added(_)) || asked(key))
        .map(|(key, edit)| {
            let at = match &edit {
                ProfileEdit::Removed(_) => spans.profile_table.clone().unwrap_or(0..0),
                _ => spans.profile.get(&key).map_or(0..0, |(k, _)| k.clone()),
            };
            src.finding(&at, Message::ProfileEdited { key, edit })
        })
        .collect()
}

/// Each key whose answer in `now` is not the one in `recorded`, and how.
pub fn edits(
    recorded: &BTreeMap<String, Value>,
    now: &BTreeMap<String, Value>,
) -> Vec<(String, ProfileEdit)> {
    let keys: std::collections::BTreeSet<&String> = recorded.keys().chain(now.keys()).collect();
    keys.into_iter()
        .filter_map(|key| {
            let edit = match (recorded.get(key), now.get(key)) {
                (Some(was), Some(now)) if was == now => return None,
                (Some(was), Some(now)) => ProfileEdit::Changed {
                    was: was.clone(),
                    now: now.clone(),
                },
                (None, Some(now)) => ProfileEdit::Added(now.clone()),
                (Some(was), None) => ProfileEdit::Removed(was.clone()),
                (None, None) => return None,
            };
            Some((key.clone(), edit))
        })
        .collect()
}

/// A profile answer as `dino profile set` takes it on a command line:
/// an option's id, `true` or `false`, a number, options joined by commas;
/// in double quotes when it holds more than letters, digits and `-_.,:`.
pub fn as_set_value(value: &Value) -> String {
    let bare = match value {
        Value::Str(s) => s.clone(),
        Value::Bool(b) => b.to_string(),
        Value::Num(_) => value_toml(value),
        Value::List(items) => items.iter().map(plain_word).collect::<Vec<_>>().join(","),
    };
    let plain = !bare.is_empty()
        && bare
            .chars()
            .all(|c| c.is_alphanumeric() || "-_.,:".contains(c));
    if plain {
        bare
    } else {
        format!("\"{}\"", bare.replace('\\', "\\\\").replace('"', "\\\""))
    }
}

/// One option of a multi answer, as written between commas.
fn plain_word(value: &Value) -> String {
    match value {
        Value::Str(s) => s.clone(),
        other => value_toml(other),
    }
}

/// The message for a snapshot that cannot be read, for `why`.
fn unreadable(why: impl Into<Said>) -> Message {
    Message::Unreadable { why: why.into() }
}

impl ItemShot {
    fn render(&self, table: &str, out: &mut String) {
        let _ = writeln!(out, "\n[[{table}]]");
        let _ = writeln!(out, "id = {}", toml_string(&self.id));
        let _ = writeln!(out, "kind = {}", toml_string(&self.kind));
        let _ = writeln!(out, "prompt = {}", toml_string(&self.prompt));
        if self.required {
            let _ = writeln!(out, "required = true");
        }
        if let Some(when) = &self.when {
            let _ = writeln!(out, "when = {}", toml_string(when));
        }
        if !self.options.is_empty() {
            out.push_str("options = [\n");
            for o in &self.options {
                let _ = writeln!(
                    out,
                    "  {{ id = {}, label = {} }},",
                    toml_string(&o.id),
                    toml_string(&o.label)
                );
            }
            out.push_str("]\n");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_pack_reads_back_as_written() {
        let pack = crate::pack::builtin::load_named("dino", Lang::Sv).expect("built in");
        for lang in [Lang::Sv, Lang::En] {
            let shot = Snapshot::of(&pack, lang);
            let text = shot.render();
            assert!(text.starts_with("# The pack"));
            let src = SourceText::new(SNAPSHOT_FILE, text);
            assert_eq!(Snapshot::read(&src).expect("reads"), shot);
        }
    }

    #[test]
    fn the_recorded_profile_reads_back_and_older_snapshots_have_none() {
        let pack = crate::pack::builtin::load_named("dino", Lang::Sv).expect("built in");
        let answers = BTreeMap::from([
            (
                "partners".to_string(),
                Value::List(vec![Value::Str("a".into())]),
            ),
            ("level".to_string(), Value::Num(3.0)),
            ("personal_data".to_string(), Value::Bool(true)),
        ]);
        let text = Snapshot::text(&pack, Lang::En, &answers).expect("reads back");
        let src = SourceText::new(SNAPSHOT_FILE, text);
        let shot = Snapshot::read(&src).expect("reads");
        assert_eq!(shot.profile_answers, Some(answers));
        let older = Snapshot::of(&pack, Lang::En).render();
        assert!(!older.contains("\n[profile_answers]\n"));
        let src = SourceText::new(SNAPSHOT_FILE, older);
        assert_eq!(Snapshot::read(&src).expect("reads").profile_answers, None);
    }

    #[test]
    fn edits_are_told_apart_and_a_whole_number_equals_its_float() {
        let recorded = BTreeMap::from([
            ("a".to_string(), Value::Str("x".into())),
            ("b".to_string(), Value::Num(3.0)),
            ("c".to_string(), Value::Bool(false)),
        ]);
        let now = BTreeMap::from([
            ("a".to_string(), Value::Str("y".into())),
            ("b".to_string(), Value::Num(3.0)),
            ("d".to_string(), Value::Bool(true)),
        ]);
        let found = edits(&recorded, &now);
        assert_eq!(
            found,
            vec![
                (
                    "a".to_string(),
                    ProfileEdit::Changed {
                        was: Value::Str("x".into()),
                        now: Value::Str("y".into())
                    }
                ),
                ("c".to_string(), ProfileEdit::Removed(Value::Bool(false))),
                ("d".to_string(), ProfileEdit::Added(Value::Bool(true))),
            ]
        );
        assert!(edits(&recorded, &recorded).is_empty());
    }

    #[test]
    fn a_value_is_shown_as_profile_set_takes_it() {
        assert_eq!(as_set_value(&Value::Str("yes".into())), "yes");
        assert_eq!(as_set_value(&Value::Bool(false)), "false");
        assert_eq!(as_set_value(&Value::Num(4.0)), "4");
        let list = Value::List(vec![Value::Str("a".into()), Value::Str("b".into())]);
        assert_eq!(as_set_value(&list), "a,b");
        assert_eq!(as_set_value(&Value::List(Vec::new())), "\"\"");
        assert_eq!(as_set_value(&Value::Str("två ord".into())), "\"två ord\"");
    }

    #[test]
    fn a_damaged_snapshot_is_named_with_its_line() {
        let src = SourceText::new(
            "wb/pack-snapshot.toml",
            "pack = \"dino\"\nversion = \"1\"\nhash = \"x\"\nlanguage = \"sv\"\nphse = []\n",
        );
        let finding = Snapshot::read(&src).expect_err("unknown key");
        assert_eq!((finding.line, finding.col), (5, 1));
        assert!(
            finding.message.say(Lang::En).contains("phse"),
            "{finding:?}"
        );
    }

    #[test]
    fn an_unfinished_merge_in_a_snapshot_is_named_at_its_marker() {
        let text = "# c\n\npack = \"dino\"\n<<<<<<< HEAD\nversion = \"1\"\n=======\nversion = \"2\"\n>>>>>>> b\nhash = \"x\"\nlanguage = \"sv\"\n";
        let dir = tempfile::tempdir().expect("temp");
        std::fs::write(dir.path().join(SNAPSHOT_FILE), text).expect("write");
        let head = read_head(dir.path()).expect("a snapshot");
        let finding = head.expect_err("a conflict");
        assert_eq!((finding.line, finding.col), (4, 1), "{finding}");
        assert!(
            finding
                .message
                .say(Lang::En)
                .starts_with("an unfinished git merge")
        );
        let src = SourceText::new(SNAPSHOT_FILE, text);
        let finding = Snapshot::read(&src).expect_err("a conflict");
        assert_eq!(finding.line, 4, "{finding}");
        assert!(
            finding
                .message
                .say(Lang::Sv)
                .starts_with("en ofullbordad git-sammanslagning")
        );
    }

    #[test]
    fn a_snapshot_syntax_error_is_told_in_swedish() {
        let src = SourceText::new(SNAPSHOT_FILE, "pack = [\"dino\"\n");
        let finding = Snapshot::read(&src).expect_err("unclosed");
        assert!(
            finding
                .message
                .say(Lang::Sv)
                .contains("listan avslutas inte"),
            "{finding}"
        );
    }
}
