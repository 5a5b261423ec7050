//! The workbook's log: entries as data, and their Markdown form, written and
//! read back exactly (see docs/log-format.md). The log is the only store of
//! answers; everything else is folded from it.

mod blocks;
pub(crate) mod front;
pub(crate) mod front_fast;
pub(crate) mod labels;
mod name;
pub mod order;
pub(crate) mod read;
pub mod readback;
mod stamp;
mod value;
mod write;

/// Whether a value can be written into an entry.
pub use crate::text::markdown::writable;
/// The nesting limit entries are read with.
pub use crate::text::nesting::{MAX_NESTING, text_too_deep};
pub use front::toml_string;
/// A field of an indicator's or a measurement's answer: the label before it.
pub use labels::Label as Field;
pub use name::{entry_file_name, entry_id_of, entry_what, well_named, what_in_name};
pub use read::{ReadEntry, read_entry};
pub use stamp::Stamp;
pub use write::{write_entry, write_into_log};

/// The Markdown extensions entries are read with: GitHub's tables, task
/// lists and strikethrough, as everywhere in dino.
pub use crate::text::html::markdown_options;

/// What an entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EntryKind {
    Session,
    Gate,
    Readiness,
    /// Changes to the project profile.
    Profile,
    Note,
    Decision,
    Risk,
    Insight,
    Lesson,
    /// Something someone will do by a date.
    Action,
    /// Closes actions and risks.
    Done,
    /// A measurement of an indicator, by `dino measure`.
    Measure,
    /// One change to the roster: a name corrected, someone added or
    /// removed, by `dino roster`.
    Roster,
}

impl EntryKind {
    pub const ALL: [EntryKind; 13] = [
        EntryKind::Session,
        EntryKind::Gate,
        EntryKind::Readiness,
        EntryKind::Profile,
        EntryKind::Note,
        EntryKind::Decision,
        EntryKind::Risk,
        EntryKind::Insight,
        EntryKind::Lesson,
        EntryKind::Action,
        EntryKind::Done,
        EntryKind::Measure,
        EntryKind::Roster,
    ];

    /// The name in front matter and file names.
    pub fn id(self) -> &'static str {
        match self {
            EntryKind::Session => "session",
            EntryKind::Gate => "gate",
            EntryKind::Readiness => "readiness",
            EntryKind::Profile => "profile",
            EntryKind::Note => "note",
            EntryKind::Decision => "decision",
            EntryKind::Risk => "risk",
            EntryKind::Insight => "insight",
            EntryKind::Lesson => "lesson",
            EntryKind::Action => "action",
            EntryKind::Done => "done",
            EntryKind::Measure => "measure",
            EntryKind::Roster => "roster",
        }
    }

    pub fn from_id(id: &str) -> Option<EntryKind> {
        EntryKind::ALL.into_iter().find(|k| k.id() == id)
    }

    pub fn label(self, lang: crate::i18n::Lang) -> &'static str {
        match self {
            EntryKind::Session => lang.pick("Session", "Session"),
            EntryKind::Gate => lang.pick("Beslutspunkt", "Gate decision"),
            EntryKind::Readiness => lang.pick("Förutsättningar", "Readiness"),
            EntryKind::Profile => lang.pick("Projektprofil", "Project profile"),
            EntryKind::Note => lang.pick("Anteckning", "Note"),
            EntryKind::Decision => lang.pick("Beslut", "Decision"),
            EntryKind::Risk => lang.pick("Risk", "Risk"),
            EntryKind::Insight => lang.pick("Insikt", "Insight"),
            EntryKind::Lesson => lang.pick("Lärdom", "Lesson"),
            EntryKind::Action => lang.pick("Åtgärd", "Action"),
            EntryKind::Done => lang.pick("Klart", "Done"),
            EntryKind::Measure => lang.pick("Mätning", "Measurement"),
            EntryKind::Roster => lang.pick("Deltagare", "Roster"),
        }
    }

    /// Whether the body is free text (a note) rather than records.
    pub fn is_note(self) -> bool {
        matches!(
            self,
            EntryKind::Note
                | EntryKind::Decision
                | EntryKind::Risk
                | EntryKind::Insight
                | EntryKind::Lesson
                | EntryKind::Action
                | EntryKind::Done
                | EntryKind::Measure
                | EntryKind::Roster
        )
    }

    /// Whether whoever wrote the entry is its `author` (a note's, a profile
    /// change's) rather than the `facilitator` of a session.
    pub fn has_author(self) -> bool {
        self.is_note() || self == EntryKind::Profile
    }

    /// Whether an entry of this kind may have an owner and a due date.
    pub fn is_owned(self) -> bool {
        matches!(self, EntryKind::Action | EntryKind::Risk)
    }
}

