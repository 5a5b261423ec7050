//! Writing files so that a reader never sees half of one: a temporary file
//! in the same folder, flushed to disk, renamed over the target, and the
//! folder flushed too. A workbook's own files are written only inside it
//! ([`write_atomic_in`]).

pub mod errors;
pub mod inside;
pub mod regular;

use std::fs;
use std::io::Write;
use std::path::Path;

use anyhow::Result;

use errors::{Doing, Why, error};
use inside::Leads;

/// What the file layer says (this module and its parts); worded in
/// `words`.
#[derive(Clone, Debug)]
pub enum Message {
    /// Doing something with the file at `path` failed, for `why`.
    Failed {
        doing: Doing,
        path: String,
        why: Why,
    },
    /// Why an operation failed, alone (after the file's name).
    Why(Why),
    /// `path` is not written: it is a folder, a pipe or a device, to be
    /// moved away.
    NotOrdinaryToWrite { path: String },
    /// `path` is not written: it is a symbolic link (to `target`), and
    /// the workbook's own files are written only as ordinary files.
    LinkNotWritten { path: String, target: String },
    /// A file where a folder belongs, after its name: move it away.
    NotAFolder,
    /// `path` should be a folder, but is a file: move it away.
    FileForFolder { path: String },
    /// Not an ordinary file (a folder, a pipe or a device), so not read,
    /// after its name.
    NotRegular,
    /// A link of the workbook that leads out of it, or nowhere: `link`
    /// named, unless the message follows its name already.
    LeadsOut { link: Option<String>, leads: Leads },
}

/// The names the atomic writer gives its temporary files: `.dino-*.tmp`.
pub const TEMP_PREFIX: &str = ".dino-";
/// See [`TEMP_PREFIX`].
pub const TEMP_SUFFIX: &str = ".tmp";

/// Whether a file name is one of the atomic writer's temporary files.
pub fn is_temp_name(name: &str) -> bool {
    name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX)
}

/// Writes `bytes` to `path` atomically and durably.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    write_atomic_parts(path, &[bytes])
}

/// As [`write_atomic`], for a file made of several parts (a report's
/// sections), without joining them in memory first.
pub fn write_atomic_parts(path: &Path, parts: &[&[u8]]) -> Result<()> {
    write_atomic_with(path, |out| {
        parts.iter().try_for_each(|part| out.write_all(part))
    })
}

/// Writes one of the workbook `root`'s own files, atomically: refused when
/// a link on the way leads out of the workbook, when the file itself is a
/// link (writing through it would change another file, even one of the
/// workbook's own: an entry), or when something other than an ordinary
/// file (a folder, a pipe) has the name.
pub fn write_atomic_in(root: &Path, path: &Path, bytes: &[u8]) -> Result<()> {
    writable_in(root, path)?;
    write_atomic(path, bytes)
}

/// Whether [`write_atomic_in`] would write `path`, as far as can be told
/// before: a command that writes two files asks for both first, so that a
/// refusal leaves neither written.
pub fn writable_in(root: &Path, path: &Path) -> Result<()> {
    inside::check(root, path).map_err(|out| out.message())?;
    refuse_link(path)?;
    if let Ok(meta) = fs::metadata(path)
        && !meta.is_file()
    {
        let path = path.display().to_string();
        return Err(Message::NotOrdinaryToWrite { path }.into());
    }
    Ok(())
}

/// Refuses `path` when it is a symbolic link: a workbook's own file that dino
/// writes in place or replaces is written only as an ordinary file.
pub fn refuse_link(path: &Path) -> Result<()> {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            let target = fs::read_link(path).unwrap_or_default();
            Err(Message::LinkNotWritten {
                path: path.display().to_string(),
                target: target.display().to_string(),
            }
            .into())
        }
        _ => Ok(()),
    }
}

/// Makes the folder `dir` of the workbook `root` (and those above it
/// inside the workbook), refused when a link leads out or a file has its
/// name.
pub fn make_dir_in(root: &Path, dir: &Path) -> Result<()> {
    inside::check(root, dir).map_err(|out| out.message())?;
    if let Ok(meta) = fs::metadata(dir)
        && !meta.is_dir()
    {
        let path = dir.display().to_string();
        return Err(Message::FileForFolder { path }.into());
    }
    fs::create_dir_all(dir).map_err(|e| error(Doing::MakeFolder, dir, &e))
}

