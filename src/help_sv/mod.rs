//! The command line in Swedish: `dino --help` and every command's help, the
//! man pages, the completions' descriptions and clap's usage errors.
//!
//! clap writes help from the doc comments, in English. Here the command
//! line is built as usual, then each of its texts is swapped for the Swedish
//! one in `texts`: abouts, argument help, value names, headings, and what
//! clap adds itself (`--help`, `--version`, `help`). clap's own
//! `[default: …]` and `[possible values: …]` are hidden and written into the
//! help in Swedish. `errors` formats usage errors in Swedish.

mod errors;
mod texts;

use std::ffi::OsString;

use clap::builder::{PossibleValue, Resettable, StyledStr};
use clap::{Arg, ArgAction, Command, CommandFactory};

use crate::cli::Cli;
pub use errors::SwedishErrors;
use texts::{ArgText, CommandText};

/// The command line with its help in Swedish, built.
pub fn command() -> Command {
    let mut cmd = help_flags_first(Cli::command());
    cmd.build();
    translate(cmd, "")
}

/// clap adds `--help` and `--version` to a command as it builds it, after
/// the global options; added beforehand, they come first, so that
/// "Flaggor" is listed before "Globala flaggor" as "Options" is before
/// "Global options" in English.
fn help_flags_first(cmd: Command) -> Command {
    let globals: Vec<String> = cmd
        .get_arguments()
        .filter(|a| a.is_global_set())
        .map(|a| a.get_id().to_string())
        .collect();
    let mut cmd = cmd.disable_help_flag(true).arg(
        Arg::new("help")
            .short('h')
            .long("help")
            .action(ArgAction::Help)
            .help_heading(None),
    );
    if cmd.get_version().is_some() {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help_heading(None),
        );
    }
    // Declared on dino itself, the global options move behind them.
    for id in globals {
        cmd = cmd.mut_arg(id, |arg| arg);
    }
    cmd.mut_subcommands(help_flags_first)
}

/// What clap answered `args` with (help, or a usage error), in Swedish:
/// the same command line parsed against [`command`]. `english` is clap's
/// own answer, kept should the Swedish parse disagree.
pub fn error(english: clap::Error, args: &[OsString]) -> clap::error::Error<SwedishErrors> {
    command()
        .try_get_matches_from(args)
        .err()
        .unwrap_or(english)
        .apply()
}

/// A man page rendered from [`command`], with its section names in Swedish
/// and the lists of possible values one value a line.
pub fn man_page(roff: &str) -> String {
    let mut out = String::with_capacity(roff.len());
    for line in roff.lines() {
        let section = line.strip_prefix(".SH ").and_then(|name| {
            texts::MAN_SECTIONS
                .iter()
                .find(|(english, _)| *english == name)
        });
        match section {
            Some((_, swedish)) => out.push_str(&format!(".SH {swedish}")),
            None if line.starts_with("\\- ") => out.push_str(&format!(".br\n{line}")),
            None => out.push_str(line),
        }
        out.push('\n');
    }
    out
}

/// A usage line as clap writes it (`Usage: dino [OPTIONS] <KOMMANDO>`), in
/// Swedish; styles are kept.
fn swedish_usage(usage: &str) -> String {
    usage
        .replacen("Usage:", texts::USAGE, 1)
        .replace("[OPTIONS]", texts::OPTIONS_TAG)
}

/// `cmd` and everything below it in Swedish; `path` is its place below
/// `dino` (`"pack show"`).
fn translate(cmd: Command, path: &str) -> Command {
    let texts_path = texts_path(path);
    let mut cmd = cmd
        .mut_args(|arg| translate_arg(arg, &texts_path))
        .mut_subcommands(|sub| {
            let sub_path = format!("{path} {}", sub.get_name());
            translate(sub, sub_path.trim_start())
        });
    if let Some(text) = texts::command_text(&texts_path) {
        cmd = translate_about(cmd, text);
    }
    if cmd.has_subcommands() {
        cmd = cmd
            .subcommand_help_heading(texts::COMMANDS_HEADING)
            .subcommand_value_name(texts::COMMAND_VALUE);
    }
    let usage = swedish_usage(&cmd.render_usage().ansi().to_string());
    cmd.help_template(format!(
        "{{before-help}}{{about-with-newline}}\n{usage}\n\n{{all-args}}{{after-help}}"
    ))
}

/// The path whose texts a command takes: the copies of the commands that
/// clap keeps below `help` take those of the commands they stand for.
fn texts_path(path: &str) -> String {
    if path.split(' ').next_back() == Some("help") {
        return "help".to_string();
    }
    let words: Vec<&str> = path.split(' ').filter(|w| *w != "help").collect();
    words.join(" ")
}

/// The command's about, long about and the texts after its help, each
/// where the English has one.
fn translate_about(cmd: Command, text: &CommandText) -> Command {
    let long_about = text
        .details
        .filter(|_| cmd.get_long_about().is_some())
        .map(|details| format!("{}\n\n{details}", text.about));
    let after_help = text.after_help.filter(|_| cmd.get_after_help().is_some());
    let after_long_help = text
        .after_long_help
        .filter(|_| cmd.get_after_long_help().is_some());
    cmd.about(text.about)
        .long_about(resettable(long_about))
        .after_help(after_help)
        .after_long_help(after_long_help)
}

