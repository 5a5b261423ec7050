//! Committing what a command wrote with git, when asked (`--commit`): exactly
//! those files, with git's own author settings. Without a repository, or
//! without git, the files stay written and the reason is told. What would
//! make the commit fail for certain (a merge under way, no identity, `log/`
//! ignored) is found before anything is written; a commit that fails all
//! the same leaves nothing staged.

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
    /// written, and no longer staged.
    NotCommitted { why: String },
    /// A merge, rebase, cherry-pick or revert (`what`) is under way in the
    /// repository: a commit now would be part of it, or fail.
    Unfinished { what: Unfinished },
    /// git has no name or e-mail to commit with.
    NoIdentity { why: String },
    /// The entry's file would be ignored by git: `rule` is git's
    /// `SOURCE:LINE:PATTERN`.
    Ignored { path: String, rule: String },
    /// HEAD is detached: the commit goes on no branch.
    DetachedHead,
    /// `path` has changes git has not committed, which a commit of it
    /// would take along unseen.
    Uncommitted { path: String },
}

/// An operation git has under way in a repository.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unfinished {
    Merge,
    Rebase,
    CherryPick,
    Revert,
}

/// What git leaves in its folder while each operation is under way.
const UNDER_WAY: [(&str, Unfinished); 6] = [
    ("MERGE_HEAD", Unfinished::Merge),
    ("rebase-merge", Unfinished::Rebase),
    ("rebase-apply", Unfinished::Rebase),
    ("CHERRY_PICK_HEAD", Unfinished::CherryPick),
    ("REVERT_HEAD", Unfinished::Revert),
    ("sequencer", Unfinished::CherryPick),
];

/// git in `dir`, its output when it succeeded, git's words when it did
/// not, `None` when git cannot be started.
fn git_in(dir: &Path, args: &[&std::ffi::OsStr]) -> Option<Result<String, String>> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .ok()?;
    let text = |bytes: &[u8]| String::from_utf8_lossy(bytes).trim().to_string();
    Some(if out.status.success() {
        Ok(text(&out.stdout))
    } else {
        Err(text(&out.stderr))
    })
}

/// Before a command writes what `--commit` is to commit: an error when the
/// commit is sure to fail or to go where it should not (a merge, rebase,
/// cherry-pick or revert under way; no identity; `probe`, a file the
/// command would write, ignored), so that nothing is written; a warning
/// for a detached HEAD. Outside a repository, or without git, nothing is
/// said here: the commit's own note tells it.
pub fn before_writing(dir: &Path, probe: &Path) -> Result<Option<Message>, Message> {
    let os = |s: &'static str| -> &'static std::ffi::OsStr { s.as_ref() };
    let Some(Ok(git_dir)) = git_in(dir, &[os("rev-parse"), os("--absolute-git-dir")]) else {
        return Ok(None);
    };
    let git_dir = PathBuf::from(git_dir);
    if let Some((_, what)) = UNDER_WAY.iter().find(|(f, _)| git_dir.join(f).exists()) {
        return Err(Message::Unfinished { what: *what });
    }
    if let Some(Err(why)) = git_in(dir, &[os("var"), os("GIT_AUTHOR_IDENT")]) {
        return Err(Message::NoIdentity { why });
    }
    let probe = absolute(probe);
    let check = [
        os("check-ignore"),
        os("-v"),
        os("--no-index"),
        probe.as_os_str(),
    ];
    if let Some(Ok(rule)) = git_in(dir, &check) {
        // `SOURCE:LINE:PATTERN<TAB>PATH`: the rule is what comes before the tab.
        let rule = rule.split('\t').next().unwrap_or_default().to_string();
        let path = probe.display().to_string();
        return Err(Message::Ignored { path, rule });
    }
    let branch = git_in(dir, &[os("symbolic-ref"), os("-q"), os("HEAD")]);
    Ok(matches!(branch, Some(Err(_))).then_some(Message::DetachedHead))
}

/// Whether `path`, a file inside `dir`'s repository, has changes that are
/// not committed (staged or not); false outside a repository.
pub fn has_changes(dir: &Path, path: &Path) -> bool {
    let path = absolute(path);
    let args = [
        "status".as_ref(),
        "--porcelain".as_ref(),
        "--".as_ref(),
        path.as_os_str(),
    ];
    matches!(git_in(dir, &args), Some(Ok(out)) if !out.is_empty())
}

