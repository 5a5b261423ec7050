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
use crate::text::html::{document_start, escape, escape_into, safe_fragment};

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
        match class {
            Some(c) => {
                let _ = write!(self.out, "<p class=\"{c}\">");
            }
            None => self.out.push_str("<p>"),
        }
        inlines_into(&mut self.out, inlines, self.lang);
        self.out.push_str("</p>\n");
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
        let mut div = String::from("<div");
        lang_attr(&mut div, lang, self.lang);
        div.push('>');
        for p in paragraphs {
            div.push_str("<p>");
            lines(&mut div, p);
            div.push_str("</p>");
        }
        div.push_str("</div>");
        Some(div)
    }

    fn list(&mut self, items: &[Vec<Inline>]) {
        self.out.push_str("<ul>");
        for item in items {
            self.out.push_str("<li>");
            inlines_into(&mut self.out, item, self.lang);
            self.out.push_str("</li>");
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
            self.out.push_str("<th scope=\"col\">");
            escape_into(&mut self.out, h);
            self.out.push_str("</th>");
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
            let close = if i == 0 {
                self.out.push_str("<th scope=\"row\">");
                "</th>"
            } else {
                self.out.push_str("<td data-label=\"");
                escape_into(&mut self.out, header.get(i).map_or("", String::as_str));
                self.out.push_str("\">");
                "</td>"
            };
            match self.standing_alone(cell) {
                Some(div) => self.out.push_str(&div),
                None => inlines_into(&mut self.out, cell, self.lang),
            }
            self.out.push_str(close);
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
        self.out.push_str("<div class=\"note\"");
        lang_attr(&mut self.out, lang, self.lang);
        let _ = writeln!(
            self.out,
            ">{}</div>",
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
fn lines(out: &mut String, paragraph: &str) {
    for (i, line) in paragraph.lines().enumerate() {
        if i > 0 {
            out.push_str("<br/>");
        }
        escape_into(out, line);
    }
}

/// ` lang="…"` for a text in `lang`, unless that is the page's (`page`).
fn lang_attr(out: &mut String, lang: &str, page: &str) {
    if lang != page && !lang.is_empty() {
        out.push_str(" lang=\"");
        escape_into(out, lang);
        out.push('"');
    }
}

/// Inlines, one after another, on a page in `page`'s language.
fn inlines_into(out: &mut String, inlines: &[Inline], page: &str) {
    for inline in inlines {
        inline_into(out, inline, page);
    }
}

/// One inline.
fn inline_into(out: &mut String, inline: &Inline, page: &str) {
    let wrapped = |out: &mut String, open: &str, text: &str, close: &str| {
        out.push_str(open);
        escape_into(out, text);
        out.push_str(close);
    };
    match inline {
        Inline::Text(text) => escape_into(out, text),
        Inline::Strong(text) => wrapped(out, "<strong>", text, "</strong>"),
        Inline::Emphasis(text) => wrapped(out, "<em>", text, "</em>"),
        Inline::Date(text) | Inline::Number(text) => {
            wrapped(out, "<span class=\"nw\">", text, "</span>");
        }
        Inline::Written { text, lang } => {
            let own = lang != page && !lang.is_empty();
            if own {
                out.push_str("<span");
                lang_attr(out, lang, page);
                out.push('>');
            }
            if text.contains('\n') {
                for (i, p) in paragraphs(text).into_iter().enumerate() {
                    if i > 0 {
                        out.push_str("<br/><br/>");
                    }
                    lines(out, p);
                }
            } else {
                escape_into(out, text.trim());
            }
            if own {
                out.push_str("</span>");
            }
        }
        Inline::Link { anchor, text } => {
            out.push_str("<a href=\"#");
            escape_into(out, anchor);
            out.push_str("\">");
            escape_into(out, text);
            out.push_str("</a>");
        }
        Inline::Break => out.push_str("<br/>"),
    }
}

#[cfg(test)]
mod tests;
