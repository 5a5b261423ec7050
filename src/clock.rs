//! Who and when: the time an entry records (`DINO_NOW` pins it) and the
//! person recorded when nobody is asked (`DINO_USER`, else git's
//! `user.name`, else the login name).

use std::process::Command;

use anyhow::{Result, anyhow};
use jiff::Timestamp;
use jiff::tz::TimeZone;

use crate::i18n::Lang;
use crate::log::Stamp;
use crate::tr;

/// Now, to the second, with the local offset; or `DINO_NOW`.
pub fn now(lang: Lang) -> Result<Stamp> {
    if let Ok(pinned) = std::env::var("DINO_NOW") {
        return Stamp::parse(&pinned).map_err(|why| {
            anyhow!(tr!(
                lang,
                "DINO_NOW ska vara en tidpunkt med tidszon, som 2026-03-02T09:15:00+01:00 ({why})",
                "DINO_NOW must be a time with an offset, like 2026-03-02T09:15:00+01:00 ({why})"
            ))
        });
    }
    let at = Timestamp::now();
    let offset = TimeZone::system().to_offset(at);
    Ok(Stamp::new(at, offset))
}

/// The person to record: `DINO_USER`, git's `user.name`, the login name.
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
        .unwrap_or_default()
}
