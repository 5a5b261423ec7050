//! A session at the terminal: the draft offered first, the phase's items,
//! the summary, the gate, and the readiness assessment where the pack
//! places it.

use anyhow::{Result, bail};

use super::assess::assess;
use super::{RunArgs, finish, phase_of};
use crate::exit::Exit;
use crate::i18n::Lang;
use crate::session::files::{Draft, Saved};
use crate::session::term_ui::TermUi;
use crate::session::{self, Context, Progress, SessionUi, default_people, readiness};
use crate::state::{GateState, fold};
use crate::tr;
use crate::ui::Ui;
use crate::workbook::Workbook;

#[allow(clippy::too_many_arguments)]
pub(super) fn interactive(
    wb: &Workbook,
    args: RunArgs,
    draft: &Draft,
    term: &mut TermUi,
    ui: &Ui,
    lang: Lang,
    now: crate::log::Stamp,
    user: String,
) -> Result<()> {
    // Entries, and the pack texts on screen, are in the workbook's language.
    let text_lang = wb.pack.lang_for(wb.language());
    // An unfinished session is offered first.
    let saved = unfinished_draft(draft, ui, lang)?;
    let mut named = args.phase.clone();
    let mut resume = None;
    if let Some(entry) = saved {
        let phase = entry.meta.phase.clone().unwrap_or_default();
        let answers = match &entry.body {
            crate::log::Body::Records(r) => r.len(),
            crate::log::Body::Text(_) => 0,
        };
        let question = if entry.meta.kind == crate::log::EntryKind::Readiness {
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
        };
        if term.confirm(&question, true)? {
            named = Some(if entry.meta.kind == crate::log::EntryKind::Readiness {
                readiness::ID.to_string()
            } else {
                phase
            });
            resume = Some(entry);
        } else if term.confirm(
            lang.pick(
                "Kasta utkastet? Svaren i det går förlorade.",
                "Discard the draft? Its answers are lost.",
            ),
            false,
        )? {
            draft.discard()?;
        } else {
            bail!(Exit {
                code: crate::exit::ERROR,
                message: lang
                    .pick(
                        "utkastet är kvar; inget ändrades",
                        "the draft is kept; nothing changed"
                    )
                    .to_string(),
            });
        }
    }
    let (phase, is_readiness) = phase_of(wb, named.as_deref(), lang)?;
    let phase = &phase;
    let state = fold(wb, lang);
    let ctx = Context {
        workbook: wb,
        state: &state,
        phase,
        lang: text_lang,
        now,
        user: user.clone(),
    };
    term.intro(phase, text_lang)?;
    if is_readiness {
        let written = assess(&ctx, term, draft, resume.as_ref(), ui)?;
        return finish(
            wb,
            &written,
            args.commit,
            phase.title.get(text_lang),
            ui,
            lang,
        );
    }
    // Answers given on two branches: the room settles them by answering
    // again, so it goes through the items, not straight to the gate.
    let disagreeing: Vec<&str> = state
        .disagreements
        .iter()
        .filter(|d| d.phase == phase.id)
        .filter_map(|d| d.item.as_deref())
        .collect();
    if !disagreeing.is_empty() {
        ui.note(&tr!(
            lang,
            "Punkterna {} besvarades olika på två grenar (`dino status` visar båda svaren); svara på dem igen för att avgöra saken.",
            "The items {} were answered differently on two branches (`dino status` shows both answers); answer them again to settle it.",
            disagreeing.join(", ")
        ));
    }
    // Every requirement met and no decision yet: the room may go straight
    // to the gate instead of through the items again.
    let ready = state
        .phases
        .iter()
        .find(|p| p.id == phase.id)
        .is_some_and(|p| p.gate == GateState::Ready);
    if resume.is_none()
        && disagreeing.is_empty()
        && ready
        && term.confirm(
            lang.pick(
                "Alla krav i fasen är uppfyllda. Gå direkt till beslutspunkten?",
                "Every requirement of the phase is met. Go straight to the gate?",
            ),
            true,
        )?
    {
        let people = term.people(&default_people(wb, &phase.id, &user))?;
        let mut written = Vec::new();
        if let Some(choice) = term.gate(phase, &people.facilitator, text_lang)? {
            let gate = session::gate_entry(&ctx, &people, &choice, now);
            written.push(session::write_log_entry(wb, &gate, text_lang, lang)?);
        }
        return finish(
            wb,
            &written,
            args.commit,
            phase.title.get(text_lang),
            ui,
            lang,
        );
    }
    let mut progress = match &resume {
        Some(entry) => Progress::from_draft(&ctx, entry),
        None => Progress::new(&ctx, term.people(&default_people(wb, &phase.id, &user))?),
    };
    draft.save(&progress.entry(&ctx))?;
    if !session::ask_items(&ctx, term, &mut progress, draft)? {
        ui.note(lang.pick(
            "Sparat. `dino run` fortsätter där ni slutade.",
            "Saved. `dino run` goes on where you stopped.",
        ));
        return Ok(());
    }
    let Some(path) = session::write_session(&ctx, &progress, draft)? else {
        ui.note(lang.pick(
            "Inget besvarades; ingen post skrevs.",
            "Nothing was answered; no entry was written.",
        ));
        return Ok(());
    };
    let mut written = vec![path];
    // From here the session is in the log; a signal now loses only the
    // decision, which the next `dino run` goes straight to.
    crate::session::signals::install(
        lang.pick(
            "Avbrutet. Sessionen är sparad i loggen, men inget beslut är fattat; `dino run` tar er direkt till beslutspunkten.",
            "Interrupted. The session is in the log, but no decision was taken; `dino run` takes you straight to the gate.",
        )
        .to_string(),
    )?;
    // The summary and the gate, from the log as it is now.
    let wb = crate::commands::workbooks::open(&wb.root, ui)?;
    let state = fold(&wb, lang);
    let entry = progress.entry(&ctx);
    let records = match &entry.body {
        crate::log::Body::Records(r) => r.clone(),
        crate::log::Body::Text(_) => Vec::new(),
    };
    let phase_state = state.phases.iter().find(|p| p.id == phase.id);
    let open: Vec<&crate::pack::Item> = phase_state
        .map(|p| p.open.iter().filter_map(|id| phase.item(id)).collect())
        .unwrap_or_default();
    term.summary(phase, &records, &open, text_lang)?;
    if phase_state.is_some_and(|p| p.gate == GateState::Ready)
        && let Some(choice) = term.gate(phase, &progress.people.facilitator, text_lang)?
    {
        let ctx = Context {
            workbook: &wb,
            state: &state,
            phase,
            lang: text_lang,
            now: crate::session::clock::now(lang)?,
            user,
        };
        let gate = session::gate_entry(&ctx, &progress.people, &choice, progress.started);
        written.push(session::write_log_entry(&wb, &gate, text_lang, lang)?);
    }
    // The pack may place the readiness assessment in this phase: offer it,
    // once per phase.
    let placed_here = wb
        .pack
        .readiness
        .as_ref()
        .is_some_and(|r| r.phases.contains(&phase.id));
    let done_here = state
        .readiness
        .iter()
        .any(|a| wb.entries[a.entry].entry.meta.phase.as_deref() == Some(phase.id.as_str()));
    if placed_here
        && !done_here
        && term.confirm(
            &tr!(
                lang,
                "Mätningen av förutsättningar hör till fasen {}. Gör den nu?",
                "The readiness assessment belongs to the phase {}. Run it now?",
                phase.title.get(text_lang)
            ),
            true,
        )?
    {
        let (assessment, _) = phase_of(&wb, Some(readiness::ID), lang)?;
        // The log as it is now, gate decision included, for what the
        // assessment follows.
        let now_wb = crate::commands::workbooks::open(&wb.root, ui)?;
        let actx = Context {
            workbook: &now_wb,
            state: ctx.state,
            phase: &assessment,
            lang: text_lang,
            now: crate::session::clock::now(lang)?,
            user: ctx.user.clone(),
        };
        term.intro(&assessment, text_lang)?;
        written.extend(assess(&actx, term, draft, None, ui)?);
    }
    finish(
        &wb,
        &written,
        args.commit,
        phase.title.get(text_lang),
        ui,
        lang,
    )
}

/// The draft of an unfinished session, if any. One already in the log (a
/// run stopped just before it removed the draft) is removed, with a note,
/// and not written twice.
fn unfinished_draft(draft: &Draft, ui: &Ui, lang: Lang) -> Result<Option<crate::log::Entry>> {
    Ok(match draft.load()? {
        Some(Saved::HandedOver { entry, path }) => {
            draft.discard()?;
            let (date, path) = (entry.meta.date.short(), path.display());
            ui.note(&if entry.meta.kind == crate::log::EntryKind::Readiness {
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