/// The front matter: what the entry is, when, and who took part.
#[derive(Clone, Debug, PartialEq)]
pub struct Meta {
    pub kind: EntryKind,
    pub date: Stamp,
    pub phase: Option<String>,
    /// Who led a session, or wrote a note.
    pub by: Option<String>,
    pub participants: Vec<Participant>,
    pub pack: String,
    pub pack_version: String,
    /// Ids of entries (actions and risks, mostly) this one settles.
    pub closes: Vec<String>,
    /// Who sees to an action, or owns a risk.
    pub owner: Option<String>,
    /// When an action is due, or a risk's mitigation.
    pub due: Option<jiff::civil::Date>,
    /// What is done about a risk.
    pub mitigation: Option<String>,
    /// Ids of the entries that were newest when this one was begun: what
    /// its author had seen. `None` when the key is absent (entries written
    /// by hand or by older versions), which reads as "after every earlier
    /// entry". Tells a correction from an answer given on another branch.
    pub follows: Option<Vec<String>>,
    /// What a `measure` entry measured.
    pub measure: Option<Measure>,
    /// What a `roster` entry changes.
    pub roster: Option<RosterChange>,
    /// A readiness entry holding one respondent's answers, given alone
    /// (`alone = true`): a part of a round.
    pub alone: bool,
}

/// One change to the roster, as a `roster` entry records it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RosterChange {
    pub change: Change,
    /// The person as they are to be called.
    pub name: String,
    pub role: Option<String>,
    /// A correction's name as it was written before, exactly.
    pub was: Option<String>,
}

/// What a `roster` entry does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    /// A name written wrongly before (`was`) is to read `name`.
    Correct,
    /// Someone joins the project.
    Add,
    /// Someone has left the project.
    Remove,
}

impl Change {
    pub const ALL: [Change; 3] = [Change::Correct, Change::Add, Change::Remove];

    /// The value of `change` in front matter.
    pub fn id(self) -> &'static str {
        match self {
            Change::Correct => "correct",
            Change::Add => "add",
            Change::Remove => "remove",
        }
    }

    pub fn from_id(id: &str) -> Option<Change> {
        Change::ALL.into_iter().find(|c| c.id() == id)
    }
}

/// A measurement recorded by `dino measure`: the indicator (`phase.item`),
/// the value, the day it was measured, and where it comes from.
#[derive(Clone, Debug, PartialEq)]
pub struct Measure {
    pub indicator: String,
    pub value: f64,
    pub measured: jiff::civil::Date,
    pub source: Option<String>,
}

/// Someone who took part, and in what role.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Participant {
    pub name: String,
    pub role: Option<String>,
}

/// Where each front-matter key's value is written: (line, column).
pub type KeyPositions = std::collections::BTreeMap<String, (usize, usize)>;

/// One entry, as written or as read back.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub meta: Meta,
    /// The `#` heading, for people.
    pub title: String,
    pub body: Body,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Body {
    /// A note's text.
    Text(String),
    /// A session's answers, in the order asked.
    Records(Vec<Record>),
}

/// One answered item, or one gate criterion's status.
#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    /// `item`, or `dimension.statement` in a readiness assessment; a
    /// criterion's id when `criterion`.
    pub item: String,
    /// A gate decision's record of a criterion (`<!-- criterion: ID -->`),
    /// its answer `Met`, `NotMet`, `Deferred` or `NotApplicable`.
    pub criterion: bool,
    /// The prompt as it read at the time.
    pub prompt: String,
    pub answer: Answer,
    pub note: Option<String>,
    /// Who answered, when several respondents answer one assessment.
    pub respondent: Option<String>,
    /// Actions raised beside the answer (a gate decision's conditions
    /// beside its `decision`), in the order raised.
    pub actions: Vec<ActionMark>,
}

/// An action raised in a session or at a gate, beside the record of the
/// item that raised it: something someone will do by a day. Its id is its
/// entry's id and its number: `3f9a1c-1`.
#[derive(Clone, Debug, PartialEq)]
pub struct ActionMark {
    /// Its number in the entry, from 1.
    pub n: u32,
    pub text: String,
    pub owner: String,
    pub due: jiff::civil::Date,
}

impl ActionMark {
    /// The action's id in the workbook: its entry's id and its number.
    pub fn id_in(&self, entry_id: &str) -> String {
        format!("{entry_id}-{}", self.n)
    }
}

/// An answer as the Markdown holds it. Scale, number and date answers are
/// `Text` here ("4 av 5 · Stämmer delvis"); the pack's kind reads them.
#[derive(Clone, Debug, PartialEq)]
pub enum Answer {
    Check(CheckState),
    Text(String),
    Options(Vec<OptionMark>),
    NotApplicable(String),
    DontKnow,
    /// An indicator's or a measurement's answer: a labelled paragraph per
    /// field, each value as written, in the order read.
    Fields(Vec<(Field, String)>),
    /// No answer: the item was not answered in the entry, but actions
    /// were raised beside it (a record with only action blocks).
    Unanswered,
    /// A gate's criterion is met.
    Met,
    /// A gate's criterion is not met.
    NotMet,
    /// A gate's criterion is left for later: the record's one action says
    /// what is to be done, by whom and when.
    Deferred,
}

#[derive(Clone, Debug, PartialEq)]
pub enum CheckState {
    Done,
    NotDone,
    NotApplicable(String),
}

/// One option of a choice or multi item, ticked or not.
#[derive(Clone, Debug, PartialEq)]
pub struct OptionMark {
    pub id: String,
    pub label: String,
    pub ticked: bool,
}

#[cfg(test)]
mod tests;
