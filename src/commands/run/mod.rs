//! `dino run [PHASE]`: a facilitated session at the terminal, or scripted
//! from an answers file. One entry per session; the gate asked at the end.

mod assess;
mod interactive;
mod scripted;

use std::io::IsTerminal;
use std::path::PathBuf;

use anyhow::{Result, bail};
use clap::Args;

use crate::i18n::Lang;
use crate::session::files::{Draft, Lock};
use crate::session::readiness;
use crate::session::term_ui::TermUi;
use crate::state::{Current, fold};
use crate::tr;
use crate::ui::Ui;
use crate::workbook::Workbook;

/// Run a phase's checklist with the team
///
/// Every answer is saved to a draft as it is given, so a session can stop and
/// go on later; at the end one entry is written to log/, and the gate is
/// offered once its criteria are met. `dino run readiness` runs the readiness
/// self-assessment. Without a terminal, give the answers in a file.
#[derive(Debug, Args)]
#[command(after_help = "Example: dino run initiering --answers svar.toml --commit")]
pub struct RunArgs {
    /// The phase's id (`dino pack show` lists them), or `readiness` for the
    /// readiness self-assessment [default: the current phase, or that of an
    /// unfinished session]
    pub phase: Option<String>,

    /// Answers in a TOML file instead of questions, for scripts (the format is
    /// in dino's docs/answers-format.md; examples/answers/ has one)
    #[arg(long, value_name = "FILE")]
    pub answers: Option<PathBuf>,

    /// Commit the files written with git (outside a repository: a note, no commit)
    #[arg(long)]
    pub commit: bool,
}

pub fn run(args: RunArgs, ui: &Ui) -> Result<()> {
    let wb = super::workbooks::open_current(ui)?;
    run_workbook(&wb, args, ui)
}

/// Runs a session in an open workbook (`dino new` goes on into one).
pub fn run_workbook(wb: &Workbook, args: RunArgs, ui: &Ui) -> Result<()> {
    let lang = ui.lang_for(wb.language());
    if wb.pack_changed() {
        ui.note(&tr!(
            lang,
            "obs: paketet {} har ändrats sedan arbetsboken registrerade det; sessionen följer det som det är nu ({}). `dino status` visar vad som ändrats, `dino upgrade` registrerar det",
            "note: the pack {} has changed since the workbook recorded it; the session follows it as it is now ({}). `dino status` shows what changed, `dino upgrade` records it",
            wb.pack.id,
            wb.pack.version
        ));
    }
    if let Some(file) = &args.answers {
        return scripted::scripted(wb, &args, file, ui, lang);
    }
    let at_terminal = std::io::stdin().is_terminal() && std::io::stderr().is_terminal();
    if ui.no_input || !at_terminal {
        let phase = args.phase.as_deref().unwrap_or(lang.pick("FAS", "PHASE"));
        bail!(tr!(
            lang,
            "dino run ställer frågor i en terminal, och här finns ingen{}; i ett skript, skriv svaren i en TOML-fil och kör `dino run {phase} --answers FIL` (se docs/answers-format.md)",
            "dino run asks its questions at a terminal, and there is none here{}; in a script, write the answers in a TOML file and run `dino run {phase} --answers FILE` (see docs/answers-format.md)",
            if ui.no_input { " (--no-input)" } else { "" }
        ));
    }
    let now = crate::session::clock::now(lang)?;
    let user = crate::session::clock::user();
    let _lock = Lock::take(&wb.root, &user, &now.short(), lang)?;
    crate::session::signals::install(
        lang.pick(
            "Avbrutet. Alla svar är sparade i utkastet; `dino run` fortsätter där ni slutade.",
            "Interrupted. Every answer is saved in the draft; `dino run` goes on where you stopped.",
        )
        .to_string(),
    )?;
    let draft = Draft::new(&wb.root, wb.pack.lang_for(wb.language()), lang)?;
    let mut term = TermUi::new(lang);
    interactive::interactive(wb, args, &draft, &mut term, ui, lang, now, user)
}

/// What a run is about: a phase (named, or the current one), or the
/// readiness assessment (`readiness`), as a phase of statements.
pub(super) fn phase_of(
    wb: &Workbook,
    named: Option<&str>,
    lang: Lang,
) -> Result<(crate::pack::Phase, bool)> {
    if named == Some(readiness::ID) {
        let text_lang = wb.pack.lang_for(wb.language());
        return readiness::as_phase(&wb.pack, text_lang)
            .map(|p| (p, true))
            .ok_or_else(|| {
                anyhow::anyhow!(tr!(
                    lang,
                    "paketet {} har ingen mätning av förutsättningar",
                    "the pack {} has no readiness assessment",
                    wb.pack.id
                ))
            });
    }
    let state = fold(wb, lang);
    let id = match named {
        Some(id) => id.to_string(),
        None => match state.current {
            Current::Phase(i) => state.phases[i].id.clone(),
            Current::Stopped(i) => bail!(tr!(
                lang,
                "projektet avslutades vid beslutspunkten efter {}; ange en fas för att ändå köra den",
                "the project was stopped at the gate after {}; name a phase to run it anyway",
                state.phases[i].id
            )),
            Current::Finished => bail!(tr!(
                lang,
                "alla faser är klara; ange en fas för att köra den igen",
                "every phase is done; name a phase to run it again"
            )),
        },
    };
    wb.pack.phase(&id).cloned().map(|p| (p, false)).ok_or_else(|| {
        let ids: Vec<&str> = wb.pack.phases.iter().map(|p| p.id.as_str()).collect();
        anyhow::anyhow!(tr!(
            lang,
            "paketet har ingen fas `{id}`; faserna är {} (och `readiness` för mätningen av förutsättningar)",
            "the pack has no phase `{id}`; its phases are {} (and `readiness` for the readiness assessment)",
            ids.join(", ")
        ))
    })
}

/// Prints what was written and commits it when asked.
pub(super) fn finish(
    wb: &Workbook,
    written: &[PathBuf],
    commit: bool,
    what: &str,
    ui: &Ui,
    lang: Lang,
) -> Result<()> {
    // What was written is in the log: a reader that went away does not
    // stop the commit asked for.
    for path in written {
        crate::out::unless_reader_left(crate::out::line(path.display()))?;
    }
    if commit {
        let message = tr!(lang, "dino: session i {what}", "dino: session of {what}");
        match crate::git::commit(&wb.root, written, &message, lang) {
            Ok(note) => ui.note(&note),
            Err(why) => ui.note(&why),
        }
    }
    Ok(())
}
