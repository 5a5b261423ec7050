//! The report's sentences and table rows, worded once for Markdown and HTML;
//! each format escapes them its own way.

use super::WorkbookReport;
use super::model::{
    DecisionReport, DiagnosticReport, IndicatorReport, PhaseReport, ReadinessReport,
};
use crate::i18n::Lang;
use crate::tr;

pub use crate::i18n::one_decimal as number;

/// A mean or a spread to one decimal, or a dash where there is none.
/// The label over a phase's open requirements.
pub fn open_requirements(lang: Lang) -> &'static str {
    lang.pick("Öppna krav:", "Open requirements:")
}

/// The label over answers the pack no longer takes.
pub fn answers_no_longer_taken(lang: Lang) -> &'static str {
    lang.pick(
        "Svar som paketet inte längre tar emot (punkten är borttagen eller ändrad):",
        "Answers the pack no longer takes (the item was removed or changed):",
    )
}

pub fn score(n: Option<f64>, lang: Lang) -> String {
    n.map_or_else(|| "–".to_string(), |n| number(n, lang))
}

/// A phase's heading: title, progress and gate.
pub fn phase_heading(p: &PhaseReport, lang: Lang) -> String {
    let progress = if p.required == 0 {
        "–".to_string()
    } else {
        tr!(
            lang,
            "{} av {} krav",
            "{} of {} required",
            p.done,
            p.required
        )
    };
    let gate = match (&p.decision, p.gate.as_str()) {
        (Some(d), _) => format!("{} {}", d.label, d.date),
        (None, "ready") => lang
            .pick("redo för beslut", "ready for decision")
            .to_string(),
        _ => lang.pick("beslutspunkt öppen", "gate open").to_string(),
    };
    format!("{} · {progress} · {gate}", p.title)
}

/// The label before a decision, and the decision in words.
pub fn decision(d: &DecisionReport, lang: Lang) -> (&'static str, String) {
    let mut text = d.label.clone();
    if let Some(by) = &d.decided_by {
        text.push_str(&format!(
            " ({} {by})",
            lang.pick("beslutat av", "decided by")
        ));
    }
    if let Some(why) = &d.motivation {
        text.push_str(&format!(". {why}"));
    }
    (lang.pick("Beslut:", "Decision:"), text)
}

/// A decision's criteria as table rows: the criterion, and its status
/// with the reason or the action that sees to it.
pub fn criteria_rows(d: &DecisionReport) -> Vec<Vec<String>> {
    d.criteria
        .iter()
        .map(|c| {
            let status = match &c.detail {
                Some(detail) => format!("{}: {detail}", c.label),
                None => c.label.clone(),
            };
            vec![c.text.clone(), status]
        })
        .collect()
}

/// The header of a decision's criteria table.
pub fn criteria_header(lang: Lang) -> [&'static str; 2] {
    [
        lang.pick("Kriterium", "Criterion"),
        lang.pick("Status", "Status"),
    ]
}

/// The heading over where the project stands, on a manager's page.
pub fn standing_heading(lang: Lang) -> &'static str {
    lang.pick("Var projektet står", "Where the project stands")
}

/// Where the project stands, on a manager's page: the current phase,
/// progress, the last activity and whether it is stale.
pub fn standing_rows(r: &WorkbookReport, lang: Lang) -> Vec<Vec<String>> {
    let mut rows = phase_and_progress(r, lang).to_vec();
    rows.push(vec![
        lang.pick("Senast aktiv", "Last activity").to_string(),
        r.last_activity.clone().unwrap_or_else(|| "–".into()),
    ]);
    if r.stale {
        rows.push(vec![capitalised(stale_word(lang)), stale_sentence(r, lang)]);
    }
    rows
}

/// The first rows of both tables: the current phase, and the required
/// items done.
fn phase_and_progress(r: &WorkbookReport, lang: Lang) -> [Vec<String>; 2] {
    [
        vec![
            lang.pick("Aktuell fas", "Current phase").to_string(),
            r.current.clone(),
        ],
        vec![
            lang.pick("Klara krav", "Requirements done").to_string(),
            tr!(lang, "{} av {}", "{} of {}", r.done, r.required),
        ],
    ]
}

