//! The report as a Word document (`--format docx`), laid out from the
//! [`Document`] with the docx-rust crate: headings in Word's own heading
//! styles, tables as tables, the language set, written text in its own
//! language, the same bytes for the same document.

mod markdown;
mod package;
#[cfg(test)]
mod tests;
mod text;

use std::collections::{BTreeMap, BTreeSet};

use docx_rust::document as w;
use docx_rust::formatting as f;

use super::{Block, Cells, Chart, Document, Inline, Table};
use crate::i18n::Lang;
use text::Look;

/// The style ids the body uses; `package` defines them.
mod style {
    pub const NORMAL: &str = "Normal";
    pub const HEADINGS: [&str; 6] = [
        "Heading1", "Heading2", "Heading3", "Heading4", "Heading5", "Heading6",
    ];
    pub const META: &str = "Meta";
    pub const CAPTION: &str = "Caption";
    pub const LIST_BULLET: &str = "ListBullet";
    pub const LIST_NUMBER: &str = "ListNumber";
    pub const LIST_CONTINUE: &str = "ListContinue";
    pub const QUOTE: &str = "Quote";
    pub const CODE: &str = "Code";
    pub const CONTENTS: &str = "TOC1";
    pub const HYPERLINK: &str = "Hyperlink";
}

/// One paragraph's content: runs, links and bookmarks.
type Content = Vec<w::ParagraphContent<'static>>;
type Body = Vec<w::BodyContent<'static>>;

/// The document as a .docx file's bytes.
pub fn write(doc: &Document) -> anyhow::Result<Vec<u8>> {
    let mut layout = Layout::new(doc);
    let mut body = Body::new();
    layout.blocks(&doc.blocks, &mut body);
    package::pack(
        &text::clean(&doc.title),
        word_lang(doc.lang),
        body,
        &layout.number_starts,
    )
}

/// Word's name for the document's language.
fn word_lang(lang: Lang) -> &'static str {
    match lang {
        Lang::Sv => "sv-SE",
        Lang::En => "en-GB",
    }
}

/// What the body's layout keeps as it goes: each anchor's bookmark, those
/// placed already, the next bookmark's id, and where each ordered list of
/// a note starts.
struct Layout {
    bookmarks: BTreeMap<String, String>,
    placed: BTreeSet<String>,
    next_bookmark: usize,
    number_starts: Vec<isize>,
}

impl Layout {
    fn new(doc: &Document) -> Layout {
        Layout {
            bookmarks: bookmark_names(doc),
            placed: BTreeSet::new(),
            next_bookmark: 0,
            number_starts: Vec::new(),
        }
    }

    fn blocks(&mut self, blocks: &[Block], body: &mut Body) {
        for block in blocks {
            self.block(block, body);
        }
    }

    fn block(&mut self, block: &Block, body: &mut Body) {
        match block {
            Block::Heading {
                level,
                text,
                anchor,
            } => body.push(self.heading(*level, text, anchor.as_deref())),
            Block::Paragraph(inlines) => self.paragraphs(style::NORMAL, inlines, body),
            Block::Meta(inlines) => self.paragraphs(style::META, inlines, body),
            Block::List(items) => self.list(items, body),
            Block::Table(table) => self.table(table, body),
            Block::Chart(chart) => self.chart(chart, body),
            Block::Markdown { text, lang, level } => {
                let first_list = package::FIRST_NUMBERED + self.number_starts.len() as isize;
                let note = markdown::note(text, &text::word_lang_of(lang), *level, first_list);
                self.number_starts.extend(note.number_starts);
                body.extend(note.body);
            }
            Block::Contents { title, entries } => self.contents(title, entries, body),
            Block::Section { new_page, blocks } => self.section(*new_page, blocks, body),
        }
    }

