//! A report as a document: headings, paragraphs, tables, lists and charts,
//! built once from the report model (`report::model`) with every word
//! chosen, then written by the Markdown, HTML and Word writers, which only
//! lay it out. A writer adds no words of its own and leaves nothing out.

pub mod build;
pub mod html;
pub mod markdown;
pub mod words;

use crate::i18n::Lang;

pub mod docx;

/// A whole report: one workbook, a manager's page, or a portfolio.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    /// The language of the document's own words (the HTML `lang`, Word's
    /// language); text in another language is marked where it stands
    /// ([`Inline::Written`], [`Block::Markdown`]).
    pub lang: Lang,
    /// The title: a browser tab's, a printed page's running head, Word's.
    pub title: String,
    pub blocks: Vec<Block>,
}

/// One block of a document, in reading order.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// A heading, level 1 to 6. `anchor` is an id unique in the document,
    /// which a table of contents ([`Block::Contents`]) links to.
    Heading {
        level: u8,
        text: String,
        anchor: Option<String>,
    },
    /// A paragraph.
    Paragraph(Vec<Inline>),
    /// A paragraph of small print under a heading: the pack, the day the
    /// report describes, that names were replaced.
    Meta(Vec<Inline>),
    /// A bulleted list, an item per entry.
    List(Vec<Vec<Inline>>),
    /// A table.
    Table(Table),
    /// A chart, for writers that can draw one, and what it shows in words
    /// and as a table for every reader (and for writers that cannot).
    Chart(Chart),
    /// A note as its author wrote it, in Markdown, in `lang` (a BCP 47
    /// code); writers render it safely, its headings below `level`.
    Markdown {
        text: String,
        lang: String,
        level: u8,
    },
    /// A linked table of contents under its own title (a heading one
    /// level below the document's title): each entry's anchor (of a
    /// heading in this document) and its text.
    Contents {
        title: String,
        entries: Vec<(String, String)>,
    },
    /// Blocks that belong together: one workbook of a portfolio. With
    /// `new_page`, print starts it on a new page (Word: a page break).
    Section { new_page: bool, blocks: Vec<Block> },
}

/// A run of text inside a paragraph, a list item or a table cell.
#[derive(Clone, Debug, PartialEq)]
pub enum Inline {
    /// Words in the document's language.
    Text(String),
    /// Words in the document's language, set in bold (a label: "Beslut:").
    Strong(String),
    /// Words in the document's language, set in italics (a remark:
    /// "Inga svar än.").
    Emphasis(String),
    /// A day or a time as shown (`2026-02-10`, `2026-02-10 09:15`): never
    /// broken across lines.
    Date(String),
    /// A number, a score or a count as shown (`3,4`, `12 av 14`): never
    /// broken across lines.
    Number(String),
    /// Text as a person or a pack wrote it, in `lang` (a BCP 47 code):
    /// paragraphs (a blank line) and line breaks are kept as written.
    Written { text: String, lang: String },
    /// A link to a heading's anchor in this document.
    Link { anchor: String, text: String },
    /// A line break.
    Break,
}

/// A table: its caption, column heads, and rows of cells. The first cell
/// of each row heads its row.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// What the table holds, in the document's language; also the label of
    /// its scroll region in HTML.
    pub caption: Option<String>,
    pub header: Vec<String>,
    /// Each row has as many cells as `header`.
    pub rows: Vec<Vec<Vec<Inline>>>,
    pub cells: Cells,
}

/// What a table's cells hold, which decides how it is laid out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cells {
    /// Long texts (an item and its answer): wide columns, text wraps.
    Prose,
    /// Short values (days, counts, states): each kept whole where it fits.
    Values,
}

/// A chart: its picture for writers that draw (HTML), its caption, and the
/// same data in words and as a table.
#[derive(Clone, Debug, PartialEq)]
pub struct Chart {
    /// Inline SVG, escaped and labelled already (`report::svg`), or empty
    /// when there is nothing to draw.
    pub svg: String,
    pub caption: String,
    /// What the chart shows, in a sentence or two.
    pub description: Vec<Inline>,
    /// The chart's data, for readers and writers without the picture.
    pub data: Option<Table>,
}

impl Document {
    /// Every heading's anchor and text, in order: what a table of contents
    /// would list.
    pub fn anchors(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        collect_anchors(&self.blocks, &mut out);
        out
    }
}

