//! `dino measure ID VALUE [--date D] [--source TEXT]`: a measurement of an
//! indicator, written as an entry of its own (kind `measure`).

use anyhow::{Result, bail};
use clap::Args;

use crate::i18n::Lang;
use crate::log::{Body, Entry, EntryKind, Measure, Meta};
use crate::pack::Kind;
use crate::state::answer::format_number;
use crate::state::fold;
use crate::state::indicators::{IndicatorState, indicators};
use crate::tr;
use crate::ui::Ui;
use crate::workbook::Workbook;

/// Record a measurement of an indicator
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  dino measure test.effekt 95\n  dino measure effekt 87,5 --date 2026-10-01 --source \"Ärendesystemet\" --commit"
)]
pub struct MeasureArgs {
    /// The indicator, `phase.item` (or the item's id alone when no other phase has it)
    #[arg(value_name = "ID")]
    pub id: String,

    /// The value measured, a number (a decimal comma is fine)
    #[arg(value_name = "VALUE", allow_negative_numbers = true)]
    pub value: String,

    /// The day it was measured, YYYY-MM-DD [default: today]
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,

    /// Where the value comes from
    #[arg(long, value_name = "TEXT")]
    pub source: Option<String>,

    /// Commit the files written with git (outside a repository: a note, no commit)
    #[arg(long)]
    pub commit: bool,
}

pub fn run(args: MeasureArgs, ui: &Ui) -> Result<()> {
    let wb = super::workbooks::open_current(ui)?;
    let lang = ui.lang_for(wb.language());
    let id = indicator_id(&wb, &args.id, lang)?;
    super::committing::check_log(args.commit, &wb.root, ui, lang)?;
    let state = fold(&wb);
    let defined = indicators(&wb, &state);
    let Some(indicator) = defined.iter().find(|i| i.id() == id) else {
        bail!(tr!(
            lang,
            "indikatorn `{id}` är inte definierad än: besvara den i en session (`dino run`) först; inget skrevs",
            "the indicator `{id}` is not defined yet: answer it in a session (`dino run`) first; nothing was written"
        ));
    };
    let value = number(&args.value, lang)?;
    let now = crate::session::clock::now(lang)?;
    let measured = match &args.date {
        Some(day) => super::note::due_day(day, lang)?,
        None => now.date(),
    };
    let baseline = indicator.indicator.baseline_date;
    if let Err(why) = crate::state::answer::measured_day(measured, now.date(), Some(baseline)) {
        bail!(tr!(
            lang,
            "{why}; inget skrevs",
            "{why}; nothing was written"
        ));
    }
    let source = args
        .source
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty());
    if let Some(source) = &source {
        crate::session::note_text::refuse_unwritable(source, lang)?;
    }
    let meta = Meta {
        alone: false,
        date: now,
        phase: Some(indicator.phase.clone()),
        measure: Some(Measure {
            indicator: id.clone(),
            value,
            measured,
            source,
        }),
        ..crate::session::note_meta(&wb, EntryKind::Measure, lang)?
    };
    let entry = Entry {
        meta,
        title: EntryKind::Measure.label(wb.language()).to_string(),
        body: Body::Text(headline(indicator, value, lang)),
    };
    super::note::write_note(&wb, &entry, args.commit, ui, lang)
}

/// The entry's text: the indicator's name, the value and its unit.
fn headline(indicator: &IndicatorState, value: f64, lang: Lang) -> String {
    let i = &indicator.indicator;
    let value = format_number(value, lang);
    let line = if i.unit.is_empty() {
        format!("{}: {value}", i.name)
    } else {
        format!("{}: {value} {}", i.name, i.unit)
    };
    crate::text::markdown::escape(&line.replace(['\r', '\n'], " "))
}

/// The indicator `written` names: `phase.item`, or an item id that one
/// indicator item alone has; else the closest is suggested.
fn indicator_id(wb: &Workbook, written: &str, lang: Lang) -> Result<String> {
    let all: Vec<String> = wb
        .pack
        .phases
        .iter()
        .flat_map(|p| {
            p.items
                .iter()
                .filter(|i| matches!(i.kind, Kind::Indicator { .. }))
                .map(move |i| format!("{}.{}", p.id, i.id))
        })
        .collect();
    if all.iter().any(|id| id == written) {
        return Ok(written.to_string());
    }
    let bare: Vec<&String> = all
        .iter()
        .filter(|id| id.split_once('.').is_some_and(|(_, item)| item == written))
        .collect();
    if let [one] = bare.as_slice() {
        return Ok((*one).clone());
    }
    if all.is_empty() {
        bail!(tr!(
            lang,
            "paketet har inga indikatorer; inget skrevs",
            "the pack has no indicators; nothing was written"
        ));
    }
    // Near as written, or near by the item's id alone.
    let near = crate::finding::closest(written, all.iter().map(String::as_str))
        .or_else(|| {
            let items = all
                .iter()
                .filter_map(|id| id.split_once('.').map(|(_, i)| i));
            let item = crate::finding::closest(written, items)?;
            all.iter()
                .find(|id| id.ends_with(&format!(".{item}")))
                .map(String::as_str)
        })
        .map(|near| tr!(lang, "; menar du `{near}`?", "; did you mean `{near}`?"))
        .unwrap_or_default();
    bail!(tr!(
        lang,
        "ingen indikator heter `{written}`{near} (indikatorerna: {}); inget skrevs",
        "no indicator is called `{written}`{near} (the indicators: {}); nothing was written",
        all.join(", ")
    ))
}

/// A value as given: a finite number, with `.` or `,` as decimal mark.
fn number(text: &str, lang: Lang) -> Result<f64> {
    match text.trim().replace(',', ".").parse::<f64>() {
        Ok(n) if n.is_finite() => Ok(n),
        _ => bail!(tr!(
            lang,
            "`{text}` är inget tal; skriv värdet som 95 eller 87,5; inget skrevs",
            "`{text}` is not a number; write the value as 95 or 87.5; nothing was written"
        )),
    }
}
