//! A facilitated session: one phase's applicable items asked in order, with
//! stepping back and skipping, every answer saved to the draft at once, and
//! one entry written at the end. The engine talks to people only through
//! `SessionUi`, so it runs the same from a terminal and from an answers file.

pub mod answers_file;
pub mod clock;
pub mod driver;
pub mod files;
pub mod gate_room;
pub mod lock;
pub mod note_text;
pub mod profile;
pub mod prompt;
pub mod readiness;
pub mod signals;
pub mod term_ui;

use std::collections::BTreeMap;
use std::path::PathBuf;

use anyhow::Result;

use crate::i18n::Lang;
use crate::log::{ActionMark, Answer, Body, Entry, EntryKind, Meta, Participant, Record, Stamp};
use crate::pack::condition::{Answers, Name, Value};
use crate::pack::{Decision, Gate, Item, Phase};
use crate::state::answer::{Given, interpret, to_answer};
use crate::state::{Latest, State};
use crate::tr;
use crate::workbook::Workbook;
use files::{Draft, NoteMark, Saved};

/// Who leads the session and who takes part.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct People {
    pub facilitator: String,
    pub participants: Vec<Participant>,
    /// Everyone on the project's roster, to choose from (a default only).
    pub roster: Vec<Participant>,
    /// Who decided the last gate, offered as the one who decides (a
    /// default only); empty when no gate was decided.
    pub decider: String,
}

impl People {
    /// Their names, the facilitator first, each once: who may own an
    /// action.
    pub fn names(&self) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        let all =
            std::iter::once(&self.facilitator).chain(self.participants.iter().map(|p| &p.name));
        for name in all {
            let name = name.trim();
            if !name.is_empty() && !names.iter().any(|n| n == name) {
                names.push(name.to_string());
            }
        }
        names
    }
}

/// One item put to the room.
pub struct Question<'a> {
    pub phase: &'a Phase,
    pub item: &'a Item,
    /// The language of the pack's texts.
    pub lang: Lang,
    /// The answer so far: given in this session, or the latest one before.
    pub current: Option<&'a Given>,
    pub note: Option<&'a str>,
    /// Its place among the applicable items (1-based) and their number.
    pub number: usize,
    pub total: usize,
    pub can_go_back: bool,
    /// Whether "don't know" is offered (readiness statements).
    pub dont_know: bool,
    /// Who takes part: the owners an action raised here is offered.
    pub people: &'a People,
    /// The actions raised beside the item in this session so far.
    pub actions: &'a [ActionMark],
    /// Whether an action may be raised here (not in a readiness
    /// assessment, whose entry holds statements only).
    pub raises_actions: bool,
    /// The diagnostic's verdict on the answers so far, shown before the
    /// item where the team records which way they go (the pack's `track`).
    pub verdict: Option<String>,
    /// The session's day: no measurement or baseline after it.
    pub today: jiff::civil::Date,
    /// For a measurement, its indicator's baseline day (answered in this
    /// session, else as the log has it), when the indicator is defined.
    pub baseline: Option<jiff::civil::Date>,
}

/// The baseline day of the indicator a measurement item measures:
/// answered in this session, else as the log has it.
fn baseline_of(ctx: &Context<'_>, progress: &Progress, item: &Item) -> Option<jiff::civil::Date> {
    let crate::pack::Kind::Measurement { indicator, .. } = &item.kind else {
        return None;
    };
    let phase = indicator.phase.as_deref().unwrap_or(&ctx.phase.id);
    let here = (phase == ctx.phase.id)
        .then(|| progress.answers.get(&indicator.item).map(|(g, _)| g))
        .flatten();
    let given = here.or_else(|| {
        ctx.state
            .answers
            .get(&(phase.to_string(), indicator.item.clone()))
            .map(|l| &l.given)
    });
    match given {
        Some(Given::Indicator(i)) => Some(i.baseline_date),
        _ => None,
    }
}

/// What the room said.
#[derive(Clone, Debug, PartialEq)]
pub enum Reply {
    Answer {
        given: Given,
        note: Option<String>,
    },
    /// Go back to the item before, to change it.
    Back,
    /// Leave it for now; it is offered again at the end.
    Skip,
    /// Stop here; the draft keeps everything for the next `dino run`.
    Quit,
    /// An action raised beside the item (its `n` is given when the entry
    /// is made); saved at once, and the item asked again. `note` is the
    /// note written so far, kept for when the item is answered.
    Raise {
        action: ActionMark,
        note: Option<String>,
    },
}

