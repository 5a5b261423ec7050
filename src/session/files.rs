//! A session's files in the workbook's `.dino/` folder, which git ignores:
//! the draft (the entry so far, rewritten atomically after every answer,
//! and the entry's hand-over into `log/`) and the folder itself, with the
//! `.gitignore` that keeps it out of commits. The lock that keeps a second
//! session out is in `lock.rs`.

use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Result, bail};

use crate::fsio::errors::{self, Doing};
use crate::fsio::{make_dir_in, write_atomic_in};
use crate::i18n::Lang;
use crate::log::{Entry, entry_file_name, read_entry};
use crate::tr;

/// The folder, inside a workbook.
pub use crate::workbook::STATE_DIR;

/// What `.dino/.gitignore` says: drafts and locks belong to this machine,
/// not to the repository.
const IGNORE_ALL: &[u8] = b"*\n";

/// The workbook's `.dino/` folder, made when missing with the `.gitignore`
/// that keeps it out of commits already in it; the `.gitignore` is
/// restored whenever it is missing (as in a folder an older dino made).
pub(super) fn state_dir(workbook: &Path) -> Result<PathBuf> {
    let dir = workbook.join(STATE_DIR);
    if fs::symlink_metadata(&dir).is_err() {
        make_with_gitignore(workbook, &dir)?;
    } else {
        // There already: checked to stay inside, and to be a folder.
        make_dir_in(workbook, &dir)?;
    }
    let ignore = dir.join(".gitignore");
    if fs::symlink_metadata(&ignore).is_err() {
        write_atomic_in(workbook, &ignore, IGNORE_ALL)?;
    }
    Ok(dir)
}

/// Makes `dir` whole, its `.gitignore` in it: filled as a temporary
/// folder beside it, then renamed. Made meanwhile by another session is
/// as good.
fn make_with_gitignore(workbook: &Path, dir: &Path) -> Result<()> {
    let failed = |e| errors::error(Doing::MakeFolder, dir, &e);
    let making = tempfile::Builder::new()
        .prefix(crate::fsio::TEMP_PREFIX)
        .suffix(crate::fsio::TEMP_SUFFIX)
        .tempdir_in(workbook)
        .map_err(failed)?;
    let ignore = making.path().join(".gitignore");
    // Written and flushed through one handle: Windows flushes only a file
    // opened for writing.
    File::create(&ignore)
        .and_then(|mut file| {
            file.write_all(IGNORE_ALL)?;
            file.sync_all()
        })
        .map_err(failed)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = fs::set_permissions(making.path(), fs::Permissions::from_mode(0o755));
    }
    match fs::rename(making.path(), dir) {
        Ok(()) => {
            let _ = making.keep();
            crate::fsio::sync_dir(workbook);
            Ok(())
        }
        Err(_) if dir.is_dir() => Ok(()),
        Err(err) => Err(failed(err)),
    }
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
        let src = crate::workbook::own_files::read_in(
            self.dir(),
            &self.path,
            self.path.display().to_string(),
        )
        .map_err(|f| anyhow::anyhow!("{f}"))?;
        let read = read_entry(&src, self.messages);
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
        let what = crate::log::readback::Written::Draft;
        let text = crate::log::readback::entry_text(entry, what, self.lang, self.messages)?;
        self.save_text(&text)
    }

    /// Writes `text` (an entry's, already read back) as the draft, unless
    /// the draft holds it already.
    pub fn save_text(&self, text: &str) -> Result<()> {
        if holds(&self.path, text) {
            return Ok(());
        }
        write_atomic_in(self.dir(), &self.path, text.as_bytes())
    }

    /// The `.dino/` folder the draft is in (checked to be inside the
    /// workbook when the draft was named); the draft stays inside it.
    fn dir(&self) -> &Path {
        folder_of(&self.path)
    }

    pub fn discard(&self) -> Result<()> {
        remove_if_there(&self.path)
    }
}

