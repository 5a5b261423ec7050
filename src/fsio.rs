//! Writing files so that a reader never sees half of one: a temporary file
//! in the same folder, flushed to disk, renamed over the target, and the
//! folder flushed too.

use std::fs;
use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};

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

/// As [`write_atomic`], the content written by `fill`.
///
/// A target that is not a regular file (`/dev/null`, a named pipe, a
/// terminal) is written to as it is: renaming over it would replace the
/// device with a file. A symbolic link is followed, so the link stays.
pub fn write_atomic_with(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    if let Ok(meta) = fs::metadata(path)
        && !meta.is_file()
        && !meta.is_dir()
    {
        let mut out = fs::OpenOptions::new()
            .write(true)
            .open(path)
            .with_context(|| format!("cannot write {}", path.display()))?;
        return fill(&mut out).with_context(|| format!("cannot write {}", path.display()));
    }
    let resolved;
    let path = match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            resolved = fs::canonicalize(path)
                .with_context(|| format!("cannot write {}", path.display()))?;
            resolved.as_path()
        }
        _ => path,
    };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".dino-").suffix(".tmp");
    // Files dino writes are meant to be shared and committed, not private
    // like a temporary file's default.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o644));
    }
    let mut tmp = builder
        .tempfile_in(dir)
        .with_context(|| format!("cannot create a temporary file in {}", dir.display()))?;
    let filled = {
        let mut buffered = std::io::BufWriter::new(tmp.as_file_mut());
        fill(&mut buffered).and_then(|()| buffered.flush())
    };
    filled
        .and_then(|()| tmp.as_file().sync_all())
        .with_context(|| format!("cannot write {}", path.display()))?;
    tmp.persist(path)
        .map_err(|e| e.error)
        .with_context(|| format!("cannot write {}", path.display()))?;
    sync_dir(dir);
    Ok(())
}

/// Flushes a folder's entries to disk, where the platform allows it.
fn sync_dir(dir: &Path) {
    // On some platforms and file systems a folder cannot be opened or
    // synced; the rename has happened either way, so this is best effort.
    if let Ok(handle) = fs::File::open(dir) {
        let _ = handle.sync_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
