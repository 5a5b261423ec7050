//! A session at the terminal: the draft offered first, the phase's items,
//! the summary, the gate, and the readiness assessment where the pack
//! places it.

use std::path::PathBuf;

use anyhow::{Result, bail};

use super::assess::assess;
use super::{Host, Options, Start, gate_ready, phase_of};
use crate::exit::Exit;
use crate::i18n::Lang;
use crate::log::{Body, Entry, EntryKind};
use crate::pack::Phase;
use crate::session::files::{Draft, Saved};
use crate::session::term_ui::TermUi;
use crate::session::{self, Context, Progress, SessionUi, default_people, readiness, signals};
use crate::state::{State, fold};
use crate::tr;
use crate::workbook::Workbook;

/// A run at the terminal, and what it holds throughout.
struct AtTerminal<'a> {
    host: &'a dyn Host,
    draft: Draft,
    term: TermUi,
    /// The language of messages.
    lang: Lang,
    /// The language of the entries and of the pack's texts on screen.
    text_lang: Lang,
}

pub(super) fn run(wb: &Workbook, options: &Options<'_>, host: &dyn Host) -> Result<()> {
    let lang = options.lang;
    let start = Start::take(wb, lang)?;
    signals::install(
        lang.pick(
            "Avbrutet. Alla svar är sparade i utkastet; `dino run` fortsätter där ni slutade.",
            "Interrupted. Every answer is saved in the draft; `dino run` goes on where you stopped.",
        )
        .to_string(),
    )?;
    let mut run = AtTerminal {
        host,
        draft: Draft::new(&wb.root, start.text_lang, lang)?,
        term: TermUi::new(lang),
        lang,
        text_lang: start.text_lang,
    };
    let (named, resume) = run.offer_draft(options.phase)?;
    let state = fold(wb);
    let (phase, is_readiness) = phase_of(wb, named.as_deref(), &state, lang)?;
    let ctx = Context {
        workbook: wb,
        state: &state,
        phase: &phase,
        lang: run.text_lang,
        now: start.now,
        user: start.user,
    };
    run.term.intro(&phase, run.text_lang)?;
    if is_readiness {
        let written = assess(&ctx, &mut run.term, &run.draft, resume.as_ref(), host)?;
        return run.finish(wb, &written, &phase);
    }
    let disagreeing = run.note_disagreements(&state, &phase);
    if resume.is_none() && !disagreeing && gate_ready(&state, &phase) && run.offer_gate_first()? {
        let written = run.straight_to_gate(&ctx)?;
        return run.finish(wb, &written, &phase);
    }
    let Some((progress, path)) = run.session(&ctx, resume.as_ref())? else {
        return Ok(());
    };
    run.after_session(&ctx, &progress, path)
}

