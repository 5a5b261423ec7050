//! A diff as people and programs read it: sections of rows in words, drawn
//! as terminal tables (`text::table`) or as Markdown fit for a pull
//! request's comment (every value escaped by `text::markdown`, so a
//! hostile answer stays text); and as JSON with `"schema": 1`.

use std::fmt::Write as _;

use serde_json::{Value as Json, json};

use super::{
    AnswerChange, AnswerDiff, Diff, End, FollowChange, FollowDiff, GateNow, ReadinessDiff,
};
use crate::i18n::Lang;
use crate::pack::Decision;
use crate::text::markdown::escape;
use crate::text::table::new_table;
use crate::tr;

/// One section: its title, the header of its table and the rows.
struct Section {
    title: String,
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

/// The diff as terminal tables, after a line that sums it up.
pub fn table(diff: &Diff, lang: Lang, width: Option<u16>) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", summary(diff, lang));
    for section in sections(diff, lang) {
        let mut table = new_table(section.header, width);
        for row in section.rows {
            table.add_row(row);
        }
        let _ = write!(out, "\n{}\n{table}\n", section.title);
    }
    for note in &diff.notes {
        let _ = write!(out, "\n{} {note}", lang.pick("Obs:", "Note:"));
    }
    if !diff.notes.is_empty() {
        out.push('\n');
    }
    out
}

/// The diff as Markdown for a pull request's comment: a heading, the
/// summary, then a table per section. Every text from the workbook is
/// escaped, so none of it can become a link, an image, HTML or a table's
/// edge.
pub fn markdown(diff: &Diff, lang: Lang) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "## dino diff: {}\n", escape(&diff.workbook));
    let _ = writeln!(out, "{}", escape(&summary(diff, lang)));
    for section in sections(diff, lang) {
        let _ = writeln!(out, "\n### {}\n", escape(&section.title));
        md_row(&mut out, &section.header);
        md_row(&mut out, &vec!["---".to_string(); section.header.len()]);
        for row in &section.rows {
            let cells: Vec<String> = row.iter().map(|c| escape(c)).collect();
            md_row(&mut out, &cells);
        }
    }
    if !diff.notes.is_empty() {
        let _ = writeln!(out, "\n### {}\n", lang.pick("Att veta", "Notes"));
        for note in &diff.notes {
            let _ = writeln!(out, "- {}", escape(note));
        }
    }
    out
}

/// `{ "schema": 1, "workbook": …, "from": …, "to": …, "answers": […], … }`
/// (docs/json.md).
pub fn json(diff: &Diff) -> Json {
    let mut doc = serde_json::to_value(diff).unwrap_or(Json::Null);
    if let Json::Object(map) = &mut doc {
        map.insert("schema".into(), json!(crate::report::json::SCHEMA));
    }
    doc
}

fn md_row(out: &mut String, cells: &[String]) {
    let _ = writeln!(out, "| {} |", cells.join(" | "));
}

/// An end in words: "main (3f9a1c2)", "the working tree".
fn end_words(end: &End, lang: Lang) -> String {
    match (&end.rev, end.short()) {
        (Some(rev), Some(short)) if rev.starts_with(short) => short.to_string(),
        (Some(rev), Some(short)) => format!("{rev} ({short})"),
        _ => lang.pick("arbetskopian", "the working tree").to_string(),
    }
}

/// "From main (3f9a1c2) to the working tree: 2 answers, 1 gate, …"
pub fn summary(diff: &Diff, lang: Lang) -> String {
    let (from, to) = (end_words(&diff.from, lang), end_words(&diff.to, lang));
    let counts = counts(diff, lang);
    let what = if counts.is_empty() {
        lang.pick("inga ändringar", "no changes").to_string()
    } else {
        counts.join(", ")
    };
    let absent = if diff.from.present {
        String::new()
    } else {
        lang.pick(
            " (arbetsboken fanns inte där: allt är nytt)",
            " (the workbook was not there: everything is new)",
        )
        .to_string()
    };
    tr!(
        lang,
        "Från {from}{absent} till {to}: {what}.",
        "From {from}{absent} to {to}: {what}."
    )
}

