//! A workbook's report as document blocks, every word chosen, manager
//! first: the status line, problem and goal, the last decision, the next
//! gate, what is to follow up, indicators and readiness; then the detail
//! (progress per phase, profile, phases with their answers, notes,
//! diagnostic). A portfolio's head is built in [`portfolio`].

pub mod portfolio;

use super::words as doc_words;
use super::{Block, Cells, Chart, Document, Inline, Table};
use crate::i18n::Lang;
use crate::report::WorkbookReport;
use crate::report::model::{
    DecisionReport, DiagnosticReport, IndicatorReport, Line, NoteReport, PhaseReport,
    ReadinessReport,
};
use crate::report::register::Status;
use crate::report::words;

/// What every part of a report is built with: the language of its own
/// words, whether names were replaced, and whether the charts' pictures
/// are drawn (for a writer that shows them; the Markdown writer does not,
/// and drawing them costs time).
#[derive(Clone, Copy, Debug)]
pub struct Shape {
    pub lang: Lang,
    pub redacted: bool,
    pub draw: bool,
}

/// One workbook's whole report: the manager's part, then the detail.
pub fn single(r: &WorkbookReport, shape: Shape) -> Document {
    let mut blocks = manager(r, 1, None, 0, shape);
    blocks.extend(detail(r, 2, 0, shape));
    Document {
        lang: shape.lang,
        title: r.name.clone(),
        blocks,
    }
}

/// One workbook on a page for a manager (`--summary`): the manager's part
/// alone.
pub fn page(r: &WorkbookReport, shape: Shape) -> Document {
    Document {
        lang: shape.lang,
        title: r.name.clone(),
        blocks: manager(r, 1, None, 0, shape),
    }
}

/// One workbook of a portfolio, the `index`th: a section on a page of its
/// own, its heading at level 2 with `anchor`, which the contents link to.
pub fn section(r: &WorkbookReport, anchor: &str, index: usize, shape: Shape) -> Block {
    let mut blocks = manager(r, 2, Some(anchor.to_string()), index, shape);
    blocks.extend(detail(r, 3, index, shape));
    Block::Section {
        new_page: true,
        blocks,
    }
}

/// Gives a portfolio's section the anchor `anchor` (its first heading's);
/// whether that changed it.
pub fn set_anchor(section: &mut Block, anchor: &str) -> bool {
    let Block::Section { blocks, .. } = section else {
        return false;
    };
    match blocks.first_mut() {
        Some(Block::Heading {
            anchor: Some(old), ..
        }) if old != anchor => {
            *old = anchor.to_string();
            true
        }
        _ => false,
    }
}

/// The manager's part, the name's heading at `level`, the sections one
/// below it.
fn manager(
    r: &WorkbookReport,
    level: u8,
    anchor: Option<String>,
    index: usize,
    shape: Shape,
) -> Vec<Block> {
    let lang = shape.lang;
    let mut out = vec![Block::Heading {
        level,
        text: r.name.clone(),
        anchor,
    }];
    out.push(Block::Meta(subtitle(r)));
    if level == 1 {
        out.push(Block::Meta(day_line(&r.as_of, shape)));
    }
    out.push(Block::Paragraph(status_line(r, lang)));
    let level = level + 1;
    disagreements(&mut out, r, level, lang);
    problem_and_goal(&mut out, r, level, lang);
    last_decision(&mut out, r, level, lang);
    next_gate(&mut out, r, level, lang);
    decision_log(&mut out, r, level, lang);
    follow_up(&mut out, r, level, lang);
    risk_register(&mut out, r, level, lang);
    indicators(&mut out, r, level, index, shape);
    if let Some(rd) = &r.readiness {
        readiness(&mut out, rd, level, index, shape);
    }
    out
}

/// The detail after the manager's part, sections at `level`.
fn detail(r: &WorkbookReport, level: u8, index: usize, shape: Shape) -> Vec<Block> {
    let lang = shape.lang;
    let mut out = Vec::new();
    summary(&mut out, r, level, index, shape);
    profile(&mut out, r, level, lang);
    heading(&mut out, level, doc_words::phases(lang));
    for p in &r.phases {
        phase(&mut out, p, level + 1, r, lang);
    }
    notes(&mut out, r, level, lang);
    if let Some(d) = &r.diagnostic {
        diagnostic(&mut out, d, level, r, lang);
    }
    out
}

