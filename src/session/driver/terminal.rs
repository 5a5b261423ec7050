//! The terminal's side of a run: the people in the room, asked. An
//! unfinished draft is offered first, every answer is saved to the draft
//! as it is given, the room may go straight to a gate that is ready, sees
//! the summary and the chart, decides at the gate when it is ready, and is
//! offered the readiness assessment where the pack places it; after an
//! assessment, each dimension below the risk line that no open risk names
//! is offered as a risk with its owner and due day. A signal
//! ends the run cleanly, saying where it stands.

use anyhow::Result;

use super::{Resume, RunUi, Stage};
use crate::i18n::Lang;
use crate::log::{ActionMark, Entry, EntryKind, Stamp};
use crate::pack::Phase;
use crate::session::term_ui::TermUi;
use crate::session::{Context, GateAsk, GateChoice, SessionUi, signals};
use crate::text::terminal_md;
use crate::tr;

impl RunUi for TermUi {
    fn profile_at_gate(
        &mut self,
        wb: &crate::workbook::Workbook,
    ) -> Result<Vec<(String, crate::pack::condition::Value)>> {
        if wb.pack.profile.is_empty() {
            return Ok(Vec::new());
        }
        let lang = self.lang();
        crate::out::message(lang.pick("Projektprofilen:", "The project profile:"));
        for line in crate::session::profile::profile_lines(wb, lang) {
            crate::out::message(line);
        }
        let mut prompter = crate::session::prompt::term::TermPrompter::new(lang);
        crate::session::profile::at_gate(&mut prompter, wb, lang)
    }

    fn on_signal(&mut self, stage: Stage) -> Result<()> {
        let lang = self.lang();
        signals::install(
            match stage {
                Stage::Asking => lang.pick(
                    "Avbrutet. Alla svar är sparade i utkastet; `dino run` fortsätter där ni slutade.",
                    "Interrupted. Every answer is saved in the draft; `dino run` goes on where you stopped.",
                ),
                Stage::Deciding => lang.pick(
                    "Avbrutet. Sessionen är sparad i loggen, men inget beslut är fattat; `dino run` tar er direkt till beslutspunkten.",
                    "Interrupted. The session is in the log, but no decision was taken; `dino run` takes you straight to the gate.",
                ),
                Stage::Assessing => lang.pick(
                    "Avbrutet. Alla svar är sparade i utkastet; `dino run readiness` fortsätter skattningen där ni slutade, med alla svarande kvar.",
                    "Interrupted. Every answer is saved in the draft; `dino run readiness` goes on with the assessment where you stopped, every respondent still in.",
                ),
                Stage::OfferingRisks => lang.pick(
                    "Avbrutet. Skattningen är sparad i loggen; en risk som inte skrevs kan noteras med `dino note risk`.",
                    "Interrupted. The assessment is in the log; a risk not written may be noted with `dino note risk`.",
                ),
            }
            .to_string(),
        )
    }

    fn offers_drafts(&self) -> bool {
        true
    }

    fn resume(&mut self, draft: &Entry) -> Result<Resume> {
        if self.confirm(&go_on_question(draft, self.lang()), true)? {
            return Ok(Resume::GoOn);
        }
        let discard = self.confirm(
            self.lang().pick(
                "Kasta utkastet? Svaren i det går förlorade.",
                "Discard the draft? Its answers are lost.",
            ),
            false,
        )?;
        Ok(if discard {
            Resume::Discard
        } else {
            Resume::Keep
        })
    }

    fn prepare(&mut self, _: &Context<'_>) -> Result<()> {
        Ok(())
    }

    fn keeps_a_draft(&self) -> bool {
        true
    }

    fn all_asked(&self, _: &Phase) -> Result<()> {
        Ok(())
    }

    fn offers_the_gate_first(&self) -> bool {
        true
    }

    fn straight_to_gate(&mut self) -> Result<bool> {
        self.confirm(
            self.lang().pick(
                "Alla krav i fasen är uppfyllda. Gå direkt till beslutspunkten?",
                "Every requirement of the phase is met. Go straight to the gate?",
            ),
            true,
        )
    }

    fn only_open(&mut self) -> Result<bool> {
        self.which_items()
    }

    fn nothing_answered(&self, readiness: bool) -> Option<&'static str> {
        (!readiness).then(|| {
            self.lang().pick(
                "Inget besvarades; ingen post skrevs.",
                "Nothing was answered; no entry was written.",
            )
        })
    }

    fn keeps_the_draft_to_the_end(&self) -> bool {
        false
    }

    fn shows_results(&self) -> bool {
        true
    }

    fn may_decide(&self) -> bool {
        true
    }

    fn decision(&mut self, ask: &GateAsk<'_>, ready: bool) -> Result<Option<GateChoice>> {
        if !ready {
            return Ok(None);
        }
        self.gate(ask)
    }

    fn decided_at(&self, _: Stamp, lang: Lang) -> Result<Stamp> {
        crate::session::clock::now(lang)
    }

    fn refused_decision(&self, message: String) -> String {
        message
    }

    fn take_assessment(&mut self, phase: &str) -> Result<bool> {
        self.confirm(
            &tr!(
                self.lang(),
                "Självskattningen av förutsättningar hör till fasen {}. Gör den nu?",
                "The readiness assessment belongs to the phase {}. Run it now?",
                phase
            ),
            true,
        )
    }

    fn low_dimension_risk(
        &mut self,
        title: &str,
        mean: f64,
        text: &str,
        people: &[String],
    ) -> Result<Option<ActionMark>> {
        let lang = self.lang();
        let question = tr!(
            lang,
            "{} ligger under risklinjen ({}). Skriv den som en risk?",
            "{} is below the risk line ({}). Note it as a risk?",
            terminal_md::visible(title),
            crate::i18n::one_decimal(mean, lang)
        );
        if !self.confirm(&question, false)? {
            return Ok(None);
        }
        self.new_action(people, lang.pick("Risk", "Risk"), text)
    }
}

/// Whether to go on with the unfinished session `entry`, asked in `lang`.
fn go_on_question(entry: &Entry, lang: Lang) -> String {
    let phase = entry.meta.phase.clone().unwrap_or_default();
    let answers = super::flow::records_of(entry).len();
    if entry.meta.kind == EntryKind::Readiness && entry.meta.alone {
        tr!(
            lang,
            "{}s egna svar på självskattningen av förutsättningar från {} avbröts med {answers} svar. Fortsätta dem?",
            "{}'s own answers to the readiness assessment from {} stopped with {answers} answers. Go on with them?",
            crate::text::terminal_md::visible(entry.meta.by.as_deref().unwrap_or_default()),
            entry.meta.date.short()
        )
    } else if entry.meta.kind == EntryKind::Readiness {
        tr!(
            lang,
            "En självskattning av förutsättningar från {} avbröts med {answers} svar. Fortsätta den?",
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
