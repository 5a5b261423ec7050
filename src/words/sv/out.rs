//! `out`: the label before an error message, in Swedish.

use crate::out::Message;

pub fn out(message: &Message) -> String {
    match message {
        Message::ErrorLabel => "fel".to_string(),
    }
}
