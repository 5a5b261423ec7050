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
    let text = args.text.unwrap_or_else(|| closed.headline());
    super::note::refuse_unwritable(&text, lang)?;
    let meta = Meta {
        kind: EntryKind::Done,
        date: crate::session::clock::now(lang)?,
        phase: closed.entry.meta.phase.clone(),
        by: Some(crate::session::clock::user()).filter(|u| !u.is_empty()),
        participants: Vec::new(),
        pack: wb.pack.id.clone(),
        pack_version: wb.pack.version.clone(),
        closes: vec![closed.id.clone()],
        owner: None,
        due: None,
        mitigation: None,
        follows: Some(crate::session::follows(&wb)),
    };
    let entry = Entry {
        meta,
        title: EntryKind::Done.label(lang).to_string(),
        body: Body::Text(text),
    };
    super::note::write_note(&wb, &entry, args.commit, ui, lang)
}

/// The entry `id` names, if it is an action or a risk still open; else why
/// it cannot be closed.
fn closable<'w>(wb: &'w Workbook, state: &State, id: &str, lang: Lang) -> Result<&'w LoadedEntry> {
    let Some(index) = wb.entries.iter().position(|e| e.id == id) else {
        bail!(tr!(
            lang,
            "ingen post har id:t `{id}`; `dino due` visar öppna åtgärder och risker med sina id; inget skrevs",
            "no entry has the id `{id}`; `dino due` shows open actions and risks with their ids; nothing was written"
        ));
    };
    let entry = &wb.entries[index];
    let kind = entry.entry.meta.kind;
    if !matches!(kind, EntryKind::Action | EntryKind::Risk) {
        bail!(tr!(
            lang,
            "`{id}` är en post av sorten `{}`, inte en åtgärd eller en risk; inget skrevs",
            "`{id}` is an entry of kind `{}`, not an action or a risk; nothing was written",
            kind.id()
        ));
    }
    let closer = state
        .notes
        .iter()
        .find(|n| n.entry == index)
        .and_then(|n| n.closed_by)
        .map(|at| &wb.entries[at]);
    if let Some(closer) = closer {
        let (by, date) = (&closer.id, closer.entry.meta.date.date());
        bail!(tr!(
            lang,
            "`{id}` är redan stängd, av `{by}` den {date}; inget skrevs",
            "`{id}` is closed already, by `{by}` on {date}; nothing was written"
        ));
    }
    Ok(entry)
}
