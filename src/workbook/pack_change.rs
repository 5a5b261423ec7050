//! Whether a workbook's pack has changed since the workbook recorded it,
//! and what changed: the snapshot in `pack-snapshot.toml` against the pack
//! as it is now (docs/log-format.md, "The pack snapshot").

use super::Workbook;
use super::snapshot::{Head, SNAPSHOT_FILE, read_head};
use crate::finding::Finding;
use crate::pack::diff::{Change, diff};
use crate::pack::snapshot::Snapshot;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

/// A pack that changed under a workbook.
#[derive(Debug)]
pub struct PackChange {
    /// The version the workbook recorded.
    pub from: String,
    /// The version of the pack now.
    pub to: String,
    /// What changed, from the snapshot; or why that cannot be told.
    pub changes: Result<Arc<Vec<Change>>, Unknown>,
}

impl PackChange {
    /// Whether the pack here is older than the one the workbook recorded:
    /// a teammate's `dino` (or pack) is newer than this one.
    pub fn is_older(&self) -> bool {
        compare_versions(&self.to, &self.from) == std::cmp::Ordering::Less
    }
}

/// Versions compared part by part (`1.10.0` after `1.9.2`); parts that are
/// not numbers compare as text.
pub fn compare_versions(a: &str, b: &str) -> std::cmp::Ordering {
    let parts = |v: &str| -> Vec<String> { v.split(['.', '-', '+']).map(str::to_string).collect() };
    let (a, b) = (parts(a), parts(b));
    for (x, y) in a.iter().zip(&b) {
        let order = match (x.parse::<u64>(), y.parse::<u64>()) {
            (Ok(x), Ok(y)) => x.cmp(&y),
            _ => x.cmp(y),
        };
        if order.is_ne() {
            return order;
        }
    }
    a.len().cmp(&b.len())
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
        self.pack.recorded_hash()
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
    pub fn pack_change(&self) -> Option<PackChange> {
        if !self.pack_changed() {
            return None;
        }
        let recorded = &self.file.pack;
        Some(PackChange {
            from: recorded.version.clone(),
            to: self.pack.version.clone(),
            changes: self.changes_since_snapshot(),
        })
    }

    /// The changes from the snapshot to the pack now. In a portfolio many
    /// workbooks hold the same snapshot (the same pack, hash and language at
    /// the start): it is read and compared once.
    fn changes_since_snapshot(&self) -> Result<Arc<Vec<Change>>, Unknown> {
        type Key = (Head, String);
        static DIFFS: OnceLock<Mutex<HashMap<Key, Arc<Vec<Change>>>>> = OnceLock::new();
        let head = match read_head(&self.root) {
            None => return Err(Unknown::NoSnapshot),
            Some(Err(finding)) => return Err(Unknown::Unreadable(finding)),
            Some(Ok((head, _))) => head,
        };
        let key = (head, self.current_pack_hash());
        let cache = DIFFS.get_or_init(Default::default);
        if let Some(found) = cache.lock().ok().and_then(|c| c.get(&key).cloned()) {
            return Ok(found);
        }
        let old = self.snapshot()?.ok_or(Unknown::NoSnapshot)?;
        let lang = old.language.parse().unwrap_or(self.language());
        let changes = Arc::new(diff(&old, &Snapshot::of(&self.pack, lang)));
        if let Ok(mut c) = cache.lock() {
            c.insert(key, changes.clone());
        }
        Ok(changes)
    }

    /// The snapshot the workbook recorded, if it has one.
    pub fn snapshot(&self) -> Result<Option<Snapshot>, Unknown> {
        let path = self.root.join(SNAPSHOT_FILE);
        if std::fs::symlink_metadata(&path).is_err() {
            return Ok(None);
        }
        let src =
            crate::workbook::own_files::read_in(&self.root, &path, path.display().to_string())
                .map_err(Unknown::Unreadable)?
                .with_lf_line_ends();
        Snapshot::read(&src).map(Some).map_err(Unknown::Unreadable)
    }
}

#[cfg(test)]
mod tests {
    use super::compare_versions;
    use std::cmp::Ordering::*;

    #[test]
    fn versions_compare_by_their_numbers() {
        assert_eq!(compare_versions("1.10.0", "1.9.2"), Greater);
        assert_eq!(compare_versions("0.1.0", "0.1.1"), Less);
        assert_eq!(compare_versions("1.0", "1.0.0"), Less);
        assert_eq!(compare_versions("2.0.0", "2.0.0"), Equal);
        assert_eq!(compare_versions("1.0.0-beta", "1.0.0-alpha"), Greater);
    }
}
