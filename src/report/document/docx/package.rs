//! The parts of a Word file around its body: the styles (real headings with
//! outline levels, the document's language in the defaults), the bullet and
//! number lists, the core properties (the title, no dates), A4 pages, and
//! the zip written with no clock in it.

use std::borrow::Cow;
use std::io::Cursor;

use anyhow::Context;
use docx_rust::Docx;
use docx_rust::content_type::OverrideContentType;
use docx_rust::core::{Core, CoreNamespace};
use docx_rust::document as w;
use docx_rust::formatting as f;
use docx_rust::rels::Relationship;
use docx_rust::styles as s;

/// The width of the text on an A4 page with 2 cm margins, in twentieths
/// of a point: what a table's columns share.
pub const TEXT_WIDTH: isize = 11906 - 2 * MARGIN;
const MARGIN: isize = 1134;

/// The list kinds the numbering part defines, by their `numId`.
pub const BULLETS: isize = 1;
/// The first ordered list's `numId`; each ordered list gets its own, so
/// that its numbers start where its Markdown says.
pub const FIRST_NUMBERED: isize = 2;
const BULLET_ABSTRACT: isize = 0;
const NUMBER_ABSTRACT: isize = 1;

/// Deepest list level the numbering defines (0-based).
pub const DEEPEST_LIST_LEVEL: isize = 2;

/// A whole package: the body, its styles and lists, the title and the
/// language, zipped.
pub fn pack(
    title: &str,
    lang: &str,
    body: Vec<w::BodyContent<'static>>,
    number_starts: &[isize],
) -> anyhow::Result<Vec<u8>> {
    let mut docx = Docx::default();
    for content in body {
        docx.document.push(content);
    }
    docx.document.push(page_setup());
    docx.styles = styles(lang);
    docx.numbering = Some(numbering(number_starts));
    // No app.xml is written, so nothing may claim one.
    docx.content_types
        .overrides
        .retain(|part| part.part != "/docProps/app.xml");
    docx.content_types.overrides.push(OverrideContentType {
        part: "/word/numbering.xml".into(),
        ty: "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml".into(),
    });
    // docx-rust names the core properties with a type no reader looks for;
    // this relationship, there first, is the one the standard gives.
    docx.rels.relationships.push(Relationship {
        id: "rIdCore".into(),
        target: "docProps/core.xml".into(),
        ty: "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
            .into(),
        target_mode: None,
    });
    docx.core = Some(Core::CoreNamespace(CoreNamespace {
        title: Some(title.to_string().into()),
        language: Some(lang.to_string().into()),
        ..Default::default()
    }));
    zip(docx)
}

/// Writes the package into memory. The zip crate is built without its
/// clock (no `time` feature), so every entry carries 1980-01-01.
fn zip(docx: Docx<'static>) -> anyhow::Result<Vec<u8>> {
    let mut docx: Docx<'_> = docx;
    let cursor = docx
        .write(Cursor::new(Vec::new()))
        .context("writing the Word document")?;
    Ok(cursor.into_inner())
}

/// A4 portrait with 2 cm margins.
fn page_setup() -> w::BodyContent<'static> {
    w::BodyContent::SectionProperty(f::SectionProperty {
        page_size: Some(f::PageSize {
            weight: 11906,
            height: 16838,
        }),
        page_margin: Some(f::PageMargin {
            top: Some(MARGIN),
            right: Some(MARGIN),
            bottom: Some(MARGIN),
            left: Some(MARGIN),
            header: Some(567),
            footer: Some(567),
            gutter: Some(0),
        }),
        ..Default::default()
    })
}

/// The styles: the defaults with the document's language, then each
/// paragraph and character style the writer uses.
fn styles(lang: &str) -> s::Styles<'static> {
    let defaults = s::DefaultStyle::default()
        .character(f::CharacterProperty {
            fonts: Some(font("Arial")),
            size: Some(f::Size::from(22isize)),
            lang: Some(f::Lang::default().val(lang.to_string())),
            ..Default::default()
        })
        .paragraph(f::ParagraphProperty::default().spacing(f::Spacing {
            after: Some(120),
            line: Some(264),
            ..Default::default()
        }));
    // A line spacing without a rule is proportional ("auto"): 264 is 1.1.
    let mut styles = s::Styles::new();
    styles.default(defaults);
    styles.styles.push(normal());
    styles.styles.extend((1..=6).map(heading));
    styles.styles.extend([
        meta(),
        caption(),
        list_style(super::style::LIST_BULLET, "List Bullet", Some(BULLETS)),
        list_style(super::style::LIST_NUMBER, "List Number", None),
        list_style(super::style::LIST_CONTINUE, "List Continue", None),
        quote(),
        code(),
        contents_entry(),
        hyperlink(),
    ]);
    styles
}

