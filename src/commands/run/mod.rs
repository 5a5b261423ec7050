//! `dino run [PHASE]`: a facilitated session at the terminal, or scripted
//! from an answers file. One entry per session; the gate asked at the end.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use anyhow::{Result, bail};
use clap::Args;

use crate::i18n::Lang;
use crate::session::driver::{Host, Options};
use crate::tr;
use crate::ui::Ui;
use crate::workbook::Workbook;

/// Run a phase's checklist with the team
///
/// Every answer is saved to a draft as it is given, so a session can stop and
/// go on later; at the end one entry is written to log/, and the gate is
/// offered once its criteria are met. `dino run readiness` runs the readiness
/// self-assessment. Without a terminal, give the answers in a file.
#[derive(Debug, Args)]
#[command(after_help = "Example: dino run initiering --answers svar.toml --commit")]
pub struct RunArgs {
    /// The phase's id (`dino pack show` lists them), or `readiness` for the
    /// readiness self-assessment [default: the current phase, or that of an
    /// unfinished session]
    pub phase: Option<String>,

    /// Answers in a TOML file instead of questions, for scripts (the format is
    /// in dino's docs/answers-format.md; examples/answers/ has one)
    #[arg(long, value_name = "FILE")]
    pub answers: Option<PathBuf>,

    /// Ask only the items still open: required items not done and optional
    /// items with no answer; the answered ones are kept as they are (not
    /// with --answers, whose file says what it answers)
    #[arg(long, conflicts_with = "answers")]
    pub open: bool,

    /// Commit the files written with git (outside a repository: a note, no commit)
    #[arg(long)]
    pub commit: bool,

    /// Answer the readiness self-assessment alone, as NAME: only your own
    /// answers are shown, and they are written as an entry of their own;
    /// answers given apart within 14 days are compared as one assessment
    /// (`dino status`, `dino report`). Needs a terminal
    #[arg(long, value_name = "NAME", conflicts_with_all = ["answers", "open"])]
    pub respondent: Option<String>,
}

pub fn run(args: RunArgs, ui: &Ui) -> Result<()> {
    let wb = super::workbooks::open_current(ui)?;
    run_workbook(&wb, args, ui)
}

/// Runs a session in an open workbook (`dino new` goes on into one).
pub fn run_workbook(wb: &Workbook, args: RunArgs, ui: &Ui) -> Result<()> {
    let lang = ui.lang_for(wb.language());
    if wb.pack_changed() {
        ui.note(&tr!(
            lang,
            "obs: paketet {} har ändrats sedan arbetsboken registrerade det; sessionen följer det som det är nu ({}). `dino status` visar vad som ändrats, `dino upgrade` registrerar det",
            "note: the pack {} has changed since the workbook recorded it; the session follows it as it is now ({}). `dino status` shows what changed, `dino upgrade` records it",
            wb.pack.id,
            wb.pack.version
        ));
    }
    let respondent = alone_respondent(&args, ui, lang)?;
    if args.answers.is_none() {
        refuse_without_terminal(args.phase.as_deref(), ui, lang)?;
    }
    crate::commands::committing::check_log(args.commit, &wb.root, ui, lang)?;
    let phase = match respondent {
        Some(_) => Some(crate::session::readiness::ID),
        None => args.phase.as_deref(),
    };
    let options = Options {
        phase,
        answers: args.answers.as_deref(),
        open: args.open,
        respondent,
        lang,
    };
    let host = RunHost {
        ui,
        commit: args.commit,
        lang,
    };
    crate::session::driver::run(wb, &options, &host)
}