fn heading(out: &mut Vec<Block>, level: u8, text: &str) {
    out.push(Block::Heading {
        level,
        text: text.to_string(),
        anchor: None,
    });
}

/// The pack, its version and the workbook's folder by its own name.
fn subtitle(r: &WorkbookReport) -> Vec<Inline> {
    let mut text = format!("{} · {} {}", r.pack.title, r.pack.id, r.pack.version);
    let folder = std::path::Path::new(&r.path)
        .file_name()
        .map(|n| n.to_string_lossy().to_string());
    if let Some(folder) = folder.filter(|f| !f.is_empty()) {
        text.push_str(" · ");
        text.push_str(&folder);
    }
    vec![Inline::Text(text)]
}

/// The day the report describes, and that names were replaced when they
/// were.
pub fn day_line(day: &str, shape: Shape) -> Vec<Inline> {
    let mut line = with_dates(&format!("{}.", words::as_of(day, shape.lang)));
    if shape.redacted {
        line.push(Inline::Text(format!(
            " {}",
            doc_words::redacted(shape.lang)
        )));
    }
    line
}

/// Where the project is, in a line: the phase, the required items done,
/// the standing and the last activity; why it is stale when it is.
fn status_line(r: &WorkbookReport, lang: Lang) -> Vec<Inline> {
    let mut line = vec![
        Inline::Strong(doc_words::status_label(lang).to_string()),
        Inline::Text(format!(" {} · ", r.current)),
        Inline::Number(doc_words::requirements_done(r.done, r.required, lang)),
    ];
    // Where the project stands says "stopped at …" or "every phase done"
    // itself.
    if !matches!(r.status.state, Status::Stopped | Status::Finished) {
        line.push(Inline::Text(format!(
            " · {}",
            words::status_word(r.status.state, lang)
        )));
    }
    if let Some(day) = &r.last_activity {
        line.push(Inline::Text(format!(
            " · {} ",
            doc_words::last_active(lang)
        )));
        line.push(Inline::Date(day.clone()));
    }
    if r.stale {
        line.push(Inline::Text(". ".to_string()));
        line.extend(with_dates(&words::stale_sentence(r, lang)));
    }
    line
}

/// What a person wrote, in the workbook's language.
fn written(text: &str, r: &WorkbookReport) -> Inline {
    Inline::Written {
        text: text.to_string(),
        lang: r.language.clone(),
    }
}

fn problem_and_goal(out: &mut Vec<Block>, r: &WorkbookReport, level: u8, lang: Lang) {
    for (title, line) in [
        (doc_words::problem(lang), &r.problem),
        (doc_words::goal(lang), &r.goal),
    ] {
        if let Some(line) = line {
            heading(out, level, title);
            out.push(Block::Meta(vec![Inline::Text(line.prompt.clone())]));
            out.push(Block::Paragraph(vec![written(&line.answer, r)]));
        }
    }
}

fn last_decision(out: &mut Vec<Block>, r: &WorkbookReport, level: u8, lang: Lang) {
    heading(out, level, doc_words::last_decision(lang));
    let Some(d) = &r.last_decision else {
        out.push(emphasis(doc_words::no_decision(lang)));
        return;
    };
    out.push(Block::Paragraph(with_dates(&d.text)));
    if !d.conditions.is_empty() {
        let items = d
            .conditions
            .iter()
            .map(|c| with_dates(&words::condition_line(c, lang)))
            .collect();
        out.push(Block::List(items));
    }
}

fn next_gate(out: &mut Vec<Block>, r: &WorkbookReport, level: u8, lang: Lang) {
    heading(out, level, doc_words::next_gate(lang));
    out.push(match &r.next_gate {
        Some(gate) => Block::Paragraph(with_dates(&words::next_gate_line(gate, lang))),
        None => emphasis(doc_words::no_date_planned(lang)),
    });
}

fn emphasis(text: &str) -> Block {
    Block::Paragraph(vec![Inline::Emphasis(text.to_string())])
}

