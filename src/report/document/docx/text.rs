//! Text as Word runs: made safe for XML (no control characters, a bidi
//! override closed where its text ends), tabs and line breaks as Word's
//! own, days and numbers that do not break, and each run's look and
//! language.

use docx_rust::document as w;
use docx_rust::formatting as f;

/// How a run looks, and the language of its words when it is not the
/// document's.
#[derive(Clone, Debug, Default)]
pub struct Look {
    pub bold: bool,
    pub italic: bool,
    pub strike: bool,
    pub code: bool,
    pub link: bool,
    pub lang: Option<String>,
}

impl Look {
    pub fn strong() -> Look {
        Look::default().bold()
    }

    pub fn bold(&self) -> Look {
        Look {
            bold: true,
            ..self.clone()
        }
    }

    pub fn italic(&self) -> Look {
        Look {
            italic: true,
            ..self.clone()
        }
    }

    pub fn linked(&self) -> Look {
        Look {
            link: true,
            ..self.clone()
        }
    }

    pub fn in_lang(&self, lang: &str) -> Look {
        Look {
            lang: Some(lang.to_string()),
            ..self.clone()
        }
    }

    /// The run's properties, or none for plain text in the document's
    /// language.
    fn properties(&self) -> Option<f::CharacterProperty<'static>> {
        let plain = !(self.bold || self.italic || self.strike || self.code || self.link);
        if plain && self.lang.is_none() {
            return None;
        }
        Some(f::CharacterProperty {
            style_id: self.link.then(|| f::CharacterStyleId {
                value: super::style::HYPERLINK.into(),
            }),
            fonts: self.code.then(|| f::Fonts {
                ascii: Some("Courier New".to_string()),
                h_ansi: Some("Courier New".to_string()),
                ..Default::default()
            }),
            bold: self.bold.then(|| f::Bold::from(true)),
            italics: self.italic.then(|| f::Italics::from(true)),
            strike: self.strike.then(|| f::Strike::from(true)),
            lang: self
                .lang
                .as_ref()
                .map(|lang| f::Lang::default().val(lang.clone())),
            ..Default::default()
        })
    }
}

/// A run of text: tabs and newlines become Word's tab and line break, and
/// a bidi override it opens ends with it.
pub fn run(text: &str, look: &Look) -> w::Run<'static> {
    let mut run = w::Run {
        property: look.properties(),
        ..Default::default()
    };
    let cleaned = close_bidi(&clean(text));
    let mut lines = cleaned.split('\n').peekable();
    while let Some(line) = lines.next() {
        let mut cells = line.split('\t').peekable();
        while let Some(cell) = cells.next() {
            if !cell.is_empty() {
                run.content.push(w::RunContent::Text(w::Text::from((
                    cell.to_string(),
                    w::TextSpace::Preserve,
                ))));
            }
            if cells.peek().is_some() {
                run.content.push(w::RunContent::Tab(w::Tab));
            }
        }
        if lines.peek().is_some() {
            run.content.push(w::RunContent::Break(w::Break::from(None)));
        }
    }
    run
}

/// A line break on its own.
pub fn line_break() -> w::Run<'static> {
    w::Run::default().push_break(None)
}

/// Text XML can hold: a carriage return (alone or before a newline) is a
/// newline, and every other control character that XML forbids, or that
/// stands for nothing in a Word run, is U+FFFD. Tabs and newlines stay.
pub fn clean(text: &str) -> String {
    let unified = text.replace("\r\n", "\n").replace('\r', "\n");
    unified
        .chars()
        .map(|c| match c {
            '\t' | '\n' => c,
            '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' | '\u{fffe}' | '\u{ffff}' => '\u{fffd}',
            _ => c,
        })
        .collect()
}

/// A day or a number that Word will not break: its hyphens non-breaking
/// (U+2011), its spaces no-break spaces.
pub fn unbreakable(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '-' => '\u{2011}',
            ' ' => '\u{a0}',
            _ => c,
        })
        .collect()
}

/// Written text's paragraphs: parts between blank lines, each with its
/// line breaks; no empty paragraph at either end.
pub fn written_paragraphs(text: &str) -> Vec<String> {
    let cleaned = clean(text);
    let mut paragraphs = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in cleaned.split('\n') {
        if line.trim().is_empty() {
            if !current.is_empty() {
                paragraphs.push(current.join("\n"));
                current.clear();
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        paragraphs.push(current.join("\n"));
    }
    paragraphs
}

/// Text with every bidirectional embedding, override or isolate it opens
/// closed at its end, so that it cannot turn the words after it around.
pub fn close_bidi(text: &str) -> String {
    let (mut embeddings, mut isolates) = (0usize, 0usize);
    for c in text.chars() {
        match c {
            '\u{202a}'..='\u{202e}' if c != '\u{202c}' => embeddings += 1,
            '\u{202c}' => embeddings = embeddings.saturating_sub(1),
            '\u{2066}'..='\u{2068}' => isolates += 1,
            '\u{2069}' => isolates = isolates.saturating_sub(1),
            _ => {}
        }
    }
    let mut out = text.to_string();
    // An isolate's end closes what was opened inside it too; an end with
    // nothing open is ignored.
    out.extend(std::iter::repeat_n('\u{2069}', isolates));
    out.extend(std::iter::repeat_n('\u{202c}', embeddings));
    out
}

/// Word's name for a BCP 47 code: the two languages dino speaks with the
/// region Word expects, any other as it is (cleaned).
pub fn word_lang_of(code: &str) -> String {
    match code.trim().to_ascii_lowercase().as_str() {
        "sv" => "sv-SE".to_string(),
        "en" => "en-GB".to_string(),
        _ => clean(code.trim()).replace(['\t', '\n'], ""),
    }
}
