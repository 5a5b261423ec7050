//! Whatever dino writes, dino reads back. Before an entry, the draft,
//! `workbook.toml` or the pack snapshot is written, its bytes are held
//! against the read limit (`MAX_FILE_BYTES`) and read back with the very
//! reader that will read them later; what would not come back the same,
//! without findings, is refused before anything is written, naming why.
//! Any limit a reader has (size, nesting depth, …) is so kept on writing.

use anyhow::{Result, bail};

use super::{Entry, read_entry, write_entry};
use crate::finding::{Finding, SourceText};
use crate::i18n::Lang;
use crate::pack::source::MAX_FILE_BYTES;
use crate::tr;

/// A size in MiB with one decimal, as the language writes it.
fn mib(bytes: u64, lang: Lang) -> String {
    let text = format!("{:.1}", bytes as f64 / (1024.0 * 1024.0));
    match lang {
        Lang::Sv => text.replace('.', ","),
        Lang::En => text,
    }
}

/// The read limit in whole MiB, as messages name it.
pub fn limit_mib() -> u64 {
    MAX_FILE_BYTES / 1024 / 1024
}

/// Refuses `len` bytes of `what` (a file's name, or "the text") that dino
/// could not read back: more than the read limit.
pub fn ensure_fits(what: &str, len: usize, lang: Lang) -> Result<()> {
    if len as u64 <= MAX_FILE_BYTES {
        return Ok(());
    }
    let (size, limit) = (mib(len as u64, lang), limit_mib());
    bail!(tr!(
        lang,
        "{what} skulle bli {size} MiB, men dino läser filer på högst {limit} MiB; inget skrevs",
        "{what} would be {size} MiB, but dino reads files of at most {limit} MiB; nothing was written"
    ))
}

/// Refuses a text (a note's, an answer's) of more than the read limit
/// early, before it is made an entry.
pub fn ensure_text_fits(len: usize, lang: Lang) -> Result<()> {
    if len as u64 <= MAX_FILE_BYTES {
        return Ok(());
    }
    let limit = limit_mib();
    bail!(tr!(
        lang,
        "texten är större än dino kan läsa tillbaka: en post rymmer högst {limit} MiB; inget skrevs",
        "the text is larger than dino can read back: an entry holds at most {limit} MiB; nothing was written"
    ))
}

/// The Markdown of `entry` in `text_lang`, once it is known to read back as
/// `entry`, without findings and within the read limit. `what` names it in
/// the refusal ("the entry", "the draft"), told in `lang`.
pub fn entry_text(entry: &Entry, what: &str, text_lang: Lang, lang: Lang) -> Result<String> {
    let text = write_entry(entry, text_lang);
    ensure_fits(what, text.len(), lang)?;
    let src = SourceText::new(what.to_string(), text);
    let read = read_entry(&src, lang);
    if let Some(finding) = read.findings.first() {
        bail!(unreadable(what, &finding.message.say(lang), lang));
    }
    if read.entry.as_ref() != Some(entry) {
        bail!(unreadable(
            what,
            lang.pick("den läses tillbaka annorlunda", "it reads back differently"),
            lang
        ));
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
    lang: Lang,
) -> Result<String> {
    ensure_fits(what, text.len(), lang)?;
    let src = SourceText::new(what.to_string(), text);
    match read(&src) {
        Ok(back) if &back == expected => Ok(src.text),
        Ok(_) => bail!(unreadable(
            what,
            lang.pick("den läses tillbaka annorlunda", "it reads back differently"),
            lang
        )),
        Err(findings) => {
            let why = findings
                .first()
                .map_or_else(String::new, |f| f.message.say(lang));
            bail!(unreadable(what, &why, lang))
        }
    }
}

fn unreadable(what: &str, why: &str, lang: Lang) -> String {
    tr!(
        lang,
        "{what} skulle inte kunna läsas tillbaka som den skrevs ({why}); inget skrevs",
        "{what} would not read back as written ({why}); nothing was written"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::log::{Body, EntryKind, Meta, Stamp};

    fn note(text: String) -> Entry {
        Entry {
            meta: Meta {
                kind: EntryKind::Note,
                date: Stamp::parse("2026-03-02T09:15:00+01:00").expect("valid"),
                phase: None,
                by: Some("Anna Lind".into()),
                participants: Vec::new(),
                pack: "dino".into(),
                pack_version: "1.0.0".into(),
                closes: Vec::new(),
                follows: Some(Vec::new()),
            },
            title: "Anteckning".into(),
            body: Body::Text(text),
        }
    }

    #[test]
    fn an_entry_that_reads_back_is_given_as_written() {
        let entry = note("Budgeten räckte.\n\n- [x] en lista".into());
        let text = entry_text(&entry, "the entry", Lang::En, Lang::En).expect("reads back");
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
            prompt: "Vilket problem?".into(),
            answer: crate::log::Answer::Text("*".repeat(5 * 1024 * 1024)),
            note: None,
            respondent: None,
        }]);
        let refusal = |lang| match entry_text(&entry, "the entry", Lang::Sv, lang) {
            Ok(_) => panic!("an entry over the limit was let through"),
            Err(err) => err.to_string(),
        };
        let message = refusal(Lang::En);
        assert!(message.contains("would be 10.0 MiB"), "{message}");
        assert!(message.contains("at most 8 MiB"), "{message}");
        let message = refusal(Lang::Sv);
        assert!(message.contains("10,0 MiB"), "{message}");
        assert!(message.contains("högst 8 MiB"), "{message}");
        assert!(ensure_text_fits(9 * 1024 * 1024, Lang::En).is_err());
        assert!(ensure_text_fits(1024, Lang::En).is_ok());
    }

    #[test]
    fn a_file_that_reads_back_differently_is_refused() {
        let err = toml_text("workbook.toml", "x = 1".into(), &2, |_| Ok(1), Lang::En)
            .expect_err("differs");
        assert!(err.to_string().contains("reads back differently"), "{err}");
        let err = toml_text(
            "workbook.toml",
            "x".into(),
            &1,
            |src| Err(vec![Finding::in_file(src.name.clone(), "broken")]),
            Lang::En,
        )
        .expect_err("unreadable");
        assert!(err.to_string().contains("(broken)"), "{err}");
    }
}