/// A gate decision as asked at the end of a session.
#[derive(Clone, Debug, PartialEq)]
pub struct GateChoice {
    pub decision: Decision,
    pub decided_by: String,
    pub motivation: String,
    /// Conditions set with the decision: actions beside its `decision`
    /// record (their `n` is given when the entry is made).
    pub conditions: Vec<ActionMark>,
    /// The planned day of the next gate, if one is set.
    pub next_gate: Option<jiff::civil::Date>,
    /// The gate's criteria recorded with the decision, by id; those left
    /// out are unrecorded.
    pub criteria: Vec<(String, CriterionGiven)>,
}

/// A criterion's status as given at a gate.
#[derive(Clone, Debug, PartialEq)]
pub enum CriterionGiven {
    Met,
    NotMet,
    /// Left for later: the action that sees to it (its `n` is given when
    /// the entry is made).
    Deferred(ActionMark),
    /// With its reason.
    NotApplicable(String),
}

impl CriterionGiven {
    /// Whether a `go` may leave the criterion so.
    pub fn lets_go(&self) -> bool {
        !matches!(self, CriterionGiven::NotMet)
    }
}

impl GateChoice {
    /// Whether a decision asks for conditions: `recycle` always, and `go`
    /// when items are left for later (`deferred`).
    pub fn asks_conditions(decision: Decision, deferred: bool) -> bool {
        decision == Decision::Recycle || (decision == Decision::Go && deferred)
    }

    /// What the decision records of `criterion`, if anything.
    pub fn criterion(&self, id: &str) -> Option<&CriterionGiven> {
        self.criteria.iter().find(|(c, _)| c == id).map(|(_, g)| g)
    }

    /// Why a `go` may not be written with the criteria given: every
    /// criterion of `gate` must be met, deferred or not applicable. Says
    /// which are not met and which are not recorded, in `lang`, with their
    /// texts in `text_lang`.
    pub fn criteria_refusal(&self, gate: &Gate, text_lang: Lang, lang: Lang) -> Option<String> {
        if self.decision != Decision::Go {
            return None;
        }
        let named = |wanted: fn(Option<&CriterionGiven>) -> bool| -> Vec<String> {
            gate.criteria
                .iter()
                .filter(|c| wanted(self.criterion(&c.id)))
                .map(|c| format!("{} ({})", c.text.get(text_lang), c.id))
                .collect()
        };
        let not_met = named(|g| g.is_some_and(|g| !g.lets_go()));
        let unrecorded = named(|g| g.is_none());
        if not_met.is_empty() && unrecorded.is_empty() {
            return None;
        }
        let mut parts = Vec::new();
        if !not_met.is_empty() {
            parts.push(tr!(
                lang,
                "inte uppfyllt: {}",
                "not met: {}",
                not_met.join("; ")
            ));
        }
        if !unrecorded.is_empty() {
            parts.push(tr!(
                lang,
                "inte angivet: {}",
                "not recorded: {}",
                unrecorded.join("; ")
            ));
        }
        Some(tr!(
            lang,
            "att fortsätta kräver att varje kriterium är uppfyllt, skjuts upp (med en åtgärd) eller inte är tillämpligt; {}",
            "going on needs every criterion met, deferred (as an action) or not applicable; {}",
            parts.join("; ")
        ))
    }
}

/// What a gate decision is asked with.
pub struct GateAsk<'a> {
    pub phase: &'a Phase,
    /// Who takes part: the facilitator is offered as the one who decided,
    /// everyone as the owner of a condition.
    pub people: &'a People,
    /// What going on leaves for later: the applicable optional items with
    /// no answer and the items marked not applicable, in pack order.
    pub deferred: Vec<&'a Item>,
    /// The language of the pack's texts.
    pub lang: Lang,
    /// What the room weighs besides the criteria: the gate's help, the
    /// diagnostic's verdict, the open risks, the overdue actions.
    pub room: gate_room::GateRoom,
}

impl<'a> GateAsk<'a> {
    /// The gate of `phase` as `state` has it, asked of `people`.
    pub fn new(state: &State, phase: &'a Phase, people: &'a People, lang: Lang) -> GateAsk<'a> {
        GateAsk {
            phase,
            people,
            deferred: deferred(state, phase),
            lang,
            room: gate_room::GateRoom::default(),
        }
    }

    /// The same, shown with what `room` gathered.
    pub fn with_room(self, room: gate_room::GateRoom) -> GateAsk<'a> {
        GateAsk { room, ..self }
    }
}

/// The items of `phase` that going on leaves for later in `state`: the
/// applicable optional items with no answer, and those marked not
/// applicable.
pub fn deferred<'a>(state: &State, phase: &'a Phase) -> Vec<&'a Item> {
    let unanswered: Vec<&String> = state
        .phases
        .iter()
        .filter(|p| p.id == phase.id)
        .flat_map(|p| &p.unanswered)
        .collect();
    phase
        .items
        .iter()
        .filter(|item| {
            unanswered.contains(&&item.id)
                || state
                    .answers
                    .get(&(phase.id.clone(), item.id.clone()))
                    .is_some_and(|l| matches!(l.given, Given::NotApplicable(_)))
        })
        .collect()
}