/// The one answering the readiness assessment alone (`--respondent`), if
/// any: a name that is not blank, for no phase but `readiness`, at a
/// terminal.
fn alone_respondent<'a>(args: &'a RunArgs, ui: &Ui, lang: Lang) -> Result<Option<&'a str>> {
    let Some(name) = args.respondent.as_deref().map(str::trim) else {
        return Ok(None);
    };
    if name.is_empty() || name.contains(['\n', '\r']) {
        bail!(lang.pick(
            "--respondent behöver ett namn (eller en roll) på en rad",
            "--respondent needs a name (or a role) on one line"
        ));
    }
    if let Some(phase) = args
        .phase
        .as_deref()
        .filter(|p| *p != crate::session::readiness::ID)
    {
        bail!(tr!(
            lang,
            "--respondent gäller självskattningen av förutsättningar, inte fasen {phase}; kör `dino run readiness --respondent \"{name}\"`",
            "--respondent is for the readiness assessment, not the phase {phase}; run `dino run readiness --respondent \"{name}\"`"
        ));
    }
    let at_terminal = std::io::stdin().is_terminal() && std::io::stderr().is_terminal();
    if ui.no_input || !at_terminal {
        bail!(tr!(
            lang,
            "--respondent låter en person svara ensam på självskattningen i en terminal, och här finns ingen{}; kör `dino run readiness --respondent \"{name}\"` i en terminal (gruppens svar i en fil tas av `dino run readiness --answers FIL`)",
            "--respondent lets one person answer the readiness assessment alone at a terminal, and there is none here{}; run `dino run readiness --respondent \"{name}\"` at a terminal (the group's answers in a file are taken by `dino run readiness --answers FILE`)",
            if ui.no_input { " (--no-input)" } else { "" }
        ));
    }
    Ok(Some(name))
}

/// Questions need a terminal: without one (or with `--no-input`), the way
/// to give the answers in a file is said instead.
fn refuse_without_terminal(phase: Option<&str>, ui: &Ui, lang: Lang) -> Result<()> {
    let at_terminal = std::io::stdin().is_terminal() && std::io::stderr().is_terminal();
    if ui.no_input || !at_terminal {
        let phase = phase.unwrap_or(lang.pick("FAS", "PHASE"));
        bail!(tr!(
            lang,
            "dino run ställer frågor i en terminal, och här finns ingen{}; i ett skript skriver ni svaren i en TOML-fil och kör `dino run {phase} --answers FIL` (se docs/answers-format.md)",
            "dino run asks its questions at a terminal, and there is none here{}; in a script, write the answers in a TOML file and run `dino run {phase} --answers FILE` (see docs/answers-format.md)",
            if ui.no_input { " (--no-input)" } else { "" }
        ));
    }
    Ok(())
}

/// What a run asks of this command: notes through `ui`, the workbook
/// opened again in its language, and what was written printed and
/// committed.
struct RunHost<'a> {
    ui: &'a Ui,
    commit: bool,
    lang: Lang,
}

impl Host for RunHost<'_> {
    fn note(&self, text: &str) {
        self.ui.note(text);
    }

    fn lang_for(&self, workbook_lang: Lang) -> Lang {
        self.ui.lang_for(workbook_lang)
    }

    fn reopen(&self, root: &Path) -> Result<Workbook> {
        super::workbooks::open(root, self.ui)
    }

    fn finish(&self, workbook: &Workbook, written: &[PathBuf], what: &str) -> Result<()> {
        finish(workbook, written, self.commit, what, self.ui, self.lang)
    }
}

/// Prints what was written and commits it when asked.
fn finish(
    wb: &Workbook,
    written: &[PathBuf],
    commit: bool,
    what: &str,
    ui: &Ui,
    lang: Lang,
) -> Result<()> {
    // What was written is in the log: a reader that went away does not
    // stop the commit asked for.
    for path in written {
        crate::out::unless_reader_left(crate::out::line(ui.shown(path)))?;
    }
    if commit {
        let what = tr!(lang, "session i {what}", "session of {what}");
        let message = crate::commands::committing::subject(&wb.file.name, &what);
        crate::commands::committing::commit(&wb.root, written, &message, ui, lang)?;
    }
    Ok(())
}
