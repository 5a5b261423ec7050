//! The report's sentences and table rows, worded once for Markdown and HTML;
//! each format escapes them its own way.

use super::WorkbookReport;
use super::model::{
    DecisionReport, DiagnosticReport, IndicatorReport, PersonReport, PhaseReport, ReadinessReport,
    SessionReport, Status,
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
        (_, _) if p.not_reached.is_some() => not_reached_sentence(p, lang).unwrap_or_default(),
        (Some(d), _) => format!("{} {}", d.label, d.date),
        (None, "ready") => lang
            .pick("redo för beslut", "ready for decision")
            .to_string(),
        _ => lang.pick("beslutspunkt öppen", "gate open").to_string(),
    };
    format!("{} · {progress} · {gate}", p.title)
}

/// The label before a decision, and the decision in words with who made
/// it (the motivation, written text, stands apart).
pub fn decision(d: &DecisionReport, lang: Lang) -> (&'static str, String) {
    let mut text = d.label.clone();
    if let Some(by) = &d.decided_by {
        text.push_str(&format!(
            " ({} {by})",
            lang.pick("beslutat av", "decided by")
        ));
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

/// The first rows of the summary table: the current phase, and the
/// required items done.
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
    let between = if d.between > 0 {
        tr!(lang, ", {} mittemellan", ", {} in between", d.between)
    } else {
        String::new()
    };
    format!(
        "{} {}{chosen}",
        d.verdict,
        tr!(
            lang,
            "({} av {questions} {answered}: {} mot innovation, {} mot verksamhetsutveckling{between}.)",
            "({} of {questions} {answered}: {} towards innovation, {} towards operational development{between}.)",
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

/// A status in a word or two: "enligt plan", "on track".
pub fn status_word(status: Status, lang: Lang) -> &'static str {
    match status {
        Status::OnTrack => lang.pick("enligt plan", "on track"),
        Status::Overdue => lang.pick("försenat", "overdue"),
        Status::Stale => lang.pick("avstannat", "stale"),
        Status::Paused => lang.pick("pausat", "paused"),
        Status::Stopped => lang.pick("avslutat", "stopped"),
        Status::Finished => lang.pick("klart", "finished"),
    }
}

/// Why a phase was never reached, in a sentence: "Inte nådd: projektet
/// avslutades (2026-03-02)."; none for a phase the project came to.
pub fn not_reached_sentence(p: &PhaseReport, lang: Lang) -> Option<String> {
    let n = p.not_reached.as_ref()?;
    let date = &n.date;
    Some(match n.reason.as_str() {
        "paused" => tr!(
            lang,
            "inte nådd: projektet är pausat ({date})",
            "not reached: the project is paused ({date})"
        ),
        _ => tr!(
            lang,
            "inte nådd: projektet avslutades ({date})",
            "not reached: the project was stopped ({date})"
        ),
    })
}

/// Someone with their role: "Eva Lind (Rektor)".
pub fn person(p: &PersonReport) -> String {
    match p.role.as_deref().map(str::trim).filter(|r| !r.is_empty()) {
        Some(role) => format!("{} ({role})", p.name),
        None => p.name.clone(),
    }
}

/// People in a line, each with their role, or a dash for none.
pub fn people(list: &[PersonReport]) -> String {
    if list.is_empty() {
        return "–".to_string();
    }
    list.iter().map(person).collect::<Vec<_>>().join(", ")
}

/// A phase's sessions (and gate meetings) as a table: when, what, who led
/// it and who took part.
pub fn sessions_table(
    sessions: &[SessionReport],
    lang: Lang,
) -> (Vec<&'static str>, Vec<Vec<String>>) {
    let header = vec![
        lang.pick("Datum", "Date"),
        lang.pick("Möte", "Meeting"),
        lang.pick("Processledare", "Facilitator"),
        lang.pick("Deltagare", "Participants"),
    ];
    let rows = sessions
        .iter()
        .map(|s| {
            vec![
                s.date.clone(),
                match s.kind.as_str() {
                    "gate" => lang.pick("Beslutspunkt", "Gate"),
                    _ => lang.pick("Arbetsmöte", "Session"),
                }
                .to_string(),
                s.facilitator.clone().unwrap_or_else(|| "–".into()),
                people(&s.participants),
            ]
        })
        .collect();
    (header, rows)
}

/// The heading over every readiness assessment.
pub fn readiness_history_heading(lang: Lang) -> &'static str {
    lang.pick("Alla skattningar", "Every assessment")
}

/// Every readiness assessment as a table: a row per assessment, oldest
/// first, with who answered and a column per dimension.
pub fn readiness_history_table(
    rd: &ReadinessReport,
    lang: Lang,
) -> (Vec<String>, Vec<Vec<String>>) {
    let mut header = vec![
        lang.pick("Datum", "Date").to_string(),
        lang.pick("Svarande", "Respondents").to_string(),
    ];
    header.extend(rd.dimensions.iter().map(|d| d.title.clone()));
    let rows = rd
        .history
        .iter()
        .map(|a| {
            let who = if a.respondents.is_empty() {
                lang.pick("gruppen tillsammans", "the group together")
                    .to_string()
            } else if a.alone {
                tr!(
                    lang,
                    "{} (var för sig)",
                    "{} (each alone)",
                    people(&a.respondents)
                )
            } else {
                people(&a.respondents)
            };
            let mut row = vec![a.date.clone(), who];
            row.extend(a.means.iter().map(|m| score(*m, lang)));
            row
        })
        .collect();
    (header, rows)
}

/// The heading over the risk register.
pub fn risk_register_heading(lang: Lang) -> &'static str {
    lang.pick("Riskregister", "Risk register")
}

/// Every risk as a table: the risk, its owner, mitigation and due day,
/// when and by whom it was raised, and whether it is open or closed (when,
/// by whom, and how).
pub fn risk_register_table(
    r: &WorkbookReport,
    lang: Lang,
) -> (Vec<&'static str>, Vec<Vec<String>>) {
    let header = vec![
        lang.pick("Risk", "Risk"),
        lang.pick("Ansvarig", "Owner"),
        lang.pick("Åtgärd", "Mitigation"),
        lang.pick("Senast", "Due"),
        lang.pick("Lyft", "Raised"),
        lang.pick("Läge", "Status"),
    ];
    let dash = |v: &Option<String>| v.clone().unwrap_or_else(|| "–".into());
    let rows = r
        .risks
        .iter()
        .map(|k| {
            let raised = match &k.raised_by {
                Some(by) => format!("{}, {by}", k.raised),
                None => k.raised.clone(),
            };
            let state = match &k.closed {
                Some(c) => {
                    let by =
                        c.by.as_deref()
                            .map(|b| format!(", {b}"))
                            .unwrap_or_default();
                    tr!(
                        lang,
                        "stängd {}{by}: {}",
                        "closed {}{by}: {}",
                        c.date,
                        c.text
                    )
                }
                None if k.open => lang.pick("öppen", "open").to_string(),
                None => lang.pick("stängd", "closed").to_string(),
            };
            vec![
                format!("{} [{}]", k.text, k.id),
                dash(&k.owner),
                dash(&k.mitigation),
                dash(&k.due),
                raised,
                state,
            ]
        })
        .collect();
    (header, rows)
}

/// The heading over the decision log.
pub fn decision_log_heading(lang: Lang) -> &'static str {
    lang.pick("Beslutslogg", "Decision log")
}

