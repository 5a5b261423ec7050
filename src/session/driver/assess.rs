//! The readiness assessment as a run: people, respondents in turn, the
//! entry by way of the draft, the chart against the first assessment where
//! the side shows results, and then each dimension below the pack's risk
//! line that no open risk names offered as a risk of its own, with owner
//! and due day (at a terminal; an answers file offers none).

use std::path::PathBuf;

use anyhow::Result;

use super::flow::Run;
use super::{Host, Stage};
use crate::log::Participant;
use crate::log::{ActionMark, Body, Entry, EntryKind, Meta};
use crate::session::readiness::{self, Asked, Begun, Keeping, Registered};
use crate::session::{Context, People, SessionUi};
use crate::state::fold;
use crate::text::terminal_md::visible;
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
        alone: Option<&str>,
    ) -> Result<Vec<PathBuf>> {
        self.ui.on_signal(Stage::Assessing)?;
        let registered = Registered::new(&ctx.workbook.root)?;
        let begun = match resume {
            Some(entry) => resumed(ctx, entry, &registered),
            None => self.begin(ctx, alone)?,
        };
        let alone = begun.alone.clone();
        let (started, people) = (begun.started, begun.people.clone());
        let (draft, keeps) = (&self.draft, self.ui.keeps_a_draft());
        let mut save = |entry: &Entry| if keeps { draft.save(entry) } else { Ok(()) };
        let mut remember = |names: &[String]| {
            if keeps {
                registered.save(started, names)
            } else {
                Ok(())
            }
        };
        let keep = Keeping {
            entry: &mut save,
            respondents: &mut remember,
        };
        let asked = readiness::run(ctx, self.ui, keep, begun)?;
        self.ui.all_asked(ctx.phase)?;
        let entry = match asked {
            Asked::Done(entry) => entry,
            Asked::Stopped => {
                self.host.note(&stopped_hint(alone.as_deref(), self.lang));
                return Ok(Vec::new());
            }
            Asked::Empty => {
                registered.clear()?;
                self.nothing_written(true)?;
                return Ok(Vec::new());
            }
        };
        let mut written = vec![self.hand_over(ctx, &entry)?];
        registered.clear()?;
        if let Some(name) = &alone {
            if self.ui.shows_results() {
                let own = own_answers(ctx, &entry, name, self.lang);
                self.ui.readiness_result(&|_| own.clone())?;
            }
            return Ok(written);
        }
        if self.ui.shows_results() {
            show_chart(ctx, self.ui, self.host)?;
        }
        written.extend(self.offer_risks(ctx, &entry, &people)?);
        Ok(written)
    }

    /// A new assessment: who takes part (asked; one answering alone is
    /// asked only their role), and when it began.
    fn begin(&mut self, ctx: &Context<'_>, alone: Option<&str>) -> Result<Begun> {
        let people = match alone {
            Some(name) => People {
                facilitator: name.to_string(),
                participants: vec![Participant {
                    name: name.to_string(),
                    role: self.ui.respondent_role(name)?,
                }],
                ..People::default()
            },
            None => self.ui.people(&crate::session::default_people(
                ctx.workbook,
                &ctx.phase.id,
                &ctx.user,
            ))?,
        };
        Ok(Begun {
            people,
            started: ctx.now,
            answered: Vec::new(),
            alone: alone.map(str::to_string),
        })
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
                roster: None,
                follows: Some(crate::session::follows(&wb)),
            },
            title: kind.label(wb.language()).to_string(),
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

/// A resumed assessment: who took part, when it began, what each
/// respondent answered so far (and those registered at this machine who
/// had not begun), and who answers alone, if one does.
fn resumed(ctx: &Context<'_>, entry: &Entry, registered: &Registered) -> Begun {
    let answered = readiness::from_draft(ctx, entry);
    let alone = entry
        .meta
        .alone
        .then(|| entry.meta.by.clone().unwrap_or_default());
    let answered = if alone.is_some() {
        answered
    } else {
        readiness::with_registered(answered, &registered.load(entry.meta.date))
    };
    Begun {
        people: People {
            facilitator: entry.meta.by.clone().unwrap_or_default(),
            participants: entry.meta.participants.clone(),
            ..People::default()
        },
        started: entry.meta.date,
        answered,
        alone,
    }
}

/// What is said when the room stops an assessment for now: how to go on.
fn stopped_hint(alone: Option<&str>, lang: crate::i18n::Lang) -> String {
    match alone {
        Some(name) => tr!(
            lang,
            "Sparat. `dino run readiness --respondent \"{name}\"` fortsätter där du slutade.",
            "Saved. `dino run readiness --respondent \"{name}\"` goes on where you stopped."
        ),
        None => lang
            .pick(
                "Sparat. `dino run readiness` fortsätter där ni slutade.",
                "Saved. `dino run readiness` goes on where you stopped.",
            )
            .to_string(),
    }
}

/// What one person answering alone sees at the end: their own answers,
/// statement by statement, and where the comparison is once everyone has
/// answered; nothing of anyone else's.
fn own_answers(ctx: &Context<'_>, entry: &Entry, name: &str, lang: crate::i18n::Lang) -> String {
    let mut out = tr!(lang, "Dina svar, {}:", "Your answers, {}:", visible(name));
    if let crate::log::Body::Records(records) = &entry.body {
        for record in records {
            let prompt = ctx
                .phase
                .item(&record.item)
                .map_or(record.prompt.as_str(), |i| i.prompt.get(ctx.lang));
            out.push_str(&format!(
                "\n  {:<7} {}",
                answer_shown(&record.answer, lang),
                visible(prompt)
            ));
        }
    }
    out.push_str("\n\n");
    out.push_str(lang.pick(
        "Ingen av de andra ser dina svar innan alla har svarat. När alla har svarat visar `dino status` och `dino report` svaren jämförda, per svarande och per roll.",
        "None of the others sees your answers before everyone has answered. Once everyone has, `dino status` and `dino report` show the answers compared, by respondent and by role.",
    ));
    out
}

/// A readiness answer as the person who gave it sees it again.
fn answer_shown(answer: &crate::log::Answer, lang: crate::i18n::Lang) -> String {
    match answer {
        crate::log::Answer::Text(value) => visible(value),
        crate::log::Answer::DontKnow => lang.pick("vet ej", "don't know").to_string(),
        _ => "–".to_string(),
    }
}

/// The chart, from the log as it is now: the latest against the first.
fn show_chart(ctx: &Context<'_>, session_ui: &mut dyn SessionUi, host: &dyn Host) -> Result<()> {
    let lang = host.lang_for(ctx.workbook.language());
    let wb = host.reopen(&ctx.workbook.root)?;
    let state = fold(&wb);
    let assessments = crate::state::readiness::first_and_latest(&state.readiness);
    if let (Some(readiness), Some((first, latest))) = (&wb.pack.readiness, assessments) {
        let chart = |width: Option<usize>| {
            let langs = (ctx.lang, lang);
            crate::report::readiness_chart::chart(readiness, latest, Some(first), langs, width)
        };
        session_ui.readiness_result(&chart)?;
    }
    Ok(())
}
