//! What a team sees of its pack, in one language: each item's prompt,
//! kind, whether it is required, its condition and options, and the
//! readiness statements. A workbook records it as `pack-snapshot.toml`
//! (`workbook::snapshot` writes and reads that file), so that, when the
//! pack changes later, `dino status` and `dino upgrade` can say what
//! changed (`pack::diff`; docs/log-format.md, "The pack snapshot").
//! Beside the pack, it keeps the `[profile]` answers dino last wrote into
//! `workbook.toml`, so that `dino check` can tell an edit by hand.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::condition::Value;
use super::{Item, Kind, Pack};
use crate::i18n::Lang;

/// What a workbook saw of its pack, in the workbook's language.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Snapshot {
    pub pack: String,
    pub version: String,
    pub hash: String,
    pub language: String,
    /// The `[profile]` answers dino last wrote into `workbook.toml`, by
    /// question id; `None` in a snapshot an older dino wrote.
    #[serde(default)]
    pub profile_answers: Option<BTreeMap<String, Value>>,
    #[serde(default)]
    pub profile: Vec<ItemShot>,
    #[serde(default, rename = "phase")]
    pub phases: Vec<PhaseShot>,
    #[serde(default)]
    pub readiness: Vec<StatementShot>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PhaseShot {
    pub id: String,
    pub title: String,
    #[serde(default, rename = "item")]
    pub items: Vec<ItemShot>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemShot {
    pub id: String,
    pub kind: String,
    pub prompt: String,
    #[serde(default)]
    pub required: bool,
    #[serde(default)]
    pub when: Option<String>,
    #[serde(default)]
    pub options: Vec<OptionShot>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OptionShot {
    pub id: String,
    pub label: String,
}

/// A readiness statement, `dimension.statement`.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatementShot {
    pub id: String,
    pub text: String,
}

impl Snapshot {
    /// The pack as a workbook in `lang` sees it.
    pub fn of(pack: &Pack, lang: Lang) -> Snapshot {
        let lang = pack.lang_for(lang);
        let readiness = pack
            .readiness
            .iter()
            .flat_map(|r| &r.dimensions)
            .flat_map(|d| {
                d.statements.iter().map(move |s| StatementShot {
                    id: format!("{}.{}", d.id, s.id),
                    text: s.text.get(lang).to_string(),
                })
            })
            .collect();
        Snapshot {
            pack: pack.id.clone(),
            version: pack.version.clone(),
            hash: pack.recorded_hash(),
            language: lang.code().to_string(),
            profile_answers: None,
            profile: pack.profile.iter().map(|i| ItemShot::of(i, lang)).collect(),
            phases: pack
                .phases
                .iter()
                .map(|p| PhaseShot {
                    id: p.id.clone(),
                    title: p.title.get(lang).to_string(),
                    items: p.items.iter().map(|i| ItemShot::of(i, lang)).collect(),
                })
                .collect(),
            readiness,
        }
    }
}

impl Snapshot {
    /// The pack as a workbook in `lang` sees it, with the `[profile]`
    /// answers that are written into its `workbook.toml` beside it.
    pub fn recording(pack: &Pack, lang: Lang, answers: &BTreeMap<String, Value>) -> Snapshot {
        Snapshot {
            profile_answers: Some(answers.clone()),
            ..Snapshot::of(pack, lang)
        }
    }
}

impl ItemShot {
    fn of(item: &Item, lang: Lang) -> ItemShot {
        let kind = match &item.kind {
            Kind::Text { long: true } => "text (long)".to_string(),
            Kind::Scale(s) => format!("scale {}–{}", s.min, s.max),
            Kind::Number { min, max, .. } => match (min, max) {
                (None, None) => "number".to_string(),
                (Some(min), None) => format!("number ≥ {min}"),
                (None, Some(max)) => format!("number ≤ {max}"),
                (Some(min), Some(max)) => format!("number {min}–{max}"),
            },
            Kind::Measurement { indicator, due } => match due {
                Some(due) => format!("measurement of {indicator}, due {due}"),
                None => format!("measurement of {indicator}"),
            },
            other => other.name().to_string(),
        };
        ItemShot {
            id: item.id.clone(),
            kind,
            prompt: item.prompt.get(lang).to_string(),
            required: item.required,
            when: item.when.as_ref().map(|c| c.source.clone()),
            options: item
                .kind
                .options()
                .iter()
                .map(|o| OptionShot {
                    id: o.id.clone(),
                    label: o.label.get(lang).to_string(),
                })
                .collect(),
        }
    }
}
