//! `conflict`: git's conflict markers left in a file.

use crate::conflict::Message;

pub fn conflict(message: &Message) -> String {
    match message {
        Message::UnfinishedMerge => "an unfinished git merge: conflict markers (`<<<<<<<`, `=======`, `>>>>>>>`) are left in the file; resolve the conflict, remove the markers and `git add` the file".to_string(),
    }
}
