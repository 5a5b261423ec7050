//! File-system errors told in the message's language, with the file named:
//! "could not write wb/log: a file has that name" rather than the
//! operating system's English "File exists (os error 17)".

use std::io::ErrorKind;
use std::path::Path;

use crate::i18n::Lang;
use crate::tr;

/// What dino was doing with a file when the error came.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Doing {
    Read,
    Write,
    MakeFolder,
    Remove,
}

/// Why an operation failed, in a few words of `lang`.
pub fn why(err: &std::io::Error, lang: Lang) -> String {
    let (sv, en) = match err.kind() {
        ErrorKind::NotFound => ("den finns inte", "it does not exist"),
        ErrorKind::PermissionDenied => ("behörighet saknas", "permission denied"),
        ErrorKind::AlreadyExists => (
            "något annat har redan det namnet",
            "something else has that name already",
        ),
        ErrorKind::NotADirectory => (
            "en del av sökvägen är en fil, inte en mapp",
            "a part of the path is a file, not a folder",
        ),
        ErrorKind::IsADirectory => ("det är en mapp", "it is a folder"),
        ErrorKind::StorageFull => (
            "det finns inte plats kvar på disken",
            "there is no space left on the disk",
        ),
        ErrorKind::QuotaExceeded => ("diskkvoten är slut", "the disk quota is used up"),
        ErrorKind::ReadOnlyFilesystem => (
            "filsystemet är skrivskyddat",
            "the file system is read-only",
        ),
        ErrorKind::FileTooLarge => ("filen blir för stor", "the file would be too large"),
        ErrorKind::InvalidFilename => ("namnet går inte att använda", "the name is not allowed"),
        ErrorKind::Interrupted => ("avbrutet", "interrupted"),
        _ => {
            // No words of our own: the system's, which are better than none.
            return tr!(
                lang,
                "ett fel från systemet ({err})",
                "a system error ({err})"
            );
        }
    };
    lang.pick(sv, en).to_string()
}

/// "could not write PATH: WHY", in `lang`.
pub fn message(doing: Doing, path: &Path, err: &std::io::Error, lang: Lang) -> String {
    let shown = path.display();
    let why = why(err, lang);
    match doing {
        Doing::Read => tr!(
            lang,
            "kunde inte läsa {shown}: {why}",
            "could not read {shown}: {why}"
        ),
        Doing::Write => tr!(
            lang,
            "kunde inte skriva {shown}: {why}",
            "could not write {shown}: {why}"
        ),
        Doing::MakeFolder => tr!(
            lang,
            "kunde inte skapa mappen {shown}: {why}",
            "could not make the folder {shown}: {why}"
        ),
        Doing::Remove => tr!(
            lang,
            "kunde inte ta bort {shown}: {why}",
            "could not remove {shown}: {why}"
        ),
    }
}

/// [`message`] as an error.
pub fn error(doing: Doing, path: &Path, err: &std::io::Error, lang: Lang) -> anyhow::Error {
    anyhow::anyhow!(message(doing, path, err, lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_name_the_file_in_the_message_language() {
        let exists = std::io::Error::from(ErrorKind::AlreadyExists);
        let path = Path::new("wb/log");
        assert_eq!(
            message(Doing::MakeFolder, path, &exists, Lang::Sv),
            "kunde inte skapa mappen wb/log: något annat har redan det namnet"
        );
        let full = std::io::Error::from(ErrorKind::StorageFull);
        assert_eq!(
            message(Doing::Write, path, &full, Lang::En),
            "could not write wb/log: there is no space left on the disk"
        );
        let other = std::io::Error::other("odd");
        assert!(message(Doing::Read, path, &other, Lang::Sv).contains("ett fel från systemet"));
    }
}
