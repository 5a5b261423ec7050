//! The project profile a workbook starts with, read from a `--profile`
//! file and checked against the pack. Asking it, and the defaults, are
//! `session::profile`'s.

use std::cell::RefCell;
use std::collections::BTreeMap;

use anyhow::Result;

use crate::finding::{Finding, SourceText};
use crate::i18n::Said;
use crate::pack::condition::Value;
use crate::pack::plain_value;
use crate::pack::{Pack, check_value};

/// What reading a project profile says; worded in `words`.
#[derive(Clone, Debug)]
pub enum Message {
    /// The pack has no profile question `id`; `hint` helps find the one
    /// meant.
    NoSuchQuestion { id: String, hint: Hint },
    /// A profile answer that is no value an answer can have.
    NotAValue,
    /// The profile file could not be read, for these problems.
    Unreadable { findings: Vec<Finding> },
}

/// What helps with a profile question the pack does not have.
#[derive(Clone, Debug)]
pub enum Hint {
    Nothing,
    /// The name of the question most like it.
    DidYouMean(String),
    /// Every question the pack has, when none is like it.
    TheQuestionsAre(Vec<String>),
}

/// Reads a `--profile` file: `id = value` for profile questions, each
/// checked against the pack, every problem with its line and column.
/// Reads a `--profile` file, or fails with every problem in it listed.
pub fn read_path(path: &std::path::Path, pack: &Pack) -> Result<BTreeMap<String, Value>> {
    let src = crate::pack::source::read_text(path, path.display().to_string())
        .map_err(|f| anyhow::anyhow!("{f}"))?
        .with_lf_line_ends();
    read_file(&src, pack).map_err(|findings| anyhow::Error::new(Message::Unreadable { findings }))
}

pub fn read_file(src: &SourceText, pack: &Pack) -> Result<BTreeMap<String, Value>, Vec<Finding>> {
    let findings = RefCell::new(Vec::new());
    let Some(tree) = crate::toml_read::parse(src, &src.text, &findings) else {
        return Err(findings.into_inner());
    };
    let mut out = BTreeMap::new();
    for (key, value) in tree.get_ref().iter() {
        let id: &str = key.get_ref();
        let Some(item) = pack.profile.iter().find(|i| i.id == id) else {
            let ids = pack.profile.iter().map(|i| i.id.as_str());
            let hint = match crate::finding::closest(id, ids.clone()) {
                Some(near) => Hint::DidYouMean(near.to_string()),
                None => Hint::TheQuestionsAre(ids.map(str::to_string).collect()),
            };
            let message = Message::NoSuchQuestion {
                id: id.to_string(),
                hint,
            };
            findings
                .borrow_mut()
                .push(src.finding(&key.span(), message));
            continue;
        };
        let checked = plain_value(value.get_ref())
            .ok_or_else(|| Said::from(Message::NotAValue))
            .and_then(|v| check_value(&item.kind, &v, format!("`{id}`")).map_err(Said::from));
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
    use crate::i18n::Lang;
    use crate::pack::builtin;

    fn dino() -> Pack {
        builtin::load_named("dino", Lang::Sv).expect("the built-in pack loads")
    }

    #[test]
    fn a_profile_file_is_checked_with_positions() {
        let pack = dino();
        let src = SourceText::new(
            "profil.toml",
            "org_kind = \"region\"\nprocurment = \"yes\"\ndecision_level = \"king\"\n",
        );
        let findings = read_file(&src, &pack).expect_err("two problems");
        let shown: Vec<String> = findings.iter().map(|f| f.in_words(Lang::En)).collect();
        assert_eq!(shown.len(), 2, "{shown:?}");
        assert!(shown[0].starts_with("profil.toml:2:1: the pack has no profile question `procurment`; did you mean `procurement`?"), "{shown:?}");
        assert!(
            shown[1].starts_with("profil.toml:3:18: `king` is not one of the options"),
            "{shown:?}"
        );
    }
}