impl AtTerminal<'_> {
    /// An unfinished session is offered first: gone on with (its phase is
    /// then the run's), discarded, or kept with nothing changed. Returns
    /// the phase to run and the draft to go on with.
    fn offer_draft(&mut self, named: Option<&str>) -> Result<(Option<String>, Option<Entry>)> {
        let named = named.map(str::to_string);
        let Some(entry) = self.unfinished_draft()? else {
            return Ok((named, None));
        };
        if self.term.confirm(&self.go_on_question(&entry), true)? {
            let phase = if entry.meta.kind == EntryKind::Readiness {
                readiness::ID.to_string()
            } else {
                entry.meta.phase.clone().unwrap_or_default()
            };
            return Ok((Some(phase), Some(entry)));
        }
        if !self.term.confirm(
            self.lang.pick(
                "Kasta utkastet? Svaren i det går förlorade.",
                "Discard the draft? Its answers are lost.",
            ),
            false,
        )? {
            bail!(Exit {
                code: crate::exit::ERROR,
                message: self
                    .lang
                    .pick(
                        "utkastet är kvar; inget ändrades",
                        "the draft is kept; nothing changed"
                    )
                    .to_string(),
            });
        }
        self.draft.discard()?;
        Ok((named, None))
    }

    /// Whether to go on with the unfinished session `entry`, asked.
    fn go_on_question(&self, entry: &Entry) -> String {
        let lang = self.lang;
        let phase = entry.meta.phase.clone().unwrap_or_default();
        let answers = records_of(entry).len();
        if entry.meta.kind == EntryKind::Readiness {
            tr!(
                lang,
                "En mätning av förutsättningar från {} avbröts med {answers} svar. Fortsätta den?",
                "A readiness assessment from {} stopped with {answers} answers. Go on with it?",
                entry.meta.date.short()
            )
        } else {
            tr!(
                lang,
                "En session i fasen {phase} från {} avbröts med {answers} svar. Fortsätta den?",
                "A session of the phase {phase} from {} stopped with {answers} answers. Go on with it?",
                entry.meta.date.short()
            )
        }
    }

    /// The draft of an unfinished session, if any. One already in the log
    /// (a run stopped just before it removed the draft) is removed, with a
    /// note, and not written twice.
    fn unfinished_draft(&self) -> Result<Option<Entry>> {
        let lang = self.lang;
        Ok(match self.draft.load()? {
            Some(Saved::HandedOver { entry, path }) => {
                self.draft.discard()?;
                let (date, path) = (entry.meta.date.short(), path.display());
                self.host.note(&if entry.meta.kind == EntryKind::Readiness {
                    tr!(
                        lang,
                        "mätningen av förutsättningar från {date} finns redan i loggen ({path}); dess utkast togs bort",
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

    /// Every requirement met and no decision yet: the room may go straight
    /// to the gate instead of through the items again.
    fn offer_gate_first(&self) -> Result<bool> {
        self.term.confirm(
            self.lang.pick(
                "Alla krav i fasen är uppfyllda. Gå direkt till beslutspunkten?",
                "Every requirement of the phase is met. Go straight to the gate?",
            ),
            true,
        )
    }

    /// The gate, without a session before it: who decides, and the
    /// decision, if one is taken.
    fn straight_to_gate(&mut self, ctx: &Context<'_>) -> Result<Vec<PathBuf>> {
        let (wb, phase) = (ctx.workbook, ctx.phase);
        let people = self
            .term
            .people(&default_people(wb, &phase.id, &ctx.user))?;
        let mut written = Vec::new();
        if let Some(choice) = self.term.gate(phase, &people.facilitator, self.text_lang)? {
            let gate = session::gate_entry(ctx, &people, &choice, ctx.now);
            written.push(session::write_log_entry(
                wb,
                &gate,
                self.text_lang,
                self.lang,
            )?);
        }
        Ok(written)
    }

    /// The phase's items, from the draft or from the start, then the
    /// session's entry written. `None` when the room stopped for now or
    /// answered nothing (each said in a note).
    fn session(
        &mut self,
        ctx: &Context<'_>,
        resume: Option<&Entry>,
    ) -> Result<Option<(Progress, PathBuf)>> {
        let mut progress = match resume {
            Some(entry) => Progress::from_draft(ctx, entry),
            None => Progress::new(
                ctx,
                self.term
                    .people(&default_people(ctx.workbook, &ctx.phase.id, &ctx.user))?,
            ),
        };
        self.draft.save(&progress.entry(ctx))?;
        if !session::ask_items(ctx, &mut self.term, &mut progress, &self.draft)? {
            self.host.note(self.lang.pick(
                "Sparat. `dino run` fortsätter där ni slutade.",
                "Saved. `dino run` goes on where you stopped.",
            ));
            return Ok(None);
        }
        let Some(path) = session::write_session(ctx, &progress, &self.draft)? else {
            self.host.note(self.lang.pick(
                "Inget besvarades; ingen post skrevs.",
                "Nothing was answered; no entry was written.",
            ));
            return Ok(None);
        };
        Ok(Some((progress, path)))
    }

    /// After the session's entry is in the log: the summary and the gate,
    /// from the log as it is now, then the readiness assessment where the
    /// pack places it, then what was written told and committed.
    fn after_session(
        &mut self,
        ctx: &Context<'_>,
        progress: &Progress,
        path: PathBuf,
    ) -> Result<()> {
        let lang = self.lang;
        let mut written = vec![path];
        // From here the session is in the log; a signal now loses only the
        // decision, which the next `dino run` goes straight to.
        signals::install(
            lang.pick(
                "Avbrutet. Sessionen är sparad i loggen, men inget beslut är fattat; `dino run` tar er direkt till beslutspunkten.",
                "Interrupted. The session is in the log, but no decision was taken; `dino run` takes you straight to the gate.",
            )
            .to_string(),
        )?;
        let wb = self.host.reopen(&ctx.workbook.root)?;
        let state = fold(&wb);
        self.summary(ctx, progress, &state)?;
        if let Some(gate) = self.gate_after(ctx, progress, &wb, &state)? {
            written.push(gate);
        }
        if self.offer_assessment(ctx.phase, &wb, &state)? {
            written.extend(self.assessment_after(ctx, &wb)?);
        }
        self.finish(&wb, &written, ctx.phase)
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
        self.term.summary(phase, &records, &open, self.text_lang)
    }

    /// The gate after the session, when it is ready in `state` (`wb` as it
    /// is now) and the room decides: the decision's entry written.
    fn gate_after(
        &mut self,
        ctx: &Context<'_>,
        progress: &Progress,
        wb: &Workbook,
        state: &State,
    ) -> Result<Option<PathBuf>> {
        let phase = ctx.phase;
        if !gate_ready(state, phase) {
            return Ok(None);
        }
        let Some(choice) = self
            .term
            .gate(phase, &progress.people.facilitator, self.text_lang)?
        else {
            return Ok(None);
        };
        let now_ctx = Context {
            workbook: wb,
            state,
            phase,
            lang: self.text_lang,
            now: session::clock::now(self.lang)?,
            user: ctx.user.clone(),
        };
        let gate = session::gate_entry(&now_ctx, &progress.people, &choice, progress.started);
        Ok(Some(session::write_log_entry(
            wb,
            &gate,
            self.text_lang,
            self.lang,
        )?))
    }

    /// The pack may place the readiness assessment in `phase`: offered,
    /// once per phase. Returns whether the room takes it now.
    fn offer_assessment(&self, phase: &Phase, wb: &Workbook, state: &State) -> Result<bool> {
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
        self.term.confirm(
            &tr!(
                self.lang,
                "Mätningen av förutsättningar hör till fasen {}. Gör den nu?",
                "The readiness assessment belongs to the phase {}. Run it now?",
                phase.title.get(self.text_lang)
            ),
            true,
        )
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
            lang: self.text_lang,
            now: session::clock::now(self.lang)?,
            user: ctx.user.clone(),
        };
        self.term.intro(&assessment, self.text_lang)?;
        assess(&actx, &mut self.term, &self.draft, None, self.host)
    }

    /// What was written, told and committed as asked.
    fn finish(&self, wb: &Workbook, written: &[PathBuf], phase: &Phase) -> Result<()> {
        self.host
            .finish(wb, written, phase.title.get(self.text_lang))
    }
}

/// The records of an entry; none for a text.
fn records_of(entry: &Entry) -> Vec<crate::log::Record> {
    match &entry.body {
        Body::Records(r) => r.clone(),
        Body::Text(_) => Vec::new(),
    }
}
