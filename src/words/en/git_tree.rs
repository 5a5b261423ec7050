//! `git_tree`: reading a workbook as a git revision has it, in English.

use crate::git_tree::Message;

pub fn git_tree(message: &Message) -> String {
    match message {
        Message::NoGit => "git is not installed; `dino diff` needs it".to_string(),
        Message::NotARepository { dir } => format!("{dir} is not in a git repository"),
        Message::UnknownRevision { rev, why } if why.is_empty() => {
            format!("unknown revision `{rev}`")
        }
        Message::UnknownRevision { rev, why } => format!("unknown revision `{rev}` (git: {why})"),
        Message::OutsideRepository { path, repo } => {
            format!("{path} is outside the git repository at {repo}")
        }
        Message::Failed { what, why } => format!("{what} failed: {why}"),
        Message::Link { path } => {
            format!("{path} is a symbolic link in the revision; left out, not followed")
        }
        Message::Submodule { path } => format!("{path} is a submodule in the revision; left out"),
        Message::TooLarge { path, bytes, max } => {
            format!(
                "{path} is {bytes} bytes in the revision, more than dino reads ({max}); left out"
            )
        }
        Message::Unusable { path } => {
            format!("{path} cannot be a file of a workbook; left out")
        }
    }
}