/// The open actions and risks with owner and due day, the overdue marked.
fn follow_up(out: &mut Vec<Block>, r: &WorkbookReport, level: u8, lang: Lang) {
    heading(out, level, words::follow_up_heading(lang));
    if r.follow_up.is_empty() {
        out.push(Block::Paragraph(vec![Inline::Emphasis(
            words::nothing_to_follow_up(r, lang),
        )]));
    } else {
        let (header, rows) = words::follow_up_table(r, lang);
        out.push(values_table(None, strings(&header), rows));
    }
}

/// Every gate decision, in log order: the day, the phase, the decision
/// and why, who decided, its conditions and its criteria counted.
fn decision_log(out: &mut Vec<Block>, r: &WorkbookReport, level: u8, lang: Lang) {
    heading(out, level, words::decision_log_heading(lang));
    if r.decisions.is_empty() {
        out.push(emphasis(doc_words::no_gate_decisions(lang)));
        return;
    }
    let (header, rows) = words::decision_log_table(r, lang);
    let rows = r
        .decisions
        .iter()
        .zip(rows)
        .map(|(d, row)| {
            let mut cells: Vec<Vec<Inline>> = row.iter().map(|c| value(c)).collect();
            if let Some(why) = &d.motivation {
                cells[2] = vec![Inline::Text(format!("{}. ", d.label)), written(why, r)];
            }
            cells
        })
        .collect();
    out.push(prose_table(None, strings(&header), rows));
}

/// Every risk, open and closed, with owner, mitigation and due day; a
/// closed one says when, by whom and how it was closed.
fn risk_register(out: &mut Vec<Block>, r: &WorkbookReport, level: u8, lang: Lang) {
    heading(out, level, words::risk_register_heading(lang));
    if r.risks.is_empty() {
        out.push(emphasis(doc_words::no_risks(lang)));
        return;
    }
    let (header, rows) = words::risk_register_table(r, lang);
    let rows = r
        .risks
        .iter()
        .zip(rows)
        .map(|(k, row)| {
            let mut cells: Vec<Vec<Inline>> = row.iter().map(|c| value(c)).collect();
            cells[0] = vec![written(&k.text, r), Inline::Text(format!(" [{}]", k.id))];
            if let Some(m) = &k.mitigation {
                cells[2] = vec![written(m, r)];
            }
            if let Some(c) = &k.closed
                && let Some(head) = row[5].strip_suffix(c.text.as_str())
            {
                cells[5] = with_dates(head);
                cells[5].push(written(&c.text, r));
            }
            cells
        })
        .collect();
    out.push(prose_table(None, strings(&header), rows));
}

/// Items answered differently on two branches, each answer whole: a
/// warning, right after the status line.
fn disagreements(out: &mut Vec<Block>, r: &WorkbookReport, level: u8, lang: Lang) {
    if r.disagreements.is_empty() {
        return;
    }
    heading(out, level, words::disagreements_heading(lang));
    out.push(Block::Paragraph(code_spans(words::disagreements_sentence(
        lang,
    ))));
    let (header, rows) = words::disagreements_table(r, lang);
    out.push(values_table(None, strings(&header), rows));
}

/// A sentence whose commands stand in backticks, the backticks dropped:
/// a command is kept whole as a number is.
fn code_spans(sentence: &str) -> Vec<Inline> {
    sentence
        .split('`')
        .enumerate()
        .filter(|(_, part)| !part.is_empty())
        .map(|(i, part)| {
            if i % 2 == 1 {
                Inline::Number(part.to_string())
            } else {
                Inline::Text(part.to_string())
            }
        })
        .collect()
}

/// Each defined indicator: a sentence, the chart from baseline to target
/// with its numbers as a table, and its owner.
fn indicators(out: &mut Vec<Block>, r: &WorkbookReport, level: u8, index: usize, shape: Shape) {
    if r.indicators.is_empty() {
        return;
    }
    heading(out, level, words::indicators_heading(shape.lang));
    for (n, i) in r.indicators.iter().enumerate() {
        indicator(out, i, level + 1, &format!("indicator-{index}-{n}"), shape);
    }
}

