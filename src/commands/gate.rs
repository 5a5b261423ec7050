//! `dino gate [PHASE]`: where a phase's gate stands; `--check` for CI
//! (exit 3 unless it was passed); `--decision` to record a decision without
//! a session (at a terminal, asked like at the end of a session).

use std::io::IsTerminal;

use anyhow::{Result, bail};
use clap::{Args, ValueEnum};

use crate::exit::{Exit, FINDINGS};
use crate::i18n::Lang;
use crate::log::ActionMark;
use crate::pack::{Decision, Phase};
use crate::session::gate_room::GateRoom;
use crate::session::term_ui::TermUi;
use crate::session::{
    Context, CriterionGiven, GateAsk, GateChoice, People, SessionUi, default_people, gate_entry,
    write_log_entry,
};
use crate::state::{Current, GateState, PhaseState, State, fold};
use crate::tr;
use crate::ui::Ui;
use crate::workbook::Workbook;

/// Show a phase's gate, check it for CI, or record a decision
///
/// Without options, at a terminal, dino asks for the decision when the gate is
/// ready; elsewhere it prints the gate's state and its open items.
#[derive(Debug, Args)]
#[command(after_help = "For CI (docs/ci.md): dino -C WORKBOOK gate PHASE --check")]
pub struct GateArgs {
    /// The phase's id [default: the current phase]
    pub phase: Option<String>,

    /// Exit 3 unless the gate was passed (decided `go`); for CI
    #[arg(long, conflicts_with = "decision")]
    pub check: bool,

    /// Record this decision (with --why); `go` needs the required items done or
    /// not applicable, and every criterion met, deferred or not applicable
    #[arg(long, value_enum)]
    pub decision: Option<DecisionArg>,

    /// Who decided [default: DINO_USER, else git's user.name, else the login name]
    #[arg(long, value_name = "NAME", requires = "decision")]
    pub by: Option<String>,

    /// The reason recorded with the decision
    #[arg(long, value_name = "TEXT", requires = "decision")]
    pub why: Option<String>,

    /// A condition set with the decision: an action, with its --owner and
    /// --due (repeatable; the first --owner and --due go with the first
    /// --condition, and so on)
    #[arg(long, value_name = "TEXT", requires = "decision")]
    pub condition: Vec<String>,

    /// Who sees to the condition given in the same place; one more --owner
    /// than --condition sees to the deferred criteria
    #[arg(long, value_name = "NAME", requires = "decision")]
    pub owner: Vec<String>,

    /// When the condition given in the same place is due (YYYY-MM-DD); one
    /// more --due than --condition is when the deferred criteria are due
    #[arg(long, value_name = "DATE", requires = "decision")]
    pub due: Vec<String>,

    /// A gate criterion's status, by its id (`dino pack show`): ID=met,
    /// ID=not-met, ID=na:REASON, ID=deferred or ID=deferred:TEXT (an action,
    /// with the --owner and --due after the conditions'), or in Swedish
    /// ID=uppfyllt, ID=inte-uppfyllt, ID=ej:SKÄL, ID=skjuts-upp[:TEXT]; repeatable
    #[arg(long, value_name = "ID=STATUS", requires = "decision")]
    pub criterion: Vec<String>,

    /// The planned day of the next gate (YYYY-MM-DD); not with stop
    #[arg(long, value_name = "DATE", requires = "decision")]
    pub next: Option<String>,

    /// Commit the files written with git (outside a repository: a note, no commit)
    #[arg(long)]
    pub commit: bool,

    /// Whether the profile was asked about already in this run.
    #[arg(skip)]
    pub profile_asked: bool,
}

/// The decisions, each also by its Swedish name, with or without its
/// diacritics (`fortsätt`, `gör-om`, `pausa`, `avsluta`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DecisionArg {
    /// Go on to the next phase (in Swedish: fortsätt)
    #[value(aliases = ["fortsätt", "fortsatt"])]
    Go,
    /// Work on the phase again (in Swedish: gör-om)
    #[value(aliases = ["gör-om", "gor-om"])]
    Recycle,
    /// Pause the project here (in Swedish: pausa)
    #[value(alias = "pausa")]
    Pause,
    /// Stop the project: a legitimate outcome, logged like any other (in
    /// Swedish: avsluta)
    #[value(alias = "avsluta")]
    Stop,
}

