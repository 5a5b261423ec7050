//! Reading a workbook's `log/`: every entry that reads, in log order, and a
//! finding for everything else there (a file that is no entry, a name that
//! does not follow the rule, an id twice, an entry that cannot be read).

use std::collections::{BTreeMap, BTreeSet};
use std::fs::DirEntry;
use std::path::Path;

use super::own_files::read_in;
use super::{LOG_DIR, LoadedEntry};
use crate::finding::Finding;
use crate::i18n::{Lang, Said};
use crate::log::{entry_id_of, entry_what, read_entry, well_named, what_in_name};

/// What reading `log/` says; worded in `words`.
#[derive(Clone, Debug)]
pub enum Message {
    /// A file's name is not UTF-8, so it cannot be opened.
    NameNotUtf8,
    /// Something in `log/` that is no entry.
    NotAnEntry,
    /// There is no `log/` folder.
    NoLog,
    /// `log/` could not be listed, and why.
    Unlisted { why: Said },
    /// An entry's name does not follow the rule (`log::name`).
    BadlyNamed,
    /// An entry has the same `id` as the entry `first`.
    SameId { id: String, first: String },
    /// What an entry's file name says it is differs from what its front
    /// matter says.
    NameAndFrontDiffer { in_name: String, in_front: String },
}

/// The entries' files in `log/`, by name, and which of them are links.
#[derive(Default)]
struct Listing {
    names: Vec<String>,
    /// Entries that are links: read only if they stay in the workbook.
    links: BTreeSet<String>,
}

/// Reads every entry in `log/`, in log order (`log::order`).
pub(super) fn read_log(root: &Path, lang: Lang, findings: &mut Vec<Finding>) -> Vec<LoadedEntry> {
    let dir = root.join(LOG_DIR);
    if let Err(out) = crate::fsio::inside::check(root, &dir) {
        findings.push(Finding::in_file(
            dir.display().to_string(),
            out.message_for(&dir),
        ));
        return Vec::new();
    }
    let mut listing = list(&dir, findings);
    listing.names.sort();
    badly_named(&dir, &listing.names, findings);
    same_ids(&dir, &listing.names, findings);
    let Listing { names, links } = listing;
    let mut entries: Vec<LoadedEntry> = names
        .into_iter()
        .filter_map(|name| {
            let is_link = links.contains(&name);
            read_one(root, &dir, name, is_link, lang, findings)
        })
        .collect();
    crate::log::order::into_log_order(&mut entries);
    entries
}

/// The entries' files in `log/`; a finding for what else is there, or for
/// a folder that cannot be listed.
fn list(dir: &Path, findings: &mut Vec<Finding>) -> Listing {
    let mut listing = Listing::default();
    match std::fs::read_dir(dir) {
        Ok(items) => {
            for item in items.flatten() {
                findings.extend(take_listed(dir, &item, &mut listing));
            }
        }
        Err(err) => findings.push(unlisted(dir, &err)),
    }
    listing
}

/// Takes one thing in `log/` into the listing when it is an entry's file;
/// else says what is wrong with it (nothing for a hidden file).
fn take_listed(dir: &Path, item: &DirEntry, listing: &mut Listing) -> Option<Finding> {
    let name = item.file_name().to_string_lossy().into_owned();
    let shown = || dir.join(&name).display().to_string();
    if item.file_name().to_str().is_none() {
        // Named as shown, with `�`, it could not be opened.
        return Some(Finding::in_file(shown(), Message::NameNotUtf8));
    }
    let kind = item.file_type();
    let is_link = kind.as_ref().is_ok_and(|t| t.is_symlink());
    let is_file = kind.is_ok_and(|t| t.is_file()) || is_link;
    if name.starts_with('.') {
        return None;
    }
    if is_file && name.ends_with(".md") {
        if is_link {
            listing.links.insert(name.clone());
        }
        listing.names.push(name);
        None
    } else if name.ends_with(".md") {
        // Named like an entry, but a folder, a pipe or a device.
        Some(Finding::in_file(shown(), crate::fsio::Message::NotRegular))
    } else {
        Some(Finding::in_file(shown(), Message::NotAnEntry))
    }
}

/// Why `log/` could not be listed.
fn unlisted(dir: &Path, err: &std::io::Error) -> Finding {
    let message: Said = if err.kind() == std::io::ErrorKind::NotFound {
        Message::NoLog.into()
    } else if dir.is_file() {
        crate::fsio::Message::NotAFolder.into()
    } else {
        let why = crate::fsio::errors::why(err).into();
        Message::Unlisted { why }.into()
    };
    Finding::in_file(dir.display().to_string(), message)
}

/// A finding for each name that does not follow the rule (`log::name`).
fn badly_named(dir: &Path, names: &[String], findings: &mut Vec<Finding>) {
    for name in names.iter().filter(|name| !well_named(name)) {
        findings.push(Finding::in_file(
            dir.join(name).display().to_string(),
            Message::BadlyNamed,
        ));
    }
}

/// A finding for each id that a name before it has already: most likely a
/// file copied to start a new entry.
fn same_ids(dir: &Path, names: &[String], findings: &mut Vec<Finding>) {
    let mut seen: BTreeMap<&str, &str> = BTreeMap::new();
    for name in names {
        let Some(id) = entry_id_of(name) else {
            continue;
        };
        if let Some(first) = seen.get(id) {
            let message = Message::SameId {
                id: id.to_string(),
                first: first.to_string(),
            };
            findings.push(Finding::in_file(
                dir.join(name).display().to_string(),
                message,
            ));
        } else {
            seen.insert(id, name);
        }
    }
}

/// Reads the entry `name` in `log/`; its problems become findings.
fn read_one(
    root: &Path,
    dir: &Path,
    name: String,
    is_link: bool,
    lang: Lang,
    findings: &mut Vec<Finding>,
) -> Option<LoadedEntry> {
    let path = dir.join(&name);
    let shown = path.display().to_string();
    // A file in a log/ that is inside the workbook is inside too.
    let read = if is_link {
        read_in(root, &path, shown.clone())
    } else {
        crate::pack::source::read_text(&path, shown.clone())
    };
    let src = match read {
        Ok(src) => src,
        Err(finding) => {
            findings.push(finding);
            return None;
        }
    };
    let read = read_entry(&src, lang);
    findings.extend(read.findings);
    let entry = read.entry?;
    findings.extend(name_and_front_differ(
        &name,
        &entry.meta,
        &read.key_at,
        &shown,
    ));
    let id = entry_id_of(&name).unwrap_or(&name).to_string();
    Some(LoadedEntry {
        file: shown,
        name,
        id,
        entry,
        record_lines: read.record_lines,
        key_at: read.key_at,
    })
}

/// The name says what the entry is; so does its front matter. When they
/// differ, one was edited by hand, and maybe not on purpose.
fn name_and_front_differ(
    name: &str,
    meta: &crate::log::Meta,
    key_at: &crate::log::KeyPositions,
    shown: &str,
) -> Option<Finding> {
    let in_name = what_in_name(name)?;
    let in_front = entry_what(meta);
    if in_name == in_front {
        return None;
    }
    let (line, col) = key_at.get("kind").copied().unwrap_or((1, 1));
    Some(Finding {
        file: shown.to_string(),
        line,
        col,
        message: Message::NameAndFrontDiffer { in_name, in_front }.into(),
    })
}
