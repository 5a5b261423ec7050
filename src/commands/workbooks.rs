//! Finding the workbooks a command works on: the one this folder is in, or
//! the workbooks and folders named on the command line.

use std::path::{Path, PathBuf};

use anyhow::{Result, anyhow};

use crate::finding::Finding;
use crate::i18n::Lang;
use crate::tr;
use crate::workbook::{WORKBOOK_FILE, Workbook, discover};

/// The workbooks named by `paths`: each a workbook, or a folder searched
/// for workbooks. With no paths: the workbook this folder is in, else the
/// workbooks below it. `single` is true when exactly one workbook was named
/// (or is the current one), rather than found by a search.
pub struct Targets {
    pub workbooks: Vec<PathBuf>,
    pub single: bool,
    /// Paths that are neither, as findings.
    pub missing: Vec<Finding>,
    /// Folders too deep to search, said as a note: the workbooks found are
    /// all there is to show, and the command does not fail for them.
    pub unsearched: Vec<Finding>,
}

impl Targets {
    /// Says which folders were too deep to search (unless quiet).
    pub fn note_unsearched(&self, ui: &crate::ui::Ui) {
        for finding in &self.unsearched {
            ui.note(&finding.to_string());
        }
    }
}

pub fn resolve(paths: &[PathBuf], lang: Lang) -> Targets {
    let mut workbooks = Vec::new();
    let mut missing = Vec::new();
    let mut unsearched = Vec::new();
    let mut searched = false;
    if paths.is_empty() {
        let here = Path::new(".");
        match discover::enclosing(here).or_else(|| {
            std::env::current_dir()
                .ok()
                .and_then(|cwd| discover::enclosing(&cwd))
        }) {
            Some(found) => workbooks.push(found),
            None => {
                searched = true;
                let found = discover::search(here);
                missing.extend(found.half_made.iter().map(|dir| half_made(dir, lang)));
                unsearched.extend(too_deep(&found, lang));
                let nothing = found.half_made.is_empty();
                workbooks = found.workbooks;
                if workbooks.is_empty() && nothing {
                    missing.push(Finding::in_file(
                        ".",
                        tr!(
                            lang,
                            "här finns ingen arbetsbok (ingen {WORKBOOK_FILE} i mappen eller ovanför, och ingen under); `dino new NAMN` skapar en",
                            "no workbook here ({WORKBOOK_FILE} is not in this folder or above it, nor below it); `dino new NAME` makes one"
                        ),
                    ));
                }
            }
        }
    }
    for path in paths {
        if discover::is_workbook(path) {
            workbooks.push(path.clone());
        } else if path.is_dir() {
            searched = true;
            let found = discover::search(path);
            missing.extend(found.half_made.iter().map(|dir| half_made(dir, lang)));
            unsearched.extend(too_deep(&found, lang));
            let nothing = found.half_made.is_empty();
            if found.workbooks.is_empty() && nothing {
                missing.push(Finding::in_file(
                    path.display().to_string(),
                    tr!(
                        lang,
                        "ingen arbetsbok här eller under (ingen {WORKBOOK_FILE})",
                        "no workbook here or below it (no {WORKBOOK_FILE})"
                    ),
                ));
            }
            workbooks.extend(found.workbooks);
        } else if path.file_name().is_some_and(|n| n == WORKBOOK_FILE) && path.is_file() {
            let dir = path.parent().filter(|p| !p.as_os_str().is_empty());
            workbooks.push(dir.map_or_else(|| PathBuf::from("."), Path::to_path_buf));
        } else {
            missing.push(Finding::in_file(
                path.display().to_string(),
                tr!(lang, "finns inte", "does not exist"),
            ));
        }
    }
    // The same workbook named twice (or found twice) is shown once.
    let mut seen = std::collections::BTreeSet::new();
    workbooks.retain(|w| seen.insert(w.canonicalize().unwrap_or_else(|_| w.clone())));
    let single = !searched && workbooks.len() == 1;
    Targets {
        workbooks,
        single,
        missing,
        unsearched,
    }
}

/// The folders a search below a folder left unsearched, too deep.
fn too_deep(found: &discover::Found, lang: Lang) -> Vec<Finding> {
    let max = discover::MAX_SEARCH_DEPTH;
    found
        .too_deep
        .iter()
        .map(|dir| {
            Finding::in_file(
                dir.display().to_string(),
                tr!(
                    lang,
                    "mapparna i den söktes inte: dino söker arbetsböcker högst {max} mappar ner; ange mappen själv om en arbetsbok ligger där",
                    "its folders were not searched: dino looks for workbooks at most {max} folders down; name the folder itself if a workbook is in it"
                ),
            )
        })
        .collect()
}

