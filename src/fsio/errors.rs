//! File-system errors said as data, with the file named: "could not write
//! wb/log: a file has that name" rather than the operating system's
//! English "File exists (os error 17)" (worded in `words`).

use std::io::ErrorKind;
use std::path::Path;

use super::Message;

/// What dino was doing with a file when the error came.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Doing {
    Read,
    Write,
    MakeFolder,
    Remove,
}

/// Why an operation failed, as dino tells it in a few words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Why {
    /// The file is not there.
    NotFound,
    /// The user may not do it.
    PermissionDenied,
    /// Something else has the name already.
    AlreadyExists,
    /// A part of the path is a file, not a folder.
    NotADirectory,
    /// The path is a folder.
    IsADirectory,
    /// The disk is full.
    StorageFull,
    /// The disk quota is used up.
    QuotaExceeded,
    /// The file system is read-only.
    ReadOnly,
    /// The file would grow too large.
    FileTooLarge,
    /// The name is not allowed.
    InvalidName,
    /// Interrupted.
    Interrupted,
    /// No words of dino's own: the system's, which are better than none.
    System { error: String },
}

/// Why an operation failed.
pub fn why(err: &std::io::Error) -> Why {
    match err.kind() {
        ErrorKind::NotFound => Why::NotFound,
        ErrorKind::PermissionDenied => Why::PermissionDenied,
        ErrorKind::AlreadyExists => Why::AlreadyExists,
        ErrorKind::NotADirectory => Why::NotADirectory,
        ErrorKind::IsADirectory => Why::IsADirectory,
        ErrorKind::StorageFull => Why::StorageFull,
        ErrorKind::QuotaExceeded => Why::QuotaExceeded,
        ErrorKind::ReadOnlyFilesystem => Why::ReadOnly,
        ErrorKind::FileTooLarge => Why::FileTooLarge,
        ErrorKind::InvalidFilename => Why::InvalidName,
        ErrorKind::Interrupted => Why::Interrupted,
        _ => Why::System {
            error: err.to_string(),
        },
    }
}

/// "could not write PATH: WHY".
pub fn message(doing: Doing, path: &Path, err: &std::io::Error) -> Message {
    Message::Failed {
        doing,
        path: path.display().to_string(),
        why: why(err),
    }
}

/// [`message`] as an error.
pub fn error(doing: Doing, path: &Path, err: &std::io::Error) -> anyhow::Error {
    anyhow::Error::new(message(doing, path, err))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, Say};

    #[test]
    fn errors_name_the_file_in_the_message_language() {
        let exists = std::io::Error::from(ErrorKind::AlreadyExists);
        let path = Path::new("wb/log");
        assert_eq!(
            message(Doing::MakeFolder, path, &exists).say(Lang::Sv),
            "kunde inte skapa mappen wb/log: något annat har redan det namnet"
        );
        let full = std::io::Error::from(ErrorKind::StorageFull);
        assert_eq!(
            message(Doing::Write, path, &full).say(Lang::En),
            "could not write wb/log: there is no space left on the disk"
        );
        let other = std::io::Error::other("odd");
        assert!(
            message(Doing::Read, path, &other)
                .say(Lang::Sv)
                .contains("ett fel från systemet")
        );
    }
}
