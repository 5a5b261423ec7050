//! Whether a workbook's pack has changed since the workbook recorded it,
//! and what changed: the snapshot in `pack-snapshot.toml` against the pack
//! as it is now (docs/log-format.md, "The pack snapshot").

use super::Workbook;
use crate::finding::Finding;
use crate::i18n::Lang;
use crate::pack::diff::{Change, diff};
use crate::pack::snapshot::{SNAPSHOT_FILE, Snapshot};
use crate::pack::source::read_text;

/// A pack that changed under a workbook.
#[derive(Debug)]
pub struct PackChange {
    /// The version the workbook recorded.
    pub from: String,
    /// The version of the pack now.
    pub to: String,
    /// What changed, from the snapshot; or why that cannot be told.
    pub changes: Result<Vec<Change>, Unknown>,
}

/// Why a change cannot be told in detail.
#[derive(Debug)]
pub enum Unknown {
    /// The workbook has no snapshot (made by an older `dino`).
    NoSnapshot,
    /// The snapshot could not be read.
    Unreadable(Finding),
}

impl Workbook {
    /// The hash `workbook.toml` records for the pack as it is now.
    pub fn current_pack_hash(&self) -> String {
        format!("sha256:{}", self.pack.content_hash)
    }

    /// Whether the pack is no longer the one `workbook.toml` records: by
    /// its hash, or by its version where no hash is recorded.
    pub fn pack_changed(&self) -> bool {
        let recorded = &self.file.pack;
        if recorded.hash.is_empty() {
            recorded.version != self.pack.version
        } else {
            recorded.hash != self.current_pack_hash()
        }
    }

    /// What changed in the pack since the workbook recorded it; `None` when
    /// nothing did. Reads the snapshot only then.
    pub fn pack_change(&self, lang: Lang) -> Option<PackChange> {
        if !self.pack_changed() {
            return None;
        }
        let recorded = &self.file.pack;
        Some(PackChange {
            from: recorded.version.clone(),
            to: self.pack.version.clone(),
            changes: self.snapshot(lang).and_then(|old| {
                let old = old.ok_or(Unknown::NoSnapshot)?;
                let lang = old.language.parse().unwrap_or(self.language());
                Ok(diff(&old, &Snapshot::of(&self.pack, lang)))
            }),
        })
    }

    /// The snapshot the workbook recorded, if it has one.
    pub fn snapshot(&self, lang: Lang) -> Result<Option<Snapshot>, Unknown> {
        let path = self.root.join(SNAPSHOT_FILE);
        if !path.is_file() {
            return Ok(None);
        }
        let src =
            read_text(&path, path.display().to_string(), lang).map_err(Unknown::Unreadable)?;
        Snapshot::read(&src, lang)
            .map(Some)
            .map_err(Unknown::Unreadable)
    }
}
