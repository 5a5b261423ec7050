//! A workbook as a git revision has it: its files copied from the commit
//! into a temporary folder (never the index or the working tree), opened
//! there by the normal opening code with every check it makes, folded and
//! read as one end of a diff. A pack folder outside the workbook is read
//! from the working tree, and that is said.

use std::path::{Component, Path};

use jiff::civil::Date;

use super::Side;
use crate::finding::Finding;
use crate::git_tree::{Message, Repo};
use crate::i18n::{Lang, Say};
use crate::workbook::{WORKBOOK_FILE, Workbook};

/// One end read: what it says, the workbook's name, and what the reader
/// should know of how it was read.
#[derive(Debug)]
pub struct Read {
    pub side: Side,
    pub name: String,
    pub notes: Vec<String>,
}

/// Why an end could not be read.
#[derive(Debug)]
pub enum Failure {
    Git(Message),
    /// The workbook did not open: `workbook.toml` or its pack.
    Open(Vec<Finding>),
    /// The temporary folder could not be made or written.
    Io(std::io::Error),
}

impl From<Message> for Failure {
    fn from(message: Message) -> Failure {
        Failure::Git(message)
    }
}

/// The workbook in `root` as it is on disk now, uncommitted entries too.
pub fn working_tree(root: &Path, lang: Lang, own: bool, as_of: Date) -> Result<Read, Failure> {
    let wb = crate::state::profile::open(root, lang, own).map_err(Failure::Open)?;
    Ok(read(&wb, lang, own, as_of, Vec::new()))
}

/// The workbook in `root` (a folder of `repo`'s working tree) as `commit`
/// has it, shown as `rev`; `None` when the commit has no workbook there.
pub fn at_commit(
    repo: &Repo,
    rev: &str,
    commit: &str,
    root: &Path,
    lang: Lang,
    own: bool,
    as_of: Date,
) -> Result<Option<Read>, Failure> {
    let rel = repo.inside(root)?;
    let temp = tempfile::Builder::new()
        .prefix("dino-diff-")
        .tempdir()
        .map_err(Failure::Io)?;
    let dest = temp.path().join("workbook");
    let max = crate::pack::source::MAX_FILE_BYTES;
    let copied = repo.copy_folder(commit, &rel, &dest, max)?;
    let shown_at = |path: &str| format!("{rev}:{path}");
    let mut notes: Vec<String> = copied
        .skipped
        .iter()
        .map(|s| format!("{rev}: {}", s.why.say(lang)))
        .collect();
    if !dest.join(WORKBOOK_FILE).is_file() {
        return Ok(None);
    }
    if let Some(note) = pack_from_working_tree(&dest, root, lang).map_err(Failure::Io)? {
        notes.push(note);
    }
    let wb = crate::state::profile::open(&dest, lang, own)
        .map_err(|findings| Failure::Open(renamed(findings, &dest, &shown_at(&rel))))?;
    let inside = shown_at(&rel);
    let findings = renamed(wb.findings.clone(), &dest, &inside);
    notes.extend(findings.iter().map(|f| f.in_words(lang)));
    Ok(Some(read(&wb, lang, own, as_of, notes)))
}

/// Folds an open workbook into one end.
fn read(wb: &Workbook, lang: Lang, own: bool, as_of: Date, notes: Vec<String>) -> Read {
    let state = crate::state::fold(wb);
    let lang = if own { wb.language() } else { lang };
    Read {
        side: Side::of(wb, &state, lang, as_of),
        name: wb.file.name.clone(),
        notes,
    }
}

/// Findings about files in the temporary copy `dest`, named as the
/// revision has them.
fn renamed(findings: Vec<Finding>, dest: &Path, shown: &str) -> Vec<Finding> {
    let prefix = dest.display().to_string();
    findings
        .into_iter()
        .map(|mut f| {
            if let Some(rest) = f.file.strip_prefix(&prefix) {
                f.file = format!("{shown}{rest}");
            }
            f
        })
        .collect()
}

/// When the copy's `workbook.toml` names a pack folder by a relative path
/// that leaves the workbook, points it at that folder in the working tree
/// (beside `root`), and says so; a path inside the workbook was copied
/// with it, and a whole path or a built-in pack needs nothing.
fn pack_from_working_tree(dest: &Path, root: &Path, lang: Lang) -> std::io::Result<Option<String>> {
    let file = dest.join(WORKBOOK_FILE);
    let Ok(src) = crate::workbook::own_files::read_in(dest, &file, WORKBOOK_FILE.into()) else {
        return Ok(None);
    };
    let src = src.with_lf_line_ends();
    let Ok((read, spans)) = crate::workbook::file::WorkbookFile::read(&src, lang) else {
        return Ok(None);
    };
    let Some(path) = read.pack.path else {
        return Ok(None);
    };
    if Path::new(&path).is_absolute() || stays_inside(Path::new(&path)) {
        return Ok(None);
    }
    let there = root.join(&path);
    let there = there.canonicalize().unwrap_or(there);
    let quoted = toml::Value::String(there.display().to_string()).to_string();
    let span = spans.pack.path.clone();
    if span.is_empty() || span.end > src.text.len() {
        return Ok(None);
    }
    let mut text = src.text.clone();
    text.replace_range(span, &quoted);
    std::fs::write(&file, text)?;
    Ok(Some(crate::tr!(
        lang,
        "Metodpaketet läses från arbetskopian: {}",
        "The pack is read from the working tree: {}",
        there.display()
    )))
}

/// Whether a relative path stays inside the folder it starts from.
fn stays_inside(path: &Path) -> bool {
    let mut depth: i32 = 0;
    for part in path.components() {
        match part {
            Component::ParentDir => depth -= 1,
            Component::Normal(_) => depth += 1,
            Component::CurDir => {}
            _ => return false,
        }
        if depth < 0 {
            return false;
        }
    }
    true
}
