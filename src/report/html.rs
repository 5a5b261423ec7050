//! The report as one self-contained HTML page: inline style and SVG charts,
//! no scripts, nothing fetched, a print stylesheet. Every text is escaped;
//! notes (Markdown) go through the safe renderer, which shows raw HTML as
//! text and keeps only safe link destinations.

use std::fmt::Write as _;

use super::WorkbookReport;
use super::model::{DiagnosticReport, Line, PhaseReport, ReadinessReport};
use super::words;
use crate::i18n::Lang;
pub use crate::text::html::DOCUMENT_END;
use crate::text::html::{TABLE_BOX, document, escape, safe_fragment};

/// What a table's cells hold: free text, in which a long word (an
/// address) may break anywhere, or short values that are kept whole.
#[derive(Clone, Copy, PartialEq)]
enum Cells {
    Prose,
    Values,
}

/// A table in its box (see `TABLE_BOX`); the first cell of each row heads
/// it.
fn table(caption: Option<&str>, header: &[&str], rows: &[Vec<String>], cells: Cells) -> String {
    let class = if cells == Cells::Prose {
        " class=\"prose\""
    } else {
        ""
    };
    let mut out = format!("{}<table{class}>", TABLE_BOX.0);
    if let Some(caption) = caption {
        let _ = write!(out, "<caption>{}</caption>", escape(caption));
    }
    out.push_str("<thead><tr>");
    for h in header {
        let _ = write!(out, "<th scope=\"col\">{}</th>", escape(h));
    }
    out.push_str("</tr></thead><tbody>");
    for row in rows {
        out.push_str("<tr>");
        for (i, cell) in row.iter().enumerate() {
            if i == 0 {
                let _ = write!(out, "<th scope=\"row\">{}</th>", escape(cell));
            } else {
                let _ = write!(out, "<td>{}</td>", escape(cell).replace('\n', "<br/>"));
            }
        }
        out.push_str("</tr>");
    }
    let _ = writeln!(out, "</tbody></table>{}", TABLE_BOX.1);
    out
}

fn answers(lines: &[Line], lang: Lang) -> String {
    let rows: Vec<Vec<String>> = lines
        .iter()
        .map(|l| {
            let answer = match &l.note {
                Some(note) => format!("{}\n{} {note}", l.answer, lang.pick("Anteckning:", "Note:")),
                None => l.answer.clone(),
            };
            vec![l.prompt.clone(), answer]
        })
        .collect();
    table(
        None,
        &[lang.pick("Punkt", "Item"), lang.pick("Svar", "Answer")],
        &rows,
        Cells::Prose,
    )
}

fn h(level: usize, text: &str) -> String {
    let level = level.min(6);
    format!("<h{level}>{}</h{level}>\n", escape(text))
}

fn phase(p: &PhaseReport, level: usize, lang: Lang) -> String {
    let mut out = String::new();
    out.push_str(&h(level, &words::phase_heading(p, lang)));
    if let Some(d) = &p.decision {
        let (label, text) = words::decision(d, lang);
        let _ = writeln!(
            out,
            "<p><strong>{}</strong> {}</p>",
            escape(label),
            escape(&text)
        );
        if !d.criteria.is_empty() {
            let header = words::criteria_header(lang);
            out.push_str(&table(
                None,
                &header,
                &words::criteria_rows(d),
                Cells::Prose,
            ));
        }
    }
    if p.answers.is_empty() {
        let _ = writeln!(
            out,
            "<p><em>{}</em></p>",
            escape(lang.pick("Inga svar än.", "No answers yet."))
        );
    } else {
        out.push_str(&answers(&p.answers, lang));
    }
    if !p.open.is_empty() {
        let _ = write!(
            out,
            "<p><strong>{}</strong></p><ul>",
            escape(words::open_requirements(lang))
        );
        for prompt in &p.open {
            let _ = write!(out, "<li>{}</li>", escape(prompt));
        }
        out.push_str("</ul>\n");
    }
    if !p.removed.is_empty() {
        let _ = writeln!(
            out,
            "<p><strong>{}</strong></p>",
            escape(words::answers_no_longer_taken(lang))
        );
        out.push_str(&answers(&p.removed, lang));
    }
    out
}

