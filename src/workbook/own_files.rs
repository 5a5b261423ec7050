//! Reading a workbook's own files (`workbook.toml`, the snapshot, entries,
//! the draft): only ordinary files, only inside the workbook, whatever
//! links a clone brought; and finding the temporary files a stopped write
//! left behind.

use std::path::Path;

use crate::finding::{Finding, SourceText};
use crate::i18n::Lang;
use crate::tr;

/// Reads one of the workbook `root`'s own files as text (an ordinary file,
/// inside the workbook, of at most `MAX_FILE_BYTES`), named `name` in
/// findings.
pub fn read_in(root: &Path, path: &Path, name: String, lang: Lang) -> Result<SourceText, Finding> {
    if let Err(out) = crate::fsio::inside::check(root, path) {
        return Err(Finding::in_file(name, out.message_for(path, lang)));
    }
    crate::pack::source::read_text(path, name, lang)
}

/// The atomic writer's temporary files (`.dino-*.tmp`) left in the
/// workbook's folder, `log/` or `.dino/` by a write that was stopped.
pub fn leftover_temp_files(root: &Path, lang: Lang) -> Vec<Finding> {
    let mut out = Vec::new();
    for dir in [
        root.to_path_buf(),
        root.join(super::LOG_DIR),
        root.join(super::STATE_DIR),
    ] {
        if crate::fsio::inside::check(root, &dir).is_err() {
            continue;
        }
        let Ok(list) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut names: Vec<String> = list
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|name| crate::fsio::is_temp_name(name))
            .collect();
        names.sort();
        out.extend(names.into_iter().map(|name| {
            Finding::in_file(
                dir.join(name).display().to_string(),
                tr!(
                    lang,
                    "en tillfällig fil som en avbruten skrivning lämnade; den kan tas bort",
                    "a temporary file left by an interrupted write; it may be deleted"
                ),
            )
        }));
    }
    out
}
