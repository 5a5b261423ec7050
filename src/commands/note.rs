//! `dino note KIND [TEXT]`: a decision, risk, insight, lesson, note or
//! action, written as an entry of its own in the current workbook's log;
//! an action (and a risk, if it likes) with its owner and due day.

use std::io::{IsTerminal, Read};

use anyhow::{Result, bail};
use clap::{Args, ValueEnum};

use crate::i18n::Lang;
use crate::log::{Body, Entry, EntryKind, Meta};
use crate::state::{Current, fold};
use crate::tr;
use crate::ui::Ui;
use crate::workbook::Workbook;

/// Write a decision, risk, insight, lesson, note or action into the log
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  dino note decision \"Vi prövar i två skolor först\"\n  dino note action \"Boka möte med AF\" --owner \"Karin Lindqvist\" --due 2026-03-31\n  dino note risk \"Piloten saknar lärare\" --owner Eva --due 2026-04-15 --mitigation \"Fråga Komvux\"\n  dino note lesson --closes a1bf6e \"Budgeten räckte\""
)]
pub struct NoteArgs {
    /// The kind of entry
    #[arg(value_enum, ignore_case = true)]
    pub kind: NoteKind,

    /// The text (Markdown, kept as written); `-` reads it from standard input;
    /// without it, $VISUAL or $EDITOR opens (at a terminal)
    pub text: Option<String>,

    /// An earlier entry (a risk, mostly) this one settles, by the id `dino log`
    /// shows; repeatable
    #[arg(long, value_name = "ENTRY")]
    pub closes: Vec<String>,

    /// The id of the phase it belongs to [default: the current phase]
    #[arg(long, value_name = "PHASE")]
    pub phase: Option<String>,

    /// Who sees to it: an action's owner (required), or a risk's
    #[arg(long, value_name = "NAME")]
    pub owner: Option<String>,

    /// When it is due, as YYYY-MM-DD: an action's day (required), or when a
    /// risk's mitigation is due
    #[arg(long, value_name = "DATE")]
    pub due: Option<String>,

    /// What is done about a risk
    #[arg(long, value_name = "TEXT")]
    pub mitigation: Option<String>,

    /// Commit the files written with git (outside a repository: a note, no commit)
    #[arg(long)]
    pub commit: bool,
}

/// The kinds of note, each also by its Swedish name (`beslut`, `risk`,
/// `insikt`, `lärdom` or `lardom`, `anteckning`, `åtgärd` or `atgard`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum NoteKind {
    /// A decision the team has taken (in Swedish: beslut)
    #[value(alias = "beslut")]
    Decision,
    /// A risk to keep an eye on; a later entry closes it with --closes
    Risk,
    /// Something learnt about the problem, the users or the idea (in Swedish: insikt)
    #[value(alias = "insikt")]
    Insight,
    /// A lesson for later phases or the next project (in Swedish: lärdom)
    #[value(aliases = ["lärdom", "lardom"])]
    Lesson,
    /// Anything else worth keeping (in Swedish: anteckning)
    #[value(alias = "anteckning")]
    Note,
    /// Something someone will do by a day: needs --owner and --due; `dino done`
    /// closes it (in Swedish: åtgärd)
    #[value(aliases = ["åtgärd", "atgard"])]
    Action,
}

impl NoteKind {
    fn entry_kind(self) -> EntryKind {
        match self {
            NoteKind::Decision => EntryKind::Decision,
            NoteKind::Risk => EntryKind::Risk,
            NoteKind::Insight => EntryKind::Insight,
            NoteKind::Lesson => EntryKind::Lesson,
            NoteKind::Note => EntryKind::Note,
            NoteKind::Action => EntryKind::Action,
        }
    }
}

pub fn run(args: NoteArgs, ui: &Ui) -> Result<()> {
    let wb = super::workbooks::open_current(ui)?;
    let lang = ui.lang_for(wb.language());
    let kind = args.kind.entry_kind();
    let owned = Owned::from_args(kind, &args, lang)?;
    super::committing::check_log(args.commit, &wb.root, ui, lang)?;
    // Named before the text is typed, so that none is typed in vain.
    let author = crate::session::clock::author(lang)?;
    let text = match args.text {
        Some(text) if text == "-" => from_stdin(lang)?,
        Some(text) => text,
        None => from_editor(kind, ui, lang)?,
    };
    crate::session::note_text::refuse_unwritable(&text, lang)?;
    let phase = phase_of(&wb, args.phase, lang)?;
    refuse_unknown_entries(&wb, &args.closes, lang)?;
    let meta = Meta {
        alone: false,
        kind,
        date: crate::session::clock::now(lang)?,
        phase,
        by: Some(author),
        participants: Vec::new(),
        pack: wb.pack.id.clone(),
        pack_version: wb.pack.version.clone(),
        closes: args.closes,
        owner: owned.owner,
        due: owned.due,
        mitigation: owned.mitigation,
        follows: Some(crate::session::follows(&wb)),
        measure: None,
        roster: None,
    };
    let entry = Entry {
        meta,
        title: kind.label(wb.language()).to_string(),
        body: Body::Text(text),
    };
    write_note(&wb, &entry, args.commit, ui, lang)
}

