//! The one flow of a run, the same at a terminal and from an answers file:
//! set up (the clock, the person, the lock, the draft offered where drafts
//! are, the phase), walk the phase's items through the side's `SessionUi`,
//! write the entry by way of the draft, take the gate decision if any, and
//! hand what was written to the [`Host`]. The draft is removed once its
//! entry is in the log, or last of all where the side keeps it to the end,
//! so that a run stopped anywhere can be run again: what it wrote already
//! is found, and not written twice. Where the two sides differ, the flow
//! asks the [`RunUi`].

use std::path::{Path, PathBuf};

use anyhow::{Result, bail};

use super::{Host, Options, Resume, RunUi, Stage, Start, gate_decidable, gate_ready, phase_of};
use crate::exit::Exit;
use crate::i18n::Lang;
use crate::log::{Body, Entry, EntryKind};
use crate::pack::Phase;
use crate::session::files::{Draft, Saved};
use crate::session::gate_room::GateRoom;
use crate::session::{self, Context, Progress, default_people, readiness};
use crate::state::{State, fold};
use crate::tr;
use crate::workbook::Workbook;

/// A run under way, and what it holds throughout.
pub(super) struct Run<'a> {
    pub(super) ui: &'a mut dyn RunUi,
    pub(super) host: &'a dyn Host,
    pub(super) draft: Draft,
    /// A draft left by an earlier run and not offered: an answers file's
    /// own, stopped on its way into the log, or one begun at a terminal.
    pub(super) earlier: Option<Saved>,
    /// The language of messages.
    pub(super) lang: Lang,
    /// Ask only the open items (`--open`).
    pub(super) open: bool,
}

/// Runs the phase asked for (or the readiness assessment) through `ui`.
pub(super) fn run(
    wb: &Workbook,
    options: &Options<'_>,
    ui: &mut dyn RunUi,
    host: &dyn Host,
) -> Result<()> {
    let lang = options.lang;
    let start = Start::take(wb, lang)?;
    ui.on_signal(Stage::Asking)?;
    let draft = Draft::new(&wb.root, start.text_lang, lang)?;
    let (named, resume) = if ui.offers_drafts() {
        offer_draft(ui, &draft, options, host, lang)?
    } else {
        (options.phase.map(str::to_string), None)
    };
    let state = fold(wb);
    let (phase, is_readiness) = phase_of(wb, named.as_deref(), &state, lang)?;
    let ctx = Context {
        workbook: wb,
        state: &state,
        phase: &phase,
        lang: start.text_lang,
        now: start.now,
        user: start.user,
    };
    ui.prepare(&ctx)?;
    let earlier = if ui.offers_drafts() {
        None
    } else {
        draft.load()?
    };
    ui.intro(&phase, ctx.lang)?;
    let mut run = Run {
        ui,
        host,
        draft,
        earlier,
        lang,
        open: options.open,
    };
    let written = if is_readiness {
        Some(run.assess(&ctx, resume.as_ref(), options.respondent)?)
    } else {
        run.phase(&ctx, resume.as_ref())?
    };
    let Some(written) = written.filter(|w| !w.is_empty()) else {
        return Ok(());
    };
    host.finish(wb, &written, phase.title.get(ctx.lang))?;
    // Last: until here, a run stopped on the way finds what it wrote.
    if run.ui.keeps_the_draft_to_the_end() {
        run.draft.discard()?;
    }
    Ok(())
}

