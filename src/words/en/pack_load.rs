//! `pack::load`: problems in a pack's files, and the parts of a pack, in
//! English.

use crate::i18n::Lang;
use crate::pack::Kind;
use crate::pack::load::Message as Load;
use crate::pack::load::Part;
use crate::pack::load::item::Message as Item;
use crate::pack::load::pack_file::Message as PackFile;
use crate::pack::load::refs::Message as Refs;
use crate::pack::load::text::Message as Text;

pub fn pack_load(message: &Load) -> String {
    match message {
        Load::IdUsed { id, line } => format!("the id `{id}` is used already (line {line})"),
        Load::PhaseFileListedTwice { rel } => {
            format!("`{rel}` is listed already, or is pack.toml")
        }
        Load::PhaseFileMissing { rel } => {
            format!("the phase file `{rel}` is listed but does not exist")
        }
        Load::NoPhases => "the pack has no phases".to_string(),
        Load::Unlisted => {
            "the file is not listed in pack.toml's `phases`; list it there or remove it".to_string()
        }
        Load::NoItems => "the phase has no items; a phase needs at least one".to_string(),
    }
}

pub fn pack_load_pack_file(message: &PackFile) -> String {
    match message {
        PackFile::LanguageTwice { code } => format!("`{code}` is listed twice"),
        PackFile::UnknownLanguage { code } => {
            format!("unknown language `{code}`; dino speaks `sv` and `en`")
        }
        PackFile::NoLanguage => "name at least one language".to_string(),
        PackFile::BadVersion { version } => {
            format!("`version` is written MAJOR.MINOR.PATCH, e.g. \"1.0.0\", not \"{version}\"")
        }
        PackFile::OffTheScale { key, value, lo, hi } => {
            format!("`{key}` ({value}) lies outside the scale {lo}–{hi}")
        }
        PackFile::RiskAboveWatch { risk, watch } => {
            format!("`risk_below` ({risk}) must not be above `watch_below` ({watch})")
        }
        PackFile::NoDimensions => "`dimensions` is empty".to_string(),
        PackFile::NoStatements => "the dimension has no statements".to_string(),
        PackFile::StaleAfterDays { days } => {
            format!("`stale_after_days` is a whole number of days, 1 or more, not {days}")
        }
        PackFile::TermByUnknown { term, by, near } => format!(
            "the term `{term}` depends on `{by}`, which is no profile question{}",
            near.as_ref()
                .map_or(String::new(), |n| format!("; did you mean `{n}`?"))
        ),
        PackFile::TermByNotChoice { term, by, kind } => format!(
            "the term `{term}` depends on `{by}`, a {kind}; a term depends on a profile choice"
        ),
        PackFile::TermValueNotOption { option, by, ids } => format!(
            "`{option}` is none of the options of `{by}` ({})",
            ids.join(", ")
        ),
    }
}

pub fn pack_load_item(message: &Item) -> String {
    match message {
        Item::Condition { error } => format!("condition: {}", error.message(Lang::En)),
        Item::NotFinite { key, value } => {
            format!("`{key}` must be a finite number, not {value}")
        }
        Item::MinNotBelowMax { min, max } => {
            format!("`min` ({min}) must be below `max` ({max})")
        }
        Item::UnknownKind {
            kind,
            near: Some(near),
            kinds,
        } => format!(
            "unknown kind `{kind}`; did you mean `{near}`? (kinds: {})",
            kinds.join(", ")
        ),
        Item::UnknownKind {
            kind,
            near: None,
            kinds,
        } => format!("unknown kind `{kind}` (kinds: {})", kinds.join(", ")),
        Item::BadLean { lean } => {
            format!("`lean` is `innovation` or `development`, not `{lean}`")
        }
        Item::TooFewOptions => "`options` needs at least two options".to_string(),
        Item::ScaleBounds { min, max } => format!(
            "the scale's bounds are reversed or equal: `min` ({min}) must be below `max` ({max})"
        ),
        Item::LabelOffTheScale { key, min, max } => format!(
            "`labels` has the key `{key}`, but its keys must be scale points from {min} to {max}"
        ),
        Item::NotAnOption { id, ids } => {
            format!("`{id}` is not one of the options ({})", ids.join(", "))
        }
        Item::Twice { id } => format!("`{id}` is there twice"),
        Item::WrongKind { what, kind } => format!(
            "{} of a {} item must be {}",
            what.say(Lang::En),
            kind.name(),
            wanted(kind)
        ),
        Item::NotADate { value } => format!("`{value}` is not a date; write YYYY-MM-DD"),
        Item::NotPhaseItem { written } => {
            format!("`{written}` names no item; write `phase.item`")
        }
        Item::NotInProfile { kind } => {
            format!("a {kind} item belongs in a phase, not among the profile questions")
        }
    }
}