impl DecisionArg {
    fn decision(self) -> Decision {
        match self {
            DecisionArg::Go => Decision::Go,
            DecisionArg::Recycle => Decision::Recycle,
            DecisionArg::Pause => Decision::Pause,
            DecisionArg::Stop => Decision::Stop,
        }
    }
}

pub fn run(args: GateArgs, ui: &Ui) -> Result<()> {
    let wb = super::workbooks::open_current(ui)?;
    let lang = ui.lang_for(wb.language());
    let text_lang = wb.pack.lang_for(wb.language());
    let state = fold(&wb);
    let index = phase_index(&wb, &state, args.phase.as_deref(), lang)?;
    let (Some(ps), Some(phase)) = (state.phases.get(index), wb.pack.phases.get(index)) else {
        bail!(tr!(
            lang,
            "paketet har inga faser",
            "the pack has no phases"
        ));
    };
    // The criteria that apply to this project are the gate's.
    let phase = &crate::state::gate_as_it_applies(&wb, &state, phase);
    let title = phase.title.get(text_lang);
    let gate_text = crate::report::status_view::gate_text(&ps.gate, lang);
    if args.check {
        let disputed = state
            .disagreements
            .iter()
            .any(|d| d.phase == ps.id && d.item.is_none());
        let reopened = reopened(&wb, ps);
        return check(ps, title, gate_text, (disputed, reopened), ui, lang);
    }
    super::committing::check_log(args.commit, &wb.root, ui, lang)?;
    let now = crate::session::clock::now(lang)?;
    let user = crate::session::clock::user();
    let ctx = Context {
        workbook: &wb,
        state: &state,
        phase,
        lang: text_lang,
        now,
        user: user.clone(),
    };
    let people = default_people(&wb, &phase.id, &user);
    let choice = match args.decision {
        Some(decision) => {
            crate::session::profile::remind_unsettled(&wb, lang);
            Some(given(decision, &args, &user, (phase, text_lang), lang)?)
        }
        None if !ui.no_input
            && std::io::stdin().is_terminal()
            && std::io::stderr().is_terminal() =>
        {
            if profile_changed_before(&wb, ps, &args, ui, lang)? {
                // The decision is taken on the profile as it is now.
                return run(args.profile_asked(), ui);
            }
            decided_at_terminal(&ctx, &people, lang)?
        }
        None => {
            crate::out::line(format_args!("{title}: {gate_text}"))?;
            for item in ps.open.iter().filter_map(|id| phase.item(id)) {
                crate::out::line(format_args!("  • {}", item.prompt.get(text_lang)))?;
            }
            print_criteria(ps, phase, (text_lang, lang))?;
            return Ok(());
        }
    };
    let Some(choice) = choice else {
        return Ok(());
    };
    refuse_go_with_open_requirements(ps, &choice, title, lang)?;
    if let Some(why) = choice.criteria_refusal(&phase.gate, text_lang, lang) {
        bail!(tr!(lang, "{title}: {why}", "{title}: {why}"));
    }
    // No session came before this decision: it is dated now.
    let earlier = crate::log::Stamp::new(
        now.at
            .checked_sub(jiff::SignedDuration::from_secs(1))
            .unwrap_or(now.at),
        now.offset,
    );
    let entry = gate_entry(&ctx, &people, &choice, earlier);
    let path = write_log_entry(&wb, &entry, text_lang, lang)?;
    // The decision is in the log: a reader that went away does not stop
    // the commit asked for.
    crate::out::unless_reader_left(crate::out::line(ui.shown(&path)))?;
    if args.commit {
        commit_decision(&wb, path, choice.decision, title, ui, lang)?;
    }
    Ok(())
}

/// Commits a decision (`--commit`), its subject naming the decision and
/// the gate.
fn commit_decision(
    wb: &Workbook,
    path: std::path::PathBuf,
    decision: Decision,
    title: &str,
    ui: &Ui,
    lang: Lang,
) -> Result<()> {
    let what = tr!(
        lang,
        "{} vid {title}",
        "{} at {title}",
        decision.label(lang).to_lowercase()
    );
    let message = super::committing::subject(&wb.file.name, &what);
    super::committing::commit(&wb.root, &[path], &message, ui, lang)
}

/// At a terminal: the gate screen for the room, and the decision if one
/// is taken (messages in `lang`).
fn decided_at_terminal(
    ctx: &Context<'_>,
    people: &People,
    lang: Lang,
) -> Result<Option<GateChoice>> {
    let ask = GateAsk::new(ctx.state, ctx.phase, people, ctx.lang);
    let room = GateRoom::gather(ctx.workbook, ctx.state, ctx.phase, ctx.now.date(), lang);
    TermUi::new(lang).gate(&ask.with_room(room))
}