/// The people at the terminal, or a script standing in for them.
pub trait SessionUi {
    /// Shows the phase's purpose and guidance.
    fn intro(&mut self, phase: &Phase, lang: Lang) -> Result<()>;
    /// Asks who leads and who takes part, starting from `default`.
    fn people(&mut self, default: &People) -> Result<People>;
    fn ask(&mut self, question: &Question<'_>) -> Result<Reply>;
    /// Items were skipped: go back to them now?
    fn revisit(&mut self, skipped: &[&Item], lang: Lang) -> Result<bool>;
    /// Shows what the session recorded and what is still open.
    fn summary(
        &mut self,
        phase: &Phase,
        records: &[Record],
        open: &[&Item],
        lang: Lang,
    ) -> Result<()>;
    /// The gate's criteria are met: decide now? `None` leaves it for later.
    fn gate(&mut self, ask: &GateAsk<'_>) -> Result<Option<GateChoice>>;
    /// Who answers a readiness assessment, one by one (roles or names);
    /// empty when the group answers as one. `so_far` are those of a draft.
    fn respondents(&mut self, so_far: &[String]) -> Result<Vec<String>>;
    /// Says whose turn it is in an assessment.
    fn respondent_turn(&mut self, respondent: &str) -> Result<()>;
    /// Shows the assessment's result: per dimension, against the first;
    /// `chart` draws it for a width (none: as wide as it takes).
    fn readiness_result(&mut self, chart: &dyn Fn(Option<usize>) -> String) -> Result<()>;
    /// Before a respondent's turn, when several answer in turn: the screen
    /// cleared of the answers before, and, unless `first`, the terminal
    /// handed over to `respondent` (who says when they are ready).
    fn hand_over(&mut self, _respondent: &str, _first: bool) -> Result<()> {
        Ok(())
    }
    /// The role of `respondent`, who answers alone (optional).
    fn respondent_role(&mut self, _respondent: &str) -> Result<Option<String>> {
        Ok(None)
    }
}

/// How a session ended.
#[derive(Debug)]
pub enum Outcome {
    /// The entry was written to `log/`.
    Written(PathBuf),
    /// Nothing was answered; nothing was written.
    Empty,
    /// The room stopped early; the draft holds every answer.
    Paused,
}

/// What a session needs to know about the workbook.
pub struct Context<'a> {
    pub workbook: &'a Workbook,
    pub state: &'a State,
    pub phase: &'a Phase,
    /// The language of the pack's texts and the entry.
    pub lang: Lang,
    pub now: Stamp,
    pub user: String,
}

/// Answers as conditions see them: this session's first, then the log's.
struct Merged<'a> {
    profile: &'a BTreeMap<String, Value>,
    earlier: &'a BTreeMap<(String, String), Latest>,
    phase: &'a str,
    session: &'a BTreeMap<String, (Given, Option<String>)>,
}

impl Answers for Merged<'_> {
    fn value(&self, name: &Name) -> Option<Value> {
        let given = match &name.phase {
            None => return self.profile.get(&name.item).cloned(),
            Some(p) if p == self.phase => {
                self.session.get(&name.item).map(|(g, _)| g).or_else(|| {
                    self.earlier
                        .get(&(p.clone(), name.item.clone()))
                        .map(|l| &l.given)
                })
            }
            Some(p) => self
                .earlier
                .get(&(p.clone(), name.item.clone()))
                .map(|l| &l.given),
        }?;
        match given {
            Given::Value(v) => Some(v.clone()),
            _ => None,
        }
    }
}
/// The front matter of an entry one person writes now, outside a session
/// (a measurement, a profile change, a `done`): its kind, the time, who
/// (`DINO_USER`, git's name, the login), the pack, and what its author had
/// seen; the rest empty, for the caller to fill.
pub fn note_meta(wb: &Workbook, kind: EntryKind, lang: Lang) -> Result<Meta> {
    let user = clock::author(lang)?;
    Ok(Meta {
        alone: false,
        kind,
        date: clock::now(lang)?,
        phase: None,
        by: Some(user),
        participants: Vec::new(),
        pack: wb.pack.id.clone(),
        pack_version: wb.pack.version.clone(),
        closes: Vec::new(),
        owner: None,
        due: None,
        mitigation: None,
        measure: None,
        roster: None,
        follows: Some(follows(wb)),
    })
}

