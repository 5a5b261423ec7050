//! `dino upgrade`: moves a workbook to the pack as it is now, after showing
//! what changed since the workbook recorded it. Writes `workbook.toml` and
//! `pack-snapshot.toml`; never touches `log/`.

use std::io::IsTerminal;

use anyhow::{Result, bail};
use clap::Args;

use crate::fsio::write_atomic_in;
use crate::i18n::Lang;
use crate::pack::Pack;
use crate::report::status_view::pack_change;
use crate::session::profile::{self, Fill};
use crate::session::prompt::term::TermPrompter;
use crate::tr;
use crate::ui::Ui;
use crate::workbook::profile::read_path;
use crate::workbook::{WORKBOOK_FILE, Workbook};
use crate::{pack::snapshot::Snapshot, workbook::snapshot::SNAPSHOT_FILE};
use std::collections::BTreeMap;

use crate::pack::condition::Value;

/// Move a workbook to the current version of its pack, after showing what changed
///
/// Shows every change since the version the workbook recorded (items
/// added, removed, reworded or changed), asks, then records the new version
/// in workbook.toml and a new pack-snapshot.toml. The log is never
/// rewritten: answers to removed items stay, and are shown as removed.
/// New profile questions, and ones whose answer no longer fits, are answered
/// from --profile, else asked at a terminal, else take the pack's defaults.
#[derive(Debug, Args)]
pub struct UpgradeArgs {
    /// Record the new version without asking (needed without a terminal)
    #[arg(long, short = 'y')]
    pub yes: bool,

    /// Answers to new profile questions, or to ones whose answer no longer
    /// fits, from a TOML file (as `dino new --profile`)
    #[arg(long, value_name = "FILE")]
    pub profile: Option<std::path::PathBuf>,

    /// Commit the files written with git (outside a repository: a note, no commit)
    #[arg(long)]
    pub commit: bool,
}

pub fn run(args: UpgradeArgs, ui: &Ui) -> Result<()> {
    let wb = super::workbooks::open_current(ui)?;
    let lang = ui.lang_for(wb.language());
    let pack = &wb.pack;
    if !wb.pack_changed() {
        return already_following(&wb, args.commit, ui, lang);
    }
    refuse_a_newer_recorded(&wb, lang)?;
    let workbook_file = wb.root.join(WORKBOOK_FILE);
    super::committing::check_before(args.commit, &wb.root, &workbook_file, ui, lang)?;
    super::committing::refuse_uncommitted(args.commit, &wb.root, &workbook_file, lang)?;
    comments_not_kept(&workbook_file, ui, lang);
    let mut shown = String::new();
    pack_change(&mut shown, &wb, lang, None);
    removed_answers(&mut shown, &wb, lang);
    // What the upgrade changes is told; a reader that went away does not
    // stop the upgrade asked for.
    crate::out::unless_reader_left(crate::out::text(&shown))?;

    let at_terminal =
        !ui.no_input && std::io::stdin().is_terminal() && std::io::stderr().is_terminal();
    if !args.yes && !asked_to_record(pack, at_terminal, ui, lang)? {
        return Ok(());
    }
    let answers = profile_now(&wb, args.profile.as_deref(), at_terminal, ui, lang)?;
    let mut file = wb.file.clone();
    file.pack.id = pack.id.clone();
    file.pack.version = pack.version.clone();
    file.pack.hash = wb.current_pack_hash();
    file.profile = answers;
    // Both files are known to read back before either is written. Then
    // workbook.toml first: until it is written, the workbook follows the
    // old version and the old snapshot still shows every change. A stop
    // between the two leaves the new version recorded and a snapshot of the
    // old, which the next `dino upgrade` writes anew.
    let recorded = answers_to_record(&wb, &file.profile);
    let snapshot_text = Snapshot::text(pack, wb.language(), &recorded)?;
    let snapshot = wb.root.join(SNAPSHOT_FILE);
    // Nor is either written when the other would be refused.
    for path in [wb.root.join(WORKBOOK_FILE), snapshot.clone()] {
        crate::fsio::writable_in(&wb.root, &path)?;
    }
    let workbook_toml = file.write(&wb.root, lang)?;
    write_atomic_in(&wb.root, &snapshot, snapshot_text.as_bytes())?;
    ui.note(&tr!(
        lang,
        "registrerade {} {} i {WORKBOOK_FILE}; loggen är oförändrad",
        "recorded {} {} in {WORKBOOK_FILE}; the log is unchanged",
        pack.id,
        pack.version
    ));
    commit(&wb, &[workbook_toml, snapshot], args.commit, ui, lang)
}

