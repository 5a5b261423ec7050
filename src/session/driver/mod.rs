//! The one driver of `dino run`. Every run is one flow (`flow`): the
//! setup (the clock, the person, the lock, the draft, the phase), the
//! phase's items through the engine, the entry written by way of the draft,
//! the gate decision if any, and what was written handed to the [`Host`].
//! What differs between a run at a terminal and one from an answers file
//! is the side it runs through: a `RunUi`, the engine's `SessionUi`
//! extended with what a whole run asks, which the terminal
//! (`terminal`) and the answers file (`scripted`) each implement.

mod assess;
mod flow;
mod scripted;
mod terminal;

use std::path::{Path, PathBuf};

use anyhow::{Result, bail};

use super::lock::Lock;
use super::readiness;
use super::{Context, GateAsk, GateChoice, SessionUi};
use crate::i18n::Lang;
use crate::log::{ActionMark, Entry, Stamp};
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
    /// Ask only the items that are open (`--open`).
    pub open: bool,
    /// The one person answering the readiness assessment alone
    /// (`--respondent`), if so.
    pub respondent: Option<&'a str>,
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
/// else at the terminal; the same flow either way.
pub fn run(workbook: &Workbook, options: &Options<'_>, host: &dyn Host) -> Result<()> {
    match options.answers {
        Some(file) => {
            let mut side = scripted::FromFile::new(file, options.lang);
            flow::run(workbook, options, &mut side, host)
        }
        None => {
            let mut side = super::term_ui::TermUi::new(options.lang);
            flow::run(workbook, options, &mut side, host)
        }
    }
}

/// Where a run stands, for what a signal (Ctrl-C, SIGHUP, SIGTERM) does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Stage {
    /// Asking: every answer is in the draft.
    Asking,
    /// The session's entry is in the log; the decision is still to come.
    Deciding,
    /// Asking a readiness assessment: every answer is in the draft.
    Assessing,
    /// The assessment is in the log; low dimensions are offered as risks.
    OfferingRisks,
}

/// What the room says to an unfinished session found at the start.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Resume {
    /// Go on with it: its phase is the run's.
    GoOn,
    /// Discard it, and run as asked.
    Discard,
    /// Keep it, and change nothing.
    Keep,
}

/// One side of a run: the people at a terminal, or an answers file
/// standing in for them. Beside the engine's questions (`SessionUi`:
/// the items, the people, the summary, the gate, the respondents), it
/// answers what a whole run asks, each side its own way; the flow asks
/// both the same.
trait RunUi: SessionUi {
    /// What a signal does from `stage` on. At a terminal: the screen put
    /// back and the run ended, saying where it stands; a file's run is
    /// left to the signal.
    fn on_signal(&mut self, stage: Stage) -> Result<()>;
    /// Whether an unfinished draft is offered before the run (and may
    /// choose its phase). An answers file never offers one: a draft is
    /// found when its entry is handed over instead.
    fn offers_drafts(&self) -> bool;
    /// An unfinished session offered: go on with it, discard it, or keep
    /// it. Asked only where drafts are offered.
    fn resume(&mut self, draft: &Entry) -> Result<Resume>;
    /// The run's phase is known: what is read against it (an answers file,
    /// read and checked; every mistake in it, and nothing written).
    fn prepare(&mut self, ctx: &Context<'_>) -> Result<()>;
    /// Whether every answer is saved to the draft as it is given (at a
    /// terminal); an answers file's run is in memory until its entry.
    fn keeps_a_draft(&self) -> bool;
    /// After the items: answers given that the run never asked for are a
    /// mistake, and nothing is written.
    fn all_asked(&self, phase: &Phase) -> Result<()>;
    /// Whether a phase whose requirements are all met may go straight to
    /// the gate instead of through its items (disagreements told first,
    /// since they keep it from the gate). A file goes through its answers.
    fn offers_the_gate_first(&self) -> bool;
    /// Straight to the gate? Asked only where it is offered.
    fn straight_to_gate(&mut self) -> Result<bool>;
    /// A phase with answers and items still open: ask only the open ones?
    /// Asked only where the gate is offered first (at a terminal).
    fn only_open(&mut self) -> Result<bool> {
        Ok(false)
    }
    /// What is said when nothing was answered (of a `readiness`
    /// assessment, or a phase), if anything.
    fn nothing_answered(&self, readiness: bool) -> Option<&'static str>;
    /// Whether the draft stays until the run's very end, so that a run
    /// stopped on the way and run again finds what it wrote (a file's);
    /// else it goes as soon as its entry is in the log.
    fn keeps_the_draft_to_the_end(&self) -> bool;
    /// Whether the room sees what it recorded: the summary, the chart.
    fn shows_results(&self) -> bool;
    /// Whether a gate decision may come after the session: asked at a
    /// terminal once the gate is ready; a file has one in its `[gate]`.
    fn may_decide(&self) -> bool;
    /// The decision after the session, if one is taken; `ready` says
    /// whether the gate is. A decision for a gate not ready is refused.
    fn decision(&mut self, ask: &GateAsk<'_>, ready: bool) -> Result<Option<GateChoice>>;
    /// When a decision after the session is taken: now, at a terminal; a
    /// file's run at its start (`start`).
    fn decided_at(&self, start: Stamp, lang: Lang) -> Result<Stamp>;
    /// A refused decision's `message`, placed where the decision came from.
    fn refused_decision(&self, message: String) -> String;
    /// The readiness assessment belongs to the phase titled `phase`: take
    /// it now?
    fn take_assessment(&mut self, phase: &str) -> Result<bool>;
    /// A dimension of the assessment (`title`, its `mean`) below the pack's
    /// risk line that no open risk names: noted as a risk? If so, its text
    /// (`text` offered), owner (one of `people`, or another) and due day;
    /// `None` skips it. An answers file offers none.
    fn low_dimension_risk(
        &mut self,
        title: &str,
        mean: f64,
        text: &str,
        people: &[String],
    ) -> Result<Option<ActionMark>>;
    /// Before a gate decision: whether the project profile still holds
    /// (asked again if not), and each unsettled answer asked again; the
    /// answers that changed. An answers file changes none.
    fn profile_at_gate(
        &mut self,
        _workbook: &Workbook,
    ) -> Result<Vec<(String, crate::pack::condition::Value)>> {
        Ok(Vec::new())
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
            "paketet har ingen fas `{id}`; faserna är {} (och `readiness` för självskattningen av förutsättningar)",
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
            "paketet {} har ingen självskattning av förutsättningar",
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

/// Whether a decision may be taken at the gate of `phase` after a session:
/// it is ready, or was decided before and nothing it requires is open (a
/// phase run again to settle a disagreement, or to decide anew).
fn gate_decidable(state: &State, phase: &Phase) -> bool {
    state
        .phases
        .iter()
        .find(|p| p.id == phase.id)
        .is_some_and(|p| {
            matches!(
                p.gate,
                crate::state::GateState::Ready | crate::state::GateState::Decided { .. }
            ) && p.open.is_empty()
        })
}
