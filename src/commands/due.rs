//! `dino due [PATH…]`: what is next or overdue, for a workbook or a whole
//! portfolio: open actions and risks with a due day, as of today (or
//! `DINO_NOW`), as a table, JSON or a calendar.

use std::path::PathBuf;

use anyhow::Result;
use clap::{Args, ValueEnum};

use crate::exit::{ERROR, Exit, FINDINGS};
use crate::i18n::Lang;
use crate::report::due::{DueList, DueRow};
use crate::state::{fold, follow_up};
use crate::ui::Ui;
use crate::workbook::Workbook;

/// Show what is next or overdue: actions, risks, deferred criteria, measurements, indicator targets and the next gate
///
/// For the workbook this folder is in, or for every workbook below the
/// folders named: by date, the overdue first and marked.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  dino due\n  dino due portfolj/ --within 14 --owner \"Karin Lindqvist\"\n  dino due portfolj/ --format ics > att-folja-upp.ics\n  dino due portfolj/ --check   (exit 3 if anything is overdue)"
)]
pub struct DueArgs {
    /// Workbooks, or folders searched for workbooks [default: the workbook
    /// this folder is in, else the workbooks below it]
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Only what is due within this many days (the overdue always)
    #[arg(long, value_name = "DAYS")]
    pub within: Option<u32>,

    /// Only what this person owns
    #[arg(long, value_name = "NAME")]
    pub owner: Option<String>,

    /// Output format
    #[arg(long, value_enum, default_value_t)]
    pub format: DueFormat,

    /// Exit with 3 if anything is overdue; for a scheduled CI job
    #[arg(long)]
    pub check: bool,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum DueFormat {
    /// A table for people (plain, full-width rows when piped)
    #[default]
    Table,
    /// JSON for programs, with `"schema": 1` (docs/json.md)
    Json,
    /// An iCalendar file (RFC 5545) for Outlook, Google Calendar or Thunderbird
    Ics,
}

pub fn run(args: DueArgs, ui: &Ui) -> Result<()> {
    let lang = ui.lang;
    let as_of = crate::session::clock::now(lang)?;
    let targets = super::workbooks::resolve(&args.paths, lang);
    targets.note_unsearched(ui);
    let mut failed = targets.missing.len();
    for finding in &targets.missing {
        crate::out::error(finding);
    }
    let results = super::workbooks::par_map(&targets.workbooks, |_, root| {
        let wb = crate::state::profile::open(root, ui.lang, !ui.lang_chosen)
            .map_err(|findings| super::workbooks::failed(root, &findings, lang))?;
        let state = fold(&wb);
        let rows = rows_of(&wb, &state, &args, as_of.date());
        Ok::<_, anyhow::Error>((ui.lang_for(wb.language()), rows))
    });
    let several = targets.workbooks.len() > 1 || !targets.single;
    // One workbook's list is in its language, a portfolio's in the run's.
    let mut shown_lang = lang;
    let mut rows = Vec::new();
    for result in results {
        match result {
            Ok((its_lang, found)) => {
                if !several {
                    shown_lang = its_lang;
                }
                rows.extend(found);
            }
            Err(err) => {
                failed += 1;
                crate::out::error(err);
            }
        }
    }
    let list = DueList::new(as_of, rows);
    super::status::write_out(&shown(&list, args.format, ui, shown_lang, several)?)?;
    if failed > 0 {
        return Err(Exit::silent(ERROR).into());
    }
    if args.check && list.overdue() > 0 {
        return Err(Exit::silent(FINDINGS).into());
    }
    Ok(())
}

/// A workbook's rows that pass `--within` and `--owner`.
fn rows_of(
    wb: &Workbook,
    state: &crate::state::State,
    args: &DueArgs,
    today: jiff::civil::Date,
) -> Vec<DueRow> {
    let until = args.within.and_then(|days| {
        today
            .checked_add(jiff::Span::new().days(i64::from(days)))
            .ok()
    });
    let wanted = args.owner.as_deref().map(|o| o.trim().to_lowercase());
    follow_up::due(wb, state, today)
        .into_iter()
        .filter(|due| due.overdue || until.is_none_or(|until| due.day <= until))
        .filter(|due| {
            wanted.as_ref().is_none_or(|wanted| {
                due.owner
                    .as_deref()
                    .is_some_and(|o| o.trim().to_lowercase() == *wanted)
            })
        })
        .map(|due| DueRow {
            workbook_id: wb.file.id.clone(),
            workbook_name: wb.file.name.clone(),
            due,
        })
        .collect()
}

/// The list in the format asked for.
fn shown(list: &DueList, format: DueFormat, ui: &Ui, lang: Lang, several: bool) -> Result<String> {
    Ok(match format {
        DueFormat::Table => {
            let table = list.table(lang, ui.terminal_width(), several);
            // Names and texts come from files anyone can edit.
            crate::text::terminal_md::visible_lines(&table)
        }
        DueFormat::Json => crate::report::json::pretty(&list.json())? + "\n",
        DueFormat::Ics => crate::report::calendar::ics(list, lang),
    })
}
