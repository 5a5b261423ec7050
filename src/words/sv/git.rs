//! `git`: committing what a command wrote, in Swedish.

use crate::git::{Message, Unfinished};

pub fn git(message: &Message) -> String {
    match message {
        Message::NoGit => "git finns inte här; filerna är skrivna men inte incheckade".to_string(),
        Message::NotARepository { dir } => {
            format!("{dir} ligger inte i ett git-förråd; filerna är skrivna men inte incheckade")
        }
        Message::Committed { message } => format!("incheckat: {message}"),
        Message::NotCommitted { why } => {
            format!(
                "git kunde inte checka in filerna ({why}); de är skrivna men inte incheckade eller köade (staged)"
            )
        }
        Message::Unfinished { what } => format!(
            "en {} pågår i git-förrådet; avsluta den (eller avbryt den) och kör igen; inget är skrivet",
            match what {
                Unfinished::Merge => "sammanslagning (merge)",
                Unfinished::Rebase => "rebase",
                Unfinished::CherryPick => "cherry-pick",
                Unfinished::Revert => "revert",
            }
        ),
        Message::NoIdentity { why } => format!(
            "git vet inte vem som checkar in ({why}); sätt `git config user.name` och `git config user.email` och kör igen; inget är skrivet"
        ),
        Message::Ignored { path, rule } => format!(
            "git ignorerar {path} (regeln {rule}), så den kan inte checkas in; ta bort regeln och kör igen; inget är skrivet"
        ),
        Message::Uncommitted { path } => format!(
            "{path} har ändringar som inte är incheckade, och --commit skulle ta med dem osedda; checka in dem först (eller kör utan --commit); inget är skrivet"
        ),
        Message::DetachedHead => {
            "HEAD pekar inte på någon gren (detached HEAD): incheckningen hamnar inte på en gren förrän ni skapar en (`git switch -c NAMN`)".to_string()
        }
    }
}
