//! `fsio`: files written, read and kept inside a workbook, in Swedish.

use crate::fsio::Message;
use crate::fsio::errors::{Doing, Why};
use crate::fsio::inside::Leads;

pub fn fsio(message: &Message) -> String {
    match message {
        Message::Failed { doing, path, why } => {
            let why = io_why(why);
            match doing {
                Doing::Read => format!("kunde inte läsa {path}: {why}"),
                Doing::Write => format!("kunde inte skriva {path}: {why}"),
                Doing::MakeFolder => format!("kunde inte skapa mappen {path}: {why}"),
                Doing::Remove => format!("kunde inte ta bort {path}: {why}"),
            }
        }
        Message::Why(why) => io_why(why),
        Message::NotOrdinaryToWrite { path } => format!(
            "kunde inte skriva {path}: det är ingen vanlig fil (utan en mapp, ett rör eller en enhet); flytta undan det"
        ),
        Message::LinkNotWritten { path, target } => format!(
            "kunde inte skriva {path}: det är en symbolisk länk (till {target}), och dino skriver arbetsbokens egna filer bara som vanliga filer; ta bort länken"
        ),
        Message::NotAFolder => NOT_A_FOLDER.to_string(),
        Message::FileForFolder { path } => format!("{path} {NOT_A_FOLDER}"),
        Message::NotRegular => "det är ingen vanlig fil (utan en mapp, ett rör eller en enhet); dino läser bara vanliga filer".to_string(),
        Message::LeadsOut { link: Some(link), leads } => format!("{link} är {}", leads_to(leads)),
        Message::LeadsOut { link: None, leads } => leads_to(leads),
    }
}

/// Said of a file where a folder belongs, after its name.
const NOT_A_FOLDER: &str = "ska vara en mapp, men är en fil; flytta undan filen";

/// Where a link that leaves the workbook leads, and what to do.
fn leads_to(leads: &Leads) -> String {
    match leads {
        Leads::Nowhere { target } => {
            format!("en symbolisk länk till {target}, som inte finns; ta bort länken")
        }
        Leads::Out { target } => format!(
            "en symbolisk länk ut ur arbetsboken (till {target}); dino läser och skriver bara inuti arbetsboken: ta bort länken"
        ),
        Leads::Unknown => {
            "en symbolisk länk som inte leder någonstans inuti arbetsboken; ta bort länken"
                .to_string()
        }
    }
}

pub fn io_why(why: &Why) -> String {
    match why {
        Why::NotFound => "den finns inte",
        Why::PermissionDenied => "behörighet saknas",
        Why::AlreadyExists => "något annat har redan det namnet",
        Why::NotADirectory => "en del av sökvägen är en fil, inte en mapp",
        Why::IsADirectory => "det är en mapp",
        Why::StorageFull => "det finns inte plats kvar på disken",
        Why::QuotaExceeded => "diskkvoten är slut",
        Why::ReadOnly => "filsystemet är skrivskyddat",
        Why::FileTooLarge => "filen blir för stor",
        Why::InvalidName => "namnet går inte att använda",
        Why::Interrupted => "avbrutet",
        Why::System { error } => return format!("ett fel från systemet ({error})"),
    }
    .to_string()
}
