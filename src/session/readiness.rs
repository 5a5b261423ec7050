//! The readiness self-assessment as a session: each respondent (a role, or
//! the group as one) rates every statement on the pack's scale, with "don't
//! know" when the pack offers it. One entry of kind `readiness`.

use anyhow::Result;
use std::collections::BTreeMap;

use super::{Context, People, Progress, SessionUi, ask_items_saving};
use crate::i18n::Lang;
use crate::log::{Body, Entry, EntryKind, Meta, Record, Stamp};
use crate::pack::{Gate, Item, Kind, Pack, Phase, Text};
use crate::state::answer::{Given, interpret};
use crate::tr;

/// The id `dino run` takes for the assessment.
pub const ID: &str = "readiness";

/// The assessment as a phase whose items are the statements
/// (`dimension.statement`), so the session engine can ask it.
pub fn as_phase(pack: &Pack, lang: Lang) -> Option<Phase> {
    let readiness = pack.readiness.as_ref()?;
    let items = readiness
        .dimensions
        .iter()
        .flat_map(|d| {
            d.statements.iter().map(move |s| Item {
                id: format!("{}.{}", d.id, s.id),
                kind: Kind::Scale(readiness.scale.clone()),
                prompt: Text::Same(format!("{}: {}", d.title.get(lang), s.text.get(lang))),
                help: None,
                required: false,
                when: None,
                default: None,
            })
        })
        .collect();
    Some(Phase {
        id: ID.to_string(),
        title: readiness.title.clone(),
        purpose: readiness
            .intro
            .clone()
            .unwrap_or_else(|| Text::Same(String::new())),
        guidance: Text::Same(String::new()),
        items,
        gate: Gate::default(),
        file: String::new(),
    })
}

/// One respondent's answers.
pub struct Answered {
    pub respondent: Option<String>,
    pub answers: BTreeMap<String, (Given, Option<String>)>,
    /// Records of a resumed draft the pack as it is now does not take (a
    /// statement it dropped, an answer off its scale): kept as they were.
    pub kept: Vec<Record>,
}

impl Answered {
    fn new(respondent: Option<String>) -> Answered {
        Answered {
            respondent,
            answers: BTreeMap::new(),
            kept: Vec::new(),
        }
    }
}

/// The assessment's entry: every respondent's answers, in turn; `alone`
/// when one person answered alone (a part of a round).
pub fn entry(
    ctx: &Context<'_>,
    people: &People,
    started: Stamp,
    answered: &[Answered],
    alone: bool,
) -> Entry {
    let mut records = Vec::new();
    for one in answered {
        records.extend(one.kept.iter().cloned());
        for item in &ctx.phase.items {
            let Some((given, note)) = one.answers.get(&item.id) else {
                continue;
            };
            records.push(Record {
                item: item.id.clone(),
                criterion: false,
                prompt: item.prompt.get(ctx.lang).to_string(),
                answer: crate::state::answer::to_answer(item, given, ctx.lang),
                note: note.clone(),
                respondent: one.respondent.clone(),
                actions: Vec::new(),
            });
        }
    }
    Entry {
        meta: Meta {
            alone,
            kind: EntryKind::Readiness,
            date: started,
            phase: ctx.state.current_phase().map(|p| p.id.clone()),
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
            follows: Some(super::follows(ctx.workbook)),
        },
        title: ctx.phase.title.get(ctx.lang).to_string(),
        body: Body::Records(records),
    }
}

/// What a draft of an assessment holds, respondent by respondent; a record
/// the pack no longer takes is kept as it is.
pub fn from_draft(ctx: &Context<'_>, draft: &Entry) -> Vec<Answered> {
    let mut out: Vec<Answered> = Vec::new();
    if let Body::Records(records) = &draft.body {
        for record in records {
            let at = match out.iter().position(|a| a.respondent == record.respondent) {
                Some(at) => at,
                None => {
                    out.push(Answered::new(record.respondent.clone()));
                    out.len() - 1
                }
            };
            let given = ctx
                .phase
                .item(&record.item)
                .map(|item| interpret(&item.kind, &record.answer));
            match given {
                Some(Ok(given)) => {
                    out[at]
                        .answers
                        .insert(record.item.clone(), (given, record.note.clone()));
                }
                _ => out[at].kept.push(record.clone()),
            }
        }
    }
    out
}

