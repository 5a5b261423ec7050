//! `dino report [PATH…]`: a report of one workbook or a portfolio, as
//! Markdown, self-contained HTML or JSON; many workbooks read in parallel, a
//! broken one named on stderr while the rest are still reported.

use std::io::{IsTerminal, Seek, Write};
use std::path::PathBuf;

use anyhow::Result;
use clap::{Args, ValueEnum};

use crate::exit::{ERROR, Exit};
use crate::report::document::{Block, build, html, markdown};
use crate::report::{self, WorkbookReport, redact};
use crate::state::fold;
use crate::text::visible_writer::VisibleWriter;
use crate::ui::Ui;

/// Report on a workbook or a portfolio: phases, answers, decisions, risks,
/// readiness and the diagnostic.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Workbooks, or folders searched for workbooks [default: the workbook
    /// this folder is in, else the workbooks below it]
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Output format [default: from FILE's extension (.md, .html, .json, .docx), else md]
    #[arg(long, value_enum)]
    pub format: Option<ReportFormat>,

    /// Write to FILE instead of standard output (`-` is standard output)
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Replace the names the workbook records (facilitators, authors,
    /// participants, owners, deciders, respondents) wherever they appear with roles
    /// or pseudonyms; names it never records stay, so read before sharing
    #[arg(long)]
    pub redact: bool,

    /// One page for a manager: for a workbook its problem and goal, where
    /// it stands, the last decision, what is to follow up, indicators and
    /// readiness; for a portfolio the overview and the readiness across
    /// its projects
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
    /// A Word document, to file and forward; to a file (`-o`) or a pipe,
    /// never to a terminal
    Docx,
}

/// Opens, folds and reports one workbook as of a day (redacted when
/// asked), in `lang`.
fn one(
    root: &std::path::Path,
    ui: &Ui,
    as_of: jiff::civil::Date,
    lang: crate::i18n::Lang,
    redacting: bool,
) -> Result<WorkbookReport, String> {
    let wb = crate::state::profile::open(root, ui.lang, !ui.lang_chosen).map_err(|findings| {
        crate::commands::workbooks::failed(root, &findings, ui.lang).to_string()
    })?;
    let state = fold(&wb);
    let built = report::build(&wb, &state, as_of, lang);
    if redacting {
        redact::Redactor::for_workbook(&wb, lang)
            .report(&built)
            .map_err(|e| e.to_string())
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
    /// A Word report's blocks for this workbook: a Word file is written
    /// whole at the end, so its blocks are kept (empty in other formats).
    blocks: Vec<Block>,
}

pub fn run(args: ReportArgs, ui: &Ui) -> Result<()> {
    let as_of = crate::session::clock::now(ui.lang)?.date();
    let targets = crate::commands::workbooks::resolve(&args.paths, ui.lang);
    // One workbook's report is in its language, as its status is; a
    // portfolio's in the one asked for.
    let lang = match targets.workbooks.as_slice() {
        [root] if targets.single => crate::commands::workbooks::lang_of(root, ui),
        _ => ui.lang,
    };
    targets.note_unsearched(ui);
    let mut failed = targets.missing.len();
    for finding in &targets.missing {
        crate::out::error(finding);
    }
    let roots = &targets.workbooks;
    let progress = progress_bar(roots.len(), ui);
    let portfolio = !targets.single;
    let format = super::output::format_for(args.format, args.output.as_deref(), ReportFormat::Md);
    let redacting = args.redact;
    let shape = Shape {
        format,
        summary: args.summary,
        portfolio,
        redacted: redacting,
    };
    // Each workbook's part goes to a temporary file as soon as it and those
    // before it are done; only the overview's rows stay in memory.
    let mut body = std::io::BufWriter::new(tempfile::tempfile()?);
    let mut rows: Vec<report::OverviewRow> = Vec::new();
    let mut items = 0usize;
    let mut anchors = Anchors::default();
    let mut word_blocks: Vec<Block> = Vec::new();
    if format == ReportFormat::Docx {
        refuse_docx_to_terminal(args.output.as_deref(), lang)?;
    }
    crate::commands::workbooks::par_for_each_ordered(
        roots,
        |index, root| {
            let result =
                one(root, ui, as_of, lang, redacting).and_then(|r| part(&r, index, &shape, lang));
            if let Some(bar) = &progress {
                bar.inc(1);
            }
            result
        },
        |result| {
            match result {
                Ok(mut part) => {
                    if format == ReportFormat::Json && items > 0 {
                        body.write_all(b",\n")?;
                    }
                    anchors.make_unique(&mut part, &shape);
                    body.write_all(part.text.as_bytes())?;
                    word_blocks.append(&mut part.blocks);
                    items += 1;
                    rows.push(part.row);
                }
                Err(message) => {
                    failed += 1;
                    crate::out::error(message);
                }
            }
            Ok(())
        },
    )?;
    if let Some(bar) = &progress {
        bar.finish_and_clear();
    }
    if format == ReportFormat::Docx {
        let doc = word_document(&shape, word_blocks, &rows, as_of, lang);
        let bytes = crate::report::document::docx::write(&doc)?;
        let write = |out: &mut dyn Write| out.write_all(&bytes);
        super::output::deliver(args.output.as_deref(), ui, lang, write)?;
    } else {
        let mut body = body.into_inner().map_err(|e| e.into_error())?;
        body.seek(std::io::SeekFrom::Start(0))?;
        let (head, end) = head_and_end(&shape, items, &rows, as_of, lang);
        let write = |out: &mut dyn Write| write_document(out, format, &head, &mut body, &end);
        super::output::deliver(args.output.as_deref(), ui, lang, write)?;
    }
    if failed > 0 {
        return Err(Exit::silent(ERROR).into());
    }
    Ok(())
}

/// What the report looks like: its format, and whether it is a
/// portfolio's, or only its summary.
struct Shape {
    format: ReportFormat,
    summary: bool,
    portfolio: bool,
    redacted: bool,
}

impl Shape {
    /// What the document is built with: charts drawn for HTML only.
    fn document(&self, lang: crate::i18n::Lang) -> build::Shape {
        build::Shape {
            lang,
            redacted: self.redacted,
            draw: self.format == ReportFormat::Html,
        }
    }

    /// Whether each workbook is a section of a portfolio's document.
    fn has_sections(&self) -> bool {
        self.portfolio && !self.summary && self.format != ReportFormat::Json
    }
}

/// The progress bar, at a terminal, for more than 20 workbooks.
fn progress_bar(workbooks: usize, ui: &Ui) -> Option<indicatif::ProgressBar> {
    (std::io::stderr().is_terminal() && !ui.quiet && workbooks > 20).then(|| {
        let bar = indicatif::ProgressBar::new(workbooks as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} {msg}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar
    })
}

/// One workbook's part of the report, the `index`th: a portfolio's
/// section, or its JSON, its report or its page; for Word as blocks.
fn part(
    r: &WorkbookReport,
    index: usize,
    shape: &Shape,
    lang: crate::i18n::Lang,
) -> Result<Part, String> {
    let row = report::OverviewRow::of(r);
    let doc_shape = shape.document(lang);
    if shape.format == ReportFormat::Docx {
        let blocks = if shape.has_sections() {
            vec![build::section(r, &row.anchor, index, doc_shape)]
        } else if shape.portfolio {
            Vec::new()
        } else if shape.summary {
            build::page(r, doc_shape).blocks
        } else {
            build::single(r, doc_shape).blocks
        };
        let text = String::new();
        return Ok(Part { row, text, blocks });
    }
    let text = if shape.has_sections() {
        let section = build::section(r, &row.anchor, index, doc_shape);
        section_text(&section, shape.format, index, lang)
    } else {
        part_text(r, shape, lang)?
    };
    Ok(Part {
        row,
        text,
        blocks: Vec::new(),
    })
}

/// A Word report can only be written whole, and is no text for a
/// terminal: without `-o`, standard output must be a file or a pipe.
fn refuse_docx_to_terminal(
    output: Option<&std::path::Path>,
    lang: crate::i18n::Lang,
) -> Result<()> {
    let to_stdout = output.is_none_or(|path| path.as_os_str() == "-");
    if to_stdout && std::io::stdout().is_terminal() {
        anyhow::bail!(crate::tr!(
            lang,
            "en Word-rapport skrivs inte till terminalen; ange en fil med -o, till exempel -o rapport.docx",
            "a Word report is not written to the terminal; name a file with -o, such as -o report.docx"
        ));
    }
    Ok(())
}

/// The whole Word document: a portfolio's head and its sections, or one
/// workbook's report or page.
fn word_document(
    shape: &Shape,
    blocks: Vec<Block>,
    rows: &[report::OverviewRow],
    as_of: jiff::civil::Date,
    lang: crate::i18n::Lang,
) -> crate::report::document::Document {
    let doc_shape = shape.document(lang);
    let (title, mut all) = if shape.portfolio {
        let title = crate::report::document::words::portfolio_title(lang).to_string();
        let head = build::portfolio::head(rows, &as_of.to_string(), doc_shape, shape.summary);
        (title, head)
    } else {
        let title = rows
            .first()
            .map_or_else(String::new, |row| row.name.clone());
        (title, Vec::new())
    };
    all.extend(blocks);
    crate::report::document::Document {
        lang,
        title,
        blocks: all,
    }
}

/// One workbook's part of the report, when it is not a portfolio's
/// section: its JSON, its report or its page.
fn part_text(r: &WorkbookReport, shape: &Shape, lang: crate::i18n::Lang) -> Result<String, String> {
    let (summary, portfolio) = (shape.summary, shape.portfolio);
    let doc_shape = shape.document(lang);
    Ok(match shape.format {
        ReportFormat::Json if summary && portfolio => {
            report::json_summary_item(r).map_err(|e| e.to_string())?
        }
        ReportFormat::Json if summary => report::json_page_item(r).map_err(|e| e.to_string())?,
        ReportFormat::Json => report::json_item(r).map_err(|e| e.to_string())?,
        _ if portfolio => String::new(),
        ReportFormat::Md if summary => markdown::document(&build::page(r, doc_shape)),
        ReportFormat::Html if summary => html::document(&build::page(r, doc_shape)),
        ReportFormat::Md => markdown::document(&build::single(r, doc_shape)),
        // Built as blocks by `part`.
        ReportFormat::Docx => String::new(),
        ReportFormat::Html => html::document(&build::single(r, doc_shape)),
    })
}

/// A portfolio's section for one workbook, the `index`th, written.
fn section_text(
    section: &Block,
    format: ReportFormat,
    index: usize,
    lang: crate::i18n::Lang,
) -> String {
    let section = std::slice::from_ref(section);
    match format {
        ReportFormat::Html => html::blocks(section, lang, &format!("w{index}-")),
        _ => markdown::blocks(section),
    }
}

/// The anchors given to a portfolio's sections so far, so that two
/// workbooks with the same id link apart.
#[derive(Default)]
struct Anchors(std::collections::HashSet<String>);

impl Anchors {
    /// Gives the part's section the first anchor from its workbook's id
    /// not yet taken. A section's own heading is the first to carry its
    /// anchor (`id="…"` in HTML, `<a id="…">` in Markdown), and anchors
    /// hold no character that needs escaping, so the heading's is changed
    /// in the written text.
    fn make_unique(&mut self, part: &mut Part, shape: &Shape) {
        if !shape.has_sections() {
            return;
        }
        let first = part.row.anchor.clone();
        let mut nth = 1;
        while self.0.contains(&part.row.anchor) {
            nth += 1;
            part.row.anchor = report::OverviewRow::anchor_for(&part.row.id, nth);
        }
        self.0.insert(part.row.anchor.clone());
        if part.row.anchor != first {
            let (old, new) = (
                format!("id=\"{first}\""),
                format!("id=\"{}\"", part.row.anchor),
            );
            part.text = part.text.replacen(&old, &new, 1);
            // Word's part is its section as blocks.
            if let Some(section) = part.blocks.first_mut() {
                build::set_anchor(section, &part.row.anchor);
            }
        }
    }
}

/// What goes before and after the parts.
fn head_and_end(
    shape: &Shape,
    items: usize,
    rows: &[report::OverviewRow],
    as_of: jiff::civil::Date,
    lang: crate::i18n::Lang,
) -> (String, String) {
    let doc_shape = shape.document(lang);
    let head = || build::portfolio::head(rows, &as_of.to_string(), doc_shape, shape.summary);
    match shape.format {
        ReportFormat::Json if items == 0 => {
            (report::json_document(&[], as_of).concat(), String::new())
        }
        ReportFormat::Json => (report::json_document_head(as_of), "\n  ]\n}\n".to_string()),
        _ if !shape.portfolio => (String::new(), String::new()),
        ReportFormat::Md => (markdown::blocks(&head()), String::new()),
        // Written whole, head and all, by `word_document`.
        ReportFormat::Docx => (String::new(), String::new()),
        ReportFormat::Html => {
            let title = crate::report::document::words::portfolio_title(lang);
            let mut start = html::start(title, lang);
            start.push_str(&html::blocks(&head(), lang, ""));
            (start, html::DOCUMENT_END.to_string())
        }
    }
}

/// The document: the head, the parts (from `body`), the end; made visible
/// unless JSON, which escapes control characters itself and keeps texts
/// exact.
fn write_document(
    out: &mut dyn Write,
    format: ReportFormat,
    head: &str,
    body: &mut std::fs::File,
    end: &str,
) -> std::io::Result<()> {
    let mut visible;
    let out: &mut dyn Write = if format == ReportFormat::Json {
        out
    } else {
        visible = VisibleWriter::new(out);
        &mut visible
    };
    out.write_all(head.as_bytes())?;
    std::io::copy(body, out)?;
    out.write_all(end.as_bytes())
}
