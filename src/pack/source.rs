//! Where a pack's files come from: a folder on disk or the binary itself.
//! Turns bytes into checked text (size, UTF-8, byte-order mark) and keeps
//! every path inside the pack folder.

use std::fs;
use std::io::Read;
use std::path::{Component, Path, PathBuf};

use crate::finding::{Finding, SourceText};

/// The largest pack file dino reads.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// Why a file was not read; worded in `words`.
#[derive(Clone, Debug)]
pub enum Message {
    /// The file is not there.
    NoFile,
    /// The file may not be read.
    NoPermission,
    /// The file could not be read, for `why`.
    Unreadable { why: crate::fsio::errors::Why },
    /// Not opened: not an ordinary file, or the system's reason.
    NotOpened(crate::fsio::Message),
    /// A path written in a pack (`path`) leaves the pack's folder.
    LeavesPack { path: String },
    /// The file is a link to `target`, outside the pack's folder.
    LinksOut { target: String },
    /// The file is larger than dino reads ([`MAX_FILE_BYTES`]).
    TooLarge,
    /// The file is not UTF-8.
    NotUtf8,
}

/// A built-in pack's files: paths relative to the pack, and their bytes.
pub type PackFiles = &'static [(&'static str, &'static [u8])];

/// The files of one pack.
pub enum PackSource {
    /// A folder, as the user named it.
    Dir(PathBuf),
    /// A built-in pack: its id and its files (path relative to the pack, bytes).
    Builtin(&'static str, PackFiles),
}

impl PackSource {
    /// How a file of this pack is named in messages.
    pub fn display(&self, rel: &str) -> String {
        match self {
            PackSource::Dir(root) => root.join(rel).display().to_string(),
            PackSource::Builtin(id, _) => format!("(built-in) {id}/{rel}"),
        }
    }

    /// Reads one file of the pack as text. `rel` must stay inside the pack.
    pub fn read(&self, rel: &str) -> Result<SourceText, Finding> {
        let name = self.display(rel);
        let fail = |message: Message| Finding::in_file(name.clone(), message);
        let bytes = match self {
            PackSource::Builtin(_, files) => files
                .iter()
                .find(|(path, _)| *path == rel)
                .map(|(_, bytes)| bytes.to_vec())
                .ok_or_else(|| fail(Message::NoFile))?,
            PackSource::Dir(root) => read_inside(root, rel).map_err(fail)?,
        };
        decode_text(name, bytes).map(SourceText::with_lf_line_ends)
    }

    /// Whether the pack has a file at `rel` (a path already checked to stay inside).
    pub fn exists(&self, rel: &str) -> bool {
        match self {
            PackSource::Builtin(_, files) => files.iter().any(|(path, _)| *path == rel),
            PackSource::Dir(root) => root.join(rel).exists(),
        }
    }

