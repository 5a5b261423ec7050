//! The state in words, for the report and for `dino status` alike: an
//! answer, a phase's title, where the project stands, and whether it is
//! stale.

use crate::i18n::Lang;
use crate::log::{Answer, CheckState};
use crate::pack::Leaning;
use crate::state::{Current, State};
use crate::tr;
use crate::workbook::Workbook;

/// A gate criterion's status in words, for people.
pub fn criterion_status(status: &crate::state::CriterionStatus, lang: Lang) -> &'static str {
    use crate::state::CriterionStatus;
    match status {
        CriterionStatus::Met => lang.pick("Uppfyllt", "Met"),
        CriterionStatus::NotMet => lang.pick("Inte uppfyllt", "Not met"),
        CriterionStatus::Deferred { .. } => lang.pick("Skjuts upp", "Deferred"),
        CriterionStatus::NotApplicable(_) => lang.pick("Ej tillämplig", "Not applicable"),
        CriterionStatus::Unrecorded => lang.pick("Inte angivet", "Not recorded"),
    }
}

/// An answer in words on one line, whole up to a bound: line ends shown
/// as `⏎`, control characters made visible, and beyond 400 characters the
/// rest counted. Two answers that differ only at their ends both show it.
pub fn answer_in_line(answer: &Answer, lang: Lang) -> String {
    const MAX: usize = 400;
    let text = answer_text(answer, lang);
    let line = text
        .trim_end()
        .replace("\r\n", " ⏎ ")
        .replace(['\n', '\r'], " ⏎ ");
    let line = crate::text::terminal_md::visible(&line);
    let count = line.chars().count();
    if count <= MAX {
        return line;
    }
    let cut: String = line.chars().take(MAX).collect();
    tr!(
        lang,
        "{cut}… (+{} tecken)",
        "{cut}… (+{} characters)",
        count - MAX
    )
}

/// An answer in words, for people.
pub fn answer_text(answer: &Answer, lang: Lang) -> String {
    match answer {
        Answer::Check(CheckState::Done) => lang.pick("Klart", "Done").to_string(),
        Answer::Check(CheckState::NotDone) => lang.pick("Inte klart", "Not done").to_string(),
        Answer::Check(CheckState::NotApplicable(reason)) | Answer::NotApplicable(reason) => {
            format!(
                "{} {reason}",
                lang.pick("Ej tillämplig:", "Not applicable:")
            )
        }
        Answer::Text(text) => text.clone(),
        Answer::Options(options) => {
            let ticked: Vec<&str> = options
                .iter()
                .filter(|o| o.ticked)
                .map(|o| o.label.as_str())
                .collect();
            if ticked.is_empty() {
                lang.pick("(inget valt)", "(none chosen)").to_string()
            } else {
                ticked.join(", ")
            }
        }
        Answer::DontKnow => lang.pick("Vet ej", "Don't know").to_string(),
        Answer::Unanswered => lang.pick("(obesvarad)", "(not answered)").to_string(),
        Answer::Met => lang.pick("Uppfyllt", "Met").to_string(),
        Answer::NotMet => lang.pick("Inte uppfyllt", "Not met").to_string(),
        Answer::Deferred => lang.pick("Skjuts upp", "Deferred").to_string(),
        Answer::Fields(fields) => fields_text(fields, lang),
    }
}

/// An indicator's or a measurement's fields on one line, each after its
/// label.
pub fn fields_text(fields: &[(crate::log::Field, String)], lang: Lang) -> String {
    fields
        .iter()
        .filter(|(_, value)| !value.is_empty())
        .map(|(field, value)| format!("{} {value}", field.words(lang)))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// A phase's title in the language shown.
pub fn phase_title(wb: &Workbook, id: &str, lang: Lang) -> String {
    wb.pack.phase(id).map_or_else(
        || id.to_string(),
        |p| p.title.get(wb.pack.lang_for(lang)).to_string(),
    )
}

/// Where the project is: "Förstå (2 av 6)", "stoppad vid Pilot", "klar".
pub fn current_text(wb: &Workbook, state: &State, lang: Lang) -> String {
    let total = state.phases.len();
    match state.current {
        Current::Phase(i) => format!(
            "{} ({})",
            phase_title(wb, &state.phases[i].id, lang),
            tr!(lang, "fas {} av {total}", "phase {} of {total}", i + 1)
        ),
        Current::Stopped(i) => tr!(
            lang,
            "avslutat vid {}",
            "stopped at {}",
            phase_title(wb, &state.phases[i].id, lang)
        ),
        Current::Finished => lang
            .pick("alla faser klara", "every phase done")
            .to_string(),
    }
}

/// The mark of a stale workbook.
pub fn stale_word(lang: Lang) -> &'static str {
    lang.pick("avstannad", "stale")
}

/// Since when nothing was written, and after how many days the pack calls
/// that stale.
pub fn stale_sentence(since: &str, days: u32, lang: Lang) -> String {
    tr!(
        lang,
        "Inget skrivet sedan {since}; paketet räknar en arbetsbok som avstannad efter {days} dagar.",
        "Nothing written since {since}; the pack calls a workbook stale after {days} days."
    )
}

/// What the diagnostic's answers say: which way they lean.
pub fn verdict(leaning: Leaning, lang: Lang) -> &'static str {
    let Leaning {
        innovation,
        development,
        answered,
    } = leaning;
    if answered == 0 {
        lang.pick("Inte besvarad än.", "Not answered yet.")
    } else if innovation > development {
        lang.pick(
            "Svaren lutar åt innovation: okänd lösning, svårt att planera, ett brott mot dagens arbetssätt.",
            "The answers lean towards innovation: an unknown solution, hard to plan, a break with today's way of working.",
        )
    } else if development > innovation {
        lang.pick(
            "Svaren lutar åt verksamhetsutveckling: en känd lösning som går att planera. En vanlig projektplan kan passa bättre.",
            "The answers lean towards operational development: a known solution that can be planned. An ordinary project plan may fit better.",
        )
    } else {
        lang.pick(
            "Svaren pekar åt båda hållen; prata om varför.",
            "The answers point both ways; talk about why.",
        )
    }
}
