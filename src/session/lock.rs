//! The lock held while a session runs, in the workbook's `.dino/lock`:
//! taken or refused at once, never through a link out of the workbook nor
//! on anything but an ordinary file, and telling who holds it.

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, Write};
use std::path::Path;

use anyhow::{Result, bail};

use super::files::state_dir;
use crate::fsio::errors::{self, Doing};
use crate::i18n::{Lang, Say};
use crate::tr;

/// The lock held while a session runs. The operating system releases it
/// when the process ends, however it ends.
pub struct Lock {
    _file: File,
}

impl Lock {
    /// Takes the workbook's lock, or says who holds it and since when.
    pub fn take(workbook: &Path, who: &str, since: &str, lang: Lang) -> Result<Lock> {
        let path = state_dir(workbook)?.join("lock");
        let mut file = open_lock(workbook, &path, lang)?;
        match file.try_lock() {
            Ok(()) => {
                let failed = |e| errors::error(Doing::Write, &path, &e);
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
            Err(std::fs::TryLockError::Error(err)) => Err(errors::error(Doing::Write, &path, &err)),
        }
    }
}

/// Opens (or makes) the lock file: inside the workbook, an ordinary file,
/// and opened without waiting should it be a pipe.
fn open_lock(workbook: &Path, path: &Path, lang: Lang) -> Result<File> {
    crate::fsio::inside::check(workbook, path).map_err(|out| anyhow::anyhow!(out.message()))?;
    // Written in place, the lock is never a link, even one that stays in
    // the workbook: it would empty `workbook.toml` or an entry.
    crate::fsio::refuse_link(path)?;
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        let flags = rustix::fs::OFlags::NONBLOCK | rustix::fs::OFlags::NOFOLLOW;
        options.custom_flags(flags.bits() as i32);
    }
    let file = options
        .open(path)
        .map_err(|e| errors::error(Doing::Write, path, &e))?;
    let meta = file.metadata();
    if !meta.as_ref().is_ok_and(|m| m.is_file()) {
        let shown = path.display();
        let why = crate::fsio::Message::NotRegular.say(lang);
        bail!(tr!(
            lang,
            "kunde inte ta låset {shown}: {why}; ta bort det",
            "could not take the lock {shown}: {why}; remove it"
        ));
    }
    // The lock is written in place: a hard link would have that write
    // empty a file elsewhere, which no check of links can see leave.
    #[cfg(unix)]
    if meta.is_ok_and(|m| std::os::unix::fs::MetadataExt::nlink(&m) > 1) {
        let shown = path.display();
        bail!(tr!(
            lang,
            "kunde inte ta låset {shown}: filen har fler namn (en hård länk), och att skriva låset skulle ändra dem alla; ta bort {shown}",
            "could not take the lock {shown}: the file has other names too (a hard link), and writing the lock would change them all; remove {shown}"
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
