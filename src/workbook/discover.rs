//! Finding workbooks: the one a command runs in (this folder or one above
//! it, as git finds its repository), and every workbook below a folder.

use std::fs;
use std::path::{Path, PathBuf};

use super::WORKBOOK_FILE;

/// Whether `dir` is a workbook: it has a `workbook.toml`, readable or not
/// (one that is a link out of the workbook, a pipe or a folder is there,
/// and opening the workbook says what is wrong with it).
pub fn is_workbook(dir: &Path) -> bool {
    fs::symlink_metadata(dir.join(WORKBOOK_FILE)).is_ok()
}

/// The workbook that holds `start`: `start` itself or the nearest folder
/// above it with a `workbook.toml`.
/// The path comes back as `start` itself, or `start` with `..` for each
/// folder up, so messages name it as the user would.
pub fn enclosing(start: &Path) -> Option<PathBuf> {
    let absolute = std::path::absolute(start).ok()?;
    let mut shown = start.to_path_buf();
    for dir in absolute.ancestors() {
        if is_workbook(dir) {
            return Some(shown);
        }
        shown = shown.join("..");
    }
    None
}

/// Every workbook at or below `root`, sorted by path. A workbook's own
/// folders are not searched, nor are hidden folders or symbolic links.
pub fn below(root: &Path) -> Vec<PathBuf> {
    below_with_half_made(root).0
}

/// As [`below`], and the folders below `root` that an interrupted
/// `dino new` of an older dino left half made (see [`half_made`]).
pub fn below_with_half_made(root: &Path) -> (Vec<PathBuf>, Vec<PathBuf>) {
    let mut out = Vec::new();
    let mut half = Vec::new();
    walk(root, &mut out, &mut half);
    out.sort();
    half.sort();
    (out, half)
}

/// Whether `dir` is a workbook half made by an interrupted `dino new`: no
/// `workbook.toml`, a `log/` folder with nothing in it but `.gitkeep`, and
/// beside it nothing but `pack-snapshot.toml` and temporary files.
pub fn half_made(dir: &Path) -> bool {
    let only = |dir: &Path, allowed: &[&str]| {
        fs::read_dir(dir).is_ok_and(|list| {
            list.flatten().all(|e| {
                let name = e.file_name();
                let name = name.to_string_lossy();
                allowed.contains(&name.as_ref()) || crate::fsio::is_temp_name(&name)
            })
        })
    };
    let log = dir.join(super::LOG_DIR);
    !is_workbook(dir)
        && fs::symlink_metadata(&log).is_ok_and(|m| m.is_dir())
        && only(&log, &[".gitkeep"])
        && only(dir, &[super::LOG_DIR, crate::pack::snapshot::SNAPSHOT_FILE])
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>, half: &mut Vec<PathBuf>) {
    if is_workbook(dir) {
        out.push(dir.to_path_buf());
        return;
    }
    if half_made(dir) {
        half.push(dir.to_path_buf());
        return;
    }
    let Ok(list) = fs::read_dir(dir) else {
        return;
    };
    let mut children: Vec<PathBuf> = list
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .filter(|e| {
            let name = e.file_name();
            let name = name.to_string_lossy();
            !name.starts_with('.') && name != "target" && name != "node_modules"
        })
        .map(|e| e.path())
        .collect();
    children.sort();
    for child in children {
        walk(&child, out, half);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_an_interrupted_new_left_is_half_made_and_others_are_not() {
        let top = tempfile::tempdir().expect("temp");
        let dir = top.path().join("proj");
        fs::create_dir_all(dir.join("log")).expect("mkdir");
        assert!(half_made(&dir), "only log/");
        fs::write(dir.join("log/.gitkeep"), "").expect("write");
        fs::write(dir.join("pack-snapshot.toml"), "").expect("write");
        fs::write(dir.join(".dino-abc.tmp"), "").expect("write");
        assert!(
            half_made(&dir),
            "log/.gitkeep, the snapshot, a temporary file"
        );
        assert_eq!(
            below_with_half_made(top.path()),
            (vec![], vec![dir.clone()])
        );
        // Someone's own folder with a log of its own is no workbook's.
        fs::write(dir.join("log/server.log"), "").expect("write");
        assert!(!half_made(&dir));
        fs::remove_file(dir.join("log/server.log")).expect("remove");
        fs::write(dir.join("notes.txt"), "").expect("write");
        assert!(!half_made(&dir));
        fs::remove_file(dir.join("notes.txt")).expect("remove");
        fs::write(dir.join(WORKBOOK_FILE), "").expect("write");
        assert!(!half_made(&dir), "a whole workbook");
    }
}
