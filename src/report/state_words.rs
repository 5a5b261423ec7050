//! The state in words, for the report and for `dino status` alike: an
//! answer, a phase's title, where the project stands, and whether it is
//! stale.

use crate::i18n::Lang;
use crate::log::{Answer, CheckState};
use crate::pack::{Item, Kind, Leaning};
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

/// An item's answer in words: a choice's labels, a scale's point and a
/// number's unit as the pack words them in `text_lang`, dino's words
/// ("Done", "Don't know") in `lang`, and what people wrote as written. An
/// answer the pack's item no longer reads is given as recorded.
pub fn item_answer(item: &Item, answer: &Answer, text_lang: Lang, lang: Lang) -> String {
    use crate::state::answer::{Given, interpret, to_answer};
    let worded_by_pack = matches!(
        item.kind,
        Kind::Choice { .. } | Kind::Multi { .. } | Kind::Scale(_) | Kind::Number { .. }
    );
    match interpret(&item.kind, answer) {
        Ok(given @ Given::Value(_)) if worded_by_pack => {
            answer_text(&to_answer(item, &given, text_lang), lang)
        }
        _ => answer_text(answer, lang),
    }
}

/// Whether an answer in words holds what people wrote: a text, a reason
/// an item does not apply, an indicator's or a measurement's fields.
pub fn written(item: &Item, answer: &Answer) -> bool {
    match answer {
        Answer::Text(_) => matches!(item.kind, Kind::Text { .. } | Kind::Date),
        Answer::NotApplicable(_)
        | Answer::Check(CheckState::NotApplicable(_))
        | Answer::Fields(_) => true,
        _ => false,
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

/// What the diagnostic's answers say: which way they lean, and how
/// clearly. Only when every answer leans one way is the project described
/// as that (for innovation: "a break with today's way of working");
/// answers in between ("Partly") or the other way make it a leaning.
pub fn verdict(leaning: Leaning, lang: Lang) -> &'static str {
    let Leaning {
        innovation,
        development,
        answered,
    } = leaning;
    let between = answered - innovation - development;
    if answered == 0 {
        return lang.pick("Inte besvarad än.", "Not answered yet.");
    }
    if innovation == answered {
        return lang.pick(
            "Svaren lutar åt innovation: okänd lösning, svårt att planera, ett brott mot dagens arbetssätt.",
            "The answers lean towards innovation: an unknown solution, hard to plan, a break with today's way of working.",
        );
    }
    if development == answered {
        return lang.pick(
            "Svaren lutar åt verksamhetsutveckling: en känd lösning som går att planera. En vanlig projektplan kan passa bättre.",
            "The answers lean towards operational development: a known solution that can be planned. An ordinary project plan may fit better.",
        );
    }
    match (innovation.cmp(&development), innovation.min(development)) {
        (std::cmp::Ordering::Greater, 0) => lang.pick(
            "Svaren lutar åt innovation, men några ligger mittemellan.",
            "The answers lean towards innovation, though some are in between.",
        ),
        (std::cmp::Ordering::Less, 0) => lang.pick(
            "Svaren lutar åt verksamhetsutveckling, men några ligger mittemellan.",
            "The answers lean towards operational development, though some are in between.",
        ),
        (std::cmp::Ordering::Greater, _) => lang.pick(
            "Svaren lutar mest åt innovation, men några pekar åt andra hållet; prata om varför.",
            "The answers lean mostly towards innovation, but some point the other way; talk about why.",
        ),
        (std::cmp::Ordering::Less, _) => lang.pick(
            "Svaren lutar mest åt verksamhetsutveckling, men några pekar åt andra hållet; prata om varför.",
            "The answers lean mostly towards operational development, but some point the other way; talk about why.",
        ),
        (std::cmp::Ordering::Equal, 0) if between == answered => lang.pick(
            "Svaren ligger mittemellan och lutar åt inget håll; prata om varför.",
            "The answers are in between and lean neither way; talk about why.",
        ),
        (std::cmp::Ordering::Equal, _) => lang.pick(
            "Svaren pekar åt båda hållen; prata om varför.",
            "The answers point both ways; talk about why.",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::log::OptionMark;
    use crate::pack::{Choice, Scale, Text};

    fn both(sv: &str, en: &str) -> Text {
        Text::ByLang(vec![(Lang::Sv, sv.into()), (Lang::En, en.into())])
    }

    fn item(kind: Kind) -> Item {
        Item {
            id: "x".into(),
            kind,
            prompt: both("Fråga", "Question"),
            help: None,
            required: false,
            when: None,
            default: None,
        }
    }

    fn choice(id: &str, sv: &str, en: &str) -> Choice {
        Choice {
            id: id.into(),
            label: both(sv, en),
            lean: None,
            ask_again: false,
        }
    }

    #[test]
    fn a_scale_answer_written_in_swedish_reads_in_english_when_asked() {
        let scale = Scale {
            min: 1,
            max: 5,
            labels: [(4, both("Stämmer delvis", "Partly true"))].into(),
        };
        let scale = item(Kind::Scale(scale));
        let answer = Answer::Text("4 av 5 · Stämmer delvis".into());
        assert_eq!(
            item_answer(&scale, &answer, Lang::En, Lang::En),
            "4 of 5 · Partly true"
        );
        assert_eq!(
            item_answer(&scale, &answer, Lang::Sv, Lang::Sv),
            "4 av 5 · Stämmer delvis"
        );
        assert!(!written(&scale, &answer));
    }

    #[test]
    fn a_choice_reads_in_the_language_asked_and_free_text_as_written() {
        let options = vec![
            choice("ja", "Ja", "Yes"),
            choice("delvis", "Delvis", "Partly"),
        ];
        let chosen = item(Kind::Choice { options });
        let answer = Answer::Options(vec![
            OptionMark {
                id: "ja".into(),
                label: "Ja".into(),
                ticked: false,
            },
            OptionMark {
                id: "delvis".into(),
                label: "Delvis".into(),
                ticked: true,
            },
        ]);
        assert_eq!(item_answer(&chosen, &answer, Lang::En, Lang::En), "Partly");
        assert!(!written(&chosen, &answer));
        let text = item(Kind::Text { long: false });
        let typed = Answer::Text("Vi vet inte än".into());
        assert_eq!(
            item_answer(&text, &typed, Lang::En, Lang::En),
            "Vi vet inte än"
        );
        assert!(written(&text, &typed));
        // An option the pack no longer has is given as recorded.
        let gone = Answer::Options(vec![OptionMark {
            id: "kanske".into(),
            label: "Kanske".into(),
            ticked: true,
        }]);
        assert_eq!(item_answer(&chosen, &gone, Lang::En, Lang::En), "Kanske");
    }

    fn leaning(innovation: usize, development: usize, answered: usize) -> Leaning {
        Leaning {
            innovation,
            development,
            answered,
        }
    }

    #[test]
    fn the_verdict_calls_it_a_break_only_when_every_answer_leans_that_way() {
        let all = verdict(leaning(4, 0, 4), Lang::En);
        assert!(
            all.starts_with("The answers lean towards innovation:"),
            "{all}"
        );
        assert!(all.contains("a break with today's way of working"));
        for (i, d, n) in [(2, 0, 4), (3, 1, 4), (1, 1, 4), (0, 0, 4), (1, 2, 4)] {
            let said = verdict(leaning(i, d, n), Lang::En);
            assert!(!said.contains("a break with"), "{i}/{d}/{n}: {said}");
        }
        assert!(verdict(leaning(2, 0, 4), Lang::En).contains("though some are in between"));
        assert!(verdict(leaning(3, 1, 4), Lang::Sv).contains("mest åt innovation"));
        assert!(verdict(leaning(0, 0, 4), Lang::En).contains("lean neither way"));
        assert!(verdict(leaning(1, 1, 4), Lang::En).contains("point both ways"));
        assert!(verdict(leaning(0, 3, 3), Lang::En).contains("ordinary project plan"));
        assert!(
            verdict(leaning(0, 2, 4), Lang::En)
                .starts_with("The answers lean towards operational development, though some")
        );
        assert!(verdict(leaning(1, 2, 4), Lang::En).contains("mostly towards operational"));
        assert_eq!(verdict(leaning(0, 0, 0), Lang::Sv), "Inte besvarad än.");
    }
}
