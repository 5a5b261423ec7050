//! Generates a synthetic portfolio for benchmarks: N workbooks on the
//! built-in pack, each somewhere between its first session and its last
//! gate, with realistic amounts of Swedish text, notes and decisions, and
//! follow-through: actions with owners and due days, risks most of them
//! owned, and `done` entries that close most of what a phase raised before
//! its gate. The same N gives the same bytes.
//!
//! cargo run --release --example gen-portfolio -- 1000 /tmp/portfolio

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use dino::i18n::Lang;
use dino::log::{
    ActionMark, Answer, Body, Entry, EntryKind, Meta, OptionMark, Participant, Record, Stamp,
    entry_file_name, write_entry,
};
use dino::pack::condition::Value;
use dino::pack::{Decision, Item, Kind, Pack, Phase, builtin};
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
        Kind::Indicator { .. } => {
            return Given::Indicator(dino::state::answer::Indicator {
                name: text(rng, 1),
                unit: "dagar".into(),
                baseline: 100.0 + rng.below(50) as f64,
                baseline_date: jiff::civil::date(2026, 1 + rng.below(6) as i8, 1),
                source: text(rng, 1),
                target: 40.0 + rng.below(30) as f64,
                target_date: jiff::civil::date(2027, 6, 30),
                owner: rng.pick(NAMES).to_string(),
            });
        }
        Kind::Measurement { .. } => {
            return Given::Measured(dino::state::answer::Measured {
                value: 60.0 + rng.below(60) as f64,
                date: jiff::civil::date(2026, 7 + rng.below(6) as i8, 1),
                source: None,
            });
        }
    };
    Given::Value(value)
}

fn write(path: &Path, text: &str) -> Result<()> {
    std::fs::write(path, text).with_context(|| path.display().to_string())
}

/// The pack and what every workbook shares.
struct Common {
    pack: Pack,
    lang: Lang,
    snapshot: String,
}

/// One workbook being written: its folder, its clock, the entry ids
/// already taken, and the actions and owned risks still open.
struct Project<'a> {
    common: &'a Common,
    root: PathBuf,
    start: jiff::Timestamp,
    offset: jiff::tz::Offset,
    day: i64,
    taken: Vec<String>,
    /// By id, with the phase each belongs to.
    open: Vec<(String, String)>,
}

