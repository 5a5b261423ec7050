//! Finding workbooks: the one a command runs in (this folder or one above
//! it, as git finds its repository), and every workbook below a folder.

use std::fs;
use std::path::{Path, PathBuf};

use super::WORKBOOK_FILE;

/// The workbook that holds `start`: `start` itself or the nearest folder
/// above it with a `workbook.toml`.
/// The path comes back as `start` itself, or `start` with `..` for each
/// folder up, so messages name it as the user would.
pub fn enclosing(start: &Path) -> Option<PathBuf> {
    let absolute = std::path::absolute(start).ok()?;
    let mut shown = start.to_path_buf();
    for dir in absolute.ancestors() {
        if dir.join(WORKBOOK_FILE).is_file() {
            return Some(shown);
        }
        shown = shown.join("..");
    }
    None
}

/// Every workbook at or below `root`, sorted by path. A workbook's own
/// folders are not searched, nor are hidden folders or symbolic links.
pub fn below(root: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    walk(root, &mut out);
    out.sort();
    out
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    if dir.join(WORKBOOK_FILE).is_file() {
        out.push(dir.to_path_buf());
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
        walk(&child, out);
    }
}
