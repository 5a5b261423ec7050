//! `dino man [COMMAND]`: the man page, generated from the command line's
//! definition: dino(1), or one command's page, such as dino-run(1); in the
//! language of help.

use anyhow::{Result, bail};
use clap::Args;

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

/// What the pages are made from: the command line as clap defines it, in
/// the language of help, and that language's words for a page's headings.
/// The clap types stand above the commands, so `lib.rs` hands them over.
pub struct Source {
    pub command: clap::Command,
    pub lang: Lang,
    pub words: fn(&str) -> String,
}

pub fn run(args: ManArgs, source: Source) -> Result<()> {
    let Source {
        command: mut cmd,
        lang,
        words,
    } = source;
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
    let mut out = Vec::new();
    clap_mangen::Man::new(cmd).render(&mut out)?;
    let page = String::from_utf8_lossy(&out);
    crate::out::text(&ascii_roff(&words(&page)))?;
    Ok(())
}

/// The page with every character beyond ASCII written as a roff escape
/// (`å` as `\[u00E5]`): groff and mandoc read it right whatever encoding
/// they expect.
fn ascii_roff(page: &str) -> String {
    let mut out = String::with_capacity(page.len());
    for c in page.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            out.push_str(&format!("\\[u{:04X}]", u32::from(c)));
        }
    }
    out
}