/// As [`write_atomic`], the content written by `fill`.
///
/// A target that is not a regular file (`/dev/null`, a named pipe, a
/// terminal) is written to as it is: renaming over it would replace the
/// device with a file. A symbolic link is followed, so the link stays.
/// (A workbook's own files go through [`write_atomic_in`], which refuses
/// both when they would lead out of the workbook.)
pub fn write_atomic_with(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    let failed = |e: std::io::Error| error(Doing::Write, path, &e);
    if let Ok(meta) = fs::metadata(path)
        && !meta.is_file()
        && !meta.is_dir()
    {
        let mut out = fs::OpenOptions::new()
            .write(true)
            .open(path)
            .map_err(failed)?;
        return fill(&mut out).map_err(failed);
    }
    let resolved;
    let path = match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            resolved = fs::canonicalize(path).map_err(failed)?;
            resolved.as_path()
        }
        _ => path,
    };
    let failed = |e: std::io::Error| error(Doing::Write, path, &e);
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(TEMP_PREFIX).suffix(TEMP_SUFFIX);
    // Files dino writes are meant to be shared and committed, not private
    // like a temporary file's default.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o644));
    }
    let mut tmp = builder.tempfile_in(dir).map_err(failed)?;
    let filled = {
        let mut buffered = std::io::BufWriter::new(tmp.as_file_mut());
        fill(&mut buffered).and_then(|()| buffered.flush())
    };
    filled
        .and_then(|()| tmp.as_file().sync_all())
        .map_err(failed)?;
    tmp.persist(path).map_err(|e| failed(e.error))?;
    sync_dir(dir);
    Ok(())
}

/// Flushes a folder's entries to disk, where the platform allows it.
pub fn sync_dir(dir: &Path) {
    // On some platforms and file systems a folder cannot be opened or
    // synced (on Windows `File::open` refuses a folder, whose entries NTFS
    // journals itself); the rename has happened either way, so this is
    // best effort.
    if let Ok(handle) = fs::File::open(dir) {
        let _ = handle.sync_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, Say};

    /// A file-layer error in `lang`'s words.
    fn words(err: &anyhow::Error, lang: Lang) -> String {
        err.downcast_ref::<Message>()
            .expect("a message of the file layer")
            .say(lang)
    }

    #[cfg(unix)]
    #[test]
    fn devices_and_links_are_written_through_not_replaced() {
        // A named pipe (like /dev/null, not a regular file) stays a pipe.
        use std::os::unix::fs::FileTypeExt;
        let dir = tempfile::tempdir().expect("temp");
        let fifo = dir.path().join("pipe");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo runs");
        assert!(made.success());
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || fs::read(&fifo).expect("reads"))
        };
        write_atomic(&fifo, b"through").expect("writes");
        assert_eq!(reader.join().expect("reader"), b"through");
        assert!(
            fs::symlink_metadata(&fifo)
                .expect("exists")
                .file_type()
                .is_fifo()
        );
        // A link stays a link, and its target gets the bytes.
        let dir = tempfile::tempdir().expect("temp");
        let target = dir.path().join("real.md");
        fs::write(&target, "old").expect("write");
        let link = dir.path().join("link.md");
        std::os::unix::fs::symlink(&target, &link).expect("link");
        write_atomic(&link, b"new").expect("writes");
        assert!(
            fs::symlink_metadata(&link)
                .expect("link")
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read_to_string(&target).expect("read"), "new");
    }

    #[cfg(unix)]
    #[test]
    fn a_workbooks_own_files_are_written_only_inside_it_and_only_as_files() {
        let top = tempfile::tempdir().expect("temp");
        let wb = top.path().join("wb");
        fs::create_dir(&wb).expect("mkdir");
        let victim = top.path().join("victim.txt");
        fs::write(&victim, "keep").expect("write");
        std::os::unix::fs::symlink(&victim, wb.join("pack-snapshot.toml")).expect("link");
        let err = write_atomic_in(&wb, &wb.join("pack-snapshot.toml"), b"x").expect_err("leaves");
        assert!(
            words(&err, Lang::En).contains("symbolic link out of the workbook"),
            "{err}"
        );
        assert_eq!(fs::read_to_string(&victim).expect("read"), "keep");
        // A pipe is refused at once rather than waited on.
        let fifo = wb.join("workbook.toml");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo runs");
        assert!(made.success());
        let err = write_atomic_in(&wb, &fifo, b"x").expect_err("a pipe");
        assert!(words(&err, Lang::Sv).contains("ingen vanlig fil"), "{err}");
        // A file where a folder belongs is named, in the language asked for.
        fs::write(wb.join("log"), "").expect("write");
        let err = make_dir_in(&wb, &wb.join("log")).expect_err("a file");
        assert!(
            words(&err, Lang::Sv)
                .ends_with("log ska vara en mapp, men är en fil; flytta undan filen"),
            "{err}"
        );
        assert!(write_atomic_in(&wb, &wb.join("ok.toml"), b"x").is_ok());
    }

    #[test]
    fn replaces_the_file_and_leaves_no_temporary_behind() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("out.md");
        write_atomic(&path, b"first").expect("write");
        write_atomic(&path, b"second").expect("overwrite");
        assert_eq!(fs::read_to_string(&path).expect("read"), "second");
        let names: Vec<_> = fs::read_dir(dir.path())
            .expect("list")
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("out.md")]);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&path).expect("stat").permissions().mode();
            assert_eq!(
                mode & 0o777,
                0o644,
                "readable by others, like any shared file"
            );
        }
    }
}