/// Writes a note entry into the log (once, even when run again after it
/// was stopped), prints its path, and commits it when asked.
pub(super) fn write_note(
    wb: &Workbook,
    entry: &Entry,
    commit: bool,
    ui: &Ui,
    lang: Lang,
) -> Result<()> {
    let mark = crate::session::files::NoteMark::new(&wb.root, entry, lang)?;
    let path = write_once(wb, &mark, entry, ui, lang)?;
    // The note is in the log: a reader that went away does not stop the
    // commit asked for.
    crate::out::unless_reader_left(crate::out::line(ui.shown(&path)))?;
    if commit {
        commit_note(wb, path, entry, ui, lang)?;
    }
    mark.clear()
}

/// An action's or a risk's owner, due day and mitigation, as given.
struct Owned {
    owner: Option<String>,
    due: Option<jiff::civil::Date>,
    mitigation: Option<String>,
}

impl Owned {
    /// Checks `--owner`, `--due` and `--mitigation` for the kind of note,
    /// before anything is written: an action needs an owner and a day, an
    /// owner is not blank, a day is a real `YYYY-MM-DD`, and other kinds
    /// have none of them.
    fn from_args(kind: EntryKind, args: &NoteArgs, lang: Lang) -> Result<Owned> {
        let given = [
            ("--owner", args.owner.is_some(), kind.is_owned()),
            ("--due", args.due.is_some(), kind.is_owned()),
            (
                "--mitigation",
                args.mitigation.is_some(),
                kind == EntryKind::Risk,
            ),
        ];
        if let Some((flag, ..)) = given.iter().find(|(_, given, fits)| *given && !fits) {
            bail!(tr!(
                lang,
                "{flag} hör inte till en anteckning av sorten `{}`; inget skrevs",
                "{flag} does not belong to a note of kind `{}`; nothing was written",
                kind.id()
            ));
        }
        if kind == EntryKind::Action && (args.owner.is_none() || args.due.is_none()) {
            bail!(tr!(
                lang,
                "en åtgärd har en ansvarig och ett datum: ange --owner NAMN och --due ÅÅÅÅ-MM-DD; inget skrevs",
                "an action has an owner and a due day: give --owner NAME and --due YYYY-MM-DD; nothing was written"
            ));
        }
        Ok(Owned {
            owner: args.owner.as_deref().map(|o| owner(o, lang)).transpose()?,
            due: args.due.as_deref().map(|d| due_day(d, lang)).transpose()?,
            mitigation: args.mitigation.clone(),
        })
    }
}

/// An owner as given, unless it is blank.
pub(super) fn owner(name: &str, lang: Lang) -> Result<String> {
    if name.trim().is_empty() {
        bail!(tr!(
            lang,
            "ansvarig (--owner) är tom; skriv vem som ser till det; inget skrevs",
            "the owner (--owner) is empty; write who sees to it; nothing was written"
        ));
    }
    Ok(name.to_string())
}

/// A due day as given: `YYYY-MM-DD`, a day the calendar has.
pub(super) fn due_day(text: &str, lang: Lang) -> Result<jiff::civil::Date> {
    crate::text::day::parse_day(text.trim()).ok_or_else(|| {
        anyhow::anyhow!(tr!(
            lang,
            "`{text}` är inget datum; skriv dagen som ÅÅÅÅ-MM-DD, till exempel 2026-03-31; inget skrevs",
            "`{text}` is not a date; write the day as YYYY-MM-DD, for example 2026-03-31; nothing was written"
        ))
    })
}

/// The phase the note belongs to: the one named (which the pack must
/// have), else the current one, else none once every phase is done.
pub(super) fn phase_of(wb: &Workbook, named: Option<String>, lang: Lang) -> Result<Option<String>> {
    let state = fold(wb);
    Ok(match named {
        Some(phase) => {
            if wb.pack.phase(&phase).is_none() {
                let ids: Vec<&str> = wb.pack.phases.iter().map(|p| p.id.as_str()).collect();
                bail!(tr!(
                    lang,
                    "paketet har ingen fas `{phase}`; faserna är {}",
                    "the pack has no phase `{phase}`; its phases are {}",
                    ids.join(", ")
                ));
            }
            Some(phase)
        }
        None => match state.current {
            Current::Phase(i) | Current::Stopped(i) => Some(state.phases[i].id.clone()),
            Current::Finished => None,
        },
    })
}

