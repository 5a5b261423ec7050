//! A document as HTML in the report's markup contract (docs/architecture.md,
//! "The report's HTML"), which the stylesheet in `text::html` styles: one
//! self-contained page, no script, nothing fetched. Every text is escaped;
//! notes go through the safe renderer. Table ids are counted through the
//! part being written, under a prefix that keeps each part's apart, so the
//! same document gives the same bytes.

use std::fmt::Write as _;

use super::{Block, Cells, Chart, Document, Inline, Table};
use crate::i18n::Lang;
pub use crate::text::html::DOCUMENT_END;
use crate::text::html::{document_start, escape, safe_fragment};

/// The whole page.
pub fn document(doc: &Document) -> String {
    let mut out = document_start(&doc.title, doc.lang);
    out.push_str(&blocks(&doc.blocks, doc.lang, ""));
    out.push_str(DOCUMENT_END);
    out
}

/// The start of a page whose blocks are written part by part (a
/// portfolio's): the head, up to its body's content.
pub fn start(title: &str, lang: Lang) -> String {
    document_start(title, lang)
}

/// Blocks of a page in `lang`, ids made under `prefix` (unique to the
/// part: a portfolio's workbook's number, say).
pub fn blocks(blocks: &[Block], lang: Lang, prefix: &str) -> String {
    let mut writer = Writer {
        out: String::new(),
        lang: lang.code(),
        prefix: prefix.to_string(),
        tables: 0,
        headings: Vec::new(),
        labels: std::collections::HashMap::new(),
    };
    for block in blocks {
        writer.block(block);
    }
    writer.out
}

/// The page being written: its text, its language, the tables counted,
/// the headings it stands under, and the tables' labels given so far.
struct Writer {
    out: String,
    lang: &'static str,
    prefix: String,
    tables: usize,
    /// The text of the heading at each level above what is written now.
    headings: Vec<String>,
    /// How often each table label was given: landmarks' names must differ.
    labels: std::collections::HashMap<String, usize>,
}

impl Writer {
    fn block(&mut self, block: &Block) {
        match block {
            Block::Heading {
                level,
                text,
                anchor,
            } => self.heading(*level, text, anchor.as_deref()),
            Block::Paragraph(inlines) => self.paragraph(inlines, None),
            Block::Meta(inlines) => self.paragraph(inlines, Some("meta")),
            Block::List(items) => self.list(items),
            Block::Table(t) => self.table(t),
            Block::Chart(chart) => self.chart(chart),
            Block::Markdown { text, lang, level } => self.note(text, lang, *level),
            Block::Contents { title, entries } => self.contents(title, entries),
            Block::Section { new_page, blocks } => {
                let class = if *new_page { " class=\"page\"" } else { "" };
                let _ = writeln!(self.out, "<section{class}>");
                for block in blocks {
                    self.block(block);
                }
                self.out.push_str("</section>\n");
            }
        }
    }

    fn heading(&mut self, level: u8, text: &str, anchor: Option<&str>) {
        let level = level.clamp(1, 6);
        self.headings.truncate(usize::from(level) - 1);
        self.headings.resize(usize::from(level) - 1, String::new());
        self.headings.push(text.to_string());
        let id = anchor.map_or_else(String::new, |a| format!(" id=\"{}\"", escape(a)));
        let _ = writeln!(self.out, "<h{level}{id}>{}</h{level}>", escape(text));
    }

    /// A paragraph; one that is only a text written in paragraphs is
    /// those paragraphs.
    fn paragraph(&mut self, inlines: &[Inline], class: Option<&str>) {
        if let Some(div) = self.standing_alone(inlines) {
            let _ = writeln!(self.out, "{div}");
            return;
        }
        let class = class.map_or_else(String::new, |c| format!(" class=\"{c}\""));
        let _ = writeln!(self.out, "<p{class}>{}</p>", self.inlines(inlines));
    }

    /// Inlines that are one written text of several paragraphs, as a
    /// `<div>` of `<p>`s in its language.
    fn standing_alone(&self, inlines: &[Inline]) -> Option<String> {
        let [Inline::Written { text, lang }] = inlines else {
            return None;
        };
        if !text.contains("\n\n") && !text.contains("\r\n\r\n") {
            return None;
        }
        let paragraphs = paragraphs(text);
        if paragraphs.len() < 2 {
            return None;
        }
        let mut div = format!("<div{}>", self.lang_attr(lang));
        for p in paragraphs {
            let _ = write!(div, "<p>{}</p>", lines(p));
        }
        div.push_str("</div>");
        Some(div)
    }

    fn lang_attr(&self, lang: &str) -> String {
        if lang == self.lang || lang.is_empty() {
            String::new()
        } else {
            format!(" lang=\"{}\"", escape(lang))
        }
    }

    fn inlines(&self, inlines: &[Inline]) -> String {
        inlines.iter().map(|i| self.inline(i)).collect()
    }

