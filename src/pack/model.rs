//! The method as data: a pack's phases, items, profile, readiness and
//! diagnostic, as loaded and validated from TOML (see docs/pack-format.md).

use std::collections::BTreeMap;
use std::path::PathBuf;

use super::condition::{Condition, Name, Value};
use super::text::Text;
use crate::i18n::Lang;

/// How many days without an entry make a workbook stale, unless its pack
/// says otherwise.
pub const STALE_AFTER_DAYS: u32 = 60;

/// A loaded, valid pack.
#[derive(Clone, Debug)]
pub struct Pack {
    pub id: String,
    pub version: String,
    pub title: Text,
    pub description: Option<Text>,
    /// The languages every text is written in; the first is the default.
    pub languages: Vec<Lang>,
    pub profile: Vec<Item>,
    pub readiness: Option<Readiness>,
    pub diagnostic: Option<Diagnostic>,
    pub phases: Vec<Phase>,
    /// After how many days without an entry a workbook that is neither
    /// paused nor stopped is stale (`stale_after_days`, at least 1).
    pub stale_after_days: u32,
    /// Words that depend on a profile answer, written `{id}` in texts.
    pub terms: Vec<Term>,
    /// Whether the texts are bound to a profile (`Pack::adapted`): terms in
    /// their words and `{{` a single brace. A pack as loaded is not.
    pub bound: bool,
    /// Whether any text holds a brace, so that binding changes something.
    pub braces: bool,
    pub origin: Origin,
    /// SHA-256 over the pack's files, so a workbook can tell when its pack
    /// changed under the same version.
    pub content_hash: String,
}

/// Where a pack came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// Compiled into the binary from `phases/`.
    Builtin,
    /// A folder on disk.
    Dir(PathBuf),
}

impl Pack {
    /// The content hash as workbooks record it: `sha256:…`.
    pub fn recorded_hash(&self) -> String {
        format!("sha256:{}", self.content_hash)
    }

    pub fn phase(&self, id: &str) -> Option<&Phase> {
        self.phases.iter().find(|p| p.id == id)
    }

    /// The language to show the pack in: `lang` if the pack has it, else its
    /// first language.
    pub fn lang_for(&self, lang: Lang) -> Lang {
        if self.languages.contains(&lang) {
            lang
        } else {
            self.languages.first().copied().unwrap_or(lang)
        }
    }

    /// The item a condition name refers to.
    pub fn item(&self, name: &Name) -> Option<&Item> {
        match &name.phase {
            None => self.profile.iter().find(|i| i.id == name.item),
            Some(phase) => self.phase(phase)?.item(&name.item),
        }
    }
}

/// One term: its words by the answer to a profile choice.
/// A term's words are bound to a profile in `pack::terms`.
#[derive(Clone, Debug)]
pub struct Term {
    pub id: String,
    /// The profile choice item the words depend on.
    pub by: String,
    /// The words when the answer is none of `values`, or there is none.
    pub default: Text,
    /// The words for some of the item's options, by option id.
    pub values: Vec<(String, Text)>,
}

/// One phase: what it is for, how to run it, its checklist and its gate.
#[derive(Clone, Debug)]
pub struct Phase {
    pub id: String,
    pub title: Text,
    /// Markdown.
    pub purpose: Text,
    /// Markdown, read aloud by the facilitator.
    pub guidance: Text,
    pub items: Vec<Item>,
    pub gate: Gate,
    /// The phase file, relative to the pack folder.
    pub file: String,
}

impl Phase {
    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items.iter().find(|i| i.id == id)
    }
}

/// A gate's criteria and help. Besides them, every applicable required item
/// must be answered before going on, in every phase.
#[derive(Clone, Debug, Default)]
pub struct Gate {
    pub criteria: Vec<Criterion>,
    pub help: Option<Text>,
}

impl Gate {
    pub fn criterion(&self, id: &str) -> Option<&Criterion> {
        self.criteria.iter().find(|c| c.id == id)
    }
}

/// One criterion the deciders weigh at a gate, recorded with each decision.
#[derive(Clone, Debug)]
pub struct Criterion {
    /// Its `id` in the pack, else its place in the list from 1 (`"1"`).
    pub id: String,
    pub text: Text,
    /// A condition, as an item's; the criterion applies only when it
    /// holds. It may read every item of its phase.
    pub when: Option<Condition>,
}

/// The four gate decisions, fixed by dino.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Decision {
    Go,
    Recycle,
    Pause,
    Stop,
}

impl Decision {
    pub const ALL: [Decision; 4] = [
        Decision::Go,
        Decision::Recycle,
        Decision::Pause,
        Decision::Stop,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Decision::Go => "go",
            Decision::Recycle => "recycle",
            Decision::Pause => "pause",
            Decision::Stop => "stop",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Decision::Go => lang.pick("Fortsätt", "Go on"),
            Decision::Recycle => lang.pick("Gör om", "Recycle"),
            Decision::Pause => lang.pick("Pausa", "Pause"),
            Decision::Stop => lang.pick("Avsluta", "Stop"),
        }
    }
}