    /// A heading in Word's heading style of its level, with a bookmark
    /// named after its anchor for the table of contents to link to (once:
    /// a second heading with the same anchor gets none).
    fn heading(&mut self, level: u8, text: &str, anchor: Option<&str>) -> w::BodyContent<'static> {
        let mut content: Content = vec![text::run(text, &Look::default()).into()];
        let first = anchor.filter(|anchor| self.placed.insert(anchor.to_string()));
        if let Some(name) = first.and_then(|anchor| self.bookmarks.get(anchor)) {
            let id = self.next_bookmark.to_string();
            self.next_bookmark += 1;
            content.insert(
                0,
                w::BookmarkStart {
                    id: Some(id.clone().into()),
                    name: Some(name.clone().into()),
                }
                .into(),
            );
            content.push(
                w::BookmarkEnd {
                    id: Some(id.into()),
                }
                .into(),
            );
        }
        paragraph(heading_style(level), content).into()
    }

    /// Inlines as paragraphs of one style: as many as written text has.
    fn paragraphs(&self, style: &'static str, inlines: &[Inline], body: &mut Body) {
        for content in self.inline_paragraphs(inlines, &Look::default()) {
            body.push(paragraph(style, content).into());
        }
    }

    /// A bulleted list: an item's first paragraph with its bullet, any
    /// further ones (paragraphs of written text) indented under it.
    fn list(&self, items: &[Vec<Inline>], body: &mut Body) {
        for item in items {
            let paragraphs = self.inline_paragraphs(item, &Look::default());
            for (n, content) in paragraphs.into_iter().enumerate() {
                let style = if n == 0 {
                    style::LIST_BULLET
                } else {
                    style::LIST_CONTINUE
                };
                body.push(paragraph(style, content).into());
            }
        }
    }

    /// A table's caption, then the table.
    fn table(&self, table: &Table, body: &mut Body) {
        if let Some(caption) = &table.caption {
            body.push(caption_paragraph(caption).into());
        }
        let header: Vec<Vec<Content>> = table
            .header
            .iter()
            .map(|head| vec![vec![text::run(head, &Look::strong()).into()]])
            .collect();
        let rows: Vec<Vec<Vec<Content>>> = table.rows.iter().map(|row| self.row(row)).collect();
        body.push(word_table(header, rows, table.cells == Cells::Prose).into());
    }

    /// A row's cells, the first in bold: it heads its row.
    fn row(&self, row: &[Vec<Inline>]) -> Vec<Vec<Content>> {
        row.iter()
            .enumerate()
            .map(|(n, cell)| {
                let look = if n == 0 {
                    Look::strong()
                } else {
                    Look::default()
                };
                self.inline_paragraphs(cell, &look)
            })
            .collect()
    }

    /// A chart as its caption, what it shows in words, and its data: the
    /// picture is for the HTML report.
    fn chart(&self, chart: &Chart, body: &mut Body) {
        body.push(caption_paragraph(&chart.caption).into());
        self.paragraphs(style::NORMAL, &chart.description, body);
        if let Some(data) = &chart.data {
            self.table(data, body);
        }
    }

    /// The contents under their title: a line per heading, each a link to
    /// the heading's bookmark.
    fn contents(&self, title: &str, entries: &[(String, String)], body: &mut Body) {
        body.push(
            paragraph(
                heading_style(2),
                vec![text::run(title, &Look::default()).into()],
            )
            .into(),
        );
        for (anchor, label) in entries {
            let content = self.link(anchor, label, &Look::default());
            body.push(paragraph(style::CONTENTS, vec![content]).into());
        }
    }

    /// A section's blocks; a new page starts before its first paragraph
    /// (or before it with a page break, when it opens with a table).
    fn section(&mut self, new_page: bool, blocks: &[Block], body: &mut Body) {
        let mut inner = Body::new();
        self.blocks(blocks, &mut inner);
        if new_page && !body.is_empty() {
            match inner.first_mut() {
                Some(w::BodyContent::Paragraph(first)) => {
                    let property = first.property.get_or_insert_with(Default::default);
                    property.page_break_before = Some(f::PageBreakBefore { value: None });
                }
                _ => inner.insert(0, page_break().into()),
            }
        }
        body.extend(inner);
    }

    /// Inlines laid out as Word paragraphs: a written text's blank lines
    /// start new ones, its line breaks stay breaks.
    fn inline_paragraphs(&self, inlines: &[Inline], look: &Look) -> Vec<Content> {
        let mut paragraphs = vec![Content::new()];
        for inline in inlines {
            let current = paragraphs.len() - 1;
            match inline {
                Inline::Text(s) => paragraphs[current].push(text::run(s, look).into()),
                Inline::Strong(s) => paragraphs[current].push(text::run(s, &look.bold()).into()),
                Inline::Emphasis(s) => {
                    paragraphs[current].push(text::run(s, &look.italic()).into());
                }
                Inline::Date(s) | Inline::Number(s) => {
                    paragraphs[current].push(text::run(&text::unbreakable(s), look).into());
                }
                Inline::Written { text, lang } => {
                    let look = look.in_lang(&text::word_lang_of(lang));
                    let mut parts = text::written_paragraphs(text).into_iter();
                    if let Some(first) = parts.next() {
                        paragraphs[current].push(text::run(&first, &look).into());
                    }
                    for part in parts {
                        paragraphs.push(vec![text::run(&part, &look).into()]);
                    }
                }
                Inline::Link { anchor, text } => {
                    paragraphs[current].push(self.link(anchor, text, look));
                }
                Inline::Break => paragraphs[current].push(text::line_break().into()),
            }
        }
        paragraphs
    }

    /// A link to a heading's bookmark; a link to an anchor that no heading
    /// has is left as its text.
    fn link(&self, anchor: &str, label: &str, look: &Look) -> w::ParagraphContent<'static> {
        let run = text::run(label, &look.linked());
        match self.bookmarks.get(anchor) {
            Some(name) => w::Hyperlink {
                anchor: Some(name.clone().into()),
                content: Some(run),
                ..Default::default()
            }
            .into(),
            None => run.into(),
        }
    }
}

