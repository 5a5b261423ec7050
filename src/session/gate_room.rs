//! What the room weighs at a gate besides its criteria, gathered from the
//! workbook and its state below the terminal: the pack's gate help, the
//! diagnostic's verdict, the open risks and the actions overdue on the
//! session's day.

use jiff::civil::Date;

use crate::i18n::Lang;
use crate::log::EntryKind;
use crate::pack::Phase;
use crate::state::State;
use crate::state::follow_up::{self, Due, DueKind};
use crate::workbook::Workbook;

/// What a gate screen shows beside the criteria.
#[derive(Clone, Debug, Default)]
pub struct GateRoom {
    /// The pack's help for the gate: Markdown, in the pack's language.
    pub help: Option<String>,
    /// The diagnostic's verdict, when the pack has a diagnostic.
    pub verdict: Option<Verdict>,
    /// The open risks: those with a due day first, by day, then the others
    /// in log order.
    pub risks: Vec<OpenRisk>,
    /// The open actions (noted, raised in a session, a decision's
    /// conditions, deferred criteria) due before `today`, by day.
    pub overdue: Vec<Due>,
    /// The day the room decides on, as the session's clock has it.
    pub today: Option<Date>,
    /// The gate is the last phase's: going on finishes the project.
    pub last_phase: bool,
    /// A session's entry was written before the gate was asked.
    pub after_session: bool,
}

/// The diagnostic's verdict in words: its title in the pack's language,
/// the conclusion in dino's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verdict {
    /// The title and the conclusion in a sentence; "not answered yet" when
    /// none of its questions is.
    pub short: String,
    /// The same with the counts and the team's choice of track, as a
    /// report says it; the short one when nothing is answered.
    pub full: String,
}

/// An open risk, as its note gives it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpenRisk {
    /// The note's id, which `dino done` closes it by.
    pub id: String,
    /// The note's first line.
    pub text: String,
    pub owner: Option<String>,
    pub due: Option<Date>,
}

impl GateRoom {
    /// What the room sees at the gate of `phase` on `today`, with dino's
    /// words in `lang`.
    pub fn gather(
        wb: &Workbook,
        state: &State,
        phase: &Phase,
        today: Date,
        lang: Lang,
    ) -> GateRoom {
        let text_lang = wb.pack.lang_for(wb.language());
        GateRoom {
            help: phase
                .gate
                .help
                .as_ref()
                .map(|h| h.get(text_lang).to_string()),
            verdict: verdict(wb, state, lang),
            risks: open_risks(wb, state),
            overdue: overdue_actions(wb, state, today),
            today: Some(today),
            last_phase: wb.pack.phases.last().is_some_and(|p| p.id == phase.id),
            after_session: false,
        }
    }

    /// The same, once a session's entry was written before the gate.
    pub fn after_session(self) -> GateRoom {
        GateRoom {
            after_session: true,
            ..self
        }
    }
}

/// The diagnostic's verdict as the report words it; `None` without one.
fn verdict(wb: &Workbook, state: &State, lang: Lang) -> Option<Verdict> {
    let d = crate::report::model::diagnostic(wb, state, lang)?;
    let short = format!("{} — {}", d.title, d.verdict);
    let full = if d.answered == 0 {
        short.clone()
    } else {
        format!(
            "{} — {}",
            d.title,
            crate::report::words::diagnostic_sentence(&d, lang)
        )
    };
    Some(Verdict { short, full })
}

/// The risks the state holds open, those with a due day first.
fn open_risks(wb: &Workbook, state: &State) -> Vec<OpenRisk> {
    let mut risks: Vec<OpenRisk> = state
        .notes
        .iter()
        .filter(|note| note.open)
        .map(|note| &wb.entries[note.entry])
        .filter(|loaded| loaded.entry.meta.kind == EntryKind::Risk)
        .map(|loaded| OpenRisk {
            id: loaded.id.clone(),
            text: loaded.headline(),
            owner: loaded.entry.meta.owner.clone(),
            due: loaded.entry.meta.due,
        })
        .collect();
    // Stable: the risks without a day keep their log order.
    risks.sort_by_key(|r| (r.due.is_none(), r.due));
    risks
}