/// How many of each kind changed, in words.
fn counts(diff: &Diff, lang: Lang) -> Vec<String> {
    let count = |n: usize, one: (&str, &str), many: (&str, &str)| {
        let word = if n == 1 {
            lang.pick(one.0, one.1)
        } else {
            lang.pick(many.0, many.1)
        };
        (n > 0).then(|| format!("{n} {word}"))
    };
    let mut out: Vec<String> = [
        count(diff.answers.len(), ("svar", "answer"), ("svar", "answers")),
        count(
            diff.gates.len(),
            ("beslutspunkt", "gate"),
            ("beslutspunkter", "gates"),
        ),
        count(
            diff.actions.len(),
            ("åtgärd", "action"),
            ("åtgärder", "actions"),
        ),
        count(diff.risks.len(), ("risk", "risk"), ("risker", "risks")),
    ]
    .into_iter()
    .flatten()
    .collect();
    if diff.readiness.is_some() {
        out.push(lang.pick("mognad", "readiness").to_string());
    }
    out.extend(
        [
            count(
                diff.measurements.len(),
                ("mätning", "measurement"),
                ("mätningar", "measurements"),
            ),
            count(
                diff.disagreements.len(),
                ("oenighet", "disagreement"),
                ("oenigheter", "disagreements"),
            ),
            count(
                diff.profile.len(),
                ("profilsvar", "profile answer"),
                ("profilsvar", "profile answers"),
            ),
        ]
        .into_iter()
        .flatten(),
    );
    out
}

fn header(lang: Lang, words: &[(&str, &str)]) -> Vec<String> {
    words
        .iter()
        .map(|(sv, en)| lang.pick(sv, en).to_string())
        .collect()
}

/// The sections that have rows, in a fixed order.
fn sections(diff: &Diff, lang: Lang) -> Vec<Section> {
    let mut out = vec![
        answers_section(diff, lang),
        gates_section(diff, lang),
        follow_section(lang.pick("Åtgärder", "Actions"), &diff.actions, lang),
        follow_section(lang.pick("Risker", "Risks"), &diff.risks, lang),
    ];
    if let Some(readiness) = &diff.readiness {
        out.push(readiness_section(readiness, lang));
    }
    out.push(measurements_section(diff, lang));
    out.push(disagreements_section(diff, lang));
    out.push(profile_section(diff, lang));
    out.retain(|s| !s.rows.is_empty());
    out
}

/// A value, or a dash where there is none.
fn or_dash(value: Option<String>) -> String {
    value.unwrap_or_else(|| "–".to_string())
}

fn answers_section(diff: &Diff, lang: Lang) -> Section {
    Section {
        title: lang.pick("Svar", "Answers").into(),
        header: header(
            lang,
            &[
                ("Fas", "Phase"),
                ("Fråga", "Item"),
                ("Ändring", "Change"),
                ("Före", "Before"),
                ("Efter", "After"),
            ],
        ),
        rows: diff.answers.iter().map(|a| answer_row(a, lang)).collect(),
    }
}

fn gates_section(diff: &Diff, lang: Lang) -> Section {
    let word = |g: &Option<GateNow>| or_dash(g.as_ref().map(|g| gate_words(g, lang)));
    Section {
        title: lang.pick("Beslutspunkter", "Gates").into(),
        header: header(
            lang,
            &[("Fas", "Phase"), ("Före", "Before"), ("Efter", "After")],
        ),
        rows: diff
            .gates
            .iter()
            .map(|g| vec![g.phase_title.clone(), word(&g.old), word(&g.new)])
            .collect(),
    }
}

fn measurements_section(diff: &Diff, lang: Lang) -> Section {
    Section {
        title: lang.pick("Mätningar", "Measurements").into(),
        header: header(
            lang,
            &[
                ("Indikator", "Indicator"),
                ("Datum", "Date"),
                ("Värde", "Value"),
                ("Ändring", "Change"),
            ],
        ),
        rows: diff
            .measurements
            .iter()
            .map(|m| {
                let change = match m.change {
                    "added" => lang.pick("ny", "added"),
                    _ => lang.pick("borttagen", "removed"),
                };
                vec![
                    m.name.clone(),
                    m.date.clone(),
                    m.value.clone(),
                    change.into(),
                ]
            })
            .collect(),
    }
}

fn disagreements_section(diff: &Diff, lang: Lang) -> Section {
    Section {
        title: lang.pick("Oenigheter", "Disagreements").into(),
        header: header(
            lang,
            &[("Fas", "Phase"), ("Vad", "What"), ("Ändring", "Change")],
        ),
        rows: diff
            .disagreements
            .iter()
            .map(|d| {
                let change = match d.change {
                    "new" => lang.pick("ny", "new"),
                    _ => lang.pick("avgjord", "settled"),
                };
                vec![d.phase_title.clone(), d.title.clone(), change.into()]
            })
            .collect(),
    }
}