/// One workbook as a section, its heading at `level`.
pub fn workbook(r: &WorkbookReport, level: usize, index: usize, lang: Lang) -> String {
    let mut out = String::from("<section>\n");
    out.push_str(&h(level, &r.name));
    let _ = writeln!(
        out,
        "<p class=\"meta\">{} · {} {} · {}</p>",
        escape(&r.pack.title),
        escape(&r.pack.id),
        escape(&r.pack.version),
        escape(&r.path)
    );
    if level == 1 {
        let _ = writeln!(
            out,
            "<p class=\"meta\">{}</p>",
            escape(&words::as_of(&r.as_of, lang))
        );
    }
    summary(&mut out, r, level + 1, index, lang);
    profile(&mut out, r, level + 2, lang);
    follow_up(&mut out, r, level + 1, lang);
    disagreements(&mut out, r, level + 1, lang);
    out.push_str(&h(level + 1, lang.pick("Faser", "Phases")));
    for p in &r.phases {
        out.push_str(&phase(p, level + 2, lang));
    }
    notes(&mut out, r, level + 1, lang);
    indicators(&mut out, r, level + 1, index, lang);
    if let Some(rd) = &r.readiness {
        readiness(&mut out, rd, level + 1, index, lang);
    }
    if let Some(d) = &r.diagnostic {
        diagnostic(&mut out, d, level + 1, lang);
    }
    out.push_str("</section>\n");
    out
}

/// The summary, its heading at `level`: a table, and progress per phase
/// as a chart.
fn summary(out: &mut String, r: &WorkbookReport, level: usize, index: usize, lang: Lang) {
    out.push_str(&h(level, lang.pick("Sammanfattning", "Summary")));
    out.push_str(&table(
        None,
        &[lang.pick("Vad", "What"), lang.pick("Läge", "Status")],
        &words::summary_rows(r, lang),
        Cells::Values,
    ));
    out.push_str("<figure>");
    out.push_str(&super::svg::progress(
        &format!("progress-{index}"),
        &r.phases,
        lang,
    ));
    let _ = writeln!(
        out,
        "<figcaption>{}</figcaption></figure>",
        escape(lang.pick(
            "Klara krav per fas (siffrorna står i fasernas rubriker).",
            "Requirements done per phase (the numbers are in the phases' headings)."
        ))
    );
}

/// The open actions and risks with owner and due day, the overdue
/// marked, heading at `level`.
fn follow_up(out: &mut String, r: &WorkbookReport, level: usize, lang: Lang) {
    out.push_str(&h(level, words::follow_up_heading(lang)));
    if r.follow_up.is_empty() {
        let _ = writeln!(
            out,
            "<p><em>{}</em></p>",
            escape(&words::nothing_to_follow_up(r, lang))
        );
    } else {
        let (header, rows) = words::follow_up_table(r, lang);
        out.push_str(&table(None, &header, &rows, Cells::Values));
    }
}

/// Items answered differently on two branches, each answer whole; nothing
/// when there are none.
fn disagreements(out: &mut String, r: &WorkbookReport, level: usize, lang: Lang) {
    if r.disagreements.is_empty() {
        return;
    }
    out.push_str(&h(level, words::disagreements_heading(lang)));
    let _ = writeln!(
        out,
        "<p>{}</p>",
        escape(words::disagreements_sentence(lang))
    );
    let (header, rows) = words::disagreements_table(r, lang);
    out.push_str(&table(None, &header, &rows, Cells::Values));
}

/// Plain text, perhaps of several paragraphs, as HTML paragraphs.
fn paragraphs(text: &str) -> String {
    let text = text.replace("\r\n", "\n");
    let mut out = String::new();
    for paragraph in text.split("\n\n").filter(|p| !p.trim().is_empty()) {
        let _ = writeln!(
            out,
            "<p>{}</p>",
            escape(paragraph.trim()).replace('\n', "<br/>")
        );
    }
    out
}