    fn inline(&self, inline: &Inline) -> String {
        match inline {
            Inline::Text(text) => escape(text),
            Inline::Strong(text) => format!("<strong>{}</strong>", escape(text)),
            Inline::Emphasis(text) => format!("<em>{}</em>", escape(text)),
            Inline::Date(text) | Inline::Number(text) => {
                format!("<span class=\"nw\">{}</span>", escape(text))
            }
            Inline::Written { text, lang } if !text.contains('\n') => match self.lang_attr(lang) {
                attr if attr.is_empty() => escape(text.trim()),
                attr => format!("<span{attr}>{}</span>", escape(text.trim())),
            },
            Inline::Written { text, lang } => {
                let body = paragraphs(text)
                    .into_iter()
                    .map(lines)
                    .collect::<Vec<_>>()
                    .join("<br/><br/>");
                match self.lang_attr(lang) {
                    attr if attr.is_empty() => body,
                    attr => format!("<span{attr}>{body}</span>"),
                }
            }
            Inline::Link { anchor, text } => {
                format!("<a href=\"#{}\">{}</a>", escape(anchor), escape(text))
            }
            Inline::Break => "<br/>".to_string(),
        }
    }

    fn list(&mut self, items: &[Vec<Inline>]) {
        self.out.push_str("<ul>");
        for item in items {
            let _ = write!(self.out, "<li>{}</li>", self.inlines(item));
        }
        self.out.push_str("</ul>\n");
    }

    /// A table in its labelled, focusable scroll region; each row headed
    /// by its first cell, each other cell labelled by its column's head
    /// (for stacked rows on a phone).
    fn table(&mut self, t: &Table) {
        self.tables += 1;
        let id = format!("{}t-{}", self.prefix, self.tables);
        let label = format!("aria-label=\"{}\"", escape(&self.table_label(t)));
        let class = match t.cells {
            Cells::Prose => "prose",
            Cells::Values => "values",
        };
        let _ = write!(
            self.out,
            "<div class=\"table\" role=\"region\" tabindex=\"0\" {label}><table class=\"{class}\">"
        );
        if let Some(caption) = &t.caption {
            let _ = write!(
                self.out,
                "<caption id=\"{id}\">{}</caption>",
                escape(caption)
            );
        }
        self.out.push_str("<thead><tr>");
        for h in &t.header {
            let _ = write!(self.out, "<th scope=\"col\">{}</th>", escape(h));
        }
        self.out.push_str("</tr></thead><tbody>");
        for row in &t.rows {
            self.row(row, &t.header);
        }
        self.out.push_str("</tbody></table></div>\n");
    }

    /// A table region's name, unique in the page as landmarks' names must
    /// be: the headings it stands under (the document's title aside), then
    /// its caption or its columns' heads; numbered if still not unique.
    fn table_label(&mut self, t: &Table) -> String {
        let what = t.caption.clone().unwrap_or_else(|| t.header.join(", "));
        let under: Vec<&str> = self
            .headings
            .iter()
            .skip(1)
            .map(String::as_str)
            .filter(|h| !h.is_empty())
            .collect();
        let label = if under.is_empty() {
            what
        } else {
            format!("{}: {what}", under.join(" › "))
        };
        let seen = self.labels.entry(label.clone()).or_insert(0);
        *seen += 1;
        match *seen {
            1 => label,
            n => format!("{label} ({n})"),
        }
    }

    fn row(&mut self, row: &[Vec<Inline>], header: &[String]) {
        self.out.push_str("<tr>");
        for (i, cell) in row.iter().enumerate() {
            let content = self
                .standing_alone(cell)
                .unwrap_or_else(|| self.inlines(cell));
            if i == 0 {
                let _ = write!(self.out, "<th scope=\"row\">{content}</th>");
            } else {
                let head = header.get(i).map_or("", String::as_str);
                let _ = write!(
                    self.out,
                    "<td data-label=\"{}\">{content}</td>",
                    escape(head)
                );
            }
        }
        self.out.push_str("</tr>");
    }

    /// The picture and its caption, then what it shows and its data.
    fn chart(&mut self, chart: &Chart) {
        let _ = writeln!(
            self.out,
            "<figure>{}<figcaption>{}</figcaption></figure>",
            chart.svg,
            escape(&chart.caption)
        );
        self.paragraph(&chart.description, None);
        if let Some(data) = &chart.data {
            self.table(data);
        }
    }

    /// A note as its author wrote it, rendered safely, its headings below
    /// the one it stands under.
    fn note(&mut self, text: &str, lang: &str, level: u8) {
        let _ = writeln!(
            self.out,
            "<div class=\"note\"{}>{}</div>",
            self.lang_attr(lang),
            safe_fragment(&super::demoted(text, level))
        );
    }

    /// The contents: a navigation landmark named by its heading, a
    /// numbered list of links.
    fn contents(&mut self, title: &str, entries: &[(String, String)]) {
        let id = format!("{}contents", self.prefix);
        let _ = write!(
            self.out,
            "<nav aria-labelledby=\"{id}\"><h2 id=\"{id}\">{}</h2><ol>",
            escape(title)
        );
        for (anchor, text) in entries {
            let _ = write!(
                self.out,
                "<li><a href=\"#{}\">{}</a></li>",
                escape(anchor),
                escape(text)
            );
        }
        self.out.push_str("</ol></nav>\n");
    }
}

/// A written text's paragraphs: split at blank lines, blank ones dropped.
fn paragraphs(text: &str) -> Vec<&str> {
    text.split("\n\n")
        .flat_map(|p| p.split("\r\n\r\n"))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect()
}

/// A paragraph's lines, escaped, with `<br/>` between them.
fn lines(paragraph: &str) -> String {
    paragraph
        .lines()
        .map(escape)
        .collect::<Vec<_>>()
        .join("<br/>")
}

#[cfg(test)]
mod tests;
