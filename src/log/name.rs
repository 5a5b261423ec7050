//! Entry file names: `YYYY-MM-DD-HHMM-WHAT-ID.md`, unique without any
//! coordination because the id comes from a hash of the entry's content.

use sha2::{Digest, Sha256};

use super::{EntryKind, Meta};

/// The shortest id taken from the content hash.
const ID_LEN: usize = 6;

/// The file name for an entry with this front matter and text. `taken` says
/// whether an id is used already in the folder; the id then grows.
pub fn entry_file_name(meta: &Meta, text: &str, taken: impl Fn(&str) -> bool) -> String {
    let hash: String = Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let mut len = ID_LEN;
    while len < hash.len() && taken(&hash[..len]) {
        len += 1;
    }
    let what = entry_what(meta);
    format!("{}-{what}-{}.md", meta.date.file_prefix(), &hash[..len])
}

/// The WHAT of an entry's name: the phase of a session, `gate-PHASE` for a
/// gate decision, else the kind.
pub fn entry_what(meta: &Meta) -> String {
    match (meta.kind, &meta.phase) {
        (EntryKind::Session, Some(phase)) => phase.clone(),
        (EntryKind::Gate, Some(phase)) => format!("gate-{phase}"),
        (kind, _) => kind.id().to_string(),
    }
}

/// The id of an entry file: the last `-` part of its name, before `.md`.
pub fn entry_id_of(file_name: &str) -> Option<&str> {
    let stem = file_name.strip_suffix(".md")?;
    let (_, id) = stem.rsplit_once('-')?;
    (!id.is_empty()).then_some(id)
}

/// Whether an entry's file name follows `YYYY-MM-DD-HHMM-WHAT-ID.md`: a
/// date and time, a WHAT of lowercase parts, and an id in lowercase
/// hexadecimal at least as long as a new entry's.
pub fn well_named(file_name: &str) -> bool {
    let Some(stem) = file_name.strip_suffix(".md") else {
        return false;
    };
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let parts: Vec<&str> = stem.split('-').collect();
    parts.len() >= 6
        && digits(parts[0], 4)
        && digits(parts[1], 2)
        && digits(parts[2], 2)
        && digits(parts[3], 4)
        && parts[4..parts.len() - 1].iter().all(|p| {
            !p.is_empty()
                && p.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        })
        && parts[parts.len() - 1].len() >= ID_LEN
        && parts[parts.len() - 1]
            .bytes()
            .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
}

/// The WHAT of a well-formed entry name ([`well_named`]); `None` for a
/// name that is not.
pub fn what_in_name(file_name: &str) -> Option<String> {
    if !well_named(file_name) {
        return None;
    }
    let stem = file_name.strip_suffix(".md").unwrap_or(file_name);
    let parts: Vec<&str> = stem.split('-').collect();
    Some(parts[4..parts.len() - 1].join("-"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::log::Stamp;

    fn meta(kind: EntryKind, phase: Option<&str>) -> Meta {
        Meta {
            alone: false,
            kind,
            date: Stamp::parse("2026-03-02T09:15:00+01:00").expect("valid"),
            phase: phase.map(String::from),
            by: None,
            participants: Vec::new(),
            pack: "dino".into(),
            pack_version: "1.0.0".into(),
            closes: Vec::new(),
            owner: None,
            due: None,
            mitigation: None,
            measure: None,
            roster: None,
            follows: None,
        }
    }

    #[test]
    fn names_carry_date_what_and_a_content_id() {
        let name = entry_file_name(&meta(EntryKind::Session, Some("initiering")), "x", |_| {
            false
        });
        assert!(name.starts_with("2026-03-02-0915-initiering-"), "{name}");
        let id = entry_id_of(&name).expect("id");
        assert_eq!(id.len(), 6);
        let gate = entry_file_name(&meta(EntryKind::Gate, Some("pilot")), "x", |_| false);
        assert!(gate.contains("-gate-pilot-"), "{gate}");
        let risk = entry_file_name(&meta(EntryKind::Risk, Some("pilot")), "x", |_| false);
        assert!(risk.contains("-risk-"), "{risk}");
    }

    #[test]
    fn a_name_dino_gives_is_well_named_and_says_its_what() {
        let m = meta(EntryKind::Gate, Some("pilot"));
        let name = entry_file_name(&m, "x", |_| false);
        assert!(well_named(&name), "{name}");
        assert_eq!(what_in_name(&name), Some(entry_what(&m)));
        for copy in [
            "2026-03-02-0915-gate-pilot-abc12.md",
            "notes.md",
            "2026-03-02-0915-Gate-abcdef.md",
        ] {
            assert!(!well_named(copy), "{copy}");
            assert_eq!(what_in_name(copy), None);
        }
    }

    #[test]
    fn a_taken_id_grows() {
        let m = meta(EntryKind::Note, None);
        let first = entry_file_name(&m, "same", |_| false);
        let id = entry_id_of(&first).expect("id").to_string();
        let second = entry_file_name(&m, "same", |taken| taken == id);
        assert_eq!(entry_id_of(&second).expect("id").len(), 7);
        assert_ne!(first, second);
    }
}