/// An unfinished session is offered first: gone on with (its phase is
/// then the run's), discarded, or kept with nothing changed. Returns the
/// phase to run and the draft to go on with.
fn offer_draft(
    ui: &mut dyn RunUi,
    draft: &Draft,
    options: &Options<'_>,
    host: &dyn Host,
    lang: Lang,
) -> Result<(Option<String>, Option<Entry>)> {
    let named = options.phase.map(str::to_string);
    let Some(entry) = unfinished_draft(draft, host, lang)? else {
        return Ok((named, None));
    };
    if let Some(name) = options.respondent {
        readiness::refuse_a_draft_not_theirs(&entry, name, lang)?;
    }
    match ui.resume(&entry)? {
        Resume::GoOn => {
            let phase = if entry.meta.kind == EntryKind::Readiness {
                readiness::ID.to_string()
            } else {
                entry.meta.phase.clone().unwrap_or_default()
            };
            Ok((Some(phase), Some(entry)))
        }
        Resume::Discard => {
            draft.discard()?;
            Ok((named, None))
        }
        Resume::Keep => bail!(Exit {
            code: crate::exit::ERROR,
            message: lang
                .pick(
                    "utkastet är kvar; inget ändrades",
                    "the draft is kept; nothing changed"
                )
                .to_string(),
        }),
    }
}

/// The draft of an unfinished session, if any. One already in the log (a
/// run stopped just before it removed the draft) is removed, with a note,
/// and not written twice.
fn unfinished_draft(draft: &Draft, host: &dyn Host, lang: Lang) -> Result<Option<Entry>> {
    Ok(match draft.load()? {
        Some(Saved::HandedOver { entry, path }) => {
            draft.discard()?;
            let (date, path) = (entry.meta.date.short(), path.display());
            host.note(&if entry.meta.kind == EntryKind::Readiness {
                tr!(
                    lang,
                    "självskattningen av förutsättningar från {date} finns redan i loggen ({path}); dess utkast togs bort",
                    "the readiness assessment from {date} is in the log already ({path}); its draft was removed"
                )
            } else {
                tr!(
                    lang,
                    "sessionen från {date} finns redan i loggen ({path}); dess utkast togs bort",
                    "the session from {date} is in the log already ({path}); its draft was removed"
                )
            });
            None
        }
        Some(Saved::Unfinished(entry)) => Some(entry),
        None => None,
    })
}

