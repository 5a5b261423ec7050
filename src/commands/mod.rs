//! One file per command: its arguments (whose doc comments are its help)
//! and its `run`.

pub mod check;
pub mod completions;
pub mod gate;
pub mod log;
pub mod man;
pub mod new;
pub mod note;
pub(crate) mod output;
pub mod pack;
pub mod report;
pub mod run;
pub mod status;
pub mod upgrade;
pub(crate) mod workbooks;

use anyhow::Result;

use crate::cli::{Cli, Command};
use crate::ui::Ui;

/// Applies the global options, then runs the command.
pub fn run(cli: Cli) -> Result<()> {
    let lang = cli.global.lang.unwrap_or_else(crate::i18n::Lang::from_env);
    // Asked for, the language labels errors; else the workbook's does, as
    // it does its messages (read when an error is printed, after `-C`).
    if let Some(chosen) = cli.global.lang.or_else(crate::i18n::Lang::from_dino_lang) {
        crate::ui::set_label_lang(chosen);
    }
    if let Some(dir) = &cli.global.chdir
        && let Err(err) = std::env::set_current_dir(dir)
    {
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
        crate::ui::set_label_lang(lang);
        anyhow::bail!(crate::tr!(
            lang,
            "kan inte gå till mappen {} (-C): {why}",
            "cannot change to the folder {} (-C): {why}",
            dir.display()
        ));
    }

    let ui = Ui::new(&cli.global);
    let help_lang = || crate::cli::help_lang(cli.global.lang, std::path::Path::new("."));
    match cli.command {
        Command::New(args) => new::run(args, &ui),
        Command::Run(args) => run::run(args, &ui),
        Command::Status(args) => status::run(args, &ui),
        Command::Log(args) => log::run(args, &ui),
        Command::Note(args) => note::run(args, &ui),
        Command::Gate(args) => gate::run(args, &ui),
        Command::Report(args) => report::run(args, &ui),
        Command::Check(args) => check::run(args, &ui),
        Command::Upgrade(args) => upgrade::run(args, &ui),
        Command::Pack(args) => pack::run(args, &ui),
        Command::Completions(args) => completions::run(args, help_lang()),
        Command::Man(args) => man::run(args, help_lang()),
    }
}
