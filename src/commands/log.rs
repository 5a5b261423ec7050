//! `dino log [PATH]`: a workbook's entries in log order, one line each; as
//! JSON, with every recorded value.

use std::path::PathBuf;

use anyhow::Result;
use clap::Args;

use super::Format;
use crate::i18n::Lang;
use crate::log::{Answer, Body, EntryKind};
use crate::report::json;
use crate::report::status_view::shorten;
use crate::text::table::new_table;
use crate::text::terminal_md::visible;
use crate::ui::Ui;
use crate::workbook::{LoadedEntry as Loaded, Workbook};

mod history;

pub(crate) use history::item_of;

/// The commit that added each entry, by its file name, where git knows it.
type Authors = std::collections::BTreeMap<String, crate::git::Added>;

/// List the log: every entry in order, one line each
///
/// Date, kind, phase, title, who wrote it and id; and the commit that
/// added it, where git knows.
#[derive(Debug, Args)]
pub struct LogArgs {
    /// The workbook [default: the one this folder is in]
    #[arg(value_name = "PATH")]
    pub path: Option<PathBuf>,

    /// Output format; JSON carries every recorded value
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,

    /// Every value one item has had instead: PHASE.ITEM (or the item's id
    /// alone), with who gave it, when, in which entry and commit, and
    /// whether it counts
    #[arg(long, value_name = "ID")]
    pub item: Option<String>,
}

/// A gate entry's title with the decision it records (`… → Fortsätt`).
fn gate_title(entry: &crate::workbook::LoadedEntry) -> String {
    let decided = match &entry.entry.body {
        Body::Records(records) => records
            .iter()
            .filter(|r| !r.criterion && r.item == "decision")
            .find_map(|r| match &r.answer {
                Answer::Options(options) => options.iter().find(|o| o.ticked),
                _ => None,
            })
            .map(|o| o.label.clone()),
        Body::Text(_) => None,
    };
    match decided {
        Some(label) => format!("{} → {label}", entry.entry.title),
        None => entry.entry.title.clone(),
    }
}

pub fn run(args: LogArgs, ui: &Ui) -> Result<()> {
    let wb = match &args.path {
        Some(path) => super::workbooks::open(path, ui)?,
        None => super::workbooks::open_current(ui)?,
    };
    let lang = ui.lang_for(wb.language());
    if wb.findings.iter().any(|f| f.file.ends_with(".md")) {
        ui.note(&crate::tr!(
            lang,
            "några poster kunde inte läsas helt; `dino check` visar var",
            "some entries could not be read in full; `dino check` shows where"
        ));
    }
    if let Some(written) = &args.item {
        return item_history(&wb, written, args.format, ui, lang);
    }
    // The commit that added each entry, where git knows it.
    let authors = crate::git::log_added(&wb.root);
    let out = match args.format {
        Format::Json => as_json(&wb, &authors)?,
        Format::Table => as_table(&wb, &authors, ui, lang),
    };
    let out = match args.format {
        Format::Table => crate::text::terminal_md::visible_lines(&out),
        Format::Json => out,
    };
    super::status::write_out(&out)
}

/// `--item`: every value the item has had.
fn item_history(wb: &Workbook, written: &str, format: Format, ui: &Ui, lang: Lang) -> Result<()> {
    let (phase, item) = history::item_of(wb, written, lang)?;
    let state = crate::state::fold(wb);
    let commits = crate::git::log_added(&wb.root);
    let item = (phase.as_str(), item.as_str());
    let out = match format {
        Format::Json => history::json(wb, &state, item, &commits, lang)?,
        Format::Table => crate::text::terminal_md::visible_lines(&history::table(
            wb, &state, item, &commits, ui, lang,
        )),
    };
    super::status::write_out(&out)
}

/// The log as JSON, each entry with the commit that added it.
fn as_json(wb: &Workbook, authors: &Authors) -> Result<String> {
    let mut doc = json::log(wb);
    if let Some(entries) = doc["entries"].as_array_mut() {
        for (entry, loaded) in entries.iter_mut().zip(&wb.entries) {
            let added = authors.get(&loaded.name);
            entry["commit"] = added.map_or(serde_json::Value::Null, |a| a.commit.clone().into());
            entry["committed_by"] =
                added.map_or(serde_json::Value::Null, |a| a.author.clone().into());
        }
    }
    Ok(json::pretty(&doc)? + "\n")
}

/// The log as a table, a row per entry (a note when it is empty).
fn as_table(wb: &Workbook, authors: &Authors, ui: &Ui, lang: Lang) -> String {
    let mut header = vec![
        lang.pick("Datum", "Date").to_string(),
        lang.pick("Sort", "Kind").to_string(),
        lang.pick("Fas", "Phase").to_string(),
        lang.pick("Titel", "Title").to_string(),
        lang.pick("Av", "By").to_string(),
        "Id".to_string(),
    ];
    if !authors.is_empty() {
        header.push("Commit".to_string());
    }
    let mut table = new_table(header, ui.terminal_width());
    for entry in &wb.entries {
        table.add_row(row(wb, entry, authors, ui, lang));
    }
    if wb.entries.is_empty() {
        ui.note(lang.pick("loggen är tom", "the log is empty"));
        String::new()
    } else {
        format!("{table}\n")
    }
}

/// An entry's row: date, kind, phase, title, who wrote it, id, and the
/// commit that added it. Who wrote it is what the entry records, which a
/// rebase or a squash merge keeps; git's author is the fallback for an
/// entry that names nobody.
fn row(wb: &Workbook, entry: &Loaded, authors: &Authors, ui: &Ui, lang: Lang) -> Vec<String> {
    let text_lang = wb.pack.lang_for(lang);
    let meta = &entry.entry.meta;
    let phase = meta.phase.as_deref().map_or_else(
        || "–".to_string(),
        |id| {
            wb.pack
                .phase(id)
                .map_or(id.to_string(), |p| p.title.get(text_lang).to_string())
        },
    );
    let title = match meta.kind {
        EntryKind::Gate => gate_title(entry),
        kind if kind.is_note() => entry.headline(),
        _ => entry.entry.title.clone(),
    };
    let title = if ui.stdout_tty {
        shorten(&title, 80)
    } else {
        title
    };
    let added = authors.get(&entry.name);
    let by = meta
        .by
        .as_deref()
        .or(added.map(|a| a.author.as_str()))
        .filter(|by| !by.trim().is_empty())
        .unwrap_or("–");
    let mut row = vec![
        meta.date.short(),
        meta.kind.label(lang).to_string(),
        visible(&phase),
        visible(&title),
        visible(by),
        visible(&entry.id),
    ];
    if !authors.is_empty() {
        row.push(added.map_or("–".to_string(), |a| visible(&a.commit)));
    }
    row
}
