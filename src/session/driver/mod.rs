//! The one driver of `dino run`: the setup every run shares (the clock,
//! the person, the lock, the phase), then the run at a terminal or from an
//! answers file, both through the engine's `SessionUi`. What a run needs
//! from the command that started it (notes, the workbook opened again,
//! printing and committing what was written) it asks of a [`Host`].

mod assess;
mod scripted;
mod terminal;

use std::path::{Path, PathBuf};

use anyhow::{Result, bail};

use super::lock::Lock;
use super::readiness;
use crate::i18n::Lang;
use crate::log::Stamp;
use crate::pack::Phase;
use crate::state::{Current, State};
use crate::tr;
use crate::workbook::Workbook;

/// What a run is asked to do.
pub struct Options<'a> {
    /// The phase named on the command line, or `readiness`.
    pub phase: Option<&'a str>,
    /// The answers file of a scripted run; none at a terminal.
    pub answers: Option<&'a Path>,
    /// The language of messages.
    pub lang: Lang,
}

/// What a run needs from the command that started it.
pub trait Host {
    /// Tells the person something beside the output (unless quiet).
    fn note(&self, text: &str);
    /// The language of messages about a workbook in `workbook_lang`.
    fn lang_for(&self, workbook_lang: Lang) -> Lang;
    /// The workbook at `root` opened again, with the log as it is now.
    fn reopen(&self, root: &Path) -> Result<Workbook>;
    /// What the run wrote, told and committed as asked; `what` names the
    /// session in a commit.
    fn finish(&self, workbook: &Workbook, written: &[PathBuf], what: &str) -> Result<()>;
}

/// Runs a session in `workbook`: from the answers file when there is one,
/// else at the terminal.
pub fn run(workbook: &Workbook, options: &Options<'_>, host: &dyn Host) -> Result<()> {
    match options.answers {
        Some(file) => scripted::run(workbook, options, file, host),
        None => terminal::run(workbook, options, host),
    }
}

/// What every run holds from its start: when, who, and the lock.
struct Start {
    now: Stamp,
    user: String,
    _lock: Lock,
    /// Entries, and the pack texts on screen, are in the workbook's language.
    text_lang: Lang,
}

impl Start {
    /// The clock read, the person named, and the workbook's lock taken.
    fn take(workbook: &Workbook, lang: Lang) -> Result<Start> {
        let now = super::clock::now(lang)?;
        let user = super::clock::user();
        let lock = Lock::take(&workbook.root, &user, &now.short(), lang)?;
        Ok(Start {
            now,
            user,
            _lock: lock,
            text_lang: workbook.pack.lang_for(workbook.language()),
        })
    }
}

/// What a run is about: a phase (named, or the current one in `state`), or
/// the readiness assessment (`readiness`), as a phase of statements.
fn phase_of(
    wb: &Workbook,
    named: Option<&str>,
    state: &State,
    lang: Lang,
) -> Result<(Phase, bool)> {
    if named == Some(readiness::ID) {
        return assessment_of(wb, lang).map(|p| (p, true));
    }
    let id = match named {
        Some(id) => id.to_string(),
        None => current_phase_id(state, lang)?,
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

/// The pack's readiness assessment as a phase, or why there is none.
fn assessment_of(wb: &Workbook, lang: Lang) -> Result<Phase> {
    let text_lang = wb.pack.lang_for(wb.language());
    readiness::as_phase(&wb.pack, text_lang).ok_or_else(|| {
        anyhow::anyhow!(tr!(
            lang,
            "paketet {} har ingen mätning av förutsättningar",
            "the pack {} has no readiness assessment",
            wb.pack.id
        ))
    })
}

/// The current phase's id, or why no phase is current.
fn current_phase_id(state: &State, lang: Lang) -> Result<String> {
    match state.current {
        Current::Phase(i) => Ok(state.phases[i].id.clone()),
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
    }
}

/// Whether the gate of `phase` is ready in `state`: every requirement met
/// and no decision yet.
fn gate_ready(state: &State, phase: &Phase) -> bool {
    state
        .phases
        .iter()
        .find(|p| p.id == phase.id)
        .is_some_and(|p| p.gate == crate::state::GateState::Ready)
}
