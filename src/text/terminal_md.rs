//! Markdown for the terminal: headings, paragraphs, lists, quotes and code
//! from a pack's guidance or help, wrapped to the terminal's width, styled
//! when colour is on. Control characters in the text are never sent to the
//! terminal as they are.

use console::style;
use pulldown_cmark::{Event, Parser, Tag, TagEnd};

/// Renders Markdown as terminal text `width` columns wide.
pub fn render(markdown: &str, width: usize) -> String {
    let width = width.clamp(20, 100);
    let mut out = String::new();
    let mut line = String::new();
    // The prefix of each line (quotes and list indents), and of the first
    // line of a list item.
    let mut indent: Vec<String> = Vec::new();
    let mut first_prefix: Option<String> = None;
    let mut lists: Vec<Option<u64>> = Vec::new();
    let mut code_block = false;
    let mut link: Option<String> = None;

    let flush =
        |out: &mut String, line: &mut String, indent: &[String], first: &mut Option<String>| {
            if line.trim().is_empty() && first.is_none() {
                line.clear();
                return;
            }
            let rest = indent.concat();
            let first_line = first.take().unwrap_or_else(|| rest.clone());
            let options = textwrap::Options::new(width)
                .initial_indent(&first_line)
                .subsequent_indent(&rest);
            for wrapped in textwrap::wrap(line.trim(), options) {
                out.push_str(wrapped.trim_end());
                out.push('\n');
            }
            line.clear();
        };

    for event in Parser::new_ext(markdown, super::html::markdown_options()) {
        match event {
            Event::Start(Tag::Heading { .. }) if !out.is_empty() && !out.ends_with("\n\n") => {
                out.push('\n');
            }
            Event::End(TagEnd::Heading(_)) => {
                let text = style(line.trim().to_string()).bold().to_string();
                line.clear();
                line.push_str(&text);
                flush(&mut out, &mut line, &indent, &mut first_prefix);
            }
            Event::Start(Tag::Paragraph) => {}
            Event::End(TagEnd::Paragraph) => {
                flush(&mut out, &mut line, &indent, &mut first_prefix);
                if lists.is_empty() {
                    out.push('\n');
                }
            }
            Event::Start(Tag::List(start)) => {
                flush(&mut out, &mut line, &indent, &mut first_prefix);
                lists.push(start);
            }
            Event::End(TagEnd::List(_)) => {
                lists.pop();
                if lists.is_empty() {
                    out.push('\n');
                }
            }
            Event::Start(Tag::Item) => {
                flush(&mut out, &mut line, &indent, &mut first_prefix);
                let marker = match lists.last_mut() {
                    Some(Some(n)) => {
                        let m = format!("{n}. ");
                        *n += 1;
                        m
                    }
                    _ => "• ".to_string(),
                };
                first_prefix = Some(format!("{}{marker}", indent.concat()));
                indent.push(" ".repeat(marker.chars().count()));
            }
            Event::End(TagEnd::Item) => {
                flush(&mut out, &mut line, &indent, &mut first_prefix);
                indent.pop();
            }
            Event::TaskListMarker(done) => line.push_str(if done { "[x] " } else { "[ ] " }),
            Event::Start(Tag::BlockQuote(_)) => {
                flush(&mut out, &mut line, &indent, &mut first_prefix);
                indent.push("│ ".to_string());
            }
            Event::End(TagEnd::BlockQuote(_)) => {
                flush(&mut out, &mut line, &indent, &mut first_prefix);
                indent.pop();
            }
            Event::Start(Tag::CodeBlock(_)) => {
                flush(&mut out, &mut line, &indent, &mut first_prefix);
                code_block = true;
            }
            Event::End(TagEnd::CodeBlock) => {
                code_block = false;
                out.push('\n');
            }
            Event::Start(Tag::Emphasis) | Event::End(TagEnd::Emphasis) => {}
            Event::Start(Tag::Strong) | Event::End(TagEnd::Strong) => {}
            Event::Start(Tag::Link { dest_url, .. }) => link = Some(dest_url.to_string()),
            Event::End(TagEnd::Link) => {
                if let Some(url) = link.take() {
                    line.push_str(&format!(" ({})", visible(&url)));
                }
            }
            Event::Text(text) if code_block => {
                for code_line in text.lines() {
                    out.push_str(&indent.concat());
                    out.push_str("    ");
                    out.push_str(&style(visible(code_line)).dim().to_string());
                    out.push('\n');
                }
            }
            Event::Text(text) => line.push_str(&visible(&text)),
            Event::Code(code) => line.push_str(&style(visible(&code)).cyan().to_string()),
            Event::Html(html) | Event::InlineHtml(html) => line.push_str(&visible(&html)),
            Event::SoftBreak => line.push(' '),
            Event::HardBreak => {
                flush(&mut out, &mut line, &indent, &mut first_prefix);
            }
            Event::Rule => {
                flush(&mut out, &mut line, &indent, &mut first_prefix);
                out.push_str(&"─".repeat(width.min(40)));
                out.push_str("\n\n");
            }
            _ => {}
        }
    }
    flush(&mut out, &mut line, &indent, &mut first_prefix);
    // One line end at the end, however the last block ended.
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
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
