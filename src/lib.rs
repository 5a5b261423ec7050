//! dino: a command-line workbook for innovation projects in the public sector.
//!
//! The map, in layers from the bottom up (docs/architecture.md has a line
//! per module; `tests/layers.rs` fails on an import from a layer above):
//! 1. files: `fsio` writes atomically and reads inside a workbook,
//!    `toml_read` reads TOML with positions (`words` says its errors, the
//!    parser's in Swedish too), `conflict` names git's conflict markers, `finding`
//!    reports problems in files, `text` escapes and makes text safe for a terminal, `out` is
//!    the one way to print, `i18n` the two languages, `exit` the exit
//!    codes, `git` commits.
//! 2. `pack/`: the method as data; `render/` says a pack in words.
//! 3. `log/`: entries, written and read back exactly (`log::readback`),
//!    their names and their order.
//! 4. `workbook/`: a workbook on disk, opened with its pack; the snapshot
//!    of its pack.
//! 5. `state/`: the fold of a workbook's entries; the answer codec and
//!    readiness's calculations.
//! 6. `session/` (a phase run, the prompter, the clock, the profile) and
//!    `report/` (reports and the status view, as Markdown, HTML, JSON).
//! 7. `commands/`: one file per command; `ui` says how this run prints.
//! 8. `cli` and `help_sv` (the command line, in English and Swedish), and
//!    here: parse, dispatch, word the error, exit.
//!
//! Nothing below `session` prompts; everything printed goes through `out`.

pub mod cli;
pub mod commands;
pub mod conflict;
pub mod exit;
pub mod finding;
pub mod fsio;
pub mod git;
pub mod git_tree;
pub mod help_sv;
pub mod i18n;
pub mod log;
pub mod out;
pub mod pack;
pub mod render;
pub mod report;
pub mod session;
pub mod started;
pub mod state;
pub mod text;
pub mod toml_read;
pub mod ui;
pub mod words;
pub mod workbook;

use std::ffi::OsString;

use clap::{CommandFactory, Parser};

/// Runs dino with these arguments and returns the exit code.
pub fn main_with_args(args: impl IntoIterator<Item = OsString>) -> i32 {
    // Composed (NFC), as Swedish words are spelled in dino's own values and
    // aliases: a keyboard or a file system that writes "ä" as "a" and a
    // combining mark still says `lärdom`.
    let args: Vec<OsString> = args.into_iter().map(composed).collect();
    // How dino was started, for the commands its hints name; before `-C`.
    started::remember(args.first().map(OsString::as_os_str));
    // `dino --version` answers before the command line is built: scripts
    // call it often, and it should cost no more than starting a process.
    if let [_, flag] = args.as_slice()
        && (flag == "--version" || flag == "-V")
    {
        let version = out::line(format_args!("dino {}", env!("CARGO_PKG_VERSION")));
        return match out::unless_reader_left(version) {
            Ok(()) => exit::SUCCESS,
            Err(_) => exit::ERROR,
        };
    }
    // Should dino ever panic mid-prompt, the cursor comes back; a session's
    // answers are in its draft already.
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = console::Term::stderr().show_cursor();
        default_hook(info);
    }));
    let cli = match cli::Cli::try_parse_from(&args) {
        Ok(cli) => cli,
        Err(err) => return print_clap_answer(err, &args),
    };
    match run_command(cli) {
        Ok(()) => exit::SUCCESS,
        Err(err) => report(&err),
    }
}

/// Prints what clap answered instead of a parsed command line (help, the
/// version, a usage error) in the language of help; returns the exit code.
/// The Swedish is built only here, so that a run that parses pays nothing
/// for it.
fn print_clap_answer(err: clap::Error, args: &[OsString]) -> i32 {
    let code = if err.use_stderr() {
        exit::USAGE
    } else {
        exit::SUCCESS
    };
    let _ = match cli::help_lang_of(args) {
        i18n::Lang::Sv => help_sv::error(err, args).print(),
        i18n::Lang::En => err.print(),
    };
    code
}