fn font(name: &str) -> f::Fonts {
    f::Fonts {
        ascii: Some(name.to_string()),
        h_ansi: Some(name.to_string()),
        custom: Some(name.to_string()),
        ..Default::default()
    }
}

fn paragraph_style(id: &'static str, name: &'static str) -> s::Style<'static> {
    let mut style = s::Style::new(s::StyleType::Paragraph, id).name(name);
    style.base = Some(s::BasedOn {
        value: super::style::NORMAL.into(),
    });
    style.next = Some(s::Next {
        value: super::style::NORMAL.into(),
    });
    style.q_format = Some(s::QFormat { value: None });
    style
}

fn normal() -> s::Style<'static> {
    let mut style = s::Style::new(s::StyleType::Paragraph, super::style::NORMAL).name("Normal");
    style.default = Some(true);
    style.q_format = Some(s::QFormat { value: None });
    style
}

/// "heading N": Word's own name, so that its navigation pane, its table of
/// contents and other readers know it; the outline level says the rank.
fn heading(level: u8) -> s::Style<'static> {
    let sizes = [32isize, 28, 26, 24, 22, 22];
    let mut style = paragraph_style(
        super::style::HEADINGS[level as usize - 1],
        HEADING_NAMES[level as usize - 1],
    );
    style.paragraph = Some(f::ParagraphProperty {
        keep_next: Some(f::KeepNext { value: None }),
        keep_lines: Some(f::KeepLines { value: None }),
        spacing: Some(f::Spacing {
            before: Some(if level <= 2 { 360 } else { 240 }),
            after: Some(120),
            ..Default::default()
        }),
        outline_lvl: Some(f::OutlineLvl {
            value: isize::from(level) - 1,
        }),
        ..Default::default()
    });
    style.character = Some(f::CharacterProperty {
        bold: Some(f::Bold::from(true)),
        color: Some(f::Color::from("102A43")),
        size: Some(f::Size::from(sizes[level as usize - 1])),
        italics: (level >= 5).then(|| f::Italics::from(true)),
        ..Default::default()
    });
    style
}

const HEADING_NAMES: [&str; 6] = [
    "heading 1",
    "heading 2",
    "heading 3",
    "heading 4",
    "heading 5",
    "heading 6",
];

fn meta() -> s::Style<'static> {
    let mut style = paragraph_style(super::style::META, "Meta");
    style.character = Some(f::CharacterProperty {
        color: Some(f::Color::from("595959")),
        size: Some(f::Size::from(18isize)),
        ..Default::default()
    });
    style
}

fn caption() -> s::Style<'static> {
    let mut style = paragraph_style(super::style::CAPTION, "caption");
    style.paragraph = Some(f::ParagraphProperty {
        keep_next: Some(f::KeepNext { value: None }),
        spacing: Some(f::Spacing {
            before: Some(120),
            after: Some(60),
            ..Default::default()
        }),
        ..Default::default()
    });
    style.character = Some(f::CharacterProperty {
        bold: Some(f::Bold::from(true)),
        size: Some(f::Size::from(20isize)),
        ..Default::default()
    });
    style
}

fn list_style(id: &'static str, name: &'static str, bullets: Option<isize>) -> s::Style<'static> {
    let mut style = paragraph_style(id, name);
    style.paragraph = Some(f::ParagraphProperty {
        numbering: bullets.map(|id| f::NumberingProperty {
            id: Some(f::NumberingId { value: id }),
            ..Default::default()
        }),
        spacing: Some(f::Spacing {
            after: Some(60),
            ..Default::default()
        }),
        indent: bullets.is_none().then(|| indent(360)),
        ..Default::default()
    });
    style
}

fn indent(left: isize) -> f::Indent {
    f::Indent {
        left: Some(left),
        ..Default::default()
    }
}

