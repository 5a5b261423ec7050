//! `dino profile`: the project profile as it stands and where each answer
//! came from; `dino profile set ID VALUE` and `dino profile --review`
//! change it by a `profile` entry in the log, never by editing
//! `workbook.toml`.

use std::collections::BTreeMap;

use anyhow::{Result, bail};
use clap::{Args, Subcommand};

use crate::i18n::Lang;
use crate::pack::condition::Value;
use crate::pack::{Item, Kind};
use crate::tr;
use crate::ui::Ui;
use crate::workbook::{ProfileSource, Workbook};

/// Show the project profile, or change it by an entry in the log
///
/// With no arguments: each question, its answer and where the answer came
/// from (workbook.toml or the entry that changed it). The profile changes
/// only by an entry in the log, never by editing workbook.toml.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  dino profile\n  dino profile set procurement yes --reason \"Vi behöver en enkättjänst\"\n  dino profile --review --commit"
)]
pub struct ProfileArgs {
    #[command(subcommand)]
    pub action: Option<ProfileAction>,

    /// Walk every question, the current answers chosen, and record what
    /// changed (at a terminal)
    #[arg(long)]
    pub review: bool,

    /// Why the profile changed, kept as the note on each answer
    #[arg(long, value_name = "TEXT", global = true)]
    pub reason: Option<String>,

    /// Commit the files written with git (outside a repository: a note, no commit)
    #[arg(long, global = true)]
    pub commit: bool,
}

#[derive(Debug, Subcommand)]
pub enum ProfileAction {
    /// Change one answer: an option (its id or its label) for a choice,
    /// true or false for a check, options separated by commas for a multi
    Set {
        /// The profile question's id
        id: String,
        /// The new answer
        value: String,
    },
}

pub fn run(args: ProfileArgs, ui: &Ui) -> Result<()> {
    let wb = super::workbooks::open_current(ui)?;
    let lang = ui.lang_for(wb.language());
    super::committing::check_log(args.commit, &wb.root, ui, lang)?;
    match args.action {
        Some(ProfileAction::Set { id, value }) => {
            let item = question(&wb, &id, lang)?;
            let value = value_of(item, &value, wb.pack.lang_for(lang), lang)?;
            let changes = changed(&wb, vec![(item.id.clone(), value)]);
            write_changes(&wb, &changes, args.reason, args.commit, ui, lang)
        }
        None if args.review => {
            let answers = crate::session::profile::review(&wb.pack, &wb.profile, lang)?;
            let changes = changed(&wb, answers.into_iter().collect());
            write_changes(&wb, &changes, args.reason, args.commit, ui, lang)
        }
        None => show(&wb, lang),
    }
}

/// The profile question `id`, or an error naming the closest.
fn question<'w>(wb: &'w Workbook, id: &str, lang: Lang) -> Result<&'w Item> {
    if let Some(item) = wb.pack.profile.iter().find(|i| i.id == id) {
        return Ok(item);
    }
    let ids = wb.pack.profile.iter().map(|i| i.id.as_str());
    let hint = match crate::finding::closest(id, ids) {
        Some(near) => tr!(lang, "; menade du `{near}`?", "; did you mean `{near}`?"),
        None => String::new(),
    };
    bail!(tr!(
        lang,
        "profilen har ingen fråga `{id}`{hint} (`dino profile` visar frågorna); inget skrevs",
        "the profile has no question `{id}`{hint} (`dino profile` shows them); nothing was written"
    ))
}

/// A value as typed on the command line, for a question's kind: an
/// option (its id, or its label in either language, any case), `true` or
/// `false`, options separated by commas, a number or a day; checked
/// against the question.
fn value_of(item: &Item, text: &str, text_lang: Lang, lang: Lang) -> Result<Value> {
    let text = text.trim();
    let value = match &item.kind {
        Kind::Check => match text {
            "true" | "ja" | "yes" => Value::Bool(true),
            "false" | "nej" | "no" => Value::Bool(false),
            _ => bail!(tr!(
                lang,
                "`{}` besvaras med true eller false, inte `{text}`; inget skrevs",
                "`{}` takes true or false, not `{text}`; nothing was written",
                item.id
            )),
        },
        Kind::Multi { .. } => Value::List(
            text.split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(|s| Value::Str(option_id(item, s)))
                .collect(),
        ),
        Kind::Scale(_) => match text.parse::<i64>() {
            Ok(n) => Value::Num(n as f64),
            Err(_) => Value::Str(text.to_string()),
        },
        Kind::Choice { .. } => Value::Str(option_id(item, text)),
        kind => crate::state::answer::typed_in(kind, text)
            .map_err(|m| anyhow::anyhow!("`{}`: {m}; {}", item.id, nothing_written(lang)))?,
    };
    refuse_unknown_options(item, &value, text_lang, lang)?;
    crate::pack::check_value(&item.kind, &value, format!("`{}`", item.id))
        .map_err(|m| anyhow::anyhow!("{m}; {}", nothing_written(lang)))
}

/// The id of the option `written` names: its id, or its label in either
/// language, any case; else `written` as it is, to be refused.
fn option_id(item: &Item, written: &str) -> String {
    let options = item.kind.options();
    if options.iter().any(|o| o.id == written) {
        return written.to_string();
    }
    let folded = written.to_lowercase();
    options
        .iter()
        .find(|o| {
            Lang::ALL
                .iter()
                .any(|l| o.label.get(*l).trim().to_lowercase() == folded)
        })
        .map_or_else(|| written.to_string(), |o| o.id.clone())
}