/// Every gate decision as a table: the day, the phase, the decision with
/// its motivation, who decided, its conditions, and its criteria counted.
pub fn decision_log_table(r: &WorkbookReport, lang: Lang) -> (Vec<&'static str>, Vec<Vec<String>>) {
    let header = vec![
        lang.pick("Datum", "Date"),
        lang.pick("Fas", "Phase"),
        lang.pick("Beslut", "Decision"),
        lang.pick("Beslutat av", "Decided by"),
        lang.pick("Villkor", "Conditions"),
        lang.pick("Kriterier", "Criteria"),
    ];
    let rows = r
        .decisions
        .iter()
        .map(|d| {
            let decision = match &d.motivation {
                Some(why) => format!("{}. {why}", d.label),
                None => d.label.clone(),
            };
            let conditions = if d.conditions.is_empty() {
                "–".to_string()
            } else {
                d.conditions
                    .iter()
                    .map(|c| condition_line(c, lang))
                    .collect::<Vec<_>>()
                    .join("; ")
            };
            vec![
                d.date.clone(),
                d.phase.clone(),
                decision,
                d.decided_by.clone().unwrap_or_else(|| "–".into()),
                conditions,
                criteria_counted(&d.criteria, lang),
            ]
        })
        .collect();
    (header, rows)
}