/// The hand-over of a note into `log/`. From before the note is written into
/// the log until the command is done (printed, committed), `.dino/` holds
/// its entry's very text under a name taken from what it records; a rerun
/// of a `dino note` that was stopped on the way finds it in the log and
/// does not write it twice. A note written again later, once the first
/// command finished, is a note of its own and is written.
pub struct NoteMark {
    path: PathBuf,
    log: PathBuf,
    messages: Lang,
}

impl NoteMark {
    /// The mark of `entry`, a note, in the workbook `workbook`.
    pub fn new(workbook: &Path, entry: &Entry, messages: Lang) -> Result<NoteMark> {
        use sha2::{Digest, Sha256};
        let m = &entry.meta;
        let what = format!(
            "{:?}\n{:?}\n{:?}\n{:?}\n{:?}",
            m.kind, m.by, m.phase, m.closes, entry.body
        );
        let key: String = Sha256::digest(what.as_bytes())[..6]
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        Ok(NoteMark {
            path: state_dir(workbook)?.join(format!("note-{key}.md")),
            log: workbook.join(crate::workbook::LOG_DIR),
            messages,
        })
    }

    /// The log file a stopped run of the same note wrote already, if any.
    pub fn written(&self, entry: &Entry) -> Option<PathBuf> {
        let name = self.path.display().to_string();
        let src =
            crate::workbook::own_files::read_in(folder_of(&self.path), &self.path, name).ok()?;
        let read = read_entry(&src, self.messages);
        let earlier = read.entry.filter(|_| read.findings.is_empty())?;
        if !super::same_record(&earlier, entry) {
            return None;
        }
        log_file_holding(&self.log, &earlier, &src.text)
    }

    /// Marks `text`, the note's entry, as being written.
    pub fn save(&self, text: &str) -> Result<()> {
        write_atomic_in(folder_of(&self.path), &self.path, text.as_bytes())
    }

    /// The note is written and the command done: the mark goes.
    pub fn clear(&self) -> Result<()> {
        remove_if_there(&self.path)
    }
}

/// The `.dino/` folder a file of it is in (checked to be inside the
/// workbook when the file was named): the file is kept inside it.
fn folder_of(path: &Path) -> &Path {
    path.parent().unwrap_or(Path::new("."))
}

/// Removes `path`, if it is there.
fn remove_if_there(path: &Path) -> Result<()> {
    match fs::remove_file(path) {
        Err(err) if err.kind() != std::io::ErrorKind::NotFound => {
            Err(errors::error(Doing::Remove, path, &err))
        }
        _ => Ok(()),
    }
}

/// The file in `log` (a workbook's `log/`) that holds exactly `text`, the
/// Markdown of `entry`: its name is the one `text` would be given (more id
/// digits when those were taken). A file found only through a link out of
/// the workbook is not it: the entry is not in this workbook's log.
pub fn log_file_holding(log: &Path, entry: &Entry, text: &str) -> Option<PathBuf> {
    let name = entry_file_name(&entry.meta, text, |_| false);
    let stem = name.strip_suffix(".md")?;
    let workbook = log.parent().unwrap_or(Path::new("."));
    let inside = |path: &Path| crate::fsio::inside::check(workbook, path).is_ok();
    if !inside(log) {
        return None;
    }
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
        .find(|path| inside(path) && holds(path, text))
}

/// Whether `path` is a regular file holding exactly `text` (a named pipe
/// or a device is not read: that could wait forever).
fn holds(path: &Path, text: &str) -> bool {
    crate::pack::source::read_limited(path).is_ok_and(|held| held == text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_state_folder_is_made_with_its_gitignore_and_gets_it_back() {
        let wb = tempfile::tempdir().expect("temp");
        let dir = state_dir(wb.path()).expect("made");
        assert_eq!(fs::read(dir.join(".gitignore")).expect("read"), IGNORE_ALL);
        let names: Vec<_> = fs::read_dir(wb.path()).expect("list").flatten().collect();
        assert_eq!(names.len(), 1, "no temporary folder left");
        fs::remove_file(dir.join(".gitignore")).expect("remove");
        state_dir(wb.path()).expect("again");
        assert_eq!(fs::read(dir.join(".gitignore")).expect("read"), IGNORE_ALL);
    }
}