fn indicator(out: &mut Vec<Block>, i: &IndicatorReport, level: u8, id: &str, shape: Shape) {
    let lang = shape.lang;
    heading(out, level, &i.name);
    let (header, rows) = words::indicator_table(i, lang);
    out.push(Block::Chart(Chart {
        svg: drawn(shape, || crate::report::svg::indicator(id, i, lang)),
        caption: doc_words::indicator_caption(lang).to_string(),
        description: with_dates(&words::indicator_sentence(i, lang)),
        data: Some(values(None, strings(&header), rows)),
    }));
    out.push(Block::Meta(vec![Inline::Text(words::indicator_owner(
        i, lang,
    ))]));
}

/// The readiness assessments: the chart with its numbers, first against
/// latest, and the latest by respondent and by role.
fn readiness(out: &mut Vec<Block>, rd: &ReadinessReport, level: u8, index: usize, shape: Shape) {
    let lang = shape.lang;
    heading(out, level, &rd.title);
    let (header, rows) = words::readiness_table(rd, lang);
    out.push(Block::Chart(Chart {
        svg: drawn(shape, || {
            crate::report::svg::readiness(&format!("readiness-{index}"), rd, lang)
        }),
        caption: doc_words::readiness_caption(lang).to_string(),
        description: with_dates(&words::readiness_sentence(rd, lang)),
        data: Some(values(None, strings(&header), rows)),
    }));
    readiness_history(out, rd, level + 1, lang);
    if rd.respondents.len() < 2 {
        return;
    }
    out.push(Block::Paragraph(vec![Inline::Text(
        words::compared_sentence(rd, lang),
    )]));
    for (columns, by_role) in [(&rd.respondents, false), (&rd.roles, true)] {
        if columns.is_empty() {
            continue;
        }
        let (header, rows) = words::compared_table(rd, columns, by_role, lang);
        let caption = if by_role {
            doc_words::by_role(lang)
        } else {
            doc_words::by_respondent(lang)
        };
        out.push(values_table(Some(caption.to_string()), header, rows));
    }
}

/// Every readiness assessment, oldest first: who answered and the mean
/// per dimension.
fn readiness_history(out: &mut Vec<Block>, rd: &ReadinessReport, level: u8, lang: Lang) {
    if rd.history.is_empty() {
        return;
    }
    heading(out, level, words::readiness_history_heading(lang));
    let (header, rows) = words::readiness_history_table(rd, lang);
    out.push(values_table(None, header, rows));
}

/// The summary: progress per phase as a chart, and the table.
fn summary(out: &mut Vec<Block>, r: &WorkbookReport, level: u8, index: usize, shape: Shape) {
    let lang = shape.lang;
    heading(out, level, doc_words::summary(lang));
    let rows = r
        .phases
        .iter()
        .map(|p| vec![p.title.clone(), format!("{}/{}", p.done, p.required)])
        .collect();
    out.push(Block::Chart(Chart {
        svg: drawn(shape, || {
            crate::report::svg::progress(&format!("progress-{index}"), &r.phases, lang)
        }),
        caption: doc_words::progress_caption(lang).to_string(),
        description: vec![Inline::Text(
            doc_words::progress_description(lang).to_string(),
        )],
        data: Some(values(None, doc_words::phase_and_done(lang), rows)),
    }));
    out.push(values_table(
        None,
        doc_words::what_and_status(lang),
        words::summary_rows(r, lang),
    ));
}

/// A chart's picture when the shape asks for one, else none.
fn drawn(shape: Shape, draw: impl FnOnce() -> String) -> String {
    if shape.draw { draw() } else { String::new() }
}

fn profile(out: &mut Vec<Block>, r: &WorkbookReport, level: u8, lang: Lang) {
    if r.profile.is_empty() {
        return;
    }
    heading(out, level, doc_words::profile(lang));
    let rows = r
        .profile
        .iter()
        .map(|l| vec![vec![Inline::Text(l.prompt.clone())], value(&l.answer)])
        .collect();
    out.push(Block::Table(Table {
        caption: None,
        header: doc_words::question_and_answer(lang),
        rows,
        cells: Cells::Prose,
    }));
}

