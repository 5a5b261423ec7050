//! A workbook: a folder with `workbook.toml` and a `log/` of entries, opened
//! with its pack; and where workbooks are found on disk.

mod create;
pub mod discover;
pub mod file;
pub mod own_files;
pub mod pack_change;
pub mod profile;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use crate::finding::{Finding, SourceText};
use crate::i18n::Lang;
use crate::log::{Entry, entry_id_of, read_entry};
use crate::pack::condition::Value;
use crate::pack::source::PackSource;
use crate::pack::{Pack, builtin, check_value};
use crate::tr;
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

/// An open workbook: its file, its pack, and every entry that could be read,
/// in log order.
#[derive(Debug)]
pub struct Workbook {
    pub root: PathBuf,
    pub file: WorkbookFile,
    /// Shared between workbooks on the same pack (see `load_pack`).
    pub pack: Arc<Pack>,
    /// Profile answers that fit the pack.
    pub profile: BTreeMap<String, Value>,
    pub entries: Vec<LoadedEntry>,
    /// Problems that did not stop the workbook from opening: entries that
    /// could not be read (in part), stray files, profile answers that do
    /// not fit. `dino check` reports them; `status` counts them.
    pub findings: Vec<Finding>,
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

impl LoadedEntry {
    /// Where a front-matter key's value is, or the file's start.
    pub fn at(&self, key: &str) -> (usize, usize) {
        self.key_at.get(key).copied().unwrap_or((1, 1))
    }
}

impl Workbook {
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
                tr!(
                    lang,
                    "ingen arbetsbok här (filen {WORKBOOK_FILE} saknas); `dino new NAMN` skapar en",
                    "not a workbook (there is no {WORKBOOK_FILE}); `dino new NAME` makes one"
                ),
            )]);
        }
        let src = read_in(root, &file_path, shown.clone(), lang).map_err(|f| vec![f])?;
        let (file, spans) = WorkbookFile::read(&src, lang)?;
        let lang = if own_language { file.language } else { lang };
        let pack = load_pack(root, &file, &src, &spans.pack, lang)?;
        let mut findings = Vec::new();
        let profile = check_profile(&file, &spans, &pack, &src, lang, &mut findings);
        let entries = read_log(root, lang, &mut findings);
        findings.extend(leftover_temp_files(root, lang));
        findings.extend(state_dir_problems(root, lang));
        findings.extend(linked_own_files(root, lang));
        findings.extend(crate::pack::snapshot::check_head(root, &file.pack, lang));
        Ok(Workbook {
            root: root.to_path_buf(),
            file,
            pack,
            profile,
            entries,
            findings,
        })
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

/// The language of the workbook `dir` is in, if it is in one whose
/// `workbook.toml` reads.
pub fn language_at(dir: &Path) -> Option<Lang> {
    language_of(&discover::enclosing(dir)?)
}

/// The language of the workbook in `root`, if its `workbook.toml` reads.
pub fn language_of(root: &Path) -> Option<Lang> {
    let path = root.join(WORKBOOK_FILE);
    let src = read_in(root, &path, path.display().to_string(), Lang::En).ok()?;
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
                let ids = builtin::ids().join(", ");
                let id = &file.pack.id;
                return Err(vec![src.finding(
                    &at.id,
                    tr!(
                        lang,
                        "paketet `{id}` är inte inbyggt ({ids}); ange dess mapp med `path` under [pack]",
                        "the pack `{id}` is not built in ({ids}); give its folder with `path` under [pack]"
                    ),
                )]);
            }
        },
    };
    if let PackSource::Dir(dir) = &source
        && !crate::pack::source::has_pack_file(dir)
    {
        let shown = dir.display();
        let why = builtin::not_a_pack_why(dir, lang);
        return Err(vec![src.finding(
            &at.path,
            tr!(
                lang,
                "`path` under [pack] pekar på {shown}: {why}",
                "`path` under [pack] points to {shown}: {why}"
            ),
        )]);
    }
    crate::pack::load(&source, lang)
}