/// An option the question does not have, with the closest it has and
/// every option, its id and its label.
fn refuse_unknown_options(item: &Item, value: &Value, text_lang: Lang, lang: Lang) -> Result<()> {
    let options = item.kind.options();
    let given: Vec<&str> = match value {
        Value::Str(s) if !options.is_empty() => vec![s.as_str()],
        Value::List(all) => all
            .iter()
            .filter_map(|v| match v {
                Value::Str(s) => Some(s.as_str()),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    };
    let Some(unknown) = given
        .into_iter()
        .find(|g| !options.iter().any(|o| o.id == *g))
    else {
        return Ok(());
    };
    let ids: Vec<&str> = options.iter().map(|o| o.id.as_str()).collect();
    let hint = match crate::finding::closest(unknown, ids.iter().copied()) {
        Some(near) => tr!(lang, "; menade du `{near}`?", "; did you mean `{near}`?"),
        None => String::new(),
    };
    let all: Vec<String> = options
        .iter()
        .map(|o| format!("`{}` ({})", o.id, o.label.get(text_lang)))
        .collect();
    bail!(tr!(
        lang,
        "`{}` har inget alternativ `{unknown}`{hint} (alternativen: {}); inget skrevs",
        "`{}` has no option `{unknown}`{hint} (the options: {}); nothing was written",
        item.id,
        all.join(", ")
    ))
}

fn nothing_written(lang: Lang) -> &'static str {
    lang.pick("inget skrevs", "nothing was written")
}

/// The answers that differ from the profile as it stands, in the pack's
/// order.
fn changed(wb: &Workbook, answers: Vec<(String, Value)>) -> Vec<(&Item, Value)> {
    let answers: BTreeMap<String, Value> = answers.into_iter().collect();
    wb.pack
        .profile
        .iter()
        .filter_map(|item| {
            let new = answers.get(&item.id)?;
            (wb.profile.get(&item.id) != Some(new)).then(|| (item, new.clone()))
        })
        .collect()
}

/// Writes one `profile` entry with a record per changed answer; says so
/// when nothing changed.
fn write_changes(
    wb: &Workbook,
    changes: &[(&Item, Value)],
    reason: Option<String>,
    commit: bool,
    ui: &Ui,
    lang: Lang,
) -> Result<()> {
    if changes.is_empty() {
        ui.note(&tr!(
            lang,
            "profilen är oförändrad; inget skrevs",
            "the profile is unchanged; nothing was written"
        ));
        return Ok(());
    }
    if let Some(reason) = &reason {
        crate::session::note_text::refuse_unwritable(reason, lang)?;
    }
    let entry = crate::session::profile::profile_entry(wb, changes, reason, lang)?;
    let before = crate::state::fold(wb);
    super::note::write_note(wb, &entry, commit, ui, lang)?;
    let after = super::workbooks::open_current(ui)?;
    newly_required(&before, &after, ui, lang);
    Ok(())
}

/// Says which required items the change made apply that are not done,
/// phase by phase: a phase already passed may have some again.
fn newly_required(before: &crate::state::State, after: &Workbook, ui: &Ui, lang: Lang) {
    let state = crate::state::fold(after);
    let text_lang = after.pack.lang_for(after.language());
    for ((was, now), phase) in before
        .phases
        .iter()
        .zip(&state.phases)
        .zip(&after.pack.phases)
    {
        for id in now.open.iter().filter(|id| !was.open.contains(id)) {
            let Some(item) = phase.item(id) else { continue };
            ui.note(&tr!(
                lang,
                "nu krävs också i {}: {} [{}.{id}]",
                "now also required in {}: {} [{}.{id}]",
                phase.title.get(text_lang),
                crate::text::terminal_md::visible(item.prompt.get(text_lang)),
                phase.id
            ));
        }
    }
}

/// Each question, its answer and where the answer came from.
fn show(wb: &Workbook, lang: Lang) -> Result<()> {
    let text_lang = wb.pack.lang_for(lang);
    for item in &wb.pack.profile {
        let answer = wb.profile.get(&item.id).map_or_else(
            || lang.pick("(obesvarad)", "(unanswered)").to_string(),
            |v| with_ids(item, v, text_lang, lang),
        );
        let from = match wb.profile_from.get(&item.id) {
            Some(ProfileSource::Entry(i)) => {
                let e = &wb.entries[*i];
                tr!(
                    lang,
                    "post {} ({})",
                    "entry {} ({})",
                    e.id,
                    e.entry.meta.date.date()
                )
            }
            Some(ProfileSource::File) => "workbook.toml".to_string(),
            None => "—".to_string(),
        };
        let prompt = crate::text::terminal_md::visible(item.prompt.get(text_lang));
        let answer = crate::text::terminal_md::visible(&answer);
        crate::out::line(format!("{} ({})", prompt, item.id))?;
        crate::out::line(format!("  {answer}  · {from}"))?;
    }
    Ok(())
}

/// An answer in words, each option's id beside its label (`set` takes
/// ids).
fn with_ids(item: &Item, value: &Value, text_lang: Lang, lang: Lang) -> String {
    let labelled = |id: &str| {
        item.kind.options().iter().find(|o| o.id == id).map_or_else(
            || id.to_string(),
            |o| format!("{} ({id})", o.label.get(text_lang)),
        )
    };
    match (value, &item.kind) {
        (Value::Str(id), Kind::Choice { .. }) => labelled(id),
        (Value::List(all), Kind::Multi { .. }) if !all.is_empty() => all
            .iter()
            .map(|v| match v {
                Value::Str(id) => labelled(id),
                other => crate::report::profile_answer(item, other, text_lang, lang),
            })
            .collect::<Vec<_>>()
            .join(", "),
        _ => crate::report::profile_answer(item, value, text_lang, lang),
    }
}