impl Run<'_> {
    /// A phase: straight to the gate where the room may and does ask for
    /// it, else its items, the entry, and what comes after it. `None` when
    /// nothing was written (said in a note).
    fn phase(&mut self, ctx: &Context<'_>, resume: Option<&Entry>) -> Result<Option<Vec<PathBuf>>> {
        let mut disagreeing = false;
        if self.ui.offers_the_gate_first() {
            disagreeing = self.note_disagreements(ctx.state, ctx.phase);
            if resume.is_none()
                && !disagreeing
                && !self.open
                && gate_ready(ctx.state, ctx.phase)
                && self.ui.straight_to_gate()?
            {
                return self.straight_to_gate(ctx).map(Some);
            }
        }
        let only = if resume.is_some() || disagreeing {
            None
        } else {
            self.only_open(ctx)?
        };
        if only.as_ref().is_some_and(Vec::is_empty) {
            return self.nothing_open(ctx).map(Some);
        }
        let Some((progress, path)) = self.session(ctx, resume, only)? else {
            return Ok(None);
        };
        self.after_session(ctx, &progress, path).map(Some)
    }

    /// The items asked when only the open ones are: with `--open`, or as
    /// the room chooses at a terminal when the phase has answers and items
    /// still open. `None` asks every item.
    fn only_open(&mut self, ctx: &Context<'_>) -> Result<Option<Vec<String>>> {
        let open = session::open_items(ctx.state, ctx.phase);
        if self.open {
            return Ok(Some(open));
        }
        let answered = ctx.state.answers.keys().any(|(p, _)| *p == ctx.phase.id);
        let offered = self.ui.offers_the_gate_first() && answered && !open.is_empty();
        Ok((offered && self.ui.only_open()?).then_some(open))
    }

    /// Only the open items were asked for, and none is: said so, and the
    /// gate offered as at the end of a run.
    fn nothing_open(&mut self, ctx: &Context<'_>) -> Result<Vec<PathBuf>> {
        self.host.note(self.lang.pick(
            "Inga punkter i fasen är öppna.",
            "No item of the phase is open.",
        ));
        if gate_ready(ctx.state, ctx.phase) {
            return self.straight_to_gate(ctx);
        }
        Ok(Vec::new())
    }

    /// Answers given on two branches: the room settles them by answering
    /// again, so it goes through the items, not straight to the gate. Says
    /// which, and returns whether there are any.
    fn note_disagreements(&self, state: &State, phase: &Phase) -> bool {
        let disagreeing: Vec<&str> = state
            .disagreements
            .iter()
            .filter(|d| d.phase == phase.id)
            .filter_map(|d| d.item.as_deref())
            .collect();
        if disagreeing.is_empty() {
            return false;
        }
        self.host.note(&tr!(
            self.lang,
            "Punkterna {} besvarades olika på två grenar (`dino status` visar båda svaren); svara på dem igen för att avgöra saken.",
            "The items {} were answered differently on two branches (`dino status` shows both answers); answer them again to settle it.",
            disagreeing.join(", ")
        ));
        true
    }

    /// The gate, without a session before it: who decides, and the
    /// decision, if one is taken.
    fn straight_to_gate(&mut self, ctx: &Context<'_>) -> Result<Vec<PathBuf>> {
        let phase = ctx.phase;
        let people = self
            .ui
            .people(&default_people(ctx.workbook, &phase.id, &ctx.user))?;
        let mut written = Vec::new();
        let reopened = self.profile_before_gate(ctx.workbook)?;
        let (wb, state) = match &reopened {
            Some((path, wb, state)) => {
                written.push(path.clone());
                (wb, state)
            }
            None => (ctx.workbook, ctx.state),
        };
        if !self.still_ready(state, phase) {
            return Ok(written);
        }
        let ctx = Context {
            workbook: wb,
            state,
            phase,
            lang: ctx.lang,
            now: ctx.now,
            user: ctx.user.clone(),
        };
        let applied = crate::state::gate_as_it_applies(wb, state, phase);
        let room = GateRoom::gather(wb, state, &applied, ctx.now.date(), self.lang);
        let ask = session::GateAsk::new(state, &applied, &people, ctx.lang).with_room(room);
        if let Some(choice) = self.ui.gate(&ask)? {
            let gate = session::gate_entry(&ctx, &people, &choice, ctx.now);
            written.push(session::write_log_entry(wb, &gate, ctx.lang, self.lang)?);
        }
        Ok(written)
    }

    /// Before a gate decision: the profile checked through the side (at a
    /// terminal), and what changed written as a `profile` entry. Returns
    /// its path, with the workbook and the state as they are after it.
    fn profile_before_gate(&mut self, wb: &Workbook) -> Result<Option<(PathBuf, Workbook, State)>> {
        let changed = self.ui.profile_at_gate(wb)?;
        let changes: Vec<(&crate::pack::Item, crate::pack::condition::Value)> = changed
            .into_iter()
            .filter_map(|(id, value)| Some((wb.pack.profile.iter().find(|i| i.id == id)?, value)))
            .collect();
        if changes.is_empty() {
            return Ok(None);
        }
        let entry = session::profile::profile_entry(wb, &changes, None, self.lang)?;
        let text_lang = wb.pack.lang_for(wb.language());
        let path = session::write_log_entry(wb, &entry, text_lang, self.lang)?;
        let wb = self.host.reopen(&wb.root)?;
        let state = fold(&wb);
        Ok(Some((path, wb, state)))
    }

    /// Whether the gate is still ready once the profile changed; says so
    /// when it is not.
    fn still_ready(&self, state: &State, phase: &Phase) -> bool {
        let ready = gate_ready(state, phase);
        if !ready {
            self.host.note(self.lang.pick(
                "Den ändrade profilen öppnar krav i fasen; beslutspunkten väntar tills de är klara.",
                "The changed profile opens requirements in the phase; the gate waits until they are done.",
            ));
        }
        ready
    }

    /// The phase's items, from the draft or from the start, then the
    /// session's entry written. `None` when the room stopped for now or
    /// answered nothing (each said in a note).
    fn session(
        &mut self,
        ctx: &Context<'_>,
        resume: Option<&Entry>,
        only: Option<Vec<String>>,
    ) -> Result<Option<(Progress, PathBuf)>> {
        let mut progress = match resume {
            Some(entry) => Progress::from_draft(ctx, entry),
            None => Progress::new(
                ctx,
                self.ui
                    .people(&default_people(ctx.workbook, &ctx.phase.id, &ctx.user))?,
            ),
        };
        progress.only = only;
        let (draft, keeps) = (&self.draft, self.ui.keeps_a_draft());
        if keeps {
            draft.save(&progress.entry(ctx))?;
        }
        let mut save = |p: &Progress| {
            if keeps {
                draft.save(&p.entry(ctx))
            } else {
                Ok(())
            }
        };
        if !session::ask_items_saving(ctx, self.ui, &mut progress, &mut save, false)? {
            self.host.note(self.lang.pick(
                "Sparat. `dino run` fortsätter där ni slutade.",
                "Saved. `dino run` goes on where you stopped.",
            ));
            return Ok(None);
        }
        self.ui.all_asked(ctx.phase)?;
        if progress.is_empty() {
            self.nothing_written(false)?;
            return Ok(None);
        }
        let path = self.hand_over(ctx, &progress.entry(ctx))?;
        Ok(Some((progress, path)))
    }

    /// Nothing was answered: the draft goes if it is this run's own or
    /// its entry is in the log already, and the side says so.
    pub(super) fn nothing_written(&self, readiness: bool) -> Result<()> {
        if self.ui.keeps_a_draft() || matches!(self.earlier, Some(Saved::HandedOver { .. })) {
            self.draft.discard()?;
        }
        if let Some(text) = self.ui.nothing_answered(readiness) {
            self.host.note(text);
        }
        Ok(())
    }

    /// `entry` into the log by way of the draft (one an earlier run wrote
    /// already is found, not written again); the draft removed now, unless
    /// the side keeps it to the end.
    pub(super) fn hand_over(&self, ctx: &Context<'_>, entry: &Entry) -> Result<PathBuf> {
        keep_a_draft_not_ours(self.earlier.as_ref(), entry, self.lang)?;
        if !self.ui.keeps_a_draft()
            && let Some(path) = session_written_already(ctx.workbook, entry)
        {
            if !self.ui.keeps_the_draft_to_the_end() {
                self.draft.discard()?;
            }
            return Ok(path);
        }
        let earlier = self.earlier.as_ref();
        let path = session::hand_over(ctx.workbook, &self.draft, entry, earlier, ctx.lang)?;
        if !self.ui.keeps_the_draft_to_the_end() {
            self.draft.discard()?;
        }
        Ok(path)
    }

    /// After the session's entry is in the log: the summary and the gate,
    /// from the log as it is now, then the readiness assessment where the
    /// pack places it. Returns everything written.
    fn after_session(
        &mut self,
        ctx: &Context<'_>,
        progress: &Progress,
        path: PathBuf,
    ) -> Result<Vec<PathBuf>> {
        let mut written = vec![path];
        if !self.ui.shows_results() && !self.ui.may_decide() {
            return Ok(written);
        }
        // From here the session is in the log; a signal now loses only the
        // decision, which the next `dino run` goes straight to.
        self.ui.on_signal(Stage::Deciding)?;
        let wb = self.host.reopen(&ctx.workbook.root)?;
        let state = fold(&wb);
        self.summary(ctx, progress, &state)?;
        let (wb, state) = match self.profile_if_deciding(ctx.phase, &wb, &state)? {
            Some((path, wb, state)) => {
                written.push(path);
                (wb, state)
            }
            None => (wb, state),
        };
        if let Some(gate) = self.gate_after(ctx, progress, &written[0], &wb, &state)? {
            written.push(gate);
        }
        if self.offer_assessment(ctx, &wb, &state)? {
            written.extend(self.assessment_after(ctx, &wb)?);
        }
        Ok(written)
    }

    /// The profile checked before a decision after the session, when the
    /// side may take one and the gate is ready.
    fn profile_if_deciding(
        &mut self,
        phase: &Phase,
        wb: &Workbook,
        state: &State,
    ) -> Result<Option<(PathBuf, Workbook, State)>> {
        if !self.ui.may_decide() || !gate_ready(state, phase) {
            return Ok(None);
        }
        let reopened = self.profile_before_gate(wb)?;
        if let Some((_, _, state)) = &reopened {
            self.still_ready(state, phase);
        }
        Ok(reopened)
    }

    /// What the session recorded, and what is still open in `state`.
    fn summary(&mut self, ctx: &Context<'_>, progress: &Progress, state: &State) -> Result<()> {
        let phase = ctx.phase;
        let records = records_of(&progress.entry(ctx));
        let open: Vec<&crate::pack::Item> = state
            .phases
            .iter()
            .find(|p| p.id == phase.id)
            .map(|p| p.open.iter().filter_map(|id| phase.item(id)).collect())
            .unwrap_or_default();
        self.ui.summary(phase, &records, &open, ctx.lang)
    }

    /// The gate decision after the session (`session`, in the log; `wb`
    /// and `state` as they are now), if one is taken: its entry written,
    /// or found in the log when a run stopped before its end wrote it.
    /// One for a gate that is not ready is refused, and the refusal is
    /// final.
    fn gate_after(
        &mut self,
        ctx: &Context<'_>,
        progress: &Progress,
        session: &Path,
        wb: &Workbook,
        state: &State,
    ) -> Result<Option<PathBuf>> {
        let applied = crate::state::gate_as_it_applies(wb, state, ctx.phase);
        let phase = &applied;
        let ready = gate_decidable(state, phase);
        let room = GateRoom::gather(wb, state, phase, ctx.now.date(), self.lang).after_session();
        let ask = session::GateAsk::new(state, phase, &progress.people, ctx.lang).with_room(room);
        let Some(choice) = self.ui.decision(&ask, ready)? else {
            return Ok(None);
        };
        // The gate follows the session just written.
        let now_ctx = Context {
            workbook: wb,
            state,
            phase,
            lang: ctx.lang,
            now: self.ui.decided_at(ctx.now, self.lang)?,
            user: ctx.user.clone(),
        };
        let gate = session::gate_entry(&now_ctx, &progress.people, &choice, progress.started);
        if let Some(done) = decided_already(wb, &gate, session) {
            return Ok(Some(done));
        }
        if !ready {
            // The session's hand-over is done; the refusal is final. What
            // was written is printed and committed (`--commit`) first.
            self.draft.discard()?;
            self.host
                .finish(wb, &[session.to_path_buf()], ctx.phase.title.get(ctx.lang))?;
            bail!(Exit {
                code: crate::exit::ERROR,
                message: self.ui.refused_decision(tr!(
                    self.lang,
                    "sessionen skrevs ({}), men beslutspunkten är inte redo (krav är öppna), så beslutet i [gate] skrevs inte",
                    "the session was written ({}), but the gate is not ready (requirements are open), so the decision in [gate] was not written",
                    session.display()
                )),
            });
        }
        if let Some(why) = choice.criteria_refusal(&phase.gate, ctx.lang, self.lang) {
            self.draft.discard()?;
            self.host
                .finish(wb, &[session.to_path_buf()], ctx.phase.title.get(ctx.lang))?;
            bail!(Exit {
                code: crate::exit::ERROR,
                message: self.ui.refused_decision(tr!(
                    self.lang,
                    "sessionen skrevs ({}), men beslutet skrevs inte: {why}. Rätta [gate] och kör samma fil igen (sessionen skrivs inte två gånger), eller skriv beslutet med `dino gate {} --decision … --criterion …`",
                    "the session was written ({}), but the decision was not: {why}. Fix [gate] and run the same file again (the session is not written twice), or record the decision with `dino gate {} --decision … --criterion …`",
                    session.display(),
                    phase.id
                )),
            });
        }
        let written = session::write_log_entry(wb, &gate, ctx.lang, self.lang)?;
        Ok(Some(written))
    }

    /// The pack may place the readiness assessment in the phase: offered,
    /// once per phase. Returns whether the room takes it now.
    fn offer_assessment(
        &mut self,
        ctx: &Context<'_>,
        wb: &Workbook,
        state: &State,
    ) -> Result<bool> {
        let phase = ctx.phase;
        let placed_here = wb
            .pack
            .readiness
            .as_ref()
            .is_some_and(|r| r.phases.contains(&phase.id));
        let done_here = state
            .readiness
            .iter()
            .any(|a| wb.entries[a.entry].entry.meta.phase.as_deref() == Some(phase.id.as_str()));
        if !placed_here || done_here {
            return Ok(false);
        }
        self.ui.take_assessment(phase.title.get(ctx.lang))
    }

    /// The readiness assessment after the session. It follows the log as
    /// it is now, gate decision included, and takes the phase it belongs
    /// to from the state before the session.
    fn assessment_after(&mut self, ctx: &Context<'_>, wb: &Workbook) -> Result<Vec<PathBuf>> {
        let (assessment, _) = phase_of(wb, Some(readiness::ID), ctx.state, self.lang)?;
        let now_wb = self.host.reopen(&wb.root)?;
        let actx = Context {
            workbook: &now_wb,
            state: ctx.state,
            phase: &assessment,
            lang: ctx.lang,
            now: session::clock::now(self.lang)?,
            user: ctx.user.clone(),
        };
        self.ui.intro(&assessment, ctx.lang)?;
        self.assess(&actx, None, None)
    }
}