fn quote() -> s::Style<'static> {
    let mut style = paragraph_style(super::style::QUOTE, "Quote");
    style.paragraph = Some(f::ParagraphProperty {
        indent: Some(indent(567)),
        ..Default::default()
    });
    style.character = Some(f::CharacterProperty {
        color: Some(f::Color::from("334E68")),
        italics: Some(f::Italics::from(true)),
        ..Default::default()
    });
    style
}

fn code() -> s::Style<'static> {
    let mut style = paragraph_style(super::style::CODE, "Code");
    style.paragraph = Some(f::ParagraphProperty {
        spacing: Some(f::Spacing {
            after: Some(0),
            line: Some(240),
            ..Default::default()
        }),
        ..Default::default()
    });
    style.character = Some(f::CharacterProperty {
        fonts: Some(font("Courier New")),
        size: Some(f::Size::from(20isize)),
        ..Default::default()
    });
    style
}

fn contents_entry() -> s::Style<'static> {
    let mut style = paragraph_style(super::style::CONTENTS, "toc 1");
    style.paragraph = Some(f::ParagraphProperty {
        spacing: Some(f::Spacing {
            after: Some(60),
            ..Default::default()
        }),
        ..Default::default()
    });
    style
}

fn hyperlink() -> s::Style<'static> {
    let mut style =
        s::Style::new(s::StyleType::Character, super::style::HYPERLINK).name("Hyperlink");
    style.character = Some(f::CharacterProperty {
        color: Some(f::Color::from("0B4F8A")),
        underline: Some(f::Underline {
            val: Some(f::UnderlineStyle::Single),
            ..Default::default()
        }),
        ..Default::default()
    });
    style
}

/// Bullets (•, ◦, ▪ by depth) and one numbered list per ordered list in
/// the document, each starting at its own first number.
fn numbering(number_starts: &[isize]) -> w::Numbering<'static> {
    let bullet = |level: isize| {
        let glyph = ["•", "◦", "▪"][level as usize % 3];
        list_level(level, "bullet", glyph.to_string())
    };
    let number = |level: isize| list_level(level, "decimal", format!("%{}.", level + 1));
    let mut numbering = w::Numbering {
        abstract_numberings: vec![
            abstract_list(
                BULLET_ABSTRACT,
                (0..=DEEPEST_LIST_LEVEL).map(bullet).collect(),
            ),
            abstract_list(
                NUMBER_ABSTRACT,
                (0..=DEEPEST_LIST_LEVEL).map(number).collect(),
            ),
        ],
        numberings: vec![list_instance(BULLETS, BULLET_ABSTRACT, None)],
    };
    for (n, start) in number_starts.iter().enumerate() {
        let id = FIRST_NUMBERED + n as isize;
        numbering
            .numberings
            .push(list_instance(id, NUMBER_ABSTRACT, Some(*start)));
    }
    numbering
}

fn abstract_list(id: isize, levels: Vec<w::Level<'static>>) -> w::AbstractNum<'static> {
    w::AbstractNum {
        abstract_num_id: Some(id),
        multi_level_type: Some(w::MultiLevelType {
            value: "hybridMultilevel".into(),
        }),
        levels,
        ..Default::default()
    }
}

fn list_level(level: isize, format: &'static str, text: String) -> w::Level<'static> {
    w::Level {
        i_level: Some(level),
        start: Some(w::LevelStart { value: Some(1) }),
        number_format: Some(w::NumFmt {
            value: Cow::Borrowed(format),
        }),
        level_text: Some(w::LevelText {
            value: Some(text.into()),
        }),
        // "left", not "start": older Words know only the first.
        justification: Some(w::LevelJustification {
            value: f::JustificationVal::Left,
        }),
        p_pr: Some(w::PPr {
            indent: Some(f::Indent {
                left: Some(360 * (level + 1)),
                hanging: Some(360),
                ..Default::default()
            }),
        }),
        r_pr: Vec::new(),
    }
}

fn list_instance(id: isize, abstract_id: isize, start: Option<isize>) -> w::Num {
    w::Num {
        num_id: Some(id),
        abstract_num_id: Some(w::AbstractNumId {
            value: Some(abstract_id),
        }),
        level_overrides: start
            .map(|start| w::LevelOverride {
                i_level: Some(0),
                start_override: Some(w::StartOverride { value: Some(start) }),
            })
            .into_iter()
            .collect(),
    }
}
