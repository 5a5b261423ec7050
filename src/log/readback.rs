//! Whatever dino writes, dino reads back. Before an entry, the draft,
//! `workbook.toml` or the pack snapshot is written, its bytes are held
//! against the read limit (`MAX_FILE_BYTES`) and read back with the very
//! reader that will read them later; what would not come back the same,
//! without findings, is refused before anything is written, naming why.
//! Any limit a reader has (size, nesting depth, …) is so kept on writing.

use anyhow::{Result, bail};

use super::{Entry, read_entry, write_entry};
use crate::finding::{Finding, SourceText};
use crate::i18n::{Lang, Said, Say};
use crate::pack::source::MAX_FILE_BYTES;

/// What is about to be written, as a refusal names it.
#[derive(Clone, Debug)]
pub enum Written {
    /// An entry of the log.
    Entry,
    /// A session's draft.
    Draft,
    /// A file, by its name.
    File(String),
}

/// What this module says when it refuses to write; worded in `words`.
#[derive(Clone, Debug)]
pub enum Message {
    /// `what` would be `size_mib` MiB, more than the read limit of
    /// `limit_mib`.
    TooLarge {
        what: Written,
        size_mib: f64,
        limit_mib: u64,
    },
    /// A text is larger than an entry may hold (`limit_mib`).
    TextTooLarge { limit_mib: u64 },
    /// `what` would read back as something else.
    ReadsBackDifferently { what: Written },
    /// `what` would not read back: `why`, the reader's first finding.
    Unreadable { what: Written, why: Said },
}

/// The read limit in whole MiB, as messages name it.
pub fn limit_mib() -> u64 {
    MAX_FILE_BYTES / 1024 / 1024
}

/// Refuses `len` bytes of `what` that dino could not read back: more than
/// the read limit.
pub fn ensure_fits(what: &Written, len: usize) -> Result<()> {
    if len as u64 <= MAX_FILE_BYTES {
        return Ok(());
    }
    bail!(Message::TooLarge {
        what: what.clone(),
        size_mib: len as f64 / (1024.0 * 1024.0),
        limit_mib: limit_mib(),
    })
}

/// Refuses a text (a note's, an answer's) of more than the read limit
/// early, before it is made an entry.
pub fn ensure_text_fits(len: usize) -> Result<()> {
    if len as u64 <= MAX_FILE_BYTES {
        return Ok(());
    }
    bail!(Message::TextTooLarge {
        limit_mib: limit_mib()
    })
}

/// The Markdown of `entry` in `text_lang`, once it is known to read back as
/// `entry`, without findings and within the read limit. `what` names it in
/// the refusal; `lang` is the reader's.
pub fn entry_text(entry: &Entry, what: Written, text_lang: Lang, lang: Lang) -> Result<String> {
    let text = write_entry(entry, text_lang);
    ensure_fits(&what, text.len())?;
    let src = SourceText::new(what.say(lang), text);
    let read = read_entry(&src, lang);
    if let Some(finding) = read.findings.first() {
        let why = finding.message.clone();
        bail!(Message::Unreadable { what, why });
    }
    if read.entry.as_ref() != Some(entry) {
        bail!(Message::ReadsBackDifferently { what });
    }
    Ok(src.text)
}

/// `text`, once `read` (the file's own reader) gives back `expected` from it
/// within the read limit; for `workbook.toml` and the pack snapshot.
pub fn toml_text<T: PartialEq>(
    what: &str,
    text: String,
    expected: &T,
    read: impl FnOnce(&SourceText) -> Result<T, Vec<Finding>>,
) -> Result<String> {
    let written = Written::File(what.to_string());
    ensure_fits(&written, text.len())?;
    let src = SourceText::new(what.to_string(), text);
    match read(&src) {
        Ok(back) if &back == expected => Ok(src.text),
        Ok(_) => bail!(Message::ReadsBackDifferently { what: written }),
        Err(findings) => {
            let why = findings
                .first()
                .map_or_else(|| Said::new(String::new()), |f| f.message.clone());
            bail!(Message::Unreadable { what: written, why })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::log::{Body, EntryKind, Meta, Stamp};

    /// A refusal in `lang`'s words.
    fn words(err: &anyhow::Error, lang: Lang) -> String {
        err.downcast_ref::<Message>().expect("a refusal").say(lang)
    }

    fn note(text: String) -> Entry {
        Entry {
            meta: Meta {
                alone: false,
                kind: EntryKind::Note,
                date: Stamp::parse("2026-03-02T09:15:00+01:00").expect("valid"),
                phase: None,
                by: Some("Anna Lind".into()),
                participants: Vec::new(),
                pack: "dino".into(),
                pack_version: "1.0.0".into(),
                closes: Vec::new(),
                owner: None,
                due: None,
                mitigation: None,
                measure: None,
                roster: None,
                follows: Some(Vec::new()),
            },
            title: "Anteckning".into(),
            body: Body::Text(text),
        }
    }

    #[test]
    fn an_entry_that_reads_back_is_given_as_written() {
        let entry = note("Budgeten räckte.\n\n- [x] en lista".into());
        let text = entry_text(&entry, Written::Entry, Lang::En, Lang::En).expect("reads back");
        assert_eq!(text, write_entry(&entry, Lang::En));
    }

    #[test]
    fn an_entry_over_the_read_limit_is_refused_naming_the_limit() {
        // Escaping doubles `*`: a 5 MiB answer of them makes a 10 MiB entry.
        let mut entry = note(String::new());
        entry.meta.kind = EntryKind::Session;
        entry.meta.phase = Some("initiering".into());
        entry.body = Body::Records(vec![crate::log::Record {
            item: "problem".into(),
            criterion: false,
            prompt: "Vilket problem?".into(),
            answer: crate::log::Answer::Text("*".repeat(5 * 1024 * 1024)),
            note: None,
            respondent: None,
            actions: Vec::new(),
        }]);
        let refusal = |lang| match entry_text(&entry, Written::Entry, Lang::Sv, lang) {
            Ok(_) => panic!("an entry over the limit was let through"),
            Err(err) => words(&err, lang),
        };
        let message = refusal(Lang::En);
        assert!(message.contains("would be 10.0 MiB"), "{message}");
        assert!(message.contains("at most 8 MiB"), "{message}");
        let message = refusal(Lang::Sv);
        assert!(message.contains("10,0 MiB"), "{message}");
        assert!(message.contains("högst 8 MiB"), "{message}");
        assert!(ensure_text_fits(9 * 1024 * 1024).is_err());
        assert!(ensure_text_fits(1024).is_ok());
    }

    #[test]
    fn a_file_that_reads_back_differently_is_refused() {
        let err = toml_text("workbook.toml", "x = 1".into(), &2, |_| Ok(1)).expect_err("differs");
        let message = words(&err, Lang::En);
        assert!(message.contains("reads back differently"), "{message}");
        let err = toml_text("workbook.toml", "x".into(), &1, |src| {
            Err(vec![Finding::in_file(src.name.clone(), "broken")])
        })
        .expect_err("unreadable");
        let message = words(&err, Lang::En);
        assert!(message.contains("(broken)"), "{message}");
    }
}