    /// Every `.toml` file in the pack, relative to its folder, sorted.
    pub fn toml_files(&self) -> Vec<String> {
        let mut out = match self {
            PackSource::Builtin(_, files) => files
                .iter()
                .map(|(path, _)| path.to_string())
                .filter(|p| p.ends_with(".toml"))
                .collect(),
            PackSource::Dir(root) => {
                let mut out = Vec::new();
                walk(root, Path::new(""), 0, &mut out);
                out
            }
        };
        out.sort();
        out
    }
}

/// Whether `dir` has a `pack.toml`, readable or not: one that is a link
/// out of the folder or a pipe is there, and the loader says what is wrong
/// with it, rather than that there is none.
pub fn has_pack_file(dir: &Path) -> bool {
    fs::symlink_metadata(dir.join("pack.toml")).is_ok()
}

/// Checks that a path written in a pack names a file inside the pack folder.
pub fn check_relative(rel: &str) -> Result<(), Message> {
    let path = Path::new(rel);
    let inside = !rel.is_empty()
        && !rel.contains('\\')
        && path
            .components()
            .all(|c| matches!(c, Component::Normal(_) | Component::CurDir));
    if inside {
        Ok(())
    } else {
        Err(Message::LeavesPack {
            path: rel.to_string(),
        })
    }
}

fn read_inside(root: &Path, rel: &str) -> Result<Vec<u8>, Message> {
    check_relative(rel)?;
    let path = root.join(rel);
    let real = fs::canonicalize(&path).map_err(|e| io_message(&e))?;
    let real_root = fs::canonicalize(root).map_err(|e| io_message(&e))?;
    if !real.starts_with(&real_root) {
        let target = real.display().to_string();
        return Err(Message::LinksOut { target });
    }
    read_limited(&real)
}

/// Reads an ordinary file of at most `MAX_FILE_BYTES`, without reading
/// more of a larger one, and without waiting on a pipe or a device.
pub fn read_limited(path: &Path) -> Result<Vec<u8>, Message> {
    // Only an ordinary file: a pipe or a terminal would never end.
    let (mut file, size) = crate::fsio::regular::open_regular_with_size(path)
        .map_err(|e| Message::NotOpened(e.message()))?;
    // A file that says it is too large is not read at all; one that grows
    // while it is read is cut off at the limit and refused.
    if size > MAX_FILE_BYTES {
        return Err(Message::TooLarge);
    }
    // Room for the whole file and the read that finds its end: two reads.
    let mut bytes = Vec::with_capacity(size as usize + 1);
    (&mut file)
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| io_message(&e))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(Message::TooLarge);
    }
    Ok(bytes)
}

/// Reads a text file (UTF-8, at most `MAX_FILE_BYTES`), named `name` in
/// findings.
pub fn read_text(path: &Path, name: String) -> Result<SourceText, Finding> {
    match read_limited(path) {
        Ok(bytes) => decode_text(name, bytes),
        Err(message) => Err(Finding::in_file(name, message)),
    }
}

fn io_message(err: &std::io::Error) -> Message {
    match err.kind() {
        std::io::ErrorKind::NotFound => Message::NoFile,
        std::io::ErrorKind::PermissionDenied => Message::NoPermission,
        _ => Message::Unreadable {
            why: crate::fsio::errors::why(err),
        },
    }
}

/// Bytes to text: UTF-8 required (the first bad byte is named by line and
/// column), a leading byte-order mark dropped.
pub fn decode_text(name: String, bytes: Vec<u8>) -> Result<SourceText, Finding> {
    match String::from_utf8(bytes) {
        Ok(mut text) => {
            if text.starts_with('\u{feff}') {
                text.drain(..'\u{feff}'.len_utf8());
            }
            Ok(SourceText::new(name, text))
        }
        Err(err) => {
            let good = err.utf8_error().valid_up_to();
            let prefix = String::from_utf8_lossy(&err.as_bytes()[..good]).into_owned();
            let src = SourceText::new(name, prefix);
            Err(src.finding(&(good..good), Message::NotUtf8))
        }
    }
}

/// Collects `.toml` files below a folder, skipping hidden folders.
fn walk(root: &Path, rel: &Path, depth: usize, out: &mut Vec<String>) {
    let Ok(entries) = fs::read_dir(root.join(rel)) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if name.starts_with('.') {
            continue;
        }
        let child = rel.join(name);
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() && depth < 4 {
            walk(root, &child, depth + 1, out);
        } else if name.ends_with(".toml") {
            out.push(child.to_string_lossy().replace('\\', "/"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn paths_must_stay_inside_the_pack() {
        for ok in ["a.toml", "phases/a.toml", "./a.toml"] {
            assert!(check_relative(ok).is_ok(), "{ok}");
        }
        for bad in [
            "../a.toml",
            "/etc/passwd",
            "a/../../b.toml",
            "",
            "a\\..\\b.toml",
        ] {
            assert!(check_relative(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn text_must_be_utf8_and_loses_its_bom() {
        let ok = decode_text("f".into(), b"\xef\xbb\xbfid = 1".to_vec()).expect("utf-8");
        assert_eq!(ok.text, "id = 1");
        let bad = decode_text("f".into(), b"a = 1\nb = \"\xff\"".to_vec()).expect_err("latin-1");
        assert_eq!(
            bad.in_words(Lang::En),
            "f:2:6: the file is not UTF-8; save it as UTF-8"
        );
    }
}