fn heading_style(level: u8) -> &'static str {
    style::HEADINGS[usize::from(level.clamp(1, 6)) - 1]
}

fn paragraph(style: &'static str, content: Content) -> w::Paragraph<'static> {
    w::Paragraph {
        property: Some(f::ParagraphProperty::default().style_id(style)),
        content,
        ..Default::default()
    }
}

fn caption_paragraph(caption: &str) -> w::Paragraph<'static> {
    paragraph(
        style::CAPTION,
        vec![text::run(caption, &Look::default()).into()],
    )
}

fn page_break() -> w::Paragraph<'static> {
    w::Paragraph {
        content: vec![w::Run::default().push_break(w::BreakType::Page).into()],
        ..Default::default()
    }
}

/// A Word table: a header row that repeats on every page, borders, and
/// each cell's paragraphs. Long texts span the page; short values take
/// the room they need.
fn word_table(
    header: Vec<Vec<Content>>,
    rows: Vec<Vec<Vec<Content>>>,
    full_width: bool,
) -> w::Table<'static> {
    let columns = header.len().max(1);
    let mut table = w::Table {
        property: table_property(full_width),
        grids: w::TableGrid {
            columns: (0..columns)
                .map(|_| w::GridColumn {
                    width: package::TEXT_WIDTH / columns as isize,
                })
                .collect(),
        },
        rows: Vec::new(),
    };
    table.rows.push(table_row(header, true));
    for row in rows {
        table.rows.push(table_row(row, false));
    }
    table
}

/// A border of one kind, all alike.
macro_rules! border {
    ($kind:ident, $style:expr, $color:expr, $size:expr) => {
        f::$kind {
            style: $style.clone(),
            color: Some($color.into()),
            size: Some($size),
            ..Default::default()
        }
    };
}

fn table_property(full_width: bool) -> f::TableProperty<'static> {
    let line = || (f::BorderStyle::Single, "9FB3C8", 4isize);
    let (style, color, size) = line();
    f::TableProperty {
        width: Some(f::TableWidth {
            value: Some(if full_width { 5000 } else { 0 }),
            unit: Some(if full_width {
                f::TableWidthUnit::Pct
            } else {
                f::TableWidthUnit::Auto
            }),
        }),
        borders: Some(f::TableBorders {
            top: Some(border!(TopBorder, style, color, size)),
            left: Some(border!(LeftBorder, style, color, size)),
            bottom: Some(border!(BottomBorder, style, color, size)),
            right: Some(border!(RightBorder, style, color, size)),
            inside_horizon: Some(border!(InsideHorizonBorder, style, color, size)),
            inside_vertical: Some(border!(InsideVerticalBorder, style, color, size)),
        }),
        ..Default::default()
    }
}

fn table_row(cells: Vec<Vec<Content>>, header: bool) -> w::TableRow<'static> {
    w::TableRow {
        property: f::TableRowProperty {
            table_header: header.then(|| f::TableHeader::from(f::OnOffOnlyType::On)),
            ..Default::default()
        },
        cells: cells
            .into_iter()
            .map(|paragraphs| {
                let mut cell = w::TableCell::default();
                for content in paragraphs {
                    cell.content.push(paragraph(style::NORMAL, content).into());
                }
                if cell.content.is_empty() {
                    cell.content
                        .push(paragraph(style::NORMAL, Vec::new()).into());
                }
                cell.into()
            })
            .collect(),
    }
}

/// Each anchor's bookmark name: Word's rules (a letter first, then letters,
/// digits and underscores, at most 40 characters), each one unique.
fn bookmark_names(doc: &Document) -> BTreeMap<String, String> {
    let mut names = BTreeMap::new();
    let mut taken = BTreeSet::new();
    for (anchor, _) in doc.anchors() {
        if names.contains_key(&anchor) {
            continue;
        }
        let base = bookmark_base(&anchor);
        let mut name = base.clone();
        let mut n = 2;
        while !taken.insert(name.clone()) {
            name = format!("{base}_{n}");
            n += 1;
        }
        names.insert(anchor, name);
    }
    names
}

fn bookmark_base(anchor: &str) -> String {
    let mut name: String = anchor
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '_' })
        .collect();
    if !name.starts_with(char::is_alphabetic) {
        name.insert_str(0, "h_");
    }
    name.chars().take(32).collect()
}