/// What an entry written now follows: the log's newest entries, those no
/// other entry has seen.
pub fn follows(workbook: &Workbook) -> Vec<String> {
    crate::state::lineage::heads_of(&workbook.entries)
}

/// The people as the log leaves them: the facilitator of the last
/// session, gate or assessment (else the user), who took part in it
/// (corrected, those removed left out), everyone on the roster, and who
/// decided the last gate. The roster spans phases: `_phase` no longer
/// narrows it, and stays for the callers.
pub fn default_people(workbook: &Workbook, _phase: &str, user: &str) -> People {
    use crate::state::roster::{Roster, last_decider, last_meeting};
    let roster = Roster::fold(&workbook.entries);
    let last = last_meeting(&workbook.entries).map(|e| &e.entry.meta);
    let facilitator = last
        .and_then(|m| m.by.as_deref())
        .filter(|by| !by.trim().is_empty())
        .map_or_else(|| user.to_string(), |by| roster.corrected(by).0);
    People {
        participants: last.map_or_else(Vec::new, |m| roster.present(&m.participants)),
        roster: roster.participants(),
        decider: last_decider(&workbook.entries).unwrap_or_default(),
        facilitator,
    }
}

/// The session so far: who, when, and the answers by item id.
pub struct Progress {
    pub people: People,
    pub started: Stamp,
    /// The entries that were newest when the session began (`follows`).
    pub follows: Vec<String>,
    pub answers: BTreeMap<String, (Given, Option<String>)>,
    /// Actions raised in the session, by the item beside which they were
    /// raised (answered or not), in the order raised.
    pub actions: BTreeMap<String, Vec<ActionMark>>,
    /// Records of a resumed draft that the pack as it is now does not take
    /// (an item it dropped, an answer that no longer fits): kept as they
    /// were, so that nothing answered is lost.
    pub kept: Vec<Record>,
    /// The pack version the entry records: the one the session began with
    /// when it keeps such records (so they read as answers a later version
    /// changed), else the pack's now.
    pub pack_version: String,
    /// The items asked, by id, when the run asks only those open (`--open`,
    /// or the choice at its start); `None` asks every item that applies.
    pub only: Option<Vec<String>>,
}

impl Progress {
    /// A session beginning now, after every entry in the log so far.
    pub fn new(ctx: &Context<'_>, people: People) -> Progress {
        Progress {
            people,
            started: ctx.now,
            follows: follows(ctx.workbook),
            answers: BTreeMap::new(),
            actions: BTreeMap::new(),
            kept: Vec::new(),
            pack_version: ctx.workbook.pack.version.clone(),
            only: None,
        }
    }

    /// Whether the session holds anything to write: an answer, an action,
    /// or a record kept from a draft.
    pub fn is_empty(&self) -> bool {
        self.answers.is_empty() && self.actions.is_empty() && self.kept.is_empty()
    }

    /// Reads a draft back into answers (it was written by this engine).
    /// Every record comes along: one the phase no longer takes is kept as
    /// it is.
    pub fn from_draft(ctx: &Context<'_>, draft: &Entry) -> Progress {
        let mut answers = BTreeMap::new();
        let mut actions = BTreeMap::new();
        let mut kept = Vec::new();
        if let Body::Records(records) = &draft.body {
            for record in records {
                let known = ctx.phase.item(&record.item);
                let given = match (known, &record.answer) {
                    (Some(_), Answer::Unanswered) => None,
                    (Some(item), answer) => match interpret(&item.kind, answer) {
                        Ok(given) => Some(given),
                        Err(_) => {
                            kept.push(record.clone());
                            continue;
                        }
                    },
                    (None, _) => {
                        kept.push(record.clone());
                        continue;
                    }
                };
                if let Some(given) = given {
                    answers.insert(record.item.clone(), (given, record.note.clone()));
                }
                if !record.actions.is_empty() {
                    actions.insert(record.item.clone(), record.actions.clone());
                }
            }
        }
        let pack_version = if kept.is_empty() || draft.meta.pack_version.is_empty() {
            ctx.workbook.pack.version.clone()
        } else {
            draft.meta.pack_version.clone()
        };
        Progress {
            people: People {
                facilitator: draft.meta.by.clone().unwrap_or_default(),
                participants: draft.meta.participants.clone(),
                // Who decided the last gate, as when the session began.
                ..default_people(ctx.workbook, &ctx.phase.id, &ctx.user)
            },
            started: draft.meta.date,
            follows: draft
                .meta
                .follows
                .clone()
                .unwrap_or_else(|| follows(ctx.workbook)),
            answers,
            actions,
            kept,
            pack_version,
            only: None,
        }
    }

