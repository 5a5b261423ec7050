//! `dino resolve ITEM`: settles a disagreement, where two branches answered
//! an item without either having seen the other. It writes a session entry
//! of one record that follows both sides: the answer kept (`--keep ENTRY`),
//! one typed (`--take VALUE`), or at a terminal one chosen with both shown
//! whole, who gave each and when.

use std::path::PathBuf;

use anyhow::{Result, bail};
use clap::Args;

use crate::i18n::Lang;
use crate::log::{Body, Entry, EntryKind, Record};
use crate::pack::condition::Value;
use crate::pack::{Item, Kind};
use crate::report::state_words::answer_in_line;
use crate::state::answer::Given;
use crate::state::{Disagreement, Side, State, fold};
use crate::text::terminal_md::visible;
use crate::tr;
use crate::ui::Ui;
use crate::workbook::Workbook;

/// Settle a disagreement: the answer that is to count, in an entry of its own
///
/// Two branches that answered an item without having seen each other's
/// answer are in disagreement (`dino status` shows it). The entry written
/// follows both, so the answer it gives counts and the disagreement is
/// settled. A gate decided differently is settled by a new decision
/// (`dino gate PHASE --decision …`).
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  dino resolve initiering.malbild\n  dino resolve malbild --keep 3f9a1c\n  dino resolve budget --take \"150 000 kronor, till och med juni\" --commit"
)]
pub struct ResolveArgs {
    /// The item in disagreement: PHASE.ITEM, or the item's id alone
    #[arg(value_name = "ITEM")]
    pub item: String,

    /// Keep the answer given in this entry (its id, as `dino status` and
    /// `dino log --item` show it)
    #[arg(long, value_name = "ENTRY", conflicts_with = "take")]
    pub keep: Option<String>,

    /// Give this answer instead (a text, number, date or a choice's id)
    #[arg(long, value_name = "VALUE")]
    pub take: Option<String>,

    /// Commit the entry written with git (outside a repository: a note, no commit)
    #[arg(long)]
    pub commit: bool,
}

pub fn run(args: ResolveArgs, ui: &Ui) -> Result<()> {
    let wb = super::workbooks::open_current(ui)?;
    let lang = ui.lang_for(wb.language());
    let state = fold(&wb);
    let (phase, item) = super::log::item_of(&wb, &args.item, lang)?;
    let Some(d) = disagreement(&state, &phase, &item) else {
        bail!(tr!(
            lang,
            "`{phase}.{item}` är inte i oenighet; inget skrevs (`dino status` visar oenigheterna)",
            "`{phase}.{item}` is in no disagreement; nothing was written (`dino status` shows the disagreements)"
        ));
    };
    let Some(item_def) = wb.pack.phase(&phase).and_then(|p| p.item(&item)) else {
        bail!(tr!(
            lang,
            "paketet har ingen punkt `{phase}.{item}`",
            "the pack has no item `{phase}.{item}`"
        ));
    };
    super::committing::check_log(args.commit, &wb.root, ui, lang)?;
    let record = match (&args.keep, &args.take) {
        (Some(id), _) => kept(&wb, d, id, lang)?,
        (None, Some(value)) => taken(&wb, item_def, value, lang)?,
        (None, None) => match chosen(&wb, d, ui, lang)? {
            Some(record) => record,
            None => return Ok(()),
        },
    };
    let path = write(&wb, &phase, record, lang)?;
    crate::out::unless_reader_left(crate::out::line(ui.shown(&path)))?;
    if args.commit {
        let what = tr!(
            lang,
            "oenighet avgjord: {phase}.{item}",
            "disagreement settled: {phase}.{item}"
        );
        let message = super::committing::subject(&wb.file.name, &what);
        super::committing::commit(&wb.root, &[path], &message, ui, lang)?;
    }
    Ok(())
}

/// The disagreement on `item` of `phase`, if there is one.
fn disagreement<'s>(state: &'s State, phase: &str, item: &str) -> Option<&'s Disagreement> {
    state
        .disagreements
        .iter()
        .find(|d| d.phase == phase && d.item.as_deref() == Some(item))
}

/// Every side of a disagreement: the one that counts now first.
fn sides(d: &Disagreement) -> Vec<&Side> {
    std::iter::once(&d.kept).chain(&d.set_aside).collect()
}

/// The record of `side` as it stands in its entry, without the actions
/// raised beside it (they stay where they were raised).
fn record_of(wb: &Workbook, side: &Side, item: &str) -> Option<Record> {
    let Body::Records(records) = &wb.entries[side.entry].entry.body else {
        return None;
    };
    let record = records.iter().find(|r| !r.criterion && r.item == item)?;
    Some(Record {
        actions: Vec::new(),
        ..record.clone()
    })
}

