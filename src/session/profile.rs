//! Asking a workbook's project profile: every question that applies, from
//! a `--profile` file's answers, else at the terminal through a
//! `Prompter`, else the pack's defaults. Reading the file is
//! `workbook::profile`'s.

use std::collections::BTreeMap;

use anyhow::Result;

use crate::i18n::{Lang, Say};
use crate::log::{Body, Entry, EntryKind, Record};
use crate::pack::condition::Value;
use crate::pack::{Item, Kind, Pack};
use crate::session::prompt::Prompter;
use crate::state::answer::{Given, to_answer};
use crate::state::applies;
use crate::tr;
use crate::workbook::Workbook;

/// How answers not given in a file are found.
pub enum Fill<'a> {
    Ask(&'a mut dyn Prompter),
    /// The pack's defaults (`--no-input`, or no terminal).
    Defaults,
}

/// Answers every profile question that applies: from `given` (a file),
/// else as `fill` says. A required question with no answer and no default
/// is an error that says how to answer it.
pub fn gather(
    pack: &Pack,
    lang: Lang,
    given: BTreeMap<String, Value>,
    mut fill: Fill<'_>,
) -> Result<BTreeMap<String, Value>> {
    let mut answers = BTreeMap::new();
    let mut missing = Vec::new();
    for item in &pack.profile {
        if !applies(item, &answers, &BTreeMap::new()) {
            continue;
        }
        if let Some(value) = given.get(&item.id) {
            answers.insert(item.id.clone(), value.clone());
            continue;
        }
        let value = match &mut fill {
            Fill::Ask(prompter) => ask(*prompter, item, pack.lang_for(lang), lang)?,
            Fill::Defaults => item.default.clone(),
        };
        match value {
            Some(value) => {
                answers.insert(item.id.clone(), value);
            }
            None if item.required => missing.push(item.id.clone()),
            None => {}
        }
    }
    if !missing.is_empty() {
        let ids = missing.join(", ");
        anyhow::bail!(tr!(
            lang,
            "profilfrågorna {ids} saknar svar och har inget förval; svara på dem i en fil med --profile FIL, eller kör utan --no-input i en terminal",
            "the profile questions {ids} have no answer and no default; answer them in a file with --profile FILE, or run without --no-input in a terminal"
        ));
    }
    Ok(answers)
}

/// Walks every profile question that applies, each with its answer as the
/// profile stands chosen, and returns the answers given (changed or not).
pub fn review_with(
    p: &mut dyn Prompter,
    pack: &Pack,
    current: &BTreeMap<String, Value>,
    lang: Lang,
) -> Result<BTreeMap<String, Value>> {
    let mut answers = current.clone();
    for item in &pack.profile {
        if !applies(item, &answers, &BTreeMap::new()) {
            continue;
        }
        let mut asked = item.clone();
        if let Some(now) = current.get(&item.id) {
            asked.default = Some(now.clone());
        }
        if let Some(value) = ask(p, &asked, pack.lang_for(lang), lang)? {
            answers.insert(item.id.clone(), value);
        }
    }
    Ok(answers)
}

/// [`review_with`] at the terminal; refused when there is none.
pub fn review(
    pack: &Pack,
    current: &BTreeMap<String, Value>,
    lang: Lang,
) -> Result<BTreeMap<String, Value>> {
    use std::io::IsTerminal;
    if !(std::io::stdin().is_terminal() && std::io::stderr().is_terminal()) {
        anyhow::bail!(tr!(
            lang,
            "--review frågar vid en terminal; utan en, använd `dino profile set ID VÄRDE`",
            "--review asks at a terminal; without one, use `dino profile set ID VALUE`"
        ));
    }
    let mut prompter = super::prompt::term::TermPrompter::new(lang);
    review_with(&mut prompter, pack, current, lang)
}

