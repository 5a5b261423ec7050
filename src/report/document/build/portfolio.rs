//! A portfolio's head as document blocks: its title and day, a linked
//! table of contents, the overview (each workbook's name a link to its
//! section) and the readiness across the projects. Each workbook's section
//! follows, built one at a time by [`super::section`].

use super::{Shape, day_line, value};
use crate::report::OverviewRow;
use crate::report::document::words as doc_words;
use crate::report::document::{Block, Cells, Inline, Table};
use crate::report::words;

/// The head: title, day, contents (unless `summary`, which has no
/// sections to link to), the overview and the readiness across the
/// projects.
pub fn head(rows: &[OverviewRow], as_of: &str, shape: Shape, summary: bool) -> Vec<Block> {
    let lang = shape.lang;
    let mut meta = day_line(as_of, shape);
    meta.push(Inline::Text(format!(
        " {}",
        words::workbooks_sentence(rows.len(), lang)
    )));
    let mut out = vec![
        Block::Heading {
            level: 1,
            text: doc_words::portfolio_title(lang).to_string(),
            anchor: None,
        },
        Block::Meta(meta),
    ];
    if !summary && !rows.is_empty() {
        out.push(Block::Contents {
            title: doc_words::contents(lang).to_string(),
            entries: rows
                .iter()
                .map(|r| (r.anchor.clone(), r.name.clone()))
                .collect(),
        });
    }
    out.push(heading(doc_words::overview(lang)));
    out.push(overview(rows, !summary, lang));
    if let Some(table) = readiness_across(rows, lang) {
        out.push(heading(doc_words::readiness_across(lang)));
        out.push(Block::Paragraph(vec![Inline::Text(
            doc_words::readiness_across_sentence(lang).to_string(),
        )]));
        out.push(Block::Table(table));
    }
    out
}

fn heading(text: &str) -> Block {
    Block::Heading {
        level: 2,
        text: text.to_string(),
        anchor: None,
    }
}

/// A row per workbook, its name a link to its section when `linked`.
fn overview(rows: &[OverviewRow], linked: bool, lang: crate::i18n::Lang) -> Block {
    let rows = rows
        .iter()
        .map(|row| {
            let mut cells = row.cells(lang).into_iter();
            let name = cells.next().unwrap_or_default();
            let first = if linked {
                Inline::Link {
                    anchor: row.anchor.clone(),
                    text: name,
                }
            } else {
                Inline::Text(name)
            };
            std::iter::once(vec![first])
                .chain(cells.map(|c| value(&c)))
                .collect()
        })
        .collect();
    Block::Table(Table {
        caption: None,
        header: OverviewRow::header(lang).map(str::to_string).to_vec(),
        rows,
        cells: Cells::Values,
    })
}

/// Project × readiness dimension: each project's latest mean per
/// dimension and the day of its latest assessment, a dash where there
/// is none; no table when no project has assessed its readiness.
fn readiness_across(rows: &[OverviewRow], lang: crate::i18n::Lang) -> Option<Table> {
    if rows.iter().all(|r| r.readiness.is_none()) {
        return None;
    }
    let mut dimensions: Vec<&str> = Vec::new();
    for latest in rows.iter().filter_map(|r| r.readiness.as_ref()) {
        for (title, _) in &latest.means {
            if !dimensions.contains(&title.as_str()) {
                dimensions.push(title);
            }
        }
    }
    let mut header: Vec<String> = doc_words::project_and_latest(lang)
        .map(str::to_string)
        .to_vec();
    header.extend(dimensions.iter().map(|d| d.to_string()));
    let table_rows = rows
        .iter()
        .map(|row| {
            let latest = row.readiness.as_ref();
            let day = latest.map_or_else(|| "–".to_string(), |l| l.date.clone());
            let mut cells = vec![vec![Inline::Text(row.name.clone())], value(&day)];
            cells.extend(dimensions.iter().map(|d| {
                let mean = latest
                    .and_then(|l| l.means.iter().find(|(t, _)| t == d))
                    .and_then(|m| m.1);
                vec![Inline::Number(words::score(mean, lang))]
            }));
            cells
        })
        .collect();
    Some(Table {
        caption: None,
        header,
        rows: table_rows,
        cells: Cells::Values,
    })
}
