//! `dino roster`: the people of a project as the log leaves them, and
//! `fix`, `add` and `remove`, each a `roster` entry of its own.

use anyhow::{Result, bail};
use clap::{Args, Subcommand};

use super::Format;
use crate::i18n::Lang;
use crate::log::{Body, Change, Entry, EntryKind, Meta, RosterChange};
use crate::state::roster::{Member, Roster};
use crate::text::table::new_table;
use crate::tr;
use crate::ui::Ui;
use crate::workbook::Workbook;

/// List the people of the project, or correct, add or remove someone
///
/// With no subcommand: everyone who led or took part in a session, a gate
/// or a readiness assessment, or was added, with their latest role and the
/// entry that last named them. A change is a new entry in the log; earlier
/// entries stay as they were written.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  dino roster\n  dino roster fix \"Amina Hassan, enhetschef Komvux\" --name \"Amina Hassan\" --role \"enhetschef Komvux\"\n  dino roster add \"Leila Berg\" --role Rektor --commit\n  dino roster remove \"Eva Ström\" --reason \"Har slutat\""
)]
pub struct RosterArgs {
    #[command(subcommand)]
    pub action: Option<RosterAction>,

    /// Output format of the list
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,

    /// Why, kept as the entry's text
    #[arg(long, value_name = "TEXT", global = true)]
    pub reason: Option<String>,

    /// Commit the files written with git (outside a repository: a note, no commit)
    #[arg(long, global = true)]
    pub commit: bool,
}

#[derive(Debug, Subcommand)]
pub enum RosterAction {
    /// Correct a name as it was written: what it should read, and the role
    #[command(aliases = ["rätta", "ratta"])]
    Fix {
        /// The name as it was written
        #[arg(value_name = "NAME")]
        was: String,
        /// The name it should read [default: as written]
        #[arg(long, value_name = "NAME")]
        name: Option<String>,
        /// Their role
        #[arg(long, value_name = "ROLE")]
        role: Option<String>,
    },
    /// Add someone who joins the project
    #[command(aliases = ["lägg-till", "lagg-till"])]
    Add {
        /// Their name
        #[arg(value_name = "NAME")]
        name: String,
        /// Their role
        #[arg(long, value_name = "ROLE")]
        role: Option<String>,
    },
    /// Remove someone who has left the project: no longer offered at a
    /// session; their earlier entries keep them
    #[command(alias = "ta-bort")]
    Remove {
        /// Their name
        #[arg(value_name = "NAME")]
        name: String,
    },
}

pub fn run(args: RosterArgs, ui: &Ui) -> Result<()> {
    let wb = super::workbooks::open_current(ui)?;
    let lang = ui.lang_for(wb.language());
    let roster = Roster::fold(&wb.entries);
    let change = match args.action {
        None => return list(&wb, &roster, args.format, ui, lang),
        Some(RosterAction::Fix { was, name, role }) => fix(&roster, was, name, role, lang)?,
        Some(RosterAction::Add { name, role }) => add(&roster, name, role, lang)?,
        Some(RosterAction::Remove { name }) => remove(&roster, name, lang)?,
    };
    let reason = args
        .reason
        .map(|r| r.trim().to_string())
        .filter(|r| !r.is_empty());
    let entry = entry(&wb, change, reason, lang)?;
    super::note::write_note(&wb, &entry, args.commit, ui, lang)
}

/// A correction of `was`, a name someone on the roster has (or had).
fn fix(
    roster: &Roster,
    was: String,
    name: Option<String>,
    role: Option<String>,
    lang: Lang,
) -> Result<RosterChange> {
    if !roster.knows(&was) {
        bail!(unknown(roster, &was, lang));
    }
    let name = given(name.as_deref().unwrap_or(&was), "--name", lang)?;
    let role = optional(role, lang)?;
    let (now, now_role) = roster.corrected(&was);
    let unchanged = name == now && (role.is_none() || role == now_role);
    if unchanged {
        bail!(tr!(
            lang,
            "”{was}” läses redan som ”{now}”; ange --name eller --role; inget skrevs",
            "“{was}” already reads as “{now}”; give --name or --role; nothing was written"
        ));
    }
    Ok(RosterChange {
        change: Change::Correct,
        name,
        role,
        was: Some(was),
    })
}

/// Someone who joins; refused when they are on the roster with that role.
fn add(roster: &Roster, name: String, role: Option<String>, lang: Lang) -> Result<RosterChange> {
    let name = given(&name, "NAME", lang)?;
    let role = optional(role, lang)?;
    if let Some(member) = roster.member(&name)
        && (role.is_none() || role == member.role)
    {
        bail!(tr!(
            lang,
            "{} finns redan i deltagarlistan; inget skrevs",
            "{} is on the roster already; nothing was written",
            member.name
        ));
    }
    Ok(RosterChange {
        change: Change::Add,
        name,
        role,
        was: None,
    })
}

/// Someone on the roster who has left.
fn remove(roster: &Roster, name: String, lang: Lang) -> Result<RosterChange> {
    let Some(member) = roster.member(&name) else {
        bail!(unknown(roster, &name, lang));
    };
    Ok(RosterChange {
        change: Change::Remove,
        name: member.name.clone(),
        role: None,
        was: None,
    })
}

