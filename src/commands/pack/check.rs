//! `dino pack check`: validate packs, listing every problem as
//! `file:line:col: message`. Exit 3 when something was found.

use anyhow::Result;
use clap::Args;

use crate::exit::{ERROR, Exit, FINDINGS};
use crate::pack::source::PackSource;
use crate::pack::{builtin, load};
use crate::ui::Ui;

/// Check packs against the pack format; exit 3 if anything is found
///
/// Every problem is printed on one line, as file:line:col: message. Exit 0
/// when all is well, 3 on findings, 1 when a path holds no pack.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Pack folders, or built-in pack ids, to check
    #[arg(default_value = ".", value_name = "ID|PATH")]
    pub paths: Vec<String>,
}

pub fn run(args: CheckArgs, ui: &Ui) -> Result<()> {
    let lang = ui.lang;
    let (mut problems, mut unreadable) = (0, 0);
    for spec in &args.paths {
        let source = builtin::resolve(spec);
        if let PackSource::Dir(dir) = &source {
            // A path that holds no pack at all is an error, not a finding.
            if !crate::pack::source::has_pack_file(dir) {
                unreadable += 1;
                crate::out::error(builtin::not_a_pack(dir));
                continue;
            }
        }
        match load(&source, lang) {
            Ok(pack) => {
                let phases = pack.phases.len();
                let items: usize = pack.phases.iter().map(|p| p.items.len()).sum();
                ui.note(&crate::tr!(
                    lang,
                    "{spec}: ok ({phases} faser, {items} punkter)",
                    "{spec}: ok ({phases} phases, {items} items)"
                ));
            }
            Err(findings) => {
                problems += findings.len();
                for finding in &findings {
                    // A reader that stops early (`| head`) must not turn
                    // findings into success: keep counting, report the code.
                    crate::out::unless_reader_left(crate::out::line(finding))?;
                }
            }
        }
    }
    if unreadable > 0 {
        return Err(Exit::silent(ERROR).into());
    }
    if problems > 0 {
        ui.note(&if problems == 1 {
            crate::tr!(lang, "1 problem hittades", "1 problem found")
        } else {
            crate::tr!(
                lang,
                "{problems} problem hittades",
                "{problems} problems found"
            )
        });
        return Err(Exit::silent(FINDINGS).into());
    }
    Ok(())
}
