//! `dino check [PATH…]`: lint workbooks (and packs), every finding as
//! `file:line:col: message`; exit 3 on findings. A broken workbook does not
//! stop the check of the others.

use std::path::PathBuf;

use anyhow::Result;
use clap::Args;

use crate::exit::{ERROR, Exit, FINDINGS};
use crate::finding::Finding;
use crate::i18n::Lang;
use crate::pack::source::PackSource;
use crate::state::fold;
use crate::tr;
use crate::ui::Ui;

/// Check workbooks and packs; exit 3 if anything is found
///
/// Every problem is printed on one line, as file:line:col: message (or file:
/// message when it concerns the whole file). Exit 0 when all is well, 3 on
/// findings, 1 when a path cannot be read.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Workbooks, pack folders, or folders searched for workbooks (for packs,
    /// when they hold no workbook)
    /// [default: the workbook this folder is in, else the workbooks below it]
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Also ask git's history whether a committed entry was changed by a
    /// later commit (an entry changed in the working tree is always named)
    #[arg(long)]
    pub history: bool,
}

pub fn run(args: CheckArgs, ui: &Ui) -> Result<()> {
    let lang = ui.lang;
    let (packs, others) = packs_and_others(args.paths);
    let mut findings: Vec<Finding> = Vec::new();
    // The summary is in the workbook's language when one is checked.
    let mut summary_lang = lang;
    let mut checked = 0;
    for pack in &packs {
        checked += 1;
        if let Err(found) = crate::pack::load(&PackSource::Dir(pack.clone()), lang) {
            findings.extend(found);
        }
    }
    let mut missing = Vec::new();
    if !others.is_empty() || packs.is_empty() {
        let targets = super::workbooks::resolve(&others, lang);
        targets.note_unsearched(ui);
        missing = targets.missing;
        for root in &targets.workbooks {
            checked += 1;
            let wb_lang = super::workbooks::lang_of(root, ui);
            if checked == 1 {
                summary_lang = wb_lang;
            }
            findings.extend(workbook_findings(root, wb_lang, args.history));
        }
    }
    for finding in &missing {
        crate::out::error(finding);
    }
    // A reader that stops early (`| head`) must not turn findings into
    // success: the exit code still tells them.
    for finding in &findings {
        crate::out::unless_reader_left(crate::out::line(finding))?;
    }
    if checked != 1 {
        summary_lang = lang;
    }
    summarise(
        checked,
        findings.len(),
        !missing.is_empty(),
        summary_lang,
        ui,
    )
}

/// The paths that are pack folders, and the others (workbooks, or folders
/// searched for them). A folder with no workbook in it, but packs
/// (`examples/packs`), gives its packs.
fn packs_and_others(paths: Vec<PathBuf>) -> (Vec<PathBuf>, Vec<PathBuf>) {
    let (mut packs, mut others): (Vec<PathBuf>, Vec<PathBuf>) = paths.into_iter().partition(|p| {
        crate::pack::source::has_pack_file(p) && !crate::workbook::discover::is_workbook(p)
    });
    others.retain(|path| {
        if !path.is_dir() || !crate::workbook::discover::below(path).is_empty() {
            return true;
        }
        let found = super::pack::list::find_packs(path, super::pack::list::SEARCH_DEPTH);
        let keep = found.is_empty();
        packs.extend(found);
        keep
    });
    (packs, others)
}

/// What is wrong in the workbook at `root`, in order, told in `lang`.
fn workbook_findings(root: &std::path::Path, lang: Lang, history: bool) -> Vec<Finding> {
    match crate::state::profile::open(root, lang, false) {
        Ok(wb) => {
            let state = fold(&wb);
            let mut found = wb.findings.clone();
            found.extend(state.findings);
            if let Ok(now) = crate::session::clock::now(lang) {
                found.extend(crate::state::folding::dated_ahead(&wb, now));
            }
            found.extend(changed_after_commit(&wb, history));
            found.extend(wb.profile_edits());
            // The snapshot's start was checked when the workbook was
            // opened; the whole of it is read for its recorded profile
            // (above) and, when the pack changed, for what changed.
            if let Some(change) = wb.pack_change()
                && let Err(crate::workbook::pack_change::Unknown::Unreadable(f)) = change.changes
                && !found.contains(&f)
            {
                found.push(f);
            }
            found.sort();
            found
        }
        Err(mut found) => {
            found.sort();
            found
        }
    }
}

/// The last line: how many were checked and how many problems; the exit
/// code says whether there were problems, or paths that were not there.
fn summarise(checked: usize, problems: usize, missing: bool, lang: Lang, ui: &Ui) -> Result<()> {
    let checked_text = match (lang, checked) {
        (Lang::Sv, 1) => "1 kontrollerad".to_string(),
        (Lang::Sv, n) => format!("{n} kontrollerade"),
        (Lang::En, n) => format!("{n} checked"),
    };
    if problems > 0 {
        let problems_text = match (lang, problems) {
            (Lang::Sv, n) => format!("{n} problem"),
            (Lang::En, 1) => "1 problem".to_string(),
            (Lang::En, n) => format!("{n} problems"),
        };
        ui.note(&tr!(
            lang,
            "{checked_text}, {problems_text}",
            "{checked_text}, {problems_text}"
        ));
        return Err(Exit::silent(FINDINGS).into());
    }
    if missing {
        return Err(Exit::silent(ERROR).into());
    }
    ui.note(&tr!(
        lang,
        "{checked_text}: inga problem",
        "{checked_text}: no problems"
    ));
    Ok(())
}

/// An entry git had that was changed later, by a commit or in the working
/// tree: dino never rewrites an entry, so it was edited by hand, and what
/// the team saw when it was written may no longer be what it says.
#[derive(Debug)]
struct ChangedAfterCommit(crate::git::Added);

impl crate::i18n::Say for ChangedAfterCommit {
    fn say(&self, lang: Lang) -> String {
        let crate::git::Added { commit, author } = &self.0;
        match (commit.is_empty(), lang) {
            (true, Lang::Sv) => "posten har ändrats sedan den checkades in (ändringen är inte incheckad); dino skriver aldrig om en post: en rättelse är en ny post (`dino run`, `dino resolve`), och `git checkout -- FIL` tar tillbaka den".to_string(),
            (true, Lang::En) => "the entry was changed after it was committed (the change is not committed); dino never rewrites an entry: a correction is a new entry (`dino run`, `dino resolve`), and `git checkout -- FILE` brings it back".to_string(),
            (false, Lang::Sv) => format!("posten ändrades efter att den checkats in (senast i {commit} av {author}); dino skriver aldrig om en post: en rättelse är en ny post (`dino run`, `dino resolve`)"),
            (false, Lang::En) => format!("the entry was changed after it was committed (last in {commit} by {author}); dino never rewrites an entry: a correction is a new entry (`dino run`, `dino resolve`)"),
        }
    }
}

/// The entries git says were changed after they were committed: in the
/// working tree, and with `history` by a later commit.
fn changed_after_commit(wb: &crate::workbook::Workbook, history: bool) -> Vec<Finding> {
    let changed = crate::git::log_changed(&wb.root, history);
    wb.entries
        .iter()
        .filter_map(|e| {
            let change = changed.get(&e.name)?;
            Some(Finding {
                file: e.file.clone(),
                line: 1,
                col: 1,
                message: ChangedAfterCommit(change.clone()).into(),
            })
        })
        .collect()
}
