//! A workbook: a folder with `workbook.toml` and a `log/` of entries, opened
//! with its pack; and where workbooks are found on disk.

pub mod create;
pub mod discover;
pub mod entries;
pub mod file;
pub mod own_files;
pub mod pack_change;
pub mod profile;
pub mod snapshot;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use crate::finding::{Finding, SourceText};
use crate::i18n::{Lang, Said};
use crate::log::Entry;
use crate::pack::condition::Value;
use crate::pack::source::PackSource;
use crate::pack::{Pack, builtin, check_value};
pub use create::{create, exists_already, folder_slug, pack_ref};
use file::WorkbookFile;
use own_files::{leftover_temp_files, linked_own_files, read_in, state_dir_problems};

/// The file that makes a folder a workbook.
pub const WORKBOOK_FILE: &str = "workbook.toml";
/// The folder of entries.
pub const LOG_DIR: &str = "log";
/// The folder of this machine's session files (draft, lock), which git
/// ignores.
pub const STATE_DIR: &str = ".dino";

/// What opening a workbook says; worded in `words`.
#[derive(Clone, Debug)]
pub enum Message {
    /// The folder has no `workbook.toml`; `dino new` makes one.
    NotAWorkbook,
    /// `[pack]` names a pack by an `id` that is not built in (`builtin`
    /// are the ids that are), and gives no folder.
    PackNotBuiltIn {
        id: String,
        builtin: Vec<&'static str>,
    },
    /// `path` under `[pack]` points to a folder that holds no pack, and why.
    PackPathNotAPack { path: String, why: Said },
}

/// An open workbook: its file, its pack, and every entry that could be read,
/// in log order.
#[derive(Debug)]
pub struct Workbook {
    pub root: PathBuf,
    pub file: WorkbookFile,
    /// The pack as this workbook reads it: its terms bound to the profile
    /// (`Pack::adapted`).
    pub pack: Arc<Pack>,
    /// The pack as loaded, its terms not bound; shared between workbooks
    /// on the same pack (see `load_pack`).
    pub pack_unbound: Arc<Pack>,
    /// Profile answers that fit the pack: `workbook.toml`'s, until
    /// `state::profile::bind` applies the log's `profile` entries.
    pub profile: BTreeMap<String, Value>,
    /// Where each profile answer comes from.
    pub profile_from: BTreeMap<String, ProfileSource>,
    pub entries: Vec<LoadedEntry>,
    /// Problems that did not stop the workbook from opening: entries that
    /// could not be read (in part), stray files, profile answers that do
    /// not fit. `dino check` reports them; `status` counts them.
    pub findings: Vec<Finding>,
}

/// Where a profile answer comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProfileSource {
    /// `workbook.toml`'s `[profile]`.
    File,
    /// A `profile` entry, an index in `Workbook::entries`.
    Entry(usize),
}

/// An entry with where it came from.
#[derive(Clone, Debug)]
pub struct LoadedEntry {
    /// The file as messages name it.
    pub file: String,
    /// The file's name in `log/`.
    pub name: String,
    /// The entry's id, from its file name.
    pub id: String,
    pub entry: Entry,
    /// The line of each record, for findings.
    pub record_lines: Vec<usize>,
    /// Where each front-matter key's value is (line, column).
    pub key_at: crate::log::KeyPositions,
}

/// A text's first line that is not blank, trimmed.
pub fn first_line(text: &str) -> String {
    text.lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim()
        .to_string()
}

impl LoadedEntry {
    /// What the entry says in a line: a note's first line of text, else
    /// its title.
    pub fn headline(&self) -> String {
        match &self.entry.body {
            crate::log::Body::Text(text) => first_line(text),
            crate::log::Body::Records(_) => self.entry.title.clone(),
        }
    }

    /// Where a front-matter key's value is, or the file's start.
    pub fn at(&self, key: &str) -> (usize, usize) {
        self.key_at.get(key).copied().unwrap_or((1, 1))
    }
}

impl crate::log::order::Logged for LoadedEntry {
    fn id(&self) -> &str {
        &self.id
    }

    fn meta(&self) -> &crate::log::Meta {
        &self.entry.meta
    }
}

impl Workbook {
    /// The action an id names that was raised beside a record of an entry
    /// (the entry's id, a hyphen and the action's number: `3f9a1c-1`),
    /// with that entry.
    pub fn raised_action(&self, id: &str) -> Option<(&LoadedEntry, &crate::log::ActionMark)> {
        let (entry_id, n) = id.rsplit_once('-')?;
        let n: u32 = n.parse().ok()?;
        let entry = self.entries.iter().find(|e| e.id == entry_id)?;
        let crate::log::Body::Records(records) = &entry.entry.body else {
            return None;
        };
        let action = records.iter().flat_map(|r| &r.actions).find(|a| a.n == n)?;
        Some((entry, action))
    }