/// The gate's criteria with their ids (which `--criterion` takes), and
/// the status the latest decision recorded for each.
fn print_criteria(ps: &PhaseState, phase: &Phase, (text_lang, lang): (Lang, Lang)) -> Result<()> {
    if phase.gate.criteria.is_empty() && ps.dropped_criteria.is_empty() {
        return Ok(());
    }
    crate::out::line(lang.pick("Kriterier:", "Criteria:"))?;
    for criterion in &phase.gate.criteria {
        let recorded = ps.criteria.iter().find(|c| c.id == criterion.id);
        let status = match recorded {
            Some(c) => format!(" — {}", criterion_in_words(&c.status, lang)),
            None => String::new(),
        };
        crate::out::line(format_args!(
            "  • {} ({}){status}",
            criterion.text.get(text_lang),
            criterion.id
        ))?;
    }
    for dropped in &ps.dropped_criteria {
        crate::out::line(format_args!(
            "  • {}",
            crate::report::status_view::dropped_criterion(dropped, lang)
        ))?;
    }
    Ok(())
}

/// A recorded criterion's status, with what goes with it: a reason not
/// applicable (on one line, made visible) and a deferred one's action.
fn criterion_in_words(status: &crate::state::CriterionStatus, lang: Lang) -> String {
    use crate::state::CriterionStatus;
    let word = crate::report::state_words::criterion_status(status, lang);
    match status {
        CriterionStatus::NotApplicable(reason) => crate::report::state_words::answer_in_line(
            &crate::log::Answer::NotApplicable(reason.clone()),
            lang,
        ),
        CriterionStatus::Deferred { action } => {
            tr!(lang, "{word} (åtgärd {action})", "{word} (action {action})")
        }
        _ => word.to_string(),
    }
}

impl GateArgs {
    /// The same arguments, once the profile was asked about.
    fn profile_asked(self) -> GateArgs {
        GateArgs {
            profile_asked: true,
            ..self
        }
    }
}

/// Before a decision at a terminal on a gate that may be decided, unless
/// asked already: the profile checked (`profile_changed_at_gate`).
fn profile_changed_before(
    wb: &Workbook,
    ps: &PhaseState,
    args: &GateArgs,
    ui: &Ui,
    lang: Lang,
) -> Result<bool> {
    let deciding = matches!(ps.gate, GateState::Ready | GateState::Decided { .. });
    if !deciding || args.profile_asked {
        return Ok(false);
    }
    profile_changed_at_gate(wb, args, ui, lang)
}

/// At a terminal, before the decision: the profile shown and whether it
/// still holds asked (and each unsettled answer asked again); what changed
/// is written as a `profile` entry before the gate's. Returns whether one
/// was written.
fn profile_changed_at_gate(wb: &Workbook, args: &GateArgs, ui: &Ui, lang: Lang) -> Result<bool> {
    if wb.pack.profile.is_empty() {
        return Ok(false);
    }
    ui.note(lang.pick("Projektprofilen:", "The project profile:"));
    for line in crate::session::profile::profile_lines(wb, lang) {
        ui.note(&line);
    }
    let mut prompter = crate::session::prompt::term::TermPrompter::new(lang);
    let changed = crate::session::profile::at_gate(&mut prompter, wb, lang)?;
    let changes: Vec<(&crate::pack::Item, crate::pack::condition::Value)> = changed
        .into_iter()
        .filter_map(|(id, value)| Some((wb.pack.profile.iter().find(|i| i.id == id)?, value)))
        .collect();
    if changes.is_empty() {
        return Ok(false);
    }
    let entry = crate::session::profile::profile_entry(wb, &changes, None, lang)?;
    let text_lang = wb.pack.lang_for(wb.language());
    let path = write_log_entry(wb, &entry, text_lang, lang)?;
    crate::out::unless_reader_left(crate::out::line(ui.shown(&path)))?;
    if args.commit {
        let what = lang.pick("projektprofilen ändrad", "the project profile changed");
        let message = super::committing::subject(&wb.file.name, what);
        super::committing::commit(&wb.root, &[path], &message, ui, lang)?;
    }
    Ok(true)
}