/// The `profile` entry for `changes`, in the workbook's language.
pub fn profile_entry(
    wb: &Workbook,
    changes: &[(&Item, Value)],
    reason: Option<String>,
    lang: Lang,
) -> Result<Entry> {
    let text_lang = wb.pack.lang_for(wb.language());
    let records = changes
        .iter()
        .map(|(item, value)| Record {
            item: item.id.clone(),
            prompt: item.prompt.get(text_lang).to_string(),
            answer: to_answer(item, &Given::Value(value.clone()), wb.language()),
            note: reason.clone().filter(|r| !r.trim().is_empty()),
            respondent: None,
            actions: Vec::new(),
            criterion: false,
        })
        .collect();
    let meta = crate::session::note_meta(wb, EntryKind::Profile, lang)?;
    Ok(Entry {
        meta,
        title: format!(
            "{}: {}",
            EntryKind::Profile.label(wb.language()),
            changes
                .iter()
                .map(|(item, _)| item.id.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ),
        body: Body::Records(records),
    })
}

/// The profile as it stands, a line per question: its prompt and answer.
pub fn profile_lines(wb: &Workbook, lang: Lang) -> Vec<String> {
    let text_lang = wb.pack.lang_for(lang);
    let label = |item: &Item, id: &str| {
        item.kind
            .options()
            .iter()
            .find(|o| o.id == id)
            .map_or_else(|| id.to_string(), |o| o.label.get(text_lang).to_string())
    };
    let words = |item: &Item, value: &Value| match value {
        Value::Bool(b) => lang
            .pick(if *b { "Ja" } else { "Nej" }, if *b { "Yes" } else { "No" })
            .to_string(),
        Value::Str(s) => label(item, s),
        Value::Num(n) => crate::state::answer::format_number(*n, lang),
        Value::List(all) => all
            .iter()
            .map(|v| match v {
                Value::Str(s) => label(item, s),
                _ => String::new(),
            })
            .collect::<Vec<_>>()
            .join(", "),
    };
    wb.pack
        .profile
        .iter()
        .filter_map(|item| {
            let value = wb.profile.get(&item.id)?;
            Some(crate::text::terminal_md::visible(&format!(
                "  {}: {}",
                item.prompt.get(text_lang),
                words(item, value)
            )))
        })
        .collect()
}

/// At a gate: whether the profile still holds (each question asked again
/// when it does not), and each question whose answer is unsettled
/// (`ask_again`) asked again in any case. Returns the answers that
/// changed, in the pack's order.
pub fn at_gate(p: &mut dyn Prompter, wb: &Workbook, lang: Lang) -> Result<Vec<(String, Value)>> {
    let holds = p.confirm(
        lang.pick(
            "Gäller projektprofilen fortfarande?",
            "Does the project profile still hold?",
        ),
        true,
    )?;
    let answers = if holds {
        let mut answers = wb.profile.clone();
        let unsettled = crate::state::profile::unsettled(wb);
        for item in wb
            .pack
            .profile
            .iter()
            .filter(|i| unsettled.iter().any(|(id, _)| *id == i.id))
        {
            let mut asked = item.clone();
            asked.default = wb.profile.get(&item.id).cloned();
            if let Some(value) = ask(p, &asked, wb.pack.lang_for(lang), lang)? {
                answers.insert(item.id.clone(), value);
            }
        }
        answers
    } else {
        review_with(p, &wb.pack, &wb.profile, lang)?
    };
    Ok(wb
        .pack
        .profile
        .iter()
        .filter_map(|i| {
            let new = answers.get(&i.id)?;
            (wb.profile.get(&i.id) != Some(new)).then(|| (i.id.clone(), new.clone()))
        })
        .collect())
}

/// Asks one profile question in the widget its kind takes.
fn ask(p: &mut dyn Prompter, item: &Item, text_lang: Lang, lang: Lang) -> Result<Option<Value>> {
    // The question's help is offered beside its answers.
    let mut helped = crate::session::prompt::WithHelp {
        inner: p,
        help: item.help.as_ref().map(|h| h.get(text_lang)),
        lang,
    };
    let p: &mut dyn Prompter = &mut helped;
    let prompt = item.prompt.get(text_lang);
    let default = item.default.as_ref();
    let labels = |options: &[crate::pack::Choice]| -> Vec<String> {
        options
            .iter()
            .map(|o| o.label.get(text_lang).to_string())
            .collect()
    };
    let value = match &item.kind {
        Kind::Check => {
            let default = matches!(default, Some(Value::Bool(true)));
            Value::Bool(p.confirm(prompt, default)?)
        }
        Kind::Choice { options } => {
            let at = options
                .iter()
                .position(|o| default == Some(&Value::Str(o.id.clone())))
                .unwrap_or(0);
            let chosen = p.select(prompt, &labels(options), at)?;
            Value::Str(options[chosen].id.clone())
        }
        Kind::Multi { options } => {
            let on: Vec<bool> = options
                .iter()
                .map(|o| match default {
                    Some(Value::List(ids)) => ids.contains(&Value::Str(o.id.clone())),
                    _ => false,
                })
                .collect();
            let chosen = p.multi(prompt, &labels(options), &on)?;
            Value::List(
                chosen
                    .into_iter()
                    .map(|i| Value::Str(options[i].id.clone()))
                    .collect(),
            )
        }
        Kind::Scale(scale) => {
            let points: Vec<i64> = (scale.min..=scale.max).collect();
            let items: Vec<String> = points
                .iter()
                .map(|n| match scale.labels.get(n) {
                    Some(label) => format!("{n} · {}", label.get(text_lang)),
                    None => n.to_string(),
                })
                .collect();
            let at = match default {
                Some(Value::Num(n)) => points.iter().position(|p| *p as f64 == *n).unwrap_or(0),
                _ => 0,
            };
            Value::Num(points[p.select(prompt, &items, at)?] as f64)
        }
        Kind::Indicator { .. } | Kind::Measurement { .. } => return Ok(None), // not in a profile
        Kind::Text { .. } | Kind::Date | Kind::Number { .. } => {
            match typed(p, item, prompt, default, lang)? {
                Some(value) => value,
                None => return Ok(None),
            }
        }
    };
    Ok(Some(value))
}

/// A text, date or number typed at the terminal, checked as it is typed;
/// `None` when an optional question is left empty.
fn typed(
    p: &mut dyn Prompter,
    item: &Item,
    prompt: &str,
    default: Option<&Value>,
    lang: Lang,
) -> Result<Option<Value>> {
    let kind = item.kind.clone();
    let required = item.required;
    let check = move |text: &str| -> Result<(), String> {
        if text.trim().is_empty() {
            return if required {
                Err(tr!(lang, "ett svar behövs", "an answer is needed"))
            } else {
                Ok(())
            };
        }
        crate::state::answer::typed_in(&kind, text)
            .map(|_| ())
            .map_err(|why| why.say(lang))
    };
    let default_text = match default {
        Some(Value::Str(s)) => Some(s.clone()),
        Some(Value::Num(n)) => Some(n.to_string()),
        _ => None,
    };
    let text = p.input(prompt, default_text.as_deref(), &check)?;
    if text.trim().is_empty() {
        return Ok(None);
    }
    Ok(Some(crate::state::answer::typed_in(&item.kind, &text)?))
}

/// Before a decision taken without the gate's question (`dino gate
/// --decision`, an answers file's `[gate]`): a line on stderr for each
/// profile question whose answer is unsettled (`ask_again`), to settle it;
/// it does not stop the decision.
pub fn remind_unsettled(wb: &Workbook, lang: Lang) {
    for line in unsettled_reminders(wb, lang) {
        crate::out::message(line);
    }
}

/// The reminder for each unsettled profile answer, in `lang`.
pub fn unsettled_reminders(wb: &Workbook, lang: Lang) -> Vec<String> {
    let text_lang = wb.pack.lang_for(lang);
    crate::state::profile::unsettled(wb)
        .into_iter()
        .filter_map(|(id, _)| {
            let item = wb.pack.profile.iter().find(|i| i.id == id)?;
            let answer = crate::report::profile_answer(item, wb.profile.get(&id)?, text_lang, lang);
            Some(tr!(
                lang,
                "påminnelse: {} är fortfarande {}; `dino profile set {id} …` när det är klart",
                "reminder: {} is still {}; `dino profile set {id} …` once it is settled",
                lang.quote(&crate::text::terminal_md::visible(
                    item.prompt.get(text_lang)
                )),
                lang.quote(&crate::text::terminal_md::visible(&answer))
            ))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::builtin;
    use crate::session::prompt::Scripted;

    fn dino() -> Pack {
        builtin::load_named("dino", Lang::Sv).expect("the built-in pack loads")
    }

    #[test]
    fn defaults_answer_what_has_one() {
        let pack = dino();
        let answers = gather(&pack, Lang::Sv, BTreeMap::new(), Fill::Defaults).expect("defaults");
        assert_eq!(
            answers.get("org_kind"),
            Some(&Value::Str("municipality".into()))
        );
    }

    #[test]
    fn questions_are_asked_in_their_widgets() {
        let pack = dino();
        let labels: Vec<String> = pack
            .profile
            .iter()
            .map(|i| match &i.kind {
                Kind::Choice { options } => {
                    options[options.len() - 1].label.get(Lang::Sv).to_string()
                }
                Kind::Multi { options } => options[0].label.get(Lang::Sv).to_string(),
                // A yes-or-no question with help is a list with the help last.
                Kind::Check if i.help.is_some() => "Ja".to_string(),
                Kind::Check => "yes".to_string(),
                _ => "x".to_string(),
            })
            .collect();
        let script: Vec<&str> = labels.iter().map(String::as_str).collect();
        let mut prompter = Scripted::new(&script);
        let answers =
            gather(&pack, Lang::Sv, BTreeMap::new(), Fill::Ask(&mut prompter)).expect("asked");
        for item in &pack.profile {
            let expected = match &item.kind {
                Kind::Choice { options } => Value::Str(options[options.len() - 1].id.clone()),
                Kind::Multi { options } => Value::List(vec![Value::Str(options[0].id.clone())]),
                Kind::Check => Value::Bool(true),
                _ => continue,
            };
            assert_eq!(answers.get(&item.id), Some(&expected), "{}", item.id);
        }
    }
}
