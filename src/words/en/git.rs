//! `git`: committing what a command wrote, in English.

use crate::git::{Message, Unfinished};

pub fn git(message: &Message) -> String {
    match message {
        Message::NoGit => {
            "git is not installed; the files are written but not committed".to_string()
        }
        Message::NotARepository { dir } => {
            format!("{dir} is not in a git repository; the files are written but not committed")
        }
        Message::Committed { message } => format!("committed: {message}"),
        Message::NotCommitted { why } => {
            format!("git could not commit the files ({why}); they are written, not committed and not staged")
        }
        Message::Unfinished { what } => format!(
            "a {} is under way in the git repository; finish it (or abort it) and run again; nothing is written",
            match what {
                Unfinished::Merge => "merge",
                Unfinished::Rebase => "rebase",
                Unfinished::CherryPick => "cherry-pick",
                Unfinished::Revert => "revert",
            }
        ),
        Message::NoIdentity { why } => format!(
            "git does not know who commits ({why}); set `git config user.name` and `git config user.email` and run again; nothing is written"
        ),
        Message::Ignored { path, rule } => format!(
            "git ignores {path} (the rule {rule}), so it cannot be committed; remove the rule and run again; nothing is written"
        ),
        Message::Uncommitted { path } => format!(
            "{path} has changes that are not committed, which --commit would take along unseen; commit them first (or run without --commit); nothing is written"
        ),
        Message::DetachedHead => {
            "HEAD is on no branch (detached HEAD): the commit is on no branch until you make one (`git switch -c NAME`)".to_string()
        }
    }
}