/// The summary table's rows.
pub fn summary_rows(r: &WorkbookReport, lang: Lang) -> Vec<Vec<String>> {
    let mut rows = phase_and_progress(r, lang).to_vec();
    rows.extend([
        vec![
            lang.pick("Öppna risker", "Open risks").to_string(),
            r.open_risks.to_string(),
        ],
        vec![
            lang.pick("Senast aktiv", "Last activity").to_string(),
            r.last_activity.clone().unwrap_or_else(|| "–".into()),
        ],
    ]);
    if r.stale {
        rows.push(vec![capitalised(stale_word(lang)), stale_sentence(r, lang)]);
    }
    if r.problems > 0 {
        rows.push(vec![
            lang.pick("Problem i loggen", "Problems in the log")
                .to_string(),
            r.problems.to_string(),
        ]);
    }
    rows
}

/// The day a report describes: "Per 2026-05-20", "As of 2026-05-20".
pub fn as_of(day: &str, lang: Lang) -> String {
    tr!(lang, "Per {day}", "As of {day}")
}

pub use super::state_words::stale_word;

/// A gate decision's condition in a line: what, who, by when, and whether
/// it is done.
pub fn condition_line(c: &super::model::ConditionReport, lang: Lang) -> String {
    let state = if c.open {
        lang.pick("öppet", "open")
    } else {
        lang.pick("klart", "done")
    };
    tr!(
        lang,
        "{} · {}, senast {} · {state} [{}]",
        "{} · {}, due {} · {state} [{}]",
        c.text,
        c.owner,
        c.due,
        c.id
    )
}

/// The next gate's planned day in a line, overdue marked.
pub fn next_gate_line(gate: &super::model::NextGate, lang: Lang) -> String {
    let overdue = if gate.overdue {
        lang.pick(" · försenad", " · overdue")
    } else {
        ""
    };
    format!("{} · {}{overdue}", gate.phase, gate.date)
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// Since when nothing was written, and after how many days the pack calls
/// that stale.
pub fn stale_sentence(r: &WorkbookReport, lang: Lang) -> String {
    let since = r.last_activity.as_deref().unwrap_or("–");
    super::state_words::stale_sentence(since, r.stale_after_days, lang)
}

/// What is to follow up, as a table: its header and a row per item, the
/// overdue marked.
pub fn follow_up_table(r: &WorkbookReport, lang: Lang) -> (Vec<&'static str>, Vec<Vec<String>>) {
    let header = vec![
        lang.pick("Senast", "Due"),
        lang.pick("Vad", "What"),
        lang.pick("Ansvarig", "Owner"),
        lang.pick("Id", "Id"),
    ];
    let rows = r
        .follow_up
        .iter()
        .map(|d| {
            let due = if d.overdue {
                format!("{} · {}", d.due, lang.pick("försenad", "overdue"))
            } else {
                d.due.clone()
            };
            vec![
                due,
                format!("{}: {}", d.label, d.text),
                d.owner.clone().unwrap_or_else(|| "–".into()),
                d.id.clone(),
            ]
        })
        .collect();
    (header, rows)
}

/// The heading of the disagreements, the sentence under it, and their
/// table: a row per answer, the one that counts first in each.
pub fn disagreements_heading(lang: Lang) -> &'static str {
    lang.pick(
        "Olika svar på två grenar",
        "Answered differently on two branches",
    )
}

pub fn disagreements_sentence(lang: Lang) -> &'static str {
    lang.pick(
        "Två grenar svarade utan att ha sett varandras svar. Det senaste gäller tills någon avgör saken: `dino resolve PUNKT` (eller ett nytt beslut vid en beslutspunkt).",
        "Two branches answered without having seen each other's answer. The latest counts until someone settles it: `dino resolve ITEM` (or a new decision at a gate).",
    )
}

pub fn disagreements_table(
    r: &WorkbookReport,
    lang: Lang,
) -> (Vec<&'static str>, Vec<Vec<String>>) {
    let header = vec![
        lang.pick("Punkt", "Item"),
        lang.pick("Svar", "Answer"),
        lang.pick("Givet", "Given"),
        lang.pick("Läge", "Stands"),
    ];
    let mut rows = Vec::new();
    for d in &r.disagreements {
        for (i, s) in d.sides.iter().enumerate() {
            let item = if i == 0 {
                format!("{} ({})", d.title, d.item)
            } else {
                String::new()
            };
            let by =
                s.by.as_deref()
                    .map(|b| format!(", {b}"))
                    .unwrap_or_default();
            rows.push(vec![
                item,
                s.answer
                    .trim_end()
                    .replace("\r\n", "\n")
                    .replace('\n', " ⏎ "),
                format!("{}{by} · {}", s.date, s.entry),
                if s.counts {
                    lang.pick("gäller", "counts")
                } else {
                    lang.pick("åt sidan", "set aside")
                }
                .to_string(),
            ]);
        }
    }
    (header, rows)
}