/// `workbook.toml` is written anew, in its fixed order: comments written in
/// it by hand are not kept, and the lines they are on are told.
fn comments_not_kept(path: &std::path::Path, ui: &Ui, lang: Lang) {
    let Ok(text) = std::fs::read_to_string(path) else {
        return;
    };
    let lines: Vec<String> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| l.trim_start().starts_with('#'))
        .map(|(i, _)| (i + 1).to_string())
        .collect();
    if !lines.is_empty() {
        ui.note(&tr!(
            lang,
            "obs: {WORKBOOK_FILE} skrivs om, och kommentarerna på rad {} följer inte med",
            "note: {WORKBOOK_FILE} is written anew, and the comments on line {} are not kept",
            lines.join(", ")
        ));
    }
}

/// The pack has not changed: nothing to upgrade, unless the snapshot is
/// missing, damaged or out of step, when one is written.
fn already_following(wb: &Workbook, commit_it: bool, ui: &Ui, lang: Lang) -> Result<()> {
    let pack = &wb.pack;
    let recorded = &wb.file.pack;
    let in_step = |s: &Snapshot| {
        s.pack == recorded.id
            && s.version == recorded.version
            && s.hash == recorded.hash
            && s.profile_answers.is_some()
    };
    if matches!(wb.snapshot(), Ok(Some(s)) if in_step(&s)) {
        ui.note(&tr!(
            lang,
            "arbetsboken följer redan paketet {} {} som det är nu; inget att uppgradera",
            "the workbook already follows the pack {} {} as it is now; nothing to upgrade",
            pack.id,
            pack.version
        ));
        return Ok(());
    }
    // Made before snapshots (or the profile in them) were kept, damaged,
    // or out of step with workbook.toml after a merge: record one, so the
    // next change can be shown, and an edit of the profile told.
    let answers = answers_to_record(wb, &wb.file.profile);
    let path = Snapshot::write(&wb.root, pack, wb.language(), &answers)?;
    ui.note(&tr!(
        lang,
        "arbetsboken följer redan paketet {} {}; skrev en ny ögonblicksbild av det ({SNAPSHOT_FILE})",
        "the workbook already follows the pack {} {}; wrote a new snapshot of it ({SNAPSHOT_FILE})",
        pack.id,
        pack.version
    ));
    commit(wb, &[path], commit_it, ui, lang)
}

/// The profile answers the new snapshot records as written into
/// `workbook.toml`: those `written`, except an answer edited by hand
/// (against the snapshot before) that is written as it was edited: for it
/// the snapshot keeps what dino wrote before, so that `dino check` still
/// names the edit. Without a recorded profile before, `written` as it is.
fn answers_to_record(wb: &Workbook, written: &BTreeMap<String, Value>) -> BTreeMap<String, Value> {
    let mut answers = written.clone();
    let Some(before) = wb.snapshot().ok().flatten().and_then(|s| s.profile_answers) else {
        return answers;
    };
    let edits = crate::workbook::snapshot::edits(&before, &wb.file.profile);
    for (key, _) in edits {
        if written.get(&key) != wb.file.profile.get(&key) {
            continue;
        }
        match before.get(&key) {
            Some(was) => answers.insert(key, was.clone()),
            None => answers.remove(&key),
        };
    }
    answers
}

/// A workbook that follows a newer version than this one is not moved
/// back.
fn refuse_a_newer_recorded(wb: &Workbook, lang: Lang) -> Result<()> {
    let pack = &wb.pack;
    let older =
        crate::workbook::pack_change::compare_versions(&pack.version, &wb.file.pack.version);
    if older.is_lt() {
        bail!(tr!(
            lang,
            "arbetsboken följer {} {}, en nyare version än den här ({}); uppdatera dino (eller paketet) i stället, så att inget av den nyare versionen går förlorat",
            "the workbook follows {} {}, a newer version than this one ({}); update dino (or the pack) instead, so that nothing of the newer version is lost",
            pack.id,
            wb.file.pack.version,
            pack.version
        ));
    }
    Ok(())
}

