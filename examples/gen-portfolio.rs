//! Generates a synthetic portfolio for benchmarks: N workbooks on the
//! built-in pack, each somewhere between its first session and its last
//! gate, with realistic amounts of Swedish text, notes and decisions. The
//! same N gives the same bytes.
//!
//! cargo run --release --example gen-portfolio -- 1000 /tmp/portfolio

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{Context, Result, bail};
use dino::i18n::Lang;
use dino::log::{
    Body, Entry, EntryKind, Meta, OptionMark, Participant, Record, Stamp, entry_file_name,
    write_entry,
};
use dino::pack::condition::Value;
use dino::pack::{Decision, Item, Kind, builtin};
use dino::state::answer::Given;
use dino::state::answer::to_answer;
use dino::workbook::file::{PackRef, WorkbookFile};

/// A small, seeded generator (xorshift), so runs are reproducible.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const WORDS: &[&str] = &[
    "vuxenutbildning",
    "validering",
    "arbetsgivare",
    "kompetens",
    "omsorg",
    "undersköterska",
    "vägledning",
    "schema",
    "handledare",
    "arbetsplatsen",
    "intervjuer",
    "behov",
    "målgrupp",
    "Komvux",
    "Arbetsförmedlingen",
    "region",
    "kommun",
    "samverkan",
    "pilot",
    "uppföljning",
    "deltagare",
    "studietid",
    "språkstöd",
    "yrkesroll",
    "bemanning",
    "upphandling",
    "budget",
    "förvaltning",
    "nämnd",
    "mandat",
    "risk",
    "lärande",
    "digitalt",
    "stöd",
    "modell",
    "test",
    "och",
    "att",
    "som",
    "för",
    "med",
    "inte",
    "de",
    "vi",
    "har",
    "kan",
    "ska",
    "på",
    "i",
    "av",
];
const NAMES: &[&str] = &[
    "Anna Lind",
    "Omar Said",
    "Eva Ström",
    "Karin Berg",
    "Johan Ek",
    "Leila Haddad",
    "Per Nilsson",
    "Sara Holm",
    "Mikael Åberg",
    "Fatima Ali",
    "Lars Öberg",
    "Maria Sjö",
];
const ROLES: &[&str] = &[
    "Rektor",
    "Vägledare",
    "Enhetschef",
    "Upphandlare",
    "HR",
    "Arbetsgivare",
];

fn sentence(rng: &mut Rng, words: usize) -> String {
    let mut out: Vec<String> = (0..words).map(|_| rng.pick(WORDS).to_string()).collect();
    if let Some(first) = out.first_mut() {
        let mut chars = first.chars();
        if let Some(c) = chars.next() {
            *first = c.to_uppercase().collect::<String>() + chars.as_str();
        }
    }
    out.join(" ") + "."
}