/// Every entry `--closes` names must be in the log.
fn refuse_unknown_entries(wb: &Workbook, closes: &[String], lang: Lang) -> Result<()> {
    for id in closes {
        if !wb.entries.iter().any(|e| &e.id == id) {
            bail!(tr!(
                lang,
                "ingen post har id:t `{id}`; `dino log` visar posternas id",
                "no entry has the id `{id}`; `dino log` shows the entries' ids"
            ));
        }
    }
    Ok(())
}

/// Writes the note into the log through its mark, unless a run that was
/// stopped past writing it did so already; says which.
fn write_once(
    wb: &Workbook,
    mark: &crate::session::files::NoteMark,
    entry: &Entry,
    ui: &Ui,
    lang: Lang,
) -> Result<std::path::PathBuf> {
    // Run again after it was stopped past writing: the note is in the log
    // already and is not written twice; what is left is done.
    if let Some(done) = mark.written(entry) {
        ui.note(&tr!(
            lang,
            "ett avbrutet `dino note` skrev redan den här anteckningen; den skrevs inte igen",
            "a `dino note` that was stopped wrote this note already; it was not written again"
        ));
        return Ok(done);
    }
    let path = crate::session::hand_over_note(wb, mark, entry, lang)?;
    let said = match entry.meta.kind {
        EntryKind::Done => {
            let ids = entry.meta.closes.join("`, `");
            tr!(
                lang,
                "skrev i loggen att `{ids}` är klar",
                "wrote to the log that `{ids}` is done"
            )
        }
        kind => tr!(
            lang,
            "skrev {} i loggen",
            "wrote the {} to the log",
            kind.label(lang).to_lowercase()
        ),
    };
    ui.note(&said);
    Ok(path)
}

/// Commits the note (`--commit`): its subject names the workbook, the
/// kind and the note's first line.
fn commit_note(
    wb: &Workbook,
    path: std::path::PathBuf,
    entry: &Entry,
    ui: &Ui,
    lang: Lang,
) -> Result<()> {
    let kind = entry.meta.kind.label(lang).to_lowercase();
    let what = match &entry.body {
        Body::Text(text) if !super::committing::first_line(text).is_empty() => {
            format!("{kind}: {}", super::committing::first_line(text))
        }
        _ => kind,
    };
    let message = super::committing::subject(&wb.file.name, &what);
    super::committing::commit(&wb.root, &[path], &message, ui, lang)
}

/// The note's text from standard input (`-`), without the final line end;
/// no more than an entry can hold is read.
fn from_stdin(lang: Lang) -> Result<String> {
    let mut bytes = Vec::new();
    let limit = crate::pack::source::MAX_FILE_BYTES;
    std::io::stdin().take(limit + 1).read_to_end(&mut bytes)?;
    crate::log::readback::ensure_text_fits(bytes.len())?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        anyhow::anyhow!(tr!(
            lang,
            "standardinmatningen (stdin) är inte UTF-8 (vid byte {at}); inget skrevs",
            "standard input is not UTF-8 (at byte {at}); nothing was written"
        ))
    })?;
    Ok(text.trim_end_matches(['\n', '\r']).to_string())
}

/// The note's text from the user's editor; only in a terminal.
fn from_editor(kind: EntryKind, ui: &Ui, lang: crate::i18n::Lang) -> Result<String> {
    let at_terminal = std::io::stdin().is_terminal() && std::io::stderr().is_terminal();
    if ui.no_input || !at_terminal {
        bail!(tr!(
            lang,
            "ingen text: skriv den som argument, `dino note {} \"TEXT\"` (utan terminal eller med --no-input öppnas ingen editor)",
            "no text: give it as an argument, `dino note {} \"TEXT\"` (without a terminal, or with --no-input, no editor opens)",
            kind.id()
        ));
    }
    let editor = crate::session::prompt::editor::chosen().ok_or_else(|| {
        anyhow::anyhow!(tr!(
            lang,
            "ingen text, och ingen editor är inställd: skriv texten som argument, `dino note {} \"TEXT\"`, eller sätt VISUAL eller EDITOR (t.ex. EDITOR=nano)",
            "no text, and no editor is set up: give the text as an argument, `dino note {} \"TEXT\"`, or set VISUAL or EDITOR (e.g. EDITOR=nano)",
            kind.id()
        ))
    })?;
    let question = tr!(
        lang,
        "{}: skriv texten",
        "{}: write the text",
        kind.label(lang)
    );
    match crate::session::prompt::editor::edit(&editor, &question, "", lang)? {
        Some(text) if !text.trim().is_empty() => Ok(text),
        Some(_) => bail!(tr!(
            lang,
            "texten i editorn var tom; inget skrevs",
            "the text in the editor was empty; nothing was written"
        )),
        None => bail!(tr!(
            lang,
            "editorn stängdes utan att spara; inget skrevs",
            "the editor closed without saving; nothing was written"
        )),
    }
}