/// The error for a name nobody has, with the closest name there is.
fn unknown(roster: &Roster, name: &str, lang: Lang) -> String {
    let names = roster.all_names();
    let near = crate::finding::closest(name, names.iter().copied())
        .map(|near| tr!(lang, "; menar du ”{near}”?", "; did you mean “{near}”?"))
        .unwrap_or_default();
    tr!(
        lang,
        "ingen i deltagarlistan heter ”{name}”{near} (`dino roster` visar dem); inget skrevs",
        "nobody on the roster is called “{name}”{near} (`dino roster` lists them); nothing was written"
    )
}

/// A name as given: trimmed, not blank, writable.
fn given(text: &str, what: &str, lang: Lang) -> Result<String> {
    let text = text.trim();
    if text.is_empty() {
        bail!(tr!(
            lang,
            "{what} är tomt; skriv ett namn; inget skrevs",
            "{what} is empty; write a name; nothing was written"
        ));
    }
    crate::session::note_text::refuse_unwritable(text, lang)?;
    Ok(text.to_string())
}

/// A role as given: trimmed, none when blank, writable.
fn optional(text: Option<String>, lang: Lang) -> Result<Option<String>> {
    let text = text.map(|t| t.trim().to_string()).filter(|t| !t.is_empty());
    if let Some(text) = &text {
        crate::session::note_text::refuse_unwritable(text, lang)?;
    }
    Ok(text)
}

/// The `roster` entry: the change in its front matter, in words and with
/// the reason as its text.
fn entry(wb: &Workbook, change: RosterChange, reason: Option<String>, lang: Lang) -> Result<Entry> {
    if let Some(reason) = &reason {
        crate::session::note_text::refuse_unwritable(reason, lang)?;
    }
    let text_lang = wb.language();
    let mut text = crate::text::markdown::escape(&said(&change, text_lang));
    if let Some(reason) = reason {
        text.push_str("\n\n");
        text.push_str(&reason);
    }
    let meta = Meta {
        roster: Some(change),
        ..crate::session::note_meta(wb, EntryKind::Roster, lang)?
    };
    Ok(Entry {
        meta,
        title: EntryKind::Roster.label(text_lang).to_string(),
        body: Body::Text(text),
    })
}

/// The change in words, one line.
fn said(change: &RosterChange, lang: Lang) -> String {
    let who = match &change.role {
        Some(role) => format!("{} ({role})", change.name),
        None => change.name.clone(),
    };
    let line = match (change.change, &change.was) {
        (Change::Correct, Some(was)) => tr!(
            lang,
            "{who}, tidigare skrivet ”{was}”.",
            "{who}, earlier written “{was}”."
        ),
        (Change::Add, _) | (Change::Correct, None) => {
            tr!(
                lang,
                "{who} är med i projektet.",
                "{who} joins the project."
            )
        }
        (Change::Remove, _) => tr!(
            lang,
            "{who} är inte längre med i projektet.",
            "{who} has left the project."
        ),
    };
    line.replace(['\r', '\n'], " ")
}

/// The roster as a table or as JSON.
fn list(wb: &Workbook, roster: &Roster, format: Format, ui: &Ui, lang: Lang) -> Result<()> {
    let out = match format {
        Format::Json => crate::report::json::pretty(&as_json(wb, roster))? + "\n",
        Format::Table if roster.members.is_empty() => {
            ui.note(lang.pick(
                "deltagarlistan är tom: ingen har varit med i en session än",
                "the roster is empty: nobody has taken part in a session yet",
            ));
            String::new()
        }
        Format::Table => {
            let out = as_table(wb, roster, ui, lang);
            crate::text::terminal_md::visible_lines(&out)
        }
    };
    super::status::write_out(&out)
}

/// A row per member: name, role, the entry that last named them.
fn as_table(wb: &Workbook, roster: &Roster, ui: &Ui, lang: Lang) -> String {
    let header = vec![
        lang.pick("Namn", "Name").to_string(),
        lang.pick("Roll", "Role").to_string(),
        lang.pick("Senast med", "Last seen").to_string(),
        "Id".to_string(),
    ];
    let mut table = new_table(header, ui.terminal_width());
    for m in &roster.members {
        let seen = &wb.entries[m.last_seen];
        table.add_row(vec![
            m.name.clone(),
            m.role.clone().unwrap_or_else(|| "–".to_string()),
            format!(
                "{} · {}",
                seen.entry.meta.date.date(),
                seen.entry.meta.kind.label(lang)
            ),
            seen.id.clone(),
        ]);
    }
    format!("{table}\n")
}

/// `{"schema": 1, "people": [...], "removed": [...], "corrections": [...]}`
/// (docs/json.md).
fn as_json(wb: &Workbook, roster: &Roster) -> serde_json::Value {
    let person = |m: &Member| {
        let seen = &wb.entries[m.last_seen];
        serde_json::json!({
            "name": m.name,
            "role": m.role,
            "last_seen": {
                "entry": seen.id,
                "kind": seen.entry.meta.kind.id(),
                "date": seen.entry.meta.date.to_string(),
            },
        })
    };
    let corrections: Vec<serde_json::Value> = roster
        .corrections
        .iter()
        .map(|c| serde_json::json!({ "was": c.was, "name": c.name, "role": c.role }))
        .collect();
    serde_json::json!({
        "schema": 1,
        "people": roster.members.iter().map(person).collect::<Vec<_>>(),
        "removed": roster.removed.iter().map(person).collect::<Vec<_>>(),
        "corrections": corrections,
    })
}
