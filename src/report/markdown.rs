//! The report as Markdown that renders well on a forge. Plain texts are
//! escaped; notes, which their authors wrote as Markdown, are quoted so that
//! nothing in them can break the report's own structure.

use std::fmt::Write as _;

use super::WorkbookReport;
use super::model::{Line, PhaseReport};
use super::words;
use crate::i18n::Lang;
use crate::text::markdown::escape;

fn heading(level: usize, text: &str) -> String {
    format!("{} {}\n\n", "#".repeat(level.min(6)), text)
}

/// A Markdown table with one line per row; cells are escaped.
fn table(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut out = String::new();
    let cells = |row: Vec<String>| format!("| {} |\n", row.join(" | "));
    out.push_str(&cells(header.iter().map(|h| escape(h)).collect()));
    out.push_str(&cells(header.iter().map(|_| "---".to_string()).collect()));
    for row in rows {
        out.push_str(&cells(row.iter().map(|c| escape(c)).collect()));
    }
    out.push('\n');
    out
}

/// A note's Markdown as a block quote.
fn quoted(text: &str) -> String {
    let mut out = String::new();
    for line in text.replace("\r\n", "\n").lines() {
        if line.is_empty() {
            out.push_str(">\n");
        } else {
            let _ = writeln!(out, "> {line}");
        }
    }
    out.push('\n');
    out
}

fn answers_table(lines: &[Line], lang: Lang) -> String {
    let rows: Vec<Vec<String>> = lines
        .iter()
        .map(|l| {
            let answer = match &l.note {
                Some(note) => format!(
                    "{} — {} {note}",
                    l.answer,
                    lang.pick("Anteckning:", "Note:")
                ),
                None => l.answer.clone(),
            };
            vec![l.prompt.clone(), answer]
        })
        .collect();
    table(
        &[lang.pick("Punkt", "Item"), lang.pick("Svar", "Answer")],
        &rows,
    )
}

fn phase_section(phase: &PhaseReport, level: usize, lang: Lang) -> String {
    let mut out = String::new();
    out.push_str(&heading(level, &escape(&words::phase_heading(phase, lang))));
    if let Some(d) = &phase.decision {
        let (label, text) = words::decision(d, lang);
        let _ = writeln!(out, "**{label}** {}\n", escape(&text));
        if !d.criteria.is_empty() {
            out.push_str(&table(
                &words::criteria_header(lang),
                &words::criteria_rows(d),
            ));
        }
    }
    if phase.answers.is_empty() {
        out.push_str(lang.pick("*Inga svar än.*\n\n", "*No answers yet.*\n\n"));
    } else {
        out.push_str(&answers_table(&phase.answers, lang));
    }
    if !phase.open.is_empty() {
        let _ = writeln!(out, "**{}**\n", words::open_requirements(lang));
        for prompt in &phase.open {
            let _ = writeln!(out, "- {}", escape(prompt));
        }
        out.push('\n');
    }
    if !phase.removed.is_empty() {
        let _ = writeln!(out, "**{}**\n", words::answers_no_longer_taken(lang));
        out.push_str(&answers_table(&phase.removed, lang));
    }
    out
}