    /// Opens the workbook in `root`. Fails (with findings) when
    /// `workbook.toml` or the pack cannot be read; problems in entries are
    /// kept in `findings` instead.
    pub fn open(root: &Path, lang: Lang) -> Result<Workbook, Vec<Finding>> {
        Workbook::open_as(root, lang, false)
    }

    /// As [`Workbook::open`]; with `own_language`, everything after
    /// `workbook.toml` itself is told in the workbook's language.
    pub fn open_as(root: &Path, lang: Lang, own_language: bool) -> Result<Workbook, Vec<Finding>> {
        let file_path = root.join(WORKBOOK_FILE);
        let shown = file_path.display().to_string();
        if !discover::is_workbook(root) {
            return Err(vec![Finding::in_file(
                root.display().to_string(),
                Message::NotAWorkbook,
            )]);
        }
        let src = read_in(root, &file_path, shown.clone())
            .map_err(|f| vec![f])?
            .with_lf_line_ends();
        let (file, spans) = WorkbookFile::read(&src, lang)?;
        let lang = if own_language { file.language } else { lang };
        let pack_unbound = load_pack(root, &file, &src, &spans.pack, lang)?;
        let mut findings = Vec::new();
        let profile = check_profile(&file, &spans, &pack_unbound, &src, &mut findings);
        let pack = bound(&pack_unbound, &profile);
        let profile_from = profile
            .keys()
            .map(|k| (k.clone(), ProfileSource::File))
            .collect();
        let entries = entries::read_log(root, lang, &mut findings);
        findings.extend(leftover_temp_files(root));
        findings.extend(state_dir_problems(root));
        findings.extend(linked_own_files(root));
        findings.extend(snapshot::check_head(root, &file.pack));
        Ok(Workbook {
            root: root.to_path_buf(),
            file,
            pack,
            pack_unbound,
            profile,
            profile_from,
            entries,
            findings,
        })
    }

    /// The answers of `workbook.toml`'s `[profile]` edited by hand: not
    /// what dino last wrote there, as the snapshot records it
    /// (`snapshot::profile_edits`). None when the snapshot records no
    /// answers (an older dino wrote it) or cannot be read (which
    /// `check_head`, or the pack's change, names).
    pub fn profile_edits(&self) -> Vec<Finding> {
        let Some(recorded) = self
            .snapshot()
            .ok()
            .flatten()
            .and_then(|s| s.profile_answers)
        else {
            return Vec::new();
        };
        // The answers were read when the workbook opened; `workbook.toml`
        // is read again, for where each edit stands, only when one differs.
        if snapshot::edits(&recorded, &self.file.profile).is_empty() {
            return Vec::new();
        }
        let path = self.root.join(WORKBOOK_FILE);
        let Ok(src) = read_in(&self.root, &path, path.display().to_string()) else {
            return Vec::new();
        };
        let Ok((file, spans)) = WorkbookFile::read(&src, self.language()) else {
            return Vec::new();
        };
        let asked = |key: &str| self.pack_unbound.profile.iter().any(|q| q.id == key);
        snapshot::profile_edits(&src, &file.profile, &spans, &recorded, &asked)
    }

    /// The language entries are written in.
    pub fn language(&self) -> Lang {
        self.file.language
    }

    /// The `log/` folder.
    pub fn log_dir(&self) -> PathBuf {
        self.root.join(LOG_DIR)
    }
}

/// Packs bound to a profile so far, by the pack (as `PACKS` keeps it, for
/// the life of the process) and the option each term's words follow: a
/// portfolio of workbooks on one pack binds it once per kind of profile.
type BoundCache = Mutex<HashMap<(usize, Vec<Option<String>>), Arc<Pack>>>;
static BOUND: OnceLock<BoundCache> = OnceLock::new();

/// The pack with its terms bound to `profile`; the same pack, shared, when
/// binding changes nothing.
pub fn bound(pack: &Arc<Pack>, profile: &BTreeMap<String, Value>) -> Arc<Pack> {
    if !pack.braces || pack.bound {
        return pack.clone();
    }
    let words: Vec<Option<String>> = pack
        .terms
        .iter()
        .map(|t| match profile.get(&t.by) {
            Some(Value::Str(option)) if t.values.iter().any(|(id, _)| id == option) => {
                Some(option.clone())
            }
            _ => None,
        })
        .collect();
    let key = (Arc::as_ptr(pack) as usize, words);
    let cache = BOUND.get_or_init(|| Mutex::new(HashMap::new()));
    if let Some(done) = cache.lock().ok().and_then(|c| c.get(&key).cloned()) {
        return done;
    }
    let done = Arc::new(pack.adapted(profile));
    if let Ok(mut c) = cache.lock() {
        c.insert(key, done.clone());
    }
    done
}

