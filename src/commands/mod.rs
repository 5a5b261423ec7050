//! One file per command: its arguments (whose doc comments are its help)
//! and its `run`.

pub mod completions;
pub mod man;
pub mod pack;

use anyhow::{Context, Result};

use crate::cli::{Cli, Command};
use crate::ui::Ui;

/// Applies the global options, then runs the command.
pub fn run(cli: Cli) -> Result<()> {
    if let Some(dir) = &cli.global.chdir {
        std::env::set_current_dir(dir)
            .with_context(|| format!("cannot change to the folder {} (-C)", dir.display()))?;
    }
    let ui = Ui::new(&cli.global);
    match cli.command {
        Command::Pack(args) => pack::run(args, &ui),
        Command::Completions(args) => completions::run(args),
        Command::Man(args) => man::run(args),
    }
}