fn profile_section(diff: &Diff, lang: Lang) -> Section {
    Section {
        title: lang.pick("Profil", "Profile").into(),
        header: header(
            lang,
            &[
                ("Fråga", "Question"),
                ("Före", "Before"),
                ("Efter", "After"),
            ],
        ),
        rows: diff
            .profile
            .iter()
            .map(|p| {
                vec![
                    p.question.clone(),
                    or_dash(p.old.clone()),
                    or_dash(p.new.clone()),
                ]
            })
            .collect(),
    }
}

fn answer_row(a: &AnswerDiff, lang: Lang) -> Vec<String> {
    let dash = "–".to_string();
    let (word, old, new) = match &a.change {
        AnswerChange::Added { new } => (lang.pick("nytt", "added"), dash, new.clone()),
        AnswerChange::Changed { old, new } => {
            (lang.pick("ändrat", "changed"), old.clone(), new.clone())
        }
        AnswerChange::NotApplicable { old, new } => (
            lang.pick("ej tillämplig", "not applicable"),
            old.clone().unwrap_or(dash),
            new.clone(),
        ),
        AnswerChange::Removed { old } => (lang.pick("borttaget", "removed"), old.clone(), dash),
    };
    vec![
        a.phase_title.clone(),
        a.prompt.clone(),
        word.to_string(),
        old,
        new,
    ]
}

/// A gate's state in words: "open", "ready for decision", "decided: Go on
/// (2026-03-02)".
pub fn gate_words(gate: &GateNow, lang: Lang) -> String {
    match gate {
        GateNow::Open => lang.pick("öppen", "open").to_string(),
        GateNow::Ready => lang
            .pick("redo för beslut", "ready for decision")
            .to_string(),
        GateNow::Decided { decision, date } => {
            let label = Decision::ALL
                .iter()
                .find(|d| d.id() == decision)
                .map_or(decision.as_str(), |d| d.label(lang));
            tr!(
                lang,
                "beslutad: {label} ({date})",
                "decided: {label} ({date})"
            )
        }
    }
}

fn follow_section(title: &str, rows: &[FollowDiff], lang: Lang) -> Section {
    Section {
        title: title.into(),
        header: header(
            lang,
            &[
                ("Id", "Id"),
                ("Ändring", "Change"),
                ("Text", "Text"),
                ("Ansvarig", "Owner"),
                ("Datum", "Due"),
            ],
        ),
        rows: rows
            .iter()
            .map(|f| {
                let mut change = match f.change {
                    FollowChange::Raised => lang.pick("ny", "raised"),
                    FollowChange::RaisedAndClosed => lang.pick("ny och klar", "raised and closed"),
                    FollowChange::Closed => lang.pick("klar", "closed"),
                    FollowChange::Overdue => lang.pick("försenad", "overdue"),
                    FollowChange::Removed => lang.pick("borttagen", "removed"),
                }
                .to_string();
                if f.overdue && f.change != FollowChange::Overdue {
                    change += lang.pick(", försenad", ", overdue");
                }
                vec![
                    f.id.clone(),
                    change,
                    crate::report::status_view::shorten(&f.text, 60),
                    f.owner.clone().unwrap_or_else(|| "–".into()),
                    f.due.clone().unwrap_or_else(|| "–".into()),
                ]
            })
            .collect(),
    }
}

fn readiness_section(r: &ReadinessDiff, lang: Lang) -> Section {
    let mean = |m: Option<f64>| m.map_or_else(|| "–".to_string(), |m| one_decimal(m, lang));
    Section {
        title: tr!(
            lang,
            "Mognad (skattningar: {} → {})",
            "Readiness (assessments: {} → {})",
            r.old_assessments,
            r.new_assessments
        ),
        header: header(
            lang,
            &[
                ("Dimension", "Dimension"),
                ("Medel före", "Mean before"),
                ("Medel efter", "Mean after"),
            ],
        ),
        rows: r
            .dimensions
            .iter()
            .map(|d| vec![d.title.clone(), mean(d.old), mean(d.new)])
            .collect(),
    }
}

/// A mean with one decimal, with a decimal comma in Swedish.
fn one_decimal(value: f64, lang: Lang) -> String {
    let text = format!("{value:.1}");
    match lang {
        Lang::Sv => text.replace('.', ","),
        Lang::En => text,
    }
}
