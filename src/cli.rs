//! The command line: global options, shared by every command, and the
//! commands themselves. Each command's arguments live beside its code.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::commands::{
    check, completions, gate, log, man, new, note, pack, report, run, status, upgrade,
};
use crate::i18n::Lang;

/// A workbook for innovation projects in the public sector: run a method's
/// phases as checklists, keep the log in Markdown, report on it.
#[derive(Debug, Parser)]
#[command(name = "dino", version, propagate_version = true, max_term_width = 100)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

/// Options every command takes.
#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// Run as if dino was started in DIR
    #[arg(short = 'C', value_name = "DIR", global = true)]
    pub chdir: Option<PathBuf>,

    /// Language of messages and pack texts [default: DINO_LANG, else LANG, else sv]
    #[arg(long, value_enum, global = true)]
    pub lang: Option<Lang>,

    /// Never prompt; fail clearly where an answer is missing
    #[arg(long, global = true)]
    pub no_input: bool,

    /// When to use colour (NO_COLOR turns it off for `auto`)
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, global = true)]
    pub color: ColorChoice,

    /// Print only results and errors, no progress or confirmations
    #[arg(short, long, global = true)]
    pub quiet: bool,
}

/// How a command prints its result.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A table for people (plain, full-width rows when piped)
    #[default]
    Table,
    /// JSON for programs, with `"schema": 1` (docs/json.md)
    Json,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    New(new::NewArgs),
    Run(run::RunArgs),
    Status(status::StatusArgs),
    Log(log::LogArgs),
    Note(note::NoteArgs),
    Gate(gate::GateArgs),
    Report(report::ReportArgs),
    Check(check::CheckArgs),
    Upgrade(upgrade::UpgradeArgs),
    Pack(pack::PackArgs),
    Completions(completions::CompletionsArgs),
    Man(man::ManArgs),
}
