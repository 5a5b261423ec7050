//! `state`'s parts: reading an answer for its item (`state::answer`), the
//! fold (`state::folding`) and readiness (`state::readiness`).

use crate::i18n::Lang;
use crate::report::state_words::answer_in_line;
use crate::state::answer::Message as Answer;
use crate::state::folding::Message as Folding;
use crate::state::readiness::Message as Readiness;
use crate::words::toml_ids as quoted;

pub fn state_answer(message: &Answer) -> String {
    match message {
        Answer::CheckboxForKind { kind } => {
            format!("a checkbox does not fit an item of kind {kind}")
        }
        Answer::NoOptionTicked => "no option is ticked".to_string(),
        Answer::SeveralOptionsTicked => {
            "several options are ticked, but the question takes one".to_string()
        }
        Answer::OptionsForKind { kind } => {
            format!("a list of options does not fit an item of kind {kind}")
        }
        Answer::CheckTakesABox => "a check is answered with `- [x]` or `- [ ]`".to_string(),
        Answer::NotAnOption { text } => {
            format!("`{text}` is not one of the options; tick an option in the list")
        }
        Answer::NotAWholeNumber { start } => {
            format!("the answer must start with a whole number, not `{start}`")
        }
        Answer::NotANumber { start } => {
            format!("the answer must start with a number, not `{start}`")
        }
        Answer::WriteANumber => "write a number".to_string(),
        Answer::Unfit(why) => why.say(Lang::En),
        Answer::Unanswered => {
            "the item is not answered, only actions are raised beside it".to_string()
        }
        Answer::TheAnswer => "the answer".to_string(),
        Answer::CriterionStatus => {
            "a gate criterion's status (met, not met, deferred) answers no item".to_string()
        }
        Answer::TakesFields { kind } => format!(
            "a {kind} item is answered with its fields, a labelled paragraph each (docs/log-format.md)"
        ),
        Answer::FieldsForKind { kind } => {
            format!("fields like **Indicator:** do not fit an item of kind {kind}")
        }
        Answer::FieldNotOf { field, kind } => {
            format!("a {kind} item has no field **{}**", field.words(Lang::En))
        }
        Answer::FieldMissing { field } => {
            format!("**{}** is missing or blank", field.words(Lang::En))
        }
        Answer::FieldNotANumber { field, start } => {
            format!(
                "**{}** must start with a number, not `{start}`",
                field.words(Lang::En)
            )
        }
        Answer::FieldNotADate { field, found } => format!(
            "**{}** must be a day, YYYY-MM-DD, not `{found}`",
            field.words(Lang::En)
        ),
        Answer::MeasuredInFuture { day, today } => {
            format!("a measurement cannot be dated in the future: {day} is after {today}")
        }
        Answer::MeasuredBeforeBaseline { day, baseline } => {
            format!("the day measured, {day}, is before the indicator's baseline day ({baseline})")
        }
        Answer::BaselineInFuture { day, today } => {
            format!("a baseline cannot be dated in the future: {day} is after {today}")
        }
        Answer::TargetNotAfterBaseline { target, baseline } => {
            format!("the target day {target} must be after the baseline day ({baseline})")
        }
    }
}

