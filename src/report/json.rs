//! Output for programs: `--format json`, always with `"schema": 1`, keys
//! sorted, documented in docs/json.md.

use serde_json::{Value as Json, json};

use crate::log::{Answer, Body, CheckState, Record};
use crate::pack::condition::Value;
use crate::state::answer::Given;
use crate::state::{Current, GateState, State};
use crate::workbook::{LoadedEntry, Workbook};

pub const SCHEMA: u32 = 1;

/// `value` as indented JSON text in which nothing can steer a terminal:
/// serde_json writes control characters U+0000 to U+001F as escapes, but
/// C1 controls (U+0080 to U+009F, among them a one-character CSI) and
/// bidirectional overrides as they are; here they are escapes too, so the
/// text is safe to print and reads back as the very same value.
pub fn pretty(value: &Json) -> serde_json::Result<String> {
    serde_json::to_string_pretty(value).map(escape_steering)
}

/// JSON text with every character outside ASCII that steers a terminal
/// (see [`crate::text::terminal_md::steers`]) written as `\uXXXX`. Such
/// characters stand only inside strings, where the escape means the same.
pub fn escape_steering(text: String) -> String {
    let steers = |c: char| !c.is_ascii() && crate::text::terminal_md::steers(c);
    if !text.chars().any(steers) {
        return text;
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if steers(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

fn value(v: &Value) -> Json {
    match v {
        Value::Bool(b) => json!(b),
        // Whole numbers (scale points, counts) as integers.
        Value::Num(n) if n.fract() == 0.0 && n.abs() < 9e15 => json!(*n as i64),
        Value::Num(n) => json!(n),
        Value::Str(s) => json!(s),
        Value::List(items) => Json::Array(items.iter().map(value).collect()),
    }
}

/// One workbook's state.
pub fn workbook_status(wb: &Workbook, state: &State, as_of: jiff::civil::Date) -> Json {
    let phases: Vec<Json> = state
        .phases
        .iter()
        .map(|p| {
            let (gate, decision, decided) = match &p.gate {
                GateState::Open => ("open", Json::Null, Json::Null),
                GateState::Ready => ("ready", Json::Null, Json::Null),
                GateState::Decided { decision, date, .. } => {
                    ("decided", json!(decision.id()), json!(date.to_string()))
                }
            };
            json!({
                "id": p.id,
                "required": p.required,
                "done": p.done,
                "open": p.open,
                "unanswered": p.unanswered,
                "gate": { "state": gate, "decision": decision, "date": decided },
                "criteria": p.criteria.iter().map(criterion).collect::<Vec<_>>(),
                "last_session": p.last_session.map(|d| d.to_string()),
            })
        })
        .collect();
    let (current, stopped) = match state.current {
        Current::Phase(i) => (json!(state.phases[i].id), false),
        Current::Stopped(i) => (json!(state.phases[i].id), true),
        Current::Finished => (Json::Null, false),
    };
    let answers: serde_json::Map<String, Json> = state
        .answers
        .iter()
        .map(|((phase, item), latest)| {
            let given = match &latest.given {
                Given::Value(v) => json!({ "value": value(v) }),
                Given::NotApplicable(reason) => json!({ "not_applicable": reason }),
                Given::DontKnow => json!({ "dont_know": true }),
                Given::Indicator(i) => json!({ "indicator": indicator(i) }),
                Given::Measured(m) => json!({ "measurement": measured(m) }),
            };
            (format!("{phase}.{item}"), given)
        })
        .collect();
    let last_decision = state.last_decision(wb).map(|e| e.id.clone());
    json!({
        "path": wb.root.display().to_string(),
        "name": wb.file.name,
        "id": wb.file.id,
        "language": wb.file.language.code(),
        "pack": pack(wb),
        "profile": wb.profile.iter().map(|(k, v)| (k.clone(), value(v))).collect::<serde_json::Map<_, _>>(),
        "current_phase": current,
        "stopped": stopped,
        "phases": phases,
        "answers": answers,
        "removed_items": state.orphans.iter().filter(|o| !o.changed).map(|o| format!("{}.{}", o.phase, o.item)).collect::<Vec<_>>(),
        "outdated_answers": state.orphans.iter().filter(|o| o.changed).map(|o| format!("{}.{}", o.phase, o.item)).collect::<Vec<_>>(),
        "disagreements": state.disagreements.iter().map(|d| json!({
            "phase": d.phase,
            "item": d.item.as_ref().map(|item| format!("{}.{item}", d.phase)),
            "kept": side(wb, &d.kept),
            "set_aside": d.set_aside.iter().map(|s| side(wb, s)).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "open_risks": state.open_risks(wb),
        "as_of": as_of.to_string(),
        "low_readiness_without_risk": crate::state::readiness::low_without_risk(wb, state).iter().map(|d| json!({ "dimension": d.id, "mean": d.mean })).collect::<Vec<_>>(),
        "due": crate::state::follow_up::due(wb, state, as_of).iter().map(due_item).collect::<Vec<_>>(),
        "last_activity": state.last_activity.map(|d| d.to_string()),
        "stale": crate::state::stale::stale(wb, state, as_of).is_some(),
        "last_decision": last_decision,
        "problems": wb.findings.len() + state.findings.len(),
    })
}

/// One thing that is due, as JSON (docs/json.md).
pub fn due_item(due: &crate::state::follow_up::Due) -> Json {
    json!({
        "kind": due.kind.id(),
        "id": due.id,
        "text": due.text,
        "owner": due.owner,
        "due": due.day.to_string(),
        "overdue": due.overdue,
        "phase": due.phase,
    })
}

/// The pack the workbook recorded, and what changed in it since.
fn pack(wb: &Workbook) -> Json {
    use crate::pack::diff::{Area, What};
    let change = wb.pack_change();
    let changes = change.as_ref().map(|c| match &c.changes {
        Ok(changes) => Json::Array(
            changes
                .iter()
                .map(|c| {
                    let area = match c.area {
                        Area::Pack => "pack",
                        Area::Phase => "phase",
                        Area::Item => "item",
                        Area::Profile => "profile",
                        Area::Readiness => "readiness",
                    };
                    let mut one = json!({ "area": area, "place": c.place });
                    let (sort, detail) = match &c.what {
                        What::Added(text) => ("added", json!({ "text": text })),
                        What::Removed(text) => ("removed", json!({ "text": text })),
                        What::Reworded { from, to } => {
                            ("reworded", json!({ "from": from, "to": to }))
                        }
                        What::Kind { from, to } => ("kind", json!({ "from": from, "to": to })),
                        What::Required(now) => ("required", json!({ "to": now })),
                        What::Condition { from, to } => {
                            ("condition", json!({ "from": from, "to": to }))
                        }
                        What::Options {
                            added,
                            removed,
                            relabelled,
                        } => (
                            "options",
                            json!({ "added": added, "removed": removed, "reworded": relabelled }),
                        ),
                    };
                    one["change"] = json!(sort);
                    if let (Some(one), Json::Object(detail)) = (one.as_object_mut(), detail) {
                        one.extend(detail);
                    }
                    one
                })
                .collect(),
        ),
        Err(_) => Json::Null,
    });
    json!({
        "id": wb.pack.id,
        "version": wb.file.pack.version,
        "current_version": wb.pack.version,
        "changed": change.is_some(),
        "changes": changes.unwrap_or(json!([])),
    })
}

/// One answer of a disagreement: which entry gave it, and what it was.
fn side(wb: &Workbook, side: &crate::state::Side) -> Json {
    let entry = &wb.entries[side.entry];
    json!({ "entry": entry.id, "by": entry.entry.meta.by, "answer": answer(&side.answer) })
}

/// The JSON document of `dino status`.
pub fn status(workbooks: Vec<Json>) -> Json {
    json!({ "schema": SCHEMA, "workbooks": workbooks })
}

/// A gate criterion as the phase's latest decision records it.
fn criterion(c: &crate::state::CriterionState) -> Json {
    let (reason, action) = match &c.status {
        crate::state::CriterionStatus::NotApplicable(reason) => (json!(reason), Json::Null),
        crate::state::CriterionStatus::Deferred { action } => (Json::Null, json!(action)),
        _ => (Json::Null, Json::Null),
    };
    json!({ "id": c.id, "status": c.status.id(), "reason": reason, "action": action })
}

fn answer(a: &Answer) -> Json {
    match a {
        Answer::Check(CheckState::Done) => json!({ "check": "done" }),
        Answer::Check(CheckState::NotDone) => json!({ "check": "not_done" }),
        Answer::Check(CheckState::NotApplicable(reason)) => {
            json!({ "check": "not_applicable", "reason": reason })
        }
        Answer::Text(text) => json!({ "text": text }),
        Answer::Options(options) => json!({
            "options": options.iter().map(|o| json!({ "id": o.id, "label": o.label, "ticked": o.ticked })).collect::<Vec<_>>()
        }),
        Answer::NotApplicable(reason) => json!({ "not_applicable": reason }),
        Answer::DontKnow => json!({ "dont_know": true }),
        Answer::Unanswered => json!({ "unanswered": true }),
        Answer::Met => json!({ "criterion": "met" }),
        Answer::NotMet => json!({ "criterion": "not_met" }),
        Answer::Deferred => json!({ "criterion": "deferred" }),
        Answer::Fields(fields) => json!({
            "fields": fields.iter().map(|(f, v)| json!({ "field": field_id(*f), "value": v })).collect::<Vec<_>>()
        }),
    }
}

/// A field's name in JSON.
fn field_id(field: crate::log::Field) -> &'static str {
    field.words(crate::i18n::Lang::En).trim_end_matches(':')
}

/// An indicator's answer as JSON.
pub fn indicator(i: &crate::state::answer::Indicator) -> Json {
    json!({
        "name": i.name,
        "unit": i.unit,
        "baseline": i.baseline,
        "baseline_date": i.baseline_date.to_string(),
        "source": i.source,
        "target": i.target,
        "target_date": i.target_date.to_string(),
        "owner": i.owner,
    })
}

/// A measurement's answer as JSON.
pub fn measured(m: &crate::state::answer::Measured) -> Json {
    json!({ "value": m.value, "date": m.date.to_string(), "source": m.source })
}

fn record(r: &Record) -> Json {
    json!({
        "item": r.item,
        "criterion": r.criterion,
        "prompt": r.prompt,
        "answer": answer(&r.answer),
        "note": r.note,
        "respondent": r.respondent,
    })
}

/// One entry with every recorded value.
pub fn entry(e: &LoadedEntry) -> Json {
    let meta = &e.entry.meta;
    let (text, records) = match &e.entry.body {
        Body::Text(text) => (json!(text), Json::Null),
        Body::Records(records) => (
            Json::Null,
            Json::Array(records.iter().map(record).collect()),
        ),
    };
    json!({
        "id": e.id,
        "file": e.file,
        "kind": meta.kind.id(),
        "date": meta.date.to_string(),
        "phase": meta.phase,
        "by": meta.by,
        "participants": meta.participants.iter().map(|p| json!({ "name": p.name, "role": p.role })).collect::<Vec<_>>(),
        "pack": meta.pack,
        "pack_version": meta.pack_version,
        "closes": meta.closes,
        "owner": meta.owner,
        "due": meta.due.map(|d| d.to_string()),
        "mitigation": meta.mitigation,
        "measure": meta.measure.as_ref().map(|m| json!({
            "indicator": m.indicator,
            "value": m.value,
            "measured": m.measured.to_string(),
            "source": m.source,
        })),
        "roster": meta.roster.as_ref().map(|r| json!({
            "change": r.change.id(),
            "name": r.name,
            "role": r.role,
            "was": r.was,
        })),
        "follows": meta.follows,
        "title": e.entry.title,
        "text": text,
        "records": records,
    })
}

/// The JSON document of `dino log`.
pub fn log(wb: &Workbook) -> Json {
    json!({
        "schema": SCHEMA,
        "workbook": wb.root.display().to_string(),
        "entries": wb.entries.iter().map(entry).collect::<Vec<_>>(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_that_steers_a_terminal_is_printed_and_the_value_stays() {
        let text = "a\u{1b}]0;X\u{7}b\u{9b}2J\u{85}c\u{202e}d\u{2069} å ☕ \u{200f}";
        let doc = json!({ "name": text });
        let printed = pretty(&doc).expect("json");
        assert!(
            !printed
                .chars()
                .any(|c| crate::text::terminal_md::steers(c) && c != '\n'),
            "{printed:?}"
        );
        assert!(printed.contains("\\u009b2J\\u0085c\\u202ed\\u2069 å ☕ \u{200f}"));
        let back: Json = serde_json::from_str(&printed).expect("reads back");
        assert_eq!(back, doc);
    }
}