/// Keeps the profile answers that fit the pack; names the rest.
fn check_profile(
    file: &WorkbookFile,
    spans: &file::Spans,
    pack: &Pack,
    src: &SourceText,
    lang: Lang,
    findings: &mut Vec<Finding>,
) -> BTreeMap<String, Value> {
    let mut out = BTreeMap::new();
    for (id, value) in &file.profile {
        let (key_span, value_span) = spans.profile.get(id).cloned().unwrap_or((0..0, 0..0));
        let Some(item) = pack.profile.iter().find(|i| &i.id == id) else {
            let near = crate::finding::closest(id, pack.profile.iter().map(|i| i.id.as_str()));
            let hint = near
                .map(|n| tr!(lang, "; menade du `{n}`?", "; did you mean `{n}`?"))
                .unwrap_or_default();
            findings.push(src.finding(
                &key_span,
                tr!(
                    lang,
                    "paketet har ingen profilfråga `{id}`{hint}",
                    "the pack has no profile question `{id}`{hint}"
                ),
            ));
            continue;
        };
        match check_value(&item.kind, value, &format!("`{id}`"), lang) {
            Ok(value) => {
                out.insert(id.clone(), value);
            }
            Err(message) => findings.push(src.finding(&value_span, message)),
        }
    }
    out
}

/// The WHAT part of a well-formed entry name.
fn name_what(name: &str) -> String {
    let stem = name.strip_suffix(".md").unwrap_or(name);
    let parts: Vec<&str> = stem.split('-').collect();
    parts[4..parts.len() - 1].join("-")
}

/// The WHAT part an entry with this front matter is named with.
fn entry_what(meta: &crate::log::Meta) -> String {
    crate::log::entry_what(meta)
}

/// Whether an entry's file name follows `YYYY-MM-DD-HHMM-WHAT-ID.md`.
fn well_named(name: &str) -> bool {
    let Some(stem) = name.strip_suffix(".md") else {
        return false;
    };
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let parts: Vec<&str> = stem.split('-').collect();
    parts.len() >= 6
        && digits(parts[0], 4)
        && digits(parts[1], 2)
        && digits(parts[2], 2)
        && digits(parts[3], 4)
        && parts[4..parts.len() - 1].iter().all(|p| {
            !p.is_empty()
                && p.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        })
        && parts[parts.len() - 1].len() >= 6
        && parts[parts.len() - 1]
            .bytes()
            .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
}

