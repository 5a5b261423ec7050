//! Reading a workbook's own files (`workbook.toml`, the snapshot, entries,
//! the draft): only ordinary files, only inside the workbook, whatever
//! links a clone brought; and finding the temporary files a stopped write
//! left behind.

use std::path::Path;

use crate::finding::{Finding, SourceText};
use crate::i18n::Said;

/// What reading a workbook's own files says; worded in `words`.
#[derive(Clone, Debug)]
pub enum Message {
    /// A temporary file that a stopped write left, which may be deleted.
    LeftoverTempFile,
    /// One of the files dino writes is a link (inside the workbook).
    Linked,
    /// The lock has other names too (a hard link).
    LockHasOtherNames,
}

/// Reads one of the workbook `root`'s own files as text (an ordinary file,
/// inside the workbook, of at most `MAX_FILE_BYTES`), named `name` in
/// findings.
pub fn read_in(root: &Path, path: &Path, name: String) -> Result<SourceText, Finding> {
    if let Err(out) = crate::fsio::inside::check(root, path) {
        return Err(Finding::in_file(name, out.message_for(path)));
    }
    crate::pack::source::read_text(path, name)
}

/// The atomic writer's temporary files (`.dino-*.tmp`) left in the
/// workbook's folder, `log/` or `.dino/` by a write that was stopped.
pub fn leftover_temp_files(root: &Path) -> Vec<Finding> {
    let mut out = Vec::new();
    for dir in [
        root.to_path_buf(),
        root.join(super::LOG_DIR),
        root.join(super::STATE_DIR),
    ] {
        if crate::fsio::inside::check(root, &dir).is_err() {
            continue;
        }
        let Ok(list) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut names: Vec<String> = list
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|name| crate::fsio::is_temp_name(name))
            .collect();
        names.sort();
        out.extend(names.into_iter().map(|name| {
            Finding::in_file(
                dir.join(name).display().to_string(),
                Message::LeftoverTempFile,
            )
        }));
    }
    out
}

/// What is wrong with the workbook's `.dino/` folder, where there is one,
/// such that every `dino run` would be refused until it is moved away: a
/// link out of the workbook, a file where the folder belongs, a draft or a
/// lock that is not an ordinary file, or a lock with other names too (a
/// hard link, which writing the lock would change).
pub fn state_dir_problems(root: &Path) -> Vec<Finding> {
    use std::fs;
    let dir = root.join(super::STATE_DIR);
    let named = |path: &Path, message: Said| Finding::in_file(path.display().to_string(), message);
    if fs::symlink_metadata(&dir).is_err() {
        return Vec::new();
    }
    if let Err(out) = crate::fsio::inside::check(root, &dir) {
        return vec![named(&dir, out.message_for(&dir).into())];
    }
    if !fs::metadata(&dir).is_ok_and(|m| m.is_dir()) {
        return vec![named(&dir, crate::fsio::Message::NotAFolder.into())];
    }
    let mut out = Vec::new();
    for name in ["draft.md", "lock"] {
        let path = dir.join(name);
        let Ok(own) = fs::symlink_metadata(&path) else {
            continue;
        };
        if let Err(leaves) = crate::fsio::inside::check(root, &path) {
            out.push(named(&path, leaves.message_for(&path).into()));
            continue;
        }
        if own.file_type().is_symlink() {
            out.push(named(&path, Message::Linked.into()));
            continue;
        }
        let Ok(meta) = fs::metadata(&path) else {
            continue;
        };
        if !meta.is_file() {
            out.push(named(&path, crate::fsio::Message::NotRegular.into()));
            continue;
        }
        #[cfg(unix)]
        if name == "lock" && std::os::unix::fs::MetadataExt::nlink(&meta) > 1 {
            out.push(named(&path, Message::LockHasOtherNames.into()));
        }
    }
    out
}

/// `workbook.toml` and `pack-snapshot.toml` when they are links that stay
/// inside the workbook: read, but `dino upgrade` will not write them (a
/// link out of the workbook is named as such where it is read).
pub fn linked_own_files(root: &Path) -> Vec<Finding> {
    [super::WORKBOOK_FILE, super::snapshot::SNAPSHOT_FILE]
        .into_iter()
        .map(|name| root.join(name))
        .filter(|path| {
            std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
                && crate::fsio::inside::check(root, path).is_ok()
        })
        .map(|path| Finding::in_file(path.display().to_string(), Message::Linked))
        .collect()
}
