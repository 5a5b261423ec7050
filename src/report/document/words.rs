//! The document's own words that `report::words` does not have: headings
//! and labels of the manager-first layout, the chart captions, the empty
//! register and log, the table of contents and the readiness across a portfolio.

use crate::i18n::Lang;
use crate::tr;

/// The label before the status line.
pub fn status_label(lang: Lang) -> &'static str {
    lang.pick("Läge:", "Status:")
}

/// The required items done, in the status line.
pub fn requirements_done(done: usize, required: usize, lang: Lang) -> String {
    tr!(
        lang,
        "{} av {} krav klara",
        "{} of {} required done",
        done,
        required
    )
}

/// The last activity, in the status line.
pub fn last_active(lang: Lang) -> &'static str {
    lang.pick("senast aktiv", "last active")
}

/// What a redacted report says of itself.
pub fn redacted(lang: Lang) -> &'static str {
    lang.pick(
        "Namn är utbytta mot roller (--redact).",
        "Names are replaced by roles (--redact).",
    )
}

pub fn problem(lang: Lang) -> &'static str {
    lang.pick("Problem", "Problem")
}

pub fn goal(lang: Lang) -> &'static str {
    lang.pick("Mål", "Goal")
}

pub fn last_decision(lang: Lang) -> &'static str {
    lang.pick("Senaste beslut", "Last decision")
}

pub fn no_decision(lang: Lang) -> &'static str {
    lang.pick("Inget beslut än.", "No decision yet.")
}

pub fn next_gate(lang: Lang) -> &'static str {
    lang.pick("Nästa beslutspunkt", "Next gate")
}

pub fn no_date_planned(lang: Lang) -> &'static str {
    lang.pick("Inget datum planerat.", "No date planned.")
}

pub fn summary(lang: Lang) -> &'static str {
    lang.pick("Sammanfattning", "Summary")
}

/// The summary table's column heads.
pub fn what_and_status(lang: Lang) -> Vec<String> {
    vec![
        lang.pick("Vad", "What").to_string(),
        lang.pick("Läge", "Status").to_string(),
    ]
}

pub fn progress_caption(lang: Lang) -> &'static str {
    lang.pick("Klara krav per fas", "Requirements done per phase")
}

pub fn progress_description(lang: Lang) -> &'static str {
    lang.pick(
        "Staplarna visar hur många av varje fas krav som är klara; siffrorna står i fasernas rubriker.",
        "The bars show how many of each phase's requirements are done; the numbers are in the phases' headings.",
    )
}

pub fn indicator_caption(lang: Lang) -> &'static str {
    lang.pick(
        "Uppmätt (fyllda punkter) och målet (streckat, ofylld punkt)",
        "Measured (filled points) and the target (dashed, hollow point)",
    )
}

pub fn readiness_caption(lang: Lang) -> &'static str {
    lang.pick("Medelvärde per dimension", "Mean per dimension")
}

pub fn profile(lang: Lang) -> &'static str {
    lang.pick("Projektprofil", "Project profile")
}

pub fn question_and_answer(lang: Lang) -> Vec<String> {
    vec![
        lang.pick("Fråga", "Question").to_string(),
        lang.pick("Svar", "Answer").to_string(),
    ]
}

pub fn item_and_answer(lang: Lang) -> Vec<String> {
    vec![
        lang.pick("Punkt", "Item").to_string(),
        lang.pick("Svar", "Answer").to_string(),
    ]
}

pub fn note_label(lang: Lang) -> &'static str {
    lang.pick("Anteckning:", "Note:")
}

pub fn no_answers(lang: Lang) -> &'static str {
    lang.pick("Inga svar än.", "No answers yet.")
}

pub fn phases(lang: Lang) -> &'static str {
    lang.pick("Faser", "Phases")
}

pub fn notes(lang: Lang) -> &'static str {
    lang.pick(
        "Beslut, risker, insikter och lärdomar",
        "Decisions, risks, insights and lessons",
    )
}

pub fn no_notes(lang: Lang) -> &'static str {
    lang.pick("Inga anteckningar än.", "No notes yet.")
}

/// A risk not yet closed, in a note's heading.
pub fn open(lang: Lang) -> &'static str {
    lang.pick("öppen", "open")
}

pub fn by_role(lang: Lang) -> &'static str {
    lang.pick("Efter roll", "By role")
}

pub fn by_respondent(lang: Lang) -> &'static str {
    lang.pick("Efter svarande", "By respondent")
}

pub fn portfolio_title(lang: Lang) -> &'static str {
    lang.pick("Portföljrapport", "Portfolio report")
}

pub fn contents(lang: Lang) -> &'static str {
    lang.pick("Innehåll", "Contents")
}

pub fn overview(lang: Lang) -> &'static str {
    lang.pick("Översikt", "Overview")
}

pub fn readiness_across(lang: Lang) -> &'static str {
    lang.pick(
        "Förutsättningar i projekten",
        "Readiness across the projects",
    )
}

/// What the readiness across the projects shows, in a sentence.
pub fn readiness_across_sentence(lang: Lang) -> &'static str {
    lang.pick(
        "Varje projekts senaste medelvärde per dimension; ett streck där projektet inte har skattat dimensionen.",
        "Each project's latest mean per dimension; a dash where the project has not assessed the dimension.",
    )
}

/// The first two column heads of the readiness across the projects.
pub fn project_and_latest(lang: Lang) -> [&'static str; 2] {
    [
        lang.pick("Projekt", "Project"),
        lang.pick("Senaste skattning", "Latest assessment"),
    ]
}

/// The progress chart's data table's column heads.
pub fn phase_and_done(lang: Lang) -> Vec<String> {
    vec![
        lang.pick("Fas", "Phase").to_string(),
        lang.pick("Klara krav", "Requirements done").to_string(),
    ]
}

/// The caption over a phase's sessions.
pub fn sessions(lang: Lang) -> &'static str {
    lang.pick("Möten och deltagare", "Sessions and participants")
}

/// The risk register when no risk was ever raised.
pub fn no_risks(lang: Lang) -> &'static str {
    lang.pick("Inga risker registrerade.", "No risks recorded.")
}

/// The decision log before the first gate decision.
pub fn no_gate_decisions(lang: Lang) -> &'static str {
    lang.pick(
        "Inga beslut vid beslutspunkter än.",
        "No gate decisions yet.",
    )
}

/// Why a phase was never reached, as a sentence of its own: capitalised,
/// a full stop after it.
pub fn sentence(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => format!("{}{}.", first.to_uppercase(), chars.as_str()),
        None => String::new(),
    }
}