/// The heading of what is to follow up, and what it says when there is
/// nothing.
pub fn follow_up_heading(lang: Lang) -> &'static str {
    lang.pick("Att följa upp", "To follow up")
}

/// When nothing is to follow up.
pub fn nothing_to_follow_up(r: &WorkbookReport, lang: Lang) -> String {
    tr!(
        lang,
        "Inga öppna åtgärder eller risker med datum per {}.",
        "No open actions or risks with a due date as of {}.",
        r.as_of
    )
}

/// `n` with the noun in the form that goes with it: "1 skattning", "2
/// skattningar"; `sv` and `en` are the noun's singular and plural.
pub fn counted(n: usize, lang: Lang, sv: (&str, &str), en: (&str, &str)) -> String {
    let (one, many) = match lang {
        Lang::Sv => sv,
        Lang::En => en,
    };
    format!("{n} {}", if n == 1 { one } else { many })
}

/// How many workbooks a portfolio holds, in a sentence.
pub fn workbooks_sentence(n: usize, lang: Lang) -> String {
    let count = counted(
        n,
        lang,
        ("arbetsbok", "arbetsböcker"),
        ("workbook", "workbooks"),
    );
    format!("{count}.")
}

/// What the readiness assessments were, in a sentence.
pub fn readiness_sentence(rd: &ReadinessReport, lang: Lang) -> String {
    let count = counted(
        rd.assessments,
        lang,
        ("skattning", "skattningar"),
        ("assessment", "assessments"),
    );
    let when = if rd.assessments == 1 {
        tr!(lang, "{count}, {}.", "{count}, {}.", rd.first_date)
    } else {
        tr!(
            lang,
            "{count}; den första {}, den senaste {}.",
            "{count}; the first {}, the latest {}.",
            rd.first_date,
            rd.latest_date
        )
    };
    let spread = if rd.dimensions.iter().any(|d| d.spread.is_some()) {
        format!(" {}", spread_sentence(lang))
    } else {
        String::new()
    };
    format!("{when} {}{spread}", thresholds_sentence(rd, lang))
}

/// What the spread between respondents is, and what a large one means
/// for the team, said once where it is shown.
pub fn spread_sentence(lang: Lang) -> &'static str {
    super::readiness_chart::spread_words(lang)
}

/// What the tables by respondent and by role show, in a sentence.
pub fn compared_sentence(rd: &ReadinessReport, lang: Lang) -> String {
    let mut out = lang
        .pick(
            "Den senaste skattningen per svarande: var och ens medelvärde per dimension; den lägsta i varje dimension är märkt \"lägst\".",
            "The latest assessment by respondent: each one's mean per dimension; the lowest on each dimension is marked \"lowest\".",
        )
        .to_string();
    if !rd.roles.is_empty() {
        out.push(' ');
        out.push_str(lang.pick(
            "Efter roll räknas svaren från alla med samma roll samman.",
            "By role, the answers of everyone in the same role are taken together.",
        ));
    }
    out
}

/// A table of the latest assessment compared: a row per dimension, a
/// column per respondent (or role), the lowest marked.
pub fn compared_table(
    rd: &ReadinessReport,
    columns: &[super::model::ColumnReport],
    by_role: bool,
    lang: Lang,
) -> (Vec<String>, Vec<Vec<String>>) {
    use super::readiness_chart::{cell, column_head, corner};
    let mut header = vec![corner(by_role, lang).to_string()];
    header.extend(
        columns
            .iter()
            .map(|c| column_head(&c.name, c.of.as_deref(), by_role)),
    );
    let rows = rd
        .dimensions
        .iter()
        .enumerate()
        .map(|(d, dimension)| {
            let mut row = vec![dimension.title.clone()];
            row.extend(columns.iter().map(|c| {
                let lowest = c.lowest.get(d).copied().unwrap_or(false);
                cell(c.means.get(d).copied().flatten(), lowest, lang)
            }));
            row
        })
        .collect();
    (header, rows)
}

/// The scale and what its thresholds mean, in a sentence.
pub fn thresholds_sentence(rd: &ReadinessReport, lang: Lang) -> String {
    tr!(
        lang,
        "Skala {}–{}; under {} är en risk, under {} att bevaka.",
        "Scale {}–{}; below {} is a risk, below {} one to watch.",
        rd.scale_min,
        rd.scale_max,
        number(rd.risk_below, lang),
        number(rd.watch_below, lang)
    )
}

