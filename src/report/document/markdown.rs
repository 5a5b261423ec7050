//! A document as GitHub-flavoured Markdown that reads well on a forge:
//! `#` headings, pipe tables with every cell escaped, a chart as its
//! caption, its description and its data table, notes quoted so that
//! nothing in them can break the report's own structure. It lays blocks
//! out and adds no words of its own.
//!
//! Anchors: forges make their own ids from a heading's text (GitHub
//! lower-cases it and turns spaces into `-`; GitLab likewise), which a
//! Swedish title with `å` or `·` makes hard to predict. So a heading with
//! an anchor carries an explicit `<a id="…"></a>` in front of its text.
//! GitHub's sanitiser prefixes such an id with `user-content-`, and the
//! page's own script scrolls a `#id` link to it; GitLab keeps the id as
//! written. Either way `[text](#id)` lands on the heading.

use std::fmt::Write as _;

use super::{Block, Chart, Document, Inline, Table};
use crate::text::markdown::escape;

/// The whole document.
pub fn document(doc: &Document) -> String {
    blocks(&doc.blocks)
}

/// Blocks in reading order, each followed by a blank line.
pub fn blocks(blocks: &[Block]) -> String {
    let mut out = String::new();
    for block in blocks {
        write_block(&mut out, block);
    }
    out
}

fn write_block(out: &mut String, block: &Block) {
    match block {
        Block::Heading {
            level,
            text,
            anchor,
        } => heading(out, *level, text, anchor.as_deref()),
        Block::Paragraph(inlines) => {
            let _ = writeln!(out, "{}\n", paragraph(inlines));
        }
        Block::Meta(inlines) => {
            let _ = writeln!(out, "*{}*\n", inline_run(inlines, Place::Line));
        }
        Block::List(items) => list(out, items),
        Block::Table(t) => table(out, t),
        Block::Chart(chart) => self::chart(out, chart),
        Block::Markdown { text, level, .. } => quoted(out, &super::demoted(text, *level)),
        Block::Contents { title, entries } => contents(out, title, entries),
        Block::Section { blocks, .. } => {
            for block in blocks {
                write_block(out, block);
            }
        }
    }
}

fn heading(out: &mut String, level: u8, text: &str, anchor: Option<&str>) {
    let hashes = "#".repeat(usize::from(level.clamp(1, 6)));
    let anchor = anchor.map_or_else(String::new, |a| format!("<a id=\"{}\"></a>", attr(a)));
    let _ = writeln!(out, "{hashes} {anchor}{}\n", escape(text));
}

/// An anchor as an attribute value: ours are made of letters, digits, `-`
/// and `_`; anything else is dropped rather than trusted.
fn attr(anchor: &str) -> String {
    anchor
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
        .collect()
}

/// Where inline text stands, which decides how a written text's
/// paragraphs are kept.
#[derive(Clone, Copy, PartialEq)]
enum Place {
    /// A paragraph of its own: paragraphs as Markdown paragraphs.
    Block,
    /// A table cell, a list item or a line: all on one line, paragraphs
    /// as `<br><br>`, line breaks as `<br>`.
    Line,
}

/// A paragraph's Markdown: a text written with paragraphs keeps them.
fn paragraph(inlines: &[Inline]) -> String {
    match inlines {
        [Inline::Written { text, .. }] => written(text, Place::Block),
        _ => inline_run(inlines, Place::Line),
    }
}

fn inline_run(inlines: &[Inline], place: Place) -> String {
    inlines.iter().map(|i| inline(i, place)).collect()
}

fn inline(inline: &Inline, place: Place) -> String {
    match inline {
        Inline::Text(text) | Inline::Date(text) | Inline::Number(text) => escape(text),
        Inline::Strong(text) => format!("**{}**", escape(text)),
        Inline::Emphasis(text) => format!("*{}*", escape(text)),
        Inline::Written { text, .. } => written(text, place),
        Inline::Link { anchor, text } => format!("[{}](#{})", escape(text), attr(anchor)),
        Inline::Break => "<br>".to_string(),
    }
}

/// A text as written: its paragraphs (split at blank lines) and its line
/// breaks kept; each line escaped on its own, so none starts a block.
fn written(text: &str, place: Place) -> String {
    if !text.contains('\n') {
        return escape(text.trim());
    }
    let text = text.replace("\r\n", "\n");
    let paragraphs: Vec<String> = text
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| p.lines().map(escape).collect::<Vec<_>>().join("<br>"))
        .collect();
    let between = if place == Place::Block {
        "\n\n"
    } else {
        "<br><br>"
    };
    paragraphs.join(between)
}

fn list(out: &mut String, items: &[Vec<Inline>]) {
    for item in items {
        let _ = writeln!(out, "- {}", inline_run(item, Place::Line));
    }
    out.push('\n');
}

/// A pipe table; its caption, if any, in bold before it. A cell is one
/// line, whatever it holds.
fn table(out: &mut String, t: &Table) {
    if let Some(caption) = &t.caption {
        let _ = writeln!(out, "**{}**\n", escape(caption));
    }
    let row = |cells: Vec<String>| format!("| {} |\n", cells.join(" | "));
    out.push_str(&row(t.header.iter().map(|h| escape(h)).collect()));
    out.push_str(&row(t.header.iter().map(|_| "---".to_string()).collect()));
    for cells in &t.rows {
        out.push_str(&row(cells
            .iter()
            .map(|c| inline_run(c, Place::Line))
            .collect()));
    }
    out.push('\n');
}

/// A chart as text: its caption in bold, what it shows, and its data.
fn chart(out: &mut String, chart: &Chart) {
    let _ = writeln!(out, "**{}**\n", escape(&chart.caption));
    let _ = writeln!(out, "{}\n", inline_run(&chart.description, Place::Line));
    if let Some(data) = &chart.data {
        table(out, data);
    }
}

/// A note's Markdown as a block quote.
fn quoted(out: &mut String, text: &str) {
    for line in text.replace("\r\n", "\n").lines() {
        if line.is_empty() {
            out.push_str(">\n");
        } else {
            let _ = writeln!(out, "> {line}");
        }
    }
    out.push('\n');
}

/// The contents: a heading, then a numbered list of links.
fn contents(out: &mut String, title: &str, entries: &[(String, String)]) {
    let _ = writeln!(out, "## {}\n", escape(title));
    for (n, (anchor, text)) in entries.iter().enumerate() {
        let _ = writeln!(out, "{}. [{}](#{})", n + 1, escape(text), attr(anchor));
    }
    out.push('\n');
}

#[cfg(test)]
mod tests;
