//! `git_tree`: att läsa en arbetsbok som en git-revision har den, på svenska.

use crate::git_tree::Message;

pub fn git_tree(message: &Message) -> String {
    match message {
        Message::NoGit => "git finns inte här; `dino diff` behöver det".to_string(),
        Message::NotARepository { dir } => format!("{dir} ligger inte i ett git-förråd"),
        Message::UnknownRevision { rev, why } if why.is_empty() => {
            format!("okänd revision `{rev}`")
        }
        Message::UnknownRevision { rev, why } => format!("okänd revision `{rev}` (git: {why})"),
        Message::OutsideRepository { path, repo } => {
            format!("{path} ligger utanför git-förrådet i {repo}")
        }
        Message::Failed { what, why } => format!("{what} misslyckades: {why}"),
        Message::Link { path } => {
            format!("{path} är en symbolisk länk i revisionen; utelämnad, inte följd")
        }
        Message::Submodule { path } => format!("{path} är en undermodul i revisionen; utelämnad"),
        Message::TooLarge { path, bytes, max } => {
            format!("{path} är {bytes} byte i revisionen, mer än dino läser ({max}); utelämnad")
        }
        Message::Unusable { path } => {
            format!("{path} kan inte vara en fil i en arbetsbok; utelämnad")
        }
    }
}
