//! Where a pack's files come from: a folder on disk or the binary itself.
//! Turns bytes into checked text (size, UTF-8, byte-order mark) and keeps
//! every path inside the pack folder.

use std::fs;
use std::io::Read;
use std::path::{Component, Path, PathBuf};

use crate::finding::{Finding, SourceText};
use crate::i18n::Lang;
use crate::tr;

/// The largest pack file dino reads.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

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
    pub fn read(&self, rel: &str, lang: Lang) -> Result<SourceText, Finding> {
        let name = self.display(rel);
        let fail = |message: String| Finding::in_file(name.clone(), message);
        let bytes = match self {
            PackSource::Builtin(_, files) => files
                .iter()
                .find(|(path, _)| *path == rel)
                .map(|(_, bytes)| bytes.to_vec())
                .ok_or_else(|| fail(tr!(lang, "filen finns inte", "the file does not exist")))?,
            PackSource::Dir(root) => read_inside(root, rel, lang).map_err(fail)?,
        };
        decode_text(name, bytes, lang)
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
pub fn check_relative(rel: &str, lang: Lang) -> Result<(), String> {
    let path = Path::new(rel);
    let inside = !rel.is_empty()
        && !rel.contains('\\')
        && path
            .components()
            .all(|c| matches!(c, Component::Normal(_) | Component::CurDir));
    if inside {
        Ok(())
    } else {
        Err(tr!(
            lang,
            "sökvägen `{rel}` lämnar paketets mapp; skriv en sökväg inuti mappen, utan `..` och utan inledande `/`",
            "the path `{rel}` leaves the pack folder; write a path inside it, without `..` or a leading `/`"
        ))
    }
}

fn read_inside(root: &Path, rel: &str, lang: Lang) -> Result<Vec<u8>, String> {
    check_relative(rel, lang)?;
    let path = root.join(rel);
    let real = fs::canonicalize(&path).map_err(|e| io_message(&e, lang))?;
    let real_root = fs::canonicalize(root).map_err(|e| io_message(&e, lang))?;
    if !real.starts_with(&real_root) {
        let target = real.display();
        return Err(tr!(
            lang,
            "filen är en länk till {target}, utanför paketets mapp",
            "the file links to {target}, outside the pack folder"
        ));
    }
    read_limited(&real, lang)
}

/// Reads an ordinary file of at most `MAX_FILE_BYTES`, without reading
/// more of a larger one, and without waiting on a pipe or a device.
pub fn read_limited(path: &Path, lang: Lang) -> Result<Vec<u8>, String> {
    let too_large = || {
        let mib = MAX_FILE_BYTES / 1024 / 1024;
        tr!(
            lang,
            "filen är för stor; dino läser filer på högst {mib} MiB",
            "the file is too large; dino reads files of at most {mib} MiB"
        )
    };
    // Only an ordinary file: a pipe or a terminal would never end.
    let (mut file, size) =
        crate::fsio::regular::open_regular_with_size(path).map_err(|e| e.message(lang))?;
    // A file that says it is too large is not read at all; one that grows
    // while it is read is cut off at the limit and refused.
    if size > MAX_FILE_BYTES {
        return Err(too_large());
    }
    // Room for the whole file and the read that finds its end: two reads.
    let mut bytes = Vec::with_capacity(size as usize + 1);
    (&mut file)
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| io_message(&e, lang))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large());
    }
    Ok(bytes)
}

/// Reads a text file (UTF-8, at most `MAX_FILE_BYTES`), named `name` in
/// findings.
pub fn read_text(path: &Path, name: String, lang: Lang) -> Result<SourceText, Finding> {
    match read_limited(path, lang) {
        Ok(bytes) => decode_text(name, bytes, lang),
        Err(message) => Err(Finding::in_file(name, message)),
    }
}

fn io_message(err: &std::io::Error, lang: Lang) -> String {
    match err.kind() {
        std::io::ErrorKind::NotFound => tr!(lang, "filen finns inte", "the file does not exist"),
        std::io::ErrorKind::PermissionDenied => {
            tr!(lang, "filen får inte läsas", "permission denied")
        }
        _ => {
            let why = crate::fsio::errors::why(err, lang);
            tr!(lang, "kunde inte läsas: {why}", "could not be read: {why}")
        }
    }
}

/// Bytes to text: UTF-8 required (the first bad byte is named by line and
/// column), a leading byte-order mark dropped.
pub fn decode_text(name: String, bytes: Vec<u8>, lang: Lang) -> Result<SourceText, Finding> {
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
            Err(src.finding(
                &(good..good),
                tr!(
                    lang,
                    "filen är inte UTF-8; spara den som UTF-8",
                    "the file is not UTF-8; save it as UTF-8"
                ),
            ))
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

    #[test]
    fn paths_must_stay_inside_the_pack() {
        for ok in ["a.toml", "phases/a.toml", "./a.toml"] {
            assert!(check_relative(ok, Lang::En).is_ok(), "{ok}");
        }
        for bad in [
            "../a.toml",
            "/etc/passwd",
            "a/../../b.toml",
            "",
            "a\\..\\b.toml",
        ] {
            assert!(check_relative(bad, Lang::En).is_err(), "{bad}");
        }
    }

    #[test]
    fn text_must_be_utf8_and_loses_its_bom() {
        let ok = decode_text("f".into(), b"\xef\xbb\xbfid = 1".to_vec(), Lang::En).expect("utf-8");
        assert_eq!(ok.text, "id = 1");
        let bad = decode_text("f".into(), b"a = 1\nb = \"\xff\"".to_vec(), Lang::En)
            .expect_err("latin-1");
        assert_eq!(
            bad.to_string(),
            "f:2:6: the file is not UTF-8; save it as UTF-8"
        );
    }
}
