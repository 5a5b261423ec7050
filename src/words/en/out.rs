//! `out`: the label before an error message, in English.

use crate::out::Message;

pub fn out(message: &Message) -> String {
    match message {
        Message::ErrorLabel => "error".to_string(),
    }
}