/// Reads every entry in `log/`, in log order: by date, then by file name.
fn read_log(root: &Path, lang: Lang, findings: &mut Vec<Finding>) -> Vec<LoadedEntry> {
    let dir = root.join(LOG_DIR);
    if let Err(out) = crate::fsio::inside::check(root, &dir) {
        findings.push(Finding::in_file(
            dir.display().to_string(),
            out.message_for(&dir, lang),
        ));
        return Vec::new();
    }
    let mut names: Vec<String> = Vec::new();
    // Entries that are links: read only if they stay in the workbook.
    let mut links = std::collections::BTreeSet::new();
    match std::fs::read_dir(&dir) {
        Ok(list) => {
            for item in list.flatten() {
                let name = item.file_name().to_string_lossy().into_owned();
                if item.file_name().to_str().is_none() {
                    // Named as shown, with `�`, it could not be opened.
                    findings.push(Finding::in_file(
                        dir.join(&name).display().to_string(),
                        tr!(
                            lang,
                            "filnamnet är inte UTF-8 och kan inte läsas; byt namn på filen",
                            "the file's name is not UTF-8, so it cannot be read; rename the file"
                        ),
                    ));
                    continue;
                }
                let kind = item.file_type();
                let is_link = kind.as_ref().is_ok_and(|t| t.is_symlink());
                let is_file = kind.is_ok_and(|t| t.is_file()) || is_link;
                if name.starts_with('.') {
                    continue;
                }
                if is_file && name.ends_with(".md") {
                    if is_link {
                        links.insert(name.clone());
                    }
                    names.push(name);
                } else if name.ends_with(".md") {
                    // Named like an entry, but a folder, a pipe or a device.
                    findings.push(Finding::in_file(
                        dir.join(&name).display().to_string(),
                        crate::fsio::regular::not_regular(lang),
                    ));
                } else {
                    findings.push(Finding::in_file(
                        dir.join(&name).display().to_string(),
                        tr!(
                            lang,
                            "hör inte hemma i log/ (där ligger bara poster, *.md)",
                            "does not belong in log/ (it holds entries, *.md, only)"
                        ),
                    ));
                }
            }
        }
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
            findings.push(Finding::in_file(
                dir.display().to_string(),
                tr!(
                    lang,
                    "mappen log/ saknas; den skapas när första posten skrivs",
                    "the folder log/ is missing; it is made when the first entry is written"
                ),
            ));
        }
        Err(err) => {
            let message = if dir.is_file() {
                crate::fsio::not_a_folder(lang)
            } else {
                let why = crate::fsio::errors::why(&err, lang);
                tr!(lang, "kunde inte läsas: {why}", "could not be read: {why}")
            };
            findings.push(Finding::in_file(dir.display().to_string(), message));
        }
    }
    names.sort();
    for name in &names {
        if !well_named(name) {
            findings.push(Finding::in_file(
                dir.join(name).display().to_string(),
                tr!(
                    lang,
                    "namnet följer inte ÅÅÅÅ-MM-DD-TTMM-VAD-ID.md (ID är hexadecimalt); är filen en kopia? Byt namn på den, med ett nytt id",
                    "the name does not follow YYYY-MM-DD-HHMM-WHAT-ID.md (ID in hexadecimal); is the file a copy? Rename it, with a new id"
                ),
            ));
        }
    }
    // The same id twice: most likely a file copied to start a new entry.
    let mut seen: BTreeMap<&str, &str> = BTreeMap::new();
    for name in &names {
        let Some(id) = entry_id_of(name) else {
            continue;
        };
        if let Some(first) = seen.get(id) {
            findings.push(Finding::in_file(
                dir.join(name).display().to_string(),
                tr!(
                    lang,
                    "har samma id ({id}) som {first}; är den en kopia? Ge den ett nytt id i filnamnet",
                    "has the same id ({id}) as {first}; is it a copy? Give it a new id in its file name"
                ),
            ));
        } else {
            seen.insert(id, name);
        }
    }
    let mut entries = Vec::new();
    for name in names {
        let path = dir.join(&name);
        let shown = path.display().to_string();
        // A file in a log/ that is inside the workbook is inside too.
        let read = if links.contains(&name) {
            read_in(root, &path, shown.clone(), lang)
        } else {
            crate::pack::source::read_text(&path, shown.clone(), lang)
        };
        let src = match read {
            Ok(src) => src,
            Err(finding) => {
                findings.push(finding);
                continue;
            }
        };
        let read = read_entry(&src, lang);
        findings.extend(read.findings);
        let Some(entry) = read.entry else { continue };
        // The name says what the entry is; so does its front matter. When
        // they differ, one was edited by hand, and maybe not on purpose.
        if well_named(&name) {
            let expected = entry_what(&entry.meta);
            let what = name_what(&name);
            if what != expected {
                let (line, col) = read.key_at.get("kind").copied().unwrap_or((1, 1));
                findings.push(Finding {
                    file: shown.clone(),
                    line,
                    col,
                    message: tr!(
                        lang,
                        "filnamnet säger `{what}`, men front matter säger `{expected}` (kind och phase); stämmer de?",
                        "the file name says `{what}`, but the front matter says `{expected}` (kind and phase); are they right?"
                    ),
                });
            }
        }
        let id = entry_id_of(&name).unwrap_or(&name).to_string();
        entries.push(LoadedEntry {
            file: shown,
            name,
            id,
            entry,
            record_lines: read.record_lines,
            key_at: read.key_at,
        });
    }
    // Stable: entries with the same instant stay in file-name order.
    entries.sort_by_key(|e| e.entry.meta.date.at);
    crate::state::lineage::into_log_order(&mut entries);
    entries
}
