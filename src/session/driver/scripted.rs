//! The answers file's side of a run (docs/answers-format.md): the file,
//! read and checked once the run's phase is known, stands in for the room.
//! It offers no draft and saves none as it goes: the run is in memory
//! until its entry, and nothing is written on a mistake (an answer the run
//! never asked for among them). It shows nothing but what was written,
//! decides at the gate only by its `[gate]`, as of the run's start, and
//! keeps the draft to the very end, so that a run stopped anywhere is
//! finished by running it again.

use std::path::Path;

use anyhow::{Result, anyhow, bail};

use super::{Resume, RunUi, Stage};
use crate::i18n::Lang;
use crate::log::{ActionMark, Entry, Record, Stamp};
use crate::pack::{Item, Phase};
use crate::session::answers_file::AnswerScript;
use crate::session::{Context, GateAsk, GateChoice, People, Question, Reply, SessionUi};
use crate::tr;

/// An answers file, read once the run's phase is known.
pub(super) struct FromFile<'a> {
    file: &'a Path,
    /// The language of messages.
    lang: Lang,
    script: Option<AnswerScript>,
    /// A line for each unsettled profile answer (a "maybe"), said once
    /// before the file's decision, as `dino gate --decision` says them:
    /// the file changes no profile answer.
    reminders: Vec<String>,
}

impl<'a> FromFile<'a> {
    pub(super) fn new(file: &'a Path, lang: Lang) -> FromFile<'a> {
        FromFile {
            file,
            lang,
            script: None,
            reminders: Vec::new(),
        }
    }

    /// The reminders on stderr, once, when a decision is `taken`.
    fn remind_if(&mut self, taken: bool) {
        if taken {
            for line in std::mem::take(&mut self.reminders) {
                crate::out::message(line);
            }
        }
    }

    /// The file as read; asked for only after [`RunUi::prepare`].
    fn script(&mut self) -> Result<&mut AnswerScript> {
        self.script
            .as_mut()
            .ok_or_else(|| anyhow!("the answers file is read once the phase is known"))
    }
}

/// The answers file, read and checked against the run, or every mistake
/// in it.
fn read_script(file: &Path, ctx: &Context<'_>, lang: Lang) -> Result<AnswerScript> {
    let src = crate::pack::source::read_text(file, file.display().to_string())
        .map_err(|f| anyhow!("{f}"))?
        .with_lf_line_ends();
    crate::session::answers_file::read(&src, ctx, lang).map_err(|findings| {
        let lines: Vec<String> = findings.iter().map(ToString::to_string).collect();
        anyhow!(
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

impl SessionUi for FromFile<'_> {
    fn intro(&mut self, _: &Phase, _: Lang) -> Result<()> {
        Ok(())
    }

    fn people(&mut self, default: &People) -> Result<People> {
        self.script()?.people(default)
    }

    fn ask(&mut self, question: &Question<'_>) -> Result<Reply> {
        self.script()?.ask(question)
    }

    fn revisit(&mut self, skipped: &[&Item], lang: Lang) -> Result<bool> {
        self.script()?.revisit(skipped, lang)
    }

    fn summary(&mut self, _: &Phase, _: &[Record], _: &[&Item], _: Lang) -> Result<()> {
        Ok(())
    }

    fn gate(&mut self, ask: &GateAsk<'_>) -> Result<Option<GateChoice>> {
        let choice = self.script()?.gate(ask)?;
        self.remind_if(choice.is_some());
        Ok(choice)
    }

    fn respondents(&mut self, so_far: &[String]) -> Result<Vec<String>> {
        self.script()?.respondents(so_far)
    }

    fn respondent_turn(&mut self, respondent: &str) -> Result<()> {
        self.script()?.respondent_turn(respondent)
    }

    fn readiness_result(&mut self, _: &dyn Fn(Option<usize>) -> String) -> Result<()> {
        Ok(())
    }
}

impl RunUi for FromFile<'_> {
    fn on_signal(&mut self, _: Stage) -> Result<()> {
        Ok(())
    }

    fn offers_drafts(&self) -> bool {
        false
    }

    fn resume(&mut self, _: &Entry) -> Result<Resume> {
        Ok(Resume::Keep)
    }

    fn prepare(&mut self, ctx: &Context<'_>) -> Result<()> {
        self.script = Some(read_script(self.file, ctx, self.lang)?);
        self.reminders = crate::session::profile::unsettled_reminders(ctx.workbook, self.lang);
        Ok(())
    }

    fn keeps_a_draft(&self) -> bool {
        false
    }

    fn all_asked(&self, phase: &Phase) -> Result<()> {
        let Some(script) = &self.script else {
            return Ok(());
        };
        let unasked = script.unasked(phase, self.lang);
        if unasked.is_empty() {
            return Ok(());
        }
        let lines: Vec<String> = unasked.iter().map(ToString::to_string).collect();
        bail!(
            "{}\n{}",
            tr!(
                self.lang,
                "svarsfilen passar inte projektet; inget skrevs:",
                "the answers file does not fit the project; nothing was written:"
            ),
            lines.join("\n")
        )
    }

    fn offers_the_gate_first(&self) -> bool {
        false
    }

    fn straight_to_gate(&mut self) -> Result<bool> {
        Ok(false)
    }

    fn nothing_answered(&self, _: bool) -> Option<&'static str> {
        Some(self.lang.pick(
            "Svarsfilen har inga svar; ingen post skrevs.",
            "The answers file has no answers; no entry was written.",
        ))
    }

    fn keeps_the_draft_to_the_end(&self) -> bool {
        true
    }

    fn shows_results(&self) -> bool {
        false
    }

    fn may_decide(&self) -> bool {
        self.script
            .as_ref()
            .is_some_and(|s| s.gate_choice().is_some())
    }

    fn decision(&mut self, _: &GateAsk<'_>, _: bool) -> Result<Option<GateChoice>> {
        let choice = self.script()?.gate_choice();
        self.remind_if(choice.is_some());
        Ok(choice)
    }

    fn decided_at(&self, start: Stamp, _: Lang) -> Result<Stamp> {
        Ok(start)
    }

    fn refused_decision(&self, message: String) -> String {
        match &self.script {
            Some(script) => script.at_gate(message).to_string(),
            None => message,
        }
    }

    fn take_assessment(&mut self, _: &str) -> Result<bool> {
        Ok(false)
    }

    fn low_dimension_risk(
        &mut self,
        _: &str,
        _: f64,
        _: &str,
        _: &[String],
    ) -> Result<Option<ActionMark>> {
        Ok(None)
    }
}
