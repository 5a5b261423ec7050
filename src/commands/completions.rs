//! `dino completions SHELL`: shell completions, generated from the command
//! line's own definition so they never fall behind it; the descriptions
//! some shells show are in the language of help.

use anyhow::Result;
use clap::Args;
use clap_complete::Shell;

/// Print shell completions for bash, zsh, fish, elvish or PowerShell
///
/// For example, for bash: `mkdir -p ~/.local/share/bash-completion/completions && dino
/// completions bash > ~/.local/share/bash-completion/completions/dino`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for
    #[arg(value_enum)]
    pub shell: Shell,
}

/// Prints the completions of `command`: the command line as clap defines
/// it, in the language of help, which `lib.rs` hands over (the clap types
/// stand above the commands).
pub fn run(args: CompletionsArgs, mut command: clap::Command) -> Result<()> {
    // Generated into memory first: clap_complete panics on a failed write,
    // and a closed pipe or a full disk should be an ordinary error.
    let mut out = Vec::new();
    clap_complete::generate(args.shell, &mut command, "dino", &mut out);
    crate::out::bytes(&out)?;
    Ok(())
}
