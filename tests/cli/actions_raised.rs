//! Actions raised in a session beside an item, a gate decision's
//! conditions and its next gate: from an answers file and from
//! `dino gate --decision`, with the real binary.

use std::fs;
use std::path::{Path, PathBuf};

use crate::support::{dino_env, pinned};

/// A workbook on the example pack (`personal_data` false, so the
/// phase `start` has two required items), made in `dir`.
fn workbook(dir: &Path) -> PathBuf {
    crate::support::skolpilot(dir, false)
}

/// The log's entries, file name and text, in name order.
fn entries(wb: &Path) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = fs::read_dir(wb.join("log"))
        .expect("log/")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".md"))
        .map(|n| {
            let text = fs::read_to_string(wb.join("log").join(&n)).expect("entry");
            (n, text)
        })
        .collect();
    out.sort();
    out
}

/// The id of an entry's file name.
fn id_of(name: &str) -> String {
    name.trim_end_matches(".md")
        .rsplit('-')
        .next()
        .expect("an id")
        .to_string()
}

/// `dino due --format json` as of a day: its items.
fn due_items(wb: &Path, day: &str) -> Vec<serde_json::Value> {
    let now = format!("{day}T09:00:00+02:00");
    let run = dino_env(
        wb,
        &["due", "--format", "json"],
        &[("DINO_NOW", &now), ("DINO_USER", "Anna Lind")],
    );
    run.code(0);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    doc["items"].as_array().cloned().unwrap_or_default()
}

const WITH_ACTIONS: &str = r#"facilitator = "Anna Lind"
participants = [{ name = "Karin Lindqvist" }]

[answers]
problem = "Elever hoppar av"
losning = "nej"

[[actions]]
item = "problem"
text = "Hämta elevhälsans siffror"
owner = "Karin Lindqvist"
due = 2026-03-31

[[actions]]
item = "losning"
text = "Fråga en annan skola"
owner = "Anna Lind"
due = "2026-04-15"

[gate]
decision = "go"
decided_by = "Eva Ström"
motivation = "Problemet är tydligt"
conditions = [
  { text = "Förankra med rektorerna", owner = "Eva Ström", due = 2026-04-30 },
]
next_gate = "2026-06-10"
criteria = { behovsagare = "met", tid = "met" }
"#;

#[test]
fn an_answers_file_raises_actions_beside_items_and_sets_the_gates_conditions() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = workbook(dir.path());
    fs::write(wb.join("svar.toml"), WITH_ACTIONS).expect("write");
    pinned(&wb, &["run", "start", "--answers", "svar.toml"]).code(0);
    let log = entries(&wb);
    assert_eq!(log.len(), 2, "a session and a gate: {log:?}");
    let gate = log
        .iter()
        .find(|e| e.0.contains("gate-start"))
        .expect("gate");
    let session = log
        .iter()
        .find(|e| !e.0.contains("gate-"))
        .expect("session");
    // Beside its item, numbered across the entry.
    let problem = session.1.find("<!-- item: problem -->").expect("problem");
    let first = session.1.find("<!-- action: 1 -->").expect("action 1");
    let losning = session.1.find("<!-- item: losning -->").expect("losning");
    let second = session.1.find("<!-- action: 2 -->").expect("action 2");
    assert!(
        problem < first && first < losning && losning < second,
        "{}",
        session.1
    );
    assert!(session.1.contains("Karin Lindqvist"), "{}", session.1);
    assert!(session.1.contains("2026-03-31"), "{}", session.1);
    // The condition beside the decision, the next gate a record of its own.
    let decision = gate.1.find("<!-- item: decision -->").expect("decision");
    let condition = gate.1.find("<!-- action: 1 -->").expect("condition");
    let decided_by = gate
        .1
        .find("<!-- item: decided_by -->")
        .expect("decided_by");
    assert!(decision < condition && condition < decided_by, "{}", gate.1);
    assert!(gate.1.contains("<!-- item: next_gate -->"), "{}", gate.1);
    assert!(gate.1.contains("2026-06-10"), "{}", gate.1);
    dino_env(&wb, &["check"], &[]).code(0);
    // `dino due` lists all three, with their ids; the next gate is the
    // next phase's.
    let items = due_items(&wb, "2026-03-20");
    let ids: Vec<String> = items
        .iter()
        .filter_map(|i| i["id"].as_str().map(str::to_string))
        .collect();
    let (s, g) = (id_of(&session.0), id_of(&gate.0));
    assert!(ids.contains(&format!("{s}-1")), "{items:?}");
    assert!(ids.contains(&format!("{s}-2")), "{items:?}");
    assert!(ids.contains(&format!("{g}-1")), "{items:?}");
}

#[test]
fn an_action_alone_is_written_beside_an_item_left_unanswered() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = workbook(dir.path());
    fs::write(
        wb.join("svar.toml"),
        "[[actions]]\nitem = \"problem\"\ntext = \"Ta reda på det\"\nowner = \"Anna Lind\"\ndue = 2026-03-31\n",
    )
    .expect("write");
    pinned(&wb, &["run", "start", "--answers", "svar.toml"]).code(0);
    let log = entries(&wb);
    assert_eq!(log.len(), 1, "{log:?}");
    assert!(log[0].1.contains("<!-- item: problem -->"), "{}", log[0].1);
    assert!(log[0].1.contains("<!-- action: 1 -->"), "{}", log[0].1);
    dino_env(&wb, &["check"], &[]).code(0);
    // The item stays open: the action does not answer it.
    let status = dino_env(&wb, &["status", "--format", "json"], &[]);
    let doc: serde_json::Value = serde_json::from_str(&status.stdout).expect("JSON");
    assert_eq!(
        doc["workbooks"][0]["phases"][0]["done"], 0,
        "{}",
        status.stdout
    );
    assert_eq!(due_items(&wb, "2026-03-20").len(), 1);
}

