//! Making a workbook on disk: its folder named by a slug of the project's
//! name, `workbook.toml`, `pack-snapshot.toml` and an empty `log/`, all or
//! nothing.

use std::path::{Path, PathBuf};

use anyhow::{Result, bail};

use super::LOG_DIR;
use super::file::{PackRef, WorkbookFile};
use crate::fsio::errors::{Doing, error};
use crate::fsio::write_atomic_in;
use crate::pack::snapshot::Snapshot;
use crate::pack::{Origin, Pack};

/// What making a workbook says; worded in `words`.
#[derive(Clone, Debug)]
pub enum Message {
    /// Making the workbook failed for `why`, and nothing was made.
    NotMade { why: String },
    /// The folder `dir` is there already.
    ExistsAlready { dir: String },
    /// The folder `dir` is there already, half made by an interrupted
    /// `dino new`.
    HalfMade { dir: String },
}

/// The longest folder name made from a project name.
const MAX_SLUG: usize = 60;

/// The folder name for a project name: lowercase ASCII letters and digits
/// joined by `-` (å, ä, ö become a, a, o), at most 60 characters, cut at a
/// word. Never a path.
pub fn folder_slug(name: &str) -> String {
    let slug = slug::slugify(name);
    if slug.len() <= MAX_SLUG {
        return slug;
    }
    let cut = &slug[..MAX_SLUG];
    match cut.rfind('-') {
        Some(at) if at > 0 => cut[..at].to_string(),
        _ => cut.to_string(),
    }
}

/// How the workbook names its pack: by id when built in, else by a path
/// from the workbook's folder.
pub fn pack_ref(pack: &Pack) -> PackRef {
    let path = match &pack.origin {
        Origin::Builtin => None,
        Origin::Dir(dir) if dir.is_absolute() => Some(dir.display().to_string()),
        // From the workbook's folder, one down: `../` and the path as given,
        // without its `./` parts.
        Origin::Dir(dir) => Some(
            Path::new("..")
                .join(
                    dir.components()
                        .filter(|c| *c != std::path::Component::CurDir)
                        .collect::<PathBuf>(),
                )
                .to_string_lossy()
                .replace('\\', "/"),
        ),
    };
    PackRef {
        id: pack.id.clone(),
        version: pack.version.clone(),
        hash: pack.recorded_hash(),
        path,
    }
}

/// Writes the workbook's folder, `workbook.toml`, `pack-snapshot.toml` and
/// `log/`, all or nothing: they are made in a hidden folder beside it,
/// renamed into place at the end. A stop on the way (Ctrl-C, a full disk, a
/// crash) leaves no `dir`, so `dino new` can simply be run again; the
/// hidden folder is removed, or at worst left behind, hidden.
pub fn create(dir: &Path, file: &WorkbookFile, pack: &Pack, lang: crate::i18n::Lang) -> Result<()> {
    let parent = match dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    remove_leftovers(parent, &file.id);
    let making = tempfile::Builder::new()
        .prefix(&making_prefix(&file.id))
        .tempdir_in(parent)
        .map_err(|e| error(Doing::MakeFolder, dir, &e))?;
    // Told of the workbook's folder, not of the hidden one it is made in.
    fill(making.path(), file, pack, lang).map_err(|err| {
        let why = format!("{err:#}").replace(
            &making.path().display().to_string(),
            &dir.display().to_string(),
        );
        anyhow::Error::new(Message::NotMade { why })
    })?;
    // The folder would otherwise stay private, as a temporary one is.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(making.path(), std::fs::Permissions::from_mode(0o755));
    }
    if dir.exists() {
        bail!(exists_already(dir));
    }
    std::fs::rename(making.path(), dir).map_err(|e| error(Doing::MakeFolder, dir, &e))?;
    // Renamed away: nothing left for the guard to remove.
    let _ = making.keep();
    crate::fsio::sync_dir(parent);
    Ok(())
}

/// The start of the hidden folder's name a workbook `id` is made in; a
/// random part of six letters and digits follows.
fn making_prefix(id: &str) -> String {
    format!(".dino-new-{id}-")
}

