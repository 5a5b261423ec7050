//! `log`'s parts: an entry's front matter (`log::front`), reading an entry
//! (`log::read`), and reading back before writing (`log::readback`).

use crate::i18n::{Lang, one_decimal};
use crate::log::front::Message as Front;
use crate::log::labels::Label;
use crate::log::read::Message as Read;
use crate::log::readback::{Message as Readback, Written};

pub fn log_front(message: &Front) -> String {
    match message {
        Front::UnknownKind { kind, valid } => {
            let valid = super::super::in_code(valid);
            format!("unknown kind of entry `{kind}`; valid: {valid}")
        }
        Front::MissingPhase { kind } => {
            format!("missing key `phase` (an entry of kind `{kind}` belongs to a phase)")
        }
        Front::MissingDate => "missing key `date`".to_string(),
        Front::DateNotATime => "`date` must be a time like 2026-03-02T09:15:00+01:00".to_string(),
        Front::DateWithoutOffset { why } => {
            format!("`date` must be a time with an offset, like 2026-03-02T09:15:00+01:00 ({why})")
        }
        Front::NotADay { key, found } => {
            format!("`{key}` must be a day written like 2026-03-31, not `{found}`")
        }
        Front::MeasureLacks { key } => format!(
            "missing key `{key}` (a measurement names its `indicator`, its `value` and the day it was `measured`)"
        ),
        Front::ValueNotFinite => "`value` must be a finite number".to_string(),
        Front::BlankOwner => "`owner` is empty; write who is responsible".to_string(),
        Front::ActionLacks { key } => {
            format!("missing key `{key}` (an action has an owner, `owner`, and a due date, `due`)")
        }
        Front::DoneClosesNothing => {
            "an entry of kind `done` closes something: list ids under `closes`".to_string()
        }
        Front::RosterLacks { key } => format!(
            "missing key `{key}` (a roster entry has its `change` and the `name`; a correction also what the name `was`)"
        ),
        Front::UnknownChange { change, valid } => {
            let valid = super::super::in_code(valid);
            format!("unknown `change` `{change}`; valid: {valid}")
        }
        Front::BlankName => "`name` is empty; write the person's name".to_string(),
        Front::WasOnlyInCorrect { change } => {
            format!("`was` belongs to a correction (`change = \"correct\"`), not to `{change}`")
        }
        Front::NotForKind {
            key,
            kind,
            for_kinds,
        } => {
            let for_kinds = super::super::in_code(for_kinds);
            format!(
                "`{key}` does not belong to an entry of kind `{kind}` (it is used by {for_kinds})"
            )
        }
    }
}

pub fn log_read(message: &Read) -> String {
    match message {
        Read::NoClosingLine => "the front matter lacks its closing `+++` line".to_string(),
        Read::NoFrontMatter => {
            "the entry does not start with front matter between two `+++` lines".to_string()
        }
        Read::TooDeep { max } => format!(
            "the text nests deeper than {max} levels (quotes and lists inside one another), more than dino reads; make it flatter"
        ),
        Read::OptionMarkerInHeading => {
            "an option marker belongs in a task list, not in a heading".to_string()
        }
        Read::ItemWithoutMarker => {
            "a list item lacks `<!-- item: ID -->` and cannot be read".to_string()
        }
        Read::OutsideAnItem => {
            "text outside an item (before the first `<!-- item: ID -->`) cannot be read".to_string()
        }
        Read::NoCheckbox { item } => {
            format!("the item `{item}` has no checkbox (`- [ ]` or `- [x]`); read as not done")
        }
        Read::OptionWithoutMarker => {
            "an option lacks `<!-- option: ID -->` and cannot be read".to_string()
        }
        Read::TwoOptionLists { item } => format!("the item `{item}` has two lists of options"),
        Read::HeadingHere => "the heading cannot be read here".to_string(),
        Read::UnknownLabel { bold } => format!(
            "unknown label **{bold}**; the labels are {}",
            Label::all_words(Lang::En)
        ),
        Read::Unplaced { item } => format!(
            "the text under `{item}` does not follow a label (**Answer:**, **Not applicable:**, **Note:**) and cannot be read"
        ),
        Read::CheckboxWithAnswer { item } => {
            format!("`{item}` is a checkbox; an answer text or options under it are not read")
        }
        Read::TickedAndNotApplicable { item } => {
            format!("`{item}` is both ticked and not applicable; read as done")
        }
        Read::MoreThanOneAnswer { item } => format!(
            "`{item}` has more than one answer (answer, options, not applicable, don't know); the first is read"
        ),
        Read::NoAnswer { item } => format!(
            "`{item}` has no answer (expected **Answer:**, a list of options, **Not applicable:** or **Don't know**)"
        ),
        Read::FieldTwice { label } => format!("**{}** stands twice in one answer; the first is read", label.words(crate::i18n::Lang::En)),
        Read::ActionOutsideItsBlock => "an action's label or `<!-- action: N -->` stands outside the action's quote (`> **Action:** …`)".to_string(),
        Read::ActionBlockHolds => "an action's quote holds only **Action:**, **Owner:** and **Due:**, a paragraph each".to_string(),
        Read::ActionWithoutMarker => "an action lacks `<!-- action: N -->` after its text".to_string(),
        Read::ActionLacks { n, label } => {
            let label = if *label == "owner" { "**Owner:**" } else { "**Due:**" };
            format!("action {n} lacks its {label}")
        }
        Read::CriterionNoStatus { id } => format!(
            "criterion `{id}` has no status (expected **Met**, **Not met**, **Deferred** or **Not applicable:**)"
        ),
        Read::CriterionTwoStatuses { id } => {
            format!("criterion `{id}` has more than one status; the first is read")
        }
        Read::CriterionWithAnswer { id } => format!(
            "criterion `{id}` has a status, not an answer: **Answer:**, options and **Don't know** belong to items"
        ),
        Read::DeferredActions { id, found } => format!(
            "criterion `{id}` is deferred and needs exactly one action after it (`> **Action:** …`), not {found}"
        ),
        Read::CriterionWithAction { id } => format!(
            "criterion `{id}` has an action after it but is not deferred (**Deferred**)"
        ),
        Read::StatusUnderItem { item } => format!(
            "`{item}` is an item: **Met**, **Not met** and **Deferred** belong to a gate's criteria (`<!-- criterion: ID -->`)"
        ),
        Read::ActionDueNotADay { n, found } => {
            format!("action {n}: **Due:** must be a day like 2026-03-31, not `{found}`")
        }
    }
}

pub fn log_readback(message: &Readback) -> String {
    match message {
        Readback::TooLarge {
            what,
            size_mib,
            limit_mib,
        } => {
            let (what, size) = (log_written(what), one_decimal(*size_mib, Lang::En));
            format!(
                "{what} would be {size} MiB, but dino reads files of at most {limit_mib} MiB; nothing was written"
            )
        }
        Readback::TextTooLarge { limit_mib } => format!(
            "the text is larger than dino can read back: an entry holds at most {limit_mib} MiB; nothing was written"
        ),
        Readback::ReadsBackDifferently { what } => unreadable(what, "it reads back differently"),
        Readback::Unreadable { what, why } => unreadable(what, &why.say(Lang::En)),
    }
}

fn unreadable(what: &Written, why: &str) -> String {
    let what = log_written(what);
    format!("{what} would not read back as written ({why}); nothing was written")
}

pub fn log_written(what: &Written) -> String {
    match what {
        Written::Entry => "the entry".to_string(),
        Written::Draft => "the draft".to_string(),
        Written::File(name) => name.clone(),
    }
}
