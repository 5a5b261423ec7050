//! A session's files in the workbook's `.dino/` folder, which git ignores:
//! the draft (the entry so far, rewritten atomically after every answer)
//! and the folder itself, with the `.gitignore` that keeps it out of
//! commits. The lock that keeps a second session out is in `lock.rs`.

use std::fs::{self, File};
use std::path::{Path, PathBuf};

use anyhow::{Result, bail};

pub use super::lock::Lock;
use crate::finding::SourceText;
use crate::fsio::errors::{self, Doing};
use crate::fsio::{make_dir_in, write_atomic_in};
use crate::i18n::Lang;
use crate::log::{Entry, read_entry, write_entry};
use crate::tr;

/// The folder, inside a workbook.
pub use crate::workbook::STATE_DIR;

/// What `.dino/.gitignore` says: drafts and locks belong to this machine,
/// not to the repository.
const IGNORE_ALL: &[u8] = b"*\n";

/// The workbook's `.dino/` folder, made when missing with the `.gitignore`
/// that keeps it out of commits already in it; the `.gitignore` is
/// restored whenever it is missing (as in a folder an older dino made).
pub(super) fn state_dir(workbook: &Path, lang: Lang) -> Result<PathBuf> {
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
        let src = crate::workbook::own_files::read_in(
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
}