/// The readiness table: its header and a row per dimension. With one
/// assessment, its means; with more, the first and the latest.
pub fn readiness_table(rd: &ReadinessReport, lang: Lang) -> (Vec<&'static str>, Vec<Vec<String>>) {
    let show = |n: Option<f64>| score(n, lang);
    let single = rd.assessments == 1;
    let rows = rd
        .dimensions
        .iter()
        .map(|d| {
            let mut row = vec![d.title.clone()];
            if !single {
                row.push(show(d.first));
            }
            row.extend([show(d.latest), show(d.spread)]);
            row
        })
        .collect();
    let header = if single {
        vec![
            lang.pick("Dimension", "Dimension"),
            lang.pick("Medelvärde", "Mean"),
            lang.pick("Skillnad mellan svaren", "Spread"),
        ]
    } else {
        vec![
            lang.pick("Dimension", "Dimension"),
            lang.pick("Första", "First"),
            lang.pick("Senaste", "Latest"),
            lang.pick("Skillnad mellan svaren", "Spread"),
        ]
    };
    (header, rows)
}

/// The diagnostic's conclusion and its counts.
pub fn diagnostic_sentence(d: &DiagnosticReport, lang: Lang) -> String {
    let questions = counted(
        d.questions,
        lang,
        ("fråga", "frågor"),
        ("question", "questions"),
    );
    let answered = match (lang, d.questions) {
        (Lang::Sv, 1) => "besvarad",
        _ => lang.pick("besvarade", "answered"),
    };
    let chosen = d.track.as_ref().map_or(String::new(), |t| {
        tr!(
            lang,
            " Teamets val ({}): {}.",
            " The team's choice ({}): {}.",
            t.prompt.trim_end_matches(['?', '.']),
            t.answer
        )
    });
    format!(
        "{} {}{chosen}",
        d.verdict,
        tr!(
            lang,
            "({} av {questions} {answered}: {} mot innovation, {} mot verksamhetsutveckling.)",
            "({} of {questions} {answered}: {} towards innovation, {} towards operational development.)",
            d.answered,
            d.innovation,
            d.development
        )
    )
}

/// The heading over the indicators.
pub fn indicators_heading(lang: Lang) -> &'static str {
    lang.pick("Indikatorer", "Indicators")
}

/// A value with the indicator's unit after it, when it has one.
fn with_unit(value: f64, unit: &str, lang: Lang) -> String {
    let value = crate::state::answer::format_number(value, lang);
    if unit.is_empty() {
        value
    } else {
        format!("{value} {unit}")
    }
}

/// An indicator in a sentence, the chart's text alternative: from its
/// baseline to its latest measurement, and its target.
pub fn indicator_sentence(i: &IndicatorReport, lang: Lang) -> String {
    let base = with_unit(i.baseline.value, &i.unit, lang);
    let target = with_unit(i.target.value, &i.unit, lang);
    let (day, by) = (&i.baseline.date, &i.target.date);
    match i.measurements.last() {
        Some(m) => tr!(
            lang,
            "Från {base} ({day}) till {} ({}); målet är {target} senast {by}.",
            "From {base} ({day}) to {} ({}); target {target} by {by}.",
            with_unit(m.value, &i.unit, lang),
            m.date
        ),
        None => tr!(
            lang,
            "Utgångsläget är {base} ({day}), inget mätt än; målet är {target} senast {by}.",
            "Baseline {base} ({day}), nothing measured yet; target {target} by {by}."
        ),
    }
}

/// Who owns an indicator, and its id for `dino measure`.
pub fn indicator_owner(i: &IndicatorReport, lang: Lang) -> String {
    tr!(
        lang,
        "Ansvarig: {} · mät med dino measure {} VÄRDE",
        "Owner: {} · measure with dino measure {} VALUE",
        i.owner,
        i.id
    )
}

