//! Committing what a command wrote with git, when asked (`--commit`): exactly
//! those files, with git's own author settings. Without a repository, or
//! without git, the files stay written and the reason is told.

use std::path::{Path, PathBuf};
use std::process::Command;

/// What committing says; worded in `words`.
#[derive(Clone, Debug)]
pub enum Message {
    /// git is not installed: the files are written but not committed.
    NoGit,
    /// `dir` is not in a git repository: the files are written but not
    /// committed.
    NotARepository { dir: String },
    /// The files were committed with the commit message `message`.
    Committed { message: String },
    /// git could not commit the files (`why`, in git's words); they are
    /// written.
    NotCommitted { why: String },
}

/// Commits `files` (inside `dir`'s repository) with `message`. Returns a
/// note for the user on what happened.
pub fn commit(dir: &Path, files: &[PathBuf], message: &str) -> Result<Message, Message> {
    let inside = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["rev-parse", "--is-inside-work-tree"])
        .output();
    match inside {
        Err(_) => return Err(Message::NoGit),
        Ok(out) if !out.status.success() => {
            let dir = dir.display().to_string();
            return Err(Message::NotARepository { dir });
        }
        Ok(_) => {}
    }
    let run = |args: &[&std::ffi::OsStr]| -> Result<(), String> {
        let out = Command::new("git")
            .arg("-C")
            .arg(dir)
            .args(args)
            .output()
            .map_err(|e| e.to_string())?;
        if out.status.success() {
            Ok(())
        } else {
            Err(String::from_utf8_lossy(&out.stderr).trim().to_string())
        }
    };
    // Whole paths, since git runs in `dir`, not where the paths start.
    let files: Vec<PathBuf> = files
        .iter()
        .map(|f| f.canonicalize().unwrap_or_else(|_| f.clone()))
        .collect();
    let mut add: Vec<&std::ffi::OsStr> = vec!["add".as_ref(), "--".as_ref()];
    add.extend(files.iter().map(|f| f.as_os_str()));
    let mut commit: Vec<&std::ffi::OsStr> = vec![
        "commit".as_ref(),
        "--quiet".as_ref(),
        "-m".as_ref(),
        message.as_ref(),
        "--".as_ref(),
    ];
    commit.extend(files.iter().map(|f| f.as_os_str()));
    run(&add)
        .and_then(|()| run(&commit))
        .map(|()| Message::Committed {
            message: message.to_string(),
        })
        .map_err(|why| Message::NotCommitted { why })
}

/// Who committed each file of `dir`'s `log/` first, by file name, as git
/// knows it; empty outside a repository or without git.
pub fn log_authors(dir: &Path) -> std::collections::BTreeMap<String, String> {
    let mut out = std::collections::BTreeMap::new();
    let Ok(found) = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args([
            "log",
            "--diff-filter=A",
            "--name-only",
            "--format=@%an",
            "--",
            "log",
        ])
        .output()
    else {
        return out;
    };
    if !found.status.success() {
        return out;
    }
    let text = String::from_utf8_lossy(&found.stdout);
    let mut author = String::new();
    for line in text.lines() {
        if let Some(name) = line.strip_prefix('@') {
            author = name.to_string();
        } else if let Some(file) = Path::new(line).file_name() {
            // The oldest commit that added the file is listed last.
            out.insert(file.to_string_lossy().into_owned(), author.clone());
        }
    }
    out
}
