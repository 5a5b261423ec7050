//! `dino run [PHASE]`: a facilitated session at the terminal, or scripted
//! from an answers file. One entry per session; the gate asked at the end.

use std::io::IsTerminal;
use std::path::PathBuf;

use anyhow::{Result, bail};
use clap::Args;

use crate::exit::Exit;
use crate::i18n::Lang;
use crate::session::files::{Draft, Lock};
use crate::session::term_ui::TermUi;
use crate::session::{self, Context, People, Progress, SessionUi, default_people, readiness};
use crate::state::{Current, GateState, fold};
use crate::tr;
use crate::ui::Ui;
use crate::workbook::Workbook;

/// Run a phase's checklist with the team: every answer saved at once, one
/// entry in the log at the end, and the gate when its criteria are met.
#[derive(Debug, Args)]
pub struct RunArgs {
    /// The phase to run [default: the current phase, or the one of an
    /// unfinished session]
    pub phase: Option<String>,

    /// Answers in a TOML file instead of questions, for scripts
    /// (docs/answers-format.md)
    #[arg(long, value_name = "FILE")]
    pub answers: Option<PathBuf>,

    /// Commit the new entries with git
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
    if let Some(file) = &args.answers {
        return scripted(wb, &args, file, ui, lang);
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
    let now = crate::clock::now(lang)?;
    let user = crate::clock::user();
    let _lock = Lock::take(&wb.root, &user, &now.short(), lang)?;
    crate::session::signals::install(
        lang.pick(
            "Avbrutet. Alla svar är sparade i utkastet; `dino run` fortsätter där ni slutade.",
            "Interrupted. Every answer is saved in the draft; `dino run` goes on where you stopped.",
        )
        .to_string(),
    )?;
    let draft = Draft::new(&wb.root, wb.pack.lang_for(wb.language()))?;
    let mut term = TermUi::new(lang);
    interactive(wb, args, &draft, &mut term, ui, lang, now, user)
}

/// What a run is about: a phase (named, or the current one), or the
/// readiness assessment (`readiness`), as a phase of statements.
fn phase_of(wb: &Workbook, named: Option<&str>, lang: Lang) -> Result<(crate::pack::Phase, bool)> {
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

#[allow(clippy::too_many_arguments)]
fn interactive(
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
    let saved = draft.load()?;
    let mut named = args.phase.clone();
    let mut resume = None;
    if let Some(entry) = saved {
        let phase = entry.meta.phase.clone().unwrap_or_default();
        let answers = match &entry.body {
            crate::log::Body::Records(r) => r.len(),
            crate::log::Body::Text(_) => 0,
        };
        let question = tr!(
            lang,
            "En session i fasen {phase} från {} avbröts med {answers} svar. Fortsätta den?",
            "A session of the phase {phase} from {} stopped with {answers} answers. Go on with it?",
            entry.meta.date.short()
        );
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
    let mut progress = match &resume {
        Some(entry) => Progress::from_draft(&ctx, entry),
        None => Progress {
            people: term.people(&default_people(wb, &phase.id, &user))?,
            started: now,
            answers: Default::default(),
        },
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
    // The summary and the gate, from the log as it is now.
    let wb = super::workbooks::open(&wb.root, ui)?;
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
            now: crate::clock::now(lang)?,
            user,
        };
        let gate = session::gate_entry(&ctx, &progress.people, &choice, progress.started);
        written.push(session::write_log_entry(&wb, &gate, text_lang)?);
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
        let actx = Context {
            workbook: &wb,
            state: ctx.state,
            phase: &assessment,
            lang: text_lang,
            now: crate::clock::now(lang)?,
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

/// A readiness assessment: who takes part, each respondent in turn, then the
/// chart against the first assessment. Returns the entry written, if any.
fn assess(
    ctx: &Context<'_>,
    session_ui: &mut dyn SessionUi,
    draft: &Draft,
    resume: Option<&crate::log::Entry>,
    ui: &Ui,
) -> Result<Vec<PathBuf>> {
    let lang = ui.lang_for(ctx.workbook.language());
    let (people, started, answered) = match resume {
        Some(entry) => (
            People {
                facilitator: entry.meta.by.clone().unwrap_or_default(),
                participants: entry.meta.participants.clone(),
            },
            entry.meta.date,
            readiness::from_draft(ctx, entry),
        ),
        None => (
            session_ui.people(&People {
                facilitator: ctx.user.clone(),
                participants: Vec::new(),
            })?,
            ctx.now,
            Vec::new(),
        ),
    };
    let Some(path) = readiness::run(ctx, session_ui, draft, &people, started, answered)? else {
        if draft.load()?.is_some() {
            ui.note(lang.pick(
                "Sparat. `dino run readiness` fortsätter där ni slutade.",
                "Saved. `dino run readiness` goes on where you stopped.",
            ));
        }
        return Ok(Vec::new());
    };
    // The chart, from the log as it is now: the latest against the first.
    let wb = super::workbooks::open(&ctx.workbook.root, ui)?;
    let state = fold(&wb, lang);
    if let (Some(readiness), Some(latest)) = (&wb.pack.readiness, state.readiness.last()) {
        let chart = crate::render::readiness_chart::chart(
            readiness,
            latest,
            state.readiness.first(),
            ctx.lang,
            lang,
        );
        session_ui.readiness_result(&chart)?;
    }
    Ok(vec![path])
}

/// Prints what was written and commits it when asked.
fn finish(
    wb: &Workbook,
    written: &[PathBuf],
    commit: bool,
    what: &str,
    ui: &Ui,
    lang: Lang,
) -> Result<()> {
    for path in written {
        println!("{}", path.display());
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

fn scripted(
    wb: &Workbook,
    args: &RunArgs,
    file: &std::path::Path,
    ui: &Ui,
    lang: Lang,
) -> Result<()> {
    let now = crate::clock::now(lang)?;
    let user = crate::clock::user();
    let _lock = Lock::take(&wb.root, &user, &now.short(), lang)?;
    // Entries, and the pack texts on screen, are in the workbook's language.
    let text_lang = wb.pack.lang_for(wb.language());
    let (phase, is_readiness) = phase_of(wb, args.phase.as_deref(), lang)?;
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
    let src = crate::pack::source::read_text(file, file.display().to_string(), lang)
        .map_err(|f| anyhow::anyhow!("{f}"))?;
    let mut script = crate::session::answers_file::read(&src, &ctx, lang).map_err(|findings| {
        let lines: Vec<String> = findings.iter().map(ToString::to_string).collect();
        anyhow::anyhow!(
            "{}\n{}",
            tr!(
                lang,
                "svarsfilen kunde inte läsas; inget skrevs:",
                "the answers file could not be read; nothing was written:"
            ),
            lines.join("\n")
        )
    })?;
    // The draft of a scripted run lives only for the run.
    let draft = Draft::new(&wb.root, text_lang)?;
    if draft.load()?.is_some() {
        bail!(tr!(
            lang,
            "det finns ett avbrutet utkast; kör `dino run` i en terminal för att fortsätta eller kasta det",
            "there is an unfinished draft; run `dino run` at a terminal to go on with it or discard it"
        ));
    }
    if is_readiness {
        let written = assess(&ctx, &mut script, &draft, None, ui)?;
        let unasked = script.unasked(phase, lang);
        if !unasked.is_empty() {
            let lines: Vec<String> = unasked.iter().map(ToString::to_string).collect();
            bail!("{}", lines.join("\n"));
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
    let mut progress = Progress {
        people: script.people(&default_people(wb, &phase.id, &user))?,
        started: now,
        answers: Default::default(),
    };
    session::ask_items(&ctx, &mut script, &mut progress, &draft)?;
    let unasked = script.unasked(phase, lang);
    if !unasked.is_empty() {
        draft.discard()?;
        let lines: Vec<String> = unasked.iter().map(ToString::to_string).collect();
        bail!(
            "{}\n{}",
            tr!(
                lang,
                "svarsfilen passar inte projektet; inget skrevs:",
                "the answers file does not fit the project; nothing was written:"
            ),
            lines.join("\n")
        );
    }
    let Some(path) = session::write_session(&ctx, &progress, &draft)? else {
        ui.note(lang.pick(
            "Svarsfilen har inga svar; ingen post skrevs.",
            "The answers file has no answers; no entry was written.",
        ));
        return Ok(());
    };
    let mut written = vec![path];
    if let Some(choice) = script.gate_choice() {
        let wb2 = super::workbooks::open(&wb.root, ui)?;
        let state2 = fold(&wb2, lang);
        let ready = state2
            .phases
            .iter()
            .find(|p| p.id == phase.id)
            .is_some_and(|p| p.gate == GateState::Ready);
        if !ready {
            bail!(Exit {
                code: crate::exit::ERROR,
                message: tr!(
                    lang,
                    "sessionen skrevs ({}), men beslutspunkten är inte redo (krav är öppna), så beslutet skrevs inte",
                    "the session was written ({}), but the gate is not ready (requirements are open), so the decision was not written",
                    written[0].display()
                ),
            });
        }
        let gate = session::gate_entry(&ctx, &progress.people, &choice, progress.started);
        written.push(session::write_log_entry(&wb2, &gate, text_lang)?);
    }
    finish(
        wb,
        &written,
        args.commit,
        phase.title.get(text_lang),
        ui,
        lang,
    )
}