/// One question or check.
#[derive(Clone, Debug)]
pub struct Item {
    pub id: String,
    pub kind: Kind,
    /// Plain text, one line.
    pub prompt: Text,
    /// Markdown, shown on request.
    pub help: Option<Text>,
    pub required: bool,
    pub when: Option<Condition>,
    /// The answer `--no-input` takes (profile items).
    pub default: Option<Value>,
}

/// What kind of answer an item takes, with what that kind needs.
#[derive(Clone, Debug)]
pub enum Kind {
    Check,
    Text {
        long: bool,
    },
    Choice {
        options: Vec<Choice>,
    },
    Multi {
        options: Vec<Choice>,
    },
    Scale(Scale),
    Date,
    Number {
        min: Option<f64>,
        max: Option<f64>,
        unit: Option<Text>,
    },
    /// A measure of effect the team defines: name, unit, baseline, target
    /// and owner. `unit` is the one offered.
    Indicator {
        unit: Option<Text>,
    },
    /// A later measurement of the indicator item `indicator`, due on the
    /// day the `date` item `due` is answered with.
    Measurement {
        indicator: Name,
        due: Option<Name>,
    },
}

impl Kind {
    /// The name of the kind, as written in TOML.
    pub fn name(&self) -> &'static str {
        match self {
            Kind::Check => "check",
            Kind::Text { .. } => "text",
            Kind::Choice { .. } => "choice",
            Kind::Multi { .. } => "multi",
            Kind::Scale(_) => "scale",
            Kind::Date => "date",
            Kind::Number { .. } => "number",
            Kind::Indicator { .. } => "indicator",
            Kind::Measurement { .. } => "measurement",
        }
    }

    /// Whether the answer has fields of its own (an indicator, a
    /// measurement), which no condition reads.
    pub fn has_fields(&self) -> bool {
        matches!(self, Kind::Indicator { .. } | Kind::Measurement { .. })
    }

    /// The options of a choice or multi item.
    pub fn options(&self) -> &[Choice] {
        match self {
            Kind::Choice { options } | Kind::Multi { options } => options,
            _ => &[],
        }
    }
}

/// An option of a choice or multi item.
#[derive(Clone, Debug)]
pub struct Choice {
    pub id: String,
    pub label: Text,
    /// Which way the option leans, for the diagnostic.
    pub lean: Option<Lean>,
    /// An unsettled answer (a profile question's "maybe"): while it holds,
    /// each gate asks the question again (`ask_again = true`).
    pub ask_again: bool,
}

/// Which way a diagnostic answer leans.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lean {
    Innovation,
    Development,
}

/// An integer scale with optional labels on some of its points.
#[derive(Clone, Debug)]
pub struct Scale {
    pub min: i64,
    pub max: i64,
    pub labels: BTreeMap<i64, Text>,
}

/// The readiness self-assessment.
#[derive(Clone, Debug)]
pub struct Readiness {
    pub title: Text,
    pub intro: Option<Text>,
    /// Phases at which the pack suggests running it.
    pub phases: Vec<String>,
    pub scale: Scale,
    /// Whether "don't know" is offered (it is not scored).
    pub dont_know: bool,
    pub risk_below: f64,
    pub watch_below: f64,
    pub dimensions: Vec<Dimension>,
}

#[derive(Clone, Debug)]
pub struct Dimension {
    pub id: String,
    pub title: Text,
    pub statements: Vec<Statement>,
}

#[derive(Clone, Debug)]
pub struct Statement {
    pub id: String,
    pub text: Text,
}

/// How a team's answers to the diagnostic lean.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Leaning {
    pub innovation: usize,
    pub development: usize,
    /// The diagnostic's items with an answer.
    pub answered: usize,
}

impl Diagnostic {
    /// Counts which way `answers` lean on the diagnostic's items.
    pub fn leaning(&self, pack: &Pack, answers: &dyn super::condition::Answers) -> Leaning {
        let mut out = Leaning::default();
        for name in &self.items {
            let (Some(item), Some(Value::Str(id))) = (pack.item(name), answers.value(name)) else {
                continue;
            };
            out.answered += 1;
            match item
                .kind
                .options()
                .iter()
                .find(|o| o.id == id)
                .and_then(|o| o.lean)
            {
                Some(Lean::Innovation) => out.innovation += 1,
                Some(Lean::Development) => out.development += 1,
                None => {}
            }
        }
        out
    }
}

/// The innovation-or-development diagnostic: choice items whose options lean.
#[derive(Clone, Debug)]
pub struct Diagnostic {
    pub title: Text,
    pub intro: Option<Text>,
    pub items: Vec<Name>,
    /// The choice item where the team records which way they go, shown
    /// the verdict before it is asked (`track`).
    pub track: Option<Name>,
}