    /// The entry these answers make: the records kept from a draft first,
    /// as they were asked first, then the phase's in its order.
    pub fn entry(&self, ctx: &Context<'_>) -> Entry {
        let answered = ctx.phase.items.iter().filter_map(|item| {
            let actions = self.actions.get(&item.id).cloned().unwrap_or_default();
            let (answer, note) = match self.answers.get(&item.id) {
                Some((given, note)) => (to_answer(item, given, ctx.lang), note.clone()),
                // Not answered, but an action was raised beside it.
                None if !actions.is_empty() => (Answer::Unanswered, None),
                None => return None,
            };
            Some(Record {
                item: item.id.clone(),
                criterion: false,
                prompt: item.prompt.get(ctx.lang).to_string(),
                answer,
                note,
                respondent: None,
                actions,
            })
        });
        let mut records: Vec<Record> = self.kept.iter().cloned().chain(answered).collect();
        number_actions(&mut records);
        Entry {
            meta: Meta {
                alone: false,
                kind: EntryKind::Session,
                date: self.started,
                phase: Some(ctx.phase.id.clone()),
                by: Some(self.people.facilitator.clone()).filter(|f| !f.is_empty()),
                participants: self.people.participants.clone(),
                pack: ctx.workbook.pack.id.clone(),
                pack_version: self.pack_version.clone(),
                closes: Vec::new(),
                owner: None,
                due: None,
                mitigation: None,
                measure: None,
                roster: None,
                follows: Some(self.follows.clone()),
            },
            title: format!(
                "{} · {}",
                ctx.phase.title.get(ctx.lang),
                self.started.date()
            ),
            body: Body::Records(records),
        }
    }

    fn applies(&self, ctx: &Context<'_>, item: &Item) -> bool {
        let merged = Merged {
            profile: &ctx.workbook.profile,
            earlier: &ctx.state.answers,
            phase: &ctx.phase.id,
            session: &self.answers,
        };
        item.when.as_ref().is_none_or(|c| c.holds(&merged))
    }

    /// Whether the run asks `item`: it applies, and it is among those
    /// asked when the run asks only some.
    fn asks(&self, ctx: &Context<'_>, item: &Item) -> bool {
        self.applies(ctx, item) && self.only.as_ref().is_none_or(|o| o.contains(&item.id))
    }
}

/// The items of `phase` open in `state`, in pack order: the applicable
/// required items not done and the applicable optional items with no
/// answer (as `dino status` has them).
pub fn open_items(state: &State, phase: &Phase) -> Vec<String> {
    let Some(p) = state.phases.iter().find(|p| p.id == phase.id) else {
        return phase.items.iter().map(|i| i.id.clone()).collect();
    };
    phase
        .items
        .iter()
        .filter(|i| p.open.contains(&i.id) || p.unanswered.contains(&i.id))
        .map(|i| i.id.clone())
        .collect()
}

/// The diagnostic's verdict on this session's answers and the log's, when
/// `item` is the diagnostic's `track`: its title, the verdict and the
/// counts, in the workbook's language.
fn verdict_before(ctx: &Context<'_>, progress: &Progress, item: &Item) -> Option<String> {
    let pack = &ctx.workbook.pack;
    let d = pack.diagnostic.as_ref()?;
    let track = d.track.as_ref()?;
    if track.phase.as_deref() != Some(ctx.phase.id.as_str()) || track.item != item.id {
        return None;
    }
    let merged = Merged {
        profile: &ctx.workbook.profile,
        earlier: &ctx.state.answers,
        phase: &ctx.phase.id,
        session: &progress.answers,
    };
    let leaning = d.leaning(pack, &merged);
    let lang = ctx.lang;
    Some(format!(
        "{}: {} {}",
        d.title.get(lang),
        crate::report::state_words::verdict(leaning, lang),
        crate::tr!(
            lang,
            "({} av {} besvarade: {} mot innovation, {} mot verksamhetsutveckling.)",
            "({} of {} answered: {} towards innovation, {} towards operational development.)",
            leaning.answered,
            d.items.len(),
            leaning.innovation,
            leaning.development
        )
    ))
}

/// Numbers the actions beside `records` from 1, in the order written.
fn number_actions(records: &mut [Record]) {
    let actions = records.iter_mut().flat_map(|r| r.actions.iter_mut());
    for (n, action) in (1..).zip(actions) {
        action.n = n;
    }
}

/// Runs the phase's items through `ui`, saving the draft after every answer.
/// On `Quit`, the draft is left for the next run. Returns whether the room
/// went through to the end.
pub fn ask_items(
    ctx: &Context<'_>,
    ui: &mut dyn SessionUi,
    progress: &mut Progress,
    draft: &Draft,
) -> Result<bool> {
    let mut save = |p: &Progress| draft.save(&p.entry(ctx));
    ask_items_saving(ctx, ui, progress, &mut save, false)
}