/// The actions `follow_up::due` finds overdue on `today`.
fn overdue_actions(wb: &Workbook, state: &State, today: Date) -> Vec<Due> {
    follow_up::due(wb, state, today)
        .into_iter()
        .filter(|d| d.overdue)
        .filter(|d| {
            matches!(
                d.kind,
                DueKind::Action | DueKind::Condition | DueKind::Criterion
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use std::fs;
    use std::path::Path;

    use super::*;
    use crate::state::fold;

    /// A workbook on the example pack `skolpilot`, with these entries.
    fn workbook(dir: &Path, entries: &[(&str, &str)]) -> Workbook {
        let pack = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/packs/skolpilot");
        fs::create_dir_all(dir.join("log")).expect("mkdir");
        fs::write(
            dir.join("workbook.toml"),
            format!(
                "name = \"Prov\"\nid = \"prov\"\ncreated = 2026-03-01T09:00:00+01:00\nlanguage = \"sv\"\n\n[pack]\nid = \"skolpilot\"\nversion = \"0.1.0\"\npath = {:?}\n\n[profile]\nprocurement = \"maybe\"\npersonal_data = false\n",
                pack.display().to_string()
            ),
        )
        .expect("write");
        for (name, text) in entries {
            fs::write(dir.join("log").join(name), text).expect("write");
        }
        Workbook::open(dir, Lang::Sv).expect("opens")
    }

    /// A note of `kind` on `date`, with its front matter's `more` lines.
    fn note(kind: &str, date: &str, more: &str, text: &str) -> String {
        format!(
            "+++\nkind = \"{kind}\"\nphase = \"start\"\ndate = {date}\n{more}+++\n\n# N\n\n{text}\n"
        )
    }

    const SESSION: &str = "+++\nkind = \"session\"\nphase = \"start\"\ndate = 2026-03-02T09:00:00+01:00\n+++\n\n# S\n\n### P <!-- item: problem -->\n\n**Svar:** Frånvaro.\n\n### L <!-- item: losning -->\n\n* [ ] Ja <!-- option: ja -->\n* [x] Nej <!-- option: nej -->\n";

    fn day(text: &str) -> Date {
        text.parse().expect("a day")
    }

    fn room(entries: &[(&str, &str)], lang: Lang) -> GateRoom {
        let dir = tempfile::tempdir().expect("temp");
        let wb = workbook(dir.path(), entries);
        let state = fold(&wb);
        assert!(state.findings.is_empty(), "{:?}", state.findings);
        let phase = &wb.pack.phases[0];
        GateRoom::gather(&wb, &state, phase, day("2026-03-10"), lang)
    }

    /// Open risks (two with a due day, one without), a risk closed, an
    /// action overdue on 2026-03-10 and one due that day, each a file.
    fn follow_up_notes() -> Vec<(&'static str, String)> {
        let risk_late = note(
            "risk",
            "2026-03-03T10:00:00+01:00",
            "owner = \"Eva Ström\"\ndue = 2026-04-01\n",
            "Lärarna hinner inte.",
        );
        let risk_soon = note(
            "risk",
            "2026-03-04T10:00:00+01:00",
            "owner = \"Omar Said\"\ndue = 2026-03-20\n",
            "Rektorn byts ut.",
        );
        let risk_no_day = note(
            "risk",
            "2026-03-03T09:00:00+01:00",
            "",
            "Budgeten räcker inte.",
        );
        let risk_closed = note("risk", "2026-03-03T11:00:00+01:00", "", "Lokalen saknas.");
        let overdue = note(
            "action",
            "2026-03-03T12:00:00+01:00",
            "owner = \"Anna Lind\"\ndue = 2026-03-09\n",
            "Boka möte med rektorerna.",
        );
        let not_yet = note(
            "action",
            "2026-03-03T13:00:00+01:00",
            "owner = \"Anna Lind\"\ndue = 2026-03-10\n",
            "Skicka inbjudan.",
        );
        let done = note(
            "done",
            "2026-03-05T10:00:00+01:00",
            "closes = [\"dddddd\"]\n",
            "Lokal finns.",
        );
        vec![
            ("2026-03-02-0900-start-aaaaaa.md", SESSION.to_string()),
            ("2026-03-03-1000-risk-bbbbbb.md", risk_late),
            ("2026-03-04-1000-risk-cccccc.md", risk_soon),
            ("2026-03-03-0900-risk-eeeeee.md", risk_no_day),
            ("2026-03-03-1100-risk-dddddd.md", risk_closed),
            ("2026-03-03-1200-action-ffffff.md", overdue),
            ("2026-03-03-1300-action-111111.md", not_yet),
            ("2026-03-05-1000-done-222222.md", done),
        ]
    }

    #[test]
    fn open_risks_and_overdue_actions_are_gathered_and_closed_ones_left_out() {
        let notes = follow_up_notes();
        let entries: Vec<(&str, &str)> = notes.iter().map(|(n, t)| (*n, t.as_str())).collect();
        let room = room(&entries, Lang::En);
        let risks: Vec<(&str, Option<&str>, Option<Date>)> = room
            .risks
            .iter()
            .map(|r| (r.text.as_str(), r.owner.as_deref(), r.due))
            .collect();
        assert_eq!(
            risks,
            [
                (
                    "Rektorn byts ut.",
                    Some("Omar Said"),
                    Some(day("2026-03-20"))
                ),
                (
                    "Lärarna hinner inte.",
                    Some("Eva Ström"),
                    Some(day("2026-04-01"))
                ),
                ("Budgeten räcker inte.", None, None),
            ]
        );
        let overdue: Vec<(&str, &str, Option<&str>)> = room
            .overdue
            .iter()
            .map(|d| (d.id.as_str(), d.text.as_str(), d.owner.as_deref()))
            .collect();
        assert_eq!(
            overdue,
            [("ffffff", "Boka möte med rektorerna.", Some("Anna Lind"))]
        );
        assert_eq!(room.today, Some(day("2026-03-10")));
        assert!(!room.last_phase);
        assert!(!room.after_session);
    }

    #[test]
    fn an_answered_diagnostic_gives_its_verdict_and_the_gate_its_help_and_place() {
        let room = room(&[("2026-03-02-0900-start-aaaaaa.md", SESSION)], Lang::En);
        let verdict = room.verdict.expect("the pack has a diagnostic");
        assert_eq!(
            verdict.short,
            "Innovation eller utveckling? — The answers lean towards innovation: an unknown solution, hard to plan, a break with today's way of working."
        );
        assert!(
            verdict
                .full
                .starts_with(&verdict.short[..verdict.short.len() - 1]),
            "{}",
            verdict.full
        );
        assert!(
            verdict.full.contains("(1 of 1 question answered"),
            "{}",
            verdict.full
        );
        // The example pack's first gate has no help; its last phase is `test`.
        assert_eq!(room.help, None);
        assert!(room.risks.is_empty() && room.overdue.is_empty());
    }

    #[test]
    fn a_diagnostic_not_answered_says_so() {
        let room = room(&[], Lang::Sv);
        let verdict = room.verdict.expect("the pack has a diagnostic");
        assert_eq!(
            verdict.short,
            "Innovation eller utveckling? — Inte besvarad än."
        );
        assert_eq!(verdict.full, verdict.short);
    }

    #[test]
    fn the_gate_help_is_the_packs_and_the_last_phase_is_known() {
        let dir = tempfile::tempdir().expect("temp");
        let wb = workbook(dir.path(), &[]);
        let state = fold(&wb);
        let mut last = wb.pack.phases.last().expect("a phase").clone();
        let room = GateRoom::gather(&wb, &state, &last, day("2026-03-10"), Lang::En);
        assert!(room.last_phase);
        last.gate.help = Some(crate::pack::Text::Same(
            "Fortsätt om **allt** håller.".into(),
        ));
        let room = GateRoom::gather(&wb, &state, &last, day("2026-03-10"), Lang::En);
        assert_eq!(room.help.as_deref(), Some("Fortsätt om **allt** håller."));
        assert!(room.after_session().after_session);
    }
}