/// The latest session of the phase by the same facilitator, when it
/// records what `entry` does (answers, notes, reasons, actions, people):
/// a file run again after a refused decision, the clock moved on, finds
/// its session there and writes only the decision.
fn session_written_already(wb: &Workbook, entry: &Entry) -> Option<PathBuf> {
    let latest = wb.entries.iter().rev().find(|e| {
        let meta = &e.entry.meta;
        meta.kind == EntryKind::Session
            && meta.phase == entry.meta.phase
            && meta.by == entry.meta.by
    })?;
    session::same_record(&latest.entry, entry).then(|| wb.log_dir().join(&latest.name))
}

/// The gate decision `gate` when the log has it already, following
/// `session`: a run stopped before its end wrote it.
fn decided_already(wb: &Workbook, gate: &Entry, session: &Path) -> Option<PathBuf> {
    let session_id = session
        .file_name()
        .and_then(|n| crate::log::entry_id_of(&n.to_string_lossy()).map(str::to_string));
    let done = wb.entries.iter().find(|e| {
        e.entry.meta.kind == EntryKind::Gate
            && e.entry.meta.phase == gate.meta.phase
            && e.entry.body == gate.body
            && session_id
                .as_ref()
                .is_some_and(|id| e.entry.meta.follows.iter().flatten().any(|f| f == id))
    })?;
    Some(wb.log_dir().join(&done.name))
}

