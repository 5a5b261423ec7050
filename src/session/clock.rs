//! Who and when: the time an entry records (`DINO_NOW` pins it) and the
//! person recorded when nobody is asked (`DINO_USER`, else git's
//! `user.name`, else the login name).

use std::process::Command;

use anyhow::{Result, anyhow, bail};
use jiff::Timestamp;
use jiff::tz::TimeZone;

use crate::i18n::Lang;
use crate::log::Stamp;
use crate::tr;

/// Now, to the second, with the local offset; or `DINO_NOW`.
pub fn now(lang: Lang) -> Result<Stamp> {
    if let Ok(pinned) = std::env::var("DINO_NOW") {
        return pinned_now(&pinned, lang);
    }
    let at = Timestamp::now();
    let offset = TimeZone::system().to_offset(at);
    Ok(Stamp::new(at, offset))
}

/// The time `DINO_NOW` pins, if entries can record it and read it back.
fn pinned_now(pinned: &str, lang: Lang) -> Result<Stamp> {
    let stamp = Stamp::parse(pinned).map_err(|why| {
        anyhow!(tr!(
            lang,
            "DINO_NOW ska vara en tidpunkt med tidszon, som 2026-03-02T09:15:00+01:00 ({why})",
            "DINO_NOW must be a time with an offset, like 2026-03-02T09:15:00+01:00 ({why})"
        ))
    })?;
    if !recordable(&stamp) {
        let written = stamp.to_string();
        return Err(anyhow!(tr!(
            lang,
            "DINO_NOW = {pinned} kan inte skrivas i en post (den skulle bli `{written}`, som inte läses tillbaka); ange år 0000–9999 och en tidszon mellan -23:59 och +23:59 i hela minuter, som 2026-03-02T09:15:00+01:00",
            "DINO_NOW = {pinned} cannot be written into an entry (it would read `{written}`, which does not read back); give a year 0000–9999 and an offset between -23:59 and +23:59 in whole minutes, like 2026-03-02T09:15:00+01:00"
        )));
    }
    Ok(stamp)
}

/// Whether an entry can hold `stamp`: its written form is a TOML offset
/// datetime (four-digit year, offset within a day in whole minutes) that
/// reads back as the same time and offset.
fn recordable(stamp: &Stamp) -> bool {
    let written = stamp.to_string();
    let is_toml_datetime = toml::from_str::<toml::Table>(&format!("date = {written}"))
        .ok()
        .is_some_and(|t| t.get("date").is_some_and(toml::Value::is_datetime));
    is_toml_datetime && Stamp::parse(&written).is_ok_and(|back| back == *stamp)
}

/// Who writes a note (`user`), which an entry must name: an error when no
/// name is found, before anything is written.
pub fn author(lang: Lang) -> Result<String> {
    let user = user();
    if user.trim().is_empty() {
        bail!(crate::tr!(
            lang,
            "vem skriver? dino hittar inget namn (varken DINO_USER, git config user.name eller inloggningsnamnet); sätt DINO_USER=\"Förnamn Efternamn\" eller git config user.name; inget skrevs",
            "who is writing? dino finds no name (neither DINO_USER, git config user.name nor the login name); set DINO_USER=\"First Last\" or git config user.name; nothing was written"
        ));
    }
    Ok(user)
}

/// The person to record: `DINO_USER`, git's `user.name`, the login name
/// (`USER` or `LOGNAME`; `USERNAME` on Windows).
pub fn user() -> String {
    if let Some(user) = std::env::var("DINO_USER")
        .ok()
        .filter(|u| !u.trim().is_empty())
    {
        return user;
    }
    let git = Command::new("git")
        .args(["config", "user.name"])
        .output()
        .ok()
        .filter(|o| o.status.success())
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty());
    git.or_else(|| std::env::var("USER").ok())
        .or_else(|| std::env::var("LOGNAME").ok())
        .or_else(|| std::env::var("USERNAME").ok())
        .filter(|u| !u.trim().is_empty())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn case(pinned: &str, accepted: bool) {
        assert_eq!(pinned_now(pinned, Lang::En).is_ok(), accepted, "{pinned}");
    }

    #[test]
    fn only_a_time_entries_can_record_is_accepted() {
        case("2026-03-02T09:15:00+01:00", true);
        case("2026-03-02T09:15:00Z", true);
        case("2026-03-02T09:15:00-23:59", true);
        case("2026-03-02T09:15:00.25+01:00", true);
        case("0000-01-01T00:00:00Z", true);
        case("2026-03-02T09:15:00+25:00", false);
        case("2026-03-02T09:15:00+24:00", false);
        case("2026-03-02T09:15:00+01:00:30", false);
        case("-002026-03-02T09:15:00+01:00", false);
        case("+012026-03-02T09:15:00+01:00", false);
        case("2026-03-02T09:15:00", false);
        case("i morgon", false);
    }

    #[test]
    fn a_refusal_names_the_limits_in_both_languages() {
        let pinned = "2026-03-02T09:15:00+25:00";
        let en = pinned_now(pinned, Lang::En)
            .expect_err("refused")
            .to_string();
        assert!(
            en.contains("cannot be written into an entry") && en.contains("+23:59"),
            "{en}"
        );
        let sv = pinned_now(pinned, Lang::Sv)
            .expect_err("refused")
            .to_string();
        assert!(sv.contains("kan inte skrivas i en post"), "{sv}");
    }
}
