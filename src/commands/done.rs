//! `dino done ID [TEXT]`: closes an action or a risk with an entry of its
//! own (kind `done`), never by editing the entry that raised it.

use anyhow::{Result, bail};
use clap::Args;

use crate::i18n::Lang;
use crate::log::{Body, Entry, EntryKind, Meta};
use crate::state::{State, fold};
use crate::tr;
use crate::ui::Ui;
use crate::workbook::{LoadedEntry, Workbook};

/// Close an action or a risk: write an entry that says it is done
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  dino done 7a41c0\n  dino done 7a41c0 \"Mötet hölls; siffrorna finns i bilaga 2\" --commit"
)]
pub struct DoneArgs {
    /// The action or risk, by the id `dino due` and `dino log` show
    #[arg(value_name = "ID")]
    pub id: String,

    /// How it went (Markdown, kept as written) [default: what it said]
    pub text: Option<String>,

    /// Commit the files written with git (outside a repository: a note, no commit)
    #[arg(long)]
    pub commit: bool,
}

pub fn run(args: DoneArgs, ui: &Ui) -> Result<()> {
    let wb = super::workbooks::open_current(ui)?;
    let lang = ui.lang_for(wb.language());
    let state = fold(&wb);
    let closed = closable(&wb, &state, &args.id, lang)?;
    super::committing::check_log(args.commit, &wb.root, ui, lang)?;
    let text = args.text.unwrap_or(closed.text);
    crate::session::note_text::refuse_unwritable(&text, lang)?;
    let meta = Meta {
        alone: false,
        phase: closed.phase,
        closes: vec![args.id.clone()],
        ..crate::session::note_meta(&wb, EntryKind::Done, lang)?
    };
    let entry = Entry {
        meta,
        title: EntryKind::Done.label(wb.language()).to_string(),
        body: Body::Text(text),
    };
    super::note::write_note(&wb, &entry, args.commit, ui, lang)
}

/// What is closed: its phase, and what it said (the closing's text when
/// none is given).
struct Closable {
    phase: Option<String>,
    text: String,
}

/// The action or risk `id` names, if it is still open; else why it cannot
/// be closed. An action raised in a session or at a gate is named by its
/// entry's id and its number (`3f9a1c-1`).
fn closable(wb: &Workbook, state: &State, id: &str, lang: Lang) -> Result<Closable> {
    if let Some(at) = state.closed.get(id) {
        let closer = &wb.entries[*at];
        let (by, date) = (&closer.id, closer.entry.meta.date.date());
        bail!(tr!(
            lang,
            "`{id}` är redan stängd, av `{by}` den {date}; inget skrevs",
            "`{id}` is closed already, by `{by}` on {date}; nothing was written"
        ));
    }
    if let Some(entry) = wb.entries.iter().find(|e| e.id == id) {
        return noted(entry, id, lang);
    }
    raised(wb, id).ok_or_else(|| {
        anyhow::anyhow!(tr!(
            lang,
            "ingen åtgärd eller risk har id:t `{id}`; `dino due` visar de öppna med sina id; inget skrevs",
            "no action or risk has the id `{id}`; `dino due` shows the open ones with their ids; nothing was written"
        ))
    })
}

/// An entry of its own: closable if it is an action or a risk.
fn noted(entry: &LoadedEntry, id: &str, lang: Lang) -> Result<Closable> {
    let kind = entry.entry.meta.kind;
    if !matches!(kind, EntryKind::Action | EntryKind::Risk) {
        bail!(tr!(
            lang,
            "`{id}` är en post av sorten `{}`, inte en åtgärd eller en risk; inget skrevs",
            "`{id}` is an entry of kind `{}`, not an action or a risk; nothing was written",
            kind.id()
        ));
    }
    Ok(Closable {
        phase: entry.entry.meta.phase.clone(),
        text: entry.headline(),
    })
}

/// An action raised beside a record of a session or a gate decision.
fn raised(wb: &Workbook, id: &str) -> Option<Closable> {
    let (entry, action) = wb.raised_action(id)?;
    Some(Closable {
        phase: entry.entry.meta.phase.clone(),
        text: action.text.clone(),
    })
}
