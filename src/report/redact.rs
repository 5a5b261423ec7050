//! `--redact`: the people a workbook records (facilitators, authors,
//! participants) replaced everywhere in a report, free text included, by
//! their role or a stable pseudonym, so the report can be shared.

use std::collections::BTreeMap;

use anyhow::Result;

use super::WorkbookReport;
use crate::i18n::Lang;
use crate::workbook::Workbook;

/// Who a workbook names, and what each name becomes: the role they had, or
/// "Deltagare 1", "Deltagare 2", … in the order they first appear.
pub fn pseudonyms(wb: &Workbook, lang: Lang) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    let mut roles: BTreeMap<String, String> = BTreeMap::new();
    let mut order: Vec<String> = Vec::new();
    let see = |name: &str, order: &mut Vec<String>| {
        let name = name.trim();
        if !name.is_empty() && !order.iter().any(|n| n == name) {
            order.push(name.to_string());
        }
    };
    for e in &wb.entries {
        let meta = &e.entry.meta;
        if let Some(by) = &meta.by {
            see(by, &mut order);
            let role = if meta.kind.is_note() {
                lang.pick("Skribent", "Author")
            } else {
                lang.pick("Processledare", "Facilitator")
            };
            roles
                .entry(by.trim().to_string())
                .or_insert_with(|| role.to_string());
        }
        for p in &meta.participants {
            see(&p.name, &mut order);
            if let Some(role) = p.role.as_ref().filter(|r| !r.trim().is_empty()) {
                roles.insert(p.name.trim().to_string(), role.trim().to_string());
            }
        }
    }
    let mut unnamed = 0;
    for name in order {
        let replacement = match roles.get(&name) {
            Some(role) => format!("[{role}]"),
            None => {
                unnamed += 1;
                format!("[{} {unnamed}]", lang.pick("Deltagare", "Participant"))
            }
        };
        out.push((name, replacement));
    }
    out
}

/// Replaces every name, and each part of it of three letters or more, as a
/// whole word.
pub fn redact_text(text: &str, names: &[(String, String)]) -> String {
    // Whole names first, then their parts, longest first.
    let mut patterns: Vec<(String, &str)> = Vec::new();
    for (name, replacement) in names {
        patterns.push((name.clone(), replacement));
    }
    for (name, replacement) in names {
        for part in name.split(|c: char| c.is_whitespace() || c == '-') {
            if part.chars().count() >= 3 && !patterns.iter().any(|(p, _)| p == part) {
                patterns.push((part.to_string(), replacement));
            }
        }
    }
    patterns.sort_by_key(|(p, _)| std::cmp::Reverse(p.chars().count()));
    let mut out = text.to_string();
    for (pattern, replacement) in &patterns {
        out = replace_word(&out, pattern, replacement);
    }
    out
}

/// Replaces `word` where it stands as a whole word (not inside another),
/// also with a Swedish genitive `s` after it (`Annikas`, `Per-Olofs`).
fn replace_word(text: &str, word: &str, with: &str) -> String {
    if word.is_empty() {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(word) {
        let before = rest[..at].chars().next_back();
        let tail = &rest[at + word.len()..];
        let tail = tail.strip_prefix('s').unwrap_or(tail);
        let after = tail.chars().next();
        let bounded = before.is_none_or(|c| !c.is_alphanumeric())
            && after.is_none_or(|c| !c.is_alphanumeric());
        out.push_str(&rest[..at]);
        out.push_str(if bounded { with } else { word });
        rest = &rest[at + word.len()..];
    }
    out.push_str(rest);
    out
}

/// The report with every name replaced, in every text it holds.
pub fn redact(report: &WorkbookReport, names: &[(String, String)]) -> Result<WorkbookReport> {
    let mut value = serde_json::to_value(report)?;
    walk(&mut value, names);
    Ok(serde_json::from_value(value)?)
}

fn walk(value: &mut serde_json::Value, names: &[(String, String)]) {
    match value {
        serde_json::Value::String(s) => *s = redact_text(s, names),
        serde_json::Value::Array(items) => items.iter_mut().for_each(|v| walk(v, names)),
        serde_json::Value::Object(map) => map.values_mut().for_each(|v| walk(v, names)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_their_parts_go_but_other_words_stay() {
        let names = vec![
            ("Anna Lind".to_string(), "[Processledare]".to_string()),
            ("Omar Said".to_string(), "[Rektor]".to_string()),
        ];
        assert_eq!(
            redact_text(
                "Anna Lind och Omar träffade Lindström. Annas svar: Said.",
                &names
            ),
            "[Processledare] och [Rektor] träffade Lindström. [Processledare]s svar: [Rektor]."
        );
    }
}
