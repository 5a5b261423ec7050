//! The Markdown of an entry's body as a small tree of blocks, built from
//! pulldown-cmark's events with their source ranges.

use std::ops::Range;

use pulldown_cmark::{Event, Tag};

pub type Spanned<'a> = (Event<'a>, Range<usize>);

/// A block of the body.
#[derive(Debug)]
pub enum Block<'a> {
    Heading {
        level: u32,
        inlines: Vec<Spanned<'a>>,
        range: Range<usize>,
    },
    Paragraph {
        inlines: Vec<Spanned<'a>>,
        range: Range<usize>,
    },
    List {
        items: Vec<ListItem<'a>>,
        range: Range<usize>,
    },
    Quote {
        blocks: Vec<Block<'a>>,
        range: Range<usize>,
    },
    /// Anything else (code, tables, HTML, rules): kept as source.
    Other {
        range: Range<usize>,
        /// An HTML block that is only a comment, which carries no text.
        comment: bool,
    },
}

impl Block<'_> {
    pub fn range(&self) -> &Range<usize> {
        match self {
            Block::Heading { range, .. }
            | Block::Paragraph { range, .. }
            | Block::List { range, .. }
            | Block::Quote { range, .. }
            | Block::Other { range, .. } => range,
        }
    }
}

#[derive(Debug)]
pub struct ListItem<'a> {
    /// `Some(ticked)` for a task-list item.
    pub task: Option<bool>,
    pub blocks: Vec<Block<'a>>,
    pub range: Range<usize>,
}

/// Builds the block tree of a whole body. The tree is as deep as the body
/// nests, and is built and walked by recursion: bodies are checked against
/// [`super::MAX_NESTING`] first.
pub fn build<'a>(events: &[Spanned<'a>]) -> Vec<Block<'a>> {
    let mut i = 0;
    let mut out = Vec::new();
    while i < events.len() {
        let before = i;
        out.extend(blocks(events, &mut i));
        if i == before {
            // A stray end event: step over it.
            i += 1;
        }
    }
    out
}

/// Reads blocks until the end of the enclosing container (left unconsumed).
fn blocks<'a>(events: &[Spanned<'a>], i: &mut usize) -> Vec<Block<'a>> {
    let mut out = Vec::new();
    // Inline content directly in a container (a tight list item).
    let mut loose: Vec<Spanned<'a>> = Vec::new();
    while let Some((event, range)) = events.get(*i) {
        match event {
            Event::End(_) => break,
            Event::Start(tag) if is_block(tag) => {
                flush(&mut loose, &mut out);
                out.push(block(events, i, tag, range));
            }
            Event::Rule => {
                flush(&mut loose, &mut out);
                *i += 1;
                out.push(Block::Other {
                    range: range.clone(),
                    comment: false,
                });
            }
            Event::TaskListMarker(_) => *i += 1,
            Event::Start(_) => loose_element(events, i, &mut loose),
            _ => {
                loose.push((event.clone(), range.clone()));
                *i += 1;
            }
        }
    }
    flush(&mut loose, &mut out);
    out
}

/// Inline content gathered directly in a container becomes a paragraph.
fn flush<'a>(loose: &mut Vec<Spanned<'a>>, out: &mut Vec<Block<'a>>) {
    if let (Some(first), Some(last)) = (loose.first(), loose.last()) {
        let range = first.1.start..last.1.end;
        out.push(Block::Paragraph {
            inlines: std::mem::take(loose),
            range,
        });
    }
}

/// The block that starts at `events[*i]` (a start of `tag`), consumed.
fn block<'a>(
    events: &[Spanned<'a>],
    i: &mut usize,
    tag: &Tag<'a>,
    range: &Range<usize>,
) -> Block<'a> {
    let range = range.clone();
    match tag {
        Tag::Heading { level, .. } => {
            *i += 1;
            Block::Heading {
                level: *level as u32,
                inlines: inlines(events, i),
                range,
            }
        }
        Tag::Paragraph => {
            *i += 1;
            Block::Paragraph {
                inlines: inlines(events, i),
                range,
            }
        }
        Tag::BlockQuote(_) => {
            *i += 1;
            let blocks = blocks(events, i);
            *i += 1;
            Block::Quote { blocks, range }
        }
        Tag::List(_) => {
            *i += 1;
            let mut items = Vec::new();
            while let Some((Event::Start(Tag::Item), item_range)) = events.get(*i) {
                items.push(list_item(events, i, item_range));
            }
            *i += 1;
            Block::List { items, range }
        }
        _ => {
            let comment = matches!(tag, Tag::HtmlBlock);
            let start = *i;
            skip_container(events, i);
            let comment = comment && only_comments(&events[start + 1..*i - 1]);
            Block::Other { range, comment }
        }
    }
}

/// One item of a list, from its start event to past its end; its checkbox,
/// if it is a task.
fn list_item<'a>(events: &[Spanned<'a>], i: &mut usize, range: &Range<usize>) -> ListItem<'a> {
    *i += 1;
    let task = match events.get(*i) {
        Some((Event::TaskListMarker(ticked), _)) => {
            *i += 1;
            Some(*ticked)
        }
        _ => None,
    };
    let mut inner = blocks(events, i);
    *i += 1;
    // In a loose list the marker opens the item's paragraph.
    let task = task.or_else(|| match inner.first_mut() {
        Some(Block::Paragraph { inlines, .. }) => match inlines.first() {
            Some((Event::TaskListMarker(ticked), _)) => {
                let ticked = *ticked;
                inlines.remove(0);
                Some(ticked)
            }
            _ => None,
        },
        _ => None,
    });
    ListItem {
        task,
        blocks: inner,
        range: range.clone(),
    }
}

/// Whether an HTML block's events are comments (or blank) only.
fn only_comments(events: &[Spanned<'_>]) -> bool {
    events.iter().all(|(e, _)| match e {
        Event::Html(html) => {
            let html = html.trim();
            html.is_empty() || (html.starts_with("<!--") && html.ends_with("-->"))
        }
        _ => false,
    })
}

/// An inline element directly in a tight list item, gathered whole.
fn loose_element<'a>(events: &[Spanned<'a>], i: &mut usize, loose: &mut Vec<Spanned<'a>>) {
    let mut depth = 0usize;
    while let Some((event, range)) = events.get(*i) {
        *i += 1;
        match event {
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
        loose.push((event.clone(), range.clone()));
        if depth == 0 {
            break;
        }
    }
}

/// The inline events up to the end of the current block, which is consumed.
fn inlines<'a>(events: &[Spanned<'a>], i: &mut usize) -> Vec<Spanned<'a>> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    while let Some((event, range)) = events.get(*i) {
        *i += 1;
        match event {
            Event::End(_) if depth == 0 => break,
            Event::Start(_) => depth += 1,
            Event::End(_) => depth -= 1,
            _ => {}
        }
        out.push((event.clone(), range.clone()));
    }
    out
}

/// Steps over a container from its start event to just past its end.
fn skip_container(events: &[Spanned<'_>], i: &mut usize) {
    let mut depth = 0usize;
    while let Some((event, _)) = events.get(*i) {
        *i += 1;
        match event {
            Event::Start(_) => depth += 1,
            Event::End(_) => {
                depth -= 1;
                if depth == 0 {
                    return;
                }
            }
            _ => {}
        }
    }
}

fn is_block(tag: &Tag<'_>) -> bool {
    !super::value::is_inline(tag)
}
