//! `git`: committing what a command wrote, in Swedish.

use crate::git::Message;

pub fn git(message: &Message) -> String {
    match message {
        Message::NoGit => "git finns inte här; filerna är skrivna men inte incheckade".to_string(),
        Message::NotARepository { dir } => {
            format!("{dir} ligger inte i ett git-förråd; filerna är skrivna men inte incheckade")
        }
        Message::Committed { message } => format!("incheckat: {message}"),
        Message::NotCommitted { why } => {
            format!("git kunde inte checka in filerna ({why}); de är skrivna")
        }
    }
}
