//! `dino new NAME`: make a workbook folder, named by a slug of NAME, with
//! its `workbook.toml` (pack and profile) and an empty `log/`.

use crate::workbook::snapshot::SNAPSHOT_FILE;
use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use anyhow::{Result, bail};
use clap::Args;

use crate::i18n::Lang;
use crate::session::profile::{self, Fill};
use crate::session::prompt::term::TermPrompter;
use crate::tr;
use crate::ui::Ui;
use crate::workbook::file::WorkbookFile;
use crate::workbook::profile::read_path;
use crate::workbook::{LOG_DIR, WORKBOOK_FILE, create, exists_already, folder_slug, pack_ref};

/// Create a workbook for a new project
///
/// A folder named by the slug of NAME, with workbook.toml (the pack and the
/// project profile), pack-snapshot.toml and log/. At a terminal dino asks the
/// profile questions, then offers to start the first phase.
#[derive(Debug, Args)]
#[command(after_help = "Example: dino new \"Välfärd & lärande\" --pack ../metod --commit")]
pub struct NewArgs {
    /// The project's name; the folder is named by its slug ("Välfärd &
    /// lärande" makes valfard-larande/)
    pub name: String,

    /// The method pack: a built-in id or a pack folder
    #[arg(long, default_value = "dino", value_name = "ID|PATH")]
    pub pack: String,

    /// Profile answers from a TOML file (`procurement = "yes"`; `dino pack show`
    /// lists the questions); without it, dino asks at a terminal, else takes the
    /// pack's defaults
    #[arg(long, value_name = "FILE")]
    pub profile: Option<PathBuf>,

    /// Commit the files written with git (outside a repository: a note, no commit)
    #[arg(long)]
    pub commit: bool,
}

pub fn run(args: NewArgs, ui: &Ui) -> Result<()> {
    let lang = ui.lang;
    let (id, dir) = folder_for(&args.name, lang)?;
    let unbound = super::pack::load_unbound_or_fail(&args.pack, ui)?;
    let pack = unbound.adapted(&BTreeMap::new());
    let given = match &args.profile {
        Some(path) => read_path(path, &pack)?,
        None => BTreeMap::new(),
    };
    let at_terminal =
        !ui.no_input && std::io::stdin().is_terminal() && std::io::stderr().is_terminal();
    let here = dir
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    super::committing::check_before(args.commit, here, &dir.join(WORKBOOK_FILE), ui, lang)?;
    let answers = profile_answers(&pack, given, at_terminal, lang)?;
    let file = WorkbookFile {
        name: args.name.clone(),
        id: id.clone(),
        created: crate::session::clock::now(lang)?,
        language: pack.lang_for(lang),
        pack: pack_ref(&pack),
        profile: answers,
    };
    // The snapshot records the pack as this team reads it.
    create(&dir, &file, &unbound.adapted(&file.profile), lang)?;
    if args.commit {
        commit_new(&dir, &args.name, ui, lang)?;
    }
    if at_terminal {
        return go_on_into_it(&dir, &id, args.commit, ui, lang);
    }
    // Its folder as reached from where the user stands (`-C`).
    let place = ui.shown(Path::new(&id));
    ui.note(&tr!(
        lang,
        "skapade arbetsboken {id}/ (paket {} {}); nästa steg: `cd {place}` och `dino status`",
        "made the workbook {id}/ (pack {} {}); next: `cd {place}` and `dino status`",
        pack.id,
        pack.version
    ));
    crate::out::line(&place)?;
    Ok(())
}

/// The new workbook's id and folder, from the project's name; refused for
/// a name that is not one line or gives no folder name, inside another
/// workbook, and where the folder is there already.
fn folder_for(name: &str, lang: Lang) -> Result<(String, PathBuf)> {
    if name.chars().any(char::is_control) {
        bail!(tr!(
            lang,
            "namnet innehåller styrtecken (radbrytning, tabb eller liknande); skriv det på en rad",
            "the name holds control characters (a line break, a tab or the like); write it on one line"
        ));
    }
    if let Some(outer) = crate::workbook::discover::enclosing(Path::new(".")) {
        bail!(tr!(
            lang,
            "här är du redan i arbetsboken {}; skapa den nya utanför den",
            "you are inside the workbook {} already; make the new one outside it",
            outer.display()
        ));
    }
    let id = folder_slug(name);
    if id.is_empty() {
        bail!(tr!(
            lang,
            "namnet {:?} ger inget mappnamn; använd bokstäver eller siffror",
            "the name {:?} gives no folder name; use letters or digits",
            name
        ));
    }
    let dir = PathBuf::from(&id);
    if dir.exists() {
        bail!(exists_already(&dir));
    }
    Ok((id, dir))
}

/// The project profile: `given` (from a file), the rest asked at a
/// terminal, else the pack's defaults.
fn profile_answers(
    pack: &crate::pack::Pack,
    given: BTreeMap<String, crate::pack::condition::Value>,
    at_terminal: bool,
    lang: Lang,
) -> Result<BTreeMap<String, crate::pack::condition::Value>> {
    let mut prompter = TermPrompter::new(lang);
    let fill = if at_terminal {
        crate::session::signals::install(
            lang.pick(
                "Avbrutet; ingen arbetsbok skapades.",
                "Interrupted; no workbook was made.",
            )
            .to_string(),
        )?;
        Fill::Ask(&mut prompter)
    } else {
        Fill::Defaults
    };
    profile::gather(pack, lang, given, fill)
}

/// Commits the new workbook's files (`--commit`).
fn commit_new(dir: &Path, name: &str, ui: &Ui, lang: Lang) -> Result<()> {
    let files = [
        dir.join(WORKBOOK_FILE),
        dir.join(SNAPSHOT_FILE),
        dir.join(LOG_DIR).join(".gitkeep"),
    ];
    let what = lang.pick("ny arbetsbok", "new workbook");
    let message = super::committing::subject(name, what);
    super::committing::commit(dir, &files, &message, ui, lang)
}

/// At a terminal the team goes straight on into the first phase, if it
/// wants to.
fn go_on_into_it(dir: &Path, id: &str, commit: bool, ui: &Ui, lang: Lang) -> Result<()> {
    let place = ui.shown(Path::new(id));
    crate::session::signals::install(tr!(
        lang,
        "Avbrutet. Arbetsboken {id}/ är skapad; `cd {place}` och `dino run` börjar första fasen.",
        "Interrupted. The workbook {id}/ is made; `cd {place}` and `dino run` start the first phase."
    ))?;
    let start = crate::session::prompt::term::yes_no(
        &*crate::session::prompt::term::theme(),
        lang,
        &tr!(
            lang,
            "Arbetsboken {id}/ är skapad. Börja med första fasen nu?",
            "The workbook {id}/ is made. Start the first phase now?"
        ),
        true,
    )?;
    if start {
        let wb = super::workbooks::open(dir, ui)?;
        let args = super::run::RunArgs {
            phase: None,
            answers: None,
            open: false,
            commit,
            respondent: None,
        };
        return super::run::run_workbook(&wb, args, ui);
    }
    ui.note(&tr!(
        lang,
        "Nästa steg: `cd {place}` och `dino run`.",
        "Next: `cd {place}` and `dino run`."
    ));
    Ok(())
}
