//! A note's Markdown as Word paragraphs, read by pulldown-cmark with the
//! options every reader in dino uses: paragraphs, bold, italic and struck
//! runs, headings below the note's level, bulleted and numbered lists,
//! quotes, code, tables; raw HTML as text. Every run is in the note's
//! language.

use pulldown_cmark::{Event, LinkType, Parser, Tag, TagEnd};

use super::text::{self, Look};
use super::{Body, Content, package, style};
use crate::text::html::markdown_options;
use docx_rust::document as w;
use docx_rust::formatting as f;

/// A note laid out: its body, and the first number of each ordered list
/// in it (their `numId`s follow on from the one it was given).
pub struct Note {
    pub body: Body,
    pub number_starts: Vec<isize>,
}

/// Lays out `markdown`, in `lang`, its headings below `level`; its ordered
/// lists take `numId`s from `first_list` on.
pub fn note(markdown: &str, lang: &str, level: u8, first_list: isize) -> Note {
    let mut renderer = Renderer {
        level,
        first_list,
        note: Note {
            body: Body::new(),
            number_starts: Vec::new(),
        },
        open: None,
        looks: vec![Look::default().in_lang(lang)],
        lists: Vec::new(),
        quotes: 0,
        links: Vec::new(),
        raw: None,
        table: None,
    };
    for event in Parser::new_ext(&text::clean(markdown), markdown_options()) {
        renderer.event(event);
    }
    renderer.flush();
    renderer.note
}

/// A list being laid out: its numbering, and whether its current item has
/// had its first (numbered) paragraph.
struct List {
    num_id: isize,
    item_begun: bool,
}

/// A Markdown table being collected: its head, its rows, the cell now.
#[derive(Default)]
struct TableBuild {
    header: Vec<Vec<Content>>,
    rows: Vec<Vec<Vec<Content>>>,
    in_head: bool,
    row: Vec<Vec<Content>>,
    cell: Content,
}

