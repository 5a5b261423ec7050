//! The built-in packs, compiled into the binary from `phases/` by build.rs,
//! and how a pack named on the command line (an id or a folder) is found.

use std::path::{Path, PathBuf};

use super::model::Pack;
use super::source::{PackFiles, PackSource};
use crate::finding::Finding;
use crate::i18n::Lang;

include!(concat!(env!("OUT_DIR"), "/builtin_packs.rs"));

/// The ids of the built-in packs, sorted.
pub fn ids() -> Vec<&'static str> {
    BUILTIN.iter().map(|(id, _)| *id).collect()
}

/// The source of a built-in pack.
pub fn source(id: &str) -> Option<PackSource> {
    BUILTIN
        .iter()
        .find(|(have, _)| *have == id)
        .map(|(id, files)| PackSource::Builtin(id, files))
}

/// What the user named: a built-in pack's id, or a folder.
pub fn resolve(spec: &str) -> PackSource {
    let looks_like_path = spec.contains(['/', '\\']) || spec.starts_with('.');
    match source(spec) {
        Some(builtin) if !looks_like_path => builtin,
        _ => {
            let path = PathBuf::from(spec);
            // Naming the pack's pack.toml means its folder.
            match path.parent() {
                Some(dir)
                    if path.file_name().is_some_and(|n| n == "pack.toml") && path.is_file() =>
                {
                    PackSource::Dir(if dir.as_os_str().is_empty() {
                        PathBuf::from(".")
                    } else {
                        dir.to_path_buf()
                    })
                }
                _ => PackSource::Dir(path),
            }
        }
    }
}

/// Loads a pack named by id or folder. A folder without `pack.toml` (or a
/// name that is neither) gets a finding that says what was looked for.
pub fn load_named(spec: &str, lang: Lang) -> Result<Pack, Vec<Finding>> {
    let source = resolve(spec);
    if let PackSource::Dir(dir) = &source
        && !super::source::has_pack_file(dir)
    {
        return Err(vec![not_a_pack(dir)]);
    }
    super::load(&source, lang)
}

/// Why a folder named holds no pack; worded in `words`.
#[derive(Clone, Debug)]
pub enum Message {
    /// A file was named where a pack's folder belongs.
    AFile,
    /// The folder has no `pack.toml`: `dino pack new` makes one.
    NoPackFile,
    /// Neither a built-in pack (of the ids `builtin`) nor a folder.
    NoSuchPack { builtin: Vec<String> },
}

/// The folder named holds no pack: say what was looked for.
pub fn not_a_pack(dir: &Path) -> Finding {
    Finding::in_file(dir.display().to_string(), not_a_pack_why(dir))
}

/// Why the folder named holds no pack.
pub fn not_a_pack_why(dir: &Path) -> Message {
    if dir.is_file() {
        Message::AFile
    } else if dir.is_dir() {
        Message::NoPackFile
    } else {
        let builtin = ids().into_iter().map(str::to_string).collect();
        Message::NoSuchPack { builtin }
    }
}
