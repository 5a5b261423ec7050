//! A session's files in the workbook's `.dino/` folder, which git ignores:
//! the draft (the entry so far, rewritten atomically after every answer)
//! and the lock that keeps a second session out while one runs.

use std::fs::{self, File, OpenOptions};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

use anyhow::{Result, bail};

use crate::finding::SourceText;
use crate::fsio::errors::{self, Doing};
use crate::fsio::{make_dir_in, write_atomic_in};
use crate::i18n::Lang;
use crate::log::{Entry, read_entry, write_entry};
use crate::tr;

/// The folder, inside a workbook.
pub const STATE_DIR: &str = ".dino";

/// What `.dino/.gitignore` says: drafts and locks belong to this machine,
/// not to the repository.
const IGNORE_ALL: &[u8] = b"*\n";

/// The workbook's `.dino/` folder, made when missing with the `.gitignore`
/// that keeps it out of commits already in it; the `.gitignore` is
/// restored whenever it is missing (as in a folder an older dino made).
fn state_dir(workbook: &Path, lang: Lang) -> Result<PathBuf> {
    let dir = workbook.join(STATE_DIR);
    crate::fsio::inside::check(workbook, &dir).map_err(|out| anyhow::anyhow!(out.message(lang)))?;
    if fs::symlink_metadata(&dir).is_err() {
        make_with_gitignore(workbook, &dir, lang)?;
    }
    make_dir_in(workbook, &dir, lang)?;
    let ignore = dir.join(".gitignore");
    if fs::symlink_metadata(&ignore).is_err() {
        write_atomic_in(workbook, &ignore, IGNORE_ALL, lang)?;
    }
    Ok(dir)
}

/// Makes `dir` whole, its `.gitignore` in it: filled as a temporary
/// folder beside it, then renamed. Made meanwhile by another session is
/// as good.
fn make_with_gitignore(workbook: &Path, dir: &Path, lang: Lang) -> Result<()> {
    let failed = |e| errors::error(Doing::MakeFolder, dir, &e, lang);
    let making = tempfile::Builder::new()
        .prefix(crate::fsio::TEMP_PREFIX)
        .suffix(crate::fsio::TEMP_SUFFIX)
        .tempdir_in(workbook)
        .map_err(failed)?;
    let ignore = making.path().join(".gitignore");
    fs::write(&ignore, IGNORE_ALL)
        .and_then(|()| File::open(&ignore)?.sync_all())
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

/// The draft of the session in progress.
pub struct Draft {
    path: PathBuf,
    lang: Lang,
}

impl Draft {
    pub fn new(workbook: &Path, lang: Lang) -> Result<Draft> {
        Ok(Draft {
            path: state_dir(workbook, lang)?.join("draft.md"),
            lang,
        })
    }

    /// The draft left by an earlier session, if any, and whether it could
    /// be read.
    pub fn load(&self) -> Result<Option<Entry>> {
        if !self.path.is_file() {
            return Ok(None);
        }
        let src = crate::fsio::read_in(
            self.dir(),
            &self.path,
            self.path.display().to_string(),
            self.lang,
        )
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
        let bytes = write_entry(entry, self.lang);
        write_atomic_in(self.dir(), &self.path, bytes.as_bytes(), self.lang)
    }

    /// The `.dino/` folder the draft is in (checked to be inside the
    /// workbook when the draft was named); the draft stays inside it.
    fn dir(&self) -> &Path {
        self.path.parent().unwrap_or(Path::new("."))
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
        let path = state_dir(workbook, lang)?.join("lock");
        let mut file = open_lock(workbook, &path, lang)?;
        match file.try_lock() {
            Ok(()) => {
                let failed = |e| errors::error(Doing::Write, &path, &e, lang);
                file.set_len(0).map_err(failed)?;
                file.rewind().map_err(failed)?;
                writeln!(file, "{who}\n{since}\n{}", std::process::id()).map_err(failed)?;
                file.sync_all().map_err(failed)?;
                Ok(Lock { _file: file })
            }
            Err(std::fs::TryLockError::WouldBlock) => {
                let mut holder = String::new();
                let _ = file.take(4096).read_to_string(&mut holder);
                bail!(held_by(&holder, lang))
            }
            Err(std::fs::TryLockError::Error(err)) => {
                Err(errors::error(Doing::Write, &path, &err, lang))
            }
        }
    }
}

/// Opens (or makes) the lock file: inside the workbook, an ordinary file,
/// and opened without waiting should it be a pipe.
fn open_lock(workbook: &Path, path: &Path, lang: Lang) -> Result<File> {
    crate::fsio::inside::check(workbook, path).map_err(|out| anyhow::anyhow!(out.message(lang)))?;
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32);
    }
    let file = options
        .open(path)
        .map_err(|e| errors::error(Doing::Write, path, &e, lang))?;
    if !file.metadata().is_ok_and(|m| m.is_file()) {
        let shown = path.display();
        let why = crate::fsio::regular::not_regular(lang);
        bail!(tr!(
            lang,
            "kunde inte ta låset {shown}: {why}; ta bort det",
            "could not take the lock {shown}: {why}; remove it"
        ));
    }
    Ok(file)
}

/// Who holds the lock, from what the holder wrote in it; a holder that
/// has not yet written it is just starting.
fn held_by(holder: &str, lang: Lang) -> String {
    let mut lines = holder.lines().map(str::trim).filter(|l| !l.is_empty());
    match (lines.next(), lines.next(), lines.next()) {
        (Some(who), Some(since), Some(pid)) => tr!(
            lang,
            "en session pågår redan i arbetsboken: {who} sedan {since} (process {pid}); vänta tills den är klar",
            "a session is already running in this workbook: {who} since {since} (process {pid}); wait until it is done"
        ),
        _ => tr!(
            lang,
            "en annan session startar eller pågår just nu i arbetsboken; vänta tills den är klar",
            "another session is starting or running in this workbook right now; wait until it is done"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_state_folder_is_made_with_its_gitignore_and_gets_it_back() {
        let wb = tempfile::tempdir().expect("temp");
        let dir = state_dir(wb.path(), Lang::En).expect("made");
        assert_eq!(fs::read(dir.join(".gitignore")).expect("read"), IGNORE_ALL);
        let names: Vec<_> = fs::read_dir(wb.path()).expect("list").flatten().collect();
        assert_eq!(names.len(), 1, "no temporary folder left");
        fs::remove_file(dir.join(".gitignore")).expect("remove");
        state_dir(wb.path(), Lang::En).expect("again");
        assert_eq!(fs::read(dir.join(".gitignore")).expect("read"), IGNORE_ALL);
    }

    #[test]
    fn a_lock_holder_not_yet_written_is_a_session_starting() {
        let full = held_by("Eva\n2026-03-02 09:00\n42\n", Lang::En);
        assert!(
            full.contains("Eva since 2026-03-02 09:00 (process 42)"),
            "{full}"
        );
        for partial in ["", "Eva\n", "Eva\n2026-03-02 09:00"] {
            let told = held_by(partial, Lang::Sv);
            assert!(!told.contains('?'), "{told}");
            assert!(told.contains("en annan session startar"), "{told}");
        }
    }
}