/// One workbook on one page, for a manager (`--summary`): name, problem
/// and goal, where it stands, the last decision, what is to follow up,
/// and readiness first against latest.
pub fn page(r: &WorkbookReport, lang: Lang) -> String {
    let mut out = String::from("<section>\n");
    out.push_str(&h(1, &r.name));
    let _ = writeln!(
        out,
        "<p class=\"meta\">{} · {}</p>",
        escape(&words::as_of(&r.as_of, lang)),
        escape(&r.pack.title)
    );
    for (title, line) in [
        (lang.pick("Problem", "Problem"), &r.problem),
        (lang.pick("Mål", "Goal"), &r.goal),
    ] {
        if let Some(line) = line {
            out.push_str(&h(2, title));
            let _ = writeln!(out, "<p class=\"meta\">{}</p>", escape(&line.prompt));
            out.push_str(&paragraphs(&line.answer));
        }
    }
    out.push_str(&h(2, words::standing_heading(lang)));
    out.push_str(&table(
        None,
        &[lang.pick("Vad", "What"), lang.pick("Läge", "Status")],
        &words::standing_rows(r, lang),
        Cells::Values,
    ));
    out.push_str(&h(2, lang.pick("Senaste beslut", "Last decision")));
    let decision = r.last_decision.as_ref().map_or_else(
        || {
            format!(
                "<em>{}</em>",
                escape(lang.pick("Inget beslut än.", "No decision yet."))
            )
        },
        |d| escape(&d.text),
    );
    let _ = writeln!(out, "<p>{decision}</p>");
    let conditions = r.last_decision.iter().flat_map(|d| &d.conditions);
    let items: Vec<String> = conditions
        .map(|c| format!("<li>{}</li>", escape(&words::condition_line(c, lang))))
        .collect();
    if !items.is_empty() {
        let _ = writeln!(out, "<ul>\n{}\n</ul>", items.join("\n"));
    }
    out.push_str(&h(2, lang.pick("Nästa beslutspunkt", "Next gate")));
    let next = r.next_gate.as_ref().map_or_else(
        || {
            format!(
                "<em>{}</em>",
                escape(lang.pick("Inget datum planerat.", "No date planned."))
            )
        },
        |gate| escape(&words::next_gate_line(gate, lang)),
    );
    let _ = writeln!(out, "<p>{next}</p>");
    follow_up(&mut out, r, 2, lang);
    indicators(&mut out, r, 2, 0, lang);
    if let Some(rd) = &r.readiness {
        readiness(&mut out, rd, 2, 0, lang);
    }
    out.push_str("</section>\n");
    document(&r.name, lang, &out)
}

/// The project profile's answers, if there are any, heading at `level`.
fn profile(out: &mut String, r: &WorkbookReport, level: usize, lang: Lang) {
    if r.profile.is_empty() {
        return;
    }
    out.push_str(&h(level, lang.pick("Projektprofil", "Project profile")));
    let rows: Vec<Vec<String>> = r
        .profile
        .iter()
        .map(|l| vec![l.prompt.clone(), l.answer.clone()])
        .collect();
    out.push_str(&table(
        None,
        &[lang.pick("Fråga", "Question"), lang.pick("Svar", "Answer")],
        &rows,
        Cells::Prose,
    ));
}

/// Decisions, risks, insights and lessons, heading at `level`; each note
/// one level below.
fn notes(out: &mut String, r: &WorkbookReport, level: usize, lang: Lang) {
    out.push_str(&h(
        level,
        lang.pick(
            "Beslut, risker, insikter och lärdomar",
            "Decisions, risks, insights and lessons",
        ),
    ));
    if r.notes.is_empty() {
        let _ = writeln!(
            out,
            "<p><em>{}</em></p>",
            escape(lang.pick("Inga anteckningar än.", "No notes yet."))
        );
    }
    for note in &r.notes {
        let mut title = format!("{} · {}", note.label, note.date);
        if let Some(phase) = &note.phase {
            let _ = write!(title, " · {phase}");
        }
        if note.open {
            let _ = write!(title, " · {}", lang.pick("öppen", "open"));
        }
        out.push_str(&h(level + 1, &title));
        if let Some(author) = &note.author {
            let _ = writeln!(out, "<p class=\"meta\">{}</p>", escape(author));
        }
        let _ = writeln!(
            out,
            "<blockquote>{}</blockquote>",
            safe_fragment(&demoted(&note.text))
        );
    }
}

/// Each defined indicator, heading at `level`: a sentence, the chart from
/// baseline to target, its owner and the table of numbers.
fn indicators(out: &mut String, r: &WorkbookReport, level: usize, index: usize, lang: Lang) {
    if r.indicators.is_empty() {
        return;
    }
    out.push_str(&h(level, words::indicators_heading(lang)));
    for (n, i) in r.indicators.iter().enumerate() {
        out.push_str(&h(level + 1, &i.name));
        let _ = writeln!(
            out,
            "<p>{}</p>",
            escape(&words::indicator_sentence(i, lang))
        );
        out.push_str("<figure>");
        out.push_str(&super::svg::indicator(
            &format!("indicator-{index}-{n}"),
            i,
            lang,
        ));
        let _ = writeln!(
            out,
            "<figcaption>{}</figcaption></figure>",
            escape(lang.pick(
                "Uppmätt (fyllda punkter) och målet (streckat, ofylld punkt); tabellen nedan har siffrorna.",
                "Measured (filled points) and the target (dashed, hollow point); the table below has the numbers."
            ))
        );
        let _ = writeln!(
            out,
            "<p class=\"meta\">{}</p>",
            escape(&words::indicator_owner(i, lang))
        );
        let (header, rows) = words::indicator_table(i, lang);
        out.push_str(&table(None, &header, &rows, Cells::Values));
    }
}