#[test]
fn a_wrong_action_or_condition_is_named_at_its_line_and_nothing_is_written() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = workbook(dir.path());
    fs::write(
        wb.join("svar.toml"),
        "[answers]\nproblem = \"x\"\nlosning = \"nej\"\n\n[[actions]]\nitem = \"problm\"\ntext = \"x\"\nowner = \" \"\ndue = \"2026-02-30\"\n\n[gate]\ndecision = \"stop\"\ndecided_by = \"Eva\"\nmotivation = \"m\"\nconditions = [{ text = \"y\", owner = \"Eva\" }]\nnext_gate = \"2026-06-10\"\n",
    )
    .expect("write");
    let run = pinned(
        &wb,
        &["--lang", "en", "run", "start", "--answers", "svar.toml"],
    );
    run.code(1)
        .stderr_has(
            "svar.toml:6:8: the phase `start` has no item `problm`; did you mean `problem`?",
        )
        .stderr_has("svar.toml:8:9: `owner` must be a text that is not empty")
        .stderr_has("svar.toml:9:7: `due` must be a day the calendar has, YYYY-MM-DD (2026-03-31)")
        .stderr_has("svar.toml:15:15: ")
        .stderr_has("svar.toml:16:13: a stopped project has no next gate: leave out `next_gate`");
    assert!(entries(&wb).is_empty());
    assert!(!wb.join(".dino/draft.md").exists());
}

/// `dino gate start --decision …` with more arguments, in English.
fn gate(wb: &Path, more: &[&str]) -> crate::support::Run {
    let mut args = vec!["--lang", "en", "gate", "start"];
    args.extend_from_slice(more);
    pinned(wb, &args)
}

#[test]
fn gate_takes_conditions_in_order_and_the_next_gate() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = workbook(dir.path());
    let run = gate(
        &wb,
        &[
            "--decision",
            "recycle",
            "--by",
            "Eva Ström",
            "--why",
            "Oklart problem",
            "--condition",
            "Intervjua fem elever",
            "--owner",
            "Karin",
            "--due",
            "2026-04-01",
            "--condition",
            "Skriv om problemet",
            "--owner",
            "Anna Lind",
            "--due",
            "2026-04-15",
            "--next",
            "2026-05-01",
        ],
    );
    run.code(0);
    let log = entries(&wb);
    assert_eq!(log.len(), 1);
    let text = &log[0].1;
    let first = text.find("Intervjua fem elever").expect("first");
    let second = text.find("Skriv om problemet").expect("second");
    assert!(first < second, "{text}");
    assert!(text.contains("<!-- action: 2 -->"), "{text}");
    assert!(text.contains("<!-- item: next_gate -->"), "{text}");
    dino_env(&wb, &["check"], &[]).code(0);
    let items = due_items(&wb, "2026-03-20");
    let id = id_of(&log[0].0);
    let owners: Vec<(&str, &str)> = items
        .iter()
        .filter_map(|i| Some((i["id"].as_str()?, i["owner"].as_str()?)))
        .collect();
    assert!(owners.contains(&(&format!("{id}-1"), "Karin")), "{items:?}");
    assert!(
        owners.contains(&(&format!("{id}-2"), "Anna Lind")),
        "{items:?}"
    );
    let planned = dino_env(
        &wb,
        &["--lang", "en", "due"],
        &[("DINO_NOW", "2026-03-20T09:00:00+01:00")],
    );
    planned.code(0).stdout_has("2026-05-01");
}

#[test]
fn gate_refuses_conditions_without_their_owner_or_day_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = workbook(dir.path());
    let base = ["--decision", "pause", "--why", "Vänta"];
    let cases: [(&[&str], &str); 5] = [
        (
            &[
                "--condition",
                "a",
                "--owner",
                "Eva",
                "--due",
                "2026-04-01",
                "--condition",
                "b",
                "--due",
                "2026-04-02",
            ],
            "every --condition needs its --owner and its --due: 2 conditions, 1 owners, 2 dates",
        ),
        (
            &["--condition", "a", "--owner", " ", "--due", "2026-04-01"],
            "condition 1 has no owner: write a name in --owner",
        ),
        (
            &["--condition", "a", "--owner", "Eva", "--due", "2026-02-30"],
            "--due 2026-02-30: not a date; write a day the calendar has, YYYY-MM-DD (2026-03-31)",
        ),
        (
            &["--next", "1 maj"],
            "--next 1 maj: not a date; write a day the calendar has, YYYY-MM-DD (2026-03-31)",
        ),
        (&["--next", "2026-05-01", "--decision", "stop"], ""),
    ];
    for (more, message) in cases {
        let mut args: Vec<&str> = if more.contains(&"stop") {
            vec!["--why", "Slut"]
        } else {
            base.to_vec()
        };
        args.extend_from_slice(more);
        let run = gate(&wb, &args);
        if message.is_empty() {
            run.code(1)
                .stderr_has("a stopped project has no next gate: leave out --next");
        } else {
            run.code(1).stderr_has(message);
        }
        assert!(entries(&wb).is_empty(), "{args:?}");
    }
    // An owner without a condition or a deferred criterion is one too many.
    gate(
        &wb,
        &["--decision", "pause", "--why", "x", "--owner", "Eva"],
    )
    .code(1)
    .stderr_has(
        "every --condition needs its --owner and its --due: 0 conditions, 1 owners, 0 dates",
    );
    // Without a decision, an owner is a usage error.
    gate(&wb, &["--owner", "Eva"]).code(2);
}
