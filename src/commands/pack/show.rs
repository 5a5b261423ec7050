//! `dino pack show`: a pack, or one of its phases, in the terminal.

use anyhow::{Result, bail};
use clap::Args;

use super::load_or_fail;
use crate::finding::closest;
use crate::render::pack_view::{self, Look};
use crate::ui::Ui;

/// Show a pack's profile, readiness, phases and items; or one phase in full
#[derive(Debug, Args)]
#[command(after_help = "Example: dino pack show dino initiering")]
pub struct ShowArgs {
    /// A built-in pack's id or a pack folder [default: the pack of the workbook
    /// this folder is in, else dino]
    #[arg(value_name = "ID|PATH")]
    pub pack: Option<String>,

    /// Show only this phase, with its purpose, guidance and gate
    pub phase: Option<String>,
}

pub fn run(args: ShowArgs, ui: &Ui) -> Result<()> {
    let pack = load_or_fail(&super::named_or_current(args.pack), ui)?;
    let look = Look {
        width: ui.terminal_width(),
        heading: if ui.color { bold } else { plain },
    };
    let text = match &args.phase {
        None => pack_view::overview(&pack, ui.lang, &look),
        Some(id) => {
            let Some(phase) = pack.phase(id) else {
                let lang = ui.lang;
                let ids: Vec<&str> = pack.phases.iter().map(|p| p.id.as_str()).collect();
                let list = ids.join(", ");
                match closest(id, ids.iter().copied()) {
                    Some(near) => bail!(crate::tr!(
                        lang,
                        "paketet har ingen fas `{id}`; menade du `{near}`? (faser: {list})",
                        "the pack has no phase `{id}`; did you mean `{near}`? (phases: {list})"
                    )),
                    None => bail!(crate::tr!(
                        lang,
                        "paketet har ingen fas `{id}` (faser: {list})",
                        "the pack has no phase `{id}` (phases: {list})"
                    )),
                }
            };
            pack_view::phase(&pack, phase, ui.lang, &look)
        }
    };
    crate::out::text(&text)?;
    Ok(())
}

fn bold(text: &str) -> String {
    console::style(text).bold().to_string()
}

fn plain(text: &str) -> String {
    text.to_string()
}