/// The index of the phase named, else of the current one (the last once
/// every gate is passed).
fn phase_index(wb: &Workbook, state: &State, named: Option<&str>, lang: Lang) -> Result<usize> {
    Ok(match named {
        Some(id) => match state.phases.iter().position(|p| p.id == id) {
            Some(i) => i,
            None => {
                let ids: Vec<&str> = wb.pack.phases.iter().map(|p| p.id.as_str()).collect();
                bail!(tr!(
                    lang,
                    "paketet har ingen fas `{id}`; faserna är {}",
                    "the pack has no phase `{id}`; its phases are {}",
                    ids.join(", ")
                ));
            }
        },
        None => match state.current {
            Current::Phase(i) | Current::Stopped(i) => i,
            // Every gate passed: the last one.
            Current::Finished => state.phases.len().saturating_sub(1),
        },
    })
}

/// `--check`: a note when the gate was passed, else exit 3 saying why.
fn check(
    ps: &PhaseState,
    title: &str,
    gate_text: String,
    (disputed, reopened): (bool, bool),
    ui: &Ui,
    lang: Lang,
) -> Result<()> {
    let why = if disputed {
        lang.pick(
            "beslutet är omstritt: två grenar beslutade olika, och inget senare beslut har sett båda (`dino status` visar dem; ett nytt `dino gate --decision …` avgör)",
            "the decision is disputed: two branches decided differently, and no later decision has seen both (`dino status` shows them; a new `dino gate --decision …` settles it)",
        )
        .to_string()
    } else if reopened {
        tr!(
            lang,
            "beslutet var att gå vidare, men {} av {} krav är öppna igen (efter en sammanslagning?)",
            "the decision was go, but {} of {} requirements are open again (after a merge?)",
            ps.open.len(),
            ps.required
        )
    } else if ps.passed() {
        ui.note(&tr!(lang, "{title}: {gate_text}", "{title}: {gate_text}"));
        return Ok(());
    } else {
        not_passed(ps, gate_text, lang)
    };
    Err(Exit {
        code: FINDINGS,
        message: tr!(
            lang,
            "beslutspunkten efter {title} är inte passerad: {why}",
            "the gate after {title} is not passed: {why}"
        ),
    }
    .into())
}

/// Whether a gate decided go, with the pack as it is now, has required
/// items open again: reopened since (a merge, a changed profile). One
/// decided with an earlier version of the pack stays passed when the new
/// version asks more; `dino status` shows what the pack changed.
fn reopened(wb: &Workbook, ps: &PhaseState) -> bool {
    let GateState::Decided { entry, .. } = ps.gate else {
        return false;
    };
    let version = &wb.entries[entry].entry.meta.pack_version;
    let same_pack = version.is_empty() || *version == wb.pack.version;
    ps.passed() && same_pack && !ps.open.is_empty()
}

/// Why a gate not decided go is not passed.
fn not_passed(ps: &PhaseState, gate_text: String, lang: Lang) -> String {
    match &ps.gate {
        GateState::Open => tr!(
            lang,
            "{} av {} krav klara",
            "{} of {} requirements done",
            ps.done,
            ps.required
        ),
        GateState::Ready => lang
            .pick(
                "kraven är klara men inget beslut är fattat",
                "the requirements are met but no decision is taken",
            )
            .to_string(),
        GateState::Decided { .. } => gate_text,
    }
}

/// The decision given with `--decision`, which needs a reason, with its
/// conditions and the next gate's day.
fn given(
    decision: DecisionArg,
    args: &GateArgs,
    user: &str,
    (phase, text_lang): (&Phase, Lang),
    lang: Lang,
) -> Result<GateChoice> {
    let Some(why) = args.why.clone().filter(|w| !w.trim().is_empty()) else {
        bail!(tr!(
            lang,
            "ett beslut behöver ett skäl: --why \"…\"",
            "a decision needs a reason: --why \"…\""
        ));
    };
    let decision = decision.decision();
    let next_gate = match &args.next {
        None => None,
        Some(_) if decision == Decision::Stop => bail!(tr!(
            lang,
            "ett avslutat projekt har ingen nästa beslutspunkt: ta bort --next",
            "a stopped project has no next gate: leave out --next"
        )),
        Some(text) => Some(day_of(text, "--next", lang)?),
    };
    // A deferred criterion's owner and due day are asked for by name first.
    let criteria = criteria(args, phase, text_lang, lang)?;
    let deferring = criteria
        .iter()
        .any(|(_, c)| matches!(c, CriterionGiven::Deferred(_)));
    Ok(GateChoice {
        decision,
        decided_by: args.by.clone().unwrap_or_else(|| user.to_string()),
        motivation: why,
        conditions: conditions(args, deferring, lang)?,
        next_gate,
        criteria,
    })
}

