//! Markdown for the terminal: headings, paragraphs, lists, quotes and code
//! from a pack's guidance or help, wrapped to the terminal's width, styled
//! when colour is on. Control characters in the text are never sent to the
//! terminal as they are.

use console::style;
use pulldown_cmark::{Event, Parser, Tag, TagEnd};

/// Renders Markdown as terminal text `width` columns wide.
pub fn render(markdown: &str, width: usize) -> String {
    let mut renderer = Renderer {
        width: width.clamp(20, 100),
        out: String::new(),
        line: String::new(),
        indent: Vec::new(),
        first_prefix: None,
        lists: Vec::new(),
        code_block: false,
        link: None,
    };
    for event in Parser::new_ext(markdown, super::html::markdown_options()) {
        renderer.event(event);
    }
    renderer.finish()
}

/// Markdown being rendered for the terminal.
struct Renderer {
    width: usize,
    out: String,
    /// The text of the line (a paragraph, a heading) not yet wrapped.
    line: String,
    /// The prefix of each line (quotes and list indents), and of the first
    /// line of a list item.
    indent: Vec<String>,
    first_prefix: Option<String>,
    /// The lists open, each with its next number when it is numbered.
    lists: Vec<Option<u64>>,
    code_block: bool,
    /// The address of the link open, shown after its text.
    link: Option<String>,
}

impl Renderer {
    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::TaskListMarker(done) => self.line.push_str(if done { "[x] " } else { "[ ] " }),
            Event::Text(text) if self.code_block => self.code_lines(&text),
            Event::Text(text) => self.line.push_str(&visible(&text)),
            Event::Code(code) => self
                .line
                .push_str(&style(visible(&code)).cyan().to_string()),
            Event::Html(html) | Event::InlineHtml(html) => self.line.push_str(&visible(&html)),
            Event::SoftBreak => self.line.push(' '),
            Event::HardBreak => self.flush(),
            Event::Rule => {
                self.flush();
                self.out.push_str(&"─".repeat(self.width.min(40)));
                self.out.push_str("\n\n");
            }
            _ => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Heading { .. } if !self.out.is_empty() && !self.out.ends_with("\n\n") => {
                self.out.push('\n');
            }
            Tag::List(start) => {
                self.flush();
                self.lists.push(start);
            }
            Tag::Item => self.start_item(),
            Tag::BlockQuote(_) => {
                self.flush();
                self.indent.push("│ ".to_string());
            }
            Tag::CodeBlock(_) => {
                self.flush();
                self.code_block = true;
            }
            Tag::Link { dest_url, .. } => self.link = Some(dest_url.to_string()),
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Heading(_) => {
                let text = style(self.line.trim().to_string()).bold().to_string();
                self.line.clear();
                self.line.push_str(&text);
                self.flush();
            }
            TagEnd::Paragraph => {
                self.flush();
                if self.lists.is_empty() {
                    self.out.push('\n');
                }
            }
            TagEnd::List(_) => {
                self.lists.pop();
                if self.lists.is_empty() {
                    self.out.push('\n');
                }
            }
            TagEnd::Item | TagEnd::BlockQuote(_) => {
                self.flush();
                self.indent.pop();
            }
            TagEnd::CodeBlock => {
                self.code_block = false;
                self.out.push('\n');
            }
            TagEnd::Link => {
                if let Some(url) = self.link.take() {
                    self.line.push_str(&format!(" ({})", visible(&url)));
                }
            }
            _ => {}
        }
    }

    /// A list item: its marker (a number, or a bullet) on its first line,
    /// its text indented under it.
    fn start_item(&mut self) {
        self.flush();
        let marker = match self.lists.last_mut() {
            Some(Some(n)) => {
                let m = format!("{n}. ");
                *n += 1;
                m
            }
            _ => "• ".to_string(),
        };
        self.first_prefix = Some(format!("{}{marker}", self.indent.concat()));
        self.indent.push(" ".repeat(marker.chars().count()));
    }

    /// A code block's text, each line indented and dimmed, never wrapped.
    fn code_lines(&mut self, text: &str) {
        for code_line in text.lines() {
            self.out.push_str(&self.indent.concat());
            self.out.push_str("    ");
            self.out
                .push_str(&style(visible(code_line)).dim().to_string());
            self.out.push('\n');
        }
    }

    /// Wraps the line so far into the output, under the current prefix.
    fn flush(&mut self) {
        if self.line.trim().is_empty() && self.first_prefix.is_none() {
            self.line.clear();
            return;
        }
        let rest = self.indent.concat();
        let first_line = self.first_prefix.take().unwrap_or_else(|| rest.clone());
        let options = textwrap::Options::new(self.width)
            .initial_indent(&first_line)
            .subsequent_indent(&rest);
        for wrapped in textwrap::wrap(self.line.trim(), options) {
            self.out.push_str(wrapped.trim_end());
            self.out.push('\n');
        }
        self.line.clear();
    }

    /// The text, with one line end at the end however the last block ended.
    fn finish(mut self) -> String {
        self.flush();
        while self.out.ends_with("\n\n") {
            self.out.pop();
        }
        self.out
    }
}

/// Whether `c` may not be printed as it is: a control character (which
/// could move the cursor, change colours, set a window's title or split a
/// line), or a bidirectional embedding, override or isolate (U+202A to
/// U+202E, U+2066 to U+2069), which shows the text after it in another
/// order than it is written.
pub fn steers(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Text safe to print on one line: characters that steer the terminal or
/// the order text is shown in ([`steers`]) are shown as `�`.
pub fn visible(text: &str) -> String {
    shown_safe(text, |c| c == '\t')
}

/// Text safe to print, lines kept: as [`visible`], but `\n` stays.
pub fn visible_lines(text: &str) -> String {
    shown_safe(text, |c| matches!(c, '\t' | '\n'))
}

/// `text` with every character that could steer a terminal shown as `�`,
/// but those `keep` lets through.
fn shown_safe(text: &str, keep: impl Fn(char) -> bool) -> String {
    text.chars()
        .map(|c| if steers(c) && !keep(c) { '�' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guidance_reads_as_wrapped_text_with_lists() {
        console::set_colors_enabled(false);
        let md = "Börja med *problemet*, inte lösningen. Det här är en lång mening som ska brytas.\n\n### Fallgropar\n- Att hoppa direkt till en lösning.\n- Att glömma `upphandling`.\n\n> Citat";
        let text = render(md, 30);
        assert_eq!(
            text,
            "Börja med problemet, inte\nlösningen. Det här är en lång\nmening som ska brytas.\n\nFallgropar\n• Att hoppa direkt till en\n  lösning.\n• Att glömma upphandling.\n\n│ Citat\n"
        );
    }

    #[test]
    fn control_characters_never_reach_the_terminal() {
        console::set_colors_enabled(false);
        let text = render("a\u{1b}[2Jb <x\u{7}>", 40);
        assert!(!text.contains('\u{1b}'), "{text:?}");
        assert!(!text.contains('\u{7}'), "{text:?}");
    }
}
