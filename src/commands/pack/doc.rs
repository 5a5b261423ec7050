//! `dino pack doc`: the facilitator's handbook, in Markdown or HTML.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;
use clap::{Args, ValueEnum};

use super::load_or_fail;
use crate::render::handbook;
use crate::text::html;
use crate::text::visible_writer::VisibleWriter;
use crate::ui::Ui;

/// Print a pack's facilitator handbook, in Markdown or HTML
///
/// Every phase with its purpose and guidance, every item with its help and
/// when it applies.
#[derive(Debug, Args)]
pub struct DocArgs {
    /// A built-in pack's id or a pack folder [default: the pack of the workbook
    /// this folder is in, else dino]
    #[arg(value_name = "ID|PATH")]
    pub pack: Option<String>,

    /// Output format [default: from FILE's extension (.md, .html), else md]
    #[arg(long, value_enum)]
    pub format: Option<DocFormat>,

    /// Write to FILE instead of standard output (`-` is standard output)
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DocFormat {
    /// Markdown, for a forge or an editor
    Md,
    /// One self-contained HTML page, printable
    Html,
}

pub fn run(args: DocArgs, ui: &Ui) -> Result<()> {
    let pack = load_or_fail(&super::named_or_current(args.pack), ui)?;
    let markdown = handbook::markdown(&pack, ui.lang);
    let format =
        crate::commands::output::format_for(args.format, args.output.as_deref(), DocFormat::Md);
    let text = match format {
        DocFormat::Md => markdown,
        DocFormat::Html => {
            let lang = pack.lang_for(ui.lang);
            html::document(pack.title.get(lang), lang, &html::safe_fragment(&markdown))
        }
    };
    crate::commands::output::deliver(args.output.as_deref(), ui, ui.lang, |out| {
        VisibleWriter::new(out).write_all(text.as_bytes())
    })
}
