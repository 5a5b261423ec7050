//! A run from an answers file (docs/answers-format.md): checked first, then
//! through the same engine as at the terminal; nothing written on a mistake.

use anyhow::{Result, bail};

use super::assess::assess;
use super::{RunArgs, finish, phase_of};
use crate::exit::Exit;
use crate::i18n::Lang;
use crate::session::files::{Draft, Lock};
use crate::session::{self, Context, Progress, SessionUi, default_people};
use crate::state::{GateState, fold};
use crate::tr;
use crate::ui::Ui;
use crate::workbook::Workbook;

pub(super) fn scripted(
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
    let mut progress = Progress::new(&ctx, script.people(&default_people(wb, &phase.id, &user))?);
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
        let wb2 = crate::commands::workbooks::open(&wb.root, ui)?;
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
        // The gate follows the session just written.
        let after_session = Context {
            workbook: &wb2,
            state: &state2,
            ..ctx
        };
        let gate = session::gate_entry(&after_session, &progress.people, &choice, progress.started);
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
