//! A run from an answers file (docs/answers-format.md): checked first, then
//! through the same engine as at the terminal, in memory; nothing written
//! on a mistake. The entry goes into the log by way of the draft, which is
//! removed last, so a run stopped anywhere can be run again: what it wrote
//! already is found, and not written twice.

use std::path::{Path, PathBuf};

use anyhow::{Result, bail};

use super::{Host, Options, Start, gate_ready, phase_of};
use crate::exit::Exit;
use crate::i18n::Lang;
use crate::log::{Body, Entry, EntryKind};
use crate::session::answers_file::AnswerScript;
use crate::session::files::{Draft, Saved};
use crate::session::readiness::{self, Asked};
use crate::session::{self, Context, People, Progress, SessionUi, default_people};
use crate::state::fold;
use crate::tr;
use crate::workbook::Workbook;

pub(super) fn run(
    wb: &Workbook,
    options: &Options<'_>,
    file: &Path,
    host: &dyn Host,
) -> Result<()> {
    let lang = options.lang;
    let start = Start::take(wb, lang)?;
    let text_lang = start.text_lang;
    let state = fold(wb);
    let (phase, is_readiness) = phase_of(wb, options.phase, &state, lang)?;
    let phase = &phase;
    let ctx = Context {
        workbook: wb,
        state: &state,
        phase,
        lang: text_lang,
        now: start.now,
        user: start.user.clone(),
    };
    let mut script = read_script(file, &ctx, lang)?;
    let draft = Draft::new(&wb.root, text_lang, lang)?;
    let earlier = draft.load()?;
    let written = if is_readiness {
        assess(&ctx, &mut script, &draft, earlier.as_ref(), lang)?
    } else {
        session_of(&ctx, &mut script, &draft, earlier.as_ref(), host, lang)?
    };
    let Some(written) = written else {
        host.note(lang.pick(
            "Svarsfilen har inga svar; ingen post skrevs.",
            "The answers file has no answers; no entry was written.",
        ));
        return discard_handed_over(&draft, earlier.as_ref());
    };
    host.finish(wb, &written, phase.title.get(text_lang))?;
    // Last: until here, a run stopped on the way finds what it wrote.
    draft.discard()
}

/// The answers file, read and checked against the run, or every mistake
/// in it.
fn read_script(file: &Path, ctx: &Context<'_>, lang: Lang) -> Result<AnswerScript> {
    let src = crate::pack::source::read_text(file, file.display().to_string())
        .map_err(|f| anyhow::anyhow!("{f}"))?;
    crate::session::answers_file::read(&src, ctx, lang).map_err(|findings| {
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
    })
}

/// The phase's session from the answers file, and its gate decision when
/// the file has one. `None` when the file has no answers.
fn session_of(
    ctx: &Context<'_>,
    script: &mut AnswerScript,
    draft: &Draft,
    earlier: Option<&Saved>,
    host: &dyn Host,
    lang: Lang,
) -> Result<Option<Vec<PathBuf>>> {
    let (wb, phase) = (ctx.workbook, ctx.phase);
    let mut progress = Progress::new(
        ctx,
        script.people(&default_people(wb, &phase.id, &ctx.user))?,
    );
    session::ask_items_saving(ctx, script, &mut progress, &mut |_| Ok(()), false)?;
    refuse_unasked(script, phase, lang)?;
    if progress.answers.is_empty() {
        return Ok(None);
    }
    let entry = progress.entry(ctx);
    keep_a_draft_from_the_terminal(earlier, &entry, lang)?;
    let path = session::hand_over(wb, draft, &entry, earlier, ctx.lang)?;
    let mut written = vec![path];
    if let Some(choice) = script.gate_choice() {
        let after = After {
            session: &written[0],
            started: progress.started,
            draft,
        };
        written.push(gate_of(
            ctx,
            &progress.people,
            script,
            &choice,
            &after,
            host,
            lang,
        )?);
    }
    Ok(Some(written))
}

/// The session a gate decision comes after.
struct After<'a> {
    /// Its entry, in the log.
    session: &'a std::path::Path,
    started: crate::log::Stamp,
    draft: &'a Draft,
}