/// The finding for a folder an interrupted `dino new` left half made.
fn half_made(dir: &Path, lang: Lang) -> Finding {
    Finding::in_file(
        dir.display().to_string(),
        tr!(
            lang,
            "en halvfärdig arbetsbok (utan {WORKBOOK_FILE}) som ett avbrutet `dino new` lämnade; ta bort mappen och kör `dino new` igen",
            "a half-made workbook (without {WORKBOOK_FILE}) left by an interrupted `dino new`; remove the folder and run `dino new` again"
        ),
    )
}

/// The language for a workbook's messages: the one asked for, else the
/// workbook's own (read before the workbook is opened, so that even the
/// problems met opening it are told in it).
pub fn lang_of(root: &Path, ui: &crate::ui::Ui) -> Lang {
    if ui.lang_chosen {
        return ui.lang;
    }
    // Read as the workbook is opened, so that both say the same.
    let own = crate::workbook::language_of(root);
    ui.lang_for(own.unwrap_or(ui.lang))
}

/// The workbook this folder is in, opened in its language; or an error
/// that says how to make or name one.
pub fn open_current(ui: &crate::ui::Ui) -> Result<Workbook> {
    let lang = ui.lang;
    let Some(root) = discover::enclosing(Path::new(".")) else {
        return Err(anyhow!(tr!(
            lang,
            "här finns ingen arbetsbok (ingen {WORKBOOK_FILE} i mappen eller ovanför); gå till arbetsbokens mapp, ange den med -C MAPP eller skapa en med `dino new NAMN`",
            "not in a workbook ({WORKBOOK_FILE} is not in this folder or above it); go to the workbook's folder, name it with -C DIR, or make one with `dino new NAME`"
        )));
    };
    open(&root, ui)
}

/// Opens a workbook in its language, or fails with every reason it could
/// not be opened.
pub fn open(root: &Path, ui: &crate::ui::Ui) -> Result<Workbook> {
    let lang = lang_of(root, ui);
    crate::state::profile::open(root, lang, false).map_err(|findings| failed(root, &findings, lang))
}

/// The error for a workbook that could not be opened.
pub fn failed(root: &Path, findings: &[Finding], lang: Lang) -> anyhow::Error {
    if let [only] = findings {
        return anyhow!("{only}");
    }
    let lines: Vec<String> = findings.iter().map(ToString::to_string).collect();
    anyhow!(
        "{}\n{}",
        tr!(
            lang,
            "arbetsboken {} kunde inte öppnas:",
            "the workbook {} could not be opened:",
            root.display()
        ),
        lines.join("\n")
    )
}

/// `work` applied to every workbook root (with its index), spread over the
/// cores; the results keep the order of `roots`.
pub fn par_map<T: Send>(roots: &[PathBuf], work: impl Fn(usize, &Path) -> T + Sync) -> Vec<T> {
    let mut out = Vec::with_capacity(roots.len());
    // The sink never fails.
    let _ = par_for_each_ordered(roots, work, |result| {
        out.push(result);
        Ok(())
    });
    out
}

/// `work` applied to every workbook root, spread over the cores, each
/// worker taking the next root when it is free. Each result is handed to
/// `sink` on this thread, in the order of `roots`, as soon as it and those
/// before it are done; so a long run holds only the few that came early.
pub fn par_for_each_ordered<T: Send>(
    roots: &[PathBuf],
    work: impl Fn(usize, &Path) -> T + Sync,
    mut sink: impl FnMut(T) -> Result<()>,
) -> Result<()> {
    use std::collections::BTreeMap;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::mpsc;
    let workers = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .min(roots.len().max(1));
    let next = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        let (send, receive) = mpsc::channel::<(usize, T)>();
        for _ in 0..workers {
            let (work, next, send) = (&work, &next, send.clone());
            scope.spawn(move || {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(root) = roots.get(i) else { break };
                    if send.send((i, work(i, root))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(send);
        let mut waiting: BTreeMap<usize, T> = BTreeMap::new();
        let mut due = 0;
        for (i, result) in receive {
            waiting.insert(i, result);
            while let Some(result) = waiting.remove(&due) {
                sink(result)?;
                due += 1;
            }
        }
        Ok(())
    })
}