/// How the asking went.
pub enum Asked {
    /// Every respondent went through: the entry to write.
    Done(Box<Entry>),
    /// The room stopped early; the draft keeps everything.
    Stopped,
    /// Nothing was answered.
    Empty,
}

/// An assessment as it is begun or gone on with.
pub struct Begun {
    pub people: People,
    pub started: Stamp,
    /// What each respondent answered so far, and those registered who had
    /// not begun (with no answers).
    pub answered: Vec<Answered>,
    /// The one person answering alone (`--respondent`), if so.
    pub alone: Option<String>,
}

/// What the run keeps as it goes: the entry so far (the draft), and the
/// respondents once registered.
pub struct Keeping<'a> {
    pub entry: &'a mut dyn FnMut(&Entry) -> Result<()>,
    pub respondents: &'a mut dyn FnMut(&[String]) -> Result<()>,
}

/// Runs the assessment: each respondent in turn (those who answered
/// every statement already passed over), the screen handed over between
/// them; `keep.entry` called with the entry so far after every answer.
pub fn run(
    ctx: &Context<'_>,
    ui: &mut dyn SessionUi,
    keep: Keeping<'_>,
    begun: Begun,
) -> Result<Asked> {
    let Begun {
        people,
        started,
        mut answered,
        alone,
    } = begun;
    let respondents = who_answers(ui, keep.respondents, &answered, alone.as_deref())?;
    let in_turn = alone.is_none() && respondents.len() > 1;
    let mut first = true;
    for respondent in &respondents {
        let at = match answered.iter().position(|a| &a.respondent == respondent) {
            Some(at) => at,
            None => {
                answered.push(Answered::new(respondent.clone()));
                answered.len() - 1
            }
        };
        if in_turn && answered[at].answers.len() >= ctx.phase.items.len() {
            continue;
        }
        if let Some(name) = respondent {
            if in_turn {
                ui.hand_over(name, first)?;
                first = false;
            }
            ui.respondent_turn(name)?;
        }
        let mut save =
            |all: &[Answered]| (keep.entry)(&entry(ctx, &people, started, all, alone.is_some()));
        if !ask_one(ctx, ui, &mut save, (&people, started), &mut answered, at)? {
            return Ok(Asked::Stopped);
        }
    }
    if in_turn {
        // The last one's answers are gone before the results are shown.
        ui.hand_over("", true)?;
    }
    if answered
        .iter()
        .all(|a| a.answers.is_empty() && a.kept.is_empty())
    {
        return Ok(Asked::Empty);
    }
    Ok(Asked::Done(Box::new(entry(
        ctx,
        &people,
        started,
        &answered,
        alone.is_some(),
    ))))
}

/// Who answers: the one answering alone, or the respondents registered
/// (those of a draft first), kept by `keep` as soon as they are known;
/// `None` for the group answering as one.
fn who_answers(
    ui: &mut dyn SessionUi,
    keep: &mut dyn FnMut(&[String]) -> Result<()>,
    answered: &[Answered],
    alone: Option<&str>,
) -> Result<Vec<Option<String>>> {
    if let Some(name) = alone {
        return Ok(vec![Some(name.to_string())]);
    }
    let so_far: Vec<String> = answered
        .iter()
        .filter_map(|a| a.respondent.clone())
        .collect();
    let list = ui.respondents(&so_far)?;
    keep(&list)?;
    Ok(match list {
        list if list.is_empty() => vec![None],
        list => list.into_iter().map(Some).collect(),
    })
}

/// The statements asked of the respondent at `at` in `answered`, with
/// every answer so far saved through `save`; false when the room stopped.
fn ask_one(
    ctx: &Context<'_>,
    ui: &mut dyn SessionUi,
    save: &mut dyn FnMut(&[Answered]) -> Result<()>,
    (people, started): (&People, Stamp),
    answered: &mut [Answered],
    at: usize,
) -> Result<bool> {
    let dont_know = ctx
        .workbook
        .pack
        .readiness
        .as_ref()
        .is_some_and(|r| r.dont_know);
    let mut progress = Progress {
        actions: std::collections::BTreeMap::new(),
        people: people.clone(),
        started,
        follows: Vec::new(),
        answers: std::mem::take(&mut answered[at].answers),
        kept: Vec::new(),
        pack_version: ctx.workbook.pack.version.clone(),
        only: None,
    };
    let done = {
        let others: &[Answered] = answered;
        let mut save_all = |p: &Progress| {
            let all: Vec<Answered> = others
                .iter()
                .enumerate()
                .map(|(i, a)| Answered {
                    respondent: a.respondent.clone(),
                    answers: if i == at {
                        p.answers.clone()
                    } else {
                        a.answers.clone()
                    },
                    kept: a.kept.clone(),
                })
                .collect();
            save(&all)
        };
        ask_items_saving(ctx, ui, &mut progress, &mut save_all, dont_know)?
    };
    answered[at].answers = progress.answers;
    Ok(done)
}

