//! dino: a command-line workbook for innovation projects in the public sector.
//!
//! The map:
//! - `cli` holds the command-line types; `commands/` has one file per command.
//! - `pack/` is the method as data: the model, loading and validating TOML
//!   with positions, the `when` condition language, the built-in packs.
//! - `render/` turns a pack into text: the terminal view, the facilitator's
//!   handbook in Markdown and HTML.
//! - `ui` owns the terminal (colour, width, quiet); `fsio` writes files
//!   atomically; `finding` is how problems in files are reported;
//!   `i18n` holds the two languages; `exit` the exit codes.
//! - `help_sv` is the command line's help and usage errors in Swedish.
//!
//! The core (`pack`, `render`) does no terminal I/O.

pub mod cli;
pub mod clock;
pub mod commands;
pub mod conflict;
pub mod exit;
pub mod finding;
pub mod fsio;
pub mod git;
pub mod help_sv;
pub mod i18n;
pub mod log;
pub mod pack;
pub mod prompt;
pub mod readback;
pub mod render;
pub mod report;
pub mod session;
pub mod state;
pub mod toml_read;
pub mod toml_words;
pub mod ui;
pub mod workbook;

use std::ffi::OsString;
use std::io::Write;

use clap::Parser;

/// Runs dino with these arguments and returns the exit code.
pub fn main_with_args(args: impl IntoIterator<Item = OsString>) -> i32 {
    let args: Vec<OsString> = args.into_iter().collect();
    // `dino --version` answers before the command line is built: scripts
    // call it often, and it should cost no more than starting a process.
    if let [_, flag] = args.as_slice()
        && (flag == "--version" || flag == "-V")
    {
        return match writeln!(std::io::stdout(), "dino {}", env!("CARGO_PKG_VERSION")) {
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
    match commands::run(cli) {
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

fn report(err: &anyhow::Error) -> i32 {
    session::signals::let_a_signal_finish(err);
    if is_broken_pipe(err) {
        // The reader went away (`dino pack show | head`): not our failure.
        return exit::SUCCESS;
    }
    let code = exit::code_for(err);
    // Messages may quote what a user wrote: nothing in it may steer the terminal.
    let message = render::terminal_md::visible_lines(&format!("{err:#}"));
    if !message.is_empty() {
        let _ = writeln!(std::io::stderr(), "{}: {message}", ui::error_label());
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