impl Project<'_> {
    /// The next entry's time: a few days after the last one.
    fn stamp(&mut self, rng: &mut Rng) -> Stamp {
        self.day += 1 + rng.below(9) as i64;
        Stamp::new(
            self.start + jiff::SignedDuration::from_hours(self.day * 24 + rng.below(8) as i64),
            self.offset,
        )
    }

    /// An entry's front matter, following the entry written last.
    fn meta(
        &mut self,
        rng: &mut Rng,
        kind: EntryKind,
        phase: &Phase,
        participants: Vec<Participant>,
    ) -> Meta {
        let pack = &self.common.pack;
        Meta {
            alone: false,
            kind,
            date: self.stamp(rng),
            phase: Some(phase.id.clone()),
            by: Some(rng.pick(NAMES).to_string()),
            participants,
            pack: pack.id.clone(),
            pack_version: pack.version.clone(),
            closes: Vec::new(),
            owner: None,
            due: None,
            mitigation: None,
            follows: Some(self.taken.last().cloned().into_iter().collect()),
            measure: None,
            roster: None,
        }
    }

    /// Writes an entry into `log/` under a name no other entry has;
    /// returns its id.
    fn put(&mut self, entry: &Entry) -> Result<String> {
        let markdown = write_entry(entry, self.common.lang);
        let taken = &self.taken;
        let name = entry_file_name(&entry.meta, &markdown, |id| taken.iter().any(|t| t == id));
        let id = dino::log::entry_id_of(&name)
            .context("an entry's name holds its id")?
            .to_string();
        self.taken.push(id.clone());
        write(&self.root.join("log").join(name), &markdown)?;
        Ok(id)
    }

    /// Gives an action or a risk an owner and a due day one to nine weeks
    /// after it is written (and a risk what is done about it), and keeps it
    /// as open.
    fn own(&mut self, rng: &mut Rng, meta: &mut Meta) {
        meta.owner = Some(rng.pick(NAMES).to_string());
        let weeks = 1 + rng.below(9) as i64;
        meta.due = meta
            .date
            .date()
            .checked_add(jiff::Span::new().weeks(weeks))
            .ok();
        if meta.kind == EntryKind::Risk {
            meta.mitigation = Some(sentence(rng, 10));
        }
    }

    /// Something someone will do by a day.
    fn action(&mut self, rng: &mut Rng, phase: &Phase) -> Result<()> {
        let mut meta = self.meta(rng, EntryKind::Action, phase, Vec::new());
        self.own(rng, &mut meta);
        let text = if rng.below(2) == 0 {
            sentence(rng, 10)
        } else {
            format!("{}\n\n{}", sentence(rng, 10), text(rng, 2))
        };
        let entry = Entry {
            meta,
            title: EntryKind::Action.label(self.common.lang).to_string(),
            body: Body::Text(text),
        };
        let id = self.put(&entry)?;
        self.open.push((id, phase.id.clone()));
        Ok(())
    }

    /// Closes each open action and owned risk with a `done` entry, each
    /// with a chance of one in `odds`; as `dino done` does, the entry
    /// belongs to the phase of what it closes.
    fn close(&mut self, rng: &mut Rng, phase: &Phase, odds: usize) -> Result<()> {
        let open = std::mem::take(&mut self.open);
        for (id, of_phase) in open {
            if rng.below(odds) != 0 {
                self.open.push((id, of_phase));
                continue;
            }
            let mut meta = self.meta(rng, EntryKind::Done, phase, Vec::new());
            meta.phase = Some(of_phase);
            meta.closes = vec![id];
            let entry = Entry {
                meta,
                title: EntryKind::Done.label(self.common.lang).to_string(),
                body: Body::Text(sentence(rng, 12)),
            };
            self.put(&entry)?;
        }
        Ok(())
    }

    /// A session of a phase: most of its items answered, some with a note.
    fn session(&mut self, rng: &mut Rng, phase: &Phase, people: &[Participant]) -> Result<()> {
        let lang = self.common.lang;
        let mut records = Vec::new();
        for item in &phase.items {
            if rng.below(4) == 0 {
                continue;
            }
            let given = answer(rng, item);
            let note = if rng.below(4) == 0 {
                Some(text(rng, 1))
            } else {
                None
            };
            records.push(Record {
                item: item.id.clone(),
                criterion: false,
                prompt: item.prompt.get(lang).to_string(),
                answer: to_answer(item, &given, lang),
                note,
                respondent: None,
                actions: Vec::new(),
            });
        }
        let entry = Entry {
            meta: self.meta(rng, EntryKind::Session, phase, people.to_vec()),
            title: phase.title.get(lang).to_string(),
            body: Body::Records(records),
        };
        self.put(&entry).map(drop)
    }

    /// A note of some kind, a sentence and a few paragraphs long; two in
    /// three risks have an owner, a due day and a mitigation.
    fn note(&mut self, rng: &mut Rng, phase: &Phase) -> Result<()> {
        let kind = *rng.pick(&[
            EntryKind::Risk,
            EntryKind::Insight,
            EntryKind::Decision,
            EntryKind::Lesson,
            EntryKind::Note,
        ]);
        let mut meta = self.meta(rng, kind, phase, Vec::new());
        let owned = kind == EntryKind::Risk && rng.below(3) != 0;
        if owned {
            self.own(rng, &mut meta);
        }
        let entry = Entry {
            meta,
            title: kind.label(self.common.lang).to_string(),
            body: Body::Text(format!("{}\n\n{}", sentence(rng, 8), text(rng, 3))),
        };
        let id = self.put(&entry)?;
        if owned {
            self.open.push((id, phase.id.clone()));
        }
        Ok(())
    }

    /// A go at the phase's gate, with who decided and why.
    fn gate(&mut self, rng: &mut Rng, phase: &Phase, people: &[Participant]) -> Result<()> {
        let lang = self.common.lang;
        let decision = Decision::Go;
        let meta = self.meta(rng, EntryKind::Gate, phase, people.to_vec());
        let weeks_on = |weeks: i64| {
            meta.date
                .date()
                .checked_add(jiff::Span::new().weeks(weeks))
                .unwrap_or(meta.date.date())
        };
        // One gate in three sets a condition; every one plans the next.
        let conditions: Vec<ActionMark> = (rng.below(3) == 0)
            .then(|| ActionMark {
                n: 1,
                text: sentence(rng, 8),
                owner: rng.pick(NAMES).to_string(),
                due: weeks_on(2 + rng.below(6) as i64),
            })
            .into_iter()
            .collect();
        let next_gate = weeks_on(4 + rng.below(8) as i64);
        let record = |item: &str, prompt: &str, answer| Record {
            item: item.into(),
            criterion: false,
            prompt: prompt.into(),
            answer,
            note: None,
            respondent: None,
            actions: Vec::new(),
        };
        let marks = Decision::ALL
            .iter()
            .map(|d| OptionMark {
                id: d.id().into(),
                label: d.label(lang).into(),
                ticked: *d == decision,
            })
            .collect();
        let entry = Entry {
            meta,
            title: format!("Beslutspunkt: {}", phase.title.get(lang)),
            body: Body::Records(vec![
                Record {
                    actions: conditions,
                    ..record("decision", "Beslut", Answer::Options(marks))
                },
                record(
                    "decided_by",
                    "Vem beslutade?",
                    Answer::Text(rng.pick(NAMES).to_string()),
                ),
                record("motivation", "Varför?", Answer::Text(text(rng, 2))),
                record(
                    "next_gate",
                    "När är nästa beslutspunkt?",
                    Answer::Text(next_gate.to_string()),
                ),
            ]),
        };
        self.put(&entry).map(drop)
    }

    /// A phase's log: one or two sessions, up to two actions and three
    /// notes, then, for a phase passed, most of what is open closed and a
    /// go at its gate; in the phase under way, some of it closed.
    fn phase(&mut self, rng: &mut Rng, phase: &Phase, passed: bool) -> Result<()> {
        let people: Vec<Participant> = (0..2 + rng.below(4))
            .map(|_| Participant {
                name: rng.pick(NAMES).to_string(),
                role: Some(rng.pick(ROLES).to_string()),
            })
            .collect();
        for _session in 0..1 + rng.below(2) {
            self.session(rng, phase, &people)?;
        }
        for _action in 0..rng.below(3) {
            self.action(rng, phase)?;
        }
        for _note in 0..rng.below(4) {
            self.note(rng, phase)?;
        }
        if passed {
            // Three in four closed before the gate.
            self.close(rng, phase, 4)?;
            self.gate(rng, phase, &people)?;
        } else {
            // One in three closed so far.
            self.close(rng, phase, 3)?;
        }
        Ok(())
    }
}

