//! `dino man [COMMAND]`: the man page, generated from the command line's
//! definition: dino(1), or one command's page, such as dino-run(1).

use std::io::Write;

use anyhow::{Result, bail};
use clap::{Args, CommandFactory};

use crate::cli::Cli;
use crate::i18n::Lang;
use crate::tr;

/// Print the man page (roff) on standard output
///
/// Without COMMAND, the page of dino itself, dino(1); with one, that
/// command's page with all its options, such as dino-run(1).
#[derive(Debug, Args)]
#[command(
    after_help = "Example: dino man > ~/.local/share/man/man1/dino.1; dino man run > ~/.local/share/man/man1/dino-run.1"
)]
pub struct ManArgs {
    /// A command, or a command and its subcommand (`pack show`)
    #[arg(value_name = "COMMAND")]
    pub command: Vec<String>,
}

pub fn run(args: ManArgs, lang: Lang) -> Result<()> {
    let mut cmd = Cli::command();
    cmd.build();
    let mut name = String::from("dino");
    for part in &args.command {
        let Some(sub) = cmd.find_subcommand(part).cloned() else {
            let known: Vec<String> = cmd
                .get_subcommands()
                .map(|c| c.get_name().to_string())
                .filter(|n| n != "help")
                .collect();
            bail!(tr!(
                lang,
                "`{name}` har inget kommando `{part}`; kommandona är {}",
                "`{name}` has no command `{part}`; its commands are {}",
                known.join(", ")
            ));
        };
        name = format!("{name}-{part}");
        cmd = sub.name(name.clone()).version(env!("CARGO_PKG_VERSION"));
    }
    let page = clap_mangen::Man::new(cmd);
    let mut out = Vec::new();
    page.render(&mut out)?;
    std::io::stdout().write_all(&out)?;
    Ok(())
}
