//! `git`: committing what a command wrote, in English.

use crate::git::Message;

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
            format!("git could not commit the files ({why}); they are written")
        }
    }
}
