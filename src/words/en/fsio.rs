//! `fsio`: files written, read and kept inside a workbook, in English.

use crate::fsio::Message;
use crate::fsio::errors::{Doing, Why};
use crate::fsio::inside::Leads;

pub fn fsio(message: &Message) -> String {
    match message {
        Message::Failed { doing, path, why } => {
            let why = io_why(why);
            match doing {
                Doing::Read => format!("could not read {path}: {why}"),
                Doing::Write => format!("could not write {path}: {why}"),
                Doing::MakeFolder => format!("could not make the folder {path}: {why}"),
                Doing::Remove => format!("could not remove {path}: {why}"),
            }
        }
        Message::Why(why) => io_why(why),
        Message::NotOrdinaryToWrite { path } => format!(
            "could not write {path}: it is not an ordinary file (but a folder, a pipe or a device); move it away"
        ),
        Message::LinkNotWritten { path, target } => format!(
            "could not write {path}: it is a symbolic link (to {target}), and dino writes the workbook's own files only as ordinary files; remove the link"
        ),
        Message::NotAFolder => NOT_A_FOLDER.to_string(),
        Message::FileForFolder { path } => format!("{path} {NOT_A_FOLDER}"),
        Message::NotRegular => "it is not an ordinary file (but a folder, a pipe or a device); dino reads ordinary files only".to_string(),
        Message::LeadsOut { link: Some(link), leads } => format!("{link} is {}", leads_to(leads)),
        Message::LeadsOut { link: None, leads } => leads_to(leads),
    }
}

/// Said of a file where a folder belongs, after its name.
const NOT_A_FOLDER: &str = "should be a folder, but is a file; move the file away";

/// Where a link that leaves the workbook leads, and what to do.
fn leads_to(leads: &Leads) -> String {
    match leads {
        Leads::Nowhere { target } => {
            format!("a symbolic link to {target}, which is not there; remove the link")
        }
        Leads::Out { target } => format!(
            "a symbolic link out of the workbook (to {target}); dino reads and writes only inside the workbook: remove the link"
        ),
        Leads::Unknown => {
            "a symbolic link that leads nowhere inside the workbook; remove the link".to_string()
        }
    }
}

pub fn io_why(why: &Why) -> String {
    match why {
        Why::NotFound => "it does not exist",
        Why::PermissionDenied => "permission denied",
        Why::AlreadyExists => "something else has that name already",
        Why::NotADirectory => "a part of the path is a file, not a folder",
        Why::IsADirectory => "it is a folder",
        Why::StorageFull => "there is no space left on the disk",
        Why::QuotaExceeded => "the disk quota is used up",
        Why::ReadOnly => "the file system is read-only",
        Why::FileTooLarge => "the file would be too large",
        Why::InvalidName => "the name is not allowed",
        Why::Interrupted => "interrupted",
        Why::System { error } => return format!("a system error ({error})"),
    }
    .to_string()
}
