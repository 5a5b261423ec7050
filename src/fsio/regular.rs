//! Opening a file that must be an ordinary file, without ever waiting on
//! one that is not: a named pipe, a terminal (`/dev/stdin`) or another
//! device would block a read forever, so it is refused before it is
//! opened, and once more on the opened handle (on Unix, opened without
//! blocking), so a file swapped in between is refused too.

use std::fs::{self, File};
use std::io;
use std::path::Path;

use super::Message;

/// Why a file was not opened.
#[derive(Debug)]
pub enum OpenError {
    /// The path is there, but is not an ordinary file.
    NotRegular,
    Io(io::Error),
}

impl OpenError {
    /// The reason, without the file's name.
    pub fn message(&self) -> Message {
        match self {
            OpenError::NotRegular => Message::NotRegular,
            OpenError::Io(err) => Message::Why(super::errors::why(err)),
        }
    }
}

/// Opens `path` for reading if it is an ordinary file (links followed).
pub fn open_regular(path: &Path) -> Result<File, OpenError> {
    open_regular_with_size(path).map(|(file, _)| file)
}

/// As [`open_regular`], with the file's size as it was opened.
pub fn open_regular_with_size(path: &Path) -> Result<(File, u64), OpenError> {
    // Where opening cannot be told not to wait, a pipe is refused before.
    #[cfg(not(unix))]
    if !fs::metadata(path).map_err(OpenError::Io)?.is_file() {
        return Err(OpenError::NotRegular);
    }
    let file = open_nonblocking(path).map_err(OpenError::Io)?;
    // The opened handle is what is read: asked, it cannot have been swapped.
    match file.metadata() {
        Ok(meta) if meta.is_file() => Ok((file, meta.len())),
        Ok(_) => Err(OpenError::NotRegular),
        Err(err) => Err(OpenError::Io(err)),
    }
}

/// Opens for reading; on Unix without blocking, so that opening a pipe
/// returns at once (reads from an ordinary file are not affected).
fn open_nonblocking(path: &Path) -> io::Result<File> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32);
    }
    options.open(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_are_refused_files_open() {
        let dir = tempfile::tempdir().expect("temp");
        assert!(matches!(
            open_regular(dir.path()),
            Err(OpenError::NotRegular)
        ));
        let file = dir.path().join("f.toml");
        fs::write(&file, "x").expect("write");
        assert!(open_regular(&file).is_ok());
        assert!(matches!(
            open_regular(&dir.path().join("none")),
            Err(OpenError::Io(e)) if e.kind() == io::ErrorKind::NotFound
        ));
    }

    #[cfg(unix)]
    #[test]
    fn a_named_pipe_is_refused_without_waiting() {
        let dir = tempfile::tempdir().expect("temp");
        let fifo = dir.path().join("pipe.toml");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo runs");
        assert!(made.success());
        // No writer ever comes: a blocking open would never return.
        assert!(matches!(open_regular(&fifo), Err(OpenError::NotRegular)));
        assert!(matches!(
            open_nonblocking(&fifo).and_then(|f| f.metadata()),
            Ok(meta) if !meta.is_file()
        ));
    }
}
