//! The readiness assessment as a run: people, respondents in turn, and the
//! chart against the first assessment.

use std::path::PathBuf;

use anyhow::Result;

use crate::log::Entry;
use crate::session::files::Draft;
use crate::session::readiness::{self, Asked};
use crate::session::{Context, People, SessionUi, hand_over};
use crate::state::fold;
use crate::ui::Ui;

/// A readiness assessment: who takes part, each respondent in turn, then the
/// chart against the first assessment. Returns the entry written, if any.
pub(super) fn assess(
    ctx: &Context<'_>,
    session_ui: &mut dyn SessionUi,
    draft: &Draft,
    resume: Option<&Entry>,
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
    let mut save = |entry: &Entry| draft.save(entry);
    let entry = match readiness::run(ctx, session_ui, &mut save, &people, started, answered)? {
        Asked::Done(entry) => entry,
        Asked::Stopped => {
            ui.note(lang.pick(
                "Sparat. `dino run readiness` fortsätter där ni slutade.",
                "Saved. `dino run readiness` goes on where you stopped.",
            ));
            return Ok(Vec::new());
        }
        Asked::Empty => {
            draft.discard()?;
            return Ok(Vec::new());
        }
    };
    let path = hand_over(ctx.workbook, draft, &entry, None, ctx.lang)?;
    draft.discard()?;
    // The chart, from the log as it is now: the latest against the first.
    let wb = crate::commands::workbooks::open(&ctx.workbook.root, ui)?;
    let state = fold(&wb, lang);
    let assessments = crate::state::readiness::first_and_latest(&state.readiness);
    if let (Some(readiness), Some((first, latest))) = (&wb.pack.readiness, assessments) {
        let chart =
            crate::report::readiness_chart::chart(readiness, latest, Some(first), ctx.lang, lang);
        session_ui.readiness_result(&chart)?;
    }
    Ok(vec![path])
}
