//! Writing an entry as Markdown: front matter, a title, then the note's text
//! or one record per answered item (docs/log-format.md, "Body").

use super::labels::{Label, Marker};
use super::{ActionMark, Answer, Body, CheckState, Entry, Record, front};
use crate::i18n::Lang;
use crate::text::markdown::encode;

/// The Markdown of an entry, with labels in `lang`.
pub fn write_entry(entry: &Entry, lang: Lang) -> String {
    let mut out = front::render(&entry.meta);
    out.push('\n');
    out.push_str("# ");
    out.push_str(&one_line(&entry.title));
    out.push('\n');
    match &entry.body {
        // A note is Markdown the user wrote, kept as written.
        Body::Text(text) => {
            out.push('\n');
            out.push_str(text);
            out.push('\n');
        }
        Body::Records(records) => write_records(records, lang, &mut out),
    }
    out
}

/// A one-line text (a prompt, a label, a title): line breaks become spaces.
fn one_line(text: &str) -> String {
    encode(&text.replace(['\r', '\n'], " "), "")
}

fn write_records(records: &[Record], lang: Lang, out: &mut String) {
    let mut respondent: Option<&str> = None;
    let mut in_checks = false;
    for record in records {
        if record.respondent.as_deref() != respondent {
            respondent = record.respondent.as_deref();
            if let Some(name) = respondent {
                out.push_str("\n## ");
                out.push_str(&one_line(name));
                out.push(' ');
                out.push_str(&Marker::Respondent.render());
                out.push('\n');
                in_checks = false;
            }
        }
        let marker = if record.criterion {
            Marker::Criterion(record.item.clone())
        } else {
            Marker::Item(record.item.clone())
        }
        .render();
        if let Answer::Check(state) = &record.answer {
            // Consecutive checks form one task list, with no blank line in
            // it, so that a forge shows each box beside its text.
            if !in_checks {
                out.push('\n');
            }
            in_checks = true;
            write_check(record, state, &marker, lang, out);
            continue;
        }
        in_checks = false;
        out.push_str(&format!("\n### {} {marker}\n\n", one_line(&record.prompt)));
        write_answer(&record.answer, lang, out);
        if let Some(note) = &record.note {
            out.push_str("\n> ");
            labelled(Label::Note, note, "> ", lang, out);
        }
        write_actions(&record.actions, lang, out);
    }
}

/// A check as a task-list item: the box, the prompt and its marker; a
/// reason on the next line of the same paragraph; the note and the actions
/// in one quote right under it. A check that does not apply is ticked, its
/// prompt struck through (unticked when the prompt cannot be struck through
/// and read back).
fn write_check(record: &Record, state: &CheckState, marker: &str, lang: Lang, out: &mut String) {
    let prompt = one_line(&record.prompt);
    let (tick, shown) = match state {
        CheckState::Done => ('x', prompt),
        CheckState::NotApplicable(_) if strikable(&prompt) => ('x', format!("~~{prompt}~~")),
        CheckState::NotApplicable(_) | CheckState::NotDone => (' ', prompt),
    };
    out.push_str(&format!("- [{tick}] {shown} {marker}"));
    if let CheckState::NotApplicable(reason) = state {
        out.push_str("\\\n  ");
        labelled(Label::NotApplicable, reason, "  ", lang, out);
    } else {
        out.push('\n');
    }
    let mut quoted = false;
    if let Some(note) = &record.note {
        out.push_str("  > ");
        labelled(Label::Note, note, "  > ", lang, out);
        quoted = true;
    }
    for action in &record.actions {
        if quoted {
            out.push_str("  >\n");
        }
        write_action(action, "  ", lang, out);
        quoted = true;
    }
}

/// Whether `~~prompt~~` (a prompt as written) is struck through when read:
/// neither blank nor starting or ending with a space of any kind.
fn strikable(prompt: &str) -> bool {
    match (prompt.chars().next(), prompt.chars().last()) {
        (Some(first), Some(last)) => !first.is_whitespace() && !last.is_whitespace(),
        _ => false,
    }
}