/// Removes the hidden folders that `dino new` of the same workbook left
/// when it was killed while filling one: nothing in them was the user's.
fn remove_leftovers(parent: &Path, id: &str) {
    let prefix = making_prefix(id);
    let Ok(list) = std::fs::read_dir(parent) else {
        return;
    };
    for item in list.flatten() {
        let name = item.file_name();
        let Some(rest) = name.to_str().and_then(|n| n.strip_prefix(&prefix)) else {
            continue;
        };
        let random = rest.len() == 6 && rest.bytes().all(|b| b.is_ascii_alphanumeric());
        if random && item.file_type().is_ok_and(|t| t.is_dir()) {
            let _ = std::fs::remove_dir_all(item.path());
        }
    }
}

/// The files of a new workbook, in the folder `dir`.
fn fill(dir: &Path, file: &WorkbookFile, pack: &Pack, lang: crate::i18n::Lang) -> Result<()> {
    let log = dir.join(LOG_DIR);
    crate::fsio::make_dir_in(dir, &log)?;
    // Git keeps no empty folders; this keeps log/ in a fresh clone.
    write_atomic_in(dir, &log.join(".gitkeep"), b"")?;
    Snapshot::write(dir, pack, file.language, &file.profile)?;
    file.write(dir, lang).map(drop)
}

/// Why `dir` cannot be made: it is there already, maybe half made by an
/// interrupted `dino new` of an older dino.
pub fn exists_already(dir: &Path) -> Message {
    let half_made = crate::workbook::discover::half_made(dir);
    let dir = dir.display().to_string();
    if half_made {
        Message::HalfMade { dir }
    } else {
        Message::ExistsAlready { dir }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::workbook::WORKBOOK_FILE;
    use crate::workbook::snapshot::SNAPSHOT_FILE;
    use std::collections::BTreeMap;

    #[test]
    fn a_workbook_is_made_whole_or_not_at_all() {
        let pack = crate::pack::builtin::load_named("dino", Lang::En).expect("built in");
        let file = WorkbookFile {
            name: "Proj".into(),
            id: "proj".into(),
            created: crate::log::Stamp::parse("2026-03-02T09:00:00+01:00").expect("stamp"),
            language: Lang::En,
            pack: pack_ref(&pack),
            profile: BTreeMap::new(),
        };
        let top = tempfile::tempdir().expect("temp");
        let dir = top.path().join("proj");
        create(&dir, &file, &pack, Lang::En).expect("made");
        for made in [WORKBOOK_FILE, SNAPSHOT_FILE, "log/.gitkeep"] {
            assert!(dir.join(made).is_file(), "{made}");
        }
        // Made meanwhile by someone else: refused, and the folder being
        // filled is gone.
        let other = top.path().join("other");
        std::fs::create_dir(&other).expect("mkdir");
        assert!(create(&other, &file, &pack, Lang::En).is_err());
        let mut names: Vec<String> = std::fs::read_dir(top.path())
            .expect("list")
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names, ["other", "proj"]);
        assert_eq!(std::fs::read_dir(&other).expect("list").count(), 0);
        // What a killed `dino new` left is cleared by the next; another
        // workbook's, or a name that is not dino's, is not.
        for left in [
            ".dino-new-proj-a1B2c3",
            ".dino-new-proj-2-a1B2c3",
            ".dino-new-proj-x",
        ] {
            std::fs::create_dir(top.path().join(left)).expect("mkdir");
        }
        create(&top.path().join("again"), &file, &pack, Lang::En).expect("made");
        assert!(!top.path().join(".dino-new-proj-a1B2c3").exists());
        assert!(top.path().join(".dino-new-proj-2-a1B2c3").exists());
        assert!(top.path().join(".dino-new-proj-x").exists());
    }

    #[test]
    fn slugs_fold_swedish_letters_and_drop_punctuation() {
        assert_eq!(folder_slug("Välfärd & lärande"), "valfard-larande");
        assert_eq!(folder_slug("../../etc"), "etc");
        assert_eq!(folder_slug("Öppna data/2026"), "oppna-data-2026");
        assert_eq!(folder_slug("!!!"), "");
        assert_eq!(folder_slug("Åre ÄÖ"), "are-ao");
        let long = folder_slug(&"kompetensförsörjning ".repeat(20));
        assert!(long.len() <= 60 && !long.ends_with('-'), "{long}");
    }
}