/// Workbook number `n`: `workbook.toml`, the snapshot, and its log up to
/// a phase chosen at random.
fn project(common: &Common, rng: &mut Rng, dir: &Path, n: usize) -> Result<()> {
    let (pack, lang) = (&common.pack, common.lang);
    let id = format!("projekt-{n:04}");
    let root = dir.join(&id);
    std::fs::create_dir_all(root.join("log"))?;
    let start = jiff::Timestamp::from_second(1_735_722_000 + (n as i64 % 300) * 86_400)?;
    let offset = jiff::tz::offset(1);
    let profile: BTreeMap<_, _> = pack
        .profile
        .iter()
        .filter_map(|item| Some((item.id.clone(), item.default.clone()?)))
        .collect();
    let file = WorkbookFile {
        name: format!("Projekt {n}: {}", sentence(rng, 3).trim_end_matches('.')),
        id,
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
    write(&root.join("pack-snapshot.toml"), &common.snapshot)?;
    let mut project = Project {
        common,
        root,
        start,
        offset,
        day: 0,
        taken: Vec::new(),
        open: Vec::new(),
    };
    // How far this project got: some phases passed, one under way.
    let reached = rng.below(pack.phases.len());
    for (p, phase) in pack.phases.iter().enumerate().take(reached + 1) {
        project.phase(rng, phase, p < reached)?;
    }
    Ok(())
}

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let (Some(count), Some(dir)) = (args.get(1), args.get(2)) else {
        bail!("usage: gen-portfolio COUNT DIR");
    };
    let count: usize = count.parse().context("COUNT must be a number")?;
    let dir = Path::new(dir);
    let lang = Lang::Sv;
    let pack = builtin::load_named("dino", lang).map_err(|f| anyhow::anyhow!("{f:?}"))?;
    let snapshot = dino::pack::snapshot::Snapshot::of(&pack, lang).render();
    let common = Common {
        pack,
        lang,
        snapshot,
    };
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for n in 0..count {
        project(&common, &mut rng, dir, n)?;
    }
    eprintln!("made {count} workbooks in {}", dir.display());
    Ok(())
}
