//! The readiness assessment as a run: people, respondents in turn, the
//! entry by way of the draft, the chart against the first assessment where
//! the side shows results, and then each dimension below the pack's risk
//! line that no open risk names offered as a risk of its own, with owner
//! and due day (at a terminal; an answers file offers none).

use std::path::PathBuf;

use anyhow::Result;

use super::flow::Run;
use super::{Host, Stage};
use crate::log::{ActionMark, Body, Entry, EntryKind, Meta};
use crate::session::readiness::{self, Answered, Asked};
use crate::session::{Context, People, SessionUi};
use crate::state::fold;
use crate::tr;

impl Run<'_> {
    /// A readiness assessment: who takes part (from `resume`, a draft gone
    /// on with, else asked), each respondent in turn, then the entry and
    /// the chart, then the risks offered. Returns what was written: the
    /// entry, then each risk; nothing when the room stopped for now or
    /// answered nothing (said in a note).
    pub(super) fn assess(
        &mut self,
        ctx: &Context<'_>,
        resume: Option<&Entry>,
    ) -> Result<Vec<PathBuf>> {
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
                return Ok(Vec::new());
            }
            Asked::Empty => {
                self.nothing_written(true)?;
                return Ok(Vec::new());
            }
        };
        let mut written = vec![self.hand_over(ctx, &entry)?];
        if self.ui.shows_results() {
            show_chart(ctx, self.ui, self.host)?;
        }
        written.extend(self.offer_risks(ctx, &entry, &people)?);
        Ok(written)
    }

    /// Each dimension of the latest assessment below the pack's risk line
    /// that no open risk names, offered as a risk: its text names the
    /// dimension's title, so that it is not offered again. Returns the
    /// risks written.
    fn offer_risks(
        &mut self,
        ctx: &Context<'_>,
        assessed: &Entry,
        people: &People,
    ) -> Result<Vec<PathBuf>> {
        let wb = self.host.reopen(&ctx.workbook.root)?;
        let low = crate::state::readiness::low_without_risk(&wb, &fold(&wb));
        let Some(readiness) = wb.pack.readiness.as_ref().filter(|_| !low.is_empty()) else {
            return Ok(Vec::new());
        };
        self.ui.on_signal(Stage::OfferingRisks)?;
        let mut written = Vec::new();
        for dimension in &low {
            let Some(d) = readiness.dimensions.iter().find(|d| d.id == dimension.id) else {
                continue;
            };
            let title = d.title.get(ctx.lang);
            let text = tr!(
                ctx.lang,
                "{title} ligger under risklinjen: medelvärdet i skattningen är {}.",
                "{title} is below the risk line: the assessment's mean is {}.",
                crate::i18n::one_decimal(dimension.mean, ctx.lang)
            );
            let names = people.names();
            let offered = self
                .ui
                .low_dimension_risk(title, dimension.mean, &text, &names)?;
            if let Some(risk) = offered {
                written.extend(self.write_risk(ctx, assessed, &people.facilitator, risk)?);
            }
        }
        Ok(written)
    }

    /// A risk taken up after the assessment, written as a note entry of
    /// its own (once, read back first): in the assessment's phase, after
    /// the log's newest, by the facilitator. A text an entry cannot hold is
    /// told, and nothing written.
    fn write_risk(
        &self,
        ctx: &Context<'_>,
        assessed: &Entry,
        by: &str,
        risk: ActionMark,
    ) -> Result<Option<PathBuf>> {
        let wb = self.host.reopen(&ctx.workbook.root)?;
        let lang = self.host.lang_for(wb.language());
        if let Err(e) = crate::session::note_text::refuse_unwritable(&risk.text, lang) {
            self.host.note(&e.to_string());
            return Ok(None);
        }
        let kind = EntryKind::Risk;
        let entry = Entry {
            meta: Meta {
                alone: false,
                kind,
                date: crate::session::clock::now(lang)?,
                phase: assessed.meta.phase.clone(),
                by: Some(by.trim().to_string()).filter(|b| !b.is_empty()),
                participants: Vec::new(),
                pack: wb.pack.id.clone(),
                pack_version: wb.pack.version.clone(),
                closes: Vec::new(),
                owner: Some(risk.owner),
                due: Some(risk.due),
                mitigation: None,
                measure: None,
                follows: Some(crate::session::follows(&wb)),
            },
            title: kind.label(lang).to_string(),
            body: Body::Text(risk.text),
        };
        let mark = crate::session::files::NoteMark::new(&wb.root, &entry, lang)?;
        let path = match mark.written(&entry) {
            Some(done) => done,
            None => crate::session::hand_over_note(&wb, &mark, &entry, lang)?,
        };
        mark.clear()?;
        self.host.note(&tr!(
            lang,
            "skrev risken i loggen",
            "wrote the risk to the log"
        ));
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
