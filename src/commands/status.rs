//! `dino status [PATH…]`: one workbook's phases and open items, or one row
//! per workbook for a portfolio.

use std::path::PathBuf;

use anyhow::Result;
use clap::Args;

use super::Format;
use crate::exit::{ERROR, Exit};
use crate::report::{json, status_view};
use crate::state::fold;
use crate::ui::Ui;

/// Show where a project, or a portfolio, stands
///
/// One workbook: its phases with progress and gates, the current phase and
/// its next open items, answers that disagree, and what changed in its pack.
/// Several, or a folder of them: one row per workbook.
#[derive(Debug, Args)]
pub struct StatusArgs {
    /// Workbooks, or folders searched for workbooks [default: the workbook
    /// this folder is in, else the workbooks below it]
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Output format
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

pub fn run(args: StatusArgs, ui: &Ui) -> Result<()> {
    let as_of = crate::session::clock::now(ui.lang)?.date();
    let targets = super::workbooks::resolve(&args.paths, ui.lang);
    targets.note_unsearched(ui);
    let mut failed = targets.missing.len();
    for finding in &targets.missing {
        crate::out::error(finding);
    }
    // Each worker opens, folds and sums up one workbook, so that no more
    // than a few are open at a time.
    enum Summed {
        Json(serde_json::Value),
        Text(String),
        Row(status_view::Row),
    }
    let width = ui.terminal_width();
    let single = targets.single && targets.workbooks.len() == 1;
    let results = super::workbooks::par_map(&targets.workbooks, |_, root| {
        let wb = crate::state::profile::open(root, ui.lang, !ui.lang_chosen)
            .map_err(|findings| super::workbooks::failed(root, &findings, ui.lang))?;
        let lang = ui.lang_for(wb.language());
        let state = fold(&wb);
        Ok::<Summed, anyhow::Error>(match args.format {
            Format::Json => Summed::Json(json::workbook_status(&wb, &state, as_of)),
            Format::Table if single => {
                Summed::Text(status_view::workbook(&wb, &state, as_of, lang, width))
            }
            Format::Table => Summed::Row(status_view::Row::of(&wb, &state, as_of, ui.lang)),
        })
    });
    let (mut docs, mut rows, mut out) = (Vec::new(), Vec::new(), String::new());
    for result in results {
        match result {
            Ok(Summed::Json(doc)) => docs.push(doc),
            Ok(Summed::Row(row)) => rows.push(row),
            Ok(Summed::Text(text)) => out = text,
            Err(err) => {
                failed += 1;
                crate::out::error(err);
            }
        }
    }
    if args.format == Format::Json {
        out = json::pretty(&json::status(docs))? + "\n";
    } else if !rows.is_empty() {
        out = status_view::portfolio(&rows, ui.lang, width);
    }
    if args.format == Format::Table {
        // Names and texts come from files anyone can edit: nothing in them
        // may steer the terminal.
        out = crate::text::terminal_md::visible_lines(&out);
    }
    write_out(&out)?;
    if failed > 0 {
        return Err(Exit::silent(ERROR).into());
    }
    Ok(())
}

/// Writes a command's result to stdout; a reader that stops early is fine.
pub fn write_out(text: &str) -> Result<()> {
    Ok(crate::out::unless_reader_left(crate::out::text(text))?)
}