/// The criteria of `--criterion ID=STATUS`, each id one of the gate's,
/// given once.
fn criteria(
    args: &GateArgs,
    phase: &Phase,
    text_lang: Lang,
    lang: Lang,
) -> Result<Vec<(String, CriterionGiven)>> {
    let mut out: Vec<(String, CriterionGiven)> = Vec::new();
    for given in &args.criterion {
        let Some((id, status)) = given.split_once('=') else {
            bail!(tr!(
                lang,
                "--criterion {given}: skriv ID=STATUS, där STATUS är uppfyllt, inte-uppfyllt, ej:SKÄL eller skjuts-upp (eller met, not-met, na:SKÄL, deferred)",
                "--criterion {given}: write ID=STATUS, where STATUS is met, not-met, na:REASON or deferred"
            ));
        };
        let id = id.trim();
        let Some(criterion) = phase.gate.criterion(id) else {
            bail!(unknown_criterion(id, phase, lang));
        };
        if out.iter().any(|(have, _)| have == id) {
            bail!(tr!(
                lang,
                "--criterion {id} står två gånger; ge varje kriterium en status",
                "--criterion {id} is given twice; give each criterion one status"
            ));
        }
        let status =
            criterion_status(id, status.trim(), criterion.text.get(text_lang), args, lang)?;
        out.push((id.to_string(), status));
    }
    Ok(out)
}

/// Why `id` is none of the gate's criteria, with the closest one.
fn unknown_criterion(id: &str, phase: &Phase, lang: Lang) -> String {
    let ids: Vec<&str> = phase.gate.criteria.iter().map(|c| c.id.as_str()).collect();
    if ids.is_empty() {
        return tr!(
            lang,
            "--criterion {id}: beslutspunkten i fasen {} har inga kriterier",
            "--criterion {id}: the gate of phase {} has no criteria",
            phase.id
        );
    }
    let near = match crate::finding::closest(id, ids.iter().copied()) {
        Some(near) => tr!(lang, "; menade du `{near}`?", "; did you mean `{near}`?"),
        None => String::new(),
    };
    tr!(
        lang,
        "--criterion {id}: beslutspunkten har inget kriterium `{id}`{near} (kriterierna: {})",
        "--criterion {id}: the gate has no criterion `{id}`{near} (its criteria: {})",
        ids.join(", ")
    )
}

/// One criterion's status as written after `=`; a deferred one takes the
/// `--owner` and `--due` after the conditions', and its text, else the
/// criterion's own (`text`).
fn criterion_status(
    id: &str,
    status: &str,
    text: &str,
    args: &GateArgs,
    lang: Lang,
) -> Result<CriterionGiven> {
    if let Some((word, reason)) = ["na", "ej"]
        .iter()
        .find_map(|word| Some((word, status.strip_prefix(word)?.strip_prefix(':')?)))
    {
        if reason.trim().is_empty() {
            bail!(tr!(
                lang,
                "--criterion {id}={word}: ett kriterium som inte är tillämpligt behöver ett skäl: ej:SKÄL (eller na:SKÄL)",
                "--criterion {id}={word}: a criterion not applicable needs a reason: na:REASON"
            ));
        }
        return Ok(CriterionGiven::NotApplicable(reason.trim().to_string()));
    }
    match status {
        "met" | "uppfyllt" => return Ok(CriterionGiven::Met),
        "not-met" | "not_met" | "inte-uppfyllt" | "inte_uppfyllt" => {
            return Ok(CriterionGiven::NotMet);
        }
        _ => {}
    }
    let Some(own) = ["deferred", "skjuts-upp", "skjuts_upp"]
        .iter()
        .find_map(|word| status.strip_prefix(word))
        .filter(|rest| rest.is_empty() || rest.starts_with(':'))
    else {
        bail!(tr!(
            lang,
            "--criterion {id}={status}: okänd status; skriv uppfyllt, inte-uppfyllt, ej:SKÄL, skjuts-upp eller skjuts-upp:TEXT (eller met, not-met, na:SKÄL, deferred, deferred:TEXT)",
            "--criterion {id}={status}: unknown status; write met, not-met, na:REASON, deferred or deferred:TEXT"
        ));
    };
    let own = own.trim_start_matches(':').trim();
    let spare = args.condition.len();
    let owner = args
        .owner
        .get(spare)
        .map(|o| o.trim())
        .filter(|o| !o.is_empty());
    let Some(owner) = owner else {
        bail!(tr!(
            lang,
            "--criterion {id}=deferred: ett kriterium som skjuts upp behöver en ansvarig: en --owner till, efter villkorens",
            "--criterion {id}=deferred: a deferred criterion needs an owner: one more --owner, after the conditions'"
        ));
    };
    let Some(due) = args.due.get(spare) else {
        bail!(tr!(
            lang,
            "--criterion {id}=deferred: ett kriterium som skjuts upp behöver ett datum: en --due till, efter villkorens",
            "--criterion {id}=deferred: a deferred criterion needs a due day: one more --due, after the conditions'"
        ));
    };
    Ok(CriterionGiven::Deferred(ActionMark {
        n: 0,
        text: if own.is_empty() { text } else { own }.to_string(),
        owner: owner.to_string(),
        due: day_of(due, "--due", lang)?,
    }))
}

