//! The command line: global options, shared by every command, and the
//! commands themselves. Each command's arguments live beside its code; their
//! doc comments are the English help, `help_sv` holds the Swedish, and
//! `lib.rs` picks between them.

use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};

use clap::{Args, Parser, Subcommand};

use crate::commands::{
    check, completions, diff, done, due, gate, log, man, measure, new, note, pack, profile, report,
    resolve, roster, run, status, upgrade,
};
use crate::i18n::Lang;
use crate::ui::ColorChoice;

/// A workbook for innovation projects in the public sector: run a method's
/// phases as checklists, keep the log in Markdown, report on it.
#[derive(Debug, Parser)]
#[command(
    name = "dino",
    bin_name = "dino",
    version,
    max_term_width = 100,
    after_long_help = AFTER_LONG_HELP
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

/// The end of `dino --help` and of the man page.
const AFTER_LONG_HELP: &str = "\
To start: `dino new \"Välfärd & lärande\"` makes a workbook, asks the profile questions and runs \
the first phase; then `cd valfard-larande` and `dino status`.

Exit status: 0 success; 1 error; 2 wrong usage; 3 a check found something (dino check, dino pack \
check, dino gate --check); 129, 130 or 143 interrupted (hang-up, Ctrl-C, terminated), with every \
answer given kept in the draft.

Environment: DINO_LANG, the language (sv or en), as --lang. DINO_USER, who is recorded when nobody \
is asked (else git's user.name, else the login name). DINO_NOW, an RFC 3339 time that pins the \
clock, for reproducible output. VISUAL or EDITOR, the editor `dino note` opens. NO_COLOR, no colour \
with --color auto.";

/// Options every command takes.
#[derive(Debug, Args)]
#[command(next_help_heading = "Global options")]
pub struct GlobalArgs {
    /// Run as if dino was started in DIR
    #[arg(short = 'C', value_name = "DIR", global = true)]
    pub chdir: Option<PathBuf>,

    /// Language of messages, pack texts and reports; `dino new` writes the workbook in it
    /// [default: DINO_LANG, else the workbook's language, else LC_ALL/LC_MESSAGES/LANG, else sv]
    #[arg(long, value_enum, global = true)]
    pub lang: Option<Lang>,

    /// Never prompt: take the defaults where there are any, else fail and say what is missing
    #[arg(long, global = true)]
    pub no_input: bool,

    /// When to use colour (with `auto`, on a terminal unless NO_COLOR is set)
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, global = true)]
    pub color: ColorChoice,

    /// Print only results and errors, no progress or confirmations
    #[arg(short, long, global = true)]
    pub quiet: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    New(new::NewArgs),
    Run(run::RunArgs),
    Status(status::StatusArgs),
    Log(log::LogArgs),
    Diff(diff::DiffArgs),
    Resolve(resolve::ResolveArgs),
    Note(note::NoteArgs),
    Profile(profile::ProfileArgs),
    Done(done::DoneArgs),
    Due(due::DueArgs),
    Measure(measure::MeasureArgs),
    Roster(roster::RosterArgs),
    Gate(gate::GateArgs),
    Report(report::ReportArgs),
    Check(check::CheckArgs),
    Upgrade(upgrade::UpgradeArgs),
    Pack(pack::PackArgs),
    Completions(completions::CompletionsArgs),
    Man(man::ManArgs),
}

/// The language of help, man pages and usage errors, from a command line
/// that may not parse (`--lang` and `-C` are read wherever they stand
/// before `--`): the run's language, as `ui::run_lang` decides it.
pub fn help_lang_of(args: &[OsString]) -> Lang {
    let (lang, dir) = early_options(args);
    crate::ui::run_lang(lang, dir.as_deref().unwrap_or(Path::new(".")))
}

/// `--lang LANG` (or `--lang=LANG`) and `-C DIR`, the first of each, as
/// written before `--`.
fn early_options(args: &[OsString]) -> (Option<Lang>, Option<PathBuf>) {
    let (mut lang, mut dir) = (None, None);
    let mut words = args.iter().skip(1).map(OsString::as_os_str);
    while let Some(word) = words.next() {
        let text = word.to_str().unwrap_or_default();
        if text == "--" {
            break;
        } else if text == "--lang" {
            lang = lang.or_else(|| words.next().and_then(|v| v.to_str()?.parse().ok()));
        } else if let Some(value) = text.strip_prefix("--lang=") {
            lang = lang.or_else(|| value.parse().ok());
        } else if word == OsStr::new("-C") {
            dir = dir.or_else(|| words.next().map(PathBuf::from));
        }
    }
    (lang, dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn early(args: &[&str]) -> (Option<Lang>, Option<PathBuf>) {
        let args: Vec<OsString> = args.iter().map(OsString::from).collect();
        early_options(&args)
    }

    #[test]
    fn the_language_is_read_before_the_command_line_parses() {
        assert_eq!(early(&["dino", "--lang", "en", "--help"]).0, Some(Lang::En));
        assert_eq!(
            early(&["dino", "gate", "--help", "--lang=sv"]).0,
            Some(Lang::Sv)
        );
        assert_eq!(early(&["dino", "status", "--lang", "fi"]).0, None);
        assert_eq!(early(&["dino", "note", "x", "--", "--lang", "en"]).0, None);
        assert_eq!(early(&["dino", "--lang"]).0, None);
        assert_eq!(
            early(&["dino", "-C", "wb", "status", "--formt"]),
            (None, Some(PathBuf::from("wb")))
        );
    }
}