/// One workbook, its top heading at `level`.
pub fn workbook(r: &WorkbookReport, level: usize, lang: Lang) -> String {
    let mut out = String::new();
    out.push_str(&heading(level, &escape(&r.name)));
    let _ = writeln!(
        out,
        "*{} · {} {} · {}*\n",
        escape(&r.pack.title),
        escape(&r.pack.id),
        escape(&r.pack.version),
        escape(&r.path)
    );
    if level == 1 {
        let _ = writeln!(out, "{}\n", words::as_of(&r.as_of, lang));
    }
    out.push_str(&heading(level + 1, lang.pick("Sammanfattning", "Summary")));
    out.push_str(&table(&["", ""], &words::summary_rows(r, lang)));
    if !r.profile.is_empty() {
        out.push_str(&heading(
            level + 2,
            lang.pick("Projektprofil", "Project profile"),
        ));
        let rows: Vec<Vec<String>> = r
            .profile
            .iter()
            .map(|l| vec![l.prompt.clone(), l.answer.clone()])
            .collect();
        out.push_str(&table(
            &[lang.pick("Fråga", "Question"), lang.pick("Svar", "Answer")],
            &rows,
        ));
    }
    follow_up(&mut out, r, level + 1, lang);
    disagreements(&mut out, r, level + 1, lang);
    out.push_str(&heading(level + 1, lang.pick("Faser", "Phases")));
    for phase in &r.phases {
        out.push_str(&phase_section(phase, level + 2, lang));
    }
    out.push_str(&heading(
        level + 1,
        lang.pick(
            "Beslut, risker, insikter och lärdomar",
            "Decisions, risks, insights and lessons",
        ),
    ));
    if r.notes.is_empty() {
        out.push_str(lang.pick("*Inga anteckningar än.*\n\n", "*No notes yet.*\n\n"));
    }
    for note in &r.notes {
        let mut title = format!("{} · {}", escape(&note.label), note.date);
        if let Some(phase) = &note.phase {
            let _ = write!(title, " · {}", escape(phase));
        }
        if note.open {
            let _ = write!(title, " · {}", lang.pick("öppen", "open"));
        }
        out.push_str(&heading(level + 2, &title));
        if let Some(author) = &note.author {
            let _ = writeln!(out, "*{}*\n", escape(author));
        }
        out.push_str(&quoted(&note.text));
    }
    indicators(&mut out, r, level + 1, lang);
    readiness(&mut out, r, level + 1, lang);
    if let Some(d) = &r.diagnostic {
        out.push_str(&heading(level + 1, &escape(&d.title)));
        let _ = writeln!(out, "{}\n", escape(&words::diagnostic_sentence(d, lang)));
        if !d.answers.is_empty() {
            out.push_str(&answers_table(&d.answers, lang));
        }
    }
    out
}

/// Each defined indicator, heading at `level`: a sentence, its owner and
/// a table from baseline to target.
fn indicators(out: &mut String, r: &WorkbookReport, level: usize, lang: Lang) {
    if r.indicators.is_empty() {
        return;
    }
    out.push_str(&heading(level, words::indicators_heading(lang)));
    for i in &r.indicators {
        out.push_str(&heading(level + 1, &escape(&i.name)));
        let _ = writeln!(out, "{}\n", escape(&words::indicator_sentence(i, lang)));
        let _ = writeln!(out, "*{}*\n", escape(&words::indicator_owner(i, lang)));
        let (header, rows) = words::indicator_table(i, lang);
        out.push_str(&table(&header, &rows));
    }
}

/// The readiness assessments, heading at `level`: a sentence and the
/// table, first against latest.
fn readiness(out: &mut String, r: &WorkbookReport, level: usize, lang: Lang) {
    if let Some(rd) = &r.readiness {
        out.push_str(&heading(level, &escape(&rd.title)));
        let _ = writeln!(out, "{}\n", words::readiness_sentence(rd, lang));
        let (header, rows) = words::readiness_table(rd, lang);
        out.push_str(&table(&header, &rows));
        compared(out, rd, lang);
    }
}

/// The latest assessment by respondent and by role, when several answered.
fn compared(out: &mut String, rd: &super::model::ReadinessReport, lang: Lang) {
    if rd.respondents.len() < 2 {
        return;
    }
    let _ = writeln!(out, "{}\n", escape(&words::compared_sentence(rd, lang)));
    for (columns, by_role) in [(&rd.respondents, false), (&rd.roles, true)] {
        if columns.is_empty() {
            continue;
        }
        let (header, rows) = words::compared_table(rd, columns, by_role, lang);
        let header: Vec<&str> = header.iter().map(String::as_str).collect();
        out.push_str(&table(&header, &rows));
    }
}