pub fn pack_load_refs(message: &Refs) -> String {
    match message {
        Refs::PhaseIdUsed { id, other } => {
            format!("the phase id `{id}` is used already in {other}")
        }
        Refs::LaterInProfile { name } => format!(
            "`{name}` comes later in the profile (or is this question); a condition can only read answers given before it"
        ),
        Refs::NotAProfileQuestion { name, phase } => {
            format!("`{name}` is not a profile question; did you mean the item `{phase}.{name}`?")
        }
        Refs::UnknownProfileQuestion { name, near } => {
            format!("unknown profile question `{name}`{}", did_you_mean(near))
        }
        Refs::ProfileReadsPhase { name } => {
            format!("a profile question can only read earlier profile answers, not `{name}`")
        }
        Refs::UnknownPhaseIn { phase, name, near } => {
            format!("unknown phase `{phase}` in `{name}`{}", did_you_mean(near))
        }
        Refs::LaterPhase { name } => format!(
            "`{name}` belongs to a later phase; a condition can only read answers given before it"
        ),
        Refs::NoSuchItem { phase, item, near } => format!(
            "the phase `{phase}` has no item `{item}`{}",
            did_you_mean(near)
        ),
        Refs::LaterInPhase { name } => format!(
            "`{name}` comes later in the phase (or is this item); a condition can only read answers given before it"
        ),
        Refs::InNeedsMulti { name, kind } => {
            format!("`in` reads a list, but `{name}` is a {kind} item; use `==`")
        }
        Refs::InNeedsList => "the right of `in` must be a list `[…]` or a multi item".to_string(),
        Refs::NotPhaseItem { written } => format!("`{written}` must be written `phase.item`"),
        Refs::TrackNotChoice { written, kind } => {
            format!("the diagnostic's `track` is a choice item; `{written}` is a {kind} item")
        }
        Refs::DiagnosticNotChoice { written, kind } => {
            format!("the diagnostic reads choice items only; `{written}` is a {kind} item")
        }
        Refs::NoLean { written } => format!(
            "no option of `{written}` has a `lean`, so the item tells the diagnostic nothing"
        ),
        Refs::LeanNotInDiagnostic { name } => format!(
            "`lean` counts only for items in [diagnostic] `items`, and `{name}` is not there"
        ),
        Refs::UnknownPhase { id, near } => format!("unknown phase `{id}`{}", did_you_mean(near)),
        Refs::NotAnOptionOf {
            value,
            name,
            options,
            near: Some(near),
        } => format!(
            "'{value}' is not an option of `{name}` (options: {}); did you mean '{near}'?",
            options.join(", ")
        ),
        Refs::NotAnOptionOf {
            value,
            name,
            options,
            near: None,
        } => format!(
            "'{value}' is not an option of `{name}` (options: {})",
            options.join(", ")
        ),
        Refs::CheckCompared { name } => {
            format!("`{name}` is a check; compare it with true or false, or write just `{name}`")
        }
        Refs::NeverEqual {
            literal,
            name,
            kind,
        } => format!("{literal} can never equal an answer to `{name}` (a {kind} item)"),
        Refs::ReadsFields { .. } | Refs::RefLater { .. } | Refs::RefKind { .. } => {
            indicator_refs(message)
        }
    }
}

