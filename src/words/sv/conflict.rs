//! `conflict`: git's conflict markers left in a file.

use crate::conflict::Message;

pub fn conflict(message: &Message) -> String {
    match message {
        Message::UnfinishedMerge => "en ofullbordad git-sammanslagning: konfliktmarkeringar (`<<<<<<<`, `=======`, `>>>>>>>`) står kvar; lös konflikten, ta bort markeringarna och kör `git add` på filen".to_string(),
    }
}