fn text(rng: &mut Rng, sentences: usize) -> String {
    (0..sentences)
        .map(|_| {
            let n = 6 + rng.below(14);
            sentence(rng, n)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A valid answer for an item of any kind.
fn answer(rng: &mut Rng, item: &Item) -> Given {
    let value = match &item.kind {
        Kind::Check => Value::Bool(rng.below(5) != 0),
        Kind::Text { long } => {
            let sentences = if *long { 3 + rng.below(5) } else { 1 };
            Value::Str(text(rng, sentences))
        }
        Kind::Choice { options } => Value::Str(rng.pick(options).id.clone()),
        Kind::Multi { options } => Value::List(
            options
                .iter()
                .filter(|_| rng.below(2) == 0)
                .map(|o| Value::Str(o.id.clone()))
                .collect(),
        ),
        Kind::Scale(s) => {
            Value::Num((s.min + rng.below((s.max - s.min + 1) as usize) as i64) as f64)
        }
        Kind::Date => Value::Str(format!(
            "2026-{:02}-{:02}",
            1 + rng.below(12),
            1 + rng.below(28)
        )),
        Kind::Number { min, max, .. } => {
            let lo = min.unwrap_or(0.0);
            let hi = max.unwrap_or(lo + 100.0);
            Value::Num((lo + (hi - lo) * (rng.below(100) as f64 / 100.0)).round())
        }
    };
    Given::Value(value)
}

fn write(path: &Path, text: &str) -> Result<()> {
    std::fs::write(path, text).with_context(|| path.display().to_string())
}

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let (Some(count), Some(dir)) = (args.get(1), args.get(2)) else {
        bail!("usage: gen-portfolio COUNT DIR");
    };
    let count: usize = count.parse().context("COUNT must be a number")?;
    let dir = Path::new(dir);
    let pack = builtin::load_named("dino", Lang::Sv).map_err(|f| anyhow::anyhow!("{f:?}"))?;
    let lang = Lang::Sv;
    let snapshot = dino::pack::snapshot::Snapshot::of(&pack, lang).render();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for n in 0..count {
        let id = format!("projekt-{n:04}");
        let root = dir.join(&id);
        std::fs::create_dir_all(root.join("log"))?;
        let start = jiff::Timestamp::from_second(1_735_722_000 + (n as i64 % 300) * 86_400)?;
        let offset = jiff::tz::offset(1);
        let mut day = 0i64;
        let mut stamp = |rng: &mut Rng| {
            day += 1 + rng.below(9) as i64;
            Stamp::new(
                start + jiff::SignedDuration::from_hours(day * 24 + rng.below(8) as i64),
                offset,
            )
        };
        let mut profile = BTreeMap::new();
        for item in &pack.profile {
            if let Some(v) = &item.default {
                profile.insert(item.id.clone(), v.clone());
            }
        }
        let file = WorkbookFile {
            name: format!(
                "Projekt {n}: {}",
                sentence(&mut rng, 3).trim_end_matches('.')
            ),
            id: id.clone(),
            created: Stamp::new(start, offset),
            language: lang,
            pack: PackRef {
                id: pack.id.clone(),
                version: pack.version.clone(),
                hash: pack.recorded_hash(),
                path: None,
            },
            profile,
        };
        write(&root.join("workbook.toml"), &file.render())?;
        // As `dino new` writes it: the pack as the workbook recorded it.
        write(&root.join("pack-snapshot.toml"), &snapshot)?;
        let mut taken: Vec<String> = Vec::new();
        let put = |entry: &Entry, taken: &mut Vec<String>| -> Result<()> {
            let markdown = write_entry(entry, lang);
            let name = entry_file_name(&entry.meta, &markdown, |id| taken.iter().any(|t| t == id));
            if let Some(id) = dino::log::entry_id_of(&name) {
                taken.push(id.to_string());
            }
            write(&root.join("log").join(name), &markdown)
        };
        // How far this project got: some phases passed, one under way.
        let reached = rng.below(pack.phases.len());
        for (p, phase) in pack.phases.iter().enumerate().take(reached + 1) {
            let people: Vec<Participant> = (0..2 + rng.below(4))
                .map(|_| Participant {
                    name: rng.pick(NAMES).to_string(),
                    role: Some(rng.pick(ROLES).to_string()),
                })
                .collect();
            for _session in 0..1 + rng.below(2) {
                let mut records = Vec::new();
                for item in &phase.items {
                    if rng.below(4) == 0 {
                        continue;
                    }
                    let given = answer(&mut rng, item);
                    let note = if rng.below(4) == 0 {
                        Some(text(&mut rng, 1))
                    } else {
                        None
                    };
                    records.push(Record {
                        item: item.id.clone(),
                        prompt: item.prompt.get(lang).to_string(),
                        answer: to_answer(item, &given, lang),
                        note,
                        respondent: None,
                    });
                }
                let entry = Entry {
                    meta: Meta {
                        kind: EntryKind::Session,
                        date: stamp(&mut rng),
                        phase: Some(phase.id.clone()),
                        by: Some(rng.pick(NAMES).to_string()),
                        participants: people.clone(),
                        pack: pack.id.clone(),
                        pack_version: pack.version.clone(),
                        closes: Vec::new(),
                        follows: Some(taken.last().cloned().into_iter().collect()),
                    },
                    title: phase.title.get(lang).to_string(),
                    body: Body::Records(records),
                };
                put(&entry, &mut taken)?;
            }
            for _note in 0..rng.below(4) {
                let kind = *rng.pick(&[
                    EntryKind::Risk,
                    EntryKind::Insight,
                    EntryKind::Decision,
                    EntryKind::Lesson,
                    EntryKind::Note,
                ]);
                let entry = Entry {
                    meta: Meta {
                        kind,
                        date: stamp(&mut rng),
                        phase: Some(phase.id.clone()),
                        by: Some(rng.pick(NAMES).to_string()),
                        participants: Vec::new(),
                        pack: pack.id.clone(),
                        pack_version: pack.version.clone(),
                        closes: Vec::new(),
                        follows: Some(taken.last().cloned().into_iter().collect()),
                    },
                    title: kind.label(lang).to_string(),
                    body: Body::Text(format!(
                        "{}\n\n{}",
                        sentence(&mut rng, 8),
                        text(&mut rng, 3)
                    )),
                };
                put(&entry, &mut taken)?;
            }
            if p < reached {
                let decision = Decision::Go;
                let entry = Entry {
                    meta: Meta {
                        kind: EntryKind::Gate,
                        date: stamp(&mut rng),
                        phase: Some(phase.id.clone()),
                        by: Some(rng.pick(NAMES).to_string()),
                        participants: people.clone(),
                        pack: pack.id.clone(),
                        pack_version: pack.version.clone(),
                        closes: Vec::new(),
                        follows: Some(taken.last().cloned().into_iter().collect()),
                    },
                    title: format!("Beslutspunkt: {}", phase.title.get(lang)),
                    body: Body::Records(vec![
                        Record {
                            item: "decision".into(),
                            prompt: "Beslut".into(),
                            answer: dino::log::Answer::Options(
                                Decision::ALL
                                    .iter()
                                    .map(|d| OptionMark {
                                        id: d.id().into(),
                                        label: d.label(lang).into(),
                                        ticked: *d == decision,
                                    })
                                    .collect(),
                            ),
                            note: None,
                            respondent: None,
                        },
                        Record {
                            item: "decided_by".into(),
                            prompt: "Vem beslutade?".into(),
                            answer: dino::log::Answer::Text(rng.pick(NAMES).to_string()),
                            note: None,
                            respondent: None,
                        },
                        Record {
                            item: "motivation".into(),
                            prompt: "Varför?".into(),
                            answer: dino::log::Answer::Text(text(&mut rng, 2)),
                            note: None,
                            respondent: None,
                        },
                    ]),
                };
                put(&entry, &mut taken)?;
            }
        }
    }
    eprintln!("made {count} workbooks in {}", dir.display());
    Ok(())
}