/// As [`ask_items`], with `save` called after every answer, and "don't
/// know" offered when `dont_know`.
pub fn ask_items_saving(
    ctx: &Context<'_>,
    ui: &mut dyn SessionUi,
    progress: &mut Progress,
    save: &mut dyn FnMut(&Progress) -> Result<()>,
    dont_know: bool,
) -> Result<bool> {
    let items = &ctx.phase.items;
    let mut walk = Walk::resumed(ctx, progress);
    loop {
        walk.go_to_next(ctx, progress);
        if walk.cursor >= items.len() {
            if !walk.revisit_skipped(ctx, progress, ui)? {
                return Ok(true);
            }
            continue;
        }
        let item = &items[walk.cursor];
        match ui.ask(&walk.question(ctx, progress, dont_know))? {
            Reply::Answer { given, note } => {
                progress.answers.insert(item.id.clone(), (given, note));
                save(progress)?;
                walk.answered();
            }
            Reply::Raise { action, note } => {
                let raised = progress.actions.entry(item.id.clone()).or_default();
                raised.push(action);
                save(progress)?;
                walk.held_note = Some((walk.cursor, note));
            }
            Reply::Skip => walk.skip(),
            Reply::Back => walk.back(),
            Reply::Quit => return Ok(false),
        }
    }
}

/// Where the room is among the phase's items: the item at hand, the ones
/// it came through (to step back to), and the ones it skipped.
struct Walk {
    cursor: usize,
    history: Vec<usize>,
    skipped: Vec<usize>,
    /// Going back over the skipped items: answered ones are passed.
    revisiting: bool,
    /// A note written at the item (by its index) before an action was
    /// raised there, offered again when it is asked again.
    held_note: Option<(usize, Option<String>)>,
}

impl Walk {
    /// A resumed session goes on where it stopped: at the item after the
    /// last one answered (or at the last one an action was raised beside,
    /// unanswered). The items before it can be stepped back to; those left
    /// unanswered there stay skipped, offered again at the end.
    fn resumed(ctx: &Context<'_>, progress: &Progress) -> Walk {
        let items = &ctx.phase.items;
        let after_answered = items
            .iter()
            .rposition(|i| progress.answers.contains_key(&i.id))
            .map_or(0, |at| at + 1);
        let raised_at = items
            .iter()
            .rposition(|i| progress.actions.contains_key(&i.id))
            .unwrap_or(0);
        let cursor = after_answered.max(raised_at);
        let passed = (0..cursor).filter(|i| progress.asks(ctx, &items[*i]));
        let history: Vec<usize> = passed.collect();
        let skipped = history
            .iter()
            .copied()
            .filter(|i| !progress.answers.contains_key(&items[*i].id))
            .collect();
        Walk {
            cursor,
            history,
            skipped,
            revisiting: false,
            held_note: None,
        }
    }

    /// On to the next item that applies (and, when revisiting, is
    /// unanswered).
    fn go_to_next(&mut self, ctx: &Context<'_>, progress: &Progress) {
        let items = &ctx.phase.items;
        while self.cursor < items.len()
            && (!progress.asks(ctx, &items[self.cursor])
                || (self.revisiting && progress.answers.contains_key(&items[self.cursor].id)))
        {
            self.cursor += 1;
        }
    }

    /// At the end: the skipped items still open are offered again. Returns
    /// whether the room goes back to them (the walk then at the first).
    fn revisit_skipped(
        &mut self,
        ctx: &Context<'_>,
        progress: &Progress,
        ui: &mut dyn SessionUi,
    ) -> Result<bool> {
        let items = &ctx.phase.items;
        self.skipped.retain(|i| {
            !progress.answers.contains_key(&items[*i].id) && progress.asks(ctx, &items[*i])
        });
        if self.skipped.is_empty() {
            return Ok(false);
        }
        let open: Vec<&Item> = self.skipped.iter().map(|i| &items[*i]).collect();
        if !ui.revisit(&open, ctx.lang)? {
            return Ok(false);
        }
        self.revisiting = true;
        self.cursor = self.skipped.remove(0);
        Ok(true)
    }