/// The conditions of `--condition`, `--owner` and `--due`, taken in
/// order: as many of each (one more `--owner` and `--due` when a criterion
/// is `deferring`), an owner not blank, a due day a real day.
fn conditions(args: &GateArgs, deferring: bool, lang: Lang) -> Result<Vec<ActionMark>> {
    let (texts, owners, dues) = (&args.condition, &args.owner, &args.due);
    // One more --owner and --due see to the deferred criteria.
    let wanted = texts.len() + usize::from(deferring);
    if owners.len() != wanted || dues.len() != wanted {
        if deferring {
            bail!(tr!(
                lang,
                "varje --condition behöver sin --owner och sin --due, och kriterierna som skjuts upp en --owner och en --due till: {} villkor, {} ansvariga, {} datum",
                "every --condition needs its --owner and its --due, and the deferred criteria one more --owner and --due: {} conditions, {} owners, {} dates",
                texts.len(),
                owners.len(),
                dues.len()
            ));
        }
        bail!(tr!(
            lang,
            "varje --condition behöver sin --owner och sin --due: {} villkor, {} ansvariga, {} datum",
            "every --condition needs its --owner and its --due: {} conditions, {} owners, {} dates",
            texts.len(),
            owners.len(),
            dues.len()
        ));
    }
    let mut out = Vec::new();
    for (n, ((text, owner), due)) in (1..).zip(texts.iter().zip(owners).zip(dues)) {
        let n: u32 = n;
        if text.trim().is_empty() {
            bail!(tr!(
                lang,
                "villkor {n} är tomt: skriv vad som ska göras i --condition",
                "condition {n} is empty: write what is to be done in --condition"
            ));
        }
        if owner.trim().is_empty() {
            bail!(tr!(
                lang,
                "villkor {n} har ingen ansvarig: skriv ett namn i --owner",
                "condition {n} has no owner: write a name in --owner"
            ));
        }
        out.push(ActionMark {
            n,
            text: text.trim().to_string(),
            owner: owner.trim().to_string(),
            due: day_of(due, "--due", lang)?,
        });
    }
    Ok(out)
}

/// The day `text` names (`YYYY-MM-DD`, a real day), or why not, for the
/// option `option`.
fn day_of(text: &str, option: &str, lang: Lang) -> Result<jiff::civil::Date> {
    crate::text::day::parse_day(text.trim()).ok_or_else(|| {
        anyhow::anyhow!(tr!(
            lang,
            "{option} {text}: inget datum; skriv en dag som finns, ÅÅÅÅ-MM-DD (2026-03-31)",
            "{option} {text}: not a date; write a day the calendar has, YYYY-MM-DD (2026-03-31)"
        ))
    })
}

/// Going on needs the requirements done or not applicable.
fn refuse_go_with_open_requirements(
    ps: &PhaseState,
    choice: &GateChoice,
    title: &str,
    lang: Lang,
) -> Result<()> {
    // Decided before or not: what a merge reopened is open.
    if choice.decision == Decision::Go && !ps.open.is_empty() {
        bail!(tr!(
            lang,
            "{title} har öppna krav ({} av {} klara); att fortsätta kräver att de är klara eller ej tillämpliga",
            "{title} has open requirements ({} of {} done); going on needs them done or not applicable",
            ps.done,
            ps.required
        ));
    }
    Ok(())
}