/// Asks whether to record the new version (only at a terminal; elsewhere
/// `--yes` is needed). Returns whether to go on.
fn asked_to_record(pack: &Pack, at_terminal: bool, ui: &Ui, lang: Lang) -> Result<bool> {
    if !at_terminal {
        bail!(tr!(
            lang,
            "inget registrerades; `dino upgrade --yes` registrerar den nya versionen utan att fråga",
            "nothing was recorded; `dino upgrade --yes` records the new version without asking"
        ));
    }
    crate::session::signals::install(
        lang.pick(
            "Avbrutet; inget registrerades.",
            "Interrupted; nothing was recorded.",
        )
        .to_string(),
    )?;
    let question = tr!(
        lang,
        "Registrera {} {} i {WORKBOOK_FILE}?",
        "Record {} {} in {WORKBOOK_FILE}?",
        pack.id,
        pack.version
    );
    let theme = crate::session::prompt::term::theme();
    if !crate::session::prompt::term::yes_no(&*theme, lang, &question, true)? {
        ui.note(lang.pick("Inget registrerades.", "Nothing was recorded."));
        return Ok(false);
    }
    Ok(true)
}

/// Profile questions the pack asks now and the workbook has no answer
/// to, or an answer that no longer fits: from --profile, else asked at
/// a terminal, else the pack's defaults.
fn profile_now(
    wb: &Workbook,
    profile_file: Option<&std::path::Path>,
    at_terminal: bool,
    ui: &Ui,
    lang: Lang,
) -> Result<BTreeMap<String, Value>> {
    let mut given = fitting_profile(wb, lang, ui);
    if let Some(path) = profile_file {
        given.extend(read_path(path, &wb.pack)?);
    }
    let mut prompter = TermPrompter::new(lang);
    let fill = if at_terminal {
        Fill::Ask(&mut prompter)
    } else {
        Fill::Defaults
    };
    profile::gather(&wb.pack, lang, given, fill)
}

/// The workbook's profile answers that the pack as it is now still takes
/// (kept when the workbook was opened); the others are named, to be
/// answered again.
fn fitting_profile(wb: &Workbook, lang: Lang, ui: &Ui) -> BTreeMap<String, Value> {
    for (id, value) in &wb.file.profile {
        let asked = wb.pack.profile.iter().any(|i| &i.id == id);
        if asked && !wb.profile.contains_key(id) {
            let was = crate::workbook::file::value_toml(value);
            ui.note(&tr!(
                lang,
                "profilsvaret passar inte längre (`{id}` = {was}); frågan besvaras på nytt",
                "the profile answer no longer fits (`{id}` = {was}); the question is answered anew"
            ));
        }
    }
    wb.profile.clone()
}

/// How many answers in the log are to items the pack no longer has.
fn removed_answers(out: &mut String, wb: &Workbook, lang: Lang) {
    let state = crate::state::fold(wb);
    let n = state.orphans.len();
    if n > 0 {
        out.push_str(&match (lang, n) {
            (Lang::Sv, 1) => "1 svar i loggen gäller en borttagen punkt; det finns kvar och visas som borttaget.\n".to_string(),
            (Lang::Sv, n) => format!("{n} svar i loggen gäller borttagna punkter; de finns kvar och visas som borttagna.\n"),
            (Lang::En, 1) => "1 answer in the log is to a removed item; it stays, shown as removed.\n".to_string(),
            (Lang::En, n) => format!("{n} answers in the log are to removed items; they stay, shown as removed.\n"),
        });
    }
}

fn commit(
    wb: &Workbook,
    files: &[std::path::PathBuf],
    commit: bool,
    ui: &Ui,
    lang: Lang,
) -> Result<()> {
    if commit {
        let what = tr!(
            lang,
            "arbetsboken följer {} {}",
            "the workbook follows {} {}",
            wb.pack.id,
            wb.pack.version
        );
        let message = super::committing::subject(&wb.file.name, &what);
        super::committing::commit(&wb.root, files, &message, ui, lang)?;
    }
    Ok(())
}