/// The open actions and risks with owner and due day, the overdue
/// marked, heading at `level`.
fn follow_up(out: &mut String, r: &WorkbookReport, level: usize, lang: Lang) {
    out.push_str(&heading(level, words::follow_up_heading(lang)));
    if r.follow_up.is_empty() {
        let _ = writeln!(out, "*{}*\n", escape(&words::nothing_to_follow_up(r, lang)));
    } else {
        let (header, rows) = words::follow_up_table(r, lang);
        out.push_str(&table(&header, &rows));
    }
}

/// Items answered differently on two branches, each answer whole; nothing
/// when there are none.
fn disagreements(out: &mut String, r: &WorkbookReport, level: usize, lang: Lang) {
    if r.disagreements.is_empty() {
        return;
    }
    out.push_str(&heading(level, words::disagreements_heading(lang)));
    // Our own words, with a command as code.
    let _ = writeln!(out, "{}\n", words::disagreements_sentence(lang));
    let (header, rows) = words::disagreements_table(r, lang);
    out.push_str(&table(&header, &rows));
}

/// Plain text, perhaps of several paragraphs, as Markdown paragraphs.
fn paragraphs(text: &str) -> String {
    let text = text.replace("\r\n", "\n");
    let mut out = String::new();
    for paragraph in text.split("\n\n").filter(|p| !p.trim().is_empty()) {
        let _ = writeln!(out, "{}\n", escape(paragraph.trim()));
    }
    out
}

/// One workbook on one page, for a manager (`--summary`): name, problem
/// and goal, where it stands, the last decision, what is to follow up,
/// and readiness first against latest.
pub fn page(r: &WorkbookReport, lang: Lang) -> String {
    let mut out = heading(1, &escape(&r.name));
    let _ = writeln!(
        out,
        "*{} · {}*\n",
        words::as_of(&r.as_of, lang),
        escape(&r.pack.title)
    );
    for (title, line) in [
        (lang.pick("Problem", "Problem"), &r.problem),
        (lang.pick("Mål", "Goal"), &r.goal),
    ] {
        if let Some(line) = line {
            out.push_str(&heading(2, title));
            let _ = writeln!(out, "*{}*\n", escape(&line.prompt));
            out.push_str(&paragraphs(&line.answer));
        }
    }
    out.push_str(&heading(2, words::standing_heading(lang)));
    out.push_str(&table(&["", ""], &words::standing_rows(r, lang)));
    out.push_str(&heading(2, lang.pick("Senaste beslut", "Last decision")));
    match &r.last_decision {
        Some(d) => {
            let _ = writeln!(out, "{}\n", escape(&d.text));
            for c in &d.conditions {
                let _ = writeln!(out, "- {}", escape(&words::condition_line(c, lang)));
            }
            if !d.conditions.is_empty() {
                out.push('\n');
            }
        }
        None => out.push_str(lang.pick("*Inget beslut än.*\n\n", "*No decision yet.*\n\n")),
    }
    out.push_str(&heading(2, lang.pick("Nästa beslutspunkt", "Next gate")));
    match &r.next_gate {
        Some(gate) => {
            let _ = writeln!(out, "{}\n", escape(&words::next_gate_line(gate, lang)));
        }
        None => out.push_str(lang.pick("*Inget datum planerat.*\n\n", "*No date planned.*\n\n")),
    }
    follow_up(&mut out, r, 2, lang);
    indicators(&mut out, r, 2, lang);
    readiness(&mut out, r, 2, lang);
    out
}

/// The start of a portfolio report: its heading, the day it describes and
/// the overview.
pub fn portfolio_head(rows: &[super::OverviewRow], as_of: jiff::civil::Date, lang: Lang) -> String {
    let mut out = heading(1, lang.pick("Portföljrapport", "Portfolio report"));
    let _ = writeln!(
        out,
        "{}. {}\n",
        words::as_of(&as_of.to_string(), lang),
        words::workbooks_sentence(rows.len(), lang)
    );
    let cells: Vec<Vec<String>> = rows.iter().map(|r| r.cells(lang)).collect();
    out.push_str(&table(&super::OverviewRow::header(lang), &cells));
    out
}