/// `--keep ENTRY`: the answer that side gave.
fn kept(wb: &Workbook, d: &Disagreement, id: &str, lang: Lang) -> Result<Record> {
    let item = d.item.as_deref().unwrap_or_default();
    let side = sides(d).into_iter().find(|s| wb.entries[s.entry].id == id);
    match side.and_then(|s| record_of(wb, s, item)) {
        Some(record) => Ok(record),
        None => {
            let ids: Vec<&str> = sides(d)
                .iter()
                .map(|s| wb.entries[s.entry].id.as_str())
                .collect();
            bail!(tr!(
                lang,
                "--keep {id}: ingen av sidorna i oenigheten; de står i {}",
                "--keep {id}: none of the sides of the disagreement; they are in {}",
                ids.join(", ")
            ))
        }
    }
}

/// `--take VALUE`: a value typed for the item's kind.
fn taken(wb: &Workbook, item: &Item, value: &str, lang: Lang) -> Result<Record> {
    let value = match &item.kind {
        Kind::Text { .. } | Kind::Date | Kind::Number { .. } => {
            crate::state::answer::typed_in(&item.kind, value).map_err(|m| anyhow::anyhow!(m))?
        }
        Kind::Choice { options } => {
            let Some(choice) = options.iter().find(|o| {
                o.id == value
                    || o.label.get(Lang::Sv).eq_ignore_ascii_case(value)
                    || o.label.get(Lang::En).eq_ignore_ascii_case(value)
            }) else {
                let ids: Vec<&str> = options.iter().map(|o| o.id.as_str()).collect();
                bail!(tr!(
                    lang,
                    "--take {value}: inget av svarsalternativen ({})",
                    "--take {value}: none of the options ({})",
                    ids.join(", ")
                ));
            };
            Value::Str(choice.id.clone())
        }
        _ => bail!(tr!(
            lang,
            "--take tar text, tal, datum eller ett val; ge `--keep ENTRY` eller kör `dino run` för den här punkten",
            "--take takes a text, number, date or choice; give `--keep ENTRY`, or run `dino run` for this item"
        )),
    };
    let text_lang = wb.pack.lang_for(wb.language());
    let given = Given::Value(value);
    Ok(Record {
        item: item.id.clone(),
        criterion: false,
        prompt: item.prompt.get(text_lang).to_string(),
        answer: crate::state::answer::to_answer(item, &given, text_lang),
        note: None,
        respondent: None,
        actions: Vec::new(),
    })
}

/// At a terminal: both sides shown whole, with who and when, and one
/// chosen; `None` when the room leaves it for now.
fn chosen(wb: &Workbook, d: &Disagreement, ui: &Ui, lang: Lang) -> Result<Option<Record>> {
    use std::io::IsTerminal;
    if ui.no_input || !std::io::stdin().is_terminal() || !std::io::stderr().is_terminal() {
        bail!(tr!(
            lang,
            "utan terminal: ge `--keep ENTRY` (en av sidorna) eller `--take VÄRDE`",
            "without a terminal: give `--keep ENTRY` (one of the sides) or `--take VALUE`"
        ));
    }
    let item = d.item.as_deref().unwrap_or_default();
    let sides = sides(d);
    let mut labels: Vec<String> = sides
        .iter()
        .map(|s| {
            let meta = &wb.entries[s.entry].entry.meta;
            format!(
                "{} ({}, {}, {})",
                lang.quote(&answer_in_line(&s.answer, lang)),
                meta.date.short(),
                visible(meta.by.as_deref().unwrap_or("–")),
                wb.entries[s.entry].id
            )
        })
        .collect();
    labels.push(lang.pick("Avgör senare", "Settle later").to_string());
    let mut prompter = crate::session::prompt::term::TermPrompter::new(lang);
    let prompt = tr!(
        lang,
        "Vilket svar ska gälla för {}?",
        "Which answer is to count for {}?",
        visible(&format!("{}.{item}", d.phase))
    );
    let at = crate::session::prompt::Prompter::select(&mut prompter, &prompt, &labels, 0)?;
    Ok(sides.get(at).and_then(|s| record_of(wb, s, item)))
}

/// The entry that settles it: a session of `phase` with the one record,
/// following the log's newest entries (both sides among them).
fn write(wb: &Workbook, phase: &str, record: Record, lang: Lang) -> Result<PathBuf> {
    let text_lang = wb.pack.lang_for(wb.language());
    let mut meta = crate::session::note_meta(wb, EntryKind::Session, lang)?;
    meta.phase = Some(phase.to_string());
    let title = wb
        .pack
        .phase(phase)
        .map_or(phase.to_string(), |p| p.title.get(text_lang).to_string());
    let entry = Entry {
        title: format!("{title} · {}", meta.date.date()),
        meta,
        body: Body::Records(vec![record]),
    };
    crate::session::write_log_entry(wb, &entry, text_lang, lang)
}