/// A draft left by an earlier run that is not this run's own (stopped
/// before its end: the same phase and people, with answers this run gives
/// too) is a session begun at a terminal: it is kept, and nothing is
/// written.
fn keep_a_draft_not_ours(earlier: Option<&Saved>, entry: &Entry, lang: Lang) -> Result<()> {
    match earlier {
        Some(Saved::Unfinished(draft)) if !is_part_of(draft, entry) => bail!(tr!(
            lang,
            "det finns ett avbrutet utkast; kör `dino run` i en terminal för att fortsätta eller kasta det",
            "there is an unfinished draft; run `dino run` at a terminal to go on with it or discard it"
        )),
        _ => Ok(()),
    }
}

/// Whether `draft` is a part of `entry`: the same kind of session, phase
/// and people, and every record of the draft in the entry as it is.
fn is_part_of(draft: &Entry, entry: &Entry) -> bool {
    let (d, e) = (&draft.meta, &entry.meta);
    let ours = records_of(entry);
    d.kind == e.kind
        && d.phase == e.phase
        && d.by == e.by
        && d.participants == e.participants
        && records_of(draft).iter().all(|r| ours.contains(r))
}

/// The records of an entry; none for a text.
pub(super) fn records_of(entry: &Entry) -> Vec<crate::log::Record> {
    match &entry.body {
        Body::Records(r) => r.clone(),
        Body::Text(_) => Vec::new(),
    }
}