/// A phase: its heading, the gate decision with its criteria, the
/// answers, what is still open and answers the pack no longer takes.
fn phase(out: &mut Vec<Block>, p: &PhaseReport, level: u8, r: &WorkbookReport, lang: Lang) {
    heading(out, level, &words::phase_heading(p, lang));
    if let Some(d) = &p.decision {
        decision(out, d, r, lang);
    }
    let not_reached = words::not_reached_sentence(p, lang);
    match (&not_reached, p.answers.is_empty()) {
        (Some(why), true) => out.push(Block::Paragraph(with_dates(&doc_words::sentence(why)))),
        (None, true) => out.push(emphasis(doc_words::no_answers(lang))),
        (_, false) => out.push(answers(&p.answers, r, lang)),
    }
    sessions(out, p, lang);
    if !p.open.is_empty() && not_reached.is_none() {
        out.push(Block::Paragraph(vec![Inline::Strong(
            words::open_requirements(lang).to_string(),
        )]));
        let items = p.open.iter().map(|o| vec![Inline::Text(o.clone())]);
        out.push(Block::List(items.collect()));
    }
    if !p.removed.is_empty() {
        out.push(Block::Paragraph(vec![Inline::Strong(
            words::answers_no_longer_taken(lang).to_string(),
        )]));
        out.push(answers(&p.removed, r, lang));
    }
}

/// A phase's sessions and gate meetings: the day, who led and who took
/// part.
fn sessions(out: &mut Vec<Block>, p: &PhaseReport, lang: Lang) {
    if p.sessions.is_empty() {
        return;
    }
    let (header, rows) = words::sessions_table(&p.sessions, lang);
    out.push(values_table(
        Some(doc_words::sessions(lang).to_string()),
        strings(&header),
        rows,
    ));
}

/// A gate decision: the label, the decision and who made it, the
/// motivation as written; then its criteria.
fn decision(out: &mut Vec<Block>, d: &DecisionReport, r: &WorkbookReport, lang: Lang) {
    let (label, text) = words::decision(d, lang);
    let mut line = vec![
        Inline::Strong(label.to_string()),
        Inline::Text(format!(" {text}")),
    ];
    if let Some(why) = &d.motivation {
        line.push(Inline::Text(". ".to_string()));
        line.push(written(why, r));
    }
    out.push(Block::Paragraph(line));
    if !d.criteria.is_empty() {
        let header = strings(&words::criteria_header(lang));
        let rows = words::criteria_rows(d)
            .into_iter()
            .map(|row| row.into_iter().map(|c| vec![Inline::Text(c)]).collect())
            .collect();
        out.push(Block::Table(Table {
            caption: None,
            header,
            rows,
            cells: Cells::Prose,
        }));
    }
}

/// Questions and their answers as written, a note under its answer.
fn answers(lines: &[Line], r: &WorkbookReport, lang: Lang) -> Block {
    let rows = lines
        .iter()
        .map(|l| {
            let mut answer = vec![written(&l.answer, r)];
            if let Some(note) = &l.note {
                answer.extend([
                    Inline::Break,
                    Inline::Strong(doc_words::note_label(lang).to_string()),
                    Inline::Text(" ".to_string()),
                    written(note, r),
                ]);
            }
            vec![vec![Inline::Text(l.prompt.clone())], answer]
        })
        .collect();
    Block::Table(Table {
        caption: None,
        header: doc_words::item_and_answer(lang),
        rows,
        cells: Cells::Prose,
    })
}

/// Decisions, risks, insights and lessons, each under its own heading.
fn notes(out: &mut Vec<Block>, r: &WorkbookReport, level: u8, lang: Lang) {
    heading(out, level, doc_words::notes(lang));
    if r.notes.is_empty() {
        out.push(emphasis(doc_words::no_notes(lang)));
    }
    for note in &r.notes {
        self::note(out, note, level + 1, r, lang);
    }
}

