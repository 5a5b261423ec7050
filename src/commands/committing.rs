//! `--commit` for every command that writes: what would make the commit
//! fail checked before anything is written, and a commit that fails all the
//! same ending the command with an error, so `dino … --commit && git push`
//! never pushes without it.

use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::exit::{ERROR, Exit};
use crate::git::Message;
use crate::i18n::{Lang, Say};
use crate::ui::Ui;

/// Before writing, when `--commit` is asked: an error (nothing written)
/// when git would refuse the commit for certain, a note when HEAD is
/// detached. `probe` is a file the command is about to write.
pub fn check_before(asked: bool, dir: &Path, probe: &Path, ui: &Ui, lang: Lang) -> Result<()> {
    if !asked {
        return Ok(());
    }
    match crate::git::before_writing(dir, probe) {
        Ok(None) => Ok(()),
        Ok(Some(warning)) => {
            ui.note(&warning.say(lang));
            Ok(())
        }
        Err(refusal) => Err(refused(&refusal, lang)),
    }
}

/// Before writing into `log/`: as `check_before`, with a file in `log/`
/// as the probe.
pub fn check_log(asked: bool, root: &Path, ui: &Ui, lang: Lang) -> Result<()> {
    let probe = root
        .join(crate::workbook::LOG_DIR)
        .join("dino-commit-probe.md");
    check_before(asked, root, &probe, ui, lang)
}

/// Before rewriting `file` with `--commit`: an error (nothing written) when
/// it has changes of its own not committed yet, which the commit would
/// take along unseen.
pub fn refuse_uncommitted(asked: bool, dir: &Path, file: &Path, lang: Lang) -> Result<()> {
    if asked && crate::git::has_changes(dir, file) {
        let path = file.display().to_string();
        return Err(refused(&Message::Uncommitted { path }, lang));
    }
    Ok(())
}

/// Commits `files` with `message`. Outside a repository, or without git,
/// a note says so; a commit git refused is an error, the files written
/// and no longer staged.
pub fn commit(dir: &Path, files: &[PathBuf], message: &str, ui: &Ui, lang: Lang) -> Result<()> {
    match crate::git::commit(dir, files, message) {
        Ok(note) | Err(note @ (Message::NoGit | Message::NotARepository { .. })) => {
            ui.note(&note.say(lang));
            Ok(())
        }
        Err(failed) => Err(refused(&failed, lang)),
    }
}

fn refused(message: &Message, lang: Lang) -> anyhow::Error {
    Exit {
        code: ERROR,
        message: message.say(lang),
    }
    .into()
}

/// A commit message's subject: what was written, in which workbook
/// (`dino: Snabbare validering: beslut vid Initiering`), with a note's
/// first line cut to fit a subject line.
pub fn subject(workbook: &str, what: &str) -> String {
    let mut subject = format!("dino: {workbook}: {what}");
    if subject.chars().count() > 72 {
        subject = subject.chars().take(71).collect::<String>() + "…";
    }
    subject
}

/// The first line of a note's text, for a commit subject.
pub fn first_line(text: &str) -> &str {
    text.lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or_default()
        .trim()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_subject_names_the_workbook_and_fits_a_line() {
        assert_eq!(
            subject("Alfa", "session i Initiering"),
            "dino: Alfa: session i Initiering"
        );
        let long = subject("Snabbare validering för nyanlända", &"risk: ".repeat(20));
        assert_eq!(long.chars().count(), 72);
        assert!(long.ends_with('…'));
    }

    #[test]
    fn the_first_line_skips_blank_lines() {
        assert_eq!(first_line("\n  Boka mötet  \nmed AF"), "Boka mötet");
        assert_eq!(first_line(""), "");
    }
}