/// The readiness assessments, heading at `level`: a sentence, the chart
/// and the table of numbers.
fn readiness(out: &mut String, rd: &ReadinessReport, level: usize, index: usize, lang: Lang) {
    out.push_str(&h(level, &rd.title));
    let _ = writeln!(
        out,
        "<p>{}</p>",
        escape(&words::readiness_sentence(rd, lang))
    );
    out.push_str("<figure>");
    out.push_str(&super::svg::readiness(
        &format!("readiness-{index}"),
        rd,
        lang,
    ));
    let _ = writeln!(
        out,
        "<figcaption>{}</figcaption></figure>",
        escape(lang.pick(
            "Medelvärde per dimension; tabellen nedan har siffrorna.",
            "Mean per dimension; the table below has the numbers."
        ))
    );
    let (header, rows) = words::readiness_table(rd, lang);
    out.push_str(&table(None, &header, &rows, Cells::Values));
    compared(out, rd, lang);
}

/// The latest assessment by respondent and by role, when several
/// answered: a table each, in the report's scrolling table box.
fn compared(out: &mut String, rd: &ReadinessReport, lang: Lang) {
    if rd.respondents.len() < 2 {
        return;
    }
    let _ = writeln!(
        out,
        "<p>{}</p>",
        escape(&words::compared_sentence(rd, lang))
    );
    for (columns, by_role) in [(&rd.respondents, false), (&rd.roles, true)] {
        if columns.is_empty() {
            continue;
        }
        let (header, rows) = words::compared_table(rd, columns, by_role, lang);
        let header: Vec<&str> = header.iter().map(String::as_str).collect();
        let caption = if by_role {
            lang.pick("Efter roll", "By role")
        } else {
            lang.pick("Efter svarande", "By respondent")
        };
        out.push_str(&table(Some(caption), &header, &rows, Cells::Values));
    }
}

/// The diagnostic, heading at `level`: its verdict and its answers.
fn diagnostic(out: &mut String, d: &DiagnosticReport, level: usize, lang: Lang) {
    out.push_str(&h(level, &d.title));
    let _ = writeln!(
        out,
        "<p>{}</p>",
        escape(&words::diagnostic_sentence(d, lang))
    );
    if !d.answers.is_empty() {
        out.push_str(&answers(&d.answers, lang));
    }
}

/// A note's Markdown with its headings moved below the report's own.
fn demoted(markdown: &str) -> String {
    markdown
        .lines()
        .map(|line| {
            let hashes = line.chars().take_while(|c| *c == '#').count();
            if (1..=3).contains(&hashes) && line[hashes..].starts_with(' ') {
                format!("####{}", &line[hashes..])
            } else {
                line.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A report of one workbook as a whole page.
pub fn single(r: &WorkbookReport, lang: Lang) -> String {
    document(&r.name, lang, &workbook(r, 1, 0, lang))
}

/// The start of a portfolio page: the document's head, the heading, the
/// day it describes and the overview. The sections follow, then
/// `DOCUMENT_END`.
pub fn portfolio_head(rows: &[super::OverviewRow], as_of: jiff::civil::Date, lang: Lang) -> String {
    let mut out =
        crate::text::html::document_start(lang.pick("Portföljrapport", "Portfolio report"), lang);
    out.push_str(&h(1, lang.pick("Portföljrapport", "Portfolio report")));
    let _ = writeln!(
        out,
        "<p>{}. {}</p>",
        escape(&words::as_of(&as_of.to_string(), lang)),
        escape(&words::workbooks_sentence(rows.len(), lang))
    );
    let cells: Vec<Vec<String>> = rows.iter().map(|r| r.cells(lang)).collect();
    out.push_str(&table(
        Some(lang.pick("Översikt", "Overview")),
        &super::OverviewRow::header(lang),
        &cells,
        Cells::Values,
    ));
    out
}