/// Applies the global options, then runs the command.
fn run_command(cli: cli::Cli) -> anyhow::Result<()> {
    use cli::Command;
    use commands::{
        check, completions, diff, done, due, gate, log, man, measure, new, note, pack, profile,
        report, resolve, roster, run, status, upgrade,
    };
    if let Some(dir) = &cli.global.chdir {
        // Where `-C` leads is not known yet: the language asked for, else
        // the locale's.
        let lang = cli.global.lang.unwrap_or_else(i18n::Lang::from_env);
        change_dir(dir, lang).inspect_err(|_| i18n::speak(lang))?;
    }
    // The run's language, once, where dino runs: errors, findings and help.
    // Asked for, it is set now; else it is looked up (in the workbook here)
    // only when something is first said in it.
    match cli.global.lang.or_else(i18n::Lang::from_dino_lang) {
        Some(chosen) => i18n::speak(chosen),
        None => i18n::speak_when_asked(|| ui::run_lang(None, std::path::Path::new("."))),
    }
    let mut ui = ui::Ui::new(ui::Asked {
        lang: cli.global.lang,
        color: cli.global.color,
        quiet: cli.global.quiet,
        no_input: cli.global.no_input,
    });
    ui.started_away = cli.global.chdir.clone();
    let help_lang = i18n::spoken;
    match cli.command {
        Command::New(args) => new::run(args, &ui),
        Command::Run(args) => run::run(args, &ui),
        Command::Status(args) => status::run(args, &ui),
        Command::Log(args) => log::run(args, &ui),
        Command::Resolve(args) => resolve::run(args, &ui),
        Command::Note(args) => note::run(args, &ui),
        Command::Profile(args) => profile::run(args, &ui),
        Command::Done(args) => done::run(args, &ui),
        Command::Due(args) => due::run(args, &ui),
        Command::Measure(args) => measure::run(args, &ui),
        Command::Roster(args) => roster::run(args, &ui),
        Command::Gate(args) => gate::run(args, &ui),
        Command::Report(args) => report::run(args, &ui),
        Command::Check(args) => check::run(args, &ui),
        Command::Upgrade(args) => upgrade::run(args, &ui),
        Command::Pack(args) => pack::run(args, &ui),
        Command::Completions(args) => completions::run(args, completion_command(help_lang())),
        Command::Man(args) => man::run(args, man_source(help_lang())),
        Command::Diff(args) => diff::run(args, &ui),
    }
}

/// The command line completions are made from, in `lang`: in Swedish, with
/// the values' descriptions in Swedish too.
fn completion_command(lang: i18n::Lang) -> clap::Command {
    match lang {
        i18n::Lang::Sv => help_sv::completion_command(),
        i18n::Lang::En => cli::Cli::command(),
    }
}

/// What `dino man` makes its pages from in `lang`: the command line with
/// its help in `lang`, and what a page's headings say in it.
fn man_source(lang: i18n::Lang) -> commands::man::Source {
    let (command, words): (clap::Command, fn(&str) -> String) = match lang {
        i18n::Lang::Sv => (help_sv::command(), help_sv::man_page),
        i18n::Lang::En => (cli::Cli::command(), str::to_string),
    };
    commands::man::Source {
        command,
        lang,
        words,
    }
}

/// Goes to the folder `-C` names, or says why it cannot.
fn change_dir(dir: &std::path::Path, lang: i18n::Lang) -> anyhow::Result<()> {
    let Err(err) = std::env::set_current_dir(dir) else {
        return Ok(());
    };
    let why = match err.kind() {
        std::io::ErrorKind::NotFound => {
            lang.pick("den finns inte", "it does not exist").to_string()
        }
        std::io::ErrorKind::NotADirectory => lang
            .pick("det är ingen mapp", "it is not a folder")
            .to_string(),
        std::io::ErrorKind::PermissionDenied => {
            lang.pick("åtkomst nekas", "permission denied").to_string()
        }
        _ => err.to_string(),
    };
    anyhow::bail!(tr!(
        lang,
        "kan inte gå till mappen {} (-C): {why}",
        "cannot change to the folder {} (-C): {why}",
        dir.display()
    ))
}

fn report(err: &anyhow::Error) -> i32 {
    session::signals::let_a_signal_finish(err);
    if is_broken_pipe(err) {
        // The reader went away (`dino pack show | head`): not our failure.
        return exit::SUCCESS;
    }
    let code = exit::code_for(err);
    // Messages may quote what a user wrote: nothing in it may steer the terminal.
    let message = text::terminal_md::visible_lines(&format!("{err:#}"));
    if !message.is_empty() {
        out::error(message);
    }
    code
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// An argument in Unicode's composed form (NFC); one that is not UTF-8 as
/// it is.
fn composed(arg: OsString) -> OsString {
    use unicode_normalization::UnicodeNormalization;
    match arg.to_str() {
        Some(text) if !unicode_normalization::is_nfc(text) => text.nfc().collect::<String>().into(),
        _ => arg,
    }
}