pub fn state_folding(message: &Folding) -> String {
    match message {
        Folding::WithoutFollows { newest } => format!(
            "written without `follows` after entries that have it (by hand?): it is read as having seen no other entry, so where it answers differently it stands beside the other answers as a disagreement, and overrules nothing; add `follows = [{}]` if its author had seen them",
            quoted(newest)
        ),
        Folding::DatedAhead { date, now } => format!(
            "dated {date}, more than a day after now ({now}): a mistyped date sorts this entry after everything written until then; write the day it was written"
        ),
        Folding::FollowsUnknown { id } => format!(
            "`follows` names `{id}`, but no entry in the log has that id (was it removed?)"
        ),
        Folding::UnknownIndicator { indicator, near } => {
            let hint = near
                .as_ref()
                .map(|n| format!("; did you mean `{n}`?"))
                .unwrap_or_default();
            format!("`indicator` names `{indicator}`, which is no indicator of the pack{hint}")
        }
        Folding::UnknownPhase { phase, near } => {
            let hint = near
                .as_ref()
                .map(|n| format!("; did you mean `{n}`?"))
                .unwrap_or_default();
            format!("the pack has no phase `{phase}`{hint}")
        }
        Folding::NotApplicableWithoutReason { item } => format!(
            "`{item}` is marked not applicable without a reason; write the reason after the label (the item counts as open until then)"
        ),
        Folding::Unfit { item, why } => format!("`{item}`: {}", state_answer(why)),
        Folding::UnknownProfileQuestion { item, near } => format!(
            "the profile has no question `{item}`{}",
            near.as_ref().map_or(String::new(), |n| format!("; did you mean `{n}`?"))
        ),
        Folding::ProfileChangedDifferently { item, file, who } => format!(
            "the profile's `{item}` was changed differently in {file} ({who}), and neither had seen the other change; this later one counts. `dino profile set {item} …` settles it"
        ),
        Folding::ProfileNotAnAnswer { item } => {
            format!("`{item}`: a profile change gives an answer, not \"not applicable\" or \"don't know\"")
        }
        Folding::UnknownItem { phase, item } => format!(
            "the phase `{phase}` has no item `{item}` (any more); the answer is kept and shown as removed"
        ),
        Folding::UnknownCriterion { phase, id } => format!(
            "the gate of phase `{phase}` has no criterion `{id}` (any more); the decision is kept"
        ),
        Folding::CriterionNoLongerTaken { phase, id, version } => dropped(phase, id, version),
        Folding::CriterionOutsideGate { id } => format!(
            "criterion `{id}` is recorded outside a gate decision; only a gate entry records criteria"
        ),
        Folding::ClosesUnknown { id } => {
            format!("`closes` names `{id}`, but no entry in the log has that id")
        }
        Folding::AnsweredDifferently {
            item,
            phase,
            file,
            who,
            kept,
            other,
        } => format!(
            "`{item}` was answered differently in {file} ({who}), and neither had seen the other's answer; this later answer counts: “{}”; set aside: “{}”. `dino run {phase}` and a new answer settle it",
            answer_in_line(kept, Lang::En),
            answer_in_line(other, Lang::En)
        ),
        Folding::DecidedDifferently {
            phase,
            file,
            who,
            kept,
            other,
        } => format!(
            "the gate of `{phase}` was decided differently in {file} ({who}), and neither had seen the other decision; this later one counts: “{}”; set aside: “{}”. A new decision, `dino gate {phase} --decision …`, settles it",
            answer_in_line(kept, Lang::En),
            answer_in_line(other, Lang::En)
        ),
        Folding::UnknownDecision { decision } => {
            format!("there is no decision `{decision}`; choose go, recycle, pause or stop")
        }
        Folding::NoDecision => "the gate entry lacks one (and only one) ticked decision under `<!-- item: decision -->`".to_string(),
    }
}

pub fn state_readiness(message: &Readiness) -> String {
    match message {
        Readiness::NoAssessment => "the pack has no readiness assessment".to_string(),
        Readiness::UnknownStatement { item } => {
            format!("the assessment has no statement `{item}` (written DIMENSION.STATEMENT)")
        }
        Readiness::Unfit { item, why } => format!("`{item}`: {}", state_answer(why)),
    }
}

/// A criterion recorded by number that the gate no longer takes.
fn dropped(phase: &str, id: &str, version: &str) -> String {
    format!(
        "criterion `{id}` was recorded by its number in version {version} of the pack, and no criterion of the gate of phase `{phase}` has that text any more; it does not count. Record the criteria anew: `dino gate {phase} --decision … --criterion ID=…` (`dino gate {phase}` shows their ids)"
    )
}