/// `path` whole, even when it does not exist yet: its folder made whole.
fn absolute(path: &Path) -> PathBuf {
    if let Ok(whole) = path.canonicalize() {
        return whole;
    }
    match (path.parent(), path.file_name()) {
        (Some(parent), Some(name)) => absolute(parent).join(name),
        _ => path.to_path_buf(),
    }
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
        .map_err(|why| {
            unstage(dir, &files);
            Message::NotCommitted { why }
        })
}

/// Takes `files` out of the index again, as they were before `add`; before
/// the first commit, by removing them from the index.
fn unstage(dir: &Path, files: &[PathBuf]) {
    let mut reset: Vec<&std::ffi::OsStr> = vec!["reset".as_ref(), "-q".as_ref(), "--".as_ref()];
    reset.extend(files.iter().map(|f| f.as_os_str()));
    if let Some(Ok(_)) = git_in(dir, &reset) {
        return;
    }
    let mut rm: Vec<&std::ffi::OsStr> = vec![
        "rm".as_ref(),
        "-q".as_ref(),
        "--cached".as_ref(),
        "--ignore-unmatch".as_ref(),
        "--".as_ref(),
    ];
    rm.extend(files.iter().map(|f| f.as_os_str()));
    let _ = git_in(dir, &rm);
}

/// The commit that first added a file of `log/`: its short hash and its
/// author, as git knows them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Added {
    pub commit: String,
    pub author: String,
}

/// The commit that added each file of `dir`'s `log/`, by file name; empty
/// outside a repository or without git.
pub fn log_added(dir: &Path) -> std::collections::BTreeMap<String, Added> {
    // Newest first: the oldest commit that added a file is the one kept.
    commits_by_file(dir, "--diff-filter=A")
        .into_iter()
        .collect()
}

/// Each file of `dir`'s `log/` that commits of `filter` (`--diff-filter=…`)
/// touched, with each such commit, newest first as git lists them; empty
/// outside a repository or without git.
fn commits_by_file(dir: &Path, filter: &str) -> Vec<(String, Added)> {
    let args: [&std::ffi::OsStr; 6] = [
        "log".as_ref(),
        filter.as_ref(),
        "--name-only".as_ref(),
        "--format=@%h %an".as_ref(),
        "--".as_ref(),
        "log".as_ref(),
    ];
    let Some(Ok(text)) = git_in(dir, &args) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut commit = Added {
        commit: String::new(),
        author: String::new(),
    };
    for line in text.lines() {
        if let Some(head) = line.strip_prefix('@') {
            let (hash, author) = head.split_once(' ').unwrap_or((head, ""));
            commit = Added {
                commit: hash.to_string(),
                author: author.to_string(),
            };
        } else if let Some(file) = Path::new(line).file_name() {
            out.push((file.to_string_lossy().into_owned(), commit.clone()));
        }
    }
    out
}

/// The files of `dir`'s `log/` that were changed after git first had them:
/// in the working tree (commit and author empty), and with `history` by a
/// later commit (the latest such, with its author). dino never rewrites an
/// entry, so such a change was made by hand. Empty outside a repository
/// or without git.
pub fn log_changed(dir: &Path, history: bool) -> std::collections::BTreeMap<String, Added> {
    let mut out = std::collections::BTreeMap::new();
    if history {
        // Newest first: the latest change is the one kept.
        for (file, commit) in commits_by_file(dir, "--diff-filter=M") {
            out.entry(file).or_insert(commit);
        }
    }
    let os = |s: &'static str| -> &'static std::ffi::OsStr { s.as_ref() };
    let worktree = [
        os("diff"),
        os("--name-only"),
        os("HEAD"),
        os("--"),
        os("log"),
    ];
    if let Some(Ok(text)) = git_in(dir, &worktree) {
        for line in text.lines() {
            if let Some(file) = Path::new(line).file_name() {
                out.insert(
                    file.to_string_lossy().into_owned(),
                    Added {
                        commit: String::new(),
                        author: String::new(),
                    },
                );
            }
        }
    }
    out
}