/// The language of the workbook `dir` is in, if it is in one whose
/// `workbook.toml` reads.
pub fn language_at(dir: &Path) -> Option<Lang> {
    language_of(&discover::enclosing(dir)?)
}

/// The language of the workbook in `root`, if its `workbook.toml` reads.
pub fn language_of(root: &Path) -> Option<Lang> {
    let path = root.join(WORKBOOK_FILE);
    let src = read_in(root, &path, path.display().to_string())
        .ok()?
        .with_lf_line_ends();
    let (file, _) = WorkbookFile::read(&src, Lang::En).ok()?;
    Some(file.language)
}

/// Packs loaded so far in this process, by where they came from and the
/// language of their messages: a portfolio of a thousand workbooks on one
/// pack reads and checks it once.
type PackCache = Mutex<HashMap<(String, Lang), Arc<Pack>>>;
static PACKS: OnceLock<PackCache> = OnceLock::new();

/// The pack a workbook names: a built-in id, or a folder relative to it.
fn load_pack(
    root: &Path,
    file: &WorkbookFile,
    src: &SourceText,
    at: &file::PackSpans,
    lang: Lang,
) -> Result<Arc<Pack>, Vec<Finding>> {
    let key = match &file.pack.path {
        Some(path) => {
            let dir = root.join(path);
            format!("dir:{}", dir.canonicalize().unwrap_or(dir).display())
        }
        None => format!("builtin:{}", file.pack.id),
    };
    let cache = PACKS.get_or_init(|| Mutex::new(HashMap::new()));
    if let Some(pack) = cache
        .lock()
        .ok()
        .and_then(|c| c.get(&(key.clone(), lang)).cloned())
    {
        return Ok(pack);
    }
    let pack = Arc::new(read_pack(root, file, src, at, lang)?);
    if let Ok(mut c) = cache.lock() {
        c.insert((key, lang), pack.clone());
    }
    Ok(pack)
}

fn read_pack(
    root: &Path,
    file: &WorkbookFile,
    src: &SourceText,
    at: &file::PackSpans,
    lang: Lang,
) -> Result<Pack, Vec<Finding>> {
    let source = match &file.pack.path {
        Some(path) => PackSource::Dir(root.join(path)),
        None => match builtin::source(&file.pack.id) {
            Some(source) => source,
            None => {
                let message = Message::PackNotBuiltIn {
                    id: file.pack.id.clone(),
                    builtin: builtin::ids(),
                };
                return Err(vec![src.finding(&at.id, message)]);
            }
        },
    };
    if let PackSource::Dir(dir) = &source
        && !crate::pack::source::has_pack_file(dir)
    {
        let message = Message::PackPathNotAPack {
            path: dir.display().to_string(),
            why: builtin::not_a_pack_why(dir).into(),
        };
        return Err(vec![src.finding(&at.path, message)]);
    }
    crate::pack::load(&source, lang)
}

/// Keeps the profile answers that fit the pack; names the rest.
fn check_profile(
    file: &WorkbookFile,
    spans: &file::Spans,
    pack: &Pack,
    src: &SourceText,
    findings: &mut Vec<Finding>,
) -> BTreeMap<String, Value> {
    let mut out = BTreeMap::new();
    for (id, value) in &file.profile {
        let (key_span, value_span) = spans.profile.get(id).cloned().unwrap_or((0..0, 0..0));
        let Some(item) = pack.profile.iter().find(|i| &i.id == id) else {
            let near = crate::finding::closest(id, pack.profile.iter().map(|i| i.id.as_str()));
            let hint = near.map_or(profile::Hint::Nothing, |n| {
                profile::Hint::DidYouMean(n.to_string())
            });
            let message = profile::Message::NoSuchQuestion {
                id: id.clone(),
                hint,
            };
            findings.push(src.finding(&key_span, message));
            continue;
        };
        match check_value(&item.kind, value, format!("`{id}`")) {
            Ok(value) => {
                out.insert(id.clone(), value);
            }
            Err(message) => findings.push(src.finding(&value_span, message)),
        }
    }
    out
}