/// An argument with its Swedish help and value name, under a Swedish heading.
fn translate_arg(arg: Arg, path: &str) -> Arg {
    let arg = match swedish_heading(&arg) {
        Some(heading) => arg.help_heading(heading),
        None => arg,
    };
    let Some(text) = texts::arg_text(path, arg.get_id().as_str()) else {
        return arg;
    };
    let (help, long_help) = help_texts(&arg, text);
    let arg = match text.value_name {
        Some(name) if arg.get_action().takes_values() => arg.value_name(name),
        _ => arg,
    };
    arg.help(help)
        .long_help(resettable(long_help))
        .hide_default_value(true)
        .hide_possible_values(true)
}

/// A text to set, or none: clap takes `Option<&'static str>`, not a String.
fn resettable(text: Option<String>) -> Resettable<StyledStr> {
    text.map_or(Resettable::Reset, |text| Resettable::Value(text.into()))
}

/// The heading an argument is listed under: clap lists those without one
/// under "Arguments" or "Options", which it only writes in English.
fn swedish_heading(arg: &Arg) -> Option<&'static str> {
    match arg.get_help_heading() {
        Some(english) => texts::heading(english),
        None if arg.is_positional() => Some(texts::POSITIONALS_HEADING),
        None => Some(texts::OPTIONS_HEADING),
    }
}

/// The help and the long help, with the default value and the possible
/// values written in as clap would have added them.
fn help_texts(arg: &Arg, text: &ArgText) -> (String, Option<String>) {
    let values = shown_values(arg);
    let default = shown_default(arg).map(|d| format!("[{}: {d}]", texts::DEFAULT));
    let names = (!values.is_empty()).then(|| {
        let names: Vec<String> = values.iter().map(named).collect();
        format!("[{}: {}]", texts::POSSIBLE_VALUES, names.join(", "))
    });
    let help = join_some(
        [Some(text.help.to_string()), default.clone(), names.clone()],
        " ",
    );
    if default.is_none() && names.is_none() {
        return (help, text.long_help.map(str::to_string));
    }
    // In the long help, values that say what they mean get a list of their own.
    let described = values.iter().any(|v| v.get_help().is_some());
    let notes = join_some([default, names.filter(|_| !described)], "\n");
    let long = join_some(
        [
            Some(text.long_help.unwrap_or(text.help).to_string()),
            described.then(|| value_list(&values)),
            (!notes.is_empty()).then_some(notes),
        ],
        "\n\n",
    );
    (help, Some(long))
}

/// The texts there are, joined with `separator`.
fn join_some<const N: usize>(texts: [Option<String>; N], separator: &str) -> String {
    let texts: Vec<String> = texts.into_iter().flatten().collect();
    texts.join(separator)
}

/// A value's name with the Swedish names it is also typed by:
/// `decision (beslut)`.
fn named(value: &PossibleValue) -> String {
    let mut names = value.get_name_and_aliases();
    let name = names.next().unwrap_or_default();
    let aliases: Vec<&str> = names.collect();
    if aliases.is_empty() {
        name.to_string()
    } else {
        format!("{name} ({})", aliases.join(", "))
    }
}

/// `Möjliga värden:` and a line for each value with what it means.
fn value_list(values: &[PossibleValue]) -> String {
    let width = values
        .iter()
        .map(|v| named(v).chars().count())
        .max()
        .unwrap_or(0)
        + 1;
    let lines: Vec<String> = values
        .iter()
        .map(|v| {
            let name = format!("{}:", named(v));
            let english = v.get_help().map(ToString::to_string).unwrap_or_default();
            let meaning = texts::value_text(v.get_name()).map_or(english, str::to_string);
            format!("- {name:width$} {meaning}")
        })
        .collect();
    format!("{}\n{}", texts::POSSIBLE_VALUES_HEADING, lines.join("\n"))
}

/// The command line for completion scripts: as `command`, with each
/// possible value described in Swedish too. Only for generating scripts:
/// the values are then plain strings, which the commands cannot parse.
pub fn completion_command() -> Command {
    swedish_values(command())
}

fn swedish_values(cmd: Command) -> Command {
    let cmd = cmd.mut_args(|arg| {
        let values = arg.get_possible_values();
        if values.is_empty() || !arg.get_action().takes_values() {
            return arg;
        }
        let values: Vec<PossibleValue> = values
            .into_iter()
            .map(|v| match texts::value_text(v.get_name()) {
                Some(meaning) => v.help(meaning),
                None => v,
            })
            .collect();
        arg.value_parser(clap::builder::PossibleValuesParser::new(values))
    });
    cmd.mut_subcommands(swedish_values)
}

/// The default value clap would show, if any.
fn shown_default(arg: &Arg) -> Option<String> {
    let defaults = arg.get_default_values();
    if arg.is_hide_default_value_set() || !arg.get_action().takes_values() || defaults.is_empty() {
        return None;
    }
    let defaults: Vec<String> = defaults
        .iter()
        .map(|d| d.to_string_lossy().into_owned())
        .collect();
    Some(defaults.join(" "))
}

/// The possible values clap would show.
fn shown_values(arg: &Arg) -> Vec<PossibleValue> {
    if arg.is_hide_possible_values_set() {
        return Vec::new();
    }
    let mut values = arg.get_possible_values();
    values.retain(|v| !v.is_hide_set());
    values
}

#[cfg(test)]
mod tests;
