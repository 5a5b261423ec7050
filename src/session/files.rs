//! A session's files in the workbook's `.dino/` folder, which git ignores:
//! the draft (the entry so far, rewritten atomically after every answer)
//! and the lock that keeps a second session out while one runs.

use std::fs::{self, File, OpenOptions};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use crate::finding::SourceText;
use crate::fsio::write_atomic;
use crate::i18n::Lang;
use crate::log::{Entry, read_entry, write_entry};
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

/// The draft of the session in progress.
pub struct Draft {
    path: PathBuf,
    lang: Lang,
}

impl Draft {
    pub fn new(workbook: &Path, lang: Lang) -> Result<Draft> {
        Ok(Draft {
            path: state_dir(workbook)?.join("draft.md"),
            lang,
        })
    }

    /// The draft left by an earlier session, if any, and whether it could
    /// be read.
    pub fn load(&self) -> Result<Option<Entry>> {
        if !self.path.is_file() {
            return Ok(None);
        }
        let src =
            crate::pack::source::read_text(&self.path, self.path.display().to_string(), self.lang)
                .map_err(|f| anyhow::anyhow!("{f}"))?;
        let read = read_entry(
            &SourceText {
                name: src.name,
                text: src.text,
            },
            self.lang,
        );
        match read.entry {
            Some(entry) if read.findings.is_empty() => Ok(Some(entry)),
            _ => {
                let lines: Vec<String> = read.findings.iter().map(ToString::to_string).collect();
                bail!(
                    "{}\n{}",
                    tr!(
                        self.lang,
                        "utkastet {} kunde inte läsas; rätta det eller flytta undan det:",
                        "the draft {} could not be read; correct it or move it away:",
                        self.path.display()
                    ),
                    lines.join("\n")
                )
            }
        }
    }

    /// Writes the entry so far, atomically.
    pub fn save(&self, entry: &Entry) -> Result<()> {
        write_atomic(&self.path, write_entry(entry, self.lang).as_bytes())
    }

    pub fn discard(&self) -> Result<()> {
        match fs::remove_file(&self.path) {
            Err(err) if err.kind() != std::io::ErrorKind::NotFound => Err(err.into()),
            _ => Ok(()),
        }
    }
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
