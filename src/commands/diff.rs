//! `dino diff [REV1] [REV2]`: what changed in the workbook between two git
//! revisions (by default, from where the branch left its upstream to the
//! working tree), compared state to state, for people, for a pull
//! request's comment, or as JSON.

use std::path::{Path, PathBuf};

use anyhow::{Result, anyhow};
use clap::{Args, ValueEnum};

use crate::git_tree::Repo;
use crate::i18n::Lang;
use crate::report::diff::revision::{self, Failure, Read};
use crate::report::diff::{End, Side, compare, view};
use crate::tr;
use crate::ui::Ui;

/// Show what changed in the workbook between two git revisions
///
/// Answers, gate decisions, actions, risks, readiness, measurements,
/// disagreements and the profile, compared as dino reads them, not as
/// Markdown. Without a revision: from where this branch left its upstream
/// (`git merge-base HEAD @{upstream}`) to the working tree, uncommitted
/// entries too. With one: from it to the working tree. With two: from the
/// first to the second. The index and the working tree are left as they are.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  dino diff\n  dino diff main\n  dino diff v1.0 HEAD --format json\n  dino diff origin/main --format md > kommentar.md"
)]
pub struct DiffArgs {
    /// The revision to compare from [default: the merge base with the
    /// upstream, else HEAD]
    #[arg(value_name = "REV1")]
    pub from: Option<String>,

    /// The revision to compare to [default: the working tree]
    #[arg(value_name = "REV2")]
    pub to: Option<String>,

    /// The workbook [default: the workbook this folder is in]
    #[arg(long, value_name = "PATH")]
    pub workbook: Option<PathBuf>,

    /// Output format
    #[arg(long, value_enum, default_value_t)]
    pub format: DiffFormat,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    /// Tables for people (plain, full-width rows when piped)
    #[default]
    Table,
    /// Markdown for a pull request's comment
    Md,
    /// JSON for programs, with `"schema": 1` (docs/json.md)
    Json,
}

/// One end to read: a commit (as asked, and its hash), or the working tree.
enum Asked {
    Commit { rev: String, commit: String },
    WorkingTree,
}

pub fn run(args: DiffArgs, ui: &Ui) -> Result<()> {
    let root = workbook_root(args.workbook.as_deref(), ui.lang)?;
    let lang = super::workbooks::lang_of(&root, ui);
    let own = !ui.lang_chosen;
    let git = |m: crate::git_tree::Message| anyhow!("{}", crate::i18n::Say::say(&m, lang));
    let repo = find_repo(&root).map_err(git)?;
    repo.inside(&root).map_err(git)?;
    let mut notes = Vec::new();
    let (from, to) = range(&repo, &args, lang, &mut notes).map_err(git)?;
    let now = crate::session::clock::now(lang)?.date();
    let old = read_end(&repo, &from, &root, lang, own, now)?;
    let new = read_end(&repo, &to, &root, lang, own, now)?;
    let name = new
        .as_ref()
        .or(old.as_ref())
        .map_or_else(|| root.display().to_string(), |r| r.name.clone());
    let empty = Side::default();
    let side = |r: &Option<Read>| r.as_ref().map_or_else(|| empty.clone(), |r| r.side.clone());
    let mut diff = compare(
        name,
        end(&from, old.is_some()),
        end(&to, new.is_some()),
        &side(&old),
        &side(&new),
    );
    notes.extend(old.into_iter().chain(new).flat_map(|r| r.notes));
    diff.notes = notes;
    let text = match args.format {
        DiffFormat::Table => {
            crate::text::terminal_md::visible_lines(&view::table(&diff, lang, ui.terminal_width()))
        }
        DiffFormat::Md => view::markdown(&diff, lang),
        DiffFormat::Json => crate::report::json::pretty(&view::json(&diff))? + "\n",
    };
    super::status::write_out(&text)
}

