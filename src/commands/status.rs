//! `dino status [PATH…]`: one workbook's phases and open items, or one row
//! per workbook for a portfolio.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;
use clap::Args;

use crate::cli::Format;
use crate::exit::{ERROR, Exit};
use crate::render::{json, status_view};
use crate::state::fold;
use crate::ui::Ui;
use crate::workbook::Workbook;

/// Where projects stand: phases, progress, gates and open items for one
/// workbook; one row per workbook for several, or for a folder of them.
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
    let targets = super::workbooks::resolve(&args.paths, ui.lang);
    let mut failed = targets.missing.len();
    for finding in &targets.missing {
        eprintln!("{}: {finding}", crate::ui::error_label());
    }
    let mut opened: Vec<Workbook> = Vec::new();
    let results = super::workbooks::par_map(
        &targets.workbooks,
        |_, root| {
            let lang = super::workbooks::lang_of(root, ui);
            Workbook::open(root, lang)
                .map_err(|findings| super::workbooks::failed(root, &findings, lang))
        },
        || {},
    );
    for result in results {
        match result {
            Ok(wb) => opened.push(wb),
            Err(err) => {
                failed += 1;
                eprintln!("{}: {err}", crate::ui::error_label());
            }
        }
    }
    let width = ui.terminal_width();
    let mut out = String::new();
    match args.format {
        Format::Json => {
            let docs = opened
                .iter()
                .map(|wb| json::workbook_status(wb, &fold(wb, ui.lang_for(wb.language()))))
                .collect();
            out = serde_json::to_string_pretty(&json::status(docs))? + "\n";
        }
        Format::Table if targets.single && opened.len() == 1 => {
            let wb = &opened[0];
            let lang = ui.lang_for(wb.language());
            out = status_view::workbook(wb, &fold(wb, lang), lang, width);
        }
        Format::Table => {
            let rows: Vec<status_view::Row> = opened
                .iter()
                .map(|wb| {
                    let lang = ui.lang_for(wb.language());
                    status_view::Row::of(wb, &fold(wb, lang), ui.lang)
                })
                .collect();
            if !rows.is_empty() {
                out = status_view::portfolio(&rows, ui.lang, width);
            }
        }
    }
    if args.format == Format::Table {
        // Names and texts come from files anyone can edit: nothing in them
        // may steer the terminal.
        out = crate::render::terminal_md::visible_lines(&out);
    }
    write_out(&out)?;
    if failed > 0 {
        return Err(Exit::silent(ERROR).into());
    }
    Ok(())
}

/// Writes a command's result to stdout; a reader that stops early is fine.
pub fn write_out(text: &str) -> Result<()> {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(err) if err.kind() != std::io::ErrorKind::BrokenPipe => Err(err.into()),
        _ => Ok(()),
    }
}
