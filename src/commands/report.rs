//! `dino report [PATH…]`: a report of one workbook or a portfolio, as
//! Markdown, self-contained HTML or JSON; many workbooks read in parallel, a
//! broken one named on stderr while the rest are still reported.

use std::io::IsTerminal;
use std::path::PathBuf;

use anyhow::Result;
use clap::{Args, ValueEnum};

use crate::exit::{ERROR, Exit};
use crate::report::{self, WorkbookReport, redact};
use crate::state::fold;
use crate::ui::Ui;
use crate::workbook::Workbook;

/// Report on a workbook or a portfolio: phases, answers, decisions, risks,
/// readiness and the diagnostic.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Workbooks, or folders searched for workbooks [default: the workbook
    /// this folder is in, else the workbooks below it]
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Output format
    #[arg(long, value_enum, default_value_t = ReportFormat::Md)]
    pub format: ReportFormat,

    /// Write to FILE instead of standard output (`-` is standard output)
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Replace personal names (facilitators, authors, participants, and the
    /// same names in free text) with roles or pseudonyms
    #[arg(long)]
    pub redact: bool,

    /// For a portfolio: the overview table alone
    #[arg(long)]
    pub summary: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// Markdown, for a forge or an editor
    Md,
    /// One self-contained HTML page, printable
    Html,
    /// JSON for programs, with `"schema": 1` (docs/json.md)
    Json,
}

/// Opens, folds and reports one workbook (redacted when asked).
fn one(root: &std::path::Path, ui: &Ui, redacting: bool) -> Result<WorkbookReport, String> {
    let lang = crate::commands::workbooks::lang_of(root, ui);
    let wb = Workbook::open(root, lang).map_err(|findings| {
        crate::commands::workbooks::failed(root, &findings, lang).to_string()
    })?;
    let state = fold(&wb, lang);
    let built = report::build(&wb, &state, ui.lang);
    if redacting {
        let names = redact::pseudonyms(&wb, ui.lang);
        redact::redact(&built, &names).map_err(|e| e.to_string())
    } else {
        Ok(built)
    }
}

/// What each worker hands back for one workbook: its overview row and its
/// part of the output, already rendered, so no workbook is held longer than
/// it takes to report it.
struct Part {
    row: report::OverviewRow,
    text: String,
}

pub fn run(args: ReportArgs, ui: &Ui) -> Result<()> {
    let lang = ui.lang;
    let targets = crate::commands::workbooks::resolve(&args.paths, lang);
    let mut failed = targets.missing.len();
    for finding in &targets.missing {
        eprintln!("{}: {finding}", crate::ui::error_label());
    }
    let roots = &targets.workbooks;
    let progress = (std::io::stderr().is_terminal() && !ui.quiet && roots.len() > 20).then(|| {
        let bar = indicatif::ProgressBar::new(roots.len() as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} {msg}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar
    });
    let portfolio = !targets.single;
    let (format, summary, redacting) = (args.format, args.summary, args.redact);
    let results = crate::commands::workbooks::par_map(
        roots,
        |index, root| {
            let r = one(root, ui, redacting)?;
            let text = match format {
                ReportFormat::Json => report::json_item(&r).map_err(|e| e.to_string())?,
                _ if summary && portfolio => String::new(),
                ReportFormat::Md if portfolio => report::markdown::workbook(&r, 2, lang),
                ReportFormat::Md => report::markdown::workbook(&r, 1, lang),
                ReportFormat::Html if portfolio => report::html::workbook(&r, 2, index, lang),
                ReportFormat::Html => report::html::single(&r, lang),
            };
            Ok::<Part, String>(Part {
                row: report::OverviewRow::of(&r),
                text,
            })
        },
        || {
            if let Some(bar) = &progress {
                bar.inc(1);
            }
        },
    );
    if let Some(bar) = &progress {
        bar.finish_and_clear();
    }
    let mut parts: Vec<Part> = Vec::new();
    for result in results {
        match result {
            Ok(part) => parts.push(part),
            Err(message) => {
                failed += 1;
                eprintln!("{}: {message}", crate::ui::error_label());
            }
        }
    }
    // The output in pieces: a head, each workbook's part, an end.
    let rows: Vec<report::OverviewRow> = parts.iter().map(|p| p.row.clone()).collect();
    let mut pieces: Vec<String> = Vec::new();
    match format {
        ReportFormat::Json => {
            let items: Vec<String> = parts.into_iter().map(|p| p.text).collect();
            pieces = report::json_document(&items);
        }
        _ if !portfolio => pieces.extend(parts.into_iter().map(|p| p.text)),
        ReportFormat::Md => {
            pieces.push(report::markdown::portfolio_head(&rows, lang));
            pieces.extend(parts.into_iter().map(|p| p.text));
        }
        ReportFormat::Html => {
            pieces.push(report::html::portfolio_head(&rows, lang));
            pieces.extend(parts.into_iter().map(|p| p.text));
            pieces.push(report::html::DOCUMENT_END.to_string());
        }
    }
    let bytes: Vec<&[u8]> = pieces.iter().map(|p| p.as_bytes()).collect();
    match &args.output {
        Some(path) if path.as_os_str() != "-" => {
            crate::fsio::write_atomic_parts(path, &bytes)?;
            let shown = path.display();
            ui.note(&crate::tr!(lang, "skrev {shown}", "wrote {shown}"));
        }
        _ => {
            let mut stdout = std::io::stdout().lock();
            for piece in &bytes {
                match std::io::Write::write_all(&mut stdout, piece) {
                    Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => break,
                    other => other?,
                }
            }
        }
    }
    if failed > 0 {
        return Err(Exit::silent(ERROR).into());
    }
    Ok(())
}