    /// The item at hand as a question: its place among those that apply,
    /// and the answer so far (this session's, else the log's).
    fn question<'a>(
        &'a self,
        ctx: &Context<'a>,
        progress: &'a Progress,
        dont_know: bool,
    ) -> Question<'a> {
        let items = &ctx.phase.items;
        let item = &items[self.cursor];
        let applicable: Vec<usize> = (0..items.len())
            .filter(|i| progress.asks(ctx, &items[*i]))
            .collect();
        let number = applicable
            .iter()
            .position(|i| *i == self.cursor)
            .map_or(1, |p| p + 1);
        let earlier = ctx
            .state
            .answers
            .get(&(ctx.phase.id.clone(), item.id.clone()));
        let (current, mut note) = match progress.answers.get(&item.id) {
            Some((given, note)) => (Some(given), note.as_deref()),
            None => (
                earlier.map(|l| &l.given),
                earlier.and_then(|l| l.note.as_deref()),
            ),
        };
        if let Some((at, held)) = &self.held_note
            && *at == self.cursor
        {
            note = held.as_deref();
        }
        Question {
            phase: ctx.phase,
            item,
            lang: ctx.lang,
            current,
            note,
            number,
            total: applicable.len(),
            can_go_back: !self.history.is_empty(),
            dont_know,
            people: &progress.people,
            actions: progress.actions.get(&item.id).map_or(&[], Vec::as_slice),
            raises_actions: ctx.phase.id != readiness::ID,
            verdict: verdict_before(ctx, progress, item),
            today: ctx.now.date(),
            baseline: baseline_of(ctx, progress, item),
        }
    }

    /// The item at hand was answered: on to the next.
    fn answered(&mut self) {
        self.held_note = None;
        self.skipped.retain(|i| *i != self.cursor);
        self.history.push(self.cursor);
        self.cursor += 1;
    }

    /// The item at hand was skipped: offered again at the end.
    fn skip(&mut self) {
        self.held_note = None;
        if !self.skipped.contains(&self.cursor) {
            self.skipped.push(self.cursor);
        }
        self.history.push(self.cursor);
        self.cursor += 1;
    }

    /// Back to the item before, if there is one.
    fn back(&mut self) {
        self.held_note = None;
        if let Some(previous) = self.history.pop() {
            self.cursor = previous;
            self.revisiting = false;
        }
    }
}

/// Writes the session's entry into `log/` by way of the draft, then
/// discards the draft.
pub fn write_session(
    ctx: &Context<'_>,
    progress: &Progress,
    draft: &Draft,
) -> Result<Option<PathBuf>> {
    if progress.is_empty() {
        draft.discard()?;
        return Ok(None);
    }
    let path = hand_over(ctx.workbook, draft, &progress.entry(ctx), None, ctx.lang)?;
    draft.discard()?;
    Ok(Some(path))
}

/// Writes a session's entry into the log by way of its draft: the draft is
/// first made the entry's very text, then the entry is written. The caller
/// discards the draft after. A run stopped in between leaves a draft that
/// [`Draft::load`] finds in the log ([`Saved::HandedOver`]): `earlier`,
/// when it recorded the same as `entry`, is not written again.
pub fn hand_over(
    workbook: &Workbook,
    draft: &Draft,
    entry: &Entry,
    earlier: Option<&Saved>,
    lang: Lang,
) -> Result<PathBuf> {
    if let Some(Saved::HandedOver { entry: done, path }) = earlier
        && same_record(done, entry)
    {
        return Ok(path.clone());
    }
    let messages = draft.messages();
    let what = crate::log::readback::Written::Entry;
    let text = crate::log::readback::entry_text(entry, what, lang, messages)?;
    if let Some(path) = files::log_file_holding(&workbook.log_dir(), entry, &text) {
        return Ok(path);
    }
    draft.save_text(&text)?;
    write_log_text(workbook, entry, &text)
}

/// Whether two entries record the same: the same kind, phase, people, pack
/// and records or text, whenever they were written and whatever they
/// follow.
pub fn same_record(a: &Entry, b: &Entry) -> bool {
    let (x, y) = (&a.meta, &b.meta);
    x.kind == y.kind
        && x.phase == y.phase
        && x.by == y.by
        && x.participants == y.participants
        && x.pack == y.pack
        && x.pack_version == y.pack_version
        && x.closes == y.closes
        && a.body == b.body
}

/// Writes a note into the log by way of its mark (see [`NoteMark`]): the
/// mark is made first, then the entry. The caller clears the mark once the
/// command is done.
pub fn hand_over_note(
    workbook: &Workbook,
    mark: &NoteMark,
    entry: &Entry,
    lang: Lang,
) -> Result<PathBuf> {
    let what = crate::log::readback::Written::Entry;
    let text = crate::log::readback::entry_text(entry, what, lang, lang)?;
    mark.save(&text)?;
    write_log_text(workbook, entry, &text)
}

