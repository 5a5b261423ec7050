//! Keeping a workbook's reads and writes inside its folder. A workbook may
//! come from anyone by `git clone`, and git keeps symbolic links: a
//! `pack-snapshot.toml` linked to `../victim.txt`, or `log/` linked to
//! `~/.ssh`, would otherwise have dino replace or print files far away.
//! Links that stay inside the workbook are followed; a link that leaves
//! it, or leads nowhere, is refused with its name and where it leads.

use std::fs;
use std::path::{Component, Path, PathBuf};

use super::Message;

/// A path of the workbook that leads out of it.
#[derive(Debug)]
pub struct Outside {
    /// The link, as the path dino was given names it.
    pub link: PathBuf,
    /// Where it leads, when that can be told.
    pub target: Option<PathBuf>,
    /// Whether there is anything where it leads.
    pub dangling: bool,
}

/// Where a link that leaves the workbook leads.
#[derive(Clone, Debug)]
pub enum Leads {
    /// Out of the workbook, to `target`.
    Out { target: String },
    /// To `target`, which is not there.
    Nowhere { target: String },
    /// Nowhere that can be told.
    Unknown,
}

impl Outside {
    /// The message for `path`: naming the link and where it leads, or,
    /// when `path` is the link itself (and named already), only where.
    pub fn message_for(&self, path: &Path) -> Message {
        Message::LeadsOut {
            link: (self.link != path).then(|| self.link.display().to_string()),
            leads: self.leads(),
        }
    }

    /// The message, naming the link and where it leads.
    pub fn message(&self) -> Message {
        Message::LeadsOut {
            link: Some(self.link.display().to_string()),
            leads: self.leads(),
        }
    }

    /// Where the link leads.
    fn leads(&self) -> Leads {
        match &self.target {
            Some(target) if self.dangling => Leads::Nowhere {
                target: target.display().to_string(),
            },
            Some(target) => Leads::Out {
                target: target.display().to_string(),
            },
            None => Leads::Unknown,
        }
    }
}

/// Checks that `path`, a file or folder of the workbook `root` (that may
/// not exist yet), stays inside `root` whatever links lie on the way.
pub fn check(root: &Path, path: &Path) -> Result<(), Outside> {
    if plainly_inside(root, path) {
        return Ok(());
    }
    let Ok(real_root) = fs::canonicalize(root) else {
        // No workbook folder to leave: nothing can be written through it.
        return Ok(());
    };
    let rel = path.strip_prefix(root).unwrap_or(path);
    let mut at = if rel == path {
        PathBuf::new()
    } else {
        root.to_path_buf()
    };
    for part in rel.components() {
        at.push(part);
        if matches!(
            part,
            Component::ParentDir | Component::RootDir | Component::Prefix(_)
        ) {
            continue;
        }
        let Ok(meta) = fs::symlink_metadata(&at) else {
            // Not there yet: what follows is made by dino, inside.
            return check_real(&at, &real_root, path);
        };
        if meta.file_type().is_symlink() {
            match fs::canonicalize(&at) {
                Ok(real) if real.starts_with(&real_root) => {}
                Ok(real) => {
                    return Err(Outside {
                        link: at,
                        target: Some(real),
                        dangling: false,
                    });
                }
                Err(_) => {
                    return Err(Outside {
                        target: fs::read_link(&at).ok(),
                        link: at,
                        dangling: true,
                    });
                }
            }
        }
    }
    check_real(&at, &real_root, path)
}

/// Whether `path` is `root` joined with plain names only (no `..`), none of
/// them a link as far as they exist: then it stays inside without asking
/// where `root` really is. Most paths are so, and this keeps a portfolio's
/// reading free of a path resolution per file.
fn plainly_inside(root: &Path, path: &Path) -> bool {
    let Ok(rel) = path.strip_prefix(root) else {
        return false;
    };
    if !rel
        .components()
        .all(|c| matches!(c, Component::Normal(_) | Component::CurDir))
    {
        return false;
    }
    let mut at = root.to_path_buf();
    for part in rel.components() {
        at.push(part);
        match fs::symlink_metadata(&at) {
            Ok(meta) if meta.file_type().is_symlink() => return false,
            Ok(_) => {}
            // Not there yet: what follows is made by dino, inside.
            Err(_) => return true,
        }
    }
    true
}

/// The nearest existing folder at or above `at` is inside `real_root`
/// (catches `..` in the path given).
fn check_real(at: &Path, real_root: &Path, path: &Path) -> Result<(), Outside> {
    let existing = at.ancestors().find_map(|a| fs::canonicalize(a).ok());
    match existing {
        Some(real) if !real.starts_with(real_root) => Err(Outside {
            link: path.to_path_buf(),
            target: Some(real),
            dangling: false,
        }),
        _ => Ok(()),
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use crate::i18n::{Lang, Say};
    use std::os::unix::fs::symlink;

    #[test]
    fn links_that_leave_are_refused_and_links_that_stay_are_not() {
        let top = tempfile::tempdir().expect("temp");
        let wb = top.path().join("wb");
        fs::create_dir_all(wb.join("log")).expect("mkdir");
        fs::write(top.path().join("victim.txt"), "keep").expect("write");
        fs::write(wb.join("workbook.toml"), "").expect("write");
        // A plain file, a file not made yet, a link that stays inside.
        assert!(check(&wb, &wb.join("workbook.toml")).is_ok());
        assert!(check(&wb, &wb.join(".dino/lock")).is_ok());
        symlink("workbook.toml", wb.join("alias.toml")).expect("link");
        assert!(check(&wb, &wb.join("alias.toml")).is_ok());
        // A file linked out, a folder linked out, a link to nowhere.
        symlink("../victim.txt", wb.join("pack-snapshot.toml")).expect("link");
        let out = check(&wb, &wb.join("pack-snapshot.toml")).expect_err("leaves");
        assert_eq!(out.link, wb.join("pack-snapshot.toml"));
        assert!(out.message().say(Lang::En).contains("victim.txt"));
        symlink(top.path(), wb.join(".dino")).expect("link");
        let out = check(&wb, &wb.join(".dino/lock")).expect_err("leaves");
        assert_eq!(out.link, wb.join(".dino"));
        symlink("/nonexistent/place", wb.join("log/x.md")).expect("link");
        let out = check(&wb, &wb.join("log/x.md")).expect_err("nowhere");
        assert!(out.message().say(Lang::En).ends_with(
            "log/x.md is a symbolic link to /nonexistent/place, which is not there; remove the link"
        ));
        // `..` does not get out either.
        assert!(check(&wb, &wb.join("log/../../victim.txt")).is_err());
    }
}