/// The workbook named, or the one this folder is in.
fn workbook_root(asked: Option<&Path>, lang: Lang) -> Result<PathBuf> {
    if let Some(path) = asked {
        return Ok(path.to_path_buf());
    }
    crate::workbook::discover::enclosing(Path::new(".")).ok_or_else(|| {
        anyhow!(tr!(
            lang,
            "här finns ingen arbetsbok ({} i mappen eller ovanför); gå till arbetsbokens mapp eller ange den med --workbook MAPP",
            "not in a workbook ({} in this folder or above it); go to the workbook's folder or name it with --workbook DIR",
            crate::workbook::WORKBOOK_FILE
        ))
    })
}

/// The repository this folder is in, else the one the workbook is in;
/// named by its whole path when there is none.
fn find_repo(root: &Path) -> Result<Repo, crate::git_tree::Message> {
    let here = std::path::absolute(".").unwrap_or_else(|_| PathBuf::from("."));
    Repo::find(&here).or_else(|first| match root.is_dir() {
        true => Repo::find(root).map_err(|_| first),
        false => Err(first),
    })
}

/// The two ends the arguments ask for; the default's choice told in
/// `notes`.
fn range(
    repo: &Repo,
    args: &DiffArgs,
    lang: Lang,
    notes: &mut Vec<String>,
) -> Result<(Asked, Asked), crate::git_tree::Message> {
    let commit = |rev: &str| -> Result<Asked, crate::git_tree::Message> {
        Ok(Asked::Commit {
            rev: rev.to_string(),
            commit: repo.commit(rev)?,
        })
    };
    let to = match &args.to {
        Some(rev) => commit(rev)?,
        None => Asked::WorkingTree,
    };
    let from = match &args.from {
        Some(rev) => commit(rev)?,
        None => match repo.upstream_base()? {
            Some((upstream, base)) => Asked::Commit {
                rev: tr!(
                    lang,
                    "förgreningen från {upstream}",
                    "the merge base with {upstream}"
                ),
                commit: base,
            },
            None => {
                notes.push(
                    lang.pick(
                        "grenen har ingen uppströmsgren (upstream): jämför från HEAD, den senaste incheckningen",
                        "the branch has no upstream: comparing from HEAD, the latest commit",
                    )
                    .to_string(),
                );
                commit("HEAD")?
            }
        },
    };
    Ok((from, to))
}

/// Reads one end; `None` when a commit has no workbook there.
fn read_end(
    repo: &Repo,
    asked: &Asked,
    root: &Path,
    lang: Lang,
    own: bool,
    now: jiff::civil::Date,
) -> Result<Option<Read>> {
    let read = match asked {
        Asked::WorkingTree => revision::working_tree(root, lang, own, now).map(Some),
        Asked::Commit { rev, commit } => {
            let as_of = commit_day(repo, commit).unwrap_or(now);
            revision::at_commit(repo, rev, commit, root, lang, own, as_of)
        }
    };
    read.map_err(|failure| match failure {
        Failure::Git(m) => anyhow!("{}", crate::i18n::Say::say(&m, lang)),
        Failure::Open(findings) => super::workbooks::failed(root, &findings, lang),
        Failure::Io(err) => anyhow!(tr!(
            lang,
            "kunde inte göra en tillfällig mapp: {err}",
            "could not make a temporary folder: {err}"
        )),
    })
}

/// The day `commit` was made, as its own time zone has it.
fn commit_day(repo: &Repo, commit: &str) -> Option<jiff::civil::Date> {
    let time = repo.commit_time(commit)?;
    time.get(..10)?.parse().ok()
}

fn end(asked: &Asked, present: bool) -> End {
    match asked {
        Asked::Commit { rev, commit } => End {
            rev: Some(rev.clone()),
            commit: Some(commit.clone()),
            present,
        },
        Asked::WorkingTree => End {
            rev: None,
            commit: None,
            present,
        },
    }
}