fn note(out: &mut Vec<Block>, note: &NoteReport, level: u8, r: &WorkbookReport, lang: Lang) {
    let mut title = format!("{} · {}", note.label, note.date);
    if let Some(phase) = &note.phase {
        title.push_str(" · ");
        title.push_str(phase);
    }
    if note.open {
        title.push_str(" · ");
        title.push_str(doc_words::open(lang));
    }
    heading(out, level, &title);
    if let Some(author) = &note.author {
        out.push(Block::Meta(vec![Inline::Text(author.clone())]));
    }
    out.push(Block::Markdown {
        text: note.text.clone(),
        lang: r.language.clone(),
        level,
    });
}

/// The diagnostic: its verdict and its answers.
fn diagnostic(
    out: &mut Vec<Block>,
    d: &DiagnosticReport,
    level: u8,
    r: &WorkbookReport,
    lang: Lang,
) {
    heading(out, level, &d.title);
    out.push(Block::Paragraph(vec![Inline::Text(
        words::diagnostic_sentence(d, lang),
    )]));
    if !d.answers.is_empty() {
        out.push(answers(&d.answers, r, lang));
    }
}

fn strings(header: &[&str]) -> Vec<String> {
    header.iter().map(|h| h.to_string()).collect()
}

/// A table of short values, each cell read for the days and numbers in it.
fn values_table(caption: Option<String>, header: Vec<String>, rows: Vec<Vec<String>>) -> Block {
    Block::Table(values(caption, header, rows))
}

/// A table of longer texts (what people wrote beside days and names),
/// its cells built already.
fn prose_table(caption: Option<String>, header: Vec<String>, rows: Vec<Vec<Vec<Inline>>>) -> Block {
    Block::Table(Table {
        caption,
        header,
        rows,
        cells: Cells::Prose,
    })
}

/// The table of [`values_table`], for a chart's data.
fn values(caption: Option<String>, header: Vec<String>, rows: Vec<Vec<String>>) -> Table {
    let rows = rows
        .iter()
        .map(|row| row.iter().map(|c| value(c)).collect())
        .collect();
    Table {
        caption,
        header,
        rows,
        cells: Cells::Values,
    }
}

/// A short value as inlines: a number or a count (`3,4`, `12 av 14`) kept
/// whole, days kept whole wherever they stand, the rest text.
pub fn value(text: &str) -> Vec<Inline> {
    if is_number(text) {
        vec![Inline::Number(text.to_string())]
    } else {
        with_dates(text)
    }
}

/// A number, a score or a count: digits with their separators, or two
/// numbers with "av"/"of" between them.
fn is_number(text: &str) -> bool {
    let numeric = |t: &str| {
        t.chars().any(|c| c.is_ascii_digit())
            && t.chars()
                .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '/' | '%' | '−' | '-'))
            && !is_day_at(t.as_bytes(), 0)
    };
    let tokens: Vec<&str> = text.split(' ').collect();
    match tokens.as_slice() {
        [one] => numeric(one),
        [a, "av" | "of", b] => numeric(a) && numeric(b),
        _ => false,
    }
}

/// Text with every day in it (`YYYY-MM-DD`) as a [`Inline::Date`].
pub fn with_dates(text: &str) -> Vec<Inline> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let (mut start, mut i) = (0, 0);
    while i + 10 <= bytes.len() {
        if is_day_at(bytes, i) {
            if start < i {
                out.push(Inline::Text(text[start..i].to_string()));
            }
            out.push(Inline::Date(text[i..i + 10].to_string()));
            i += 10;
            start = i;
        } else {
            i += 1;
        }
    }
    if start < text.len() {
        out.push(Inline::Text(text[start..].to_string()));
    }
    out
}

/// Whether a day (`YYYY-MM-DD`, no digit before or after) starts at `i`.
fn is_day_at(bytes: &[u8], i: usize) -> bool {
    let Some(day) = bytes.get(i..i + 10) else {
        return false;
    };
    let shape = day.iter().enumerate().all(|(n, b)| match n {
        4 | 7 => *b == b'-',
        _ => b.is_ascii_digit(),
    });
    let digit_at = |j: Option<usize>| j.and_then(|j| bytes.get(j)).is_some_and(u8::is_ascii_digit);
    shape && !digit_at(i.checked_sub(1)) && !digit_at(Some(i + 10))
}

#[cfg(test)]
mod tests;