/// A record's answer below its heading (a check's is its task-list item).
fn write_answer(answer: &Answer, lang: Lang, out: &mut String) {
    match answer {
        Answer::Text(text) => labelled(Label::Answer, text, "", lang, out),
        Answer::NotApplicable(reason) => labelled(Label::NotApplicable, reason, "", lang, out),
        Answer::DontKnow => bare(Label::DontKnow, lang, out),
        Answer::Met => bare(Label::Met, lang, out),
        Answer::NotMet => bare(Label::NotMet, lang, out),
        Answer::Deferred => bare(Label::Deferred, lang, out),
        Answer::Options(options) => {
            for option in options {
                let tick = if option.ticked { 'x' } else { ' ' };
                out.push_str(&format!(
                    "* [{tick}] {} {}\n",
                    one_line(&option.label),
                    Marker::Option(option.id.clone()).render()
                ));
            }
        }
        Answer::Fields(fields) => {
            for (i, (label, value)) in fields.iter().enumerate() {
                if i > 0 {
                    out.push('\n');
                }
                labelled(*label, value, "", lang, out);
            }
        }
        // Written as a task-list item above.
        Answer::Check(_) => {}
        // Nothing but the actions below the heading.
        Answer::Unanswered => {
            out.pop();
        }
    }
}

/// Each action beside an answer as a quote of its own: the text with its
/// marker, the owner, the due day.
fn write_actions(actions: &[ActionMark], lang: Lang, out: &mut String) {
    for action in actions {
        out.push('\n');
        write_action(action, "", lang, out);
    }
}

/// One action's paragraphs in a quote: the text with its marker, the
/// owner, the due day.
fn write_action(action: &ActionMark, indent: &str, lang: Lang, out: &mut String) {
    let quote = format!("{indent}> ");
    out.push_str(&quote);
    labelled(Label::Action, &action.text, &quote, lang, out);
    // The marker ends the text's last line.
    out.pop();
    out.push(' ');
    out.push_str(&Marker::Action(action.n).render());
    out.push_str(&format!("\n{indent}>\n{quote}"));
    labelled(Label::Owner, &action.owner, &quote, lang, out);
    out.push_str(&format!("{indent}>\n{quote}"));
    labelled(Label::Due, &action.due.to_string(), &quote, lang, out);
}

/// A label that stands alone: `**Vet ej**`, `**Uppfyllt**`.
fn bare(label: Label, lang: Lang, out: &mut String) {
    out.push_str(&format!("**{}**\n", label.words(lang)));
}

/// `**Label:** value`, the value's continuation lines prefixed with `cont`.
fn labelled(label: Label, value: &str, cont: &str, lang: Lang, out: &mut String) {
    out.push_str("**");
    out.push_str(label.words(lang));
    out.push_str("**");
    if !value.is_empty() {
        out.push(' ');
        out.push_str(&encode(value, cont));
    }
    out.push('\n');
}

/// Writes `text`, the Markdown of `entry`, into the log folder `dir` of the
/// workbook at `root`, under a fresh name: one no file in `dir` has and
/// `known` (the entries already read) does not take. Every entry goes into
/// a log this way.
pub fn write_into_log(
    root: &std::path::Path,
    dir: &std::path::Path,
    entry: &Entry,
    text: &str,
    known: impl Fn(&str) -> bool,
) -> anyhow::Result<std::path::PathBuf> {
    crate::fsio::make_dir_in(root, dir)?;
    let taken = |id: &str| {
        known(id)
            || std::fs::read_dir(dir).is_ok_and(|list| {
                list.flatten()
                    .any(|f| super::entry_id_of(&f.file_name().to_string_lossy()) == Some(id))
            })
    };
    let path = dir.join(super::entry_file_name(&entry.meta, text, taken));
    crate::fsio::write_atomic_in(root, &path, text.as_bytes())?;
    Ok(path)
}