fn collect_anchors(blocks: &[Block], out: &mut Vec<(String, String)>) {
    for block in blocks {
        match block {
            Block::Heading {
                text,
                anchor: Some(anchor),
                ..
            } => out.push((anchor.clone(), text.clone())),
            Block::Section { blocks, .. } => collect_anchors(blocks, out),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors_are_found_inside_sections_in_reading_order() {
        let heading = |text: &str, anchor: Option<&str>| Block::Heading {
            level: 2,
            text: text.to_string(),
            anchor: anchor.map(str::to_string),
        };
        let doc = Document {
            lang: Lang::Sv,
            title: "Portfölj".to_string(),
            blocks: vec![
                heading("Översikt", Some("oversikt")),
                Block::Section {
                    new_page: true,
                    blocks: vec![heading("Ålby", Some("alby")), heading("Svar", None)],
                },
            ],
        };
        assert_eq!(
            doc.anchors(),
            vec![
                ("oversikt".to_string(), "Översikt".to_string()),
                ("alby".to_string(), "Ålby".to_string())
            ]
        );
    }
}

/// A note's Markdown with its headings moved below the heading at `level`
/// that it stands under: an ATX heading of that level or above becomes
/// one level below it (at most 6); text inside a fenced code block stays.
pub fn demoted(markdown: &str, level: u8) -> String {
    let below = usize::from(level.clamp(1, 5)) + 1;
    let mut fence: Option<&str> = None;
    let mut out = Vec::new();
    for line in markdown.lines() {
        let trimmed = line.trim_start();
        let marker = ["```", "~~~"].into_iter().find(|m| trimmed.starts_with(m));
        match (fence, marker) {
            (None, Some(m)) => fence = Some(m),
            (Some(open), Some(m)) if open == m => fence = None,
            _ => {}
        }
        let hashes = line.chars().take_while(|c| *c == '#').count();
        let heading = (1..below).contains(&hashes)
            && (line[hashes..].is_empty() || line[hashes..].starts_with([' ', '\t']));
        if heading && fence.is_none() && marker.is_none() {
            out.push(format!("{}{}", "#".repeat(below), &line[hashes..]));
        } else {
            out.push(line.to_string());
        }
    }
    out.join("\n")
}

/// A document with every kind of block and inline, for the writers' tests.
#[cfg(test)]
pub fn every_kind() -> Document {
    let text = |s: &str| Inline::Text(s.to_string());
    let table = Table {
        caption: Some("Vem | vad".to_string()),
        header: vec!["Punkt".to_string(), "Svar".to_string()],
        rows: vec![vec![
            vec![text("Mål?")],
            vec![Inline::Written {
                text: "Ett | två\nrad\n\nNytt stycke".to_string(),
                lang: "en".to_string(),
            }],
        ]],
        cells: Cells::Prose,
    };
    Document {
        lang: Lang::Sv,
        title: "Rapport <1>".to_string(),
        blocks: vec![
            Block::Heading {
                level: 1,
                text: "Rapport <1>".to_string(),
                anchor: None,
            },
            Block::Meta(vec![text("Per "), Inline::Date("2026-05-20".to_string())]),
            Block::Contents {
                title: "Innehåll".to_string(),
                entries: vec![("wb-a".to_string(), "A & B".to_string())],
            },
            Block::Section {
                new_page: true,
                blocks: vec![
                    Block::Heading {
                        level: 2,
                        text: "A & B".to_string(),
                        anchor: Some("wb-a".to_string()),
                    },
                    Block::Paragraph(vec![
                        Inline::Strong("Läge:".to_string()),
                        text(" *fas* "),
                        Inline::Number("3 av 5".to_string()),
                        Inline::Break,
                        Inline::Emphasis("pausat".to_string()),
                        text(" "),
                        Inline::Link {
                            anchor: "wb-a".to_string(),
                            text: "A".to_string(),
                        },
                    ]),
                    Block::Paragraph(vec![Inline::Written {
                        text: "Första\nraden\n\n# Andra".to_string(),
                        lang: "sv".to_string(),
                    }]),
                    Block::List(vec![vec![text("- ett")], vec![text("två")]]),
                    Block::Table(table.clone()),
                    Block::Chart(Chart {
                        svg: "<svg class=\"chart\"></svg>".to_string(),
                        caption: "Medel".to_string(),
                        description: vec![text("Skala 1–5.")],
                        data: Some(Table {
                            caption: None,
                            header: vec!["Dimension".to_string(), "Medel".to_string()],
                            rows: vec![vec![
                                vec![text("Mandat")],
                                vec![Inline::Number("3,5".to_string())],
                            ]],
                            cells: Cells::Values,
                        }),
                    }),
                    Block::Markdown {
                        text: "# Rubrik\n\n<b>x</b>".to_string(),
                        lang: "en".to_string(),
                        level: 3,
                    },
                ],
            },
            Block::Section {
                new_page: false,
                blocks: vec![],
            },
        ],
    }
}

#[cfg(test)]
mod demoting {
    #[test]
    fn a_notes_headings_go_below_the_one_it_stands_under_but_not_in_code() {
        let note = "# Ett\n### Tre\n##### Fem\n```\n# kod\n```\n#ingen rubrik";
        assert_eq!(
            super::demoted(note, 3),
            "#### Ett\n#### Tre\n##### Fem\n```\n# kod\n```\n#ingen rubrik"
        );
        assert_eq!(super::demoted("# A", 6), "###### A");
    }
}
