//! The readiness assessment as a run: people, respondents in turn, the
//! entry by way of the draft, and the chart against the first assessment
//! where the side shows results.

use std::path::PathBuf;

use anyhow::Result;

use super::Host;
use super::flow::Run;
use crate::log::Entry;
use crate::session::readiness::{self, Answered, Asked};
use crate::session::{Context, People, SessionUi};
use crate::state::fold;

impl Run<'_> {
    /// A readiness assessment: who takes part (from `resume`, a draft gone
    /// on with, else asked), each respondent in turn, then the entry and
    /// the chart. Returns the entry written, if any; `None` when the room
    /// stopped for now or answered nothing (said in a note).
    pub(super) fn assess(
        &mut self,
        ctx: &Context<'_>,
        resume: Option<&Entry>,
    ) -> Result<Option<PathBuf>> {
        let (people, started, answered) = match resume {
            Some(entry) => resumed(ctx, entry),
            None => (
                self.ui.people(&People {
                    facilitator: ctx.user.clone(),
                    participants: Vec::new(),
                })?,
                ctx.now,
                Vec::new(),
            ),
        };
        let (draft, keeps) = (&self.draft, self.ui.keeps_a_draft());
        let mut save = |entry: &Entry| if keeps { draft.save(entry) } else { Ok(()) };
        let asked = readiness::run(ctx, self.ui, &mut save, &people, started, answered)?;
        self.ui.all_asked(ctx.phase)?;
        let entry = match asked {
            Asked::Done(entry) => entry,
            Asked::Stopped => {
                self.host.note(self.lang.pick(
                    "Sparat. `dino run readiness` fortsätter där ni slutade.",
                    "Saved. `dino run readiness` goes on where you stopped.",
                ));
                return Ok(None);
            }
            Asked::Empty => {
                self.nothing_written(true)?;
                return Ok(None);
            }
        };
        let path = self.hand_over(ctx, &entry)?;
        if self.ui.shows_results() {
            show_chart(ctx, self.ui, self.host)?;
        }
        Ok(Some(path))
    }
}

/// Who took part in a resumed assessment, when it began, and what each
/// respondent answered so far.
fn resumed(ctx: &Context<'_>, entry: &Entry) -> (People, crate::log::Stamp, Vec<Answered>) {
    (
        People {
            facilitator: entry.meta.by.clone().unwrap_or_default(),
            participants: entry.meta.participants.clone(),
        },
        entry.meta.date,
        readiness::from_draft(ctx, entry),
    )
}

/// The chart, from the log as it is now: the latest against the first.
fn show_chart(ctx: &Context<'_>, session_ui: &mut dyn SessionUi, host: &dyn Host) -> Result<()> {
    let lang = host.lang_for(ctx.workbook.language());
    let wb = host.reopen(&ctx.workbook.root)?;
    let state = fold(&wb);
    let assessments = crate::state::readiness::first_and_latest(&state.readiness);
    if let (Some(readiness), Some((first, latest))) = (&wb.pack.readiness, assessments) {
        let chart =
            crate::report::readiness_chart::chart(readiness, latest, Some(first), ctx.lang, lang);
        session_ui.readiness_result(&chart)?;
    }
    Ok(())
}
