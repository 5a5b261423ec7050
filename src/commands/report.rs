//! `dino report [PATH…]`: a report of one workbook or a portfolio, as
//! Markdown, self-contained HTML or JSON; many workbooks read in parallel, a
//! broken one named on stderr while the rest are still reported.

use std::io::IsTerminal;
use std::path::PathBuf;

use anyhow::Result;
use clap::{Args, ValueEnum};

use crate::exit::{ERROR, Exit};
use crate::fsio::write_atomic;
use crate::report::{self, Report, WorkbookReport, redact};
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
    // Spread over the cores; results keep the order of the paths.
    let workers = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .min(roots.len().max(1));
    let mut results: Vec<Option<Result<WorkbookReport, String>>> =
        (0..roots.len()).map(|_| None).collect();
    std::thread::scope(|scope| {
        let chunk = roots.len().div_ceil(workers).max(1);
        let handles: Vec<_> = roots
            .chunks(chunk)
            .enumerate()
            .map(|(n, part)| {
                let progress = progress.clone();
                let redacting = args.redact;
                scope.spawn(move || {
                    part.iter()
                        .enumerate()
                        .map(|(i, root)| {
                            let result = one(root, ui, redacting);
                            if let Some(bar) = &progress {
                                bar.inc(1);
                            }
                            (n * chunk + i, result)
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        for handle in handles {
            if let Ok(done) = handle.join() {
                for (i, result) in done {
                    results[i] = Some(result);
                }
            }
        }
    });
    if let Some(bar) = &progress {
        bar.finish_and_clear();
    }
    let mut reports = Vec::new();
    for result in results.into_iter().flatten() {
        match result {
            Ok(r) => reports.push(r),
            Err(message) => {
                failed += 1;
                eprintln!("{}: {message}", crate::ui::error_label());
            }
        }
    }
    let portfolio = !targets.single;
    let text = match args.format {
        ReportFormat::Md => report::markdown::report(&reports, portfolio, args.summary, lang),
        ReportFormat::Html => report::html::report(&reports, portfolio, args.summary, lang),
        ReportFormat::Json => {
            let doc = Report {
                schema: crate::render::json::SCHEMA,
                workbooks: reports,
            };
            serde_json::to_string_pretty(&doc)? + "\n"
        }
    };
    match &args.output {
        Some(path) if path.as_os_str() != "-" => {
            write_atomic(path, text.as_bytes())?;
            let shown = path.display();
            ui.note(&crate::tr!(lang, "skrev {shown}", "wrote {shown}"));
        }
        _ => super::status::write_out(&text)?,
    }
    if failed > 0 {
        return Err(Exit::silent(ERROR).into());
    }
    Ok(())
}