/// A decision's criteria counted: "3 uppfyllda, 1 skjuts upp"; a dash when
/// none were recorded.
pub fn criteria_counted(c: &super::model::CriteriaCount, lang: Lang) -> String {
    let parts: Vec<String> = [
        (c.met, lang.pick("uppfyllda", "met")),
        (c.not_met, lang.pick("inte uppfyllda", "not met")),
        (c.deferred, lang.pick("skjuts upp", "deferred")),
        (
            c.not_applicable,
            lang.pick("ej tillämpliga", "not applicable"),
        ),
    ]
    .into_iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, word)| format!("{n} {word}"))
    .collect();
    if parts.is_empty() {
        "–".to_string()
    } else {
        parts.join(", ")
    }
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

    fn report() -> WorkbookReport {
        let json = r#"{
            "name": "Prov", "id": "prov", "path": "prov", "language": "sv",
            "pack": { "id": "dino", "version": "1", "title": "DINO" },
            "profile": [], "current": "Förstå (2 av 6)", "current_phase": "forsta",
            "stopped": false, "done": 3, "required": 9, "phases": [], "notes": [],
            "readiness": null, "diagnostic": null, "open_risks": 1,
            "last_activity": "2026-05-01", "problems": 0, "as_of": "2026-05-20",
            "stale": false, "stale_after_days": 30, "follow_up": [], "overdue": 1,
            "next_due": null, "problem": null, "goal": null, "last_decision": null,
            "next_gate": null, "indicators": [],
            "status": { "state": "overdue", "phase": "Förstå", "since": null },
            "risks": [
                { "id": "a1", "text": "Budgeten räcker inte", "owner": "Eva Holm",
                  "mitigation": "Söka medel", "due": "2026-04-01", "raised": "2026-03-02",
                  "raised_by": "Anna Lind", "phase": "Initiering", "open": false,
                  "closed": { "entry": "b2", "date": "2026-03-05", "by": "Karim Said",
                              "text": "Kommunen sköt till medel." } },
                { "id": "c3", "text": "Ingen tar över", "owner": null, "mitigation": null,
                  "due": null, "raised": "2026-03-02", "raised_by": null, "phase": null,
                  "open": true, "closed": null }
            ],
            "decisions": [
                { "entry": "d4", "phase_id": "initiering", "phase": "Initiering",
                  "date": "2026-03-02", "decision": "recycle", "label": "Gör om",
                  "decided_by": "Eva Holm", "motivation": "Oklart problem",
                  "conditions": [ { "id": "d4-1", "text": "Beskriv problemet",
                                    "owner": "Karim Said", "due": "2026-03-20", "open": true } ],
                  "criteria": { "met": 2, "not_met": 0, "deferred": 1, "not_applicable": 0 } }
            ]
        }"#;
        serde_json::from_str(json).expect("a report")
    }

    #[test]
    fn the_risk_register_shows_open_and_closed_risks_whole() {
        let (header, rows) = risk_register_table(&report(), Lang::Sv);
        assert_eq!(
            header,
            ["Risk", "Ansvarig", "Åtgärd", "Senast", "Lyft", "Läge"]
        );
        assert_eq!(
            rows[0],
            [
                "Budgeten räcker inte [a1]",
                "Eva Holm",
                "Söka medel",
                "2026-04-01",
                "2026-03-02, Anna Lind",
                "stängd 2026-03-05, Karim Said: Kommunen sköt till medel."
            ]
        );
        assert_eq!(
            rows[1],
            ["Ingen tar över [c3]", "–", "–", "–", "2026-03-02", "öppen"]
        );
    }

    #[test]
    fn the_decision_log_gives_each_decision_its_conditions_and_criteria() {
        let (header, rows) = decision_log_table(&report(), Lang::En);
        assert_eq!(header[0], "Date");
        assert_eq!(
            rows,
            [[
                "2026-03-02",
                "Initiering",
                "Gör om. Oklart problem",
                "Eva Holm",
                "Beskriv problemet · Karim Said, due 2026-03-20 · open [d4-1]",
                "2 met, 1 deferred"
            ]]
        );
    }

    #[test]
    fn every_assessment_is_a_row_and_a_role_is_said_once() {
        use super::super::model::{AssessmentReport, PersonReport};
        let mut rd = readiness(2);
        let eva = PersonReport {
            name: "Eva".into(),
            role: Some("Rektor".into()),
        };
        rd.history = vec![
            AssessmentReport {
                date: "2026-02-17".into(),
                alone: false,
                respondents: Vec::new(),
                means: vec![Some(2.0)],
            },
            AssessmentReport {
                date: "2026-05-12".into(),
                alone: true,
                respondents: vec![eva],
                means: vec![None],
            },
        ];
        let (header, rows) = readiness_history_table(&rd, Lang::Sv);
        assert_eq!(header, ["Datum", "Svarande", "Mandat"]);
        assert_eq!(
            rows,
            [
                ["2026-02-17", "gruppen tillsammans", "2,0"],
                ["2026-05-12", "Eva (Rektor) (var för sig)", "–"]
            ]
        );
        let redacted = PersonReport {
            name: "[Rektor]".into(),
            role: None,
        };
        assert_eq!(person(&redacted), "[Rektor]");
    }

    #[test]
    fn a_phase_never_reached_says_why_in_its_heading() {
        let p: PhaseReport = serde_json::from_value(serde_json::json!({
            "id": "forsta", "title": "Förstå", "required": 4, "done": 0, "gate": "open",
            "decision": null, "answers": [], "open": [], "removed": [], "last_session": null,
            "not_reached": { "reason": "stopped", "date": "2026-03-02" }, "sessions": []
        }))
        .expect("a phase");
        assert_eq!(
            phase_heading(&p, Lang::Sv),
            "Förstå · 0 av 4 krav · inte nådd: projektet avslutades (2026-03-02)"
        );
        assert_eq!(
            not_reached_sentence(&p, Lang::En).as_deref(),
            Some("not reached: the project was stopped (2026-03-02)")
        );
    }

    #[test]
    fn the_diagnostic_sentence_counts_the_answers_in_between() {
        let d: DiagnosticReport = serde_json::from_value(serde_json::json!({
            "title": "Innovation?", "innovation": 2, "development": 0, "answered": 4,
            "questions": 4, "between": 2, "verdict": "V.", "answers": [], "track": null
        }))
        .expect("a diagnostic");
        assert_eq!(
            diagnostic_sentence(&d, Lang::En),
            "V. (4 of 4 questions answered: 2 towards innovation, 0 towards operational \
             development, 2 in between.)"
        );
    }
}
