//! The project profile a workbook starts with: asked at the terminal, read
//! from a `--profile` file, or taken from the pack's defaults.

use std::cell::RefCell;
use std::collections::BTreeMap;

use anyhow::Result;

use crate::finding::{Finding, SourceText};
use crate::i18n::Lang;
use crate::pack::condition::Value;
use crate::pack::{Item, Kind, Pack, check_value};
use crate::prompt::Prompter;
use crate::state::applies;
use crate::toml_read::plain_value;
use crate::tr;

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

/// Asks one profile question in the widget its kind takes.
fn ask(p: &mut dyn Prompter, item: &Item, text_lang: Lang, lang: Lang) -> Result<Option<Value>> {
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
        Kind::Text { .. } | Kind::Date | Kind::Number { .. } => {
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
                crate::state::interpret::typed_in(&kind, text, lang).map(|_| ())
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
            crate::state::interpret::typed_in(&item.kind, &text, lang)
                .map_err(anyhow::Error::msg)?
        }
    };
    Ok(Some(value))
}

/// Reads a `--profile` file: `id = value` for profile questions, each
/// checked against the pack, every problem with its line and column.
/// Reads a `--profile` file, or fails with every problem in it listed.
pub fn read_path(
    path: &std::path::Path,
    pack: &Pack,
    lang: Lang,
) -> Result<BTreeMap<String, Value>> {
    let src = crate::pack::source::read_text(path, path.display().to_string(), lang)
        .map_err(|f| anyhow::anyhow!("{f}"))?;
    read_file(&src, pack, lang).map_err(|findings| {
        let lines: Vec<String> = findings.iter().map(ToString::to_string).collect();
        anyhow::anyhow!(
            "{}\n{}",
            tr!(
                lang,
                "profilfilen kunde inte läsas:",
                "the profile file could not be read:"
            ),
            lines.join("\n")
        )
    })
}

pub fn read_file(
    src: &SourceText,
    pack: &Pack,
    lang: Lang,
) -> Result<BTreeMap<String, Value>, Vec<Finding>> {
    let findings = RefCell::new(Vec::new());
    let Some(tree) = crate::toml_read::parse(src, &src.text, lang, &findings) else {
        return Err(findings.into_inner());
    };
    let mut out = BTreeMap::new();
    for (key, value) in tree.get_ref().iter() {
        let id: &str = key.get_ref();
        let Some(item) = pack.profile.iter().find(|i| i.id == id) else {
            let near = crate::finding::closest(id, pack.profile.iter().map(|i| i.id.as_str()));
            let hint = match near {
                Some(n) => tr!(lang, "; menade du `{n}`?", "; did you mean `{n}`?"),
                None => {
                    let ids: Vec<&str> = pack.profile.iter().map(|i| i.id.as_str()).collect();
                    let ids = ids.join(", ");
                    tr!(lang, "; frågorna är {ids}", "; the questions are {ids}")
                }
            };
            findings.borrow_mut().push(src.finding(
                &key.span(),
                tr!(
                    lang,
                    "paketet har ingen profilfråga `{id}`{hint}",
                    "the pack has no profile question `{id}`{hint}"
                ),
            ));
            continue;
        };
        let checked = plain_value(value.get_ref())
            .ok_or_else(|| tr!(lang, "ogiltigt värde", "not a valid value"))
            .and_then(|v| check_value(&item.kind, &v, &format!("`{id}`"), lang));
        match checked {
            Ok(v) => {
                out.insert(id.to_string(), v);
            }
            Err(message) => findings
                .borrow_mut()
                .push(src.finding(&value.span(), message)),
        }
    }
    let mut findings = findings.into_inner();
    findings.sort();
    if findings.is_empty() {
        Ok(out)
    } else {
        Err(findings)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::builtin;
    use crate::prompt::Scripted;

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

    #[test]
    fn a_profile_file_is_checked_with_positions() {
        let pack = dino();
        let src = SourceText::new(
            "profil.toml",
            "org_kind = \"region\"\nprocurment = \"yes\"\ndecision_level = \"king\"\n",
        );
        let findings = read_file(&src, &pack, Lang::En).expect_err("two problems");
        let shown: Vec<String> = findings.iter().map(ToString::to_string).collect();
        assert_eq!(shown.len(), 2, "{shown:?}");
        assert!(shown[0].starts_with("profil.toml:2:1: the pack has no profile question `procurment`; did you mean `procurement`?"), "{shown:?}");
        assert!(
            shown[1].starts_with("profil.toml:3:18: `king` is not one of the options"),
            "{shown:?}"
        );
    }
}
