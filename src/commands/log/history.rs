//! `dino log --item ID`: every value one item has had, in log order, with
//! who gave it, when, in which entry and (where git knows) which commit,
//! and whether it counts, stands beside another (a disagreement) or was
//! replaced.

use anyhow::{Result, bail};
use serde_json::json;

use crate::git::Added;
use crate::i18n::Lang;
use crate::log::Body;
use crate::report::state_words::answer_in_line;
use crate::state::State;
use crate::text::table::new_table;
use crate::text::terminal_md::visible;
use crate::tr;
use crate::ui::Ui;
use crate::workbook::Workbook;

/// Commits by entry file name, where git knows them.
type Commits = std::collections::BTreeMap<String, Added>;

/// One value the item had.
struct Given {
    entry: usize,
    answer: crate::log::Answer,
    note: Option<String>,
    standing: Standing,
}

/// Where a value stands now.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Standing {
    Counts,
    /// Given on another branch than the one that counts, neither having
    /// seen the other.
    SetAside,
    Replaced,
}

impl Standing {
    fn id(self) -> &'static str {
        match self {
            Standing::Counts => "counts",
            Standing::SetAside => "set_aside",
            Standing::Replaced => "replaced",
        }
    }

    fn words(self, lang: Lang) -> &'static str {
        match self {
            Standing::Counts => lang.pick("gäller", "counts"),
            Standing::SetAside => lang.pick("åt sidan (oenighet)", "set aside (disagreement)"),
            Standing::Replaced => lang.pick("ersatt", "replaced"),
        }
    }
}

/// The item `written` names: `phase.item`, or an item's id alone when one
/// phase has it.
pub(crate) fn item_of(wb: &Workbook, written: &str, lang: Lang) -> Result<(String, String)> {
    let all: Vec<(String, String)> = wb
        .pack
        .phases
        .iter()
        .flat_map(|p| p.items.iter().map(|i| (p.id.clone(), i.id.clone())))
        .collect();
    let whole = |(p, i): &(String, String)| format!("{p}.{i}");
    if let Some(found) = all.iter().find(|pi| whole(pi) == written) {
        return Ok(found.clone());
    }
    let bare: Vec<&(String, String)> = all.iter().filter(|(_, i)| i == written).collect();
    if let [one] = bare.as_slice() {
        return Ok((*one).clone());
    }
    let names: Vec<String> = all.iter().map(whole).collect();
    // Near as written, or near by the item's id alone.
    let near = crate::finding::closest(written, names.iter().map(String::as_str))
        .map(str::to_string)
        .or_else(|| {
            let by_id = crate::finding::closest(written, all.iter().map(|(_, i)| i.as_str()))?;
            all.iter().find(|(_, i)| i == by_id).map(whole)
        })
        .map(|n| tr!(lang, "; menade ni `{n}`?", "; did you mean `{n}`?"))
        .unwrap_or_default();
    bail!(tr!(
        lang,
        "paketet har ingen punkt `{written}` (skriv FAS.PUNKT){near}",
        "the pack has no item `{written}` (written PHASE.ITEM){near}"
    ))
}

/// Every value of `item` in `phase`, in log order.
fn values(wb: &Workbook, state: &State, (phase, item): (&str, &str)) -> Vec<Given> {
    let dispute = state
        .disagreements
        .iter()
        .find(|d| d.phase == phase && d.item.as_deref() == Some(item));
    let counts = state
        .answers
        .get(&(phase.to_string(), item.to_string()))
        .map(|l| l.entry);
    let mut out = Vec::new();
    for (index, loaded) in wb.entries.iter().enumerate() {
        if loaded.entry.meta.phase.as_deref() != Some(phase) {
            continue;
        }
        let Body::Records(records) = &loaded.entry.body else {
            continue;
        };
        for record in records.iter().filter(|r| !r.criterion && r.item == item) {
            let standing = if Some(index) == counts {
                Standing::Counts
            } else if dispute.is_some_and(|d| d.set_aside.iter().any(|s| s.entry == index)) {
                Standing::SetAside
            } else {
                Standing::Replaced
            };
            out.push(Given {
                entry: index,
                answer: record.answer.clone(),
                note: record.note.clone(),
                standing,
            });
        }
    }
    out
}

/// The item's history as a table, newest last.
pub(super) fn table(
    wb: &Workbook,
    state: &State,
    item: (&str, &str),
    commits: &Commits,
    ui: &Ui,
    lang: Lang,
) -> String {
    let given = values(wb, state, item);
    if given.is_empty() {
        ui.note(&tr!(
            lang,
            "`{}.{}` har inte besvarats än",
            "`{}.{}` has not been answered yet",
            item.0,
            item.1
        ));
        return String::new();
    }
    let mut header = vec![
        lang.pick("Datum", "Date").to_string(),
        lang.pick("Av", "By").to_string(),
        lang.pick("Svar", "Answer").to_string(),
        lang.pick("Läge", "Stands").to_string(),
        "Id".to_string(),
    ];
    if !commits.is_empty() {
        header.push(lang.pick("Incheckning", "Commit").to_string());
    }
    let mut table = new_table(header, ui.terminal_width());
    for g in &given {
        let loaded = &wb.entries[g.entry];
        let meta = &loaded.entry.meta;
        let mut value = answer_in_line(&g.answer, lang);
        if let Some(note) = &g.note {
            value.push_str(&format!(
                " ({}: {})",
                lang.pick("not", "note"),
                visible(note)
            ));
        }
        let mut row = vec![
            meta.date.short(),
            visible(meta.by.as_deref().unwrap_or("–")),
            value,
            g.standing.words(lang).to_string(),
            visible(&loaded.id),
        ];
        if !commits.is_empty() {
            row.push(commits.get(&loaded.name).map_or("–".to_string(), |c| {
                format!("{} {}", c.commit, visible(&c.author))
            }));
        }
        table.add_row(row);
    }
    format!("{table}\n")
}

/// The item's history as JSON (docs/json.md).
pub(super) fn json(
    wb: &Workbook,
    state: &State,
    item: (&str, &str),
    commits: &Commits,
    lang: Lang,
) -> Result<String> {
    let values: Vec<serde_json::Value> = values(wb, state, item)
        .iter()
        .map(|g| {
            let loaded = &wb.entries[g.entry];
            let commit = commits.get(&loaded.name);
            json!({
                "date": loaded.entry.meta.date.to_string(),
                "by": loaded.entry.meta.by,
                "answer": crate::report::state_words::answer_text(&g.answer, lang),
                "note": g.note,
                "stands": g.standing.id(),
                "entry": loaded.id,
                "file": loaded.name,
                "commit": commit.map(|c| c.commit.clone()),
                "committed_by": commit.map(|c| c.author.clone()),
            })
        })
        .collect();
    let doc = json!({
        "schema": 1,
        "item": format!("{}.{}", item.0, item.1),
        "values": values,
    });
    Ok(crate::report::json::pretty(&doc)? + "\n")
}