/// What the checks say of what indicators and measurements name.
fn indicator_refs(message: &Refs) -> String {
    match message {
        Refs::ReadsFields { name, kind } => {
            format!(
                "a condition cannot read `{name}`: its answer (kind {kind}) has fields of its own"
            )
        }
        Refs::RefLater { name } => format!(
            "`{name}` comes later (or is this item); a measurement can only name an item before it"
        ),
        Refs::RefKind { name, kind, wants } => {
            format!("the item `{name}` is of kind {kind}, not {wants}")
        }
        _ => String::new(),
    }
}

pub fn pack_load_text(message: &Text) -> String {
    match message {
        Text::NotAPackLanguage { code, languages } => format!(
            "`{code}` is not one of the pack's languages ({})",
            codes(languages)
        ),
        Text::WordingNotAString { key, code, found } => {
            format!("`{key}.{code}` must be a string, not {found}")
        }
        Text::LacksLanguages { key, missing } => {
            format!("`{key}` lacks the language {}", codes(missing))
        }
        Text::TextWrongType { key, found } => {
            format!("`{key}` must be a string or a table of languages, not {found}")
        }
        Text::EmptyText { field } => format!("`{field}` is empty"),
        Text::ControlCharacter { field, character } => format!(
            "`{field}` holds the control character U+{:04X}, which can take over a terminal; remove it",
            *character as u32
        ),
        Text::NotOneLine { field } => format!("`{field}` must be a single line"),
        Text::NestsTooDeep { field, max } => format!(
            "`{field}` nests deeper than {max} levels (quotes and lists inside one another); make it flatter"
        ),
        Text::ShallowHeading { field, level } => format!(
            "`{field}` has a level {level} heading (`{}`); use `###` or deeper so it nests under the phase in the handbook",
            "#".repeat(*level)
        ),
        Text::UnclosedBrace { field } => format!(
            "`{field}` has a `{{` that no `}}` closes; write a term as `{{id}}` and a brace as `{{{{`"
        ),
        Text::UnopenedBrace { field } => {
            format!("`{field}` has a `}}` that no `{{` opens; write a brace as `}}}}`")
        }
        Text::NotATermId { field, name } => format!(
            "`{field}` has `{{{name}}}`, which is no term id; write a term as `{{id}}` and a brace as `{{{{`"
        ),
        Text::BraceInWord { field } => {
            format!("`{field}` is a term's words, used as written; it may hold no brace")
        }
        Text::UnknownTerm { name, near } => format!(
            "`{{{name}}}` is none of the pack's terms{}",
            near.as_ref()
                .map_or(" (`[terms]` in pack.toml)".to_string(), |n| format!(
                    "; did you mean `{{{n}}}`?"
                ))
        ),
    }
}

pub fn pack_load_part(part: &Part) -> String {
    match part {
        Part::Item { kind: Some(kind) } => format!("a {kind} item"),
        Part::Item { kind: None } => "an item".to_string(),
        Part::ProfileQuestions => "profile questions".to_string(),
        Part::Option => "an option".to_string(),
        Part::Dimension => "a dimension".to_string(),
        Part::Statement => "a statement".to_string(),
        Part::PhaseFile => "a phase file".to_string(),
    }
}

/// What an answer to an item of `kind` must be.
fn wanted(kind: &Kind) -> String {
    match kind {
        Kind::Check => "true or false".to_string(),
        Kind::Text { .. } => "a string".to_string(),
        Kind::Choice { .. } => "an option id".to_string(),
        Kind::Multi { .. } => "an array of option ids".to_string(),
        Kind::Scale(scale) => format!("an integer from {} to {}", scale.min, scale.max),
        Kind::Number { .. } => "a number within the bounds".to_string(),
        Kind::Date => "a date, YYYY-MM-DD".to_string(),
        Kind::Indicator { .. } => "an indicator's fields".to_string(),
        Kind::Measurement { .. } => "a measurement's fields".to_string(),
    }
}

/// A near name, offered.
fn did_you_mean(near: &Option<String>) -> String {
    near.as_ref()
        .map(|near| format!("; did you mean `{near}`?"))
        .unwrap_or_default()
}

/// Language codes as a list.
fn codes(languages: &[Lang]) -> String {
    languages
        .iter()
        .map(|l| l.code())
        .collect::<Vec<_>>()
        .join(", ")
}
