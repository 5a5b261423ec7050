//! `dino man`: the man page, generated from the command line's definition.

use std::io::Write;

use anyhow::Result;
use clap::{Args, CommandFactory};

use crate::cli::Cli;

/// Print the man page (roff) on standard output.
///
/// For example: `dino man > ~/.local/share/man/man1/dino.1`.
#[derive(Debug, Args)]
pub struct ManArgs {}

pub fn run(_args: ManArgs) -> Result<()> {
    let page = clap_mangen::Man::new(Cli::command());
    let mut out = Vec::new();
    page.render(&mut out)?;
    std::io::stdout().write_all(&out)?;
    Ok(())
}