/// Writes an entry into the workbook's log under a fresh name, in `lang`,
/// once it is known to read back; a refusal is told in `messages`.
pub fn write_log_entry(
    workbook: &Workbook,
    entry: &Entry,
    lang: Lang,
    messages: Lang,
) -> Result<PathBuf> {
    let what = crate::log::readback::Written::Entry;
    let text = crate::log::readback::entry_text(entry, what, lang, messages)?;
    write_log_text(workbook, entry, &text)
}

/// Writes `text`, the Markdown of `entry`, into the log under a fresh name.
fn write_log_text(workbook: &Workbook, entry: &Entry, text: &str) -> Result<PathBuf> {
    let known = |id: &str| workbook.entries.iter().any(|e| e.id == id);
    crate::log::write_into_log(&workbook.root, &workbook.log_dir(), entry, text, known)
}

/// The gate entry for a decision taken after the session that started at
/// `session_start`: dated now, and always after the session, so that the log
/// reads the session first even when the clock is pinned.
pub fn gate_entry(
    ctx: &Context<'_>,
    people: &People,
    choice: &GateChoice,
    session_start: Stamp,
) -> Entry {
    let lang = ctx.lang;
    let date = if ctx.now.at > session_start.at {
        ctx.now
    } else {
        let later = session_start
            .at
            .checked_add(jiff::SignedDuration::from_secs(1))
            .unwrap_or(session_start.at);
        Stamp::new(later, session_start.offset)
    };
    let options = Decision::ALL
        .iter()
        .map(|d| crate::log::OptionMark {
            id: d.id().to_string(),
            label: d.label(lang).to_string(),
            ticked: *d == choice.decision,
        })
        .collect();
    Entry {
        meta: Meta {
            alone: false,
            kind: EntryKind::Gate,
            date,
            phase: Some(ctx.phase.id.clone()),
            by: Some(people.facilitator.clone()).filter(|f| !f.is_empty()),
            participants: people.participants.clone(),
            pack: ctx.workbook.pack.id.clone(),
            pack_version: ctx.workbook.pack.version.clone(),
            closes: Vec::new(),
            owner: None,
            due: None,
            mitigation: None,
            measure: None,
            roster: None,
            follows: Some(follows(ctx.workbook)),
        },
        title: crate::tr!(
            lang,
            "Beslutspunkt: {}",
            "Gate decision: {}",
            ctx.phase.title.get(lang)
        ),
        body: Body::Records(gate_records(choice, options, &ctx.phase.gate, lang)),
    }
}

/// A gate decision's records: the decision with its conditions beside it,
/// who decided, why, and the next gate's day when one is planned.
fn gate_records(
    choice: &GateChoice,
    options: Vec<crate::log::OptionMark>,
    gate: &Gate,
    lang: Lang,
) -> Vec<Record> {
    let record = |item: &str, prompt: &str, answer| Record {
        item: item.to_string(),
        criterion: false,
        prompt: prompt.to_string(),
        answer,
        note: None,
        respondent: None,
        actions: Vec::new(),
    };
    let mut decision = record(
        "decision",
        lang.pick("Beslut", "Decision"),
        Answer::Options(options),
    );
    decision.actions = choice.conditions.clone();
    let mut records = vec![
        decision,
        record(
            "decided_by",
            lang.pick("Vem beslutade?", "Who decided?"),
            Answer::Text(choice.decided_by.clone()),
        ),
        record(
            "motivation",
            lang.pick("Varför?", "Why?"),
            Answer::Text(choice.motivation.clone()),
        ),
    ];
    if let Some(day) = choice.next_gate {
        records.push(record(
            crate::state::follow_up::NEXT_GATE,
            lang.pick("Nästa beslutspunkt", "Next gate"),
            Answer::Text(day.to_string()),
        ));
    }
    records.extend(criterion_records(choice, gate, lang));
    number_actions(&mut records);
    records
}

/// The criteria a decision records, in the pack's order, each with its
/// text as it reads now.
fn criterion_records<'a>(
    choice: &'a GateChoice,
    gate: &'a Gate,
    lang: Lang,
) -> impl Iterator<Item = Record> + 'a {
    gate.criteria.iter().filter_map(move |c| {
        let given = choice.criterion(&c.id)?;
        let (answer, actions) = match given {
            CriterionGiven::Met => (Answer::Met, Vec::new()),
            CriterionGiven::NotMet => (Answer::NotMet, Vec::new()),
            CriterionGiven::Deferred(action) => (Answer::Deferred, vec![action.clone()]),
            CriterionGiven::NotApplicable(reason) => {
                (Answer::NotApplicable(reason.clone()), Vec::new())
            }
        };
        Some(Record {
            item: c.id.clone(),
            criterion: true,
            prompt: c.text.get(lang).to_string(),
            answer,
            note: None,
            respondent: None,
            actions,
        })
    })
}

#[cfg(test)]
mod tests;
