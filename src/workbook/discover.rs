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

/// How many folders below the one searched a workbook may lie; deeper
/// folders are not searched, and said so (a folder tree may come from
/// anyone, and nothing is walked without an end).
pub const MAX_SEARCH_DEPTH: usize = 16;

/// What a search below a folder found, each list sorted by path.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Found {
    pub workbooks: Vec<PathBuf>,
    /// Folders an interrupted `dino new` of an older dino left half made
    /// (see [`half_made`]).
    pub half_made: Vec<PathBuf>,
    /// Folders [`MAX_SEARCH_DEPTH`] down that hold folders not searched.
    pub too_deep: Vec<PathBuf>,
}

/// Every workbook at or below `root`, sorted by path. A workbook's own
/// folders are not searched, nor are hidden folders or symbolic links.
pub fn below(root: &Path) -> Vec<PathBuf> {
    search(root).workbooks
}

/// As [`below`], with the half-made folders and those too deep to search.
/// The walk keeps its own list of folders to visit, so no folder tree can
/// exhaust the stack.
pub fn search(root: &Path) -> Found {
    let mut found = Found::default();
    let mut to_visit = vec![(root.to_path_buf(), 0)];
    while let Some((dir, depth)) = to_visit.pop() {
        if is_workbook(&dir) {
            found.workbooks.push(dir);
        } else if half_made(&dir) {
            found.half_made.push(dir);
        } else {
            let children = subfolders(&dir);
            if depth == MAX_SEARCH_DEPTH && !children.is_empty() {
                found.too_deep.push(dir);
            } else {
                to_visit.extend(children.into_iter().map(|child| (child, depth + 1)));
            }
        }
    }
    found.workbooks.sort();
    found.half_made.sort();
    found.too_deep.sort();
    found
}

/// The folders in `dir` a workbook may be in: not hidden, not links, not
/// build output.
fn subfolders(dir: &Path) -> Vec<PathBuf> {
    let Ok(list) = fs::read_dir(dir) else {
        return Vec::new();
    };
    list.flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .filter(|e| {
            let name = e.file_name();
            let name = name.to_string_lossy();
            !name.starts_with('.') && name != "target" && name != "node_modules"
        })
        .map(|e| e.path())
        .collect()
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
        && only(dir, &[super::LOG_DIR, super::snapshot::SNAPSHOT_FILE])
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
        let found = search(top.path());
        assert!(found.workbooks.is_empty());
        assert_eq!(found.half_made, vec![dir.clone()]);
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

    #[test]
    fn a_search_goes_only_so_deep_and_names_where_it_stopped() {
        let top = tempfile::tempdir().expect("temp");
        let mut deep = top.path().to_path_buf();
        for level in 0..MAX_SEARCH_DEPTH + 3 {
            deep.push(format!("d{level}"));
        }
        fs::create_dir_all(&deep).expect("mkdir");
        fs::write(deep.join(WORKBOOK_FILE), "").expect("write");
        let shallow = top.path().join("a").join("wb");
        fs::create_dir_all(&shallow).expect("mkdir");
        fs::write(shallow.join(WORKBOOK_FILE), "").expect("write");

        let found = search(top.path());
        assert_eq!(found.workbooks, vec![shallow]);
        let mut stop = top.path().to_path_buf();
        for level in 0..MAX_SEARCH_DEPTH {
            stop.push(format!("d{level}"));
        }
        assert_eq!(found.too_deep, vec![stop]);
    }
}