/// One answering alone (`name`) goes on only with their own draft: a draft
/// of anyone else's is kept as it is, and they are told how it goes on.
pub fn refuse_a_draft_not_theirs(draft: &Entry, name: &str, lang: Lang) -> Result<()> {
    let theirs = draft.meta.kind == crate::log::EntryKind::Readiness
        && draft.meta.alone
        && draft.meta.by.as_deref() == Some(name);
    if theirs {
        return Ok(());
    }
    let whose = if draft.meta.alone {
        tr!(
            lang,
            "{}s egna svar på självskattningen; {} fortsätter med `dino run readiness --respondent \"{}\"`",
            "{}'s own answers to the readiness assessment; {} goes on with `dino run readiness --respondent \"{}\"`",
            draft.meta.by.clone().unwrap_or_default(),
            draft.meta.by.clone().unwrap_or_default(),
            draft.meta.by.clone().unwrap_or_default()
        )
    } else {
        lang.pick(
            "en avbruten session; `dino run` fortsätter eller kastar den",
            "an unfinished session; `dino run` goes on with it or discards it",
        )
        .to_string()
    };
    anyhow::bail!(crate::exit::Exit {
        code: crate::exit::ERROR,
        message: tr!(
            lang,
            "här finns ett utkast som inte är ditt ({whose}); det får vara kvar, så svara när det är klart eller vid en egen dator",
            "there is a draft here that is not yours ({whose}); it is kept, so answer once it is done or at a machine of your own"
        ),
    })
}

/// The respondents registered for an assessment at this machine, kept in
/// `.dino/` beside its draft until the draft goes: a respondent registered
/// who has not begun has no record in the draft, and is not lost on a
/// resume. The first line is the draft's start, which the list belongs to.
pub struct Registered {
    path: std::path::PathBuf,
    dir: std::path::PathBuf,
}

impl Registered {
    /// The list of the workbook at `root`.
    pub fn new(root: &std::path::Path) -> Result<Registered> {
        let dir = super::files::state_dir(root)?;
        Ok(Registered {
            path: dir.join("readiness-respondents.txt"),
            dir,
        })
    }

    /// The respondents registered for the assessment begun at `started`;
    /// none when the list is of another one, or there is none.
    pub fn load(&self, started: Stamp) -> Vec<String> {
        let text = std::fs::read_to_string(&self.path).unwrap_or_default();
        let mut lines = text.lines();
        if lines.next() != Some(started.to_string().as_str()) {
            return Vec::new();
        }
        lines
            .map(str::to_string)
            .filter(|l| !l.is_empty())
            .collect()
    }

    /// Keeps `names` as the respondents of the assessment begun `started`.
    pub fn save(&self, started: Stamp, names: &[String]) -> Result<()> {
        let mut text = format!("{started}\n");
        for name in names {
            text.push_str(name);
            text.push('\n');
        }
        crate::fsio::write_atomic_in(&self.dir, &self.path, text.as_bytes())
    }

    /// The list gone, with its draft.
    pub fn clear(&self) -> Result<()> {
        match std::fs::remove_file(&self.path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e.into()),
            _ => Ok(()),
        }
    }
}

/// `answered` with each of `registered` not in it added, with no answers,
/// in the order registered.
pub fn with_registered(answered: Vec<Answered>, registered: &[String]) -> Vec<Answered> {
    let mut out: Vec<Answered> = Vec::new();
    for name in registered {
        match answered
            .iter()
            .find(|a| a.respondent.as_deref() == Some(name))
        {
            Some(a) => out.push(Answered {
                respondent: a.respondent.clone(),
                answers: a.answers.clone(),
                kept: a.kept.clone(),
            }),
            None => out.push(Answered::new(Some(name.clone()))),
        }
    }
    for a in answered {
        if !out.iter().any(|o| o.respondent == a.respondent) {
            out.push(a);
        }
    }
    out
}