struct Renderer {
    level: u8,
    first_list: isize,
    note: Note,
    /// The paragraph being filled: its properties and content.
    open: Option<(f::ParagraphProperty<'static>, Content)>,
    /// The look of the runs now (bold inside bold, …), innermost last.
    looks: Vec<Look>,
    lists: Vec<List>,
    quotes: usize,
    /// Each open link's address, when it is one to write out after it.
    links: Vec<Option<String>>,
    /// Code or raw HTML being collected, written whole at its end.
    raw: Option<String>,
    table: Option<TableBuild>,
}

impl Renderer {
    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t)
                if self.raw.is_some() =>
            {
                if let Some(raw) = &mut self.raw {
                    raw.push_str(&t);
                }
            }
            Event::Text(t) | Event::InlineHtml(t) | Event::Html(t) => self.text(&t),
            Event::Code(t) => {
                let look = Look {
                    code: true,
                    ..self.look()
                };
                self.push(text::run(&t, &look).into());
            }
            Event::InlineMath(t) | Event::DisplayMath(t) => self.text(&t),
            Event::FootnoteReference(t) => self.text(&format!("[^{t}]")),
            Event::SoftBreak => self.text(" "),
            Event::HardBreak => self.push(text::line_break().into()),
            Event::Rule => self.flush(),
            Event::TaskListMarker(done) => self.text(if done { "☑ " } else { "☐ " }),
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Paragraph => self.begin_paragraph(),
            Tag::Heading { level, .. } => {
                self.flush();
                let rank = (self.level as usize + level as usize).min(6) as u8;
                self.open(super::heading_style(rank));
            }
            Tag::BlockQuote(_) => {
                self.flush();
                self.quotes += 1;
            }
            Tag::CodeBlock(_) | Tag::HtmlBlock => {
                self.flush();
                self.raw = Some(String::new());
            }
            Tag::List(start) => self.begin_list(start),
            Tag::Item => {
                self.flush();
                if let Some(list) = self.lists.last_mut() {
                    list.item_begun = false;
                }
                self.begin_paragraph();
            }
            Tag::Emphasis => self.push_look(|look| look.italic = true),
            Tag::Strong => self.push_look(|look| look.bold = true),
            Tag::Strikethrough => self.push_look(|look| look.strike = true),
            Tag::Link {
                link_type,
                dest_url,
                ..
            }
            | Tag::Image {
                link_type,
                dest_url,
                ..
            } => self.links.push(shown_address(link_type, &dest_url)),
            Tag::Table(_) => {
                self.flush();
                self.table = Some(TableBuild::default());
            }
            Tag::TableHead => self.with_table(|table| table.in_head = true),
            Tag::TableRow => self.with_table(|table| table.row.clear()),
            Tag::TableCell => self.with_table(|table| table.cell.clear()),
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item => self.flush(),
            TagEnd::BlockQuote(_) => {
                self.flush();
                self.quotes = self.quotes.saturating_sub(1);
            }
            TagEnd::CodeBlock | TagEnd::HtmlBlock => self.end_raw(tag == TagEnd::CodeBlock),
            TagEnd::List(_) => {
                self.flush();
                self.lists.pop();
            }
            TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough if self.looks.len() > 1 => {
                self.looks.pop();
            }
            TagEnd::Link | TagEnd::Image => {
                if let Some(Some(address)) = self.links.pop() {
                    self.text(&format!(" ({address})"));
                }
            }
            TagEnd::TableCell => self.with_table(|table| {
                let cell = std::mem::take(&mut table.cell);
                table.row.push(vec![cell]);
            }),
            TagEnd::TableHead => self.with_table(|table| {
                table.header = std::mem::take(&mut table.row);
                table.in_head = false;
            }),
            TagEnd::TableRow => self.with_table(|table| {
                let row = std::mem::take(&mut table.row);
                table.rows.push(row);
            }),
            TagEnd::Table => {
                if let Some(table) = self.table.take() {
                    let word = super::word_table(table.header, table.rows, true);
                    self.note.body.push(word.into());
                }
            }
            _ => {}
        }
    }

    fn look(&self) -> Look {
        self.looks.last().cloned().unwrap_or_default()
    }

    fn push_look(&mut self, change: impl FnOnce(&mut Look)) {
        let mut look = self.look();
        change(&mut look);
        self.looks.push(look);
    }

    fn with_table(&mut self, change: impl FnOnce(&mut TableBuild)) {
        if let Some(table) = &mut self.table {
            change(table);
        }
    }

    fn text(&mut self, words: &str) {
        let bold_head = self.table.as_ref().is_some_and(|table| table.in_head);
        let look = if bold_head {
            self.look().bold()
        } else {
            self.look()
        };
        self.push(text::run(words, &look).into());
    }

    /// Puts a run into the table cell or the paragraph being filled, or a
    /// new paragraph when there is none.
    fn push(&mut self, content: w::ParagraphContent<'static>) {
        if let Some(table) = &mut self.table {
            table.cell.push(content);
            return;
        }
        if self.open.is_none() {
            self.begin_paragraph();
        }
        if let Some((_, open)) = &mut self.open {
            open.push(content);
        }
    }

    /// A new paragraph: an item's first is numbered, its later ones are
    /// indented under it; in a quote, a quote; else a plain one. An item's
    /// first paragraph, still empty, is kept for its words.
    fn begin_paragraph(&mut self) {
        if self
            .open
            .as_ref()
            .is_some_and(|(_, content)| content.is_empty())
        {
            return;
        }
        self.flush();
        let depth = self.lists.len();
        let quoted = self.quotes > 0;
        match self.lists.last_mut() {
            Some(list) if !list.item_begun => {
                list.item_begun = true;
                let numbered = list.num_id != package::BULLETS;
                let style = if numbered {
                    style::LIST_NUMBER
                } else {
                    style::LIST_BULLET
                };
                let level = (depth as isize - 1).min(package::DEEPEST_LIST_LEVEL);
                let mut property = f::ParagraphProperty::default().style_id(style);
                property.numbering = Some(f::NumberingProperty {
                    level: Some(f::IndentLevel { value: level }),
                    id: Some(f::NumberingId { value: list.num_id }),
                    ..Default::default()
                });
                self.open = Some((property, Content::new()));
            }
            Some(_) => self.open(style::LIST_CONTINUE),
            None if quoted => self.open(style::QUOTE),
            None => self.open(style::NORMAL),
        }
    }

    fn open(&mut self, style: &'static str) {
        self.flush();
        self.open = Some((
            f::ParagraphProperty::default().style_id(style),
            Content::new(),
        ));
    }

    fn begin_list(&mut self, start: Option<u64>) {
        self.flush();
        let num_id = match start {
            Some(first) => {
                let id = self.first_list + self.note.number_starts.len() as isize;
                self.note
                    .number_starts
                    .push(isize::try_from(first).unwrap_or(isize::MAX));
                id
            }
            None => package::BULLETS,
        };
        self.lists.push(List {
            num_id,
            item_begun: false,
        });
    }

    /// Code or raw HTML, whole, in a paragraph of its own: code in the
    /// code style, HTML as the text it is.
    fn end_raw(&mut self, code: bool) {
        let raw = self.raw.take().unwrap_or_default();
        let raw = raw.trim_end_matches('\n');
        self.open(if code { style::CODE } else { style::NORMAL });
        let look = self.look();
        self.push(text::run(raw, &look).into());
        self.flush();
    }

    /// Ends the paragraph being filled, if any.
    fn flush(&mut self) {
        if let Some((property, content)) = self.open.take() {
            self.note.body.push(
                w::Paragraph {
                    property: Some(property),
                    content,
                    ..Default::default()
                }
                .into(),
            );
        }
    }
}

/// The address written after a link's text: only a web or mail address
/// (never a script), and not when the text is the address already.
fn shown_address(link_type: LinkType, dest: &str) -> Option<String> {
    if matches!(link_type, LinkType::Autolink | LinkType::Email) {
        return None;
    }
    let lower = dest.trim().to_ascii_lowercase();
    let web = ["http:", "https:", "mailto:"]
        .iter()
        .any(|scheme| lower.starts_with(scheme));
    web.then(|| dest.trim().to_string())
}