/// An indicator's table: the baseline, each measurement and the target,
/// with day, value and source.
pub fn indicator_table(i: &IndicatorReport, lang: Lang) -> (Vec<&'static str>, Vec<Vec<String>>) {
    let header = vec![
        lang.pick("Datum", "Date"),
        lang.pick("Värde", "Value"),
        lang.pick("Vad", "What"),
        lang.pick("Källa", "Source"),
    ];
    let row = |p: &super::model::PointReport, what: &str| {
        vec![
            p.date.clone(),
            with_unit(p.value, &i.unit, lang),
            what.to_string(),
            p.source.clone().unwrap_or_else(|| "–".into()),
        ]
    };
    let mut rows = vec![row(&i.baseline, lang.pick("utgångsläge", "baseline"))];
    rows.extend(
        i.measurements
            .iter()
            .map(|m| row(m, lang.pick("mätning", "measurement"))),
    );
    rows.push(row(&i.target, lang.pick("mål", "target")));
    (header, rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_indicator_sentence_gives_every_value_its_unit() {
        let point = |value: f64, date: &str| super::super::model::PointReport {
            value,
            date: date.into(),
            source: None,
        };
        let mut i = IndicatorReport {
            id: "fokusera.indikator_1".into(),
            name: "Väntetid".into(),
            unit: "dagar".into(),
            owner: "Karin Lindqvist".into(),
            baseline: point(120.0, "2026-03-01"),
            target: point(60.0, "2027-06-30"),
            measurements: vec![point(95.5, "2026-09-01")],
        };
        assert_eq!(
            indicator_sentence(&i, Lang::Sv),
            "Från 120 dagar (2026-03-01) till 95,5 dagar (2026-09-01); målet är 60 dagar senast 2027-06-30."
        );
        i.unit = String::new();
        assert_eq!(
            indicator_sentence(&i, Lang::En),
            "From 120 (2026-03-01) to 95.5 (2026-09-01); target 60 by 2027-06-30."
        );
        i.measurements.clear();
        i.unit = "days".into();
        assert_eq!(
            indicator_sentence(&i, Lang::En),
            "Baseline 120 days (2026-03-01), nothing measured yet; target 60 days by 2027-06-30."
        );
    }

    #[test]
    fn one_takes_the_singular() {
        let sv = ("skattning", "skattningar");
        let en = ("assessment", "assessments");
        assert_eq!(counted(1, Lang::Sv, sv, en), "1 skattning");
        assert_eq!(counted(2, Lang::Sv, sv, en), "2 skattningar");
        assert_eq!(counted(0, Lang::En, sv, en), "0 assessments");
        assert_eq!(counted(1, Lang::En, sv, en), "1 assessment");
        assert_eq!(workbooks_sentence(1, Lang::Sv), "1 arbetsbok.");
        assert_eq!(workbooks_sentence(4, Lang::En), "4 workbooks.");
    }

    fn readiness(assessments: usize) -> ReadinessReport {
        super::super::model::sample_readiness(assessments, 3.5)
    }

    #[test]
    fn the_latest_assessment_compared_marks_the_lowest_respondent() {
        let mut rd = readiness(1);
        let column = |name: &str, of: Option<&str>, mean: f64, lowest: bool| {
            super::super::model::ColumnReport {
                name: name.into(),
                of: of.map(str::to_string),
                means: vec![Some(mean)],
                lowest: vec![lowest],
            }
        };
        rd.respondents = vec![
            column("Eva", Some("Rektor"), 2.0, true),
            column("Karim", None, 4.0, false),
        ];
        let (header, rows) = compared_table(&rd, &rd.respondents, false, Lang::Sv);
        assert_eq!(header, ["Dimension / svarande", "Eva (Rektor)", "Karim"]);
        assert_eq!(rows, [["Mandat", "2,0 (lägst)", "4,0"]]);
        let (header, _) = compared_table(&rd, &rd.respondents, true, Lang::En);
        assert_eq!(header, ["Dimension / role", "Eva", "Karim"]);
        assert!(!compared_sentence(&rd, Lang::En).contains("By role"));
    }

    #[test]
    fn one_assessment_is_one_and_has_one_column_of_means() {
        let one = readiness(1);
        assert_eq!(
            readiness_sentence(&one, Lang::Sv),
            "1 skattning, 2026-02-17. Skala 1–5; under 2,5 är en risk, under 3,5 att bevaka. \
             Skillnad mellan svaren är avståndet mellan den svarande som ligger högst och den som \
             ligger lägst i en dimension (var och ens medelvärde över dimensionens påståenden). En \
             stor skillnad betyder att ni ser olika på läget: prata om det innan ni går efter \
             medelvärdet."
        );
        assert_eq!(
            readiness_table(&one, Lang::En),
            (
                vec!["Dimension", "Mean", "Spread"],
                vec![vec!["Mandat".to_string(), "3.5".into(), "1.0".into()]]
            )
        );
        let two = readiness(2);
        assert!(
            readiness_sentence(&two, Lang::En)
                .starts_with("2 assessments; the first 2026-02-17, the latest 2026-05-12.")
        );
        assert_eq!(readiness_table(&two, Lang::En).0.len(), 4);
    }
}
