//! The project profile as it stands: `workbook.toml`'s `[profile]` with the
//! log's `profile` entries applied in log order, and the workbook's pack
//! bound to it (docs/log-format.md, "Profile changes").

use std::collections::BTreeMap;

use super::answer::{Given, interpret};
use super::folding::Message;
use crate::finding::Finding;
use crate::log::{Body, EntryKind};
use crate::pack::condition::Value;
use crate::workbook::{ProfileSource, Workbook, bound};

/// The profile the log makes of `workbook.toml`'s, where each answer came
/// from, and the records that do not fit.
pub fn fold(
    workbook: &Workbook,
) -> (
    BTreeMap<String, Value>,
    BTreeMap<String, ProfileSource>,
    Vec<Finding>,
) {
    let mut profile = workbook.profile.clone();
    let mut from = workbook.profile_from.clone();
    let mut findings = Vec::new();
    let questions = &workbook.pack_unbound.profile;
    let lineage = super::lineage::Lineage::new(&workbook.entries);
    // Per question, the answers no later answer has seen past.
    let mut standing: BTreeMap<&str, Vec<(usize, Value)>> = BTreeMap::new();
    for (index, loaded) in workbook.entries.iter().enumerate() {
        if loaded.entry.meta.kind != EntryKind::Profile {
            continue;
        }
        let Body::Records(records) = &loaded.entry.body else {
            continue;
        };
        for (at, record) in records.iter().enumerate() {
            let line = loaded.record_lines.get(at).copied().unwrap_or(1);
            let finding = |message: Message| Finding {
                file: loaded.file.clone(),
                line,
                col: 1,
                message: message.into(),
            };
            let Some(question) = questions.iter().find(|q| q.id == record.item) else {
                let near =
                    crate::finding::closest(&record.item, questions.iter().map(|q| q.id.as_str()));
                findings.push(finding(Message::UnknownProfileQuestion {
                    item: record.item.clone(),
                    near: near.map(str::to_string),
                }));
                continue;
            };
            match interpret(&question.kind, &record.answer) {
                Ok(Given::Value(value)) => {
                    let live = standing.entry(question.id.as_str()).or_default();
                    live.retain(|(at, _)| *at != index && !lineage.has_seen(index, *at));
                    if let Some((other, _)) = live.iter().find(|(_, v)| *v != value) {
                        let other = &workbook.entries[*other];
                        findings.push(finding(Message::ProfileChangedDifferently {
                            item: question.id.clone(),
                            file: other.name.clone(),
                            who: other.entry.meta.by.clone().unwrap_or_else(|| "?".into()),
                        }));
                    }
                    live.push((index, value.clone()));
                    profile.insert(question.id.clone(), value);
                    from.insert(question.id.clone(), ProfileSource::Entry(index));
                }
                Ok(_) => findings.push(finding(Message::ProfileNotAnAnswer {
                    item: record.item.clone(),
                })),
                Err(why) => findings.push(finding(Message::Unfit {
                    item: record.item.clone(),
                    why,
                })),
            }
        }
    }
    (profile, from, findings)
}

/// Applies the log's `profile` entries to an open workbook: its profile,
/// where each answer came from, its pack's terms, and the findings of
/// records that do not fit. Every command that opens a workbook does this
/// before it reads the profile.
pub fn bind(workbook: &mut Workbook) {
    let (profile, from, findings) = fold(workbook);
    workbook.pack = bound(&workbook.pack_unbound, &profile);
    workbook.profile = profile;
    workbook.profile_from = from;
    workbook.findings.extend(findings);
}

/// The answers among `profile` that are unsettled (an option with
/// `ask_again`), as (question id, option id), in the pack's order.
pub fn unsettled(workbook: &Workbook) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for question in &workbook.pack.profile {
        if let Some(Value::Str(option)) = workbook.profile.get(&question.id)
            && question
                .kind
                .options()
                .iter()
                .any(|o| &o.id == option && o.ask_again)
        {
            out.push((question.id.clone(), option.clone()));
        }
    }
    out
}

/// Opens the workbook in `root` (as `Workbook::open_as`) with its profile
/// as the log leaves it: the way every command opens one.
pub fn open(
    root: &std::path::Path,
    lang: crate::i18n::Lang,
    own_language: bool,
) -> Result<Workbook, Vec<Finding>> {
    let mut workbook = Workbook::open_as(root, lang, own_language)?;
    bind(&mut workbook);
    Ok(workbook)
}
