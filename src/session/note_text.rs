//! What a note's text must be before it is written as an entry of its
//! own: not empty, no larger than an entry holds, no NUL, nested no
//! deeper than entries are read, and no line that git writes as a
//! conflict marker. Each refusal says why, before anything is written.

use anyhow::{Result, bail};

use crate::i18n::Lang;
use crate::log::writable;
use crate::tr;

/// A text an entry cannot hold, or that would read back as something
/// else, refused before anything is written.
pub fn refuse_unwritable(text: &str, lang: Lang) -> Result<()> {
    if text.trim().is_empty() {
        bail!(tr!(
            lang,
            "texten är tom; inget skrevs",
            "the text is empty; nothing was written"
        ));
    }
    crate::log::readback::ensure_text_fits(text.len())?;
    if !writable(text) {
        bail!(tr!(
            lang,
            "texten innehåller tecknet NUL (U+0000), som inte kan skrivas i Markdown",
            "the text holds the NUL character (U+0000), which Markdown cannot hold"
        ));
    }
    refuse_too_deep(text, lang)?;
    refuse_conflict_markers(text, lang)
}

/// A text with a line that git writes as a conflict marker would be read
/// back as an unfinished merge: refused before anything is written.
fn refuse_conflict_markers(text: &str, lang: Lang) -> Result<()> {
    let Some(at) = crate::conflict::marker_at(text) else {
        return Ok(());
    };
    let (line, _) = place_in(text, at.start);
    bail!(tr!(
        lang,
        "rad {line} i texten börjar som en konfliktmarkering från git (`<<<<<<<`, `=======` eller `>>>>>>>`), och posten skulle läsas som en ofullbordad sammanslagning; skriv om raden eller dra in den; inget skrevs",
        "line {line} of the text starts like a git conflict marker (`<<<<<<<`, `=======` or `>>>>>>>`), and the entry would read as an unfinished merge; reword or indent the line; nothing was written"
    ))
}

/// The line and column (from 1) of a byte offset in a note's text.
fn place_in(text: &str, offset: usize) -> (usize, usize) {
    crate::finding::SourceText::new(String::new(), text).line_col(offset)
}

/// Refuses a text nested deeper than entries are read (docs/log-format.md),
/// before anything is written, naming the line and column in the text.
fn refuse_too_deep(text: &str, lang: Lang) -> Result<()> {
    let Some(at) = crate::log::text_too_deep(text) else {
        return Ok(());
    };
    let (line, col) = place_in(text, at.start);
    let max = crate::log::MAX_NESTING;
    bail!(tr!(
        lang,
        "texten är nästlad djupare än {max} nivåer (citat och listor i varandra) på rad {line}, kolumn {col}; dino läser inte mer, så inget skrevs",
        "the text nests deeper than {max} levels (quotes and lists inside one another) at line {line}, column {col}; dino reads no deeper, so nothing was written"
    ))
}
