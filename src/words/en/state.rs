//! `state`'s parts: reading an answer for its item (`state::answer`), the
//! fold (`state::folding`) and readiness (`state::readiness`).

use crate::i18n::Lang;
use crate::state::answer::Message as Answer;
use crate::state::folding::Message as Folding;
use crate::state::readiness::Message as Readiness;

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
    }
}

pub fn state_folding(message: &Folding) -> String {
    match message {
        Folding::FollowsUnknown { id } => format!(
            "`follows` names `{id}`, but no entry in the log has that id (was it removed?)"
        ),
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
        Folding::ClosesUnknown { id } => {
            format!("`closes` names `{id}`, but no entry in the log has that id")
        }
        Folding::AnsweredDifferently {
            item,
            phase,
            file,
            who,
        } => format!(
            "`{item}` was answered differently in {file} ({who}), and neither had seen the other's answer; this later answer counts. `dino run {phase}` and a new answer settle it"
        ),
        Folding::DecidedDifferently { phase, file, who } => format!(
            "the gate of `{phase}` was decided differently in {file} ({who}), and neither had seen the other decision; this later one counts. A new decision, `dino gate {phase} --decision …`, settles it"
        ),
        Folding::UnknownDecision { decision } => {
            format!("there is no decision `{decision}`; it is go, recycle, pause or stop")
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