/// The gate decision after the session (just written, or written by a run
/// stopped before its end, which may have written the decision too: then
/// it is not written again).
fn gate_of(
    ctx: &Context<'_>,
    people: &People,
    script: &AnswerScript,
    choice: &session::GateChoice,
    after: &After<'_>,
    host: &dyn Host,
    lang: Lang,
) -> Result<PathBuf> {
    let (session, started) = (after.session, after.started);
    let phase = ctx.phase;
    let wb2 = host.reopen(&ctx.workbook.root)?;
    let state2 = fold(&wb2);
    // The gate follows the session just written.
    let after_session = Context {
        workbook: &wb2,
        state: &state2,
        phase,
        lang: ctx.lang,
        now: ctx.now,
        user: ctx.user.clone(),
    };
    let gate = session::gate_entry(&after_session, people, choice, started);
    let session_id = session
        .file_name()
        .and_then(|n| crate::log::entry_id_of(&n.to_string_lossy()).map(str::to_string));
    let done = wb2.entries.iter().find(|e| {
        e.entry.meta.kind == EntryKind::Gate
            && e.entry.meta.phase == gate.meta.phase
            && e.entry.body == gate.body
            && session_id
                .as_ref()
                .is_some_and(|id| e.entry.meta.follows.iter().flatten().any(|f| f == id))
    });
    if let Some(done) = done {
        return Ok(wb2.log_dir().join(&done.name));
    }
    if !gate_ready(&state2, phase) {
        // The session's hand-over is done; the refusal is final.
        after.draft.discard()?;
        bail!(Exit {
            code: crate::exit::ERROR,
            message: script
                .at_gate(tr!(
                    lang,
                    "sessionen skrevs ({}), men beslutspunkten är inte redo (krav är öppna), så beslutet i [gate] skrevs inte",
                    "the session was written ({}), but the gate is not ready (requirements are open), so the decision in [gate] was not written",
                    session.display()
                ))
                .to_string(),
        });
    }
    session::write_log_entry(&wb2, &gate, ctx.lang, lang)
}

/// The readiness assessment from the answers file. `None` when the file
/// has no answers.
fn assess(
    ctx: &Context<'_>,
    script: &mut AnswerScript,
    draft: &Draft,
    earlier: Option<&Saved>,
    lang: Lang,
) -> Result<Option<Vec<PathBuf>>> {
    let people = script.people(&People {
        facilitator: ctx.user.clone(),
        participants: Vec::new(),
    })?;
    let asked = readiness::run(ctx, script, &mut |_| Ok(()), &people, ctx.now, Vec::new())?;
    refuse_unasked(script, ctx.phase, lang)?;
    let Asked::Done(entry) = asked else {
        return Ok(None);
    };
    keep_a_draft_from_the_terminal(earlier, &entry, lang)?;
    let path = session::hand_over(ctx.workbook, draft, &entry, earlier, ctx.lang)?;
    Ok(Some(vec![path]))
}

/// Answers in the file the run never asked for: a mistake, and nothing is
/// written.
fn refuse_unasked(script: &AnswerScript, phase: &crate::pack::Phase, lang: Lang) -> Result<()> {
    let unasked = script.unasked(phase, lang);
    if unasked.is_empty() {
        return Ok(());
    }
    let lines: Vec<String> = unasked.iter().map(ToString::to_string).collect();
    bail!(
        "{}\n{}",
        tr!(
            lang,
            "svarsfilen passar inte projektet; inget skrevs:",
            "the answers file does not fit the project; nothing was written:"
        ),
        lines.join("\n")
    )
}

/// A draft that is not this run's own (stopped before its end: the same
/// phase and people, with answers this run gives too) is a session begun
/// at a terminal: it is kept, and nothing is written.
fn keep_a_draft_from_the_terminal(
    earlier: Option<&Saved>,
    entry: &Entry,
    lang: Lang,
) -> Result<()> {
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
    let records = |x: &Entry| match &x.body {
        Body::Records(r) => r.clone(),
        Body::Text(_) => Vec::new(),
    };
    let ours = records(entry);
    d.kind == e.kind
        && d.phase == e.phase
        && d.by == e.by
        && d.participants == e.participants
        && records(draft).iter().all(|r| ours.contains(r))
}

/// A draft whose entry is in the log already has done its work.
fn discard_handed_over(draft: &Draft, earlier: Option<&Saved>) -> Result<()> {
    match earlier {
        Some(Saved::HandedOver { .. }) => draft.discard(),
        _ => Ok(()),
    }
}
