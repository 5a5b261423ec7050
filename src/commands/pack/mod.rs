//! `dino pack …`: list, show, check, print and scaffold method packs.

pub(crate) mod check;
pub(crate) mod doc;
pub(crate) mod list;
mod new;
mod show;

use std::fmt::Write as _;

use anyhow::Result;
use clap::{Args, Subcommand};

use crate::exit::{ERROR, Exit};
use crate::finding::Finding;
use crate::pack::{Pack, builtin};
use crate::ui::Ui;

/// Work with method packs: the phases, items and gates a workbook follows
#[derive(Debug, Args)]
pub struct PackArgs {
    #[command(subcommand)]
    pub command: PackCommand,
}

#[derive(Debug, Subcommand)]
pub enum PackCommand {
    List(list::ListArgs),
    Show(show::ShowArgs),
    Check(check::CheckArgs),
    Doc(doc::DocArgs),
    New(new::NewArgs),
}

pub fn run(args: PackArgs, ui: &Ui) -> Result<()> {
    match args.command {
        PackCommand::List(args) => list::run(args, ui),
        PackCommand::Show(args) => show::run(args, ui),
        PackCommand::Check(args) => check::run(args, ui),
        PackCommand::Doc(args) => doc::run(args, ui),
        PackCommand::New(args) => new::run(args, ui),
    }
}

/// The pack a command means: the one named, else the pack of the workbook
/// this folder is in, else the built-in `dino`.
fn named_or_current(given: Option<String>) -> String {
    given
        .or_else(workbook_pack)
        .unwrap_or_else(|| "dino".to_string())
}

/// The pack of the workbook this folder is in, as `load_or_fail` takes it.
fn workbook_pack() -> Option<String> {
    use crate::workbook::{WORKBOOK_FILE, discover, file::WorkbookFile};
    let root = discover::enclosing(std::path::Path::new("."))?;
    let path = root.join(WORKBOOK_FILE);
    let src = crate::pack::source::read_text(&path, path.display().to_string())
        .ok()?
        .with_lf_line_ends();
    let (file, _) = WorkbookFile::read(&src, crate::i18n::Lang::En).ok()?;
    Some(match file.pack.path {
        Some(dir) => root.join(dir).display().to_string(),
        None => file.pack.id,
    })
}

/// Loads a pack named by id or folder, as it reads with no workbook (each
/// term in its default words), or fails with every finding listed.
pub(crate) fn load_or_fail(spec: &str, ui: &Ui) -> Result<Pack> {
    Ok(load_unbound_or_fail(spec, ui)?.adapted(&Default::default()))
}

/// As [`load_or_fail`], with its terms not yet bound to a profile.
pub(crate) fn load_unbound_or_fail(spec: &str, ui: &Ui) -> Result<Pack> {
    builtin::load_named(spec, ui.lang).map_err(|findings| {
        let lang = ui.lang;
        anyhow::Error::new(Exit {
            code: ERROR,
            message: findings_message(&findings, lang, spec),
        })
    })
}

/// Every finding on its own line, after a line saying what failed; a pack
/// that is not there at all gets just that one line.
fn findings_message(findings: &[Finding], lang: crate::i18n::Lang, spec: &str) -> String {
    if let [only] = findings
        && only.line == 0
    {
        return only.to_string();
    }
    let mut out = crate::tr!(
        lang,
        "paketet {spec} kunde inte läsas; kör `dino pack check {spec}` för att se alla fel",
        "the pack {spec} could not be loaded; `dino pack check {spec}` lists every problem"
    );
    for finding in findings {
        let _ = write!(out, "\n{finding}");
    }
    out
}
