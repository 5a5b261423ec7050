//! A session's files in the workbook's `.dino/` folder, which git ignores:
//! the draft (the entry so far, rewritten atomically after every answer,
//! and the entry's hand-over into `log/`) and the lock that keeps a second
//! session out while one runs.

use std::fs::{self, File, OpenOptions};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use crate::finding::SourceText;
use crate::fsio::write_atomic;
use crate::i18n::Lang;
use crate::log::{Entry, entry_file_name, read_entry};
use crate::tr;

/// The folder, inside a workbook.
pub const STATE_DIR: &str = ".dino";

fn state_dir(workbook: &Path) -> Result<PathBuf> {
    let dir = workbook.join(STATE_DIR);
    if !dir.is_dir() {
        fs::create_dir_all(&dir).with_context(|| format!("{}", dir.display()))?;
        // Drafts and locks belong to this machine, not to the repository.
        write_atomic(&dir.join(".gitignore"), b"*\n")?;
    }
    Ok(dir)
}

/// The draft of the session in progress. It is also the hand-over of the
/// session's entry into `log/`: written last as the entry's very text, it is
/// removed only once the entry is in the log, so a run stopped in between
/// leaves a draft that a later run finds word for word in the log
/// ([`Saved::HandedOver`]) and does not write again.
pub struct Draft {
    path: PathBuf,
    log: PathBuf,
    /// The language the draft is written in (the entry's).
    lang: Lang,
    /// The language of messages.
    messages: Lang,
}

/// A draft found at the start of a run.
#[derive(Debug)]
pub enum Saved {
    /// A session that stopped before its end: go on with it, or discard it.
    Unfinished(Entry),
    /// A session whose entry is already in the log, word for word: the run
    /// that wrote it stopped before it removed the draft.
    HandedOver { entry: Entry, path: PathBuf },
}

impl Draft {
    /// The draft of the workbook `workbook`, written in `lang`, with
    /// messages in `messages`.
    pub fn new(workbook: &Path, lang: Lang, messages: Lang) -> Result<Draft> {
        Ok(Draft {
            path: state_dir(workbook)?.join("draft.md"),
            log: workbook.join(crate::workbook::LOG_DIR),
            lang,
            messages,
        })
    }

    /// The language of messages about the draft and its entry.
    pub fn messages(&self) -> Lang {
        self.messages
    }

    /// The draft left by an earlier session, if any, and whether its entry
    /// is in the log already.
    pub fn load(&self) -> Result<Option<Saved>> {
        if !self.path.is_file() {
            return Ok(None);
        }
        let src = crate::pack::source::read_text(
            &self.path,
            self.path.display().to_string(),
            self.messages,
        )
        .map_err(|f| anyhow::anyhow!("{f}"))?;
        let read = read_entry(
            &SourceText {
                name: src.name,
                text: src.text.clone(),
            },
            self.messages,
        );
        match read.entry {
            Some(entry) if read.findings.is_empty() => {
                Ok(Some(match log_file_holding(&self.log, &entry, &src.text) {
                    Some(path) => Saved::HandedOver { entry, path },
                    None => Saved::Unfinished(entry),
                }))
            }
            _ => {
                let lines: Vec<String> = read.findings.iter().map(ToString::to_string).collect();
                bail!(
                    "{}\n{}",
                    tr!(
                        self.messages,
                        "utkastet {} kunde inte läsas; rätta det eller flytta undan det:",
                        "the draft {} could not be read; correct it or move it away:",
                        self.path.display()
                    ),
                    lines.join("\n")
                )
            }
        }
    }

    /// Writes the entry so far, atomically, once it is known to read back.
    pub fn save(&self, entry: &Entry) -> Result<()> {
        let what = self.messages.pick("utkastet", "the draft");
        let text = crate::readback::entry_text(entry, what, self.lang, self.messages)?;
        self.save_text(&text)
    }

    /// Writes `text` (an entry's, already read back) as the draft, unless
    /// the draft holds it already.
    pub fn save_text(&self, text: &str) -> Result<()> {
        if holds(&self.path, text) {
            return Ok(());
        }
        write_atomic(&self.path, text.as_bytes())
    }

    pub fn discard(&self) -> Result<()> {
        match fs::remove_file(&self.path) {
            Err(err) if err.kind() != std::io::ErrorKind::NotFound => Err(err.into()),
            _ => Ok(()),
        }
    }
}

/// The file in `log` that holds exactly `text`, the Markdown of `entry`:
/// its name is the one `text` would be given (more id digits when those
/// were taken).
pub fn log_file_holding(log: &Path, entry: &Entry, text: &str) -> Option<PathBuf> {
    let name = entry_file_name(&entry.meta, text, |_| false);
    let stem = name.strip_suffix(".md")?;
    fs::read_dir(log)
        .ok()?
        .flatten()
        .map(|f| f.file_name().to_string_lossy().into_owned())
        .filter(|n| {
            n.strip_prefix(stem)
                .and_then(|rest| rest.strip_suffix(".md"))
                .is_some_and(|more| more.bytes().all(|b| b.is_ascii_hexdigit()))
        })
        .map(|n| log.join(n))
        .find(|path| holds(path, text))
}

/// Whether `path` is a regular file holding exactly `text` (a named pipe
/// or a device is not read: that could wait forever).
fn holds(path: &Path, text: &str) -> bool {
    path.is_file()
        && crate::pack::source::read_limited(path, Lang::En)
            .is_ok_and(|held| held == text.as_bytes())
}

/// The lock held while a session runs. The operating system releases it
/// when the process ends, however it ends.
pub struct Lock {
    _file: File,
}

impl Lock {
    /// Takes the workbook's lock, or says who holds it and since when.
    pub fn take(workbook: &Path, who: &str, since: &str, lang: Lang) -> Result<Lock> {
        let path = state_dir(workbook)?.join("lock");
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .with_context(|| format!("{}", path.display()))?;
        match file.try_lock() {
            Ok(()) => {
                file.set_len(0)?;
                file.rewind()?;
                writeln!(file, "{who}\n{since}\n{}", std::process::id())?;
                file.sync_all()?;
                Ok(Lock { _file: file })
            }
            Err(std::fs::TryLockError::WouldBlock) => {
                let mut holder = String::new();
                let _ = file.read_to_string(&mut holder);
                let mut lines = holder.lines();
                let who = lines.next().unwrap_or("?");
                let since = lines.next().unwrap_or("?");
                let pid = lines.next().unwrap_or("?");
                bail!(tr!(
                    lang,
                    "en session pågår redan i arbetsboken: {who} sedan {since} (process {pid}); vänta tills den är klar",
                    "a session is already running in this workbook: {who} since {since} (process {pid}); wait until it is done"
                ))
            }
            Err(std::fs::TryLockError::Error(err)) => Err(err.into()),
        }
    }
}
